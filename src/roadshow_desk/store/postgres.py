"""PostgreSQL specifics: the driver behind ``postgresql://`` URLs, safe display of a URL.

The app speaks to PostgreSQL through psycopg 3 (the ``postgresql`` extra). A plain
``postgresql://`` URL (what ``server init`` prints and what people type) would make
SQLAlchemy look for psycopg2, so it is given the psycopg driver here.
"""

from __future__ import annotations

from sqlalchemy.engine import URL, make_url

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
