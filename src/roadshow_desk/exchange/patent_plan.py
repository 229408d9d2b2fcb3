"""Planning a patent import: every row of the file checked and compared with the library,
nothing written yet (:mod:`.patent_import` has the rules; :mod:`.patent_write` writes the
plan).

    plan = plan_patents(session, table, mapping, result, station, progress)
    plan.new_rows, plan.updates, plan.bookkeeping, plan.conflicts, plan.new_institutions

The rows of new patents are made into insert rows (:func:`insert_row`) only when writing,
so a dry run does not build them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import Table as SATable
from sqlalchemy import select

from roadshow_desk.domain.edits import BASE_KEY, DIGEST_KEY, field_to_json, field_to_text
from roadshow_desk.domain.enums import InstitutionKind, LegalStatus, PatentType
from roadshow_desk.domain.identifiers import patent_type_from_application_number
from roadshow_desk.domain.models import (
    LIST_SEPARATOR,
    PATENT_DATA_FIELDS,
    Institution,
    Patent,
    new_uuid,
    split_list,
    utcnow,
)
from roadshow_desk.domain.progress import Progress
from roadshow_desk.exchange.columns import ColumnMapping, RowRejected, parse_rows, row_parser
from roadshow_desk.exchange.import_core import ImportResult
from roadshow_desk.exchange.normalize import CellProblem
from roadshow_desk.exchange.patent_fields import PATENT_SPEC, parse_application_number
from roadshow_desk.exchange.rejects import Reject
from roadshow_desk.exchange.tables import Table, fmt
from roadshow_desk.i18n import translate

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


#: Bump when a parser changes what it makes of a cell: fingerprints then no longer match,
#: so the next re-import compares (and corrects) every row.
NORMALISER_VERSION = "4"  # 4: HTML entities decoded (&apos; in the Patentics exports)
CHUNK = 2000
_PARSE_BLOCK = 10_000
_PATENT = cast(SATable, Patent.__table__)

_UNIVERSITY_WORDS = ("大学", "学院", "学校", "university", "college")
_INSTITUTE_WORDS = ("研究院", "研究所", "科学院", "研究中心", "实验室", "institute", "academy")
_HOSPITAL_WORDS = ("医院", "hospital")
_INSTITUTION_HINT = re.compile(
    "|".join(_UNIVERSITY_WORDS + _INSTITUTE_WORDS + _HOSPITAL_WORDS), re.IGNORECASE
)
_COMPANY_WORDS = ("公司", "有限", "集团", "厂", "company", "inc.", "ltd", "corp", "gmbh")


@dataclass
class PatentPlan:
    """What an import will write: built by :func:`plan_patents`, written by
    :func:`roadshow_desk.exchange.patent_write.write_plan`."""

    new_rows: list[tuple[str, dict[str, Any], str]] = field(default_factory=list)
    inserts: list[dict[str, Any]] = field(default_factory=list)  # built when writing
    institutions: dict[str, Any] = field(default_factory=dict)  # name -> kind, existing
    updates: list[dict[str, Any]] = field(default_factory=list)
    bookkeeping: list[dict[str, Any]] = field(default_factory=list)
    conflicts: list[tuple[int, str, str, str]] = field(default_factory=list)
    new_institutions: dict[str, InstitutionKind] = field(default_factory=dict)
    unchanged: int = 0
    updated: int = 0

    @property
    def writes(self) -> bool:
        return bool(self.new_rows or self.updates or self.bookkeeping or self.conflicts)


def row_digest(signature: bytes, cells: Sequence[Any]) -> str:
    """The fingerprint of a row's cells as they are in the file.

    Texts only (every CSV row, most workbook rows): the cells joined with U+001F, when no
    cell holds that character itself; otherwise (numbers, dates, U+001F) their ``repr``,
    which tells ``1`` from ``"1"``. The two forms cannot be confused (``repr`` starts with
    a bracket and has no bare U+001F).
    """
    try:
        text = "\x1f".join(cells)
    except TypeError:
        text = repr(list(cells))
    else:
        if text.count("\x1f") != len(cells) - 1:
            text = repr(list(cells))
    return hashlib.blake2b(
        signature + text.encode("utf-8", "surrogatepass"), digest_size=12
    ).hexdigest()


def plan_patents(
    session: Session,
    table: Table,
    mapping: ColumnMapping,
    result: ImportResult,
    station: str,
    progress: Progress,
) -> PatentPlan:
    plan = PatentPlan()
    key_column = mapping.columns[PATENT_SPEC.key]
    data_fields = [name for name in mapping.columns if name != PATENT_SPEC.key]
    derive_grant = "publication_no" in mapping.columns and "grant_no" not in mapping.columns
    compared = data_fields + (["grant_no"] if derive_grant else [])
    digest_fields = sorted(data_fields)
    # The fingerprint covers the key cell and the mapped cells, as they are in the file.
    digest_columns = [key_column] + [mapping.columns[name] for name in digest_fields]
    signature = f"{NORMALISER_VERSION}|{','.join(digest_fields)}|".encode()
    digest_cells = (
        itemgetter(*digest_columns)
        if len(digest_columns) > 1
        else lambda row: (row[key_column],)  # itemgetter of one gives the cell itself
    )
    existing: dict[str, tuple[int, str | None]] = {
        number: (patent_id, digest)
        for patent_id, number, digest in session.execute(
            select(Patent.id, Patent.application_no, Patent.imported_values[DIGEST_KEY].as_string())
        )
    }
    by_digest = {digest: number for number, (_, digest) in existing.items() if digest}
    institutions = {
        name: kind for name, kind in session.execute(select(Institution.name, Institution.kind))
    }
    parse = row_parser(mapping, PATENT_SPEC, table.header, data_fields)
    rows = table.rows
    # First pass: a row whose fingerprint is a stored one is unchanged (nothing else is
    # looked at); the others are grouped by their normalised application number.
    fast: dict[str, int] = {}  # application number -> the unchanged row
    digests: dict[int, str] = {}
    groups: dict[str, list[int]] = {}
    for index, row in enumerate(rows):
        if index % CHUNK == 0 and index:
            progress.step(CHUNK // 2)
        digest = row_digest(signature, digest_cells(row))
        known = by_digest.get(digest)
        if known is not None and known not in fast:
            fast[known] = index
            continue
        try:
            number = parse_application_number(row[key_column])
        except CellProblem as problem:
            result.rejects.append(Reject.of(table, index, str(problem)))
            continue
        digests[index] = digest
        group = groups.get(number)
        if group is None:
            groups[number] = [index]
        else:
            group.append(index)
    for number, indices in groups.items():
        if number in fast:  # the unchanged row has company: decide them together
            indices.append(fast.pop(number))
            indices.sort()
    plan.unchanged += len(fast)
    # Second pass: rows alone with their number are parsed column by column in blocks
    # (parse_rows), rows sharing a number are merged; the file's order is kept.
    order: list[tuple[str, int | None, dict[str, Any] | None, str]] = []
    singles: list[int] = []
    for number, indices in groups.items():
        hit = existing.get(number)
        if len(indices) == 1:
            if hit is not None and hit[1] == digests[indices[0]]:
                plan.unchanged += 1
                continue
            order.append((number, indices[0], None, digests[indices[0]]))
            singles.append(indices[0])
            continue
        merged = _merge_group(table, indices, mapping, parse, data_fields, result)
        if merged is None:
            continue
        record, kept = merged
        digest = row_digest(signature, [rows[i][column] for i in kept for column in digest_columns])
        if hit is not None and hit[1] == digest:
            plan.unchanged += 1
            continue
        order.append((number, None, record, digest))
    parsed: dict[int, dict[str, Any] | None] = {}
    for start in range(0, len(singles), _PARSE_BLOCK):
        block = singles[start : start + _PARSE_BLOCK]
        records, reasons = parse_rows(
            [rows[i] for i in block], mapping, PATENT_SPEC, table.header, data_fields
        )
        parsed.update(zip(block, records, strict=True))
        for position, reason in reasons.items():
            result.rejects.append(Reject.of(table, block[position], reason))
        progress.step(len(block) // 2)
    changed: list[tuple[int, str, dict[str, Any], str]] = []
    new_rows = plan.new_rows
    for number, single, merged_record, digest in order:
        found = merged_record if single is None else parsed[single]
        if found is None:
            continue
        _complete(found, number, derive_grant)
        hit = existing.get(number)
        if hit is None:
            new_rows.append((number, found, digest))
        else:
            changed.append((hit[0], number, found, digest))
    result.rejects.sort(key=lambda reject: reject.row_number)  # the file's order
    now = utcnow()
    plan.institutions = institutions
    if changed:
        _plan_updates(session, changed, compared, station, now, institutions, plan)
    return plan


_KIND = re.compile(r"[A-Z]{2}[0-9]+([A-Z])[0-9]?")


def _kind(publication_no: str) -> str:
    match = _KIND.fullmatch(publication_no or "")
    return match.group(1) if match else ""


def _merge_group(
    table: Table,
    indices: list[int],
    mapping: ColumnMapping,
    parse: Callable[[Sequence[Any]], dict[str, Any]],
    data_fields: list[str],
    result: ImportResult,
) -> tuple[dict[str, Any], list[int]] | None:
    """One record from the rows of one application number, or ``None`` if none is usable.

    Rows that are different publications of the application (``CN109647552A`` and the grant
    ``CN109647552B``: different publication numbers) are merged, the later publication's
    values first. A row that repeats an earlier one, or differs from it without being
    another publication, is rejected with the reason.
    """
    parsed: list[tuple[int, dict[str, Any]]] = []
    for index in indices:
        try:
            parsed.append((index, parse(table.rows[index])))
        except RowRejected as rejected:
            result.rejects.append(Reject.of(table, index, rejected.reason))
    if not parsed:
        return None
    kept = [parsed[0]]
    first_row = table.row_numbers[parsed[0][0]]
    for index, record in parsed[1:]:
        publications = [other.get("publication_no", "") for _, other in kept]
        own = record.get("publication_no", "")
        if any(record == other for _, other in kept):
            reason = translate(
                "Import", "This row repeats row %1 (same application number %2, same values)."
            )
        elif own and all(publications) and own not in publications:
            kept.append((index, record))
            result.merged += 1
            continue
        else:
            reason = translate(
                "Import",
                "The application number %2 is also in row %1 with other values; only that "
                "row was imported.",
            )
        number = parse_application_number(table.rows[index][mapping.columns[PATENT_SPEC.key]])
        result.rejects.append(Reject.of(table, index, fmt(reason, first_row, number)))
    if len(kept) == 1:
        return kept[0][1], [kept[0][0]]
    return _merge_publications([record for _, record in kept], data_fields), [i for i, _ in kept]


def _merge_publications(records: list[dict[str, Any]], data_fields: list[str]) -> dict[str, Any]:
    """The application publication (kind A) first, later publications override it."""
    ordered = sorted(records, key=lambda record: _kind(record["publication_no"]) != "A")
    merged: dict[str, Any] = {}
    for name in data_fields:
        value = ordered[0][name]
        for record in ordered[1:]:
            candidate = record[name]
            if candidate not in (None, "", False, LegalStatus.UNKNOWN):
                value = candidate
        merged[name] = value
    first = ordered[0]
    if _kind(first["publication_no"]) == "A":
        merged["publication_no"] = first["publication_no"]
        if "publication_date" in first and first["publication_date"] is not None:
            merged["publication_date"] = first["publication_date"]
        grants = [r["publication_no"] for r in ordered[1:] if _kind(r["publication_no"]) != "A"]
        if not merged.get("grant_no") and grants:
            merged["grant_no"] = grants[-1]
    return merged


_TYPES: dict[tuple[int, str], PatentType | None] = {}


def _type_of(number: str) -> PatentType | None:
    """:func:`patent_type_from_application_number` of a normalised number, remembered per
    type digit (the result depends on nothing else, and normalising twice costs 10 µs)."""
    key = (len(number), number[6] if len(number) == 16 else number[4])
    if key not in _TYPES:
        _TYPES[key] = patent_type_from_application_number(number)
    return _TYPES[key]


def _complete(record: dict[str, Any], number: str, derive_grant: bool) -> None:
    """Fill what a file leaves implicit: an empty patent type comes from the application
    number; a main IPC that is only a subclass (Patentics CSV) or empty becomes the first
    full code of the IPC list; without a grant-number column, a grant publication number
    (kind B, C, U, Y, S) is the grant number."""
    if derive_grant and "grant_no" not in record:
        publication = record["publication_no"]
        record["grant_no"] = publication if _kind(publication) not in ("", "A") else ""
    if "patent_type" in record and record["patent_type"] is None:
        record["patent_type"] = _type_of(number)
    if "ipc_main" in record and "ipc_all" in record and record["ipc_all"]:
        main = record["ipc_main"]
        first = record["ipc_all"].split(LIST_SEPARATOR, 1)[0]
        if not main or (len(main) == 4 and first.startswith(main)):
            record["ipc_main"] = first


@lru_cache(maxsize=4096)  # the same applicants come back row after row
def institution_of(applicants: str) -> tuple[str, InstitutionKind] | None:
    """The first applicant that is a university, institute or hospital, with its kind."""
    if not applicants or _INSTITUTION_HINT.search(applicants) is None:
        return None
    for name in split_list(applicants):
        lowered = name.lower()
        if any(word in lowered for word in _COMPANY_WORDS):
            continue
        if any(word in lowered for word in _HOSPITAL_WORDS):
            return name, InstitutionKind.HOSPITAL
        if "大学" in lowered or "university" in lowered:
            return name, InstitutionKind.UNIVERSITY
        if any(word in lowered for word in _INSTITUTE_WORDS):  # 中国科学院…研究所
            return name, InstitutionKind.INSTITUTE
        if any(word in lowered for word in _UNIVERSITY_WORDS):  # …学院, …学校
            return name, InstitutionKind.UNIVERSITY
    return None


def _institution_name(
    applicants: str, institutions: dict[str, Any], plan: PatentPlan
) -> str | None:
    found = institution_of(applicants)
    if found is None:
        return None
    name, kind = found
    name = name[:200]
    if name not in institutions and name not in plan.new_institutions:
        plan.new_institutions[name] = kind
    return name


def insert_row(
    number: str,
    record: dict[str, Any],
    digest: str,
    station: str,
    now: dt.datetime,
    institutions: dict[str, Any],
    plan: PatentPlan,
    uuid: str | None = None,
) -> dict[str, Any]:
    row = dict(_INSERT_DEFAULTS)
    row.update(record)
    if row["patent_type"] is None:
        row["patent_type"] = _type_of(number)
    if row["legal_status"] is None:
        row["legal_status"] = LegalStatus.UNKNOWN
    if not row["ipc_main"] and row["ipc_all"]:
        row["ipc_main"] = row["ipc_all"].split(LIST_SEPARATOR, 1)[0]
    row["application_no"] = number
    row["uuid"] = uuid or new_uuid()
    row["updated_at"] = now
    row["station"] = station
    row["imported_values"] = {DIGEST_KEY: digest}
    parties = row["applicants"] or row["current_owners"]
    row["_institution"] = _institution_name(parties, institutions, plan) if parties else None
    return row


def _scalar_default(column: Any) -> Any:
    arg = getattr(column.default, "arg", None)
    return None if callable(arg) else arg


_INSERT_DEFAULTS: dict[str, Any] = {
    name: _scalar_default(column)
    for name, column in _PATENT.columns.items()
    if name in PATENT_DATA_FIELDS
}
_INSERT_DEFAULTS.update(deleted_at=None, local_edits={}, last_batch_id=None, institution_id=None)


def _plan_updates(
    session: Session,
    changed: list[tuple[int, str, dict[str, Any], str]],
    data_fields: Sequence[str],
    station: str,
    now: dt.datetime,
    institutions: dict[str, Any],
    plan: PatentPlan,
) -> None:
    """Compare changed rows with the library field by field (rules in ``domain.edits``)."""
    columns = [_PATENT.c.id, _PATENT.c.local_edits]
    columns += [_PATENT.c[name] for name in data_fields]
    current: dict[int, Any] = {}
    ids = [item[0] for item in changed]
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for row in session.execute(select(*columns).where(_PATENT.c.id.in_(chunk))):
            current[row.id] = row
    for patent_id, _number, record, digest in changed:
        stored = current[patent_id]
        edits = dict(stored.local_edits or {})
        values: dict[str, Any] = {}
        column_changed = False
        edits_changed = False
        for name in data_fields:
            new = record[name]
            now_value = getattr(stored, name)
            edit = edits.get(name)
            if edit is None:
                values[name] = new
                if now_value != new:
                    column_changed = True
                continue
            values[name] = now_value
            new_json = field_to_json(name, new)
            if isinstance(edit, dict) and edit.get(BASE_KEY, _MISSING) == new_json:
                continue  # upstream did not change this field: the local edit stands
            edits_changed = True
            if now_value == new:  # the file now agrees with the organiser
                edits.pop(name)
            else:
                plan.conflicts.append(
                    (patent_id, name, field_to_text(name, now_value), field_to_text(name, new))
                )
                edits[name] = {**(edit if isinstance(edit, dict) else {}), BASE_KEY: new_json}
        if not (column_changed or edits_changed):
            plan.unchanged += 1
            continue
        values.update(b_id=patent_id, imported_values={DIGEST_KEY: digest}, local_edits=edits)
        if column_changed:
            values.update(updated_at=now, station=station, _institution=None)
            owners = [name for name in ("applicants", "current_owners") if name in record]
            if any(values[name] != getattr(stored, name) for name in owners):
                parties = next((values[name] for name in owners if values[name]), "")
                values["_institution"] = _institution_name(parties, institutions, plan) or ""
            plan.updates.append(values)
            plan.updated += 1
        else:
            plan.unchanged += 1
            plan.bookkeeping.append(
                {
                    "b_id": patent_id,
                    "imported_values": values["imported_values"],
                    "local_edits": edits,
                }
            )


_MISSING = object()
