"""File ▸ Import enterprises…: a registration list imported on a worker, the summary with the
rejected rows counted, the registry told to refresh."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog
from sqlalchemy import select

from roadshow_desk.domain.models import Enterprise
from roadshow_desk.exchange.writers import write_table
from roadshow_desk.ui.importing.summary_dialog import ImportSummaryDialog

HEADER = ["企业名称", "统一社会信用代码", "联系人", "联系电话"]


def test_import_enterprises_from_the_file_menu(  # type: ignore[no-untyped-def]
    qtbot, import_window, app_context, monkeypatch, tmp_path: Path
) -> None:
    source = write_table(
        tmp_path / "报名表.xlsx",
        HEADER,
        [
            ["福建闽光新材料有限公司", "91350100M000100Y43", "陈工", "13912345678"],
            ["厦门海沧生物医药有限公司", "", "林经理", "0591-87654321"],
            ["坏电话公司", "", "", "12345"],  # the phone number is invalid: rejected
        ],
    )
    controller = import_window.import_controller
    action = controller.enterprises_action
    assert action in import_window.file_menu.actions()
    assert action.text() == "Import &enterprises…"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(source), ""))
    shown: list[ImportSummaryDialog] = []
    monkeypatch.setattr(ImportSummaryDialog, "open", lambda dialog: shown.append(dialog))
    monkeypatch.setattr(ImportSummaryDialog, "exec", lambda dialog: QDialog.DialogCode.Accepted)
    changed: list[str] = []
    app_context.data_changed.connect(changed.append)
    with qtbot.waitSignal(controller.import_finished, timeout=20000) as finished:
        action.trigger()
    result = finished.args[0]
    assert (result.inserted, result.rejected) == (2, 1)
    with app_context.database.session() as session:
        names = set(session.scalars(select(Enterprise.name)))
    assert names == {"福建闽光新材料有限公司", "厦门海沧生物医药有限公司"}
    assert changed == ["enterprise"]
    assert len(shown) == 1
    summary = shown[0]
    assert summary.label_inserted.text() == "2"
    assert summary.label_rejected.text() == "1"
    assert result.rejects_path is not None and result.rejects_path.is_file()
    assert result.rejects_path.name in summary.label_rejects.text()


def test_registry_button_runs_the_same_import(  # type: ignore[no-untyped-def]
    qtbot, import_window, app_context, monkeypatch, tmp_path: Path
) -> None:
    from roadshow_desk.ui.event.enterprises import RegistryView

    source = write_table(
        tmp_path / "list.xlsx", HEADER, [["福建闽光新材料有限公司", "", "陈工", "13912345678"]]
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(source), ""))
    monkeypatch.setattr(ImportSummaryDialog, "open", lambda dialog: None)
    registry = RegistryView(app_context, import_window)
    import_window.show()
    registry.show()
    assert registry.button_import.isVisible()
    with qtbot.waitSignal(import_window.import_controller.import_finished, timeout=20000):
        registry.button_import.click()
    qtbot.waitUntil(lambda: registry.model.rowCount() == 1, timeout=5000)
    lone = RegistryView(app_context)  # a window without the import workflow: no dead button
    qtbot.addWidget(lone)
    lone.show()
    assert not lone.button_import.isVisible()
