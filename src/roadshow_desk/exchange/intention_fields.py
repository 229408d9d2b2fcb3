"""The columns of an intention sheet and their cell parsers (:data:`INTENTION_SPEC`), and
reading such a sheet: a transcribed paper sign-up sheet or a questionnaire export
(:mod:`.intention_forms`). :mod:`.intention_import` imports it.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Any

from roadshow_desk.domain import signup_form as form
from roadshow_desk.domain.enums import BudgetBand, IntentionKind, Timeline
from roadshow_desk.domain.labels import label
from roadshow_desk.domain.progress import NO_PROGRESS, Progress
from roadshow_desk.exchange.columns import ColumnMapping, Field, FieldSpec
from roadshow_desk.exchange.import_core import detected_mapping, parse_credit_code
from roadshow_desk.exchange.intention_forms import (
    ONLINE_PRESETS,
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
from roadshow_desk.exchange.tables import Table, cell_text, fmt, read_table
from roadshow_desk.i18n import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from roadshow_desk.store.db import Database


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
            parse=parse_credit_code,
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


# --------------------------------------------------------------------------- reading


def _header_score(cells: Any) -> int:
    return INTENTION_SPEC.header_score([strip_question_number(cell) for cell in cells])


def read_intention_table(path: str | Path, *, progress: Progress = NO_PROGRESS) -> Table:
    """The table of a transcribed sheet or of a questionnaire export: numbered question
    headers lose their numbers, "other" columns are folded into their question."""
    table = read_table(path, header_score=_header_score, progress=progress)
    table.header = [strip_question_number(name) for name in table.header]
    merge_other_columns(table)
    return table


def intention_mapping(database: Database, table: Table) -> ColumnMapping:
    return detected_mapping(database, table, INTENTION_SPEC)
