"""Dates typed into a form: the forms Chinese users write, empty, and what is refused."""

from __future__ import annotations

import datetime as dt

import pytest

from roadshow_desk.domain.dates import DateInvalid, format_date, parse_typed_date

TODAY = dt.date(2026, 12, 7)


@pytest.mark.parametrize(
    "text",
    [
        "2026-12-18",
        "2026/12/18",
        "20261218",
        "2026.12.18",
        "2026年12月18日",
        " 2026-12-18 ",
        "２０２６－１２－１８",
        "2026/12/18",
        "12月18日",
        "12月18号",
        "12-18",
        "12/18",
    ],
)
def test_every_usual_form_is_the_same_day(text: str) -> None:
    assert parse_typed_date(text, TODAY) == dt.date(2026, 12, 18)


def test_empty_means_no_date() -> None:
    assert parse_typed_date("", TODAY) is None
    assert parse_typed_date("   ", TODAY) is None
    assert format_date(None) == ""


def test_a_day_without_a_year_is_the_coming_one_unless_recent() -> None:
    assert parse_typed_date("1月5日", TODAY) == dt.date(2027, 1, 5)  # next month, next year
    assert parse_typed_date("11月20日", TODAY) == dt.date(2026, 11, 20)  # a fortnight ago
    assert parse_typed_date("5月10日", TODAY) == dt.date(2027, 5, 10)  # over half a year back
    assert parse_typed_date("2月29日", TODAY) == dt.date(2028, 2, 29)


@pytest.mark.parametrize(
    "text", ["2026-02-30", "20261318", "13月1日", "明天", "2026", "0001-01-01"]
)
def test_what_is_not_a_date_says_so(text: str) -> None:
    with pytest.raises(DateInvalid) as raised:
        parse_typed_date(text, TODAY)
    assert text in str(raised.value)
