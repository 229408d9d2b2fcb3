"""A file the import refuses does not land in Recent imports (issue 11, item 10)."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from roadshow_desk.ui.importing.controller import ImportController

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "import"


def menu_texts(controller: ImportController) -> list[str]:
    controller.recent_menu.aboutToShow.emit()  # what opening File ▸ Recent imports does
    return [a.text() for a in controller.recent_menu.actions() if not a.isSeparator()]


def test_a_refused_file_is_not_a_recent_import(
    qtbot, import_window, app_context, messages, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    controller: ImportController = import_window.import_controller
    good = tmp_path / "a.csv"
    shutil.copy(FIXTURES / "semicolon.csv", good)
    bad = tmp_path / "broken.xlsx"
    bad.write_bytes(b"\x00garbage" * 100)
    for chosen in (good, bad):
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_args, c=chosen: (str(c), ""))
        controller.import_action.trigger()  # File ▸ Import patents…, the file dialog patched
        task = controller.task
        assert task is not None
        with qtbot.waitSignal(task.finished, timeout=20000):
            pass
        if controller.mapping_dialog is not None:
            controller.mapping_dialog.reject()
    assert messages and "broken.xlsx" in messages[-1][1]
    assert menu_texts(controller) == ["&1 a.csv", "&Clear the list"]
