"""Screening at library scale: search, facet counts and rescoring over 100,000 demo patents.

``search_100k``
    Ours: ``store.search.search_ids(..., limit=0)`` for a 1-, a 2- and a 3-character Chinese
    term (every hit, title hits first), on the demo library of 100,000 patents with its
    index built. Baseline: a plain ``instr`` scan of the same columns in SQLite (title,
    abstract, applicants, inventors, IPC, application and publication numbers) for the same
    terms. The hits must be identical (checked in the setup; ``identical`` in the output).
    Target: ≤ 0.1×. Also reported, untimed: ``queued_scan_s``, the same three searches
    while every patent waits in the index's queue (as right after a bulk import, before the
    search indexer caught up: the queued patents are scanned), also checked identical.

``facet_recount_100k``
    Ours: ``store.facets.count_facets`` for the search ``电池`` with "invention" ticked:
    every facet's values with disjunctive counts (search once, then one ``GROUP BY`` per
    facet on the covering indexes). Baseline: the bare SQL a straightforward version would
    run: the same eight counts as ``GROUP BY`` statements over ``patent`` with the search as
    an ``instr`` condition. Target: ≤ 0.3 s.

``rescore_100k``
    Ours: ``store.scoring.rescore`` after a weight change (invention 15 ↔ 20 points, so every
    invention's score changes): one ``INSERT INTO patent_score ... SELECT ... ON CONFLICT DO
    UPDATE`` committed. Baseline: the same statement as SQL text run by the ``sqlite3``
    module, toggling the same weight. Target: ≤ 0.3 s (the figure to watch is the ratio:
    SQLite's own reads and writes are the floor).

``rubric_undo_100k``
    What the window freezes for when Ctrl+Z takes an applied rubric back (#16 item 2). Ours:
    the context's ``UndoStack.undo()`` of an ``ApplyRubricCommand`` (the rescore of every
    patent runs on a worker, ``store.rubrics.take_back_applied``); the time is the longest
    gap between two ticks of a 5 ms timer of the GUI thread from the key until the step is
    done (``wall_s``: how long the step took). Baseline: the same undo made on the GUI
    thread, as before (``take_back_rubric_change`` in one statement): the window is frozen
    for all of it. Target: ≤ 0.1 s (the window answers within a tenth of a second).

The demo library is built once into ``bench-data/`` (``--quick``: 10,000 patents).
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
import time
from pathlib import Path
from typing import Any

from harness import Benchmark, cached_path

TERMS = ("芯", "电池", "传感器")
FIELDS = (
    "title",
    "abstract",
    "applicants",
    "inventors",
    "ipc_main",
    "ipc_all",
    "application_no",
    "publication_no",
)
_SCAN = (
    "SELECT id FROM patent WHERE deleted_at IS NULL AND ("
    + " OR ".join(f"instr({name}, ?1) > 0" for name in FIELDS)
    + ")"
)


def _library(quick: bool) -> Path:
    from roadshow_desk.store.db import open_database
    from roadshow_desk.store.demo import fill_demo
    from roadshow_desk.store.search_index import INDEX_VERSION

    count = 10_000 if quick else 100_000
    path = cached_path(f"search-demo-{count}-v{INDEX_VERSION}.sqlite3")
    if not path.exists():
        temp = path.with_suffix(".tmp")
        for leftover in temp.parent.glob(temp.name + "*"):
            leftover.unlink()
        database = open_database(f"sqlite:///{temp}")
        fill_demo(database, patents=count)  # indexed and scored (store.screening)
        database.dispose()
        temp.rename(path)
    return path


def _copy(path: Path) -> tuple[Path, Any]:
    from roadshow_desk.store.db import copy_database_file, open_database

    folder = Path(tempfile.mkdtemp(prefix="bench-search-"))
    target = folder / path.name
    copy_database_file(path, target)
    return folder, open_database(f"sqlite:///{target}")


def _raw(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, isolation_level=None)
    for pragma in ("journal_mode=WAL", "synchronous=FULL", "cache_size=-65536"):
        connection.execute(f"PRAGMA {pragma}")
    return connection


def _teardown(ctx: dict[str, Any]) -> None:
    ctx["raw"].close()
    ctx["database"].dispose()
    shutil.rmtree(ctx["folder"], ignore_errors=True)


# --------------------------------------------------------------------------- search


def _search_setup(quick: bool) -> dict[str, Any]:
    from roadshow_desk.store.search import search_ids

    folder, database = _copy(_library(quick))
    raw = _raw(database.path)
    connection = database.engine.connect()
    ctx = {"folder": folder, "database": database, "raw": raw, "connection": connection}
    hits = []
    for term in TERMS:
        ours = search_ids(connection, term, limit=0)
        bare = [row[0] for row in raw.execute(_SCAN, (term,))]
        if set(ours) != set(bare) or len(ours) != len(bare):
            raise AssertionError(f"search differs from the instr scan for {term!r}")
        hits.append(len(ours))
    connection.commit()
    ctx["hits"] = hits
    ctx["queued_scan_s"] = _queued_scan(connection, raw)
    return ctx


def _queued_scan(connection: Any, raw: sqlite3.Connection) -> float:
    """Seconds for the three searches with every patent queued (rolled back afterwards)."""
    import time

    from roadshow_desk.store.search import search_ids

    connection.exec_driver_sql(
        "INSERT OR IGNORE INTO patent_search_pending(patent_id) SELECT id FROM patent"
    )
    try:
        started = time.perf_counter()
        found = [search_ids(connection, term, limit=0) for term in TERMS]
        seconds = time.perf_counter() - started
    finally:
        connection.rollback()
    for term, ours in zip(TERMS, found, strict=True):
        bare = [row[0] for row in raw.execute(_SCAN, (term,))]
        if set(ours) != set(bare) or len(ours) != len(bare):
            raise AssertionError(f"the scan of the queue differs for {term!r}")
    return round(seconds, 3)


def _search_ours(ctx: dict[str, Any]) -> dict[str, Any]:
    from roadshow_desk.store.search import search_ids

    found = [len(search_ids(ctx["connection"], term, limit=0)) for term in TERMS]
    return {
        "terms": "/".join(TERMS),
        "hits": found,
        "identical": found == ctx["hits"],
        "queued_scan_s": ctx["queued_scan_s"],
    }


def _search_baseline(ctx: dict[str, Any]) -> None:
    for term in TERMS:
        ctx["raw"].execute(_SCAN, (term,)).fetchall()


def _search_teardown(ctx: dict[str, Any]) -> None:
    ctx["connection"].close()
    _teardown(ctx)


# --------------------------------------------------------------------------- facets


def _facet_setup(quick: bool) -> dict[str, Any]:
    from roadshow_desk.store.facets import Facet, FacetSelection

    folder, database = _copy(_library(quick))
    selection = FacetSelection(query="电池", event_id=1).with_values(Facet.TYPE, {"invention"})
    return {
        "folder": folder,
        "database": database,
        "raw": _raw(database.path),
        "selection": selection,
    }


def _facet_ours(ctx: dict[str, Any]) -> dict[str, Any]:
    from roadshow_desk.store.facets import count_facets

    with ctx["database"].session() as session:
        counts = count_facets(session, ctx["selection"])
    return {"total": counts.total, "values": sum(len(v) for v in counts.facets.values())}


_HITS = "(" + " OR ".join(f"instr({name}, '电池') > 0" for name in FIELDS) + ")"
_BARE_FACETS = [
    f"SELECT {key}, count(*) FROM patent WHERE deleted_at IS NULL AND {_HITS}{extra} GROUP BY 1"
    for key, extra in (
        ("technical_field", " AND patent_type = 'invention'"),
        ("coalesce(institution_id, 0)", " AND patent_type = 'invention'"),
        ("patent_type", ""),
        ("legal_status", " AND patent_type = 'invention'"),
        (
            "(SELECT CAST(score / 20 AS INTEGER) FROM patent_score WHERE patent_id = patent.id)",
            " AND patent_type = 'invention'",
        ),
        ("substr(application_date, 1, 4)", " AND patent_type = 'invention'"),
        ("overseas_family + 2 * pledge_financing", " AND patent_type = 'invention'"),
        (
            "id IN (SELECT patent_id FROM shortlist_entry WHERE event_id = 1)",
            " AND patent_type = 'invention'",
        ),
    )
]


def _facet_baseline(ctx: dict[str, Any]) -> None:
    for statement in _BARE_FACETS:
        ctx["raw"].execute(statement).fetchall()


# --------------------------------------------------------------------------- rescoring


def _rescore_setup(quick: bool) -> dict[str, Any]:
    import datetime as dt

    from sqlalchemy import select
    from sqlalchemy.dialects import sqlite

    from roadshow_desk.domain.models import Patent
    from roadshow_desk.domain.rubric import Criterion, RubricSpec
    from roadshow_desk.store.scoring import score_expression

    folder, database = _copy(_library(quick))
    today = dt.date.today()
    specs = [RubricSpec().with_weight(Criterion.INVENTION, points) for points in (20, 15)]

    def bare(spec: RubricSpec) -> str:
        # The whole SELECT compiled, so the interest count correlates with its patent.
        computed = select(Patent.id, score_expression(spec, today)).compile(
            dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True}
        )
        return (
            f"INSERT INTO patent_score (patent_id, score) {computed} WHERE true "
            "ON CONFLICT (patent_id) DO UPDATE SET score = excluded.score "
            "WHERE patent_score.score IS NOT excluded.score"
        )

    return {
        "folder": folder,
        "database": database,
        "raw": _raw(database.path),
        "specs": specs,
        "bare": [bare(spec) for spec in specs],
        "turn": 0,
        "bare_turn": 0,
        "today": today,
    }


def _rescore_ours(ctx: dict[str, Any]) -> dict[str, Any]:
    from roadshow_desk.store.scoring import rescore

    spec = ctx["specs"][ctx["turn"] % 2]
    ctx["turn"] += 1
    with ctx["database"].engine.begin() as connection:
        changed = rescore(connection, spec, today=ctx["today"])
    return {"changed": changed}


def _rescore_baseline(ctx: dict[str, Any]) -> dict[str, Any]:
    statement = ctx["bare"][ctx["bare_turn"] % 2]
    ctx["bare_turn"] += 1
    raw = ctx["raw"]
    raw.execute("BEGIN")
    changed = raw.execute(statement).rowcount
    raw.execute("COMMIT")
    return {"changed": changed}


# --------------------------------------------------------------------------- undo of Apply


def _undo_setup(quick: bool) -> dict[str, Any]:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QMainWindow

    from roadshow_desk.store import scoring
    from roadshow_desk.ui.settings import Settings
    from roadshow_desk.ui.workflow import AppContext

    app = QApplication.instance() or QApplication([])
    folder, database = _copy(_library(quick))
    settings = Settings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    context = AppContext(database, settings, "bench")
    window = QMainWindow()
    window.show()
    context.undo_stack.dialog_parent = window
    with database.session() as session:
        standard = scoring.active_spec(session)
    return {
        "app": app,
        "folder": folder,
        "database": database,
        "raw": _raw(database.path),
        "context": context,
        "window": window,
        "standard": standard,
        "turn": 0,
    }


def _apply(ctx: dict[str, Any]) -> Any:
    """Apply a rubric that changes every invention's score (untimed), as the dialog does."""
    from roadshow_desk.domain.rubric import Criterion
    from roadshow_desk.store import rubrics

    ctx["turn"] += 1
    spec = ctx["standard"].with_weight(Criterion.INVENTION, 20 + ctx["turn"])
    return spec, rubrics.apply_rubric(ctx["database"], "Bench", spec)


