"""Resolving import conflicts so that the resolution can be taken back exactly (undo).

    done = resolve_with_undo(database, conflict_ids, ConflictResolution.TOOK_FILE)
    if done is not None:          # None: none of them was still open
        ...                       # later, Edit ▸ Undo:
        undo_resolution(database, done)

:func:`resolve_with_undo` resolves the conflicts that are still open (``domain.edits``
decides what "keep mine" and "take the file's" do), re-indexes and rescores the patents
whose values changed, and returns a :class:`ConflictResolutionUndo`: the rows of the
conflicts and of the records concerned (patents, enterprises) as they were before and after,
each patent's cached score before and after, and whether it was waiting in the search
index's queue. :func:`undo_resolution` writes back, column by column, what the resolution
changed (a field's value, ``local_edits``, ``imported_values``, ``updated_at``, the
conflict's resolution and time ...): the conflicts are open again and the rows read as they
did before. A column is put back only if it still holds what the resolution wrote, so an
import made in between keeps its values (and its ``updated_at``). The score is put back
likewise, the patent's index entry made to hold the restored text, and the patent queued for
indexing exactly when it was queued before. Redo is :func:`resolve_with_undo` again. Each
function runs in one transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import Connection, Table, delete, select, update

from roadshow_desk.domain.edits import RECORD_TABLES, resolve_conflicts
from roadshow_desk.domain.enums import ConflictResolution
from roadshow_desk.domain.models import FieldConflict, PatentScore
from roadshow_desk.store.search_index import PENDING_TABLE

if TYPE_CHECKING:
    from roadshow_desk.store.db import Database

#: The search index's queue: patents whose index entry may be stale.
SEARCH_QUEUE = PENDING_TABLE
_CONFLICT_TABLE = "field_conflict"


@dataclass(frozen=True)
class RowChange:
    """A row of ``table`` before and after the resolution (every column, as stored)."""

    table: str
    before: dict[str, Any]
    after: dict[str, Any]

    @property
    def row_id(self) -> int:
        return int(self.before["id"])

    def reverted(self, current: dict[str, Any]) -> dict[str, Any]:
        """The columns the resolution changed and that still hold what it wrote (``current``:
        the row now), with their values from before."""
        return {
            name: value
            for name, value in self.before.items()
            if name != "id"
            and self.after.get(name) != value
            and current.get(name) == self.after[name]
        }


@dataclass(frozen=True)
class PatentState:
    """A patent's derived data before and after: its score (``None``: none) and queueing."""

    patent_id: int
    score_before: float | None
    score_after: float | None
    queued: bool


@dataclass(frozen=True)
class ConflictResolutionUndo:
    """What one resolution changed, and what it replaced."""

    resolution: ConflictResolution
    conflicts: tuple[RowChange, ...]
    records: tuple[RowChange, ...]
    patents: tuple[PatentState, ...]
    changed_patent_ids: tuple[int, ...]
    """Patents whose values changed (taking the file's value); keeping mine changes none."""

    @property
    def conflict_ids(self) -> list[int]:
        return [change.row_id for change in self.conflicts]


def _table(name: str) -> Table:
    if name == _CONFLICT_TABLE:
        return cast(Table, FieldConflict.__table__)
    return cast(Table, RECORD_TABLES[name][0].__table__)


