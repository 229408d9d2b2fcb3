"""Editing a patent by hand: validated, recorded as a local edit, undone exactly."""

from __future__ import annotations

import datetime as dt

import pytest

from roadshow_desk.domain.enums import LegalStatus, PatentType
from roadshow_desk.domain.models import Patent
from roadshow_desk.domain.patent_editing import (
    PatentEditError,
    coerce_value,
    edit_patent,
    patent_values,
    revert_patent_edit,
)


@pytest.fixture
def patent_id(db) -> int:
    with db.session() as session:
        patent = Patent(
            application_no="CN202210016632.1",
            title="一种固态锂电池电解质及其制备方法",
            patent_type=PatentType.INVENTION,
            legal_status=LegalStatus.PENDING,
            inventors="张三; 李四",
            station="import",
            local_edits={"abstract": {"at": "2024-01-01T00:00:00", "value": "旧摘要"}},
            abstract="旧摘要",
        )
        session.add(patent)
        session.flush()
        return patent.id


def test_edit_records_local_edits_and_station(db, patent_id: int) -> None:
    with db.session() as session:
        edit = edit_patent(
            session,
            patent_id,
            {
                "title": "  一种全固态锂电池电解质  ",
                "legal_status": "granted",
                "grant_date": "2024-03-01",
                "claims_count": "12",
                "inventors": "张三；王五",
            },
            station="desk-2",
        )
    assert edit is not None
    with db.session() as session:
        patent = session.get(Patent, patent_id)
        assert patent.title == "一种全固态锂电池电解质"
        assert patent.legal_status is LegalStatus.GRANTED
        assert patent.grant_date == dt.date(2024, 3, 1)
        assert patent.claims_count == 12
        assert patent.inventors == "张三; 王五"
        assert patent.station == "desk-2"
        edits = patent.local_edits
        assert edits["title"]["value"] == "一种全固态锂电池电解质"
        assert edits["legal_status"]["value"] == "granted"
        assert edits["grant_date"]["value"] == "2024-03-01"
        assert dt.datetime.fromisoformat(edits["title"]["at"])
        assert edits["abstract"]["value"] == "旧摘要"  # untouched entries stay


def test_revert_restores_values_and_marks(db, patent_id: int) -> None:
    with db.session() as session:
        edit = edit_patent(
            session, patent_id, {"abstract": "新摘要", "title": "新标题"}, station="desk-2"
        )
    with db.session() as session:
        revert_patent_edit(session, edit)
    with db.session() as session:
        patent = session.get(Patent, patent_id)
        assert patent.title == "一种固态锂电池电解质及其制备方法"
        assert patent.abstract == "旧摘要"
        assert set(patent.local_edits) == {"abstract"}
        assert patent.local_edits["abstract"]["at"] == "2024-01-01T00:00:00"
        assert patent.station == "import"


def test_unchanged_values_are_not_an_edit(db, patent_id: int) -> None:
    with db.session() as session:
        assert (
            edit_patent(session, patent_id, {"title": "一种固态锂电池电解质及其制备方法"}) is None
        )
        assert edit_patent(session, patent_id, {"patent_type": "invention"}) is None


def test_a_bad_value_changes_nothing(db, patent_id: int) -> None:
    with pytest.raises(PatentEditError, match="Claims"), db.session() as session:
        edit_patent(session, patent_id, {"title": "新标题", "claims_count": "很多"})
    with db.session() as session:
        patent = session.get(Patent, patent_id)
        assert patent.title == "一种固态锂电池电解质及其制备方法"
        assert "title" not in patent.local_edits


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("patent_type", "", None),
        ("patent_type", "utility_model", PatentType.UTILITY_MODEL),
        ("legal_status", None, LegalStatus.UNKNOWN),
        ("application_date", dt.datetime(2022, 1, 5, 10, 0), dt.date(2022, 1, 5)),
        ("application_date", "", None),
        ("self_grade", 5, 5),
        ("self_grade", None, None),
        ("overseas_family", 1, True),
        ("conversion_modes", ["licence", "transfer"], "transfer; licence"),
        ("ipc_all", " H01M10/05 ;G06N3/08; ", "H01M10/05; G06N3/08"),
    ],
)
def test_coerce_value(field: str, value: object, expected: object) -> None:
    assert coerce_value(field, value) == expected


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("title", "   ", "Title cannot be empty."),
        ("self_grade", 6, "Self-assessed grade must be from 1 to 5 stars."),
        ("family_size", -2, "Family size cannot be negative."),
        ("grant_date", "2024/13/01", "Grant date is not a date (YYYY-MM-DD)."),
        ("legal_status", "alive", "Legal status has a value that is not allowed."),
        (
            "conversion_modes",
            ["barter"],
            "Conversion modes offered has a value that is not allowed.",
        ),
        ("ipc_main", "H" * 41, "IPC main is longer than 40 characters."),
        ("application_no", "CN1", "“Application no.” cannot be edited."),
    ],
)
def test_bad_values_are_refused_with_a_sentence(field: str, value: object, message: str) -> None:
    with pytest.raises(PatentEditError) as caught:
        coerce_value(field, value)
    assert str(caught.value) == message


def test_edit_of_a_deleted_patent_is_refused(db, patent_id: int) -> None:
    with db.session() as session:
        session.get(Patent, patent_id).deleted_at = dt.datetime(2024, 1, 1)
    with pytest.raises(PatentEditError, match="no longer exists"), db.session() as session:
        edit_patent(session, patent_id, {"title": "x"})
    with pytest.raises(PatentEditError), db.session() as session:
        patent_values(session, patent_id)
