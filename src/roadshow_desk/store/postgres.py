"""PostgreSQL specifics: the driver behind ``postgresql://`` URLs, safe display of a URL.

The app speaks to PostgreSQL through psycopg 3 (the ``postgresql`` extra). A plain
``postgresql://`` URL (what ``server init`` prints and what people type) would make
SQLAlchemy look for psycopg2, so it is given the psycopg driver here.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import DBAPIError, InterfaceError, InvalidatePoolError, OperationalError

from roadshow_desk.errors import InputError

POSTGRES_DRIVER = "postgresql+psycopg"


def is_postgresql(url: str | URL) -> bool:
    return make_url(url).get_backend_name() == "postgresql"


def engine_url(url: str) -> str | URL:
    """``url`` with the psycopg driver when it names PostgreSQL without a driver."""
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        return parsed.set(drivername=POSTGRES_DRIVER)
    return url


def display_url(url: str | URL) -> str:
    """The URL with its password hidden (for logs, the status bar and messages)."""
    return make_url(url).render_as_string(hide_password=True)


class DatabaseUnreachable(InputError):
    """The database server went away (stopped, the LAN gone) in the middle of an operation;
    its transaction was not committed. The message is one sentence for the user."""


@contextmanager
def unreachable(message: str) -> Iterator[None]:
    """Inside the block, a lost or refused connection raises :class:`DatabaseUnreachable`
    with ``message`` (translated by the caller) instead of a driver error."""
    try:
        yield
    except DBAPIError as error:
        if is_unreachable(error):
            raise DatabaseUnreachable(message) from error
        raise


def is_unreachable(error: BaseException) -> bool:
    """Whether ``error`` is a database that cannot be reached (a lost or refused connection),
    not a bug: what :func:`unreachable` turns into one sentence."""
    if isinstance(error, DatabaseUnreachable | OperationalError | InterfaceError):
        return True
    return isinstance(error, DBAPIError) and bool(error.connection_invalidated)


#: A pooled connection used less than this many seconds ago is taken as alive without a
#: ping. On a server the window's live view (``ui/live_view.py``) reads the database every
#: second, so a lost server is noticed there (and the pool emptied) within a second anyway.
PING_AFTER_IDLE_SECONDS = 5.0


def ping_after_idle(engine: Engine, idle_seconds: float = PING_AFTER_IDLE_SECONDS) -> None:
    """Ping a pooled connection at checkout only when it has been idle ``idle_seconds``: the
    silent reconnect of ``pool_pre_ping`` (a server restarted in the lunch break) without
    its two extra round trips (BEGIN, SELECT 1) on every capture of a busy desk. A failed
    ping empties the pool and the checkout opens a new connection, as ``pool_pre_ping`` does;
    a connection lost within the idle time fails its statement, which the capture and the
    import already turn into one sentence, keeping what was typed."""

    @event.listens_for(engine, "checkout")
    def _checkout(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        last = record.info.get("roadshow_used_at")
        if last is not None and time.monotonic() - last < idle_seconds:
            return
        try:
            engine.dialect.do_ping(dbapi_connection)
        except Exception as error:
            raise InvalidatePoolError() from error

    @event.listens_for(engine, "checkin")
    def _checkin(_dbapi_connection: Any, record: Any) -> None:
        record.info["roadshow_used_at"] = time.monotonic()
