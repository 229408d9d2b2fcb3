"""The settings facade: typed values with defaults, and nothing unknown stored."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QSettings

from roadshow_desk.ui.settings import DEFAULTS, RECENT_FILES_KEPT, Settings, settings_file


def test_defaults_when_nothing_is_stored(ui_settings: Settings) -> None:
    assert ui_settings.language == ""
    assert ui_settings.station_name == socket.gethostname()
    assert ui_settings.database_location == ""
    assert ui_settings.cjk_font_file == ""
    assert ui_settings.recent_files == []
    assert ui_settings.window_geometry.isEmpty()
    assert ui_settings.splitter_state("library").isEmpty()
    for key, default in DEFAULTS.items():
        if not key.endswith("/"):
            assert type(ui_settings.value(key)) is type(default), key


def test_values_survive_a_new_facade_on_the_same_file(tmp_path: Path) -> None:
    path = str(tmp_path / "s.ini")
    first = Settings(QSettings(path, QSettings.Format.IniFormat))
    first.language = "zh_CN"
    first.station_name = "  东区签到台  "
    first.database_location = "/data/fair.sqlite3"
    first.cjk_font_file = "/fonts/wqy.ttc#0"
    first.set_value("general/missing_font_warned", True)
    first.set_splitter_state("library", QByteArray(b"\x00\x01state"))
    first.add_recent_file("a.xlsx")
    first.add_recent_file("b.xlsx")
    first.add_recent_file("a.xlsx")
    first.sync()
    second = Settings(QSettings(path, QSettings.Format.IniFormat))
    assert second.language == "zh_CN"
    assert second.station_name == "东区签到台"
    assert second.database_location == "/data/fair.sqlite3"
    assert second.cjk_font_file == "/fonts/wqy.ttc#0"
    assert second.value("general/missing_font_warned") is True
    assert bytes(second.splitter_state("library").data()) == b"\x00\x01state"
    assert second.recent_files == ["a.xlsx", "b.xlsx"]


def test_recent_files_are_capped(ui_settings: Settings) -> None:
    for number in range(RECENT_FILES_KEPT + 5):
        ui_settings.add_recent_file(f"file{number}.xlsx")
    assert len(ui_settings.recent_files) == RECENT_FILES_KEPT
    assert ui_settings.recent_files[0] == f"file{RECENT_FILES_KEPT + 4}.xlsx"


def test_station_name_equal_to_the_host_name_is_not_pinned(ui_settings: Settings) -> None:
    ui_settings.station_name = socket.gethostname()
    assert ui_settings.value("general/station_name") == ""


def test_unknown_language_means_follow_the_system(ui_settings: Settings) -> None:
    ui_settings.set_value("general/language", "fr")
    assert ui_settings.language == ""


def test_unknown_keys_are_refused(ui_settings: Settings) -> None:
    with pytest.raises(KeyError):
        ui_settings.set_value("patents/last_title", "business data does not belong here")


def test_settings_file_follows_the_data_dir(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.delenv("ROADSHOW_DESK_SETTINGS", raising=False)
    monkeypatch.setenv("ROADSHOW_DESK_DATA_DIR", str(tmp_path))
    assert settings_file() == tmp_path / "settings.ini"
    monkeypatch.setenv("ROADSHOW_DESK_SETTINGS", str(tmp_path / "x.ini"))
    assert settings_file() == tmp_path / "x.ini"
