"""The patent library's table in SQL: its columns, their order, the ids and the rows.

The library page's model (:class:`roadshow_desk.ui.library.model.PatentTableModel`) shows
what these functions read: :func:`patent_ids` in the table's order (``ORDER BY <column>,
id``, optionally narrowed by an :data:`IdFilter`), :func:`count_patents` of the same
statement, and :func:`table_rows` of the displayed columns for a page of ids.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, SQLColumnExpression, case, func, select

from roadshow_desk.domain.enums import LegalStatus, PatentType
from roadshow_desk.domain.models import Institution, Patent
from roadshow_desk.store.db import Database

IdFilter = Callable[[Select[Any]], Select[Any]]
"""Adds WHERE clauses (or joins) to ``SELECT patent.id FROM patent ...``."""


def _enum_order(column: Any, enum_class: Any) -> ColumnElement[Any]:
    """Sort an enum column in declaration order rather than by its stored text."""
    return case({member: index for index, member in enumerate(enum_class)}, value=column)


_INSTITUTION_NAME = (
    select(Institution.name).where(Institution.id == Patent.institution_id).scalar_subquery()
)


@dataclass(frozen=True)
class Column:
    """A column of the table: the patent field it shows and how SQL orders it."""

    field: str
    value: SQLColumnExpression[Any]
    order: SQLColumnExpression[Any]
    width: int
    """Default width in average characters."""
    align_right: bool = False


COLUMNS: tuple[Column, ...] = (
    Column("application_no", Patent.application_no, Patent.application_no, 18),
    Column("title", Patent.title, Patent.title, 36),
    Column("institution", Institution.name, _INSTITUTION_NAME, 18),
    Column("patent_type", Patent.patent_type, _enum_order(Patent.patent_type, PatentType), 8),
    Column("legal_status", Patent.legal_status, _enum_order(Patent.legal_status, LegalStatus), 10),
    Column("technical_field", Patent.technical_field, Patent.technical_field, 12),
    Column("application_date", Patent.application_date, Patent.application_date, 11),
    Column("ipc_main", Patent.ipc_main, Patent.ipc_main, 12),
    Column("score", Patent.score, Patent.score, 6, align_right=True),
)

COLUMN_INDEX = {column.field: index for index, column in enumerate(COLUMNS)}


def id_statement(
    sort_column: int, descending: bool, id_filter: IdFilter | None = None
) -> Select[Any]:
    """``SELECT patent.id`` of the live patents, filtered and in the table's order."""
    statement = select(Patent.id).where(Patent.deleted_at.is_(None))
    if id_filter is not None:
        statement = id_filter(statement)
    order = COLUMNS[sort_column].order
    if descending:
        return statement.order_by(order.desc(), Patent.id.desc())
    return statement.order_by(order.asc(), Patent.id.asc())


def patent_ids(
    database: Database,
    sort_column: int,
    descending: bool,
    id_filter: IdFilter | None = None,
    *,
    limit: int | None = None,
) -> list[int]:
    """Ids of the live patents the filter keeps, in the table's order (the first ``limit``)."""
    statement = id_statement(sort_column, descending, id_filter)
    if limit is not None:
        statement = statement.limit(limit)
    with database.engine.connect() as connection:
        return list(connection.execute(statement).scalars())


def count_patents(database: Database, id_filter: IdFilter | None = None) -> int:
    """How many live patents the filter keeps."""
    ids = id_statement(0, False, id_filter).order_by(None)
    with database.engine.connect() as connection:
        return int(
            connection.execute(select(func.count()).select_from(ids.subquery())).scalar_one()
        )


def table_rows(database: Database, ids: Sequence[int]) -> dict[int, tuple[Any, ...]]:
    """The values of :data:`COLUMNS` for each of ``ids`` (one ``SELECT``), by patent id."""
    statement = (
        select(Patent.id, *(column.value for column in COLUMNS))
        .outerjoin(Institution, Institution.id == Patent.institution_id)
        .where(Patent.id.in_(ids))
    )
    with database.engine.connect() as connection:
        return {row[0]: tuple(row[1:]) for row in connection.execute(statement)}
