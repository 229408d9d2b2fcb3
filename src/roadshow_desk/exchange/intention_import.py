"""Importing intentions: transcribed paper sign-up sheets and online-form exports
(``intentions import``).

    result = import_intentions(database, path, event_id=None, rejects_path=None)

The same machinery as the other importers (:mod:`.tables`, :mod:`.columns` with
:data:`INTENTION_SPEC`, :mod:`.rejects`); each row is checked by the capture rules
(``domain.capture.validated_draft``: a kind is required, "no demand" needs a 1–5 rating).
The app's own sign-up form (``domain.signup_form``: the printed sheet and its transcription
workbook) and the exports of 问卷星, 腾讯问卷 and 金数据 are read as they come
(:mod:`.intention_forms`: numbered question headers, "other" columns, multi-choice cells).

Matching
    * the enterprise by its credit code when the row has one, else by its normalised name
      (``domain.enterprises.name_key``: ``（北京）`` and ``(北京)``, 有限公司 and 股份有限公司
      are one firm; the firm written exactly so wins, then a registered firm over a walk-in);
      on a paper sheet a firm not in the registry is rejected ("register it first"), never
      invented from a handwritten name; an online form's new firm comes in as a walk-in to
      reconcile;
    * the patent by its application number, by the form's patent column (an application
      number, a session's slot number, a booth number or a title), else by its exact title
      (ignoring spaces); a title that several patents share is rejected as ambiguous;
    * several kinds or patents in one cell (``1、3``, ``转让┋许可``) make one intention each.

Re-importing
    A row with a time that matches an intention of the event (same firm, patent, kind and
    time to the second) is that intention -- so an exported file imports back to the same
    records. Otherwise each intention gets a stable uuid from the event, the firm, the
    patent, the kind and the written time (an online form's: the service's answer number,
    else its submission time, and the firm), so importing the same file twice -- or a later
    export of the same form -- adds only what is new:
    an identical row counts as unchanged, a row whose other cells were corrected updates
    its intention (rating, budget, timeline, contact, notes -- never the follow-up stage).
    An intention removed at the desk stays removed.

Times
    A time column (登记时间, 提交答卷时间, 提交时间) is read as the venue's time (the event's
    time zone, whatever the laptop's); a date alone is taken as noon of that day; without a
    time column the import time is used. The station is the sheet's station column, else
    ``paper`` (or the questionnaire service's name).

Everything is written in one transaction with an ``ImportBatch`` row, after a backup.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import time
import uuid as uuid_module
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from sqlalchemy import select

from roadshow_desk.domain import signup_form as form
from roadshow_desk.domain.capture import IntentionDraft, InvalidIntention, validated_draft
from roadshow_desk.domain.enterprises import clean_name, credit_code_message, name_key
from roadshow_desk.domain.enums import BudgetBand, ImportKind, IntentionKind, Timeline
from roadshow_desk.domain.events import resolve_event
from roadshow_desk.domain.identifiers import InvalidCreditCode, normalize_credit_code
from roadshow_desk.domain.labels import label
from roadshow_desk.domain.models import Enterprise, ImportBatch, Intention, Patent, utcnow
from roadshow_desk.domain.progress import NO_PROGRESS, Progress
from roadshow_desk.domain.signups import sign_up_firms
from roadshow_desk.domain.venue_time import from_venue
from roadshow_desk.errors import InputError
from roadshow_desk.exchange.columns import (
    ColumnMapping,
    Field,
    FieldSpec,
    RowRejected,
    detect_mapping,
    load_user_presets,
    parse_row,
    require_columns,
)
from roadshow_desk.exchange.intention_forms import (
    ONLINE,
    ONLINE_PRESETS,
    PatentResolver,
    is_booth_header,
    merge_other_columns,
    strip_question_number,
)
from roadshow_desk.exchange.normalize import (
    CellProblem,
    clean_code,
    clean_long_text,
    clean_text,
    parse_date,
    parse_grade,
)
from roadshow_desk.exchange.patent_fields import parse_application_number
from roadshow_desk.exchange.patent_import import ImportResult
from roadshow_desk.exchange.rejects import Reject, write_rejects
from roadshow_desk.exchange.tables import Table, cell_text, fmt, read_table
from roadshow_desk.i18n import QT_TRANSLATE_NOOP, translate
from roadshow_desk.store.intentions import interest_changed

_NAMESPACE = uuid_module.UUID("5b0e6f0c-1f1a-4bb8-9a53-6d2f3c1f0a77")
PAPER_STATION = "paper"

# --------------------------------------------------------------------------- cell parsers

_KIND_WORDS: tuple[tuple[tuple[str, ...], IntentionKind], ...] = (
    (("开放许可",), IntentionKind.OPEN_LICENCE),
    (("无需求", "无意向", "暂无需求", "没有需求", "nodemand"), IntentionKind.NO_DEMAND),
    (("转让", "购买", "受让", "transfer"), IntentionKind.TRANSFER),
    (("许可", "licence", "license"), IntentionKind.LICENCE),
    (("作价入股", "入股", "投资", "股权", "investment", "equity"), IntentionKind.INVESTMENT),
    (
        ("技术改进", "改进需求", "技术需求", "二次开发", "improvement"),
        IntentionKind.IMPROVEMENT_NEED,
    ),
    (("产学研", "合作研发", "联合研发", "合作", "cooperation"), IntentionKind.RESEARCH_COOPERATION),
)


def parse_kind(value: Any) -> IntentionKind | None:
    """One of the seven kinds from a stored value, a number 1–7 or the words sheets use."""
    text = clean_code(value).lower()
    if not text:
        return None
    if text in ("无", "none", "no"):
        return IntentionKind.NO_DEMAND
    numbered = re.match(r"^([1-7])(?:\D|$)", text)  # a sign-up sheet's tick number, "1 转让"
    if numbered and (text.isdecimal() or not text[1:2].isdecimal()):
        return list(IntentionKind)[int(numbered.group(1)) - 1]
    for kind in IntentionKind:
        if text in (kind.value, clean_code(label(kind)).lower()):
            return kind
    for words, kind in _KIND_WORDS:
        if any(word in text for word in words):
            return kind
    raise CellProblem(
        fmt(
            translate(
                "Import",
                "“%1” is not an intention kind (transfer, licence, open licence, investment, "
                "improvement need, cooperation or no demand).",
            ),
            cell_text(value).strip()[:40],
        )
    )


def parse_kinds(value: Any) -> list[IntentionKind] | None:
    """Every kind of a cell that may hold several (``1、3``, ``转让┋许可``), each once."""
    from roadshow_desk.exchange.intention_forms import split_choices

    kinds: list[IntentionKind] = []
    for part in split_choices(value):
        if part.casefold() in ("其他", "其它", "other"):
            continue  # "other" chosen with no text in its column
        kind = parse_kind(part)
        if kind is not None and kind not in kinds:
            kinds.append(kind)
    return kinds or None


_WAN = re.compile(r"([0-9]+(?:\.[0-9]+)?)\s*(万|w|千|元)?")


def _amount_yuan(text: str) -> Decimal | None:
    match = _WAN.search(text)
    if not match:
        return None
    try:
        number = Decimal(match.group(1))
    except InvalidOperation:
        return None
    unit = match.group(2)
    if unit in ("万", "w"):
        return number * 10000
    if unit == "千":
        return number * 1000
    if unit == "元" or number >= 1000:
        return number
    return number * 10000  # a bare small number on a sheet headed 预算（万元）


def _band_of(amount: Decimal) -> BudgetBand:
    if amount < 100_000:
        return BudgetBand.UNDER_100K
    if amount < 500_000:
        return BudgetBand.FROM_100K_TO_500K
    if amount < 1_000_000:
        return BudgetBand.FROM_500K_TO_1M
    if amount <= 5_000_000:
        return BudgetBand.FROM_1M_TO_5M
    return BudgetBand.OVER_5M


def parse_budget(value: Any) -> BudgetBand | None:
    """A budget band from a band value or label, a range (``10-50万``) or an amount."""
    text = clean_code(value).lower().replace("～", "-").replace("~", "-").replace("—", "-")
    if not text:
        return None
    for band in BudgetBand:
        if text in (band.value, clean_code(label(band)).lower()):
            return band
    if any(word in text for word in ("不便", "保密", "未定", "待定", "不详", "undisclosed")):
        return BudgetBand.UNDISCLOSED
    lower_only = any(word in text for word in ("以上", "超过", "over", ">"))
    parts = [part for part in re.split(r"-|至|到", text) if part.strip()]
    if len(parts) == 2:
        low, high = (
            _amount_yuan(parts[0] + ("万" if "万" in parts[1] else "")),
            _amount_yuan(parts[1]),
        )
        if low is not None and high is not None and high > low:
            return _band_of((low + high) / 2)
    amount = _amount_yuan(text)
    if amount is not None:
        if lower_only:
            amount += 1
        elif any(word in text for word in ("以下", "以内", "不超过", "under", "<")):
            amount -= 1
        return _band_of(amount)
    raise CellProblem(
        fmt(
            translate("Import", "“%1” is not a budget (write an amount like 50万 or a range)."),
            cell_text(value).strip()[:40],
        )
    )


_TIMELINE_WORDS: tuple[tuple[tuple[str, ...], Timeline], ...] = (
    (("三个月", "3个月", "一季度", "近期", "马上", "立即"), Timeline.WITHIN_3_MONTHS),
    (("六个月", "6个月", "半年"), Timeline.WITHIN_6_MONTHS),
    (("一年以上", "1年以上", "两年", "2年", "以后", "远期"), Timeline.LATER),
    (("一年", "1年", "12个月", "年内"), Timeline.WITHIN_1_YEAR),
    (("待定", "未定", "不确定", "看情况"), Timeline.UNDECIDED),
)


def parse_timeline(value: Any) -> Timeline | None:
    text = clean_code(value).lower()
    if not text:
        return None
    for timeline in Timeline:
        if text in (timeline.value, clean_code(label(timeline)).lower()):
            return timeline
    for words, timeline in _TIMELINE_WORDS:
        if any(word in text for word in words):
            return timeline
    raise CellProblem(
        fmt(
            translate("Import", "“%1” is not a timeline (like 3个月内, 半年内, 一年内 or 待定)."),
            cell_text(value).strip()[:40],
        )
    )


_DATETIME = re.compile(
    r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*[T ]?\s*"
    r"(\d{1,2})\s*[:：时]\s*(\d{2})(?:\s*[:：分]\s*(\d{2}))?\s*秒?\s*$"
)
_CLOCK = re.compile(r"(\d{1,2})[:：时点](\d{2})?")


def parse_local_time(value: Any) -> dt.datetime | None:
    """A written time as the naive wall-clock time it names (the venue's: the importer
    converts it to UTC with the event's time zone); a date alone is noon."""
    if value is None or value == "":
        return None
    full = _DATETIME.match(cell_text(value)) if isinstance(value, str) else None
    if isinstance(value, dt.datetime):
        local = value
    elif full is not None:  # 2026/12/3 10:15:22, as questionnaire services write it
        year, month, mday, hour, minute, second = (int(part or 0) for part in full.groups())
        try:
            local = dt.datetime(year, month, mday, hour, minute, second)
        except ValueError:
            raise CellProblem(
                fmt(translate("Import", "“%1” is not a date."), cell_text(value).strip()[:40])
            ) from None
    else:
        day = parse_date(value)
        if day is None:
            return None
        local = dt.datetime.combine(day, dt.time(12, 0))
        if not isinstance(value, dt.date):
            text = clean_code(value)
            rest = text[10:] if len(text) > 10 else ""
            match = _CLOCK.search(rest) if rest else None
            if match:
                local = dt.datetime.combine(
                    day, dt.time(int(match.group(1)) % 24, int(match.group(2) or 0))
                )
    return local  # an aware time (rare) keeps its zone: from_venue converts it as it is


def _parse_credit(value: Any) -> str:
    text = clean_code(value)
    if not text:
        return ""
    try:
        return normalize_credit_code(text)
    except InvalidCreditCode as error:
        raise CellProblem(credit_code_message(error)) from None


def _parse_number(value: Any) -> str:
    text = cell_text(value).strip()
    return parse_application_number(text) if text else ""


INTENTION_SPEC = FieldSpec(
    kind="intentions",
    key="enterprise",
    label_context="IntentionFields",
    fields=(
        Field(
            "enterprise",
            QT_TRANSLATE_NOOP("IntentionFields", "Enterprise"),
            (
                "企业名称",
                "单位名称",
                "企业",
                "单位",
                "公司名称",
                "enterprise",
                "您的企业名称",
                "贵单位名称",
                "企业全称",
            ),
            parse=clean_text,
        ),
        Field(
            "credit_code",
            QT_TRANSLATE_NOOP("IntentionFields", "Credit code"),
            ("统一社会信用代码", "社会信用代码", "信用代码", "credit code")
            + form.IMPORT_SYNONYMS[form.CREDIT_CODE],
            parse=_parse_credit,
        ),
        Field(
            "application_no",
            QT_TRANSLATE_NOOP("IntentionFields", "Patent application number"),
            ("专利申请号", "申请号", "专利号", "patent application number", "application no"),
            parse=_parse_number,
        ),
        Field(
            "patent",
            QT_TRANSLATE_NOOP("IntentionFields", "Patent (number, slot, booth or title)"),
            form.IMPORT_SYNONYMS[form.PATENT]
            + ("您感兴趣的专利", "感兴趣的专利", "意向专利", "对接专利", "专利", "patent"),
            parse=clean_text,
        ),
        Field(
            "session",
            QT_TRANSLATE_NOOP("IntentionFields", "Roadshow session"),
            form.IMPORT_SYNONYMS[form.SESSION],
            parse=clean_text,
        ),
        Field(
            "title",
            QT_TRANSLATE_NOOP("IntentionFields", "Patent title"),
            ("专利名称", "专利标题", "标题", "名称", "patent title", "title"),
            parse=clean_text,
        ),
        Field(
            "kind",
            QT_TRANSLATE_NOOP("IntentionFields", "Intention"),
            ("意向类型", "合作意向", "对接意向", "意向", "合作方式", "intention", "kind")
            + form.IMPORT_SYNONYMS[form.KINDS]
            + ("您的合作意向", "意向合作方式"),
            parse=parse_kinds,
            required=True,
        ),
        Field(
            "rating",
            QT_TRANSLATE_NOOP("IntentionFields", "Prospect rating"),
            ("产业化前景评价", "前景评价", "评价", "评分", "prospect rating", "rating")
            + form.IMPORT_SYNONYMS[form.RATING],
            parse=parse_grade,
        ),
        Field(
            "budget",
            QT_TRANSLATE_NOOP("IntentionFields", "Budget"),
            ("预算", "预算区间", "意向金额", "budget"),
            parse=parse_budget,
        ),
        Field(
            "timeline",
            QT_TRANSLATE_NOOP("IntentionFields", "Timeline"),
            ("时间计划", "计划时间", "预计时间", "实施时间", "timeline"),
            parse=parse_timeline,
        ),
        Field(
            "contact_person",
            QT_TRANSLATE_NOOP("IntentionFields", "Contact person"),
            ("联系人", "对接人", "contact person", "contact"),
        ),
        Field(
            "contact_phone",
            QT_TRANSLATE_NOOP("IntentionFields", "Contact phone"),
            ("联系电话", "手机", "电话", "contact phone", "phone"),
            parse=clean_text,
        ),
        Field(
            "notes",
            QT_TRANSLATE_NOOP("IntentionFields", "Notes"),
            ("备注", "说明", "notes"),
            parse=clean_long_text,
        ),
        Field(
            "captured_at",
            QT_TRANSLATE_NOOP("IntentionFields", "Captured at"),
            (
                "登记时间",
                "填写时间",
                "提交答卷时间",
                "提交时间",
                "时间",
                "日期",
                "captured at",
                "time",
                "date",
            ),
            parse=parse_local_time,
        ),
        Field(
            "station",
            QT_TRANSLATE_NOOP("IntentionFields", "Station"),
            ("登记台", "签到台", "台位", "station"),
        ),
        Field(
            "answer_no",
            QT_TRANSLATE_NOOP("IntentionFields", "Answer number"),
            ("答卷编号", "答卷序号", "answer no"),
            parse=clean_text,
        ),
    ),
    presets=ONLINE_PRESETS,
)


# --------------------------------------------------------------------------- import


def _header_score(cells: Any) -> int:
    return INTENTION_SPEC.header_score([strip_question_number(cell) for cell in cells])


def read_intention_table(path: str | Path, *, progress: Progress = NO_PROGRESS) -> Table:
    """The table of a transcribed sheet or of a questionnaire export: numbered question
    headers lose their numbers, "other" columns are folded into their question."""
    table = read_table(path, header_score=_header_score, progress=progress)
    table.header = [strip_question_number(name) for name in table.header]
    merge_other_columns(table)
    return table


def intention_mapping(database: Any, table: Table) -> ColumnMapping:
    with database.session() as session:
        presets = load_user_presets(session, INTENTION_SPEC.kind)
    return detect_mapping(table.header, INTENTION_SPEC, presets)


class _Registry:
    """Firms and patents of the database, looked up the way sheets name them."""

    def __init__(self, session: Any) -> None:
        self.by_code: dict[str, Enterprise] = {}
        self.by_key: dict[str, list[Enterprise]] = {}
        for firm in session.scalars(select(Enterprise).where(Enterprise.deleted_at.is_(None))):
            if firm.credit_code:
                self.by_code[firm.credit_code] = firm
            self.by_key.setdefault(firm.name_key, []).append(firm)
        self.by_number: dict[str, Patent] = {}
        self.by_title: dict[str, list[Patent]] = {}
        for patent in session.scalars(select(Patent).where(Patent.deleted_at.is_(None))):
            self.by_number[patent.application_no] = patent
            self.by_title.setdefault(_title_key(patent.title), []).append(patent)

    def enterprise(self, record: dict[str, Any], *, walk_in: Any = None) -> Enterprise:
        """The firm a row names; an unknown firm is rejected, or (``walk_in``: a function
        that creates one) comes in as a walk-in to reconcile."""
        code = record.get("credit_code") or ""
        name = record.get("enterprise") or ""
        if code and code in self.by_code:
            return self.by_code[code]
        if name:
            found = [
                firm
                for firm in self.by_key.get(name_key(name), [])
                if not (code and firm.credit_code and firm.credit_code != code)
            ]
            exact = [firm for firm in found if firm.name == clean_name(name)]
            registered = exact or [firm for firm in found if not firm.is_walk_in] or found
            if registered:
                return registered[0]
        shown = name or code
        if not shown:
            raise RowRejected(translate("Import", "The row names no enterprise."))
        if walk_in is not None and name:
            firm: Enterprise = walk_in(record)
            if firm.credit_code:
                self.by_code[firm.credit_code] = firm
            self.by_key.setdefault(firm.name_key, []).append(firm)
            return firm
        raise RowRejected(
            fmt(
                translate(
                    "Import",
                    "“%1” is not in the enterprise registry; register it (or import the "
                    "registration list) and import this row again.",
                ),
                shown,
            )
        )

    def patent(self, record: dict[str, Any]) -> Patent:
        number = record.get("application_no") or ""
        title = record.get("title") or ""
        if number:
            patent = self.by_number.get(number)
            if patent is None:
                raise RowRejected(
                    fmt(translate("Import", "The patent %1 is not in the library."), number)
                )
            return patent
        if not title:
            raise RowRejected(
                translate("Import", "The row names no patent (no application number or title).")
            )
        found = self.by_title.get(_title_key(title), [])
        if len(found) == 1:
            return found[0]
        if found:
            raise RowRejected(
                fmt(
                    translate(
                        "Import",
                        "Several patents are titled “%1”; write the application number.",
                    ),
                    title,
                )
            )
        raise RowRejected(
            fmt(translate("Import", "No patent in the library is titled “%1”."), title)
        )


def _moment(
    enterprise_id: int, patent_id: int, kind: Any, at: dt.datetime
) -> tuple[int, int, str, dt.datetime]:
    return (enterprise_id, patent_id, str(IntentionKind(kind).value), at.replace(microsecond=0))


def _title_key(title: str) -> str:
    return re.sub(r"\s+", "", clean_text(title)).casefold()


#: Fields of which one must be filled for a row to count (else it is an unused row).
_CONTENT = ("enterprise", "credit_code", "patent", "application_no", "title", "kind")


def _blank(row: Any, mapping: ColumnMapping) -> bool:
    """Whether every content column of ``row`` is empty (numbering and session aside)."""
    return not any(
        cell_text(row[column]).strip()
        for name, column in mapping.columns.items()
        if name in _CONTENT and column < len(row)
    )


_UPDATABLE = (
    "prospect_rating",
    "budget_band",
    "timeline",
    "contact_person",
    "contact_phone",
    "notes",
)


def import_intentions(
    database: Any,
    path: str | Path,
    *,
    event_id: int | str | None = None,
    mapping: ColumnMapping | None = None,
    table: Table | None = None,
    dry_run: bool = False,
    rejects_path: str | Path | None = None,
    station: str = "",
    progress: Progress = NO_PROGRESS,
) -> ImportResult:
    """Import a transcribed sheet into the event (default: the most recent one)."""
    started = time.perf_counter()
    path = Path(path)
    if table is None:
        table = read_intention_table(path, progress=progress)
    if mapping is None:
        mapping = intention_mapping(database, table)
    require_columns(mapping, INTENTION_SPEC, table)
    if not {"application_no", "title", "patent"} & set(mapping.columns):
        raise InputError(
            fmt(
                translate(
                    "Import",
                    "“%1” has no column naming the patent (专利申请号 or 专利名称); nothing was "
                    "imported.",
                ),
                path.name,
            )
        )
    if not table.rows:
        raise InputError(
            fmt(
                translate("Import", "“%1” has a header but no rows; nothing was imported."),
                path.name,
            )
        )
    result = ImportResult(
        file=path, dry_run=dry_run, preset=mapping.preset, encoding=table.encoding
    )
    progress.start(len(table.rows), translate("Import", "Checking rows…"))
    now = utcnow()
    with database.session() as session:
        event = resolve_event(session, event_id)
        registry = _Registry(session)
        existing: dict[str, Intention] = {}
        by_moment: dict[tuple[int, int, str, dt.datetime], Intention] = {}
        for item in session.scalars(select(Intention).where(Intention.event_id == event.id)):
            existing[item.uuid] = item
            by_moment[_moment(item.enterprise_id, item.patent_id, item.kind, item.captured_at)] = (
                item
            )
        online = mapping.preset in ONLINE
        patent_column = mapping.column_of("patent")
        resolver = PatentResolver(
            session,
            event.id,
            booth_header=patent_column is not None
            and is_booth_header(str(table.header[patent_column])),
        )

        def walk_in(record: dict[str, Any]) -> Enterprise:
            code = record.get("credit_code") or None
            if code is not None and session.scalar(
                select(Enterprise.id).where(Enterprise.credit_code == code)
            ):
                code = None  # a removed firm keeps its code; reconciliation sorts it out
            firm = Enterprise(
                name=clean_name(record["enterprise"]),
                name_key=name_key(record["enterprise"]),
                credit_code=code,
                contact_person=record.get("contact_person") or "",
                phone=record.get("contact_phone") or "",
                is_walk_in=True,
                station=station,
            )
            session.add(firm)
            session.flush()
            # it answered the event's form: signed up for the event (badge, check-in list)
            sign_up_firms(session, event.id, [firm.id], station=station)
            return firm

        wrote = False
        touched: set[int] = set()  # patents whose intentions this file adds or changes
        for index, row in enumerate(table.rows):
            if index and index % 200 == 0:
                progress.step(200)
            try:
                record = parse_row(row, mapping, INTENTION_SPEC, table.header)
            except RowRejected as rejected:
                if _blank(row, mapping):
                    continue  # an unused row of the transcription workbook
                result.rejects.append(Reject.of(table, index, rejected.reason))
                continue
            if not any(record.get(name) for name in _CONTENT):
                continue  # an unused row of the transcription workbook
            try:
                firm = registry.enterprise(record, walk_in=walk_in if online else None)
                patents = resolver.patents(record.get("patent"), record.get("session") or "")
                if record.get("application_no") or record.get("title") or not patents:
                    named = registry.patent(record)
                    if named not in patents:
                        patents.append(named)
                drafts = [
                    validated_draft(
                        IntentionDraft(
                            enterprise_id=firm.id,
                            patent_id=patent.id,
                            kind=kind,
                            prospect_rating=record.get("rating"),
                            budget_band=record.get("budget"),
                            timeline=record.get("timeline"),
                            contact_person=record.get("contact_person") or "",
                            contact_phone=record.get("contact_phone") or "",
                            notes=record.get("notes") or "",
                            event_id=event.id,
                        )
                    )
                    for patent in patents
                    for kind in record.get("kind") or [None]
                ]
            except RowRejected as rejected:
                result.rejects.append(Reject.of(table, index, rejected.reason))
                continue
            except InvalidIntention as invalid:
                result.rejects.append(Reject.of(table, index, str(invalid)))
                continue
            captured_at = record.get("captured_at")
            if captured_at is not None:
                captured_at = from_venue(captured_at, event.time_zone)
            answer = str(record.get("answer_no") or "").strip()
            if online:
                # the service's answer: its number, else its submission time and firm
                answer_key = answer or (
                    (captured_at.isoformat() if captured_at else "") + "|" + firm.name_key
                )
            for values in drafts:
                patent_no = next(p.application_no for p in patents if p.id == values["patent_id"])
                if online:
                    # the firm too: two forms of one service both have an answer number 1
                    kind_value = values["kind"].value
                    parts = [event.uuid, mapping.preset, answer_key, firm.uuid, patent_no]
                    parts.append(kind_value)
                else:
                    parts = [
                        event.uuid,
                        firm.uuid,
                        patent_no,
                        values["kind"].value,
                        captured_at.isoformat() if captured_at else "",
                    ]
                row_uuid = uuid_module.uuid5(_NAMESPACE, "|".join(parts)).hex
                found = existing.get(row_uuid)
                if found is None and captured_at is not None:
                    # The same intention exported from this or another laptop and imported back.
                    found = by_moment.get(
                        _moment(firm.id, values["patent_id"], values["kind"], captured_at)
                    )
                if found is not None:
                    if found.deleted_at is not None:
                        result.unchanged += 1
                        continue
                    changes = {
                        name: values[name]
                        for name in _UPDATABLE
                        if getattr(found, name) != values[name]
                    }
                    if not changes:
                        result.unchanged += 1
                        continue
                    for name, value in changes.items():
                        setattr(found, name, value)
                    found.updated_at = now
                    found.station = station or found.station
                    result.updated += 1
                    touched.add(found.patent_id)
                    wrote = True
                    continue
                default_station = mapping.preset if online else PAPER_STATION
                written_station = (record.get("station") or "").strip() or default_station
                intention = Intention(
                    **values,
                    uuid=row_uuid,
                    captured_at=captured_at or now,
                    captured_station=written_station,
                    station=station or written_station,
                    updated_at=now,
                )
                session.add(intention)
                existing[row_uuid] = intention
                result.inserted += 1
                touched.add(values["patent_id"])
                wrote = True
        progress.step(len(table.rows) % 200)
        result.rejected = len(result.rejects)
        if dry_run or not wrote:
            session.rollback()
        else:
            session.flush()
            interest_changed(session, touched)  # enterprise interest is part of the score
            from roadshow_desk.store.db import backup_database

            result.backup_path = backup_database(database.url, "before-intention-import")
            batch = ImportBatch(
                kind=ImportKind.INTENTIONS,
                file_name=str(path),
                file_hash=hashlib.sha256(path.read_bytes()).hexdigest(),
                preset=mapping.preset,
                station=station,
                inserted=result.inserted,
                updated=result.updated,
                unchanged=result.unchanged,
                rejected=result.rejected,
            )
            session.add(batch)
            session.flush()
            result.batch_id = batch.id
    if rejects_path is not None and result.rejects:
        result.rejects_path = write_rejects(rejects_path, table, result.rejects)
    result.seconds = time.perf_counter() - started
    return result
