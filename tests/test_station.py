"""One station identity for the window and the command line (issue #13.0)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from roadshow_desk.cli import main
from roadshow_desk.domain.models import Enterprise
from roadshow_desk.exchange.writers import write_table
from roadshow_desk.station import ENV_STATION, host_station_name, resolve_station


@pytest.fixture(autouse=True)
def _no_station_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(ENV_STATION, "")  # restored (and what main() sets undone) afterwards
    monkeypatch.setenv("ROADSHOW_DESK_SETTINGS", str(tmp_path / "settings.ini"))


def test_precedence_explicit_env_setting_host(monkeypatch: pytest.MonkeyPatch) -> None:
    assert resolve_station() == host_station_name()
    assert resolve_station(None, "  东区签到台 ") == "东区签到台"
    monkeypatch.setenv(ENV_STATION, "desk-B")
    assert resolve_station(None, "东区签到台") == "desk-B"
    assert resolve_station("  desk-C ", "东区签到台") == "desk-C"
    assert len(resolve_station("x" * 100)) == 64


def _import_one(db_url: str, tmp_path: Path, *extra: str) -> str:
    source = write_table(tmp_path / "list.xlsx", ["企业名称"], [["甲科技有限公司"]])
    command = ["enterprises", "import", str(source), "--db", db_url, "--registry-only", *extra]
    assert main(command) == 0  # a registry import: the database has no event
    from roadshow_desk.store.db import open_database

    database = open_database(db_url)
    try:
        with database.session() as session:
            return session.scalars(select(Enterprise.station)).one()
    finally:
        database.dispose()


def test_cli_stamps_the_station_option(db_url: str, tmp_path: Path) -> None:
    assert _import_one(db_url, tmp_path, "--station", "东区A") == "东区A"


def test_cli_stamps_the_environment_variable(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_STATION, "西区B")
    assert _import_one(db_url, tmp_path) == "西区B"


def test_cli_stamps_the_window_setting(db_url: str, tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings

    from roadshow_desk.ui.settings import Settings

    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    settings.station_name = "北区C"
    settings.sync()
    assert _import_one(db_url, tmp_path) == "北区C"
    assert (
        Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)).station_name
        == "北区C"
    )
