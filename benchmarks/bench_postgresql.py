"""PostgreSQL: capture, search and import on a throwaway server (``tests/pg_server.py``).

``capture_save_pg``
    Ours: ``store.intentions.record_intention`` (validation, the insert, the patent's
    rescore, commit: the capture panel's path) on PostgreSQL, ``N`` intentions one by one.
    Baseline: the same row inserted with a bare psycopg connection and committed, one
    transaction per row, on the same server. Target: ≤ 3×.

``search_100k_pg``
    Ours: ``store.search.search_ids(..., limit=0)`` for a 1-, 2- and 3-character Chinese term,
    an IPC code and an application-number fragment over 100,000 demo patents (the GIN
    index over the tokens side table of ``store.search_pg``, caught up in the setup).
    Baseline: a sequential ``strpos`` scan of the same columns on the same server. Hits
    identical (checked in the setup). Target: ≤ 0.1×.

``import_xlsx_100k_pg``
    Ours: ``exchange.patent_import.import_patents`` of the 100,000-row workbook into a fresh
    PostgreSQL database (COPY; the patents queued for the search indexer, as SQLite's
    import queues them). Baseline: the same import into a fresh SQLite file in the same run.
    Target: ≤ 1.5×.

Where no PostgreSQL server binaries exist, each is reported as skipped with the reason.
``--quick``: 10,000 patents/rows, 50 captures.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from harness import Benchmark, cached_path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

TERMS = ("芯", "电池", "传感器", "h01m", "2021")


def _server() -> Any:
    from pg_server import shared_server

    return shared_server()


# --------------------------------------------------------------------------- capture


def _capture_setup(count: int) -> dict[str, Any]:
    import psycopg

    from fairday_data import make_fair_day
    from roadshow_desk.domain.capture import IntentionDraft
    from roadshow_desk.domain.enums import IntentionKind
    from roadshow_desk.store.db import open_database
    from roadshow_desk.store.intentions import record_intention

    server = _server()
    url = server.create_database()
    database = open_database(url)
    day = make_fair_day(database)
    draft = IntentionDraft(
        enterprise_id=day.enterprise_ids[0],
        patent_id=day.patent_ids[0],
        kind=IntentionKind.LICENCE,
        contact_person="张工",
        contact_phone="13812345678",
        notes="想要独占许可",
        event_id=day.event_id,
    )
    record_intention(database, draft, station="warm-up")
    raw = psycopg.connect(url.replace("postgresql+psycopg", "postgresql"))
    return {
        "server": server,
        "url": url,
        "database": database,
        "record": record_intention,
        "draft": draft,
        "raw": raw,
        "day": day,
        "count": count,
    }


def _capture_ours(ctx: dict[str, Any]) -> dict[str, Any]:
    record, database, draft = ctx["record"], ctx["database"], ctx["draft"]
    for _ in range(ctx["count"]):
        record(database, draft, station="bench")
    return {"intentions": ctx["count"]}


_INSERT = (
    "INSERT INTO intention (uuid, updated_at, station, deleted_at, event_id, enterprise_id, "
    "patent_id, kind, prospect_rating, budget_band, budget_amount, timeline, contact_person, "
    "contact_phone, notes, captured_at, captured_station, stage, stage_changed_at, owner, "
    "next_action_on, dropped_reason) "
    "VALUES (%s, %s, %s, NULL, %s, %s, %s, %s, NULL, NULL, NULL, NULL, %s, %s, %s, %s, %s, "
    "'new', NULL, '', NULL, '') RETURNING id"
)


def _capture_baseline(ctx: dict[str, Any]) -> None:
    raw, day = ctx["raw"], ctx["day"]
    for _ in range(ctx["count"]):
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        raw.execute(
            _INSERT,
            (uuid.uuid4().hex, now, "bench", day.event_id, day.enterprise_ids[0],
             day.patent_ids[0], "licence", "张工", "13812345678", "想要独占许可", now, "bench"),
        )  # fmt: skip
        raw.commit()


def _capture_teardown(ctx: dict[str, Any]) -> None:
    ctx["raw"].close()
    ctx["database"].dispose()
    ctx["server"].drop_database(ctx["url"])


# --------------------------------------------------------------------------- search


def _search_setup(quick: bool) -> dict[str, Any]:
    import psycopg

    from bench_search import _library
    from roadshow_desk.store.db import open_database
    from roadshow_desk.store.search import query_terms, search_ids
    from roadshow_desk.store.search_index import index_pending

    source = _library(quick)  # the SQLite demo library of bench_search (cached)
    server = _server()
    url = server.create_database()
    database = open_database(url)
    raw = psycopg.connect(url.replace("postgresql+psycopg", "postgresql"), autocommit=True)
    columns = _copy_patents(source, raw)
    started = time.perf_counter()
    with database.engine.begin() as connection:  # the search indexer's catch-up, at once
        index_pending(connection)
    index_s = round(time.perf_counter() - started, 2)
    started = time.perf_counter()
    raw.execute("ANALYZE patent")
    raw.execute("ANALYZE patent_search_tokens")
    fields = ("title", "abstract", "applicants", "inventors", "ipc_main", "ipc_all",
              "application_no", "publication_no")  # fmt: skip
    scan = (
        "SELECT id FROM patent WHERE deleted_at IS NULL AND ("
        + " OR ".join(f"strpos(lower({name}), %s) > 0" for name in fields)
        + ")"
    )
    connection = database.engine.connect()
    hits = []
    for term in TERMS:
        ours = search_ids(connection, term, limit=0)
        normal = query_terms(term)[0]
        bare = [row[0] for row in raw.execute(scan, (normal,) * len(fields))]
        if set(ours) != set(bare) or len(ours) != len(bare):
            raise AssertionError(f"search differs from the strpos scan for {term!r}")
        hits.append(len(ours))
    connection.commit()
    return {
        "server": server, "url": url, "database": database, "raw": raw, "scan": scan,
        "connection": connection, "hits": hits, "columns": columns, "fields": len(fields),
        "analyse_s": round(time.perf_counter() - started, 2), "index_s": index_s,
    }  # fmt: skip


def _copy_patents(source: Path, raw: Any) -> int:
    """Copy the demo library's patents into the server (COPY) as a bulk import does: the
    search trigger off, the patents queued for the index."""
    import sqlite3

    from roadshow_desk.store import search_pg

    lite = sqlite3.connect(source)
    try:
        names = [row[1] for row in lite.execute("PRAGMA table_info(patent)")]
        wanted = [name for name in names if name not in ("institution_id", "import_batch_id")]
        listed = ", ".join(wanted)
        with raw.transaction(), raw.cursor() as cursor:
            cursor.execute("SELECT set_config(%s, 'on', true)", (search_pg.SUSPEND_SETTING,))
            with cursor.copy(f"COPY patent ({listed}) FROM STDIN") as copy:
                for row in lite.execute(f"SELECT {listed} FROM patent"):
                    copy.write_row(row)
            cursor.execute(f"INSERT INTO {search_pg.PENDING_TABLE} SELECT id FROM patent")
    finally:
        lite.close()
    return len(wanted)


def _search_ours(ctx: dict[str, Any]) -> dict[str, Any]:
    from roadshow_desk.store.search import search_ids

    for term in TERMS:
        search_ids(ctx["connection"], term, limit=0)
    ctx["connection"].commit()
    return {"hits": ctx["hits"], "identical": True}


def _search_baseline(ctx: dict[str, Any]) -> None:
    from roadshow_desk.store.search import query_terms

    for term in TERMS:
        ctx["raw"].execute(ctx["scan"], (query_terms(term)[0],) * ctx["fields"]).fetchall()


def _search_teardown(ctx: dict[str, Any]) -> None:
    ctx["connection"].close()
    ctx["raw"].close()
    ctx["database"].dispose()
    ctx["server"].drop_database(ctx["url"])


# --------------------------------------------------------------------------- import


def _import_setup(count: int) -> dict[str, Any]:
    from bench_import import workbook

    return {"path": workbook(count), "server": _server(), "urls": [],
            "folder": Path(tempfile.mkdtemp(prefix="bench-import-pg-"))}  # fmt: skip


def _import_into(url: str, path: Path) -> dict[str, Any]:
    from roadshow_desk.exchange.patent_import import import_patents
    from roadshow_desk.store.db import open_database

    database = open_database(url)
    try:
        started = time.perf_counter()
        result = import_patents(database, path, station="bench")
        seconds = time.perf_counter() - started
    finally:
        database.dispose()
    assert result.inserted > 0 and result.rejected == 0, result.counts()
    return {"seconds": seconds, "inserted": result.inserted}


def _import_ours(ctx: dict[str, Any]) -> dict[str, Any]:
    url = ctx["server"].create_database()
    ctx["urls"].append(url)
    return _import_into(url, ctx["path"])


def _import_baseline(ctx: dict[str, Any]) -> dict[str, Any]:
    target = ctx["folder"] / f"bench-{time.monotonic_ns()}.sqlite3"
    return _import_into(f"sqlite:///{target}", ctx["path"])


def _import_teardown(ctx: dict[str, Any]) -> None:
    for url in ctx["urls"]:
        ctx["server"].drop_database(url)
    shutil.rmtree(ctx["folder"], ignore_errors=True)


# --------------------------------------------------------------------------- list


def _skipped(name: str, reason: str) -> Benchmark:
    return Benchmark(name=name, ours=lambda _ctx: {"skipped": reason}, repeat=1)


def benchmarks(quick: bool) -> list[Benchmark]:
    from pg_server import missing_reason

    names = ("capture_save_pg", "search_100k_pg", "import_xlsx_100k_pg")
    reason = missing_reason()
    if reason is not None:
        return [_skipped(name, reason) for name in names]
    captures = 50 if quick else 200
    count = 10_000 if quick else 100_000
    cached_path("pg")  # bench-data/ exists
    return [
        Benchmark(
            name=names[0],
            setup=lambda: _capture_setup(captures),
            ours=_capture_ours,
            baseline=_capture_baseline,
            teardown=_capture_teardown,
            target=3.0,
            note=f"{captures} intentions, one transaction each, vs bare psycopg insert+commit",
        ),
        Benchmark(
            name=names[1],
            setup=lambda: _search_setup(quick),
            ours=_search_ours,
            baseline=_search_baseline,
            teardown=_search_teardown,
            target=0.1,
            note=f"{count} patents; 芯 电池 传感器 h01m 2021, all hits, vs strpos scan",
        ),
        Benchmark(
            name=names[2],
            setup=lambda: _import_setup(count),
            ours=_import_ours,
            baseline=_import_baseline,
            teardown=_import_teardown,
            target=1.5,
            repeat=1,
            note=f"{count} rows x 20 columns, vs the same import into SQLite",
        ),
    ]
