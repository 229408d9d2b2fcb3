"""One typed facade over ``QSettings``: the user's preferences, with a table of defaults.

Only preferences live here (language, where the database is, the font, window layout,
display options); business data always lives in the database. Every key and its default is
listed in :data:`DEFAULTS`; a workflow that needs an option adds its key there (one line)
and reads it with :meth:`Settings.value`, which returns the default's type.

Where the file is: ``$ROADSHOW_DESK_SETTINGS`` (an ``.ini`` path) if set; else
``settings.ini`` in ``$ROADSHOW_DESK_DATA_DIR`` when that override is set (tests, portable
installs); else the platform's usual place (``QSettings`` user scope, INI format).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QByteArray, QSettings

ORGANIZATION = "RoadshowDesk"
APPLICATION = "roadshow-desk"
ENV_SETTINGS = "ROADSHOW_DESK_SETTINGS"
ENV_DATA_DIR = "ROADSHOW_DESK_DATA_DIR"
RECENT_FILES_KEPT = 10

#: Every key with its default; the default's type is the value's type.
DEFAULTS: dict[str, Any] = {
    # General
    "general/language": "",  # "" = follow the system; "zh_CN" or "en"
    "general/station_name": "",  # "" = this computer's host name
    "general/missing_font_warned": False,
    # Where things are
    "database/location": "",  # "" = default file in the user data folder; a path or a URL
    "database/last_good": "",  # the last database that opened (offered when one cannot)
    "fonts/cjk_font_file": "",  # "" = discover a system font; "path" or "path#index"
    "files/recent": [],
    # Window layout
    "window/geometry": QByteArray(),
    "window/state": QByteArray(),
    "window/current_page": "",
    # Splitters and table headers by name ("library", ...): see splitter_state()
    "layout/": QByteArray(),
    # Roadshow mode
    "roadshow/theme": "dark",  # "dark" (high contrast) or "light"
    "roadshow/warning_seconds": 120,  # countdown turns yellow with this much time left
    "roadshow/final_seconds": 0,  # ...and red (0 = red only when time is up)
    "roadshow/title_cards": True,  # a session title card before each slot
    # Follow-up: text typed for a lead and not filed yet (JSON, see ui/followup/drafts.py)
    "followup/drafts": "",
}

T = TypeVar("T")

#: Qt's INI format keeps its ``[General]`` section for keys outside any group, so it writes a
#: group named "general" (in any case) as ``[%General]`` and reads it back as ``General``:
#: keys under ``general/`` must be stored under ``General/`` to be found after a restart.
_INI_GENERAL = "General"


def stored_key(key: str) -> str:
    """The key as written to the INI file (``general/x`` goes to ``General/x``)."""
    group, slash, rest = key.partition("/")
    return f"{_INI_GENERAL}/{rest}" if slash and group.lower() == "general" else key


def settings_file() -> Path | None:
    """The INI file settings go to, or ``None`` for the platform's usual place."""
    explicit = os.environ.get(ENV_SETTINGS)
    if explicit:
        return Path(explicit)
    data_dir = os.environ.get(ENV_DATA_DIR)
    if data_dir:
        return Path(data_dir) / "settings.ini"
    return None


def _coerce(raw: Any, default: Any) -> Any:
    """Turn what QSettings returns (INI files give strings) into the default's type."""
    if raw is None:
        return default
    if isinstance(default, bool):
        if isinstance(raw, str):
            return raw.strip().lower() in ("true", "1", "yes")
        return bool(raw)
    if isinstance(default, int):
        try:
            return int(raw)
        except (TypeError, ValueError):
            return default
    if isinstance(default, float):
        try:
            return float(raw)
        except (TypeError, ValueError):
            return default
    if isinstance(default, list):
        if isinstance(raw, str):
            return [raw] if raw else []
        return [str(item) for item in raw]
    if isinstance(default, QByteArray):
        return raw if isinstance(raw, QByteArray) else QByteArray(raw)
    if isinstance(default, str):
        return str(raw)
    return raw


