"""Other desks' changes on a shared server, by a light poll (no Qt here).

:func:`change_marks` reads, in one statement, a mark per watched table: its row count and
latest ``updated_at`` (every write sets it; a removal is a tombstone, or changes the count).
The window compares the marks every second (``ui.live_view``) and refreshes what changed:
today's intentions, the check-in counts, the agenda's slots.
"""

from __future__ import annotations

from roadshow_desk.store.db import Database

#: Watched table → the ``data_changed`` kind the pages listen to.
WATCHED: dict[str, str] = {
    "intention": "intention",
    "registration": "checkin",
    "slot": "agenda",
    "enterprise": "enterprise",
}

_MARKS = "SELECT " + ", ".join(
    f"(SELECT count(*) || '/' || coalesce(CAST(max(updated_at) AS text), '') FROM {table})"
    for table in WATCHED
)


def change_marks(database: Database) -> dict[str, str]:
    """``{kind: mark}`` for the watched tables (a mark changes whenever the table does)."""
    with database.engine.connect() as connection:
        row = connection.exec_driver_sql(_MARKS).one()
    return dict(zip(WATCHED.values(), (str(value) for value in row), strict=True))
