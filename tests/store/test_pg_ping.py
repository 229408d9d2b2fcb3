"""A desk on a server pings a pooled connection only after it sat idle: a busy desk's
capture saves two round trips, an idle desk still reconnects silently after a restart."""

from __future__ import annotations

import time
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from roadshow_desk.store.postgres import engine_url, ping_after_idle

pytestmark = pytest.mark.postgresql


def _counted_engine(url: str, idle_seconds: float) -> tuple[Any, list[int]]:
    engine = create_engine(engine_url(url))
    pings: list[int] = []
    ping = engine.dialect.do_ping

    def counted(dbapi_connection: Any) -> bool:
        pings.append(1)
        return ping(dbapi_connection)

    engine.dialect.do_ping = counted  # type: ignore[method-assign]
    ping_after_idle(engine, idle_seconds)
    return engine, pings


def test_a_busy_desk_is_not_pinged_an_idle_one_is(pg_db_url: str) -> None:
    engine, pings = _counted_engine(pg_db_url, idle_seconds=0.5)
    try:
        for _ in range(5):  # back to back, as captures at a busy desk
            with engine.connect() as connection:
                assert connection.execute(text("SELECT 1")).scalar() == 1
        assert len(pings) == 1  # the new connection only
        time.sleep(0.6)
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        assert len(pings) == 2  # idle: pinged before use
    finally:
        engine.dispose()


def test_an_idle_desk_reconnects_silently_after_a_server_restart(
    pg_server: Any, pg_db_url: str
) -> None:
    engine, pings = _counted_engine(pg_db_url, idle_seconds=0.2)
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        pg_server.pause()  # the server restarts in the lunch break
        pg_server.resume()
        time.sleep(0.3)
        with engine.connect() as connection:  # no error: the ping found it gone
            assert connection.execute(text("SELECT 1")).scalar() == 1
        assert len(pings) >= 2
    finally:
        engine.dispose()
