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
    dialog = ConflictReviewDialog(app_context)
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
    dialog = ConflictReviewDialog(app_context)
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
    dialog = ConflictReviewDialog(app_context)
    qtbot.addWidget(dialog)
    dialog.button_take_all.click()
    assert titles(database) == {A: "文件标题A", B: "文件标题B"}
    with database.session() as session:
        assert len(search_ids(session, "文件标题")) == 2
        assert search_ids(session, "我的标题") == []


def test_summary_leads_to_the_review(qtbot, import_window, app_context, tmp_path) -> None:  # type: ignore[no-untyped-def]
    make_conflicts(app_context.database, tmp_path)
    controller = import_window.import_controller
    from roadshow_desk.exchange.import_core import ImportResult

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
    dialog = ConflictReviewDialog(app_context)
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


def dump(database) -> dict[str, list[tuple[object, ...]]]:  # type: ignore[no-untyped-def]
    """Every row of the tables a resolution touches, as stored (the search index made)."""
    from sqlalchemy import text

    from roadshow_desk.store.search import ensure_search_schema

    with database.session() as session:
        ensure_search_schema(session)
    tables = ("patent", "field_conflict", "patent_score", "enterprise", "patent_search_pending")
    with database.session() as session:
        return {
            table: [
                tuple(row) for row in session.execute(text(f"SELECT * FROM {table} ORDER BY 1"))
            ]
            for table in tables
        }


def test_each_resolution_is_one_undoable_command(qtbot, app_context, english, tmp_path) -> None:  # type: ignore[no-untyped-def]
    database = app_context.database
    make_conflicts(database, tmp_path)
    stack = app_context.undo_stack
    dialog = ConflictReviewDialog(app_context)
    qtbot.addWidget(dialog)
    assert not dialog.button_undo.isEnabled() and not dialog.button_redo.isEnabled()
    start = dump(database)

    dialog.table_conflicts.selectRow(0)
    dialog.button_take_file.click()  # one field
    assert stack.count() == 1 and stack.undoText() == f"Take the file's Title of {A}"
    assert titles(database)[A] == "文件标题A"
    one_taken = dump(database)
    dialog.button_keep_all.click()  # the other two
    assert stack.count() == 2 and stack.undoText() == "Keep mine for all conflicts"
    assert dialog.table_conflicts.rowCount() == 0
    assert dialog.button_undo.isEnabled()
    assert dialog.button_undo.toolTip() == "Undo: Keep mine for all conflicts"

    dialog.button_undo.click()
    assert dump(database) == one_taken
    assert dialog.table_conflicts.rowCount() == 2  # the list follows the stack
    stack.undo()  # the window's Edit > Undo works the same
    assert dump(database) == start
    assert dialog.table_conflicts.rowCount() == 3
    assert titles(database)[A] == "我的标题A"
    assert not dialog.button_undo.isEnabled() and dialog.button_redo.isEnabled()

    dialog.button_redo.click()  # resolves again (at a new time)
    assert titles(database)[A] == "文件标题A"
    assert dialog.table_conflicts.rowCount() == 2
    assert [len(rows) for rows in dump(database).values()] == [
        len(rows) for rows in one_taken.values()
    ]
    dialog.button_redo.click()
    assert dialog.table_conflicts.rowCount() == 0
    with database.session() as session:
        assert open_conflicts(session) == []


def test_undo_in_the_dialog_leaves_other_edits_alone(qtbot, app_context, english, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from roadshow_desk.ui.library.commands import EditPatentCommand

    database = app_context.database
    make_conflicts(database, tmp_path)
    with database.session() as session:
        a_id = session.scalars(select(Patent.id).where(Patent.application_no == A)).one()
    app_context.undo_stack.push(EditPatentCommand(app_context, a_id, {"inventors": "张三"}, A))
    dialog = ConflictReviewDialog(app_context)
    qtbot.addWidget(dialog)
    assert not dialog.button_undo.isEnabled()  # the top of the stack is not a resolution
    dialog.undo()
    with database.session() as session:
        assert session.get(Patent, a_id).inventors == "张三"  # type: ignore[union-attr]


def test_undo_after_the_dialog_closed(qtbot, import_window, app_context, tmp_path) -> None:  # type: ignore[no-untyped-def]
    database = app_context.database
    make_conflicts(database, tmp_path)
    before = dump(database)
    dialog = import_window.import_controller.review_conflicts()
    changed: list[str] = []
    app_context.data_changed.connect(changed.append)
    dialog.button_take_all.click()
    assert changed == ["patent", "enterprise"]
    dialog.accept()
    assert titles(database) == {A: "文件标题A", B: "文件标题B"}
    assert import_window.undo_action.text().endswith("Take the file's values for all conflicts")
    import_window.undo_action.trigger()
    assert dump(database) == before
    assert changed[-2:] == ["patent", "enterprise"]
