"""The conflict review dialog: keep mine / take the file's, per field or for all."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from roadshow_desk.domain.edits import open_conflicts, record_local_edit
from roadshow_desk.domain.models import Patent
from roadshow_desk.exchange.patent_import import import_patents
from roadshow_desk.ui.importing.conflict_dialog import ConflictReviewDialog

A, B = "CN202210016632.1", "CN202110123456.7"


def make_conflicts(database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first = tmp_path / "v1.csv"
    first.write_text(
        f"申请号,专利名称,申请人\n{A},原标题A,清华大学\n{B},原标题B,浙江大学\n", encoding="utf-8"
    )
    import_patents(database, first)
    with database.session() as session:
        for number, title in ((A, "我的标题A"), (B, "我的标题B")):
            patent = session.scalars(select(Patent).where(Patent.application_no == number)).one()
            record_local_edit(session, patent, "title", title)
        patent = session.scalars(select(Patent).where(Patent.application_no == B)).one()
        record_local_edit(session, patent, "applicants", "浙江大学; 某某公司")
    second = tmp_path / "v2.csv"
    second.write_text(
        f"申请号,专利名称,申请人\n{A},文件标题A,清华大学\n{B},文件标题B,浙江大学甲\n",
        encoding="utf-8",
    )
    assert import_patents(database, second).conflicts == 3


def titles(database) -> dict[str, str]:  # type: ignore[no-untyped-def]
    with database.session() as session:
        return dict(session.execute(select(Patent.application_no, Patent.title)).all())


def test_lists_the_open_conflicts(qtbot, app_context, english, tmp_path) -> None:  # type: ignore[no-untyped-def]
    make_conflicts(app_context.database, tmp_path)
    dialog = ConflictReviewDialog(app_context.database)
    qtbot.addWidget(dialog)
    table = dialog.table_conflicts
    assert table.rowCount() == 3
    rows = [[table.item(r, c).text() for c in range(4)] for r in range(3)]
    assert rows[0] == [f"{A}  我的标题A", "Title", "我的标题A", "文件标题A"]
    assert rows[2][1:] == ["Applicants", "浙江大学; 某某公司", "浙江大学甲"]
    assert not dialog.button_keep_mine.isEnabled()  # nothing selected yet
    assert dialog.button_take_all.isEnabled()


def test_per_field_then_for_all(qtbot, app_context, english, tmp_path) -> None:  # type: ignore[no-untyped-def]
    database = app_context.database
    make_conflicts(database, tmp_path)
    dialog = ConflictReviewDialog(database)
    qtbot.addWidget(dialog)
    resolved: list[list[int]] = []
    dialog.conflicts_resolved.connect(resolved.append)
    dialog.table_conflicts.selectRow(0)
    assert dialog.button_take_file.isEnabled()
    dialog.button_take_file.click()
    assert titles(database)[A] == "文件标题A"
    assert dialog.table_conflicts.rowCount() == 2
    dialog.button_keep_all.click()
    assert dialog.table_conflicts.rowCount() == 0
    assert titles(database)[B] == "我的标题B"
    assert dialog.label_intro.text() == "There are no conflicts to review."
    with database.session() as session:
        assert open_conflicts(session) == []
        patent = session.scalars(select(Patent).where(Patent.application_no == B)).one()
        assert set(patent.local_edits) == {"title", "applicants"}
    assert len(resolved) == 2 and resolved[0]  # the patent whose title changed


def test_take_the_files_for_all_updates_the_search(qtbot, app_context, english, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from roadshow_desk.store.search import search_ids

    database = app_context.database
    make_conflicts(database, tmp_path)
    dialog = ConflictReviewDialog(database)
    qtbot.addWidget(dialog)
    dialog.button_take_all.click()
    assert titles(database) == {A: "文件标题A", B: "文件标题B"}
    with database.session() as session:
        assert len(search_ids(session, "文件标题")) == 2
        assert search_ids(session, "我的标题") == []


def test_summary_leads_to_the_review(qtbot, import_window, app_context, tmp_path) -> None:  # type: ignore[no-untyped-def]
    make_conflicts(app_context.database, tmp_path)
    controller = import_window.import_controller
    from roadshow_desk.exchange.patent_import import ImportResult

    summary = controller.show_summary(ImportResult(file=tmp_path / "v2.csv", conflicts=3))
    summary.button_review_conflicts.click()
    assert controller.conflict_dialog is not None
    assert controller.conflict_dialog.table_conflicts.rowCount() == 3
    changed: list[str] = []
    app_context.data_changed.connect(changed.append)
    controller.conflict_dialog.button_keep_all.click()
    assert changed == ["patent", "enterprise"]
    controller.conflict_dialog.accept()
    assert controller.conflicts_action.text() == "Review import &conflicts…"


def test_lists_and_resolves_enterprise_conflicts(qtbot, app_context, english, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from roadshow_desk.domain.enterprises import EnterpriseFields, register_enterprise
    from roadshow_desk.domain.models import Enterprise
    from roadshow_desk.exchange.enterprise_import import import_enterprises

    database = app_context.database
    make_conflicts(database, tmp_path)
    with database.session() as session:  # registered by hand before the list came in
        register_enterprise(session, EnterpriseFields(name="闽光公司", industry="冶金"))
    source = tmp_path / "firms.csv"
    source.write_text("企业名称,所属行业\n闽光公司,新材料\n", encoding="utf-8")
    assert import_enterprises(database, source).conflicts == 1
    dialog = ConflictReviewDialog(database)
    qtbot.addWidget(dialog)
    table = dialog.table_conflicts
    assert table.rowCount() == 4
    assert [table.item(3, c).text() for c in range(4)] == ["闽光公司", "Industry", "冶金", "新材料"]
    table.selectRow(3)
    dialog.button_take_file.click()
    assert table.rowCount() == 3
    with database.session() as session:
        firm = session.scalars(select(Enterprise)).one()
        assert firm.industry == "新材料" and firm.local_edits == {}
        assert open_conflicts(session, record_table="enterprise") == []
    assert len(open_conflicts_of_patents(database)) == 3  # the patents' are still open


def open_conflicts_of_patents(database) -> list[object]:  # type: ignore[no-untyped-def]
    with database.session() as session:
        return list(open_conflicts(session))
