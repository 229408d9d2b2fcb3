"""The import workflow from the window: menu, toolbar, drop, recent files, the mapping
dialog (preview, problems, presets), the import on a worker, the summary, cancel, failure."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import func, select

from roadshow_desk.domain.models import MappingPreset, Patent
from roadshow_desk.ui.importing.controller import ImportController

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "import"


def controller_of(window) -> ImportController:  # type: ignore[no-untyped-def]
    return window.import_controller  # type: ignore[no-any-return]


def patent_count(app_context) -> int:  # type: ignore[no-untyped-def]
    with app_context.database.session() as session:
        return session.scalar(select(func.count()).select_from(Patent)) or 0


def read_then_map(qtbot, controller: ImportController, path: Path, checked: bool = True):  # type: ignore[no-untyped-def]
    """Start an import of ``path``; wait for the mapping dialog and its check of every row."""
    task = controller.start(path)
    assert task is not None
    with qtbot.waitSignal(task.succeeded, timeout=20000):
        pass  # the signal is queued for the event loop, which runs only in here
    dialog = controller.mapping_dialog
    assert dialog is not None
    if checked:
        qtbot.waitUntil(lambda: dialog.check_result is not None, timeout=20000)
    return dialog


def test_entry_points_are_installed(import_window) -> None:  # type: ignore[no-untyped-def]
    controller = controller_of(import_window)
    action = controller.import_action
    assert action.shortcut() == QKeySequence("Ctrl+I")
    assert action in import_window.file_menu.actions()
    assert action in import_window.toolbar.actions()
    assert controller.recent_menu.menuAction() in import_window.file_menu.actions()
    assert controller.conflicts_action in import_window.file_menu.actions()
    assert action.text() == "&Import patents…"


def test_import_from_the_mapping_dialog(qtbot, import_window, app_context, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "patentics.csv"
    shutil.copy(FIXTURES / "patentics_ragged.csv", source)
    controller = controller_of(import_window)
    changed: list[str] = []
    app_context.data_changed.connect(changed.append)
    dialog = read_then_map(qtbot, controller, source)
    assert dialog.isVisible()
    assert "patentics.csv" in dialog.label_file.text() and "Patentics" in dialog.label_file.text()
    assert dialog.combos["application_no"].currentText() == "申请号"
    assert dialog.combos["applicants"].currentText() == "申请人"
    assert dialog.table_preview.rowCount() == 7
    assert dialog.label_check.text().startswith("6 new, 0 updated")
    ok = dialog.button_box.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.isEnabled()
    with qtbot.waitSignal(controller.import_finished, timeout=20000) as finished:
        ok.click()
    result = finished.args[0]
    assert result.inserted == 6
    assert patent_count(app_context) == 6
    assert changed == ["patent"]
    summary = controller.summary_dialog
    assert summary is not None and summary.isVisible()
    assert summary.label_inserted.text() == "6"
    assert not summary.button_review_conflicts.isVisible()
    assert app_context.settings.recent_files[0] == str(source)


def test_problems_are_listed_and_the_rejects_report_is_linked(
    qtbot, import_window, app_context, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "mixed.csv"
    source.write_text(
        "申请号,专利名称,申请日\nCN202210016632.1,好,2022-01-07\nCN202210016632.5,坏,2022-01-07\n"
        "CN202110123456.7,日期坏,2022-02-30\n",
        encoding="utf-8",
    )
    controller = controller_of(import_window)
    dialog = read_then_map(qtbot, controller, source)
    problems = dialog.table_problems
    assert problems.rowCount() == 2
    assert problems.item(0, 0).text() == "3"
    assert "check character" in problems.item(0, 1).text()
    assert "2022-02-30" in problems.item(1, 1).text()
    assert dialog.tabs_preview.tabText(1) == "Problems (2)"
    with qtbot.waitSignal(controller.import_finished, timeout=20000) as finished:
        dialog.button_box.button(QDialogButtonBox.StandardButton.Ok).click()
    result = finished.args[0]
    assert result.rejects_path == tmp_path / "mixed-rejects.xlsx"
    assert result.rejects_path.exists()
    summary = controller.summary_dialog
    assert "mixed-rejects.xlsx" in summary.label_rejects.text()
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    summary.label_rejects.linkActivated.emit("x")
    assert opened == [QUrl.fromLocalFile(str(result.rejects_path))]


def test_changing_the_mapping_refreshes_preview_and_check(qtbot, import_window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    controller = controller_of(import_window)
    dialog = read_then_map(qtbot, controller, FIXTURES / "semicolon.csv")
    ok = dialog.button_box.button(QDialogButtonBox.StandardButton.Ok)
    dialog.set_column("application_no", None)
    assert not ok.isEnabled()
    assert "application number" in dialog.label_check.text()
    assert dialog.table_preview.rowCount() == 0
    with qtbot.waitSignal(dialog.checked, timeout=20000):
        dialog.set_column("application_no", "申请号")
    assert ok.isEnabled()
    with qtbot.waitSignal(dialog.checked, timeout=20000):
        dialog.set_column("title", None)
    assert "title" not in dialog.mapping().columns
    headers = [
        dialog.table_preview.horizontalHeaderItem(i).text()
        for i in range(dialog.table_preview.columnCount())
    ]
    assert "Title" not in headers and "Application no." in headers


def test_a_mapping_saved_as_a_preset_is_used_next_time(
    qtbot, import_window, app_context, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "own.csv"
    source.write_text("编号,项目名称\nCN202210016632.1,一种方法\n", encoding="utf-8")
    controller = controller_of(import_window)
    dialog = read_then_map(qtbot, controller, source, checked=False)
    assert "application_no" not in dialog.mapping().columns  # 编号 is no known synonym
    with qtbot.waitSignal(dialog.checked, timeout=20000):
        dialog.set_column("application_no", "编号")
    dialog.set_column("title", "项目名称")
    dialog.edit_preset_name.setText("本校清单")
    dialog.button_save_preset.click()
    with app_context.database.session() as session:
        preset = session.scalars(select(MappingPreset)).one()
        assert preset.mapping == {"application_no": "编号", "title": "项目名称"}
    dialog.reject()
    again = read_then_map(qtbot, controller, source)
    assert again.combos["application_no"].currentText() == "编号"
    assert again.combos["title"].currentText() == "项目名称"
    again.reject()


def test_drop_imports_patent_lists_only(qtbot, import_window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    controller = controller_of(import_window)
    other = tmp_path / "notes.pdf"
    other.write_bytes(b"%PDF")
    assert import_window.handle_dropped_files([other]) is False
    source = tmp_path / "list.xlsx"
    shutil.copy(FIXTURES / "patentics_banner.xlsx", source)
    assert import_window.handle_dropped_files([other, source]) is True
    assert controller.task is not None
    with qtbot.waitSignal(controller.task.succeeded, timeout=20000):
        pass
    assert controller.mapping_dialog is not None
    assert controller.mapping_dialog.table.sheet == "Patentics"
    controller.mapping_dialog.reject()


def test_recent_imports_menu(qtbot, import_window, app_context, tmp_path) -> None:  # type: ignore[no-untyped-def]
    controller = controller_of(import_window)
    source = tmp_path / "a.csv"
    shutil.copy(FIXTURES / "semicolon.csv", source)
    gone = tmp_path / "gone.csv"
    app_context.settings.add_recent_file(str(gone))
    app_context.settings.add_recent_file(str(source))
    controller.fill_recent_menu()
    actions = [a for a in controller.recent_menu.actions() if not a.isSeparator()]
    assert [a.text() for a in actions] == ["&1 a.csv", "&2 gone.csv", "&Clear the list"]
    assert actions[0].isEnabled() and not actions[1].isEnabled()
    with qtbot.waitSignal(controller.import_finished, timeout=20000):
        actions[0].trigger()
        qtbot.waitUntil(lambda: controller.mapping_dialog is not None, timeout=20000)
        dialog = controller.mapping_dialog
        qtbot.waitUntil(lambda: dialog.check_result is not None, timeout=20000)
        dialog.accept()
    actions[2].trigger()
    assert app_context.settings.recent_files == []


def test_an_unreadable_file_is_one_message_and_nothing_changes(
    qtbot, import_window, app_context, messages, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "broken.xlsx"
    bad.write_bytes(b"\x00garbage" * 100)
    controller = controller_of(import_window)
    task = controller.start(bad)
    with qtbot.waitSignal(task.failed, timeout=20000):
        pass
    assert messages and messages[0][0] == "warning"
    assert "broken.xlsx" in messages[0][1] and "binary" in messages[0][2]
    assert controller.mapping_dialog is None and patent_count(app_context) == 0


def test_cancel_leaves_the_library_as_it_was(
    qtbot, import_window, app_context, messages, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from roadshow_desk.ui.importing import controller as controller_module

    controller = controller_of(import_window)
    dialog = read_then_map(qtbot, controller, FIXTURES / "semicolon.csv")
    table, mapping = dialog.table, dialog.mapping()
    dialog.reject()
    real = controller_module.import_patents

    def cancelled_midway(*args, **kwargs):  # type: ignore[no-untyped-def]
        progress = kwargs["progress"]
        progress.cancel()
        return real(*args, **kwargs)

    monkeypatch.setattr(controller_module, "import_patents", cancelled_midway)
    task = controller.run_import(table, mapping)
    with qtbot.waitSignal(task.cancelled, timeout=20000):
        pass
    assert patent_count(app_context) == 0
    assert messages[-1][1] == "Import cancelled"


@pytest.mark.parametrize("conflicts", [0, 2])
def test_summary_offers_conflict_review_only_when_there_are_conflicts(
    qtbot, import_window, conflicts: int
) -> None:  # type: ignore[no-untyped-def]
    from roadshow_desk.exchange.import_core import ImportResult
    from roadshow_desk.ui.importing.summary_dialog import ImportSummaryDialog

    result = ImportResult(file=Path("x.csv"), inserted=1, conflicts=conflicts, merged=3)
    dialog = ImportSummaryDialog(result, import_window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.button_review_conflicts.isVisible() == bool(conflicts)
    assert dialog.label_conflicts.text() == str(conflicts)
    assert "3 rows were later publications" in dialog.label_heading.text()
    assert not dialog.label_rejects.isVisible()