def _stalls(ctx: dict[str, Any], start: Any, busy: Any) -> dict[str, Any]:
    """Run ``start()``, keep the event loop turning while ``busy()``; the longest gap between
    two ticks of a 5 ms timer, and the wall time."""
    from PySide6.QtCore import QEventLoop, QTimer

    gaps: list[float] = []
    last = [0.0]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    loop = QEventLoop()

    def tick_or_quit() -> None:
        tick()
        if not busy():
            loop.quit()

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick_or_quit)
    began = last[0] = time.perf_counter()
    timer.start()
    start()
    loop.exec()  # an idle window: the event loop waits for the next event
    timer.stop()
    return {"seconds": max(gaps), "wall_s": round(time.perf_counter() - began, 3)}


def _undo_ours(ctx: dict[str, Any]) -> dict[str, Any]:
    from roadshow_desk.ui.screening.commands import ApplyRubricCommand

    spec, applied = _apply(ctx)
    context = ctx["context"]
    ApplyRubricCommand(context, "Bench", spec).push_done(applied.change)
    stack = context.undo_stack
    figures = _stalls(ctx, stack.undo, lambda: stack.busy)
    assert stack.index() == stack.count() - 1
    return figures


def _undo_baseline(ctx: dict[str, Any]) -> dict[str, Any]:
    from roadshow_desk.store.rubric_changes import take_back_rubric_change

    _spec, applied = _apply(ctx)

    def undo_on_the_gui_thread() -> None:
        with ctx["database"].session() as session:
            take_back_rubric_change(session, applied.change)

    return _stalls(ctx, undo_on_the_gui_thread, lambda: False)


