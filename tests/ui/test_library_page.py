"""The library page as the organiser uses it: browse, read the details, edit, undo, redo."""

from __future__ import annotations

import datetime as dt

import pytest
from library_data import add_patents
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from roadshow_desk.domain.enums import LegalStatus, PatentType
from roadshow_desk.domain.models import Institution, Patent
from roadshow_desk.ui.library.edit_dialog import PatentDialog
from roadshow_desk.ui.library.model import COLUMN_INDEX
from roadshow_desk.ui.library.page import LibraryPage


@pytest.fixture
def patent_id(db) -> int:
    with db.session() as session:
        institution = Institution(name="浙江大学")
        session.add(institution)
        session.flush()
        patent = Patent(
            application_no="CN202210016632.1",
            title="一种固态锂电池电解质及其制备方法",
            abstract="本发明公开了一种固态电解质。",
            patent_type=PatentType.INVENTION,
            legal_status=LegalStatus.PENDING,
            technical_field="新能源",
            inventors="张三; 李四",
            institution_id=institution.id,
            application_date=dt.date(2022, 1, 5),
            conversion_modes="transfer; licence",
        )
        session.add(patent)
        session.flush()
        return patent.id


@pytest.fixture
def page(qtbot, app_context, english, patent_id) -> LibraryPage:
    add_patents(app_context.database, 50)
    page = LibraryPage(app_context)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    page.activate()
    return page


def stored(db, patent_id: int) -> Patent:
    with db.session() as session:
        return session.get(Patent, patent_id)


def test_detail_pane_shows_every_field(page: LibraryPage, patent_id: int) -> None:
    assert page.select_patent(patent_id)
    text = page.detail.browser.toPlainText()
    for expected in (
        "一种固态锂电池电解质及其制备方法",
        "CN202210016632.1",
        "Invention",
        "Pending",
        "浙江大学",
        "张三; 李四",
        "2022-01-05",
        "Transfer、Licence",
        "本发明公开了一种固态电解质。",
        "Applicant address",
        "Open licence terms",
        "Application scenarios",
    ):
        assert expected in text
    assert "edited locally" not in text
    assert page.count_label.text() == "Patents: 51"


def test_edit_is_recorded_and_undo_redo_restore(page: LibraryPage, app_context, patent_id) -> None:
    db = app_context.database
    page.select_patent(patent_id)
    page.apply_changes(
        patent_id,
        "CN202210016632.1",
        {"title": "一种全固态锂电池电解质", "legal_status": LegalStatus.GRANTED},
    )
    patent = stored(db, patent_id)
    assert patent.title == "一种全固态锂电池电解质"
    assert patent.legal_status is LegalStatus.GRANTED
    assert patent.local_edits["title"]["value"] == "一种全固态锂电池电解质"
    assert patent.station == "test-station"
    row = page.model.row_of(patent_id)
    assert page.model.index(row, COLUMN_INDEX["title"]).data() == "一种全固态锂电池电解质"
    assert "edited locally" in page.detail.browser.toPlainText()
    assert app_context.undo_stack.undoText() == "Edit patent CN202210016632.1"

    app_context.undo_stack.undo()
    patent = stored(db, patent_id)
    assert patent.title == "一种固态锂电池电解质及其制备方法"
    assert patent.legal_status is LegalStatus.PENDING
    assert patent.local_edits == {}
    row = page.model.row_of(patent_id)
    assert page.model.index(row, COLUMN_INDEX["title"]).data() == "一种固态锂电池电解质及其制备方法"
    assert "edited locally" not in page.detail.browser.toPlainText()

    app_context.undo_stack.redo()
    patent = stored(db, patent_id)
    assert patent.title == "一种全固态锂电池电解质"
    assert set(patent.local_edits) == {"title", "legal_status"}


