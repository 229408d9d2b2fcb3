"""What the import dialogs show: a preview of the first rows, and the open conflicts.

    rows = preview_rows(table, mapping, limit=30)      # PreviewRow: row number, texts, problem
    conflicts = open_conflict_rows(database)           # ConflictRow per open FieldConflict
    resolve_conflict_rows(database, ids, ConflictResolution.TOOK_FILE)

Plain functions (no Qt) that the mapping and conflict dialogs call; resolving keeps the
search index and the scores current in the same transaction (undoably:
:mod:`roadshow_desk.exchange.conflict_resolution`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from roadshow_desk.domain.edits import field_from_text
from roadshow_desk.domain.enums import ConflictResolution
from roadshow_desk.domain.labels import field_label, format_value
from roadshow_desk.domain.models import Enterprise, FieldConflict, Patent
from roadshow_desk.exchange.columns import ColumnMapping, RowRejected, row_parser
from roadshow_desk.exchange.conflict_resolution import resolve_with_undo
from roadshow_desk.exchange.patent_fields import PATENT_SPEC
from roadshow_desk.exchange.tables import Table

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from roadshow_desk.store.db import Database


@dataclass
class PreviewRow:
    """One row of the file as it would be imported (``problem`` set when it would not)."""

    row_number: int
    texts: dict[str, str]  # field -> the value as the user reads it
    problem: str | None = None


def preview_rows(table: Table, mapping: ColumnMapping, limit: int = 30) -> list[PreviewRow]:
    """The first ``limit`` rows parsed with ``mapping`` (what would be stored, or why not)."""
    parse = row_parser(mapping, PATENT_SPEC, table.header)
    rows = []
    for index, row in enumerate(table.rows[:limit]):
        number = table.row_numbers[index]
        try:
            record = parse(row)
        except RowRejected as rejected:
            texts = {name: str(row[column]) for name, column in mapping.columns.items()}
            rows.append(PreviewRow(number, texts, rejected.reason))
            continue
        rows.append(
            PreviewRow(number, {name: format_value(name, value) for name, value in record.items()})
        )
    return rows


@dataclass
class ConflictRow:
    """An open conflict as the review dialog lists it.

    For an enterprise's conflict ``patent_id`` is the firm's id, ``application_no`` is
    empty and ``title`` is the firm's name (``record_table`` tells which).
    """

    conflict_id: int
    patent_id: int
    application_no: str
    title: str
    field: str
    field_label: str
    local_text: str
    file_text: str
    record_table: str = "patent"

    @property
    def record_text(self) -> str:
        """The record as the dialog names it: application number and title, or firm name."""
        return f"{self.application_no}  {self.title}" if self.application_no else self.title


def _shown(field: str, text: str, record_table: str = "patent") -> str:
    try:
        return format_value(field, field_from_text(field, text, record_table))
    except (ValueError, KeyError):
        return text


def _bundle_conflict_rows(session: Session) -> list[ConflictRow]:
    """Open conflicts a station bundle merge found on other records (intentions, sessions,
    ...): named by their kind and, for an intention, the firm and the patent."""
    from roadshow_desk.domain.models import Intention
    from roadshow_desk.exchange.bundle_labels import kind_label

    rows = []
    conflicts = session.scalars(
        select(FieldConflict)
        .where(
            FieldConflict.record_table.not_in(("patent", "enterprise")),
            FieldConflict.resolution == ConflictResolution.OPEN,
        )
        .order_by(FieldConflict.id)
    )
    for conflict in conflicts:
        number, title = "", kind_label(conflict.record_table)
        if conflict.record_table == "intention":
            intention = session.get(Intention, conflict.record_id)
            if intention is None:
                continue
            number = intention.patent.application_no
            title = f"{title}: {intention.enterprise.name}"
        rows.append(
            ConflictRow(
                conflict.id,
                conflict.record_id,
                number,
                title,
                conflict.field,
                conflict.field,
                _shown(conflict.field, conflict.local_value, conflict.record_table),
                _shown(conflict.field, conflict.file_value, conflict.record_table),
                conflict.record_table,
            )
        )
    return rows


def open_conflict_rows(database: Database) -> list[ConflictRow]:
    """Every open conflict of patents, then of enterprises, then of the other records a
    bundle merge put to review, oldest first, readable."""
    from roadshow_desk.exchange.enterprise_import import ENTERPRISE_SPEC

    with database.session() as session:
        query = (
            select(FieldConflict, Patent.application_no, Patent.title)
            .join(Patent, Patent.id == FieldConflict.record_id)
            .where(
                FieldConflict.record_table == "patent",
                FieldConflict.resolution == ConflictResolution.OPEN,
            )
            .order_by(FieldConflict.id)
        )
        return (
            [
                ConflictRow(
                    conflict.id,
                    conflict.record_id,
                    number,
                    title,
                    conflict.field,
                    field_label(conflict.field),
                    _shown(conflict.field, conflict.local_value),
                    _shown(conflict.field, conflict.file_value),
                )
                for conflict, number, title in session.execute(query)
            ]
            + [
                ConflictRow(
                    conflict.id,
                    conflict.record_id,
                    "",
                    name,
                    conflict.field,
                    ENTERPRISE_SPEC.label_of(conflict.field),
                    _shown(conflict.field, conflict.local_value, "enterprise"),
                    _shown(conflict.field, conflict.file_value, "enterprise"),
                    "enterprise",
                )
                for conflict, name in session.execute(
                    select(FieldConflict, Enterprise.name)
                    .join(Enterprise, Enterprise.id == FieldConflict.record_id)
                    .where(
                        FieldConflict.record_table == "enterprise",
                        FieldConflict.resolution == ConflictResolution.OPEN,
                    )
                    .order_by(FieldConflict.id)
                )
            ]
            + _bundle_conflict_rows(session)
        )


def resolve_conflict_rows(
    database: Database, conflict_ids: Iterable[int], resolution: ConflictResolution
) -> list[int]:
    """Keep mine / take the file's for these conflicts; returns the patents whose values
    changed (re-indexed and rescored in the same transaction). The review dialog goes
    through :func:`~roadshow_desk.exchange.conflict_resolution.resolve_with_undo`, which
    also keeps what undo needs."""
    done = resolve_with_undo(database, conflict_ids, resolution)
    return list(done.changed_patent_ids) if done is not None else []
