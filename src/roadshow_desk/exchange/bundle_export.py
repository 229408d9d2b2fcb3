"""Exporting a station bundle: everything this station wrote for an event, in one file.

    result = export_bundle(database, "desk-B.rsdb", station="desk-B")   # cumulative
    result = export_bundle(database, out, station="desk-B", since="last")

A station's records are those whose ``station`` is this station (the last station that wrote
them), and the intentions it captured. The bundle also carries, unchanged, the records they
refer to (an enterprise registered elsewhere, a session, the intention of a follow-up note)
and the patents' identifying fields, so it merges into a database that lacks them. By default
a bundle is cumulative (``since="all"``): losing one stick loses nothing. ``since="last"``
covers what changed since this station's previous export; a ``datetime`` since then.
The format is described in docs/BUNDLES.md and :mod:`.bundle_format`.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, func, insert, or_, select, update

from roadshow_desk.domain.bundle_schema import SPEC_BY_TABLE, TableSpec
from roadshow_desk.domain.models import (
    Event,
    Intention,
    Patent,
    RoadshowSession,
    Station,
    new_uuid,
    utcnow,
)
from roadshow_desk.domain.progress import NO_PROGRESS, Progress
from roadshow_desk.exchange.bundle_format import RECORDS_PREFIX, write_bundle
from roadshow_desk.exchange.bundle_rows import (
    CHUNK,
    bundle_select,
    json_rows,
    load_clocks,
    table_of,
)
from roadshow_desk.i18n import translate

if TYPE_CHECKING:
    from roadshow_desk.store.db import Database

#: The patent fields a bundle carries (enough to create a missing patent for an intention).
PATENT_FIELDS = ("application_no", "uuid", "title", "patent_type", "applicants", "legal_status")
SINCE_ALL = "all"
SINCE_LAST = "last"


@dataclass
class ExportResult:
    path: Path
    bundle_uuid: str
    station: str
    event_uuid: str
    exported_at: dt.datetime
    since: dt.datetime | None
    counts: dict[str, int] = field(default_factory=dict)
    encrypted: bool = False

    @property
    def records(self) -> int:
        return sum(n for table, n in self.counts.items() if table != "patent")


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
#: One record as one line (json.dumps would build an encoder for every call).
_dumps = _ENCODER.encode


def last_export(connection: Connection, station: str) -> dt.datetime | None:
    return connection.execute(
        select(Station.last_bundle_at).where(Station.name == station)
    ).scalar()


def resolve_since(connection: Connection, station: str, since: Any) -> dt.datetime | None:
    if since is None or since == SINCE_ALL:
        return None
    if since == SINCE_LAST:
        return last_export(connection, station)
    if isinstance(since, dt.datetime):
        return since
    return dt.datetime.fromisoformat(str(since))


def _own(spec: TableSpec, station: str, event_id: int, since: dt.datetime | None) -> Any:
    """The WHERE clause of this station's records of the event in ``spec``'s table."""
    table = table_of(spec)
    mine: Any = table.c.station == station
    scope: Any
    if spec.name == "intention":
        mine = or_(mine, table.c.captured_station == station)
    if spec.name == "slot":
        scope = table.c.session_id.in_(
            select(RoadshowSession.id).where(RoadshowSession.event_id == event_id)
        )
    elif spec.name == "follow_up_entry":
        scope = table.c.intention_id.in_(select(Intention.id).where(Intention.event_id == event_id))
    elif spec.name == "enterprise":
        scope = None
    else:
        scope = table.c.event_id == event_id
    clause = mine if scope is None else mine & scope
    if since is not None:
        clause = clause & (table.c.updated_at > since)
    return clause


def event_passphrase(database: Database, event_id: int | str | None = None) -> str | None:
    """The bundle passphrase the event sets (``None``: its bundles are plain)."""
    from roadshow_desk.domain.events import resolve_event
    from roadshow_desk.domain.models import EventBundleSettings

    with database.session() as session:
        event = resolve_event(session, event_id)
        found = session.get(EventBundleSettings, event.id)
        return (found.passphrase or None) if found is not None else None


def set_event_passphrase(database: Database, event_id: int | str | None, passphrase: str) -> None:
    """Set (``""``: clear) the passphrase that encrypts the event's bundles."""
    from roadshow_desk.domain.events import resolve_event
    from roadshow_desk.domain.models import EventBundleSettings

    with database.session() as session:
        event = resolve_event(session, event_id)
        found = session.get(EventBundleSettings, event.id)
        if found is None:
            session.add(EventBundleSettings(event_id=event.id, passphrase=passphrase.strip()))
        else:
            found.passphrase = passphrase.strip()


def unexported_count(database: Database, station: str, event_id: int | None = None) -> int:
    """How many of ``station``'s records changed since its last export (the status bar)."""
    with database.session() as session:
        connection = session.connection()
        if event_id is None:
            event_id = connection.execute(
                select(Event.id).where(Event.deleted_at.is_(None)).order_by(Event.id.desc())
            ).scalar()
        if event_id is None:
            return 0
        since = last_export(connection, station)
        total = 0
        for spec in SPEC_BY_TABLE.values():
            table = table_of(spec)
            total += int(
                connection.execute(
                    select(func.count())
                    .select_from(table)
                    .where(_own(spec, station, event_id, since))
                ).scalar()
                or 0
            )
        return total


