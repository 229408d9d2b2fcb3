"""Labels of stored values: every enum member has one, translated through the hook."""

from __future__ import annotations

import datetime as dt
import enum

import pytest

from roadshow_desk import i18n
from roadshow_desk.domain import enums
from roadshow_desk.domain.enums import ConversionMode, IntentionKind, LegalStatus, PatentType
from roadshow_desk.domain.labels import (
    PATENT_FIELD_LABELS,
    choices,
    field_label,
    format_value,
    label,
    label_of,
)
from roadshow_desk.domain.models import PATENT_DATA_FIELDS

ENUM_CLASSES = [
    value
    for value in vars(enums).values()
    if isinstance(value, type)
    and issubclass(value, enum.Enum)
    and value.__module__ == enums.__name__
]


@pytest.mark.parametrize("enum_class", ENUM_CLASSES, ids=lambda c: c.__name__)
def test_every_member_has_its_own_label(enum_class: type[enum.Enum]) -> None:
    labels = [label(member) for member in enum_class]
    assert all(
        text and text != member.value for text, member in zip(labels, enum_class, strict=True)
    )
    assert len(set(labels)) == len(labels)


def test_every_patent_field_has_a_label() -> None:
    for field in (*PATENT_DATA_FIELDS, "application_no", "institution", "score"):
        assert field in PATENT_FIELD_LABELS
        assert field_label(field) != field


def test_same_value_in_two_enums_keeps_its_own_label() -> None:
    assert IntentionKind.INVESTMENT.value == ConversionMode.INVESTMENT.value
    assert label(IntentionKind.INVESTMENT) == "Investment / equity"
    assert label(ConversionMode.INVESTMENT) == "Investment (equity)"


def test_labels_go_through_the_translation_hook() -> None:
    seen = []

    def hook(context: str, text: str, disambiguation: str | None, n: int) -> str:
        seen.append((context, text))
        return {"Invention": "发明", "Legal status": "法律状态"}.get(text, text)

    i18n.install_hook(hook)
    try:
        assert label(PatentType.INVENTION) == "发明"
        assert field_label("legal_status") == "法律状态"
    finally:
        i18n.install_hook(None)
    assert ("Labels", "Invention") in seen
    assert ("PatentFields", "Legal status") in seen


def test_format_value() -> None:
    assert format_value("application_date", dt.date(2022, 1, 5)) == "2022-01-05"
    assert format_value("legal_status", LegalStatus.GRANTED) == "Granted, in force"
    assert format_value("patent_type", "utility_model") == "Utility model"
    assert format_value("overseas_family", True) == "Yes"
    assert format_value("self_grade", 3) == "★★★☆☆"
    assert format_value("conversion_modes", "transfer; open_licence") == "Transfer、Open licence"
    assert format_value("score", 87.25) == "87.2"
    assert format_value("score", None) == ""
    assert label_of(PatentType, "something-else") == "something-else"
    assert [text for _member, text in choices(PatentType)] == [
        "Invention",
        "Utility model",
        "Design",
    ]
