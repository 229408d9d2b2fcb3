"""``cold_start`` and ``library_first_paint_100k``: the window, measured in fresh processes.

Both run each side in a new Python process (``QT_QPA_PLATFORM=offscreen``, private settings)
and time from just before the process is spawned to a paint event the child sees, using
the wall clock the parent and the child share (``time.time``). Python bytecode is compiled
beforehand (an installed app has its ``.pyc`` files). Both use the demo database of
100,000 patents (20,000 with ``--quick``).

``cold_start`` -- ours: ``roadshow_desk.ui.app.start`` on the demo database, in Chinese,
until the window is usable: the library table has painted with rows *and* the window is
ready (every page and controller built, so the event loop is free for the user's keys).
``first_paint_s`` is when the window first painted ("Opening the database..."), ``table_s``
when the table first painted with rows, ``ready_s`` when the window was ready; ``focus`` is
the object name of the widget with the keyboard focus then (``focus_visible``: whether it
is on screen), and ``search_focus_met`` whether it is the library's search box: a condition
of the target. Baseline: a bare PySide6 window that opens the same SQLite file with
``sqlite3``, reads the first screenful (100 rows of the library's columns, sorted by
application number) and shows it in a ``QTableView`` under a focused ``QLineEdit``, until
the table paints with rows. Target: <= 3x.

``library_first_paint_100k`` -- ours: the same start-up until the library table first
paints with rows. Baseline: Qt's own lazy model, a ``QSqlQueryModel`` over the same query
(the library's columns, sorted by application number) through the ``QSQLITE`` driver, in a
``QTableView``, until it paints with rows: both sides fetch lazily. Target: <= 2x, and the
peak memory within the baseline's + 150 MB (``memory_met``, part of pass or fail).

Peak memory (``peak_mb``) is the child's own high-water mark, ``VmHWM`` in
``/proc/self/status``: ``ru_maxrss`` of a child starts at its parent's on Linux.
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
SEARCH_BOX = "edit_search"  # the library's search box (ui/screening/facet_panel.py)

_WATCH = """
import json, os, sys, time
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
    # This process's own peak resident set (ru_maxrss would start at the parent's).
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM in /proc/self/status")


def finish(**figures):
    print(json.dumps(figures), flush=True)
    os._exit(0)
"""

_OURS_COLD = (
    _WATCH
    + """
from roadshow_desk.ui.app import create_application, start

figures = {}


def painted(widget):
    # Never done: records the window's first paint and the table's first paint with rows.
    if widget.objectName() == "main_window":
        figures.setdefault("first_paint", time.time())
    table = widget.parent()
    if table is not None and table.objectName() == "table_patents":
        if table.model().rowCount() > 0:
            figures.setdefault("table", time.time())
            figures.setdefault("rows", table.model().total)
    return False


app = create_application()
Watch(app, painted, any_widget=True)
window = start(sys.argv[1], "zh_CN")
window.ready.connect(lambda: figures.setdefault("ready", time.time()))
while "table" not in figures or "ready" not in figures:
    app.processEvents()
focus = app.focusWidget()
finish(
    **figures,
    shown=max(figures["table"], figures["ready"]),
    focus="" if focus is None else focus.objectName(),
    focus_visible=focus is not None and focus.isVisible(),
    peak_mb=peak_mb(),
)
"""
)

_BARE_COLD = (
    _WATCH
    + """
import sqlite3
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QTableView, QVBoxLayout, QWidget

app = QApplication([])
connection = sqlite3.connect(sys.argv[1])
rows = connection.execute(
    "SELECT p.application_no, p.title, i.name, p.patent_type, p.legal_status,"
    " p.technical_field, p.application_date, p.ipc_main, s.score"
    " FROM patent p LEFT JOIN institution i ON i.id = p.institution_id"
    " LEFT JOIN patent_score s ON s.patent_id = p.id"
    " WHERE p.deleted_at IS NULL ORDER BY p.application_no, p.id LIMIT 100"
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


window = QWidget()
layout = QVBoxLayout(window)
search = QLineEdit()
layout.addWidget(search)
view = QTableView()
model = Model()
view.setModel(model)
layout.addWidget(view)
window.resize(1280, 800)
figures = {}
Watch(view.viewport(), lambda: figures.setdefault("shown", time.time()))
window.show()
search.setFocus()
while "shown" not in figures:
    app.processEvents()
finish(**figures, peak_mb=peak_mb(), rows=len(rows))
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
from PySide6.QtSql import QSqlDatabase, QSqlQuery, QSqlQueryModel
from PySide6.QtWidgets import QApplication, QTableView

app = QApplication([])
database = QSqlDatabase.addDatabase("QSQLITE")
database.setDatabaseName(sys.argv[1])
assert database.open(), database.lastError().text()
query = QSqlQuery(database)
assert query.exec(
    "SELECT p.application_no, p.title, i.name, p.patent_type, p.legal_status,"
    " p.technical_field, p.application_date, p.ipc_main, s.score"
    " FROM patent p LEFT JOIN institution i ON i.id = p.institution_id"
    " LEFT JOIN patent_score s ON s.patent_id = p.id"
    " WHERE p.deleted_at IS NULL ORDER BY p.application_no, p.id"
), query.lastError().text()
model = QSqlQueryModel()
model.setQuery(query)  # lazy: fetches a block of rows at a time, as the view asks
view = QTableView()
view.setModel(model)
view.resize(1280, 800)
figures = {}


def shown():
    if model.rowCount() == 0:
        return False
    figures["shown"] = time.time()
    return True


Watch(view.viewport(), shown)
view.show()
while "shown" not in figures:
    app.processEvents()
finish(**figures, peak_mb=peak_mb(), rows=model.rowCount())
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
    for name in ("first_paint", "table", "ready"):
        if name in figures:
            out[f"{name}_s"] = round(figures[name] - started, 4)
    out["peak_mb"] = round(figures["peak_mb"], 1)
    for name in ("rows", "focus", "focus_visible"):
        if name in figures:
            out[name] = figures[name]
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


def _setup_cold(patents: int) -> Any:
    def setup() -> dict[str, Any]:
        _compile_sources()
        folder = Path(tempfile.mkdtemp(prefix="bench-app-", dir=cached_path("app.tmp").parent))
        db = str(_demo_database(f"library-{patents}.sqlite3", patents))
        return {"db": db, "settings": folder / "s.ini"}

    return setup


def _ours_cold(ctx: dict[str, Any]) -> dict[str, Any]:
    figures = _child(_OURS_COLD, ctx["db"], settings=ctx["settings"])
    figures["search_focus_met"] = figures.get("focus") == SEARCH_BOX
    return figures


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
            setup=_setup_cold(patents),
            ours=_ours_cold,
            baseline=lambda ctx: _child(_BARE_COLD, ctx["db"], settings=ctx["settings"]),
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
