"""Merging station bundles into this database.

    result = merge_bundles(database, ["desk-A.rsdb", "desk-B.rsdb"], station="organiser")
    result = merge_bundles(database, paths, dry_run=True)       # the preview: counts only

Every bundle is read and checked first (:mod:`.bundle_format`); one that cannot be merged
(not a bundle, damaged or truncated, a newer version, the wrong passphrase, an event this
database does not hold) stops everything with one sentence before anything is written. Then
all bundles are merged in ONE transaction: records are matched by uuid and merged field by
field (:mod:`.bundle_merge_rules`: idempotent, and the same database whatever the order);
same-field edits on two stations open a :class:`~roadshow_desk.domain.models.FieldConflict`
for the review dialog; likely duplicates (an enterprise with the same credit code or
normalised name, or the same enterprise, patent and kind captured on two stations within
:data:`DUPLICATE_MINUTES`) are recorded in ``possible_duplicate`` for review, never merged;
a receipt per bundle goes to ``bundle_receipt``. A bundle already merged (its receipt
exists) is skipped. When the merge writes anything, the database is backed up (its state
before the merge) right before the commit; ``dry_run`` rolls everything back, and so does
:class:`~roadshow_desk.domain.progress.Cancelled`.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, bindparam, delete, select, update

from roadshow_desk.domain.bundle_schema import TABLES, TableSpec, decoder
from roadshow_desk.domain.enterprise_names import name_key as enterprise_name_key
from roadshow_desk.domain.enums import ConflictResolution
from roadshow_desk.domain.models import (
    BundleReceipt,
    Enterprise,
    Event,
    FieldConflict,
    Intention,
    Patent,
    PossibleDuplicate,
    Registration,
    Station,
    SyncClock,
    new_uuid,
    utcnow,
)
from roadshow_desk.domain.progress import NO_PROGRESS, Progress
from roadshow_desk.exchange.bundle_format import Bundle, BundleRefused, read_bundle
from roadshow_desk.exchange.bundle_labels import kind_label
from roadshow_desk.exchange.bundle_merge_rules import merge_record
from roadshow_desk.exchange.bundle_rows import CHUNK, by_uuid, load_clocks, model_of, table_of
from roadshow_desk.i18n import fmt, translate

if TYPE_CHECKING:
    from roadshow_desk.store.db import Database

SKEW_MINUTES = 5
DUPLICATE_MINUTES = 10
KINDS = ("new", "updated", "unchanged", "conflicts", "kept_after_delete", "possible_duplicates")


@dataclass
class KindCounts:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: int = 0
    kept_after_delete: int = 0
    possible_duplicates: int = 0
    skipped: int = 0

    def add(self, other: KindCounts) -> None:
        for name, value in asdict(other).items():
            setattr(self, name, getattr(self, name) + value)


@dataclass
class BundleReport:
    """What merging one bundle did (or, in a dry run, would do)."""

    file: str
    bundle_uuid: str
    station: str
    region: str
    event_uuid: str
    exported_at: str | None
    since: str | None
    until: str | None
    sha256: str
    counts: dict[str, KindCounts] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    already_merged_at: dt.datetime | None = None

    def kind(self, table: str) -> KindCounts:
        return self.counts.setdefault(table, KindCounts())


@dataclass
class MergeResult:
    bundles: list[BundleReport]
    dry_run: bool
    rows_written: int = 0
    backup_path: Path | None = None
    seconds: float = 0.0

    def totals(self) -> dict[str, KindCounts]:
        totals: dict[str, KindCounts] = {}
        for report in self.bundles:
            for table, counts in report.counts.items():
                totals.setdefault(table, KindCounts()).add(counts)
        return totals

    @property
    def warnings(self) -> list[str]:
        return [w for report in self.bundles for w in report.warnings]

    def to_json(self) -> dict[str, Any]:
        return {
            "dry_run": self.dry_run,
            "rows_written": self.rows_written,
            "backup": str(self.backup_path) if self.backup_path else None,
            "counts": {table: asdict(c) for table, c in self.totals().items()},
            "bundles": [
                {
                    "file": r.file,
                    "bundle_uuid": r.bundle_uuid,
                    "station": r.station,
                    "region": r.region,
                    "exported_at": r.exported_at,
                    "since": r.since,
                    "until": r.until,
                    "sha256": r.sha256,
                    "already_merged": r.already_merged_at is not None,
                    "counts": {table: asdict(c) for table, c in r.counts.items()},
                    "warnings": r.warnings,
                    "notes": r.notes,
                }
                for r in self.bundles
            ],
        }


def read_bundles(
    paths: Sequence[str | Path],
    passphrase: str | Callable[[dict[str, Any]], str | None] | None = None,
) -> list[Bundle]:
    """Read and check every file (raises :class:`BundleRefused` for the first bad one)."""
    return [read_bundle(path, passphrase) for path in paths]


def merge_bundles(
    database: Database,
    paths: Sequence[str | Path] | Sequence[Bundle],
    *,
    dry_run: bool = False,
    passphrase: str | Callable[[dict[str, Any]], str | None] | None = None,
    station: str = "",
    progress: Progress = NO_PROGRESS,
    backup: bool = True,
    now: dt.datetime | None = None,
) -> MergeResult:
    """Merge bundles into ``database`` in one transaction (see the module)."""
    started = time.perf_counter()
    bundles = [p if isinstance(p, Bundle) else read_bundle(p, passphrase) for p in paths]
    total = sum(b.count(spec.name) for b in bundles for spec in TABLES)
    progress.start(max(total, 1), translate("Bundles", "Merging station bundles…"))
    result = MergeResult([], dry_run)
    with database.session() as session:  # committed at the end unless rolled back here
        connection = session.connection()
        events = dict(connection.execute(select(Event.uuid, Event.id)).all())
        for bundle in bundles:
            if bundle.manifest.get("event_uuid") not in events:
                name = str(bundle.manifest.get("event_name") or "")
                raise BundleRefused(
                    fmt(
                        translate(
                            "Bundles",
                            "“%1” belongs to another event (“%2”), which this database does not "
                            "hold; nothing was merged.",
                        ),
                        bundle.path.name,
                        name,
                    )
                )
        merger = _Merger(connection, events, station, now or utcnow(), progress)
        for bundle in bundles:
            result.bundles.append(merger.merge(bundle))
        result.rows_written = merger.written
        if dry_run or not merger.written:
            session.rollback()
        else:
            if backup:
                from roadshow_desk.store.db import backup_database

                result.backup_path = backup_database(database.url, "before-merge")
    result.seconds = time.perf_counter() - started
    return result


def _sqlite_datetime(value: Any) -> Any:
    """ISO text (``T``, maybe no microseconds) → SQLAlchemy's SQLite DATETIME text."""
    if value is None:
        return None
    text = str(value).replace("T", " ")
    return text if len(text) > 19 else text + ".000000"