def _rows(connection: Connection, table: str, ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    found = _table(table)
    statement = select(found).where(found.c.id.in_(list(ids)))
    return {row["id"]: dict(row) for row in connection.execute(statement).mappings()}


def _scores(connection: Connection, patent_ids: Sequence[int]) -> dict[int, float]:
    statement = select(PatentScore.patent_id, PatentScore.score).where(
        PatentScore.patent_id.in_(list(patent_ids))
    )
    return {row[0]: row[1] for row in connection.execute(statement)}


def _queued(connection: Connection, patent_ids: Sequence[int]) -> set[int]:
    from roadshow_desk.store.search import ensure_search_schema

    if not patent_ids or not ensure_search_schema(connection):
        return set()
    marks = ",".join("?" * len(patent_ids))
    sql = f"SELECT patent_id FROM {SEARCH_QUEUE} WHERE patent_id IN ({marks})"
    return {row[0] for row in connection.exec_driver_sql(sql, tuple(patent_ids))}


def _records_of(conflicts: Sequence[FieldConflict]) -> dict[str, list[int]]:
    """``{record table: [record ids]}`` of the conflicts (tables that can be resolved)."""
    wanted: dict[str, list[int]] = {}
    for conflict in conflicts:
        if conflict.record_table not in RECORD_TABLES:
            continue
        ids = wanted.setdefault(conflict.record_table, [])
        if conflict.record_id not in ids:
            ids.append(conflict.record_id)
    return wanted


def resolve_with_undo(
    database: Database, conflict_ids: Iterable[int], resolution: ConflictResolution
) -> ConflictResolutionUndo | None:
    """Keep mine / take the file's for those of these conflicts still open, in one
    transaction; ``None`` when none was open (nothing to undo)."""
    from roadshow_desk.store.scoring import rescore
    from roadshow_desk.store.search import index_patents

    ids = sorted(set(conflict_ids))
    if not ids:
        return None
    with database.session() as session:
        conflicts = list(
            session.scalars(
                select(FieldConflict)
                .where(
                    FieldConflict.id.in_(ids),
                    FieldConflict.resolution == ConflictResolution.OPEN,
                )
                .order_by(FieldConflict.id)
            )
        )
        if not conflicts:
            return None
        connection = session.connection()
        wanted = {_CONFLICT_TABLE: [c.id for c in conflicts], **_records_of(conflicts)}
        before = {table: _rows(connection, table, ids) for table, ids in wanted.items()}
        patent_ids = sorted(before.get("patent", {}))
        scores_before = _scores(connection, patent_ids)
        queued = _queued(connection, patent_ids)

        touched = resolve_conflicts(session, conflicts, resolution)
        session.flush()
        changed = touched if resolution == ConflictResolution.TOOK_FILE else []
        if changed:
            index_patents(session, changed)
            rescore(session, patent_ids=changed)  # type, status, dates... earn points

        after = {table: _rows(connection, table, ids) for table, ids in wanted.items()}
        scores_after = _scores(connection, patent_ids)
    changes = {
        table: tuple(
            RowChange(table, row, after[table].get(row_id, row))
            for row_id, row in sorted(rows.items())
        )
        for table, rows in before.items()
    }
    return ConflictResolutionUndo(
        resolution,
        changes.pop(_CONFLICT_TABLE),
        tuple(change for table_changes in changes.values() for change in table_changes),
        tuple(
            PatentState(pid, scores_before.get(pid), scores_after.get(pid), pid in queued)
            for pid in patent_ids
        ),
        tuple(changed),
    )


def undo_resolution(database: Database, done: ConflictResolutionUndo) -> None:
    """Put back what ``done`` changed: conflicts open, the records' columns, the scores and
    the search queue as they were (in one transaction)."""
    from roadshow_desk.store.search import index_patents

    with database.session() as session:
        connection = session.connection()
        for change in (*done.conflicts, *done.records):
            current = _rows(connection, change.table, [change.row_id]).get(change.row_id)
            values = change.reverted(current) if current is not None else {}
            if values:
                table = _table(change.table)
                connection.execute(update(table).where(table.c.id == change.row_id).values(values))
        scores: Table = PatentScore.__table__  # type: ignore[assignment]
        now = _scores(connection, [state.patent_id for state in done.patents])
        for state in done.patents:
            if state.score_before == state.score_after or now.get(state.patent_id) != (
                state.score_after
            ):
                continue
            connection.execute(delete(scores).where(PatentScore.patent_id == state.patent_id))
            if state.score_before is not None:
                connection.execute(
                    scores.insert().values(patent_id=state.patent_id, score=state.score_before)
                )
        # Writing the values back queued the patents (the index's triggers): index them (the
        # restored text), then queue again those that were queued before.
        index_patents(session, [state.patent_id for state in done.patents])
        queued = [state.patent_id for state in done.patents if state.queued]
        if queued and _table_exists(connection, SEARCH_QUEUE):
            connection.exec_driver_sql(
                f"INSERT OR IGNORE INTO {SEARCH_QUEUE}(patent_id) VALUES (?)",
                [(patent_id,) for patent_id in queued],
            )


def _table_exists(connection: Connection, name: str) -> bool:
    if connection.dialect.name != "sqlite":
        return False
    found = connection.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
    ).first()
    return found is not None
