"""The rescore of a few patents on PostgreSQL in one round trip (a capture's).

A recorded intention rescores its patent under the active rubric
(:func:`roadshow_desk.store.scoring.rescore`): read the active rubric's weights, then run
the upsert compiled for them. On a server each statement is a round trip, about as much
as the insert itself. Here the upsert is compiled once per (weights, day) with a guard: it
reads the active weights itself and writes only if they are the ones it was compiled for,
and returns them. When they are (every capture but the first of a day or after a rubric
change), that is the whole rescore; otherwise nothing was written, and the two-statement
path runs and its weights are remembered.
"""

from __future__ import annotations

import datetime as dt
import threading
from typing import Any

from sqlalchemy import Connection, and_, func, literal_column
from sqlalchemy.orm import Session

from roadshow_desk.domain.models import Patent
from roadshow_desk.domain.rubric import RubricSpec

_ACTIVE = "SELECT weights::text AS w FROM rubric WHERE is_active ORDER BY id LIMIT 1"
_lock = threading.Lock()
#: (day, the active weights as stored, the guarded upsert for them: of ``%(ids)s``, of one
#: ``%(id)s``): the last compiled.
_last: tuple[dt.date, str, str, str] | None = None


def rescore_ids(
    bind: Connection | Session, connection: Connection, today: dt.date, ids: list[int]
) -> int:
    """Rescore the patents ``ids`` under the active rubric; returns the scores changed."""
    global _last
    last = _last
    if last is not None and last[0] == today:
        if len(ids) == 1:  # a capture's: a plan the server keeps (prepared, generic)
            row = connection.exec_driver_sql(last[3], {"id": ids[0], "weights": last[1]}).one()
        else:
            row = connection.exec_driver_sql(last[2], {"ids": ids, "weights": last[1]}).one()
        if row[0] == last[1]:
            return int(row[1])
    from roadshow_desk.store.scoring import _pg_rescore_sql

    result = connection.exec_driver_sql(_pg_rescore_sql(bind, today), {"ids": ids})
    changed = int(result.rowcount or 0)
    stored = connection.exec_driver_sql(_ACTIVE).scalar()
    if stored is not None:
        spec = RubricSpec.from_json(_parsed(stored))
        many = _guarded_sql(spec, today, "CAST(rs_patent_ids AS integer[])", "%(ids)s", True)
        one = _guarded_sql(spec, today, "CAST(rs_patent_ids AS integer)", "%(id)s", False)
        with _lock:
            _last = (today, str(stored), many, one)
    return changed


def _parsed(stored: str) -> Any:
    import json

    return json.loads(stored)


def _guarded_sql(spec: RubricSpec, today: dt.date, ids: str, parameter: str, array: bool) -> str:
    """The guarded upsert for ``spec``: ``ids`` (SQL naming ``rs_patent_ids``) becomes
    ``parameter``; ``array``: the patent is any of them, else it is the one."""
    from sqlalchemy.dialects.postgresql import psycopg as pg_psycopg

    from roadshow_desk.store.scoring import _upsert_scores

    dialect = pg_psycopg.dialect()  # type: ignore[no-untyped-call]  # unannotated __init__
    patent = func.any(literal_column(ids)) if array else literal_column(ids)
    which = and_(Patent.id == patent, literal_column("rs_weights_guard"))
    statement = _upsert_scores(spec, today, "postgresql", which)
    upsert = (
        str(statement.compile(dialect=dialect, compile_kwargs={"literal_binds": True}))
        .replace("rs_patent_ids", parameter)  # after compiling (which doubles a % sign)
        .replace("rs_weights_guard", "(SELECT w FROM active) = %(weights)s")
    )
    return (
        f"WITH active AS ({_ACTIVE}), changed AS ({upsert} RETURNING 1) "
        "SELECT (SELECT w FROM active), (SELECT count(*) FROM changed)"
    )