def _undo_teardown(ctx: dict[str, Any]) -> None:
    ctx["context"].undo_stack.clear()
    ctx["window"].close()
    _teardown(ctx)


def benchmarks(quick: bool) -> list[Benchmark]:
    return [
        Benchmark(
            name="search_100k",
            setup=lambda: _search_setup(quick),
            ours=_search_ours,
            baseline=_search_baseline,
            teardown=_search_teardown,
            target=0.1,
            note="1/2/3-char terms, all hits, vs instr scan",
        ),
        Benchmark(
            name="facet_recount_100k",
            setup=lambda: _facet_setup(quick),
            ours=_facet_ours,
            baseline=_facet_baseline,
            teardown=_teardown,
            target_seconds=0.3,
            note="search 电池 + invention ticked, 8 facets",
        ),
        Benchmark(
            name="rescore_100k",
            setup=lambda: _rescore_setup(quick),
            ours=_rescore_ours,
            baseline=_rescore_baseline,
            teardown=_teardown,
            target_seconds=0.3,
            repeat=4,
            note="invention weight 15<->20, one INSERT ... ON CONFLICT UPDATE",
        ),
        Benchmark(
            name="rubric_undo_100k",
            setup=lambda: _undo_setup(quick),
            ours=_undo_ours,
            baseline=_undo_baseline,
            teardown=_undo_teardown,
            target_seconds=0.1,
            note="Ctrl+Z of an applied rubric: longest GUI-thread stall",
        ),
    ]
