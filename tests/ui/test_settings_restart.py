"""Every setting survives a restart: written by one process, read back by another.

QSettings keeps one cache per file inside a process, so a second facade in the same process
finds what the first wrote even when the file itself says otherwise; only a new process
reads what a restart reads.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray

from roadshow_desk.ui.settings import DEFAULTS, Settings

WRITER = """
import json, sys
from PySide6.QtCore import QByteArray
from roadshow_desk.ui.settings import Settings
settings = Settings()
for key, (kind, value) in json.loads(sys.argv[1]).items():
    settings.set_value(key, QByteArray(bytes.fromhex(value)) if kind == "bytes" else value)
settings.sync()
"""

READER = """
import json, sys
from PySide6.QtCore import QByteArray
from roadshow_desk.ui.settings import Settings
settings = Settings()
values = {}
for key in json.loads(sys.argv[1]):
    value = settings.value(key)
    if isinstance(value, QByteArray):
        values[key] = ["bytes", bytes(value.data()).hex()]
    else:
        values[key] = [type(value).__name__, value]
values["language"] = ["str", settings.language]
values["station_name"] = ["str", settings.station_name]
print(json.dumps(values))
"""


def every_key() -> list[str]:
    """The keys of ``DEFAULTS``, a named one for each prefix (``layout/`` -> ``layout/library``)."""
    return [key + "library" if key.endswith("/") else key for key in DEFAULTS]


def encoded(value: Any) -> list[Any]:
    if isinstance(value, QByteArray):
        return ["bytes", bytes(value.data()).hex()]
    return [type(value).__name__, value]


def changed_value(key: str, default: Any) -> Any:
    """A value other than the default, of its type, with the characters INI files escape."""
    if key == "general/language":
        return "zh_CN"
    if isinstance(default, bool):
        return not default
    if isinstance(default, int):
        return default + 17
    if isinstance(default, list):
        return ["名单, 第一批.xlsx", "@at;#hash=.csv"]
    if isinstance(default, QByteArray):
        return QByteArray(b"\x00\x01[General]" + key.encode())
    if isinstance(default, str):
        return f'东区签到台 {key} "quoted", @at ;#'
    raise AssertionError(f"no test value for {key!r}: add one for its type")


def run(script: str, argument: Any, settings_file: Path) -> str:
    env = {**os.environ, "ROADSHOW_DESK_SETTINGS": str(settings_file)}
    result = subprocess.run(
        [sys.executable, "-c", script, json.dumps(argument)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=True,
    )
    return result.stdout


def write_then_read(values: dict[str, Any], settings_file: Path) -> dict[str, list[Any]]:
    run(WRITER, {key: encoded(value) for key, value in values.items()}, settings_file)
    return json.loads(run(READER, list(values), settings_file))


def test_every_setting_is_read_back_by_the_next_process(tmp_path: Path) -> None:
    settings_file = tmp_path / "settings.ini"
    defaults = {key: Settings.default(key) for key in every_key()}
    changed = {key: changed_value(key, default) for key, default in defaults.items()}

    found = write_then_read(changed, settings_file)
    for key, value in changed.items():
        assert found[key] == encoded(value), key
    assert found["language"] == ["str", "zh_CN"]
    assert found["station_name"] == ["str", changed["general/station_name"].strip()]

    # ...and set back to the defaults, they are the defaults in the next process too.
    found = write_then_read(defaults, settings_file)
    for key, value in defaults.items():
        assert found[key] == encoded(value), key


def test_settings_written_by_an_earlier_version_are_found(tmp_path: Path) -> None:
    """Files written before the fix hold ``[%General]``; their language and station count."""
    settings_file = tmp_path / "settings.ini"
    settings_file.write_text(
        "[%General]\nlanguage=en\nstation_name=西区意向登记台\n", encoding="utf-8"
    )
    found = json.loads(run(READER, ["general/language"], settings_file))
    assert found["language"] == ["str", "en"]
    assert found["station_name"] == ["str", "西区意向登记台"]


SESSION = Path(__file__).with_name("app_session.py")


def app_session(tmp_path: Path, *change: Any) -> dict[str, Any]:
    """Run the real app once in a new process; what its window showed."""
    env = {
        **os.environ,
        "ROADSHOW_DESK_SETTINGS": str(tmp_path / "settings.ini"),
        "ROADSHOW_DESK_DATA_DIR": str(tmp_path / "data"),
        "QT_QPA_PLATFORM": "offscreen",
        "LANG": "en_US.UTF-8",
    }
    env.pop("ROADSHOW_DESK_DB", None)
    env.pop("LC_ALL", None)
    env.pop("LANGUAGE", None)
    arguments = ["change", json.dumps(change[0])] if change else ["report"]
    result = subprocess.run(
        [sys.executable, str(SESSION), *arguments],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_the_app_finds_every_setting_as_it_was_left_after_a_restart(tmp_path: Path) -> None:
    from roadshow_desk.store.db import open_database

    for name in ("east.sqlite3", "west.sqlite3"):
        open_database(str(tmp_path / name)).dispose()
    from roadshow_desk.documents.fonts import find_cjk_font

    found_font = find_cjk_font()
    chosen_font = str(found_font.path) if found_font is not None else ""
    first = app_session(tmp_path)
    assert first["file_menu"] == "&File"
    assert first["page"] == "library"
    assert first["title"] == "roadshow-desk.sqlite3"

    changes = [
        {
            "language_row": 1,  # 简体中文
            "station": "东区签到台",
            "database": str(tmp_path / "east.sqlite3"),
            "page_key": 6,  # the follow-up page
            "size": [790, 720],
            "theme_last": True,
            "warning_minutes": "3",
            "title_cards": False,
            "splitter_share": 0.3,
            "font": chosen_font,  # chosen in Settings
        },
        {
            "language_row": 2,  # English
            "station": "West desk 2",
            "database": str(tmp_path / "west.sqlite3"),
            "page_key": 3,  # the event page
            "size": [740, 700],
            "theme_last": False,
            "warning_minutes": "1.5",
            "title_cards": True,
            "splitter_share": 0.7,
            "font": "",  # back to finding one
        },
    ]
    previous = first
    for change in changes:
        left = app_session(tmp_path, change)
        found = app_session(tmp_path)  # a new process: what a restart finds
        language_now = "文件(&F)" if change["language_row"] == 1 else "&File"
        assert found["file_menu"] == language_now
        assert found["station"].endswith(change["station"])
        assert found["title"] == Path(change["database"]).name
        assert found["page"] == left["page"] != first["page"]
        assert found["size"] == left["size"] == change["size"]
        # the list's width as dragged (the detail pane takes what the window has left)
        assert found["library_splitter"][0] == left["library_splitter"][0]
        assert found["roadshow_theme"] == left["roadshow_theme"]
        assert (
            found["roadshow_warning"]
            == left["roadshow_warning"]
            == float(change["warning_minutes"])
        )
        assert found["roadshow_title_cards"] == change["title_cards"]
        if change["font"]:
            assert found["font"] == ["preferred", change["font"]]
        else:
            assert found["font"] is None or found["font"][0] != "preferred"
        for what in ("station", "page", "size", "library_splitter", "roadshow_warning"):
            assert found[what] != previous[what], what  # each step changed every one
        assert found["roadshow_theme"] != previous["roadshow_theme"] or previous is first
        previous = found
