"""PostgreSQL specifics: the driver behind ``postgresql://`` URLs, safe display of a URL.

The app speaks to PostgreSQL through psycopg 3 (the ``postgresql`` extra). A plain
``postgresql://`` URL (what ``server init`` prints and what people type) would make
SQLAlchemy look for psycopg2, so it is given the psycopg driver here.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError

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
    except (OperationalError, InterfaceError) as error:
        raise DatabaseUnreachable(message) from error
    except DBAPIError as error:
        if error.connection_invalidated:
            raise DatabaseUnreachable(message) from error
        raise
