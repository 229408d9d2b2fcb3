"""Importing registration lists of enterprises, and re-importing them as a sync.

    result = import_enterprises(database, path, rejects_path=None, station="desk-1")
    result.inserted, result.updated, result.unchanged, result.rejected, result.conflicts

The same machinery as the patent importer: :mod:`.tables` reads the file (any format and
encoding), :mod:`.columns` maps its columns with :data:`ENTERPRISE_SPEC`, :mod:`.rejects`
writes the rows that cannot be used with their reasons, and :mod:`.import_core` holds what
the three importers share (the result is an
:class:`~roadshow_desk.exchange.import_core.ImportResult`). Every row is validated by the
registry's own rules (``domain.enterprises.validated_values``: credit code, phone, tags).

Matching and sync
    * A row is the registered firm with the same credit code, else the firm with the same
      normalised name (``domain.enterprises.name_key``) -- unless both carry different
      credit codes (two real firms). Otherwise it is a new firm.
    * A firm repeated in the file (same code or same normalised name) is rejected after its
      first row, so nothing is imported twice and nothing is lost (the repeat is in the
      report).
    * Per mapped field, three-way like patents (``domain.edits``): base =
      ``imported_values[field]``; the file equal to the base → nothing; changed upstream and
      not edited locally → updated; edited locally and the file now agrees → the edit is
      absorbed; edited locally and the file brings a third value → a ``FieldConflict``
      (``record_table="enterprise"``) is opened and counted, the local value stays. A firm
      registered by hand (no base yet) takes the file's value where it had none and opens a
      conflict where it had another one. An empty cell never clears a value the firm has.
    * With ``event_id``, the list is a sign-up list: every firm of a usable row (new or
      matched) is registered for that event (``domain.signups``); the result says how many
      were newly signed up and how many already were. Without it, only the registry changes.
    * Everything is written in one transaction with an ``ImportBatch`` row, after a backup
      of the database file; a file with nothing to change writes nothing.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from roadshow_desk.domain.enterprises import (
    ENTERPRISE_DATA_FIELDS,
    EnterpriseFields,
    EnterpriseInvalid,
    parse_tags,
    phone_message,
    validated_values,
)
from roadshow_desk.domain.enums import ImportKind
from roadshow_desk.domain.events import get_event
from roadshow_desk.domain.identifiers import InvalidPhone, normalize_phone
from roadshow_desk.domain.models import Enterprise, FieldConflict, join_list, utcnow
from roadshow_desk.domain.progress import NO_PROGRESS, Progress
from roadshow_desk.exchange.columns import ColumnMapping, Field, FieldSpec, RowRejected, parse_row
from roadshow_desk.exchange.import_core import (
    ImportResult,
    add_batch,
    back_up_before,
    detected_mapping,
    finish,
    parse_credit_code,
    read_and_map,
)
from roadshow_desk.exchange.normalize import CellProblem, clean_text, parse_flag
from roadshow_desk.exchange.rejects import Reject
from roadshow_desk.exchange.tables import Table, fmt, read_table
from roadshow_desk.i18n import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from roadshow_desk.store.db import Database


def _phone(value: Any) -> str:
    text = clean_text(value)
    if not text:
        return ""
    try:
        return normalize_phone(text)
    except InvalidPhone as error:
        raise CellProblem(phone_message(error)) from None


def _tags(value: Any) -> str:
    try:
        return join_list([tag.value for tag in parse_tags(clean_text(value))])
    except EnterpriseInvalid as error:
        raise CellProblem(str(error)) from None


def _consent(value: Any) -> bool:
    text = clean_text(value)
    if text in ("同意", "愿意", "接受", "可以", "agree", "agreed"):
        return True
    if text in ("不同意", "不愿意", "拒绝", "disagree"):
        return False
    return parse_flag(value)


ENTERPRISE_SPEC = FieldSpec(
    kind="enterprises",
    key="name",
    label_context="EnterpriseFields",
    fields=(
        Field(
            "name",
            QT_TRANSLATE_NOOP("EnterpriseFields", "Enterprise"),
            (
                "企业名称",
                "单位名称",
                "公司名称",
                "企业",
                "单位",
                "名称",
                "enterprise",
                "name",
                "company",
            ),
            parse=clean_text,
            required=True,
        ),
        Field(
            "credit_code",
            QT_TRANSLATE_NOOP("EnterpriseFields", "Unified social credit code"),
            ("统一社会信用代码", "社会信用代码", "信用代码", "统一代码", "credit code", "uscc"),
            parse=parse_credit_code,
        ),
        Field(
            "tags",
            QT_TRANSLATE_NOOP("EnterpriseFields", "Enterprise type"),
            ("企业类型", "企业类别", "企业资质", "类型", "enterprise type", "type", "tags"),
            parse=_tags,
        ),
        Field(
            "industry",
            QT_TRANSLATE_NOOP("EnterpriseFields", "Industry"),
            ("所属行业", "行业", "行业领域", "industry"),
        ),
        Field(
            "keywords",
            QT_TRANSLATE_NOOP("EnterpriseFields", "Keywords"),
            ("技术需求关键词", "关键词", "技术需求", "keywords"),
        ),
        Field(
            "ipc_interests",
            QT_TRANSLATE_NOOP("EnterpriseFields", "IPC interests"),
            ("关注IPC", "关注分类号", "IPC", "ipc interests"),
        ),
        Field(
            "region",
            QT_TRANSLATE_NOOP("EnterpriseFields", "Region"),
            ("所在地区", "地区", "所在地", "区域", "所属地区", "region"),
        ),
        Field(
            "address",
            QT_TRANSLATE_NOOP("EnterpriseFields", "Address"),
            ("地址", "通讯地址", "企业地址", "address"),
        ),
        Field(
            "contact_person",
            QT_TRANSLATE_NOOP("EnterpriseFields", "Contact person"),
            ("联系人", "联系人姓名", "参会人", "参会人员", "contact person", "contact"),
        ),
        Field(
            "phone",
            QT_TRANSLATE_NOOP("EnterpriseFields", "Phone"),
            ("联系电话", "手机", "手机号", "手机号码", "电话", "phone", "mobile"),
            parse=_phone,
        ),
        Field(
            "email",
            QT_TRANSLATE_NOOP("EnterpriseFields", "E-mail"),
            ("电子邮箱", "邮箱", "email", "e-mail"),
        ),
        Field(
            "consent_to_contact",
            QT_TRANSLATE_NOOP("EnterpriseFields", "Consent to be contacted"),
            ("同意联系", "是否同意联系", "同意接受联系", "consent to be contacted", "consent"),
            parse=_consent,
        ),
        Field(
            "notes",
            QT_TRANSLATE_NOOP("EnterpriseFields", "Notes"),
            ("备注", "notes"),
        ),
    ),
)


@dataclass
class EnterpriseImportResult(ImportResult):
    """An import of a registration list; with an event, also the sign-ups it made."""

    event_id: int | None = None
    event_name: str = ""
    signed_up: int = 0  # firms of the file newly signed up for the event
    already_signed_up: int = 0  # firms of the file that were signed up before

    def counts(self) -> dict[str, int]:
        counts = super().counts()
        if self.event_id is not None:
            counts["signed_up"] = self.signed_up
        return counts


def read_enterprise_table(path: str | Path, *, progress: Progress = NO_PROGRESS) -> Table:
    return read_table(path, header_score=ENTERPRISE_SPEC.header_score, progress=progress)


def enterprise_mapping(database: Database, table: Table) -> ColumnMapping:
    return detected_mapping(database, table, ENTERPRISE_SPEC)


def _shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)


def import_enterprises(
    database: Database,
    path: str | Path,
    *,
    mapping: ColumnMapping | None = None,
    table: Table | None = None,
    dry_run: bool = False,
    rejects_path: str | Path | None = None,
    station: str = "",
    progress: Progress = NO_PROGRESS,
    event_id: int | None = None,
) -> EnterpriseImportResult:
    """Import (or re-import) a registration list, signing its firms up for ``event_id`` when
    given (see the module notes)."""
    started = time.perf_counter()
    path = Path(path)
    read = partial(read_enterprise_table, progress=progress)
    table, mapping = read_and_map(database, path, ENTERPRISE_SPEC, read, table, mapping)
    result = EnterpriseImportResult(
        file=path, dry_run=dry_run, preset=mapping.preset, encoding=table.encoding
    )
    mapped = [name for name in ENTERPRISE_DATA_FIELDS if name in mapping.columns]
    progress.start(len(table.rows), translate("Import", "Checking rows…"))
    with database.session() as session:
        if event_id is not None:
            event = get_event(session, event_id)  # one sentence when there is no such event
            result.event_id, result.event_name = event.id, event.name
        firms: list[Enterprise] = []
        writes = _sync(session, table, mapping, mapped, result, station, progress, firms)
        if event_id is not None and firms:
            writes = _sign_up(session, event_id, firms, result, station) or writes
        if dry_run or not writes:
            session.rollback()
        else:
            back_up_before(database, result, "before-enterprise-import")
            batch = add_batch(session, ImportKind.ENTERPRISES, path, mapping, station, result)
            for conflict in session.scalars(
                select(FieldConflict).where(
                    FieldConflict.record_table == "enterprise", FieldConflict.batch_id.is_(None)
                )
            ):
                conflict.batch_id = batch.id
    return finish(result, table, rejects_path, started)


def _sync(
    session: Session,
    table: Table,
    mapping: ColumnMapping,
    mapped: list[str],
    result: ImportResult,
    station: str,
    progress: Progress,
    firms_in_file: list[Enterprise],
) -> bool:
    """Plan and apply the rows to the session (not committed); returns whether it wrote.

    ``firms_in_file`` receives the firm of every usable row (new or matched), in file order.
    """
    firms = list(session.scalars(select(Enterprise).where(Enterprise.deleted_at.is_(None))))
    by_code = {firm.credit_code: firm for firm in firms if firm.credit_code}
    by_key: dict[str, Enterprise] = {}
    for known in firms:
        by_key.setdefault(known.name_key, known)
    seen: dict[str, int] = {}
    now = utcnow()
    wrote = False
    for index, row in enumerate(table.rows):
        if index and index % 200 == 0:
            progress.step(200)
        try:
            record = parse_row(row, mapping, ENTERPRISE_SPEC, table.header)
            given: dict[str, Any] = {
                name: ("" if value is None else value)
                for name, value in record.items()
                if name in ENTERPRISE_DATA_FIELDS
            }
            values = validated_values(EnterpriseFields(**given))
        except RowRejected as rejected:
            result.rejects.append(Reject.of(table, index, rejected.reason))
            continue
        except EnterpriseInvalid as invalid:
            result.rejects.append(Reject.of(table, index, str(invalid)))
            continue
        keys = [f"key:{values['name_key']}"]
        if values["credit_code"]:
            keys.insert(0, f"code:{values['credit_code']}")
        repeated = next((seen[key] for key in keys if key in seen), None)
        if repeated is not None:
            result.rejects.append(
                Reject.of(
                    table,
                    index,
                    fmt(
                        translate(
                            "Import",
                            "“%1” is also in row %2; only that row was imported.",
                        ),
                        values["name"],
                        table.row_numbers[repeated],
                    ),
                )
            )
            continue
        for key in keys:
            seen[key] = index
        firm = by_code.get(values["credit_code"]) if values["credit_code"] else None
        if firm is None:
            candidate = by_key.get(values["name_key"])
            if candidate is not None and not (
                values["credit_code"]
                and candidate.credit_code
                and candidate.credit_code != values["credit_code"]
            ):
                firm = candidate
        if firm is None:
            created = Enterprise(
                **values,
                station=station,
                imported_values={name: values[name] for name in mapped},
                local_edits={},
                updated_at=now,
            )
            session.add(created)
            firms_in_file.append(created)
            by_key.setdefault(values["name_key"], created)
            if values["credit_code"]:
                by_code[values["credit_code"]] = created
            result.inserted += 1
            wrote = True
            continue
        firms_in_file.append(firm)
        changed, bookkeeping = _merge_fields(session, firm, values, mapped)
        if changed:
            firm.updated_at = now
            firm.station = station
            result.updated += 1
        else:
            result.unchanged += 1
        wrote = wrote or changed or bookkeeping
    progress.step(len(table.rows) % 200)
    result.conflicts = sum(1 for item in session.new if isinstance(item, FieldConflict))
    result.rejected = len(result.rejects)
    if wrote:
        session.flush()
    return wrote


def _sign_up(
    session: Session,
    event_id: int,
    firms: list[Enterprise],
    result: EnterpriseImportResult,
    station: str,
) -> bool:
    """Register the file's firms for the event; returns whether that wrote anything."""
    from roadshow_desk.domain.signups import sign_up_firms

    session.flush()  # the new firms get their ids
    ids = [firm.id for firm in firms]
    added = sign_up_firms(session, event_id, ids, station=station)
    result.signed_up = len(added)
    result.already_signed_up = len(set(ids)) - len(added)
    return bool(added)


