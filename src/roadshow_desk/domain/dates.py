"""Dates as people type them into a form: one parser for every date field of the window.

    parse_typed_date("2026-12-18", today)   -> date(2026, 12, 18)
    parse_typed_date("12月18日", today)      -> the 18 December nearest ahead of ``today``
    parse_typed_date("", today)             -> None (empty means no date)

Accepted: ``2026-12-18``, ``2026/12/18``, ``2026.12.18``, ``20261218``, ``2026年12月18日``
and, without a year, ``12月18日``, ``12-18``, ``12/18``, ``12.18`` (month first, as written in
China). Full-width digits and punctuation count like ASCII ones. A date without a year is
in the current year unless that lies more than half a year back; then it is next year's
(typing ``1月5日`` in December means the coming January). Anything else raises
:class:`DateInvalid` with one sentence.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from roadshow_desk.errors import InputError
from roadshow_desk.i18n import fmt, translate

#: How far back a date typed without a year may lie before it means next year's.
YEARLESS_LOOKBACK = dt.timedelta(days=183)

_FULL = (
    re.compile(r"(\d{4})(\d{2})(\d{2})"),
    re.compile(r"(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})"),
    re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?"),
)
_YEARLESS = (
    re.compile(r"(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?"),
    re.compile(r"(\d{1,2})\s*[-/.]\s*(\d{1,2})"),
)


class DateInvalid(InputError):
    """Typed text that is not a date (one sentence)."""


def parse_typed_date(text: str, today: dt.date) -> dt.date | None:
    """The date ``text`` means (``None`` when it is empty); raises :class:`DateInvalid`."""
    clean = unicodedata.normalize("NFKC", text).strip()
    if not clean:
        return None
    for pattern in _FULL:
        match = pattern.fullmatch(clean)
        if match:
            year, month, day = (int(part) for part in match.groups())
            return _real(text, year, month, day)
    for pattern in _YEARLESS:
        match = pattern.fullmatch(clean)
        if match:
            month, day = (int(part) for part in match.groups())
            this_year = _real(text, today.year, month, day, leap_ok=True)
            if this_year is None:  # 29 February in a common year: the next leap year's
                year = today.year + 1
                while not _is_leap(year):
                    year += 1
                return dt.date(year, month, day)
            if this_year < today - YEARLESS_LOOKBACK:
                return _real(text, today.year + 1, month, day, leap_ok=True) or this_year
            return this_year
    raise DateInvalid(
        fmt(
            translate("Dates", "“%1” is not a date; type it like 2026-12-18 or 12月18日."),
            text.strip(),
        )
    )


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _real(text: str, year: int, month: int, day: int, *, leap_ok: bool = False) -> dt.date | None:
    if not 1900 <= year <= 2999:
        raise DateInvalid(fmt(translate("Dates", "“%1” is not a real date."), text.strip()))
    try:
        return dt.date(year, month, day)
    except ValueError:
        if leap_ok and (month, day) == (2, 29):
            return None
        raise DateInvalid(
            fmt(translate("Dates", "“%1” is not a real date."), text.strip())
        ) from None


def format_date(value: dt.date | None) -> str:
    """How a date field shows a date (``2026-12-18``; empty for none)."""
    return value.isoformat() if value is not None else ""