class Settings:
    """Typed access to the user's preferences."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        if qsettings is None:
            path = settings_file()
            if path is not None:
                path.parent.mkdir(parents=True, exist_ok=True)
                qsettings = QSettings(str(path), QSettings.Format.IniFormat)
            else:
                qsettings = QSettings(
                    QSettings.Format.IniFormat,
                    QSettings.Scope.UserScope,
                    ORGANIZATION,
                    APPLICATION,
                )
        self.qsettings = qsettings

    # ------------------------------------------------------------------ generic access

    @staticmethod
    def default(key: str) -> Any:
        if key in DEFAULTS:
            return DEFAULTS[key]
        prefix = key.rsplit("/", 1)[0] + "/"
        if prefix in DEFAULTS:
            return DEFAULTS[prefix]
        raise KeyError(f"unknown setting {key!r}: add it to settings.DEFAULTS")

    def value(self, key: str) -> Any:
        """The stored value of ``key`` in its default's type (the default when unset)."""
        default = self.default(key)
        return _coerce(self.qsettings.value(stored_key(key), None), default)

    def set_value(self, key: str, value: Any) -> None:
        self.default(key)  # unknown keys are a programming error
        self.qsettings.setValue(stored_key(key), value)

    def sync(self) -> None:
        self.qsettings.sync()

    @property
    def file_name(self) -> str:
        return self.qsettings.fileName()

    # ------------------------------------------------------------------ typed properties

    @property
    def language(self) -> str:
        """``"zh_CN"``, ``"en"`` or ``""`` (follow the system)."""
        value = str(self.value("general/language"))
        return value if value in ("zh_CN", "en") else ""

    @language.setter
    def language(self, value: str) -> None:
        self.set_value("general/language", value if value in ("zh_CN", "en") else "")

    @property
    def station_name(self) -> str:
        """This laptop's station name (see :func:`roadshow_desk.station.resolve_station`)."""
        from roadshow_desk.station import resolve_station

        return resolve_station(None, str(self.value("general/station_name")))

    @station_name.setter
    def station_name(self, value: str) -> None:
        value = value.strip()
        self.set_value("general/station_name", "" if value == default_station_name() else value)

    @property
    def database_location(self) -> str:
        """The database the user chose (a file path or URL), ``""`` for the default file."""
        return str(self.value("database/location")).strip()

    @database_location.setter
    def database_location(self, value: str) -> None:
        self.set_value("database/location", value.strip())

    @property
    def cjk_font_file(self) -> str:
        """The CJK font file the user chose (``path`` or ``path#index``), ``""`` to discover."""
        return str(self.value("fonts/cjk_font_file")).strip()

    @cjk_font_file.setter
    def cjk_font_file(self, value: str) -> None:
        self.set_value("fonts/cjk_font_file", value.strip())

    @property
    def recent_files(self) -> list[str]:
        return list(self.value("files/recent"))

    def add_recent_file(self, path: str) -> None:
        """Put ``path`` first in the recent files (kept to :data:`RECENT_FILES_KEPT`)."""
        files = [path] + [item for item in self.recent_files if item != path]
        self.set_value("files/recent", files[:RECENT_FILES_KEPT])

    @property
    def window_geometry(self) -> QByteArray:
        return self.value("window/geometry")

    @window_geometry.setter
    def window_geometry(self, value: QByteArray) -> None:
        self.set_value("window/geometry", value)

    @property
    def window_state(self) -> QByteArray:
        return self.value("window/state")

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self.set_value("window/state", value)

    @property
    def current_page(self) -> str:
        return str(self.value("window/current_page"))

    @current_page.setter
    def current_page(self, value: str) -> None:
        self.set_value("window/current_page", value)

    def splitter_state(self, name: str) -> QByteArray:
        """Saved state of a named splitter or header (empty when never saved)."""
        return self.value(f"layout/{name}")

    def set_splitter_state(self, name: str, state: QByteArray) -> None:
        self.set_value(f"layout/{name}", state)


def default_station_name() -> str:
    """This computer's host name (see :mod:`roadshow_desk.station`)."""
    from roadshow_desk.station import host_station_name

    return host_station_name()