def _sqlite_converter(column_type: Any) -> Any:
    """A direct bundle-value → SQLite-value function for the common column types (the
    same text SQLAlchemy stores), or ``None`` to use the type's own bind processor."""
    from sqlalchemy import Boolean, Date, DateTime, Enum, Integer, String, Text

    if isinstance(column_type, Enum) and column_type.enum_class is not None:
        allowed = {member.value for member in column_type.enum_class}

        def enum_value(value: Any) -> Any:
            if value is None or value in allowed:
                return value
            raise ValueError(f"{value!r} is not one of {sorted(allowed)}")

        return enum_value
    if isinstance(column_type, DateTime):
        return _sqlite_datetime
    if isinstance(column_type, Date):
        return lambda value: None if value is None else str(value)[:10]
    if isinstance(column_type, Boolean):
        return lambda value: None if value is None else int(bool(value))
    if isinstance(column_type, Integer):
        return lambda value: None if value is None else int(value)
    if isinstance(column_type, (String, Text)):
        return lambda value: None if value is None else str(value)
    return None


def _missing_defaults(table: Any, columns: list[str]) -> dict[str, Any]:
    """Driver values of the NOT NULL columns a bundle does not carry (their defaults)."""
    values: dict[str, Any] = {}
    for column in table.columns:
        if column.name == "id" or column.name in columns or column.default is None:
            continue
        default = column.default
        value = default.arg(None) if default.is_callable else default.arg
        processor = column.type.bind_processor(_SQLITE_DIALECT)
        values[column.name] = processor(value) if processor else value
    return values


