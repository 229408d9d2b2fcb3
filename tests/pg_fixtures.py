"""One suite, two engines: the PostgreSQL side of the test fixtures (a pytest plugin).

- ``pg_server``: the session's throwaway cluster (:mod:`pg_server`); tests that use it are
  marked ``postgresql``. Where no server binaries exist they skip with the reason; on CI
  (``CI`` set) a skipped ``postgresql`` test fails the run instead.
- ``db_engine``: ``"sqlite"`` or ``"postgresql"``. Tests under the directories in
  :data:`TWO_ENGINE_DIRS` that use the database fixtures (``db``, ``db_url``, ``demo_db``)
  run once per engine; elsewhere (the window tests) on SQLite only. A test that is about
  SQLite itself is marked ``sqlite_only("why")``.
- ``pg_db_url`` / ``pg_demo_url``: a fresh database on the server, copied from a migrated
  (or demo-filled) template database: a file copy per test, no migration.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from pg_server import PgServer, missing_reason, shared_server, stop_shared_server

TESTS = Path(__file__).resolve().parent
#: Test directories (under tests/) whose database tests run on both engines.
TWO_ENGINE_DIRS = ("store", "exchange", "domain", "cli")
ENGINES = ("sqlite", "postgresql")


def _on_ci() -> bool:
    return os.environ.get("CI", "").lower() not in ("", "0", "false", "no")


def _two_engines(definition: pytest.Function) -> bool:
    try:
        relative = Path(str(definition.path)).resolve().relative_to(TESTS)
    except ValueError:
        return False
    if len(relative.parts) < 2 or relative.parts[0] not in TWO_ENGINE_DIRS:
        return False
    return definition.get_closest_marker("sqlite_only") is None


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "db_engine" not in metafunc.fixturenames or not _two_engines(metafunc.definition):
        return
    metafunc.parametrize(
        "db_engine",
        [pytest.param("sqlite"), pytest.param("postgresql", marks=pytest.mark.postgresql)],
        indirect=True,
    )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        names = getattr(item, "fixturenames", ())
        if "pg_server" in names and item.get_closest_marker("postgresql") is None:
            item.add_marker(pytest.mark.postgresql)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):  # type: ignore[no-untyped-def]
    outcome = yield
    report = outcome.get_result()
    if report.skipped and _on_ci() and item.get_closest_marker("postgresql") is not None:
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        report.outcome = "failed"
        report.longrepr = f"a postgresql test was skipped on CI (CI must run them): {reason}"


@pytest.fixture
def db_engine(request: pytest.FixtureRequest) -> str:
    """The engine of this test's database (see the module notes)."""
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    reason = missing_reason()
    if reason is not None:
        pytest.skip(reason)
    yield shared_server()
    stop_shared_server()


def _fresh(server: PgServer, template: str) -> Iterator[str]:
    url = server.create_database(template)
    yield url
    server.drop_database(url)


@pytest.fixture
def pg_db_url(pg_server: PgServer) -> Iterator[str]:
    """A fresh, empty, current database on the server."""
    yield from _fresh(pg_server, pg_server.template("rs_empty"))


@pytest.fixture
def pg_demo_url(pg_server: PgServer) -> Iterator[str]:
    """A fresh copy of the demo fair on the server (filled once per session)."""
    from roadshow_desk.store.demo import fill_demo

    yield from _fresh(pg_server, pg_server.template("rs_demo", fill_demo))
