"""``cold_start`` and ``library_first_paint_100k``: the window, measured in fresh processes.

Both run each side in a new Python process (``QT_QPA_PLATFORM=offscreen``, private settings)
and time from just before the process is spawned to the first paint event the child sees,
using the wall clock the parent and the child share (``time.time``). Python bytecode is
compiled beforehand (an installed app has its ``.pyc`` files).

``cold_start`` -- ours: ``roadshow_desk.ui.app.start`` on a demo database, in Chinese, until
the main window first paints (the window appears before SQLAlchemy and the pages are
imported; ``ready_s`` says when the pages and the database are ready too). Baseline: a
bare PySide6 ``QMainWindow`` of the same size shown. Target: ≤ 3×.

``library_first_paint_100k`` -- ours: the same start-up on a demo database of 100,000 patents
until the library table first paints with rows. Baseline: the same rows (the library's
columns, sorted by application number) read with ``sqlite3`` into a list and shown by a bare
``QTableView`` over a minimal ``QAbstractTableModel``. Target: ≤ 2×, and peak memory (RSS)
within the baseline's + 150 MB (``peak_mb``, ``memory_met``).
"""

from __future__ import annotations

import compileall
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from harness import Benchmark, cached_path

ROOT = Path(__file__).resolve().parents[1]
MEMORY_ALLOWANCE_MB = 150

_WATCH = """
import json, os, resource, sys, time
from PySide6.QtCore import QEvent, QObject


class Watch(QObject):
    # Calls done() on the paint events of target (of every widget, with any_widget)
    # until it returns a true value.

    def __init__(self, target, done, any_widget=False):
        super().__init__(target)
        self.done = done
        self.any_widget = any_widget
        target.installEventFilter(self)

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and self.done is not None:
            if self.done(watched) if self.any_widget else self.done():
                self.done = None
        return False


def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def finish(**figures):
    print(json.dumps(figures), flush=True)
    os._exit(0)
"""

_OURS_COLD = (
    _WATCH
    + """
from PySide6.QtWidgets import QApplication
from roadshow_desk.ui.app import create_application, start

figures = {}


def window_painted(widget):
    if widget.objectName() == "main_window":
        figures["shown"] = time.time()
        return True
    return False


app = create_application()
Watch(app, window_painted, any_widget=True)
window = start(sys.argv[1], "zh_CN")
window.ready.connect(lambda: figures.setdefault("ready", time.time()))
while "shown" not in figures or "ready" not in figures:
    app.processEvents()
finish(**figures, peak_mb=peak_mb())
"""
)

_BARE_COLD = (
    _WATCH
    + """
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication([])
window = QMainWindow()
window.resize(1280, 800)
figures = {}
Watch(window, lambda: figures.setdefault("shown", time.time()))
window.show()
while "shown" not in figures:
    app.processEvents()
finish(**figures, peak_mb=peak_mb())
"""
)

_OURS_LIBRARY = (
    _WATCH
    + """
from roadshow_desk.ui.app import create_application, start

figures = {}


def table_painted(widget):
    table = widget.parent()
    if table is None or table.objectName() != "table_patents":
        return False
    if table.model().rowCount() == 0:
        return False
    figures["shown"] = time.time()
    figures["rows"] = table.model().total
    return True


app = create_application()
Watch(app, table_painted, any_widget=True)
window = start(sys.argv[1], "zh_CN")
while "shown" not in figures:
    app.processEvents()
finish(**figures, peak_mb=peak_mb())
"""
)

_BARE_LIBRARY = (
    _WATCH
    + """
import sqlite3
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QTableView

app = QApplication([])
connection = sqlite3.connect(sys.argv[1])
rows = connection.execute(
    "SELECT p.application_no, p.title, i.name, p.patent_type, p.legal_status,"
    " p.technical_field, p.application_date, p.ipc_main, s.score"
    " FROM patent p LEFT JOIN institution i ON i.id = p.institution_id"
    " LEFT JOIN patent_score s ON s.patent_id = p.id"
    " WHERE p.deleted_at IS NULL ORDER BY p.application_no, p.id"
).fetchall()


class Model(QAbstractTableModel):
    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(rows)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else 9

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            value = rows[index.row()][index.column()]
            return "" if value is None else str(value)
        return None


view = QTableView()
model = Model()
view.setModel(model)
view.resize(1280, 800)
figures = {}
Watch(view.viewport(), lambda: figures.setdefault("shown", time.time()))
view.show()
while "shown" not in figures:
    app.processEvents()
finish(**figures, peak_mb=peak_mb(), rows=len(rows))
"""
)


