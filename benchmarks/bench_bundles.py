"""Station bundle benchmarks (issue #13): merge, re-merge and export of one desk's day.

The library is the demo fair with 100,000 patents (``--quick``: 10,000), built once in
``bench-data/``. A second desk ("desk-B", a copy of it) registers 2,000 enterprises (and
checks them in) and captures 10,000 intentions on random patents (``--quick``: 200, 200,
1,000); its bundle is exported once.

``bundle_merge_10k`` -- ours: :func:`roadshow_desk.exchange.bundle_merge.merge_bundles` of
that bundle into a copy of the library, end to end (read and check the file, every merge
rule, duplicates, one transaction, receipt, the backup of the database before the commit:
``backup_s`` says how much of it the backup took). Baseline: a bare ``sqlite3`` upsert
(``INSERT ... ON CONFLICT(uuid) DO UPDATE``) of the same rows read from the same file, with
the patents' and enterprises' ids looked up, in one transaction. Target <= 3x.

``bundle_remerge_10k`` -- ours: merging the same file again into the merged database
(recognised by its receipt; ``rows_written`` must be 0). ``overlap_s`` is merging the same
content under another bundle uuid, which runs every rule again and writes only its receipt.
Baseline: the bare upsert again. Target <= 1x.

``bundle_export_10k`` -- ours: :func:`roadshow_desk.exchange.bundle_export.export_bundle` of
desk-B. Baseline: a bare ``SELECT`` of the same rows (with the same joins for references)
written as JSON Lines into a ZIP. Target <= 2x.
"""

from __future__ import annotations

import json
import random
import shutil
import sqlite3
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Any

from harness import Benchmark, cached_path

STATION = "desk-B"


def _library(patents: int) -> Path:
    from sqlalchemy import create_engine

    from roadshow_desk.store.db import current_revision, open_database
    from roadshow_desk.store.demo import fill_demo
    from roadshow_desk.store.migrations import HEAD_REVISION

    path = cached_path(f"bundles-library-{patents}.sqlite3")
    if path.exists():
        engine = create_engine(f"sqlite:///{path}")
        try:
            if current_revision(engine) == HEAD_REVISION:
                return path
        finally:
            engine.dispose()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    database = open_database(f"sqlite:///{path}")
    try:
        fill_demo(database, patents=patents)
        with database.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        database.dispose()
    return path


