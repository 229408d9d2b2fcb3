"""Patent import benchmarks: 100,000 rows × 20 columns of Chinese text.

The baselines read the file with the reader the importer uses, bare: ``python_calamine``
(``CalamineWorkbook.from_path(...).get_sheet_by_name(...).to_python()``) for the workbook,
and for the CSV the bytes decoded as GB18030 and split by the ``csv`` module.

``import_xlsx_100k`` -- ours: :func:`roadshow_desk.exchange.patent_import.import_patents` of
the workbook into a fresh database, end to end (read, map, check every row, backup, one
transaction with the batch row, institutions, scores, the new patents queued for the search
index: searches are exact at once, the index catches up afterwards, see below). Baseline:
the bare read of the same file. Target ≤ 1.5×.

``import_xlsx_100k_searchable`` -- ours: from the start of the same import until every
imported patent is in the search index: the import, then the window's background
:class:`~roadshow_desk.ui.search_indexer.SearchIndexer` run to completion (its batches and
its pauses for other writers included), as after an import in the window. Baseline: the
same bare read. Target: the catch-up (``catchup_s``) no longer than the import itself
(``import_s``): ``catchup_met``; and a desk writing every 0.3 s during the catch-up waits
at most 0.5 s for the write lock each time (``writer_lock_wait_max_s``):
``writer_wait_met``; ``writer_wait_max_s`` is the longest write, its own fsync included.

``reimport_unchanged_100k`` -- ours: the same workbook imported again into the database that
already holds it: every row recognised as unchanged, nothing written (checked: no batch,
nothing inserted or updated, and the database file and its WAL byte-identical before and
after, by SHA-256). Baseline: the same bare read. Target ≤ 1.2×.

``import_csv_100k_gb18030`` and ``import_csv_100k_searchable`` -- the same as the two
workbook figures, for the same data as a GB18030 CSV. Targets: ≤ 3×, and the catch-up
no longer than the import.

The files are generated deterministically (seeded) into ``bench-data/`` once and reused;
``--quick`` uses 10,000 rows. The time of creating the empty database is not counted (each
run reports its own import time through ``seconds``); ``rows_written`` is what the
re-import wrote. ``storage_floor_s`` (not timed) is what SQLite alone needs to store the
same patent rows (see :func:`_storage_floor`): the baseline plus it is the least an import
into this schema can take, whatever the importer.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import random
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

from harness import Benchmark, cached_path

WEIGHTS = (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)
HEADER = [
    "申请号",
    "公开号",
    "专利名称",
    "摘要",
    "申请人",
    "发明人",
    "申请日",
    "公开日",
    "授权公告日",
    "国际分类",
    "国际主分类",
    "法律状态",
    "专利类型",
    "权利要求数",
    "同族专利数",
    "引用本文专利数",
    "申请人地址",
    "专利代理机构",
    "技术领域",
    "优先权日",
]
CHARS = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能"
    "下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量"
    "都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各"
    "重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代"
    "想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接"
    "知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北"
    "造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打"
    "白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今"
)
STATUSES = ("有效", "公开", "无效", "撤回", "驳回")
KINDS = ("发明公布", "发明授权", "实用新型")
UNIVERSITIES = tuple(f"{city}大学" for city in ("北京", "浙江", "南京", "武汉", "四川", "山东"))


def _number(index: int) -> str:
    digits = f"20{17 + index % 6}{1 + index % 2}{index:07d}"
    remainder = sum(int(d) * w for d, w in zip(digits, WEIGHTS, strict=False)) % 11
    return f"CN{digits}.{'X' if remainder == 10 else remainder}"


def rows(count: int) -> list[list[str]]:
    """``count`` deterministic rows of Chinese patent data (20 columns)."""
    generator = random.Random(20240520)

    def text(length: int) -> str:
        return "".join(generator.choice(CHARS) for _ in range(length))

    result = []
    for index in range(count):
        month, day = 1 + index % 12, 1 + index % 28
        applicant = generator.choice(UNIVERSITIES) if index % 3 == 0 else text(6) + "科技有限公司"
        result.append(
            [
                _number(index),
                f"CN{100000000 + index}A",
                "一种" + text(18),
                text(200),
                applicant,
                " | ".join(text(3) for _ in range(1 + index % 4)),
                f"2021/{month:02d}/{day:02d}",
                f"2022/{month:02d}/{day:02d}",
                "" if index % 2 else f"2023/{month:02d}/{day:02d}",
                f"G06F {16 + index % 3}/{583 + index % 7}|H04W  4/90",
                f"G06F {16 + index % 3}/{583 + index % 7}",
                STATUSES[index % len(STATUSES)],
                KINDS[index % len(KINDS)],
                str(index % 20),
                str(index % 5),
                str(index % 7),
                text(20),
                text(10) + "专利代理有限公司",
                text(4),
                "",
            ]
        )
    return result


def workbook(count: int) -> Path:
    """The benchmark workbook (generated once into bench-data/)."""
    path = cached_path(f"import_{count}.xlsx")
    if not path.exists():
        import xlsxwriter

        partial = path.with_suffix(".part")
        book = xlsxwriter.Workbook(str(partial), {"constant_memory": True})
        sheet = book.add_worksheet("专利")
        sheet.write_row(0, 0, HEADER)
        for number, row in enumerate(rows(count), start=1):
            sheet.write_row(number, 0, row)
        book.close()
        partial.rename(path)
    return path


def gb18030_csv(count: int) -> Path:
    """The same data as a GB18030 CSV (generated once into bench-data/)."""
    path = cached_path(f"import_{count}_gb18030.csv")
    if not path.exists():
        partial = path.with_suffix(".part")
        with partial.open("w", encoding="gb18030", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(HEADER)
            writer.writerows(rows(count))
        partial.rename(path)
    return path


def _fresh_database(folder: Path) -> Any:
    from roadshow_desk.store.db import open_database

    target = folder / f"bench-{time.monotonic_ns()}.sqlite3"
    return open_database(f"sqlite:///{target}")


def _timed_import(database: Any, path: Path, *, floor: bool = True) -> dict[str, Any]:
    from roadshow_desk.exchange import patent_import

    started = time.perf_counter()
    result = patent_import.import_patents(database, path, station="bench")
    seconds = time.perf_counter() - started
    out: dict[str, Any] = {"seconds": seconds, "result": result}
    if floor and result.inserted:
        out["storage_floor_s"] = _storage_floor(database)
    return out


def _storage_floor(database: Any) -> float:
    """Seconds SQLite alone needs to store what the import stored (untimed, for reference).

    The exact rows the import wrote to ``patent`` are inserted again with a bare
    ``sqlite3`` ``executemany`` into a fresh database of the same schema, with the app's
    pragmas (WAL, ``synchronous=FULL``, foreign keys, the import's page cache), in one
    transaction, and committed -- the faster of two ways: with the table's indexes in place,
    and with its secondary indexes dropped first and built again before the commit (what
    the importer does). No reading, checking or Python work is in it: the baseline read
    plus this is about the least any import of the file into this schema can take.
    """
    import sqlite3

    source = sqlite3.connect(database.path)
    try:
        patents = source.execute("SELECT * FROM patent ORDER BY id").fetchall()
        parents = {
            name: source.execute(f"SELECT * FROM {name}").fetchall()
            for name in ("institution", "import_batch")
        }
    finally:
        source.close()
    return min(_bare_store(database, patents, parents, rebuild) for rebuild in (False, True))


def _bare_store(
    database: Any, patents: list[Any], parents: dict[str, list[Any]], rebuild: bool
) -> float:
    fresh = _fresh_database(database.path.parent)
    path = fresh.path
    fresh.dispose()
    target = sqlite3_connect(path)
    try:
        for name, rows in parents.items():
            if rows:
                marks = ",".join("?" * len(rows[0]))
                target.executemany(f"INSERT INTO {name} VALUES ({marks})", rows)
        indexes = target.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'patent' "
            "AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'"
        ).fetchall()
        marks = ",".join("?" * len(patents[0]))
        started = time.perf_counter()
        target.execute("BEGIN")
        if rebuild:
            for name, _sql in indexes:
                target.execute(f'DROP INDEX "{name}"')
        target.executemany(f"INSERT INTO patent VALUES ({marks})", patents)
        if rebuild:
            for _name, sql in indexes:
                target.execute(sql)
        target.execute("COMMIT")
        return round(time.perf_counter() - started, 2)
    finally:
        target.close()


def sqlite3_connect(path: Path) -> Any:
    """A bare connection with the app's pragmas and the importer's page cache."""
    import sqlite3

    connection = sqlite3.connect(path, isolation_level=None)
    for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON"):
        connection.execute(f"PRAGMA {pragma}")
    connection.execute(f"PRAGMA cache_size=-{256 * 1024}")
    return connection


def _indexer(database: Any) -> Any:
    """The window's search indexer over ``database``, in a bare main window (offscreen)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from types import SimpleNamespace

    from PySide6.QtWidgets import QApplication, QMainWindow

    from roadshow_desk.ui.search_indexer import SearchIndexer

    app = QApplication.instance() or QApplication([])
    window = QMainWindow()
    window.context = SimpleNamespace(database=database)  # type: ignore[attr-defined]
    indexer = SearchIndexer(window)
    return app, window, indexer


class _Writer:
    """A desk writing during the catch-up: a short write transaction (committed with the
    app's ``synchronous=FULL``) every :data:`WRITER_EVERY_S`; ``waits`` are how long each
    took, from asking for the database to its commit (its own fsync included: on a busy
    disk that alone can take a good part of a second), ``lock_waits`` how long each waited
    for the write lock (what the indexer makes it wait)."""

    def __init__(self, database: Any) -> None:
        import threading

        from sqlalchemy import text

        self.database = database
        self.text = text
        self.waits: list[float] = []
        self.lock_waits: list[float] = []
        self._stop = threading.Event()
        with database.session() as session:
            session.execute(text("CREATE TABLE IF NOT EXISTS bench_writer(at REAL)"))
        self._thread = threading.Thread(target=self._run, name="bench-writer", daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(WRITER_EVERY_S):
            asked = time.perf_counter()
            with self.database.engine.connect() as connection:
                connection.exec_driver_sql("BEGIN IMMEDIATE")  # waits for the write lock
                locked = time.perf_counter()
                connection.execute(
                    self.text("INSERT INTO bench_writer(at) VALUES (:at)"), {"at": asked}
                )
                connection.commit()  # synchronous=FULL: its own fsync
            self.waits.append(time.perf_counter() - asked)
            self.lock_waits.append(locked - asked)

    def __enter__(self) -> _Writer:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()


WRITER_EVERY_S = 0.3
WRITER_WAIT_S = 0.5  # a desk recording an intention during the catch-up waits at most this


def _import_searchable(ctx: _Context) -> dict[str, Any]:
    """From the import's start until its patents are all indexed by the background indexer,
    while a desk writes every :data:`WRITER_EVERY_S` (its longest wait: ``writer_wait_max_s``,
    at most :data:`WRITER_WAIT_S`: ``writer_wait_met``)."""
    from roadshow_desk.store.search_index import pending_count

    database = _fresh_database(ctx.folder)
    app, window, indexer = _indexer(database)
    batches: list[int] = []
    indexer.progressed.connect(lambda done, _total: batches.append(done))
    writer = _Writer(database)
    try:
        started = time.perf_counter()
        timed = _timed_import(database, ctx.path, floor=False)
        imported = time.perf_counter()
        with writer:
            indexer.start()  # what the window does on import_finished
            assert indexer.wait(3600)
            done = time.perf_counter()
        app.processEvents()  # the worker's last reports
        assert indexer.error is None, indexer.error
        with database.session() as session:
            left = pending_count(session)
        result = timed["result"]
        assert result.inserted > 0 and result.rejected == 0, result.counts()
        assert left == 0 and indexer.indexed >= result.inserted, (left, indexer.indexed)
    finally:
        indexer.stop()
        window.deleteLater()
        app.processEvents()
        database.dispose()
    import_s, catchup_s = imported - started, done - imported
    return {
        "seconds": done - started,
        "import_s": round(import_s, 2),
        "catchup_s": round(catchup_s, 2),
        "catchup_met": catchup_s <= import_s,
        "indexed": indexer.indexed,
        "batches": len(batches),  # transactions (each committed, then a pause)
        "writer_writes": len(writer.waits),
        "writer_wait_max_s": round(max(writer.waits, default=0.0), 3),  # with its own fsync
        "writer_lock_wait_max_s": round(max(writer.lock_waits, default=0.0), 3),
        "writer_wait_met": max(writer.lock_waits, default=0.0) <= WRITER_WAIT_S,
    }


def _file_hashes(path: Path) -> dict[str, str]:
    """SHA-256 of the database file and its WAL (those that exist)."""
    hashes = {}
    for suffix in ("", "-wal"):
        part = Path(f"{path}{suffix}")
        if part.exists():
            hashes[suffix or "db"] = hashlib.sha256(part.read_bytes()).hexdigest()
    return hashes


class _Context:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.folder = Path(tempfile.mkdtemp(prefix="bench-import-"))
        self.database: Any = None

    def close(self) -> None:
        if self.database is not None:
            self.database.dispose()
        shutil.rmtree(self.folder, ignore_errors=True)


def _import_fresh(ctx: _Context) -> dict[str, Any]:  # the import only (searches still exact)
    database = _fresh_database(ctx.folder)
    try:
        timed = _timed_import(database, ctx.path)
    finally:
        database.dispose()
    result = timed.pop("result")
    assert result.inserted > 0 and result.rejected == 0, result.counts()
    return {**timed, "inserted": result.inserted}


def _setup_reimport(path: Path) -> _Context:
    ctx = _Context(path)
    ctx.database = _fresh_database(ctx.folder)
    from roadshow_desk.exchange.patent_import import import_patents

    import_patents(ctx.database, path, station="bench")
    return ctx


def _reimport(ctx: _Context) -> dict[str, Any]:
    database_file = ctx.database.path
    before = _file_hashes(database_file)
    timed = _timed_import(ctx.database, ctx.path)
    result = timed.pop("result")
    after = _file_hashes(database_file)
    assert result.unchanged == result.counts()["unchanged"] > 0 and result.batch_id is None
    assert result.inserted == result.updated == 0, result.counts()
    assert after == before, f"the database changed: {before} -> {after}"
    return {**timed, "unchanged": result.unchanged, "rows_written": 0}


def _read_excel(ctx: _Context) -> dict[str, Any]:
    """The importer's reader, bare: python_calamine's rows of the first sheet."""
    import python_calamine as calamine

    workbook = calamine.CalamineWorkbook.from_path(str(ctx.path))
    try:
        rows = workbook.get_sheet_by_name(workbook.sheet_names[0]).to_python(skip_empty_area=False)
    finally:
        workbook.close()
    return {"rows": len(rows) - 1}


def _read_csv(ctx: _Context) -> dict[str, Any]:
    """The importer's reader, bare: the bytes decoded as GB18030, split by the csv module."""
    text = ctx.path.read_bytes().decode("gb18030")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    return {"rows": len(rows) - 1}


def benchmarks(quick: bool) -> list[Benchmark]:
    count = 10_000 if quick else 100_000
    repeat = 1 if not quick else 2
    return [
        Benchmark(
            name="import_xlsx_100k",
            setup=lambda: _Context(workbook(count)),
            ours=_import_fresh,
            baseline=_read_excel,
            teardown=lambda ctx: ctx.close(),
            target=1.5,
            repeat=repeat,
            note=f"{count} rows x 20 columns",
        ),
        Benchmark(
            name="import_xlsx_100k_searchable",
            setup=lambda: _Context(workbook(count)),
            ours=_import_searchable,
            baseline=_read_excel,
            teardown=lambda ctx: ctx.close(),
            repeat=1,
            note=f"{count} rows, until all are indexed",
        ),
        Benchmark(
            name="reimport_unchanged_100k",
            setup=lambda: _setup_reimport(workbook(count)),
            ours=_reimport,
            baseline=_read_excel,
            teardown=lambda ctx: ctx.close(),
            target=1.2,
            repeat=3,
            note=f"{count} rows, nothing written",
        ),
        Benchmark(
            name="import_csv_100k_gb18030",
            setup=lambda: _Context(gb18030_csv(count)),
            ours=_import_fresh,
            baseline=_read_csv,
            teardown=lambda ctx: ctx.close(),
            target=3.0,
            repeat=repeat,
            note=f"{count} rows x 20 columns",
        ),
        Benchmark(
            name="import_csv_100k_searchable",
            setup=lambda: _Context(gb18030_csv(count)),
            ours=_import_searchable,
            baseline=_read_csv,
            teardown=lambda ctx: ctx.close(),
            repeat=1,
            note=f"{count} rows, until all are indexed",
        ),
    ]