def test_edit_through_the_dialog(
    qtbot, page: LibraryPage, app_context, patent_id, monkeypatch
) -> None:
    def fill_and_accept(dialog: PatentDialog) -> int:
        dialog.edit_title.setText("一种固态电解质")
        dialog.date_grant_date.setText("2024/3/1")  # typed as people write dates
        dialog.spin_claims_count.setValue(10)
        dialog.check_mode_open_licence.setChecked(True)
        dialog.combo_self_grade.setCurrentIndex(dialog.combo_self_grade.findData(4))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(PatentDialog, "exec", fill_and_accept)
    page.select_patent(patent_id)
    page.edit_action.trigger()
    patent = stored(app_context.database, patent_id)
    assert patent.title == "一种固态电解质"
    assert patent.grant_date == dt.date(2024, 3, 1)
    assert patent.claims_count == 10
    assert patent.conversion_modes == "transfer; licence; open_licence"
    assert patent.self_grade == 4
    assert set(patent.local_edits) == {
        "title",
        "grant_date",
        "claims_count",
        "conversion_modes",
        "self_grade",
    }
    assert app_context.undo_stack.count() == 1  # one command for the whole dialog


def test_dialog_without_changes_pushes_nothing(page, app_context, patent_id, monkeypatch) -> None:
    monkeypatch.setattr(PatentDialog, "exec", lambda dialog: QDialog.DialogCode.Accepted)
    page.edit_patent(patent_id)
    assert app_context.undo_stack.count() == 0
    assert stored(app_context.database, patent_id).local_edits == {}


def test_dialog_round_trips_every_value(qtbot, app_context, patent_id, english) -> None:
    from roadshow_desk.domain.patent_editing import patent_values

    with app_context.database.session() as session:
        values = patent_values(session, patent_id)
    dialog = PatentDialog(values)
    qtbot.addWidget(dialog)
    assert dialog.changes() == {}
    shown = dialog.values()
    assert shown["application_date"] == dt.date(2022, 1, 5)
    assert shown["grant_date"] is None
    assert shown["claims_count"] is None
    assert shown["patent_type"] == "invention"
    assert shown["conversion_modes"] == ["transfer", "licence"]
    assert dialog.label_title.text() == "Title:"


def test_dialog_refuses_an_empty_title(qtbot, app_context, patent_id, english, monkeypatch) -> None:
    from roadshow_desk.domain.patent_editing import patent_values

    warnings: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda parent, title, text, *a: warnings.append(text)
    )
    with app_context.database.session() as session:
        dialog = PatentDialog(patent_values(session, patent_id))
    qtbot.addWidget(dialog)
    dialog.edit_title.setText("   ")
    dialog.accept()
    assert warnings == ["Title cannot be empty."]
    assert dialog.result() != QDialog.DialogCode.Accepted


def test_header_click_sorts_and_keeps_the_selection(qtbot, page: LibraryPage, patent_id) -> None:
    page.select_patent(patent_id)
    header = page.table.horizontalHeader()
    column = COLUMN_INDEX["title"]
    header.setSortIndicator(column, Qt.SortOrder.DescendingOrder)
    titles = [page.model.index(r, column).data() for r in range(page.model.rowCount())]
    assert titles == sorted(titles, reverse=True)
    assert page.current_patent_id() == patent_id
    assert page.detail.patent_id == patent_id


def test_header_layout_is_remembered(qtbot, app_context, english, patent_id) -> None:
    first = LibraryPage(app_context)
    qtbot.addWidget(first)
    first.activate()
    first.table.horizontalHeader().setSortIndicator(
        COLUMN_INDEX["score"], Qt.SortOrder.DescendingOrder
    )
    first.table.horizontalHeader().resizeSection(COLUMN_INDEX["title"], 333)
    second = LibraryPage(app_context)
    qtbot.addWidget(second)
    second.activate()
    assert second.model.sort_state() == (COLUMN_INDEX["score"], Qt.SortOrder.DescendingOrder)
    assert second.table.horizontalHeader().sectionSize(COLUMN_INDEX["title"]) == 333


def test_an_edit_rescores_the_patent_and_undo_restores_the_score(
    page: LibraryPage, app_context, patent_id
) -> None:
    """The rubric reads the legal status: granting the patent raises its score at once."""
    db = app_context.database
    from roadshow_desk.store.scoring import rescore

    with db.session() as session:
        rescore(session, patent_ids=[patent_id])
    before = stored(db, patent_id).score
    assert before is not None
    page.apply_changes(patent_id, "CN202210016632.1", {"legal_status": LegalStatus.GRANTED})
    after = stored(db, patent_id).score
    assert after is not None and after > before
    app_context.undo_stack.undo()
    assert stored(db, patent_id).score == before