def _copy(source: Path, target: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(source, target)


def _fill_desk(path: Path, enterprises: int, intentions: int) -> None:
    """desk-B's day, written in bulk (station-stamped as the desk's own code would)."""
    from sqlalchemy import insert, select

    from roadshow_desk.domain.enterprise_names import name_key
    from roadshow_desk.domain.enums import FollowUpStage, IntentionKind
    from roadshow_desk.domain.models import (
        Enterprise,
        Event,
        Intention,
        Patent,
        Registration,
        new_uuid,
        utcnow,
    )
    from roadshow_desk.store.db import open_database

    rng = random.Random(13)
    database = open_database(f"sqlite:///{path}", backup=False)
    now = utcnow()
    try:
        with database.session() as session:
            event_id = session.scalar(select(Event.id).order_by(Event.id.desc()))
            patent_ids = list(session.scalars(select(Patent.id)))
            firms = []
            for n in range(enterprises):
                name = f"宁波第{n}号智能制造有限公司"
                firms.append(
                    {
                        "uuid": new_uuid(),
                        "name": name,
                        "name_key": name_key(name),
                        "phone": f"138{n:08d}",
                        "contact_person": f"联系人{n}",
                        "is_walk_in": True,
                        "station": STATION,
                        "updated_at": now,
                    }
                )
            session.execute(insert(Enterprise), firms)
            ids = list(session.scalars(select(Enterprise.id).where(Enterprise.station == STATION)))
            session.execute(
                insert(Registration),
                [
                    {
                        "uuid": new_uuid(),
                        "event_id": event_id,
                        "enterprise_id": firm,
                        "checked_in_at": now,
                        "checked_in_station": STATION,
                        "station": STATION,
                        "updated_at": now,
                    }
                    for firm in ids
                ],
            )
            kinds = [k for k in IntentionKind if k is not IntentionKind.NO_DEMAND]
            session.execute(
                insert(Intention),
                [
                    {
                        "uuid": new_uuid(),
                        "event_id": event_id,
                        "enterprise_id": rng.choice(ids),
                        "patent_id": rng.choice(patent_ids),
                        "kind": rng.choice(kinds),
                        "contact_person": "王经理",
                        "contact_phone": "13800000000",
                        "notes": "对该专利的产业化前景很感兴趣，希望尽快对接。",
                        "captured_at": now,
                        "captured_station": STATION,
                        "station": STATION,
                        "updated_at": now,
                        "stage": FollowUpStage.NEW,
                    }
                    for _ in range(intentions)
                ],
            )
    finally:
        database.dispose()


def _setup(patents: int, enterprises: int, intentions: int) -> dict[str, Any]:
    from roadshow_desk.exchange.bundle_export import export_bundle
    from roadshow_desk.store.db import open_database

    library = _library(patents)
    folder = Path(tempfile.mkdtemp(prefix="bundles-", dir=cached_path("bundles.tmp").parent))
    desk = folder / "desk.sqlite3"
    _copy(library, desk)
    _fill_desk(desk, enterprises, intentions)
    database = open_database(f"sqlite:///{desk}", backup=False)
    try:
        bundle = export_bundle(database, folder / "desk-B.rsdb", station=STATION).path
    finally:
        database.dispose()
    return {
        "library": library,
        "folder": folder,
        "desk": desk,
        "bundle": bundle,
        "target": folder / "organiser.sqlite3",
    }


def _teardown(ctx: dict[str, Any]) -> None:
    shutil.rmtree(ctx["folder"], ignore_errors=True)


def _connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")
    connection.execute("PRAGMA foreign_keys=ON")
    return connection


# --------------------------------------------------------------------------- merge


def _merge(ctx: dict[str, Any]) -> dict[str, Any]:
    from roadshow_desk.exchange.bundle_merge import merge_bundles
    from roadshow_desk.store import db as store_db
    from roadshow_desk.store.db import open_database

    _copy(ctx["library"], ctx["target"])
    database = open_database(f"sqlite:///{ctx['target']}", backup=False)
    backup_s = 0.0
    real_backup = store_db.backup_database

    def timed_backup(url: str, reason: str) -> Any:
        nonlocal backup_s
        started = time.perf_counter()
        try:
            return real_backup(url, reason)
        finally:
            backup_s = time.perf_counter() - started

    store_db.backup_database = timed_backup  # type: ignore[assignment]
    try:
        started = time.perf_counter()
        result = merge_bundles(database, [ctx["bundle"]], station="organiser")
        seconds = time.perf_counter() - started
    finally:
        store_db.backup_database = real_backup  # type: ignore[assignment]
        database.dispose()
    if result.backup_path is not None:
        result.backup_path.unlink(missing_ok=True)
    totals = result.totals()
    return {
        "seconds": seconds,
        "backup_s": round(backup_s, 4),
        "rows_written": result.rows_written,
        "intentions_new": totals["intention"].new,
    }


_UPSERT = {
    "enterprise": (
        "INSERT INTO enterprise (uuid, name, name_key, phone, contact_person, is_walk_in, "
        "station, updated_at, deleted_at, tags, industry, keywords, ipc_interests, region, "
        "address, email, consent_to_contact, notes, imported_values, local_edits) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '', '', '', '', '', '', '', 0, '', '{}', '{}') "
        "ON CONFLICT(uuid) DO UPDATE SET name=excluded.name, name_key=excluded.name_key, "
        "phone=excluded.phone, contact_person=excluded.contact_person, "
        "station=excluded.station, updated_at=excluded.updated_at, deleted_at=excluded.deleted_at"
    ),
    "registration": (
        "INSERT INTO registration (uuid, event_id, enterprise_id, signed_up_at, attendee_name, "
        "attendee_phone, checked_in_at, checked_in_station, station, updated_at, deleted_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(uuid) DO UPDATE SET "
        "checked_in_at=excluded.checked_in_at, checked_in_station=excluded.checked_in_station, "
        "station=excluded.station, updated_at=excluded.updated_at, deleted_at=excluded.deleted_at"
    ),
    "intention": (
        "INSERT INTO intention (uuid, event_id, enterprise_id, patent_id, kind, contact_person, "
        "contact_phone, notes, captured_at, captured_station, stage, owner, dropped_reason, "
        "station, updated_at, deleted_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', '', ?, ?, ?) ON CONFLICT(uuid) DO UPDATE "
        "SET kind=excluded.kind, contact_person=excluded.contact_person, "
        "contact_phone=excluded.contact_phone, notes=excluded.notes, stage=excluded.stage, "
        "station=excluded.station, updated_at=excluded.updated_at, deleted_at=excluded.deleted_at"
    ),
}


def _t(value: Any) -> Any:
    return None if value is None else str(value).replace("T", " ")


def _bare_upsert(path: Path, bundle: Path) -> None:
    with zipfile.ZipFile(bundle) as archive:
        rows = {
            name: [
                json.loads(line)
                for line in archive.read(f"records/{name}.jsonl").decode().splitlines()
            ]
            for name in ("enterprise", "registration", "intention")
        }
    connection = _connect(path)
    try:
        connection.execute("BEGIN")
        events = dict(connection.execute("SELECT uuid, id FROM event"))
        numbers = sorted({r["patent"] for r in rows["intention"]})
        patents: dict[str, int] = {}
        for start in range(0, len(numbers), 500):
            chunk = numbers[start : start + 500]
            marks = ",".join("?" * len(chunk))
            patents.update(
                connection.execute(
                    f"SELECT application_no, id FROM patent WHERE application_no IN ({marks})",
                    chunk,
                )
            )
        connection.executemany(
            _UPSERT["enterprise"],
            [
                (
                    r["uuid"],
                    r["name"],
                    r["name_key"],
                    r["phone"],
                    r["contact_person"],
                    r["is_walk_in"],
                    r["station"],
                    _t(r["updated_at"]),
                    _t(r["deleted_at"]),
                )
                for r in rows["enterprise"]
            ],
        )
        wanted = sorted({r["uuid"] for r in rows["enterprise"]})
        firms: dict[str, int] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            firms.update(
                connection.execute(
                    f"SELECT uuid, id FROM enterprise WHERE uuid IN ({marks})", chunk
                )
            )
        connection.executemany(
            _UPSERT["registration"],
            [
                (
                    r["uuid"],
                    events[r["event"]],
                    firms[r["enterprise"]],
                    _t(r["signed_up_at"]),
                    r["attendee_name"],
                    r["attendee_phone"],
                    _t(r["checked_in_at"]),
                    r["checked_in_station"],
                    r["station"],
                    _t(r["updated_at"]),
                    _t(r["deleted_at"]),
                )
                for r in rows["registration"]
            ],
        )
        connection.executemany(
            _UPSERT["intention"],
            [
                (
                    r["uuid"],
                    events[r["event"]],
                    firms[r["enterprise"]],
                    patents[r["patent"]],
                    r["kind"],
                    r["contact_person"],
                    r["contact_phone"],
                    r["notes"],
                    _t(r["captured_at"]),
                    r["captured_station"],
                    r["stage"],
                    r["station"],
                    _t(r["updated_at"]),
                    _t(r["deleted_at"]),
                )
                for r in rows["intention"]
            ],
        )
        connection.execute("COMMIT")
    finally:
        connection.close()


def _baseline_merge(ctx: dict[str, Any]) -> dict[str, Any]:
    _copy(ctx["library"], ctx["target"])
    started = time.perf_counter()
    _bare_upsert(ctx["target"], ctx["bundle"])
    return {"seconds": time.perf_counter() - started}


# --------------------------------------------------------------------------- re-merge


def _setup_remerge(patents: int, enterprises: int, intentions: int) -> dict[str, Any]:
    from roadshow_desk.exchange.bundle_format import read_bundle, write_bundle

    ctx = _setup(patents, enterprises, intentions)
    _merge(ctx)
    ctx["merged"] = ctx["folder"] / "merged.sqlite3"
    _copy(ctx["target"], ctx["merged"])
    bundle = read_bundle(ctx["bundle"])
    ctx["overlap"] = write_bundle(
        ctx["folder"] / "overlap.rsdb",
        {**bundle.manifest, "bundle_uuid": "0" * 32},
        bundle.entries,
    )
    ctx["upserted"] = ctx["folder"] / "upserted.sqlite3"
    _copy(ctx["library"], ctx["upserted"])
    _bare_upsert(ctx["upserted"], ctx["bundle"])
    return ctx


def _remerge(ctx: dict[str, Any]) -> dict[str, Any]:
    from roadshow_desk.exchange.bundle_merge import merge_bundles
    from roadshow_desk.store.db import open_database

    database = open_database(f"sqlite:///{ctx['merged']}", backup=False)
    try:
        started = time.perf_counter()
        result = merge_bundles(database, [ctx["bundle"]], station="organiser")
        seconds = time.perf_counter() - started
        started = time.perf_counter()
        overlap = merge_bundles(database, [ctx["overlap"]], station="organiser", dry_run=True)
        overlap_s = time.perf_counter() - started
    finally:
        database.dispose()
    return {
        "seconds": seconds,
        "rows_written": result.rows_written,
        "overlap_s": round(overlap_s, 4),
        "overlap_rows_written": overlap.rows_written,
        "overlap_intentions_unchanged": overlap.totals()["intention"].unchanged,
    }


def _baseline_remerge(ctx: dict[str, Any]) -> dict[str, Any]:
    started = time.perf_counter()
    _bare_upsert(ctx["upserted"], ctx["bundle"])
    return {"seconds": time.perf_counter() - started}


# --------------------------------------------------------------------------- export


def _export(ctx: dict[str, Any]) -> dict[str, Any]:
    from roadshow_desk.exchange.bundle_export import export_bundle
    from roadshow_desk.store.db import open_database

    database = open_database(f"sqlite:///{ctx['desk']}", backup=False)
    try:
        started = time.perf_counter()
        result = export_bundle(database, ctx["folder"] / "export.rsdb", station=STATION)
        seconds = time.perf_counter() - started
    finally:
        database.dispose()
    return {"seconds": seconds, "records": result.records, "bytes": result.path.stat().st_size}


_SELECTS = {
    "enterprise": "SELECT * FROM enterprise WHERE station = ?",
    "registration": (
        "SELECT r.*, e.uuid AS event, f.uuid AS enterprise FROM registration r "
        "LEFT JOIN event e ON e.id = r.event_id LEFT JOIN enterprise f ON f.id = r.enterprise_id "
        "WHERE r.station = ?"
    ),
    "intention": (
        "SELECT i.*, e.uuid AS event, f.uuid AS enterprise, p.application_no AS patent "
        "FROM intention i LEFT JOIN event e ON e.id = i.event_id "
        "LEFT JOIN enterprise f ON f.id = i.enterprise_id "
        "LEFT JOIN patent p ON p.id = i.patent_id WHERE i.station = ?"
    ),
}


def _baseline_export(ctx: dict[str, Any]) -> dict[str, Any]:
    started = time.perf_counter()
    connection = sqlite3.connect(ctx["desk"])
    try:
        with zipfile.ZipFile(ctx["folder"] / "bare.zip", "w", zipfile.ZIP_DEFLATED) as archive:
            for name, sql in _SELECTS.items():
                cursor = connection.execute(sql, (STATION,))
                columns = [d[0] for d in cursor.description]
                lines = [
                    json.dumps(dict(zip(columns, row, strict=True)), ensure_ascii=False)
                    for row in cursor
                ]
                archive.writestr(f"records/{name}.jsonl", "\n".join(lines) + "\n")
    finally:
        connection.close()
    return {"seconds": time.perf_counter() - started}


def benchmarks(quick: bool) -> list[Benchmark]:
    patents, enterprises, intentions = (10_000, 200, 1_000) if quick else (100_000, 2_000, 10_000)
    size = (
        f"{intentions} intentions, {enterprises} enterprises and registrations, {patents} patents"
    )
    return [
        Benchmark(
            name="bundle_merge_10k",
            setup=lambda: _setup(patents, enterprises, intentions),
            ours=_merge,
            baseline=_baseline_merge,
            teardown=_teardown,
            target=3.0,
            repeat=3,
            note=size,
        ),
        Benchmark(
            name="bundle_remerge_10k",
            setup=lambda: _setup_remerge(patents, enterprises, intentions),
            ours=_remerge,
            baseline=_baseline_remerge,
            teardown=_teardown,
            target=1.0,
            repeat=3,
            note=size,
        ),
        Benchmark(
            name="bundle_export_10k",
            setup=lambda: _setup(patents, enterprises, intentions),
            ours=_export,
            baseline=_baseline_export,
            teardown=_teardown,
            target=2.0,
            repeat=3,
            note=size,
        ),
    ]
