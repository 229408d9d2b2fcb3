"""Cleaning cell values from real exports: text, lists, IPC codes, dates, numbers, statuses.

Every function takes a raw cell (``str`` from a CSV, or ``str``/``int``/``float``/``date``
from a workbook) and returns a clean Python value, or raises :class:`CellProblem` whose
message is one translated sentence about the value (the mapping layer adds the column).
They are generic and cheap; importers build their field parsers from them.

Text rules (deliberate):

* full-width letters and digits (``Ｐ１``, ``（１）`` keeps its brackets) and the
  ideographic space become half-width; Chinese punctuation in prose and names (``，``,
  ``（北京）``) is kept, because it is correct Chinese typography. Codes, numbers and dates
  are made fully half-width;
* our own formula neutralisation (``'=...``) and Excel's text wrappers (``="2021..."``) are
  removed (see :mod:`roadshow_desk.exchange.safe_cells`);
* HTML markup (``<sub>4</sub>``, ``<br/>``) is stripped (``<br>`` becomes a line break in
  long text) and HTML entities (``&apos;``, ``&amp;``, ``&#8220;``) become their characters
  (an ``&`` that starts no entity, as in ``R&D``, stays), junk suffixes such as ``$#!``
  are dropped, whitespace is collapsed (single-line fields) or trimmed per line (long
  text).
"""

from __future__ import annotations

import datetime as dt
import html
import math
import re
from functools import lru_cache
from typing import Any

from roadshow_desk.domain.enums import ConversionMode, LegalStatus, PatentType
from roadshow_desk.domain.identifiers import to_halfwidth
from roadshow_desk.exchange.safe_cells import unneutralise
from roadshow_desk.exchange.tables import cell_text, fmt
from roadshow_desk.i18n import translate


class CellProblem(ValueError):
    """A cell value that cannot be used; ``str()`` is one translated sentence."""


# --------------------------------------------------------------------------- text

# Full-width letters and digits only (prose keeps its Chinese punctuation).
_ALNUM_HALF = {code: code - 0xFEE0 for code in range(0xFF10, 0xFF1A)}
_ALNUM_HALF.update({code: code - 0xFEE0 for code in range(0xFF21, 0xFF3B)})
_ALNUM_HALF.update({code: code - 0xFEE0 for code in range(0xFF41, 0xFF5B)})
_ALNUM_HALF[0x3000] = 0x20  # ideographic space
_ALNUM_HALF[0x00A0] = 0x20  # no-break space
for _code in (0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF):
    _ALNUM_HALF[_code] = None  # type: ignore[assignment]
_SPECIAL = re.compile(
    r"[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u3000\u00a0\u200b-\u200d\u2060\ufeff]"
)

_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?\s*>")
_BREAK_TAG = re.compile(r"<\s*br\s*/?\s*>|<\s*/?\s*p\s*>", re.IGNORECASE)
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});")
_JUNK_SUFFIX = re.compile(r"[$＄][#＃][!！]\s*$")
_SPACES = re.compile(r"\s+")
_LINE_SPACES = re.compile(r"[ \t\f\v]+")
_MANY_BREAKS = re.compile(r"\n{3,}")


# One scan tells whether a cell needs any of the work below (most cells do not).
_ATTENTION = re.compile(
    r"[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u3000\u00a0\u200b-\u200d\u2060\ufeff<$＄&"
    r"\x00-\x08\x0e-\x1f\x7f]"
)
# Control characters no one types (NUL...): dropped, or a CSV export of the cell would be
# refused as binary by our own reader.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]+")


def _prepare(value: Any) -> str:
    """The cell as text, with neutralisation, wrappers, odd characters and markup removed."""
    text = value if isinstance(value, str) else cell_text(value)
    if not text:
        return text
    if text[0] in "'=":
        text = unneutralise(text)
    if _ATTENTION.search(text) is None:
        return text
    if _CONTROL.search(text):
        text = _CONTROL.sub("", text)
    if "<" in text and ">" in text:
        text = _BREAK_TAG.sub("\n", text)
        text = _TAG.sub("", text)
    if "&" in text:  # after the markup: "&lt;b&gt;" is text, not a tag to strip
        text = _ENTITY.sub(lambda match: html.unescape(match.group(0)), text)
    if _SPECIAL.search(text):  # after the entities: "&nbsp;" is a no-break space
        text = text.translate(_ALNUM_HALF)
    if "$" in text or "＄" in text:
        text = _JUNK_SUFFIX.sub("", text)
    return text


def clean_text(value: Any) -> str:
    """One line of text: see the module notes; whitespace collapsed to single spaces."""
    text = _prepare(value)
    if not text:
        return ""
    if "  " in text or "\n" in text or "\t" in text or "\r" in text:
        return _SPACES.sub(" ", text).strip()
    return text.strip()