def _child(script: str, *args: str, settings: Path) -> dict[str, Any]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        ROADSHOW_DESK_SETTINGS=str(settings),
        ROADSHOW_DESK_DATA_DIR=str(settings.parent),
    )
    env.pop("ROADSHOW_DESK_DB", None)
    if settings.exists():
        settings.unlink()  # a first start every time: default layout, library page
    started = time.time()
    result = subprocess.run(
        [sys.executable, "-c", script, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    if result.returncode != 0 or not lines:
        raise RuntimeError(f"benchmark child failed: {result.stderr[-2000:]}")
    figures = json.loads(lines[-1])
    out: dict[str, Any] = {"seconds": figures["shown"] - started}
    if "ready" in figures:
        out["ready_s"] = round(figures["ready"] - started, 4)
    out["peak_mb"] = round(figures["peak_mb"], 1)
    if "rows" in figures:
        out["rows"] = figures["rows"]
    return out


def _demo_database(name: str, patents: int) -> Path:
    """A demo database at the current schema, built once and kept in bench-data/."""
    from sqlalchemy import create_engine

    from roadshow_desk.store.db import current_revision, open_database
    from roadshow_desk.store.demo import fill_demo
    from roadshow_desk.store.migrations import HEAD_REVISION

    path = cached_path(name)
    if path.exists():
        engine = create_engine(f"sqlite:///{path}")
        try:
            current = current_revision(engine) == HEAD_REVISION
        finally:
            engine.dispose()
        if current:
            return path
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    database = open_database(f"sqlite:///{path}")
    try:
        fill_demo(database, patents=patents)
    finally:
        database.dispose()
    return path


def _compile_sources() -> None:
    compileall.compile_dir(str(ROOT / "src" / "roadshow_desk"), quiet=1)


def _setup_cold() -> dict[str, Any]:
    _compile_sources()
    folder = Path(tempfile.mkdtemp(prefix="bench-app-", dir=cached_path("app.tmp").parent))
    return {"db": str(_demo_database("app-demo.sqlite3", 60)), "settings": folder / "s.ini"}


def _setup_library(patents: int) -> Any:
    def setup() -> dict[str, Any]:
        _compile_sources()
        folder = Path(tempfile.mkdtemp(prefix="bench-app-", dir=cached_path("app.tmp").parent))
        db = str(_demo_database(f"library-{patents}.sqlite3", patents))
        ctx: dict[str, Any] = {"db": db, "settings": folder / "s.ini"}
        ctx["bare_peak_mb"] = _child(_BARE_LIBRARY, db, settings=ctx["settings"])["peak_mb"]
        return ctx

    return setup


def _ours_library(ctx: dict[str, Any]) -> dict[str, Any]:
    figures = _child(_OURS_LIBRARY, ctx["db"], settings=ctx["settings"])
    limit = ctx["bare_peak_mb"] + MEMORY_ALLOWANCE_MB
    figures["memory_limit_mb"] = round(limit, 1)
    figures["memory_met"] = figures["peak_mb"] <= limit
    return figures


def benchmarks(quick: bool) -> list[Benchmark]:
    patents = 20_000 if quick else 100_000
    return [
        Benchmark(
            name="cold_start",
            setup=_setup_cold,
            ours=lambda ctx: _child(_OURS_COLD, ctx["db"], settings=ctx["settings"]),
            baseline=lambda ctx: _child(_BARE_COLD, settings=ctx["settings"]),
            target=3.0,
            repeat=3 if quick else 5,
        ),
        Benchmark(
            name="library_first_paint_100k" if not quick else "library_first_paint_20k",
            setup=_setup_library(patents),
            ours=_ours_library,
            baseline=lambda ctx: _child(_BARE_LIBRARY, ctx["db"], settings=ctx["settings"]),
            target=2.0,
            repeat=3 if quick else 5,
        ),
    ]
