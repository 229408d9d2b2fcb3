"""``capture_save``: recording intentions the way the capture panel does, vs bare SQLite.

Ours: ``store.intentions.record_intention`` -- validation, the insert, the patent's rescore
(enterprise interest counts in the score) and a commit in its own short transaction, on a
database opened by ``store.db.open_database`` (WAL, ``synchronous=FULL``) -- the exact call
the capture panel makes when Enter is pressed.
Baseline: the same row (every column the ORM writes) inserted with the ``sqlite3`` module,
the same rescore statement for the patent, and a commit, one transaction per row, on a
connection with the same pragmas, into the same file. Both record ``N`` intentions one by
one; the time is per batch. Target: ≤ 3×.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import sys
import tempfile
import uuid
from pathlib import Path
from typing import Any

from harness import Benchmark, cached_path

ROOT = Path(__file__).resolve().parents[1]


def _setup(count: int) -> dict[str, Any]:
    sys.path.insert(0, str(ROOT / "tests"))
    from fairday_data import make_fair_day
    from roadshow_desk.domain.capture import IntentionDraft
    from roadshow_desk.domain.enums import IntentionKind
    from roadshow_desk.store.db import open_database
    from roadshow_desk.store.intentions import record_intention
    from roadshow_desk.store.scoring import _sqlite_rescore_sql

    folder = Path(tempfile.mkdtemp(prefix="capture-", dir=cached_path("capture.tmp").parent))
    path = folder / "capture.sqlite3"
    database = open_database(f"sqlite:///{path}")
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
    record_intention(database, draft, station="warm-up")  # first-use costs are not the point
    with database.session() as session:  # the statement ours runs, as text
        rescore_sql = _sqlite_rescore_sql(session, None, dt.date.today(), False)
    connection = sqlite3.connect(path, isolation_level=None)
    for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON"):
        connection.execute(f"PRAGMA {pragma}")
    return {
        "folder": folder,
        "database": database,
        "record": record_intention,
        "draft": draft,
        "connection": connection,
        "rescore_sql": rescore_sql,
        "day": day,
        "count": count,
    }


def _ours(ctx: dict[str, Any]) -> dict[str, Any]:
    record, database, draft = ctx["record"], ctx["database"], ctx["draft"]
    for _ in range(ctx["count"]):
        record(database, draft, station="bench")
    return {"intentions": ctx["count"]}


_INSERT = (
    "INSERT INTO intention (uuid, updated_at, station, deleted_at, event_id, enterprise_id, "
    "patent_id, kind, prospect_rating, budget_band, budget_amount, timeline, contact_person, "
    "contact_phone, notes, captured_at, captured_station, stage, stage_changed_at, owner, "
    "next_action_on, dropped_reason) "
    "VALUES (?, ?, ?, NULL, ?, ?, ?, ?, NULL, NULL, NULL, NULL, ?, ?, ?, ?, ?, 'new', NULL, "
    "'', NULL, '')"
)


def _baseline(ctx: dict[str, Any]) -> None:
    connection: sqlite3.Connection = ctx["connection"]
    day = ctx["day"]
    rescore_sql, patent = ctx["rescore_sql"], f"[{day.patent_ids[0]}]"
    for _ in range(ctx["count"]):
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None).isoformat(sep=" ")
        connection.execute("BEGIN")
        connection.execute(
            _INSERT,
            (
                uuid.uuid4().hex,
                now,
                "bench",
                day.event_id,
                day.enterprise_ids[0],
                day.patent_ids[0],
                "licence",
                "张工",
                "13812345678",
                "想要独占许可",
                now,
                "bench",
            ),
        )
        connection.execute(rescore_sql, (patent,))
        connection.execute("COMMIT")


def _teardown(ctx: dict[str, Any]) -> None:
    ctx["connection"].close()
    ctx["database"].dispose()
    shutil.rmtree(ctx["folder"], ignore_errors=True)


def benchmarks(quick: bool) -> list[Benchmark]:
    count = 50 if quick else 300
    return [
        Benchmark(
            name="capture_save",
            setup=lambda: _setup(count),
            ours=_ours,
            baseline=_baseline,
            teardown=_teardown,
            target=3.0,
            repeat=3,
            note=f"{count} intentions, one transaction each (WAL, synchronous=FULL)",
        )
    ]