def export_bundle(
    database: Database,
    out: str | Path,
    *,
    station: str,
    event_id: int | str | None = None,
    since: Any = SINCE_ALL,
    passphrase: str | None = None,
    region: str | None = None,
    progress: Progress = NO_PROGRESS,
    now: dt.datetime | None = None,
) -> ExportResult:
    """Write ``station``'s bundle of the event (default: the most recent) to ``out``."""
    from roadshow_desk.domain.events import resolve_event

    exported_at = now or utcnow()
    progress.start(
        len(SPEC_BY_TABLE) + 2, translate("Bundles", "Collecting this station's records…")
    )
    with database.session() as session:
        event = resolve_event(session, event_id)
        connection = session.connection()
        since_at = resolve_since(connection, station, since)
        if region is None:
            region = (
                connection.execute(select(Station.region).where(Station.name == station)).scalar()
                or ""
            )
        records = _collect(connection, event.id, station, since_at, progress)
        clocks = load_clocks(connection) if records else {}
        patents = _patents(connection, records)
        event_uuid, event_name = event.uuid, event.name
    entries: dict[str, bytes] = {}
    counts: dict[str, int] = {}
    for table, rows in records.items():
        lines = []
        for record in rows:
            clock = clocks.get(record["uuid"])
            if clock:
                record = {**record, "_clock": clock}
            lines.append(_dumps(record))
        if lines:
            entries[f"{RECORDS_PREFIX}{table}.jsonl"] = ("\n".join(lines) + "\n").encode("utf-8")
        counts[table] = len(rows)
    if patents:
        entries[f"{RECORDS_PREFIX}patent.jsonl"] = (
            "\n".join(_dumps(p) for p in patents) + "\n"
        ).encode("utf-8")
        counts["patent"] = len(patents)
    from roadshow_desk.store.migrations import HEAD_REVISION

    bundle_uuid = new_uuid()
    firsts = [
        min((r["updated_at"] for r in rows if r.get("updated_at")), default=None)
        for rows in records.values()
    ]
    own_times: list[str] = [str(t) for t in firsts if t]
    manifest = {
        "bundle_uuid": bundle_uuid,
        "station": station,
        "region": region,
        "event_uuid": event_uuid,
        "event_name": event_name,
        "schema_revision": HEAD_REVISION,
        "exported_at": exported_at.isoformat(),
        "range": {
            "since": since_at.isoformat() if since_at else None,
            "first_change": min(own_times) if own_times else None,
            "until": exported_at.isoformat(),
        },
        "counts": counts,
    }
    progress.step(1, translate("Bundles", "Writing the bundle…"))
    path = write_bundle(out, manifest, entries, passphrase=passphrase)
    with database.session() as session:  # remember the export (status bar, --since last)
        connection = session.connection()
        found = connection.execute(select(Station.id).where(Station.name == station)).scalar()
        if found is None:
            connection.execute(
                insert(Station).values(
                    name=station, created_at=exported_at, last_bundle_at=exported_at, region=region
                )
            )
        else:
            connection.execute(
                update(Station)
                .where(Station.id == found)
                .values(last_bundle_at=exported_at, region=region)
            )
    progress.step(1)
    return ExportResult(
        path, bundle_uuid, station, event_uuid, exported_at, since_at, counts, bool(passphrase)
    )


def _collect(
    connection: Connection,
    event_id: int,
    station: str,
    since: dt.datetime | None,
    progress: Progress,
) -> dict[str, list[dict[str, Any]]]:
    """The station's records plus the records they refer to, per table (parents first)."""
    found: dict[str, dict[str, dict[str, Any]]] = {name: {} for name in SPEC_BY_TABLE}
    # Children first, so that the parents they need are known when the parents are read.
    needed: dict[str, set[str]] = {name: set() for name in SPEC_BY_TABLE}
    for name in reversed(list(SPEC_BY_TABLE)):
        spec = SPEC_BY_TABLE[name]
        table = table_of(spec)
        statement = bundle_select(spec)
        for _row_id, record in json_rows(
            connection, statement.where(_own(spec, station, event_id, since)), spec
        ):
            found[name][record["uuid"]] = record
        missing = sorted(needed[name] - found[name].keys())
        for start in range(0, len(missing), CHUNK):
            chunk = missing[start : start + CHUNK]
            for _row_id, record in json_rows(
                connection, statement.where(table.c.uuid.in_(chunk)), spec
            ):
                found[name][record["uuid"]] = record
        for ref in spec.refs:
            if ref.table in needed:
                needed[ref.table].update(
                    r[ref.name] for r in found[name].values() if r.get(ref.name)
                )
        progress.step(1)
    return {name: list(rows.values()) for name, rows in found.items()}


def _patents(
    connection: Connection, records: dict[str, list[dict[str, Any]]]
) -> list[dict[str, Any]]:
    numbers = sorted(
        {
            r["patent"]
            for table in ("slot", "shortlist_entry", "intention")
            for r in records.get(table, [])
            if r.get("patent")
        }
    )
    columns = [Patent.__table__.c[name] for name in PATENT_FIELDS]
    rows: list[dict[str, Any]] = []
    if connection.dialect.name == "sqlite":  # plain SQL: these columns are stored as text
        names = ", ".join(PATENT_FIELDS)
        for start in range(0, len(numbers), 900):
            chunk = numbers[start : start + 900]
            marks = ",".join("?" * len(chunk))
            rows.extend(
                dict(zip(PATENT_FIELDS, row, strict=True))
                for row in connection.exec_driver_sql(
                    f"SELECT {names} FROM patent WHERE application_no IN ({marks})",
                    tuple(chunk),
                )
            )
        return rows
    for start in range(0, len(numbers), CHUNK):
        chunk = numbers[start : start + CHUNK]
        for row in connection.execute(select(*columns).where(Patent.application_no.in_(chunk))):
            rows.append(
                {
                    name: (value.value if hasattr(value, "value") else value)
                    for name, value in zip(PATENT_FIELDS, row, strict=True)
                }
            )
    return rows
