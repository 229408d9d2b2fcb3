"""What the import dialogs say (issue 12.6): the enterprise summary counts firms, not
patents; the mapping dialog's check counts rows merged within the file before the import."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog

from roadshow_desk.exchange.writers import write_table
from roadshow_desk.ui.importing.summary_dialog import ImportSummaryDialog

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "import"


def test_the_enterprise_import_summary_counts_new_enterprises(  # type: ignore[no-untyped-def]
    qtbot, import_window, monkeypatch, tmp_path: Path
) -> None:
    source = write_table(
        tmp_path / "报名表.xlsx",
        ["企业名称", "联系人", "联系电话"],
        [["福建闽光新材料有限公司", "陈工", "13912345678"]],
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(source), ""))
    shown: list[ImportSummaryDialog] = []
    monkeypatch.setattr(ImportSummaryDialog, "open", lambda dialog: shown.append(dialog))
    monkeypatch.setattr(ImportSummaryDialog, "exec", lambda dialog: QDialog.DialogCode.Accepted)
    controller = import_window.import_controller
    with qtbot.waitSignal(controller.import_finished, timeout=20000):
        controller.enterprises_action.trigger()
    summary = shown[0]
    assert summary.label_inserted_caption.text() == "New enterprises:"
    assert summary.label_inserted.text() == "1"


def test_the_patent_import_summary_still_counts_new_patents(qtbot, english) -> None:  # type: ignore[no-untyped-def]
    from roadshow_desk.exchange.import_core import ImportResult

    dialog = ImportSummaryDialog(ImportResult(file=Path("p.xlsx"), inserted=3))
    qtbot.addWidget(dialog)
    assert dialog.label_inserted_caption.text() == "New patents:"


def test_the_mapping_check_counts_rows_merged_within_the_file(  # type: ignore[no-untyped-def]
    qtbot, import_window, tmp_path: Path
) -> None:
    """patentics_ragged.csv: 7 rows, one of them the grant (B) of another row's application
    (A): 6 new patents and 1 row merged, said before the import, not only after it."""
    source = tmp_path / "patentics.csv"
    shutil.copy(FIXTURES / "patentics_ragged.csv", source)
    controller = import_window.import_controller
    task = controller.start(source)
    assert task is not None
    with qtbot.waitSignal(task.succeeded, timeout=20000):
        pass
    dialog = controller.mapping_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.check_result is not None, timeout=20000)
    assert dialog.table_preview.rowCount() == 7
    text = dialog.label_check.text()
    assert text.startswith("6 new, 0 updated")
    assert text.endswith("later publications of a patent in the file, to be merged into it: 1.")
    dialog.button_box.button(QDialogButtonBox.StandardButton.Cancel).click()


@pytest.mark.realdata
def test_the_biochip_export_says_its_361_merged_rows_before_the_import(  # type: ignore[no-untyped-def]
    qtbot, import_window, realdata: Path
) -> None:
    """The organiser's file of issue 12: 1,698 rows, 1,337 patents, 361 later publications."""
    source = realdata / "cn_patentics_exports" / "patentics_TI-biochip_20211220_full.csv"
    controller = import_window.import_controller
    task = controller.start(source)
    assert task is not None
    with qtbot.waitSignal(task.succeeded, timeout=60000):
        pass
    dialog = controller.mapping_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.check_result is not None, timeout=60000)
    text = dialog.label_check.text()
    assert text.startswith("1,337 new, 0 updated") and text.endswith("merged into it: 361.")
    dialog.button_box.button(QDialogButtonBox.StandardButton.Cancel).click()
