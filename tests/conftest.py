"""Shared test set-up: headless Qt, an isolated data folder, fresh databases, real data."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

# No per-example deadline (a loaded 2-core machine is no reason to fail), and on CI a fixed
# sequence of examples so that main passes or fails the same way every run.
settings.register_profile("dev", deadline=None)
settings.register_profile("ci", deadline=None, derandomize=True, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QPA_FONTDIR", "/usr/share/fonts")

REPO = Path(__file__).resolve().parents[1]
REALDATA = REPO.parent / "shared" / "realdata"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
TWO_SCREENS = Path(__file__).resolve().parent / "ui" / "two-screens.json"

# db_engine, pg_server, the postgresql marker: database tests run on SQLite and PostgreSQL.
pytest_plugins = ["pg_fixtures"]


@pytest.fixture(autouse=True, scope="session")
def _isolated_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Keep tests away from the user's real data folder and settings."""
    folder = tmp_path_factory.mktemp("data")
    os.environ["ROADSHOW_DESK_DATA_DIR"] = str(folder)
    os.environ.pop("ROADSHOW_DESK_DB", None)
    yield folder


@pytest.fixture(autouse=True)
def _station_not_left_in_the_environment() -> Iterator[None]:
    """``main(["...", "--station", "O"])`` run in the test process sets
    ``$ROADSHOW_DESK_STATION`` for the rest of the process (as the app wants): without this,
    every later test and subprocess of that worker ran as station "O" (the settings restart
    test read its station back as "O", depending on which files shared the worker)."""
    from roadshow_desk.station import ENV_STATION

    before = os.environ.get(ENV_STATION)
    yield
    if before is None:
        os.environ.pop(ENV_STATION, None)
    else:
        os.environ[ENV_STATION] = before


@pytest.fixture(autouse=True)
def _translate_in_english_below_ui() -> Iterator[None]:
    """Every test starts as a process without the window does: ``i18n.translate`` in English
    and no document-language loader. A window test's translators are not left behind for the
    next test (which made documents come out in the event's Chinese, depending on the order)."""
    yield
    from roadshow_desk import i18n

    i18n.install_hook(None)


@pytest.fixture
def db_url(tmp_path: Path, db_engine: str, request: pytest.FixtureRequest) -> str:
    """A fresh database's URL: an SQLite file, or a database on the test server."""
    if db_engine == "postgresql":
        return str(request.getfixturevalue("pg_db_url"))
    return f"sqlite:///{tmp_path / 'test.sqlite3'}"


@pytest.fixture
def db(db_url: str):  # type: ignore[no-untyped-def]
    """A fresh, empty, current database."""
    from roadshow_desk.store.db import open_database

    database = open_database(db_url)
    yield database
    database.dispose()


@pytest.fixture(scope="session")
def demo_db_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo-event database built once per session; copy it before writing to it."""
    from roadshow_desk.store.db import open_database
    from roadshow_desk.store.demo import fill_demo

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    database = open_database(f"sqlite:///{path}")
    fill_demo(database)
    database.dispose()
    return path


@pytest.fixture
def demo_db(tmp_path: Path, db_engine: str, request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    """A private copy of the demo database, free to modify."""
    from roadshow_desk.store.db import copy_database_file, open_database

    if db_engine == "postgresql":
        database = open_database(request.getfixturevalue("pg_demo_url"))
        yield database
        database.dispose()
        return
    demo_db_file = request.getfixturevalue("demo_db_file")
    target = tmp_path / "demo.sqlite3"
    copy_database_file(demo_db_file, target)
    database = open_database(f"sqlite:///{target}")
    yield database
    database.dispose()


@pytest.fixture(scope="session")
def realdata() -> Path:
    """The real exports folder beside the repo; tests using it skip when it is absent."""
    if not REALDATA.is_dir():
        pytest.skip("../shared/realdata is not present")
    return REALDATA