def _sqlite_dialect() -> Any:
    from sqlalchemy.dialects import sqlite

    return sqlite.dialect()


_SQLITE_DIALECT = _sqlite_dialect()


def _without_clock(record: dict[str, Any]) -> dict[str, Any]:
    return {name: value for name, value in record.items() if name != "_clock"}


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)


class _Merger:
    """The state of one merge: caches of keys → ids, and what was written."""

    def __init__(
        self,
        connection: Connection,
        events: dict[str, int],
        station: str,
        now: dt.datetime,
        progress: Progress,
    ) -> None:
        self.connection = connection
        self.station = station
        self.now = now
        self.progress = progress
        self.written = 0
        self.ids: dict[str, dict[Any, int]] = {"event": dict(events)}
        self.sqlite = connection.dialect.name == "sqlite"
        self.decoders = {
            spec.name: {name: decoder(t) for name, t in spec.column_types.items()}
            for spec in TABLES
        }
        # Column by column: bundle value -> value for the driver (the column type's own bind
        # processor, so rows read the same as through the ORM), for plain executemany.
        dialect = connection.dialect
        self.driver: dict[str, list[Any]] = {}
        for spec in TABLES:
            table = table_of(spec)
            converters: list[Any] = []
            for column in spec.columns:
                if column in spec.ref_by_column:
                    converters.append(None)
                    continue
                column_type = table.c[column].type
                fast = _sqlite_converter(column_type) if self.sqlite else None
                if fast is not None:
                    converters.append(fast)
                    continue
                processor = column_type.bind_processor(dialect) if self.sqlite else None
                decode = self.decoders[spec.name][column]
                converters.append(
                    (lambda v, d=decode, p=processor: p(d(v))) if processor else decode
                )
            self.driver[spec.name] = converters

    # ------------------------------------------------------------------ keys → ids

    def _lookup(self, table: str, key_name: str, keys: set[Any]) -> None:
        cache = self.ids.setdefault(table, {})
        missing = sorted(k for k in keys if k is not None and k not in cache)
        if not missing:
            return
        model = model_of(table)
        column = getattr(model, key_name)
        if self.sqlite:  # plain SQL: no statement to render per chunk
            name = model.__tablename__
            for start in range(0, len(missing), 900):
                chunk = missing[start : start + 900]
                marks = ",".join("?" * len(chunk))
                cache.update(
                    self.connection.exec_driver_sql(
                        f"SELECT {key_name}, id FROM {name} WHERE {key_name} IN ({marks})",
                        tuple(chunk),
                    ).all()
                )
            return
        for start in range(0, len(missing), CHUNK):
            chunk = missing[start : start + CHUNK]
            for key, row_id in self.connection.execute(
                select(column, model.id).where(column.in_(chunk))  # type: ignore[attr-defined]
            ):
                cache[key] = row_id

    # ------------------------------------------------------------------ one bundle

    def merge(self, bundle: Bundle) -> BundleReport:
        manifest = bundle.manifest
        span = manifest.get("range") or {}
        report = BundleReport(
            file=bundle.path.name,
            bundle_uuid=bundle.uuid,
            station=bundle.station,
            region=str(manifest.get("region") or ""),
            event_uuid=str(manifest.get("event_uuid") or ""),
            exported_at=manifest.get("exported_at"),
            since=span.get("since"),
            until=span.get("until"),
            sha256=str(manifest.get("sha256") or ""),
        )
        merged_at = self.connection.execute(
            select(BundleReceipt.merged_at).where(BundleReceipt.bundle_uuid == bundle.uuid)
        ).scalar()
        if merged_at is not None:
            report.already_merged_at = merged_at
            for spec in TABLES:
                held = bundle.count(spec.name)
                if held:
                    report.kind(spec.name).unchanged = held
                    self.progress.step(held)
            return report
        try:
            self._warn_skew(bundle, report)
            self._patents(bundle, report)
            for spec in TABLES:
                rows = bundle.records(spec.name)
                if rows:
                    self._merge_table(spec, rows, report)
                self.progress.check()
        except (ValueError, TypeError, KeyError, AttributeError) as exc:  # a malformed record
            raise BundleRefused(
                fmt(
                    translate(
                        "Bundles",
                        "“%1” holds records this version cannot read; nothing was merged.",
                    ),
                    bundle.path.name,
                )
            ) from exc
        self._receipt(bundle, report)
        return report

    def _warn_skew(self, bundle: Bundle, report: BundleReport) -> None:
        exported = bundle.manifest.get("exported_at")
        if not exported:
            return
        at = dt.datetime.fromisoformat(str(exported))
        ahead = (at - self.now).total_seconds() / 60
        latest = max(
            (
                str(r.get("updated_at"))
                for spec in TABLES
                for r in bundle.records(spec.name)
                if r.get("updated_at")
            ),
            default="",
        )
        behind = 0.0
        if latest:
            behind = (dt.datetime.fromisoformat(latest) - at).total_seconds() / 60
        if ahead > SKEW_MINUTES or behind > SKEW_MINUTES:
            report.warnings.append(
                fmt(
                    translate(
                        "Bundles",
                        "The clock of station %1 differed from this computer's by about %2 "
                        "minutes; check the times of its records.",
                    ),
                    bundle.station,
                    str(round(max(ahead, behind))),
                )
            )

    def _patents(self, bundle: Bundle, report: BundleReport) -> None:
        """Create the patents the bundle's records name and this library lacks."""
        patents = bundle.records("patent")
        self._lookup("patent", "application_no", {p.get("application_no") for p in patents})
        known = self.ids["patent"]
        new = [p for p in patents if p.get("application_no") and p["application_no"] not in known]
        if not new:
            return
        table = Patent.__table__
        types = {name: decoder(table.c[name].type) for name in new[0] if name in table.c}
        rows = [
            {name: types[name](value) for name, value in p.items() if name in types} for p in new
        ]
        for row in rows:
            row.setdefault("uuid", new_uuid())
            row["station"] = bundle.station
        self.connection.execute(table.insert(), rows)  # type: ignore[attr-defined]
        self.written += len(rows)
        report.kind("patent").new += len(rows)
        self._lookup("patent", "application_no", {p["application_no"] for p in new})

    # ------------------------------------------------------------------ one table

    def _merge_table(
        self, spec: TableSpec, rows: list[dict[str, Any]], report: BundleReport
    ) -> None:
        counts = report.kind(spec.name)
        incoming_clocks = {r["uuid"]: r.get("_clock") or {} for r in rows}
        uuids = [r["uuid"] for r in rows]
        local = by_uuid(self.connection, spec, uuids)
        natural = self._natural_matches(spec, rows, local) if spec.name == "registration" else {}
        for match in natural.values():
            local[match[1]["uuid"]] = match
        clocks = load_clocks(self.connection, [*uuids, *(m[1]["uuid"] for m in natural.values())])
        inserts: list[dict[str, Any]] = []
        updates: list[tuple[int, dict[str, Any]]] = []
        clock_writes: dict[str, tuple[str, dict[str, Any]]] = {}
        clock_drops: list[str] = []
        conflicts: list[tuple[int, str, Any, Any]] = []
        for done, incoming in enumerate(rows, start=1):
            if done % CHUNK == 0:
                self.progress.step(CHUNK)
            uuid = incoming["uuid"]
            found = local.get(uuid) or natural.get(uuid)
            iclock = incoming_clocks[uuid]
            if found is None:
                inserts.append(incoming)
                if iclock:
                    clock_writes[uuid] = (spec.name, iclock)
                counts.new += 1
            else:
                row_id, mine = found
                lclock = clocks.get(mine["uuid"], {})
                same = incoming == mine if not iclock else _without_clock(incoming) == mine
                if same and iclock == lclock:  # the usual case of an overlapping bundle
                    counts.unchanged += 1
                    continue
                merged = merge_record(spec, mine, lclock, incoming, iclock)
                if merged.second_check_in is not None and spec.name == "registration":
                    self._note_check_in(report, merged.record, merged.second_check_in)
                if merged.record == mine and merged.clock == lclock:
                    counts.unchanged += 1
                else:
                    updates.append((row_id, merged.record))
                    if merged.clock != lclock or merged.record["uuid"] != mine["uuid"]:
                        clock_writes[merged.record["uuid"]] = (spec.name, merged.clock)
                        if merged.record["uuid"] != mine["uuid"]:
                            clock_drops.append(mine["uuid"])
                    counts.updated += 1
                    if merged.kept_after_delete:
                        counts.kept_after_delete += 1
                for name, value, other in merged.conflicts:
                    conflicts.append((row_id, name, value, other))
        self.progress.step(len(rows) % CHUNK)
        if spec.name == "enterprise":
            updates = [(i, dict(r)) for i, r in updates]
            inserts = [dict(r) for r in inserts]
            self._credit_codes(inserts, updates, local, report)
            self._similar_enterprises(inserts, report)
            before = {row_id: mine for row_id, mine in local.values()}
            still = [(i, r) for i, r in updates if r != before.get(i) or r["uuid"] in clock_writes]
            counts.updated -= len(updates) - len(still)
            counts.unchanged += len(updates) - len(still)
            updates = still
        if spec.name == "intention":
            self._similar_intentions(inserts, report)
        self._write(spec, inserts, updates, report)
        self._write_clocks(clock_writes, clock_drops)
        counts.conflicts += self._write_conflicts(spec, conflicts, report)

    def _natural_matches(
        self,
        spec: TableSpec,
        rows: list[dict[str, Any]],
        local: dict[str, tuple[int, dict[str, Any]]],
    ) -> dict[str, tuple[int, dict[str, Any]]]:
        """Registrations new by uuid whose event and enterprise already have one here."""
        new = [r for r in rows if r["uuid"] not in local]
        if not new:
            return {}
        self._lookup("enterprise", "uuid", {r.get("enterprise") for r in new})
        wanted = {
            (
                self.ids["event"].get(r.get("event")),
                self.ids["enterprise"].get(r.get("enterprise")),
            ): r
            for r in new
        }
        enterprise_ids = sorted({pair[1] for pair in wanted if pair[1] is not None})
        found_uuids: dict[str, str] = {}
        for start in range(0, len(enterprise_ids), CHUNK):
            chunk = enterprise_ids[start : start + CHUNK]
            for uuid, event_id, enterprise_id in self.connection.execute(
                select(Registration.uuid, Registration.event_id, Registration.enterprise_id).where(
                    Registration.enterprise_id.in_(chunk)
                )
            ):
                incoming = wanted.get((event_id, enterprise_id))
                if incoming is not None and incoming["uuid"] != uuid:
                    found_uuids[incoming["uuid"]] = uuid
        if not found_uuids:
            return {}
        existing = by_uuid(self.connection, spec, sorted(found_uuids.values()))
        return {
            mine: existing[theirs] for mine, theirs in found_uuids.items() if theirs in existing
        }

    def _note_check_in(
        self, report: BundleReport, record: dict[str, Any], second: tuple[Any, ...]
    ) -> None:
        if len(report.notes) >= 50:
            return
        first_at = str(record.get("checked_in_at") or "")[11:16]
        report.notes.append(
            fmt(
                translate(
                    "Bundles",
                    "A firm checked in again at %1 at %2 was already checked in at %3 at %4; "
                    "the first check-in stands.",
                ),
                str(second[0])[11:16],
                str(second[1]),
                first_at,
                str(record.get("checked_in_station") or ""),
            )
        )

    # ------------------------------------------------------------------ duplicates

    def _flag(self, table: str, a: str, b: str, reason: str) -> bool:
        first, second = sorted((a, b))
        exists = self.connection.execute(
            select(PossibleDuplicate.id).where(
                PossibleDuplicate.record_table == table,
                PossibleDuplicate.first_uuid == first,
                PossibleDuplicate.second_uuid == second,
            )
        ).first()
        if exists is not None:
            return False
        self.connection.execute(
            PossibleDuplicate.__table__.insert().values(  # type: ignore[attr-defined]
                record_table=table,
                first_uuid=first,
                second_uuid=second,
                reason=reason,
                detected_at=self.now,
            )
        )
        self.written += 1
        return True

    def _credit_codes(
        self,
        inserts: list[dict[str, Any]],
        updates: list[tuple[int, dict[str, Any]]],
        local: dict[str, tuple[int, dict[str, Any]]],
        report: BundleReport,
    ) -> None:
        """One credit code, one enterprise: the smallest uuid keeps it, the other is
        flagged as a possible duplicate (its code set aside in the flag's reason)."""
        claims: dict[str, list[dict[str, Any]]] = {}
        for record in [*inserts, *(r for _i, r in updates)]:
            if record.get("credit_code"):
                claims.setdefault(record["credit_code"], []).append(record)
        if not claims:
            return
        owners: dict[str, tuple[int, str]] = {}
        codes = sorted(claims)
        for start in range(0, len(codes), CHUNK):
            chunk = codes[start : start + CHUNK]
            for row_id, uuid, code in self.connection.execute(
                select(Enterprise.id, Enterprise.uuid, Enterprise.credit_code).where(
                    Enterprise.credit_code.in_(chunk)
                )
            ):
                owners[str(code)] = (row_id, uuid)
        counts = report.kind("enterprise")
        for code, records in claims.items():
            uuids = {r["uuid"] for r in records}
            owner = owners.get(code)
            if owner is not None:
                uuids.add(owner[1])
            if len(uuids) < 2:
                continue
            keeper = min(uuids)
            reason = fmt(translate("Bundles", "same credit code %1"), code)
            for record in records:
                if record["uuid"] != keeper:
                    record["credit_code"] = None
            if owner is not None and owner[1] != keeper:
                self.connection.execute(
                    update(Enterprise).where(Enterprise.id == owner[0]).values(credit_code=None)
                )
                self.written += 1
            for other in sorted(uuids - {keeper}):
                if self._flag("enterprise", keeper, other, reason):
                    counts.possible_duplicates += 1

    def _similar_enterprises(self, inserts: list[dict[str, Any]], report: BundleReport) -> None:
        keys: dict[str, list[str]] = {}
        for record in inserts:
            key = record.get("name_key") or enterprise_name_key(str(record.get("name") or ""))
            if key:
                keys.setdefault(key, []).append(record["uuid"])
        if not keys:
            return
        names = sorted(keys)
        counts = report.kind("enterprise")
        reason = translate("Bundles", "same name")
        for start in range(0, len(names), CHUNK):
            chunk = names[start : start + CHUNK]
            for uuid, key in self.connection.execute(
                select(Enterprise.uuid, Enterprise.name_key).where(Enterprise.name_key.in_(chunk))
            ):
                keys[key].append(uuid)
        for uuids in keys.values():
            unique = sorted(set(uuids))
            for index, first in enumerate(unique):
                for second in unique[index + 1 :]:
                    if self._flag("enterprise", first, second, reason):
                        counts.possible_duplicates += 1

    def _similar_intentions(self, inserts: list[dict[str, Any]], report: BundleReport) -> None:
        """Same enterprise, patent and kind captured on two stations within minutes."""
        if not inserts:
            return
        self._lookup("enterprise", "uuid", {r.get("enterprise") for r in inserts})
        enterprise_uuids = {v: k for k, v in self.ids["enterprise"].items()}
        enterprise_ids = sorted(
            {
                self.ids["enterprise"][r["enterprise"]]
                for r in inserts
                if r.get("enterprise") in self.ids["enterprise"]
            }
        )
        groups: dict[tuple[str, str, str], list[tuple[str, str, str]]] = {}
        for start in range(0, len(enterprise_ids), CHUNK):
            chunk = enterprise_ids[start : start + CHUNK]
            for uuid, enterprise_id, number, kind, at, where in self.connection.execute(
                select(
                    Intention.uuid,
                    Intention.enterprise_id,
                    Patent.application_no,
                    Intention.kind,
                    Intention.captured_at,
                    Intention.captured_station,
                )
                .join(Patent, Patent.id == Intention.patent_id)
                .where(Intention.enterprise_id.in_(chunk))
            ):
                key = (enterprise_uuids.get(enterprise_id, ""), number, kind.value)
                groups.setdefault(key, []).append((uuid, at.isoformat(), where))
        for r in inserts:
            key = (str(r.get("enterprise")), str(r.get("patent")), str(r.get("kind")))
            groups.setdefault(key, []).append(
                (r["uuid"], str(r.get("captured_at")), str(r.get("captured_station") or ""))
            )
        counts = report.kind("intention")
        reason = translate("Bundles", "same enterprise, patent and kind within minutes")
        window = dt.timedelta(minutes=DUPLICATE_MINUTES)
        for items in groups.values():
            if len(items) < 2:
                continue
            for index, (u1, at1, s1) in enumerate(items):
                for u2, at2, s2 in items[index + 1 :]:
                    if u1 == u2 or s1 == s2:
                        continue
                    gap = abs(dt.datetime.fromisoformat(at1) - dt.datetime.fromisoformat(at2))
                    if gap <= window and self._flag("intention", u1, u2, reason):
                        counts.possible_duplicates += 1

    # ------------------------------------------------------------------ writing

    def _values(self, spec: TableSpec, record: dict[str, Any]) -> list[Any] | None:
        """Driver values of a record's columns in ``spec.columns`` order (``None``: a
        reference it needs is missing)."""
        values: list[Any] = []
        refs = spec.ref_by_column
        ids = self.ids
        for column, convert in zip(spec.columns, self.driver[spec.name], strict=True):
            if convert is not None:
                values.append(convert(record.get(column)))
                continue
            ref = refs[column]
            key = record.get(ref.name)
            row_id = None if key is None else ids.get(ref.table, {}).get(key)
            if row_id is None and key is not None and not table_of(spec).c[column].nullable:
                return None
            values.append(row_id)
        return values

    def _write(
        self,
        spec: TableSpec,
        inserts: list[dict[str, Any]],
        updates: list[tuple[int, dict[str, Any]]],
        report: BundleReport,
    ) -> None:
        for ref in spec.refs:
            keys = {r.get(ref.name) for r in inserts} | {r.get(ref.name) for _i, r in updates}
            self._lookup(ref.table, ref.key, keys)
        table = table_of(spec)
        counts = report.kind(spec.name)
        extra = _missing_defaults(table, spec.columns) if self.sqlite else {}
        rows = []
        for record in inserts:
            values = self._values(spec, record)
            if values is None:
                counts.new -= 1
                counts.skipped += 1
                continue
            rows.append(values + list(extra.values()))
        columns = [*spec.columns, *extra]
        if rows:
            names = ", ".join(columns)
            marks = ", ".join("?" * len(columns))
            self._executemany(
                f"INSERT INTO {table.name} ({names}) VALUES ({marks})",
                table.insert(),
                columns,
                rows,
            )
        self.written += len(rows)
        changes = []
        for row_id, record in updates:
            values = self._values(spec, record)
            if values is None:
                counts.updated -= 1
                counts.skipped += 1
                continue
            changes.append([*values, row_id])
        if changes:
            sets = ", ".join(f"{column} = ?" for column in spec.columns)
            statement = (
                update(table)
                .where(table.c.id == bindparam("_id"))
                .values({column: bindparam(f"v_{column}") for column in spec.columns})
            )
            self._executemany(
                f"UPDATE {table.name} SET {sets} WHERE id = ?",
                statement,
                [f"v_{column}" for column in spec.columns] + ["_id"],
                changes,
            )
            self.written += len(changes)
        if counts.skipped:
            report.warnings.append(
                fmt(
                    translate(
                        "Bundles",
                        "%1 records of “%2” refer to records that neither the bundle nor this "
                        "database holds and were not merged.",
                    ),
                    str(counts.skipped),
                    kind_label(spec.name),
                )
            )
        if spec.name in ("enterprise", "roadshow_session", "intention") and rows:
            uuid_at = columns.index("uuid")
            self._lookup(spec.name, "uuid", {str(r[uuid_at]) for r in rows})

    def _executemany(
        self, sql: str, statement: Any, names: list[str], rows: list[list[Any]]
    ) -> None:
        """Many rows in chunks: plain SQL on SQLite (values already converted for the
        driver), else the SQLAlchemy statement with named parameters."""
        step = CHUNK * 4
        for start in range(0, len(rows), step):
            chunk = rows[start : start + step]
            if self.sqlite:
                self.connection.exec_driver_sql(sql, [tuple(row) for row in chunk])
            else:  # pragma: no cover - PostgreSQL
                self.connection.execute(
                    statement, [dict(zip(names, row, strict=True)) for row in chunk]
                )
            self.progress.check()

    def _write_clocks(
        self, writes: dict[str, tuple[str, dict[str, Any]]], drops: list[str]
    ) -> None:
        if not writes and not drops:
            return
        doomed = sorted({*writes, *drops})
        for start in range(0, len(doomed), CHUNK):
            self.connection.execute(
                delete(SyncClock).where(SyncClock.record_uuid.in_(doomed[start : start + CHUNK]))
            )
        rows = [
            {"record_uuid": uuid, "record_table": table, "fields": fields}
            for uuid, (table, fields) in writes.items()
            if fields
        ]
        if rows:
            self.connection.execute(SyncClock.__table__.insert(), rows)  # type: ignore[attr-defined]
        self.written += len(rows) + len(drops)

    def _write_conflicts(
        self, spec: TableSpec, conflicts: list[tuple[int, str, Any, Any]], report: BundleReport
    ) -> int:
        """Open a conflict per (record, field, other value) not already known; keep the open
        ones naming the value that stands now. Returns how many were opened."""
        if not conflicts:
            return 0
        ids = sorted({row_id for row_id, *_rest in conflicts})
        known: dict[tuple[int, str], list[tuple[int, str, str, ConflictResolution]]] = {}
        for start in range(0, len(ids), CHUNK):
            for cid, rid, name, mine, theirs, resolution in self.connection.execute(
                select(
                    FieldConflict.id,
                    FieldConflict.record_id,
                    FieldConflict.field,
                    FieldConflict.local_value,
                    FieldConflict.file_value,
                    FieldConflict.resolution,
                ).where(
                    FieldConflict.record_table == spec.name,
                    FieldConflict.record_id.in_(ids[start : start + CHUNK]),
                )
            ):
                known.setdefault((rid, name), []).append((cid, mine, theirs, resolution))
        opened = 0
        from roadshow_desk.domain.edits import RECORD_TABLES

        reviewable = set(RECORD_TABLES.get(spec.name, (None, ()))[1])
        for row_id, name, value, other in conflicts:
            if name not in reviewable:  # a reference, a tombstone: the later edit stands
                report.notes.append(
                    fmt(
                        translate(
                            "Bundles",
                            "Two stations changed “%1” of the same record differently; the later "
                            "change stands.",
                        ),
                        name,
                    )
                )
                continue
            column = name
            stands, loses = _text(value), _text(other)
            entries = known.setdefault((row_id, column), [])
            for cid, mine, _theirs, resolution in entries:
                if resolution == ConflictResolution.OPEN and mine != stands:
                    self.connection.execute(
                        update(FieldConflict)
                        .where(FieldConflict.id == cid)
                        .values(local_value=stands)
                    )
                    self.written += 1
            if any(theirs == loses for _c, _m, theirs, _r in entries):
                continue
            self.connection.execute(
                FieldConflict.__table__.insert().values(  # type: ignore[attr-defined]
                    record_table=spec.name,
                    record_id=row_id,
                    field=column,
                    local_value=stands,
                    file_value=loses,
                    resolution=ConflictResolution.OPEN,
                )
            )
            entries.append((-1, stands, loses, ConflictResolution.OPEN))
            self.written += 1
            opened += 1
        return opened

    def _receipt(self, bundle: Bundle, report: BundleReport) -> None:
        def when(value: Any) -> dt.datetime | None:
            return dt.datetime.fromisoformat(str(value)) if value else None

        span = bundle.manifest.get("range") or {}
        self.connection.execute(
            BundleReceipt.__table__.insert().values(  # type: ignore[attr-defined]
                bundle_uuid=bundle.uuid,
                station=bundle.station,
                region=report.region,
                event_uuid=report.event_uuid,
                exported_at=when(bundle.manifest.get("exported_at")),
                covers_from=when(span.get("since") or span.get("first_change")),
                covers_to=when(span.get("until")),
                sha256=report.sha256,
                file_name=bundle.path.name,
                counts={table: asdict(c) for table, c in report.counts.items()},
                warnings="\n".join(report.warnings),
                merged_at=self.now,
                merged_by=self.station,
            )
        )
        self.written += 1
        found = self.connection.execute(
            select(Station.id, Station.region).where(Station.name == bundle.station)
        ).first()
        if found is None:
            self.connection.execute(
                Station.__table__.insert().values(  # type: ignore[attr-defined]
                    name=bundle.station, region=report.region, created_at=self.now
                )
            )
            self.written += 1
        elif report.region and found[1] != report.region:
            self.connection.execute(
                update(Station).where(Station.id == found[0]).values(region=report.region)
            )
            self.written += 1


__all__ = ["KINDS", "BundleReport", "KindCounts", "MergeResult", "merge_bundles"]