def _merge_fields(
    session: Session, firm: Enterprise, values: dict[str, Any], mapped: list[str]
) -> tuple[bool, bool]:
    """Three-way merge of one firm's mapped fields; returns (columns changed, bookkeeping)."""
    imported = dict(firm.imported_values or {})
    edits = dict(firm.local_edits or {})
    changed = bookkeeping = False
    for name in mapped:
        new = values[name]
        current = getattr(firm, name)
        has_base = name in imported
        base = imported.get(name)
        if has_base and base == new:
            continue
        empty_new = new in ("", None)
        if name in edits or (not has_base and current not in ("", None, False) and current != new):
            if empty_new and not has_base:
                continue
            if current == new:
                edits.pop(name, None)
            else:
                session.add(
                    FieldConflict(
                        record_table="enterprise",
                        record_id=firm.id,
                        field=name,
                        local_value=_shown(current),
                        file_value=_shown(new),
                    )
                )
                if name not in edits:
                    edits[name] = {"at": utcnow().isoformat(timespec="seconds"), "value": current}
            imported[name] = new
            bookkeeping = True
            continue
        if empty_new and current not in ("", None) and not has_base:
            continue
        if current != new:
            setattr(firm, name, new)
            if name == "name":
                firm.name_key = values["name_key"]
            changed = True
        imported[name] = new
        bookkeeping = True
    if bookkeeping:
        firm.imported_values = imported
        firm.local_edits = edits
    return changed, bookkeeping
