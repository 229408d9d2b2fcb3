"""The Settings dialog and the About box, as the user fills and reads them."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from roadshow_desk.ui.about import AboutDialog, app_version
from roadshow_desk.ui.settings_dialog import SettingsDialog


@pytest.fixture
def dialog(qtbot, app_context, english) -> SettingsDialog:
    dialog = SettingsDialog(app_context)
    qtbot.addWidget(dialog)
    return dialog


def test_shows_the_current_settings(dialog: SettingsDialog, app_context) -> None:
    assert dialog.combo_language.currentData() == ""
    assert dialog.edit_station.text() == app_context.settings.station_name
    assert dialog.edit_database.text() == ""
    assert dialog.edit_database.placeholderText().endswith("roadshow-desk.sqlite3")
    assert dialog.label_restart_note.text() == (
        "Changes to the language, the database and the font take effect when Roadshow Desk "
        "is restarted."
    )


def test_accept_saves_every_field(dialog: SettingsDialog, app_context, tmp_path: Path) -> None:
    from roadshow_desk.store.db import open_database

    open_database(str(tmp_path / "fair.sqlite3")).dispose()  # an existing database
    dialog.combo_language.setCurrentIndex(dialog.combo_language.findData("zh_CN"))
    dialog.edit_station.setText("西区意向登记台")
    dialog.edit_database.setText(str(tmp_path / "fair.sqlite3"))
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    settings = app_context.settings
    assert settings.language == "zh_CN"
    assert settings.station_name == "西区意向登记台"
    assert settings.database_location == str(tmp_path / "fair.sqlite3")
    assert app_context.station == "西区意向登记台"


def test_a_file_that_is_not_a_font_is_refused(
    dialog: SettingsDialog, app_context, tmp_path: Path, monkeypatch
) -> None:
    bogus = tmp_path / "notes.ttf"
    bogus.write_text("not a font")
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    dialog.edit_font.setText(str(bogus))
    assert "notes.ttf" in dialog.label_font_status.text()
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert len(warnings) == 1 and "notes.ttf" in warnings[0]
    assert app_context.settings.cjk_font_file == ""


def test_a_usable_font_is_accepted(dialog: SettingsDialog, app_context) -> None:
    from roadshow_desk.documents.fonts import find_cjk_font

    found = find_cjk_font()
    if found is None:
        pytest.skip("no CJK TrueType font on this machine")
    dialog.edit_font.setText(str(found.path))
    assert "can be used" in dialog.label_font_status.text()
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert app_context.settings.cjk_font_file == str(found.path)


def test_empty_station_name_is_refused(dialog: SettingsDialog, monkeypatch) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    dialog.edit_station.setText("  ")
    dialog.accept()
    assert warnings == ["The station name cannot be empty."]
    assert dialog.result() != QDialog.DialogCode.Accepted


def test_about_names_version_database_and_qt(qtbot, app_context, english) -> None:
    from PySide6.QtCore import qVersion

    about = AboutDialog(app_context)
    qtbot.addWidget(about)
    text = about.label_details.text()
    assert app_version() in text
    assert str(app_context.database.path) in text
    assert f"Qt {qVersion()}" in text
    assert "test-station" in text