def clean_long_text(value: Any) -> str:
    """Multi-line text (abstracts, notes): line breaks kept, each line trimmed."""
    text = _prepare(value)
    if not text:
        return ""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\n" not in text:
        if "  " in text or "\t" in text:
            return _LINE_SPACES.sub(" ", text).strip()
        return text.strip()
    lines = [_LINE_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _MANY_BREAKS.sub("\n\n", "\n".join(lines)).strip()


def clean_code(value: Any) -> str:
    """A code or number written as text: fully half-width, no spaces at the ends."""
    text = _prepare(value)
    return to_halfwidth(text).strip() if text else ""


# --------------------------------------------------------------------------- lists

_LIST_SPLIT = re.compile(r"\s*(?:\||;|；|\n|\r)\s*")
#: Items that stand for "no name given" in real exports.
PLACEHOLDERS = frozenset(
    {
        "不公告发明人",
        "不公告",
        "请求不公布姓名",
        "请求不公开姓名",
        "不公布发明人",
        "暂无",
        "无",
        "-",
        "--",
        "/",
        "n/a",
        "N/A",
        "null",
        "NULL",
        "None",
    }
)


def split_list(value: Any) -> list[str]:
    """Items of a multi-value cell, split on ``" | "``, ``|``, ``;``, ``；`` and line breaks.

    Placeholders (``不公告发明人``) and repeats are dropped; order is kept.
    """
    text = _prepare(value)
    if not text:
        return []
    if "|" in text or ";" in text or "；" in text or "\n" in text or "\r" in text:
        parts = _LIST_SPLIT.split(text)
    else:
        parts = [text]
    items: list[str] = []
    for part in parts:
        item = " ".join(part.split())
        if item and item not in PLACEHOLDERS and item not in items:
            items.append(item)
    return items


# --------------------------------------------------------------------------- IPC

_IPC = re.compile(r"([A-H])\s*([0-9]{2})\s*([A-Z])\s*(?:([0-9]{1,4})\s*/\s*([0-9]{1,6}))?")


@lru_cache(maxsize=65536)
def compact_ipc(code: str) -> str:
    """One IPC code in its compact form: ``"G09B  9/00"`` → ``"G09B 9/00"``.

    ``"B64U20/80"`` gives ``"B64U 20/80"``; a subclass alone (``"G09B"``) stays; a text
    that is not an IPC code is returned trimmed and upper-cased.
    """
    text = to_halfwidth(code).strip().upper()
    match = _IPC.fullmatch(text)
    if match is None:
        return " ".join(text.split())
    section, klass, subclass, group, subgroup = match.groups()
    head = f"{section}{klass}{subclass}"
    return f"{head} {int(group)}/{subgroup}" if group else head


def split_ipc(value: Any) -> list[str]:
    """IPC codes of a cell, compacted, repeats dropped."""
    items = []
    for item in split_list(value):
        code = compact_ipc(item)
        if code and code not in items:
            items.append(code)
    return items


# --------------------------------------------------------------------------- dates

_DATE_PATTERNS = (
    re.compile(r"(\d{4})(\d{2})(\d{2})"),
    re.compile(r"(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})"),
    re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?"),
)
_TIME_SUFFIX = re.compile(r"[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$")
_EXCEL_EPOCH = dt.date(1899, 12, 30)
_NO_DATE = frozenset(
    {"", "0", "00000000", "0000-00-00", "-", "--", "/", "无", "暂无", "null", "NULL"}
)


def parse_date(value: Any) -> dt.date | None:
    """A date from every form real exports use; ``None`` for empty and ``0``.

    ``20220107``, ``2022/01/07``, ``2022/1/7``, ``2022.11.15``, ``2022-01-07``,
    ``2022年1月7日``, a trailing time, workbook date cells and Excel serial numbers
    (``44568``). Raises :class:`CellProblem` for anything else or an impossible date.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):
        raise _not_a_date(value)
    if isinstance(value, (int, float)):
        if value == 0:
            return None
        if isinstance(value, float) and not math.isfinite(value):
            raise _not_a_date(value)
        if isinstance(value, float) and not value.is_integer():
            value = int(value)  # a serial with a time of day
        number = int(value)
        if 19000101 <= number <= 29991231:
            return _parse_date_text(str(number))
        return _from_serial(number, value)
    return _parse_date_text(value if isinstance(value, str) else str(value))


def _from_serial(number: int, shown: Any) -> dt.date:
    if 10000 <= number <= 80000:  # 1927 .. 2119 (a bare year such as 2022 is not a serial)
        return _EXCEL_EPOCH + dt.timedelta(days=number)
    raise _not_a_date(shown)


@lru_cache(maxsize=65536)
def _parse_date_text(raw: str) -> dt.date | None:
    text = clean_code(raw)
    if text in _NO_DATE:
        return None
    text = _TIME_SUFFIX.sub("", text).strip()
    for pattern in _DATE_PATTERNS:
        match = pattern.fullmatch(text)
        if match:
            year, month, day = (int(part) for part in match.groups())
            try:
                return dt.date(year, month, day)
            except ValueError:
                raise CellProblem(
                    fmt(translate("Import", "“%1” is not a real date."), raw.strip())
                ) from None
    if text.isdecimal() and len(text) <= 5:
        return _from_serial(int(text), raw)
    if text.endswith(".0") and text[:-2].isdecimal() and len(text) <= 7:
        return _from_serial(int(text[:-2]), raw)
    raise _not_a_date(raw)


def _not_a_date(value: Any) -> CellProblem:
    return CellProblem(
        fmt(
            translate("Import", "“%1” is not a date (write it like 2022-01-07)."),
            _shorten(cell_text(value)),
        )
    )


def _shorten(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --------------------------------------------------------------------------- numbers, flags


def parse_count(value: Any) -> int | None:
    """A whole non-negative number (``6``, ``"6"``, ``6.0``, ``"６"``); ``None`` if empty."""
    if value.__class__ is str and value.isdecimal():
        number = int(value)
        if number > 2_000_000_000:
            raise _not_a_count(value)
        return number
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise _not_a_count(value)
    if isinstance(value, int):
        number = value
    elif isinstance(value, float):
        if not value.is_integer():
            raise _not_a_count(value)
        number = int(value)
    else:
        text = clean_code(value).replace(",", "")
        if not text or text in ("-", "--", "/"):
            return None
        try:
            decimal = float(text)
        except ValueError:
            raise _not_a_count(value) from None
        if not decimal.is_integer():
            raise _not_a_count(value)
        number = int(decimal)
    if number < 0 or number > 2_000_000_000:
        raise _not_a_count(value)
    return number


def _not_a_count(value: Any) -> CellProblem:
    return CellProblem(
        fmt(translate("Import", "“%1” is not a whole number."), _shorten(cell_text(value)))
    )


_TRUE = frozenset({"是", "有", "y", "yes", "true", "1", "√", "✓", "✔", "t"})
_FALSE = frozenset({"否", "无", "没有", "n", "no", "false", "0", "×", "✗", "f", "-", ""})


def parse_flag(value: Any) -> bool:
    """Yes/no: ``是``/``否``, ``有``/``无``, yes/no, true/false, 1/0, ``√``; a count > 0 is yes."""
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return value > 0
    text = clean_code(value).lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    try:
        return float(text) > 0
    except ValueError:
        raise CellProblem(
            fmt(translate("Import", "“%1” is neither yes (是) nor no (否)."), _shorten(text))
        ) from None


_CHINESE_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5}


def parse_grade(value: Any) -> int | None:
    """A 1–5 grade: ``3``, ``"3星"``, ``"★★★"``, ``"三星"``; ``None`` if empty."""
    if value is None or value == "":
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        grade = int(value) if float(value).is_integer() else -1
    else:
        text = clean_code(value)
        if not text:
            return None
        stars = text.count("★")
        if stars:
            grade = stars
        elif text[0] in _CHINESE_DIGITS:
            grade = _CHINESE_DIGITS[text[0]]
        else:
            digits = text.rstrip("星级 ")
            grade = int(float(digits)) if digits.replace(".", "", 1).isdecimal() else -1
    if 1 <= grade <= 5:
        return grade
    raise CellProblem(
        fmt(translate("Import", "“%1” is not a grade from 1 to 5."), _shorten(cell_text(value)))
    )


# --------------------------------------------------------------------------- statuses, types

#: Export labels: one Chinese word per status; :func:`parse_legal_status` reads them back.
LEGAL_STATUS_LABELS: dict[LegalStatus, str] = {
    LegalStatus.PENDING: "审中",
    LegalStatus.GRANTED: "有效",
    LegalStatus.EXPIRED: "期限届满",
    LegalStatus.LAPSED: "失效",
    LegalStatus.INVALIDATED: "全部无效",
    LegalStatus.WITHDRAWN: "撤回",
    LegalStatus.REJECTED: "驳回",
    LegalStatus.ABANDONED: "放弃",
    LegalStatus.UNKNOWN: "",
}

# Checked in order: specific negative states first ("全部无效" before "无效", "放弃" before
# "专利权"), then the positive ones. Chinese keywords of Patentics, incoPat, PatSnap, CNIPA.
_STATUS_RULES: tuple[tuple[tuple[str, ...], LegalStatus], ...] = (
    (("全部无效", "宣告无效", "invalidated", "revoked"), LegalStatus.INVALIDATED),
    (("期限届满", "届满", "expired", "expiry"), LegalStatus.EXPIRED),
    (("视为撤回", "撤回", "withdrawn", "withdrawal"), LegalStatus.WITHDRAWN),
    (("驳回", "rejected", "refused", "refusal"), LegalStatus.REJECTED),
    (("放弃", "abandoned", "abandonment"), LegalStatus.ABANDONED),
    (
        (
            "未缴年费",
            "终止",
            "失效",
            "无效",
            "无权",
            "lapsed",
            "ceased",
            "dead",
            "inactive",
            "invalid",
        ),
        LegalStatus.LAPSED,
    ),
    (
        ("有效", "有权", "授权", "维持", "granted", "active", "alive", "valid", "in force"),
        LegalStatus.GRANTED,
    ),
    (
        (
            "审中",
            "公开",
            "实质审查",
            "实审",
            "审查",
            "受理",
            "在审",
            "申请中",
            "pending",
            "published",
            "examination",
            "filed",
        ),
        LegalStatus.PENDING,
    ),
    (("未知", "unknown"), LegalStatus.UNKNOWN),
)


@lru_cache(maxsize=4096)
def legal_status_of(text: str) -> LegalStatus | None:
    """The :class:`LegalStatus` a status text means, or ``None`` if it is not recognised.

    ``"有效"``, ``"有权-审定授权"`` → granted; ``"公开"``, ``"审中-实质审查"`` → pending;
    ``"无效"`` → lapsed; ``"全部无效"`` → invalidated; an enum value (``"granted"``) too.
    """
    key = clean_code(text).lower()
    if not key:
        return LegalStatus.UNKNOWN
    try:
        return LegalStatus(key)
    except ValueError:
        pass
    for keywords, status in _STATUS_RULES:
        if any(keyword in key for keyword in keywords):
            return status
    return None


PATENT_TYPE_LABELS: dict[PatentType, str] = {
    PatentType.INVENTION: "发明",
    PatentType.UTILITY_MODEL: "实用新型",
    PatentType.DESIGN: "外观设计",
}


@lru_cache(maxsize=1024)
def patent_type_of(text: str) -> PatentType | None:
    """``发明``/``发明公布``/``发明授权`` → invention, ``实用新型`` → utility model,
    ``外观设计`` → design (English too); ``None`` if empty or not recognised."""
    key = clean_code(text).lower()
    if not key:
        return None
    try:
        return PatentType(key)
    except ValueError:
        pass
    if "实用新型" in key or "utility" in key:
        return PatentType.UTILITY_MODEL
    if "外观" in key or "design" in key:
        return PatentType.DESIGN
    if "发明" in key or "invention" in key:
        return PatentType.INVENTION
    return None


CONVERSION_MODE_LABELS: dict[ConversionMode, str] = {
    ConversionMode.TRANSFER: "转让",
    ConversionMode.LICENCE: "许可",
    ConversionMode.OPEN_LICENCE: "开放许可",
    ConversionMode.INVESTMENT: "作价入股",
    ConversionMode.COOPERATION: "产学研合作",
}

_MODE_RULES: tuple[tuple[tuple[str, ...], ConversionMode], ...] = (
    (("开放许可", "open licen", "open_licence"), ConversionMode.OPEN_LICENCE),
    (("许可", "licen"), ConversionMode.LICENCE),
    (("转让", "transfer"), ConversionMode.TRANSFER),
    (("入股", "投资", "作价", "investment", "equity"), ConversionMode.INVESTMENT),
    (("合作", "产学研", "cooperation"), ConversionMode.COOPERATION),
)


def parse_conversion_modes(value: Any) -> str:
    """Conversion modes (``转让; 许可``) as stored: enum values joined with ``"; "``."""
    modes: list[str] = []
    for item in split_list(_prepare(value).replace("、", ";").replace(",", ";").replace("，", ";")):
        key = item.lower()
        for keywords, mode in _MODE_RULES:
            if any(keyword in key for keyword in keywords):
                if mode.value not in modes:
                    modes.append(mode.value)
                break
        else:
            raise CellProblem(
                fmt(
                    translate(
                        "Import",
                        "“%1” is not a conversion mode (转让, 许可, 开放许可, 作价入股, "
                        "产学研合作).",
                    ),
                    _shorten(item),
                )
            )
    return "; ".join(modes)
