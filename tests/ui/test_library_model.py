"""The library's table model: lazy, sorted in SQL, paged, and a well-behaved Qt model."""

from __future__ import annotations

import datetime as dt

import pytest
from library_data import add_patents
from PySide6.QtCore import QModelIndex, Qt
from sqlalchemy import select

from roadshow_desk.domain.enums import LegalStatus, PatentType
from roadshow_desk.domain.models import Institution, Patent
from roadshow_desk.ui.library.model import COLUMN_INDEX, COLUMNS, PATENT_ID_ROLE, PatentTableModel

ENUM_ORDER = {
    "patent_type": {member: index for index, member in enumerate(PatentType)},
    "legal_status": {member: index for index, member in enumerate(LegalStatus)},
}


def all_rows(db) -> list[dict]:
    """Every patent's column values, read independently of the model."""
    with db.session() as session:
        result = session.execute(
            select(Patent, Institution.name).outerjoin(
                Institution, Institution.id == Patent.institution_id
            )
        )
        rows = []
        for patent, institution in result:
            row = {column.field: getattr(patent, column.field, None) for column in COLUMNS}
            row["institution"] = institution
            row["id"] = patent.id
            rows.append(row)
        return rows


def python_order(rows: list[dict], field: str, descending: bool) -> list[int]:
    """The order SQLite gives for ORDER BY field, id (NULLs first when ascending)."""

    def key(row: dict) -> tuple:
        value = row[field]
        if field in ENUM_ORDER and value is not None:
            value = ENUM_ORDER[field][value]
        return (value is not None, value if value is not None else 0, row["id"])

    return [row["id"] for row in sorted(rows, key=key, reverse=descending)]


def fetch_all(model: PatentTableModel) -> None:
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())


def test_qtmodeltester(qtmodeltester, db) -> None:
    add_patents(db, 300)
    model = PatentTableModel(db, batch_size=100, page_size=40)
    model.reload()
    qtmodeltester.check(model)
    model.sort(COLUMN_INDEX["title"], Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)


def test_empty_database(qtmodeltester, db) -> None:
    model = PatentTableModel(db)
    model.reload()
    assert model.rowCount() == 0
    assert not model.canFetchMore(QModelIndex())
    qtmodeltester.check(model)


@pytest.mark.parametrize("column", range(len(COLUMNS)), ids=[c.field for c in COLUMNS])
def test_sorting_each_column_in_sql(db, column: int) -> None:
    add_patents(db, 400)
    rows = all_rows(db)
    field = COLUMNS[column].field
    model = PatentTableModel(db, batch_size=1000)
    model.reload()
    for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
        model.sort(column, order)
        fetch_all(model)
        shown = [model.patent_id(row) for row in range(model.rowCount())]
        descending = order == Qt.SortOrder.DescendingOrder
        assert shown == python_order(rows, field, descending)
        # The displayed column agrees with the id order (not only the hidden ids).
        first = model.index(0, column).data(Qt.ItemDataRole.UserRole)
        first_row = next(row for row in rows if row["id"] == shown[0])
        assert first == first_row[field]


def test_fetch_more_pages_2000_rows(db) -> None:
    add_patents(db, 2000)
    model = PatentTableModel(db, batch_size=500, page_size=100)
    model.reload()
    assert model.total == 2000
    assert model.rowCount() == 500
    fetches = 0
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
        fetches += 1
    assert fetches == 3
    assert model.rowCount() == 2000
    # Rows are read a page at a time: one SELECT for the ids, then one per page touched.
    before = model.queries
    for row in range(0, 100):
        model.index(row, 1).data()
    assert model.queries == before + 1
    model.index(1999, 0).data()
    assert model.queries == before + 2
    ids = [model.index(row, 0).data(PATENT_ID_ROLE) for row in range(2000)]
    assert len(set(ids)) == 2000


def test_a_patent_past_the_first_batch_can_be_found(db) -> None:
    ids = add_patents(db, 1200)
    model = PatentTableModel(db, batch_size=100)
    model.reload()
    model.sort(COLUMN_INDEX["application_no"], Qt.SortOrder.DescendingOrder)
    assert model.rowCount() == 100
    row = model.row_of(ids[0])  # the smallest application number: the very last row
    assert row == 1199
    assert model.rowCount() == 1200
    assert model.index(row, 0).data(PATENT_ID_ROLE) == ids[0]


def test_display_and_typed_values(db) -> None:
    with db.session() as session:
        institution = Institution(name="浙江大学")
        session.add(institution)
        session.flush()
        session.add(
            Patent(
                application_no="CN202210016632.1",
                title="一种固态锂电池电解质及其制备方法",
                patent_type=PatentType.INVENTION,
                legal_status=LegalStatus.GRANTED,
                technical_field="新能源",
                application_date=dt.date(2022, 1, 5),
                ipc_main="H01M10/0562",
                institution_id=institution.id,
                score=87.25,
            )
        )
    model = PatentTableModel(db)
    model.reload()
    shown = [model.index(0, column).data() for column in range(len(COLUMNS))]
    assert shown == [
        "CN202210016632.1",
        "一种固态锂电池电解质及其制备方法",
        "浙江大学",
        "Invention",
        "Granted, in force",
        "新能源",
        "2022-01-05",
        "H01M10/0562",
        "87.2",
    ]
    date_index = model.index(0, COLUMN_INDEX["application_date"])
    assert date_index.data(Qt.ItemDataRole.EditRole) == dt.date(2022, 1, 5)
    assert model.index(0, COLUMN_INDEX["patent_type"]).data(Qt.ItemDataRole.UserRole) == "invention"
    assert model.index(0, COLUMN_INDEX["score"]).data(Qt.ItemDataRole.EditRole) == 87.25
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Application no."


def test_filter_hook_narrows_in_sql(db) -> None:
    add_patents(db, 200)
    model = PatentTableModel(db)
    model.reload()
    model.set_filter(lambda statement: statement.where(Patent.technical_field == "新能源"))
    expected = sum(1 for row in all_rows(db) if row["technical_field"] == "新能源")
    assert 0 < model.total == expected < 200
    fetch_all(model)
    assert {
        model.index(r, COLUMN_INDEX["technical_field"]).data() for r in range(model.rowCount())
    } == {"新能源"}
    model.set_filter(None)
    assert model.total == 200


def test_deleted_patents_are_not_listed(db) -> None:
    ids = add_patents(db, 10)
    with db.session() as session:
        session.get(Patent, ids[3]).deleted_at = dt.datetime(2024, 1, 1)
    model = PatentTableModel(db)
    model.reload()
    assert model.total == 9
    assert model.row_of(ids[3]) is None
