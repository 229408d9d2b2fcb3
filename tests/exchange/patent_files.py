"""Helpers for the importer tests: fixture paths, valid numbers, small files, DB snapshots."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from roadshow_desk.domain.identifiers import check_character
from roadshow_desk.domain.models import FieldConflict, ImportBatch, Institution, Patent

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"


def fixture(name: str) -> Path:
    return FIXTURES / name


def number(digits: str) -> str:
    """A valid application number for 12 or 8 digits."""
    return f"CN{digits}.{check_character(digits)}"


def serial_number(index: int, year: int = 2021, kind: str = "1") -> str:
    return number(f"{year}{kind}{index:07d}")


def write_csv(
    path: Path, header: list[str], rows: list[list[Any]], encoding: str = "utf-8"
) -> Path:
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def patents(database: Any) -> dict[str, Patent]:
    """Every patent by application number (detached, fully loaded)."""
    with database.session() as session:
        found = {p.application_no: p for p in session.scalars(select(Patent))}
        for patent in found.values():
            session.expunge(patent)
    return found


def counts(database: Any) -> dict[str, int]:
    """Row counts of the tables an import writes."""
    with database.session() as session:
        return {
            model.__tablename__: session.scalar(select(func.count()).select_from(model)) or 0
            for model in (Patent, ImportBatch, FieldConflict, Institution)
        }


def file_digest(path: Path | Any) -> str:
    """The database file's bytes (with its WAL) as one digest: "nothing was written".

    Given a ``Database``: its file's digest on SQLite, a digest of every table's rows on a
    server (PostgreSQL)."""
    digest = hashlib.sha256()
    if not isinstance(path, Path):
        if path.path is not None:
            return file_digest(path.path)
        from sqlalchemy import inspect, text

        with path.engine.connect() as connection:
            for table in sorted(inspect(connection).get_table_names()):
                rows = connection.execute(text(f'SELECT * FROM "{table}" ORDER BY 1')).all()
                digest.update(repr((table, rows)).encode())
        return digest.hexdigest()
    for part in (path, Path(str(path) + "-wal")):
        if part.exists():
            digest.update(part.read_bytes())
    return digest.hexdigest()


def snapshot(database: Any) -> dict[str, Any]:
    """Everything an import could change, to compare before and after."""
    with database.session() as session:
        rows = session.execute(select(Patent.__table__).order_by(Patent.application_no)).all()
        batches = session.scalar(select(func.count()).select_from(ImportBatch))
        conflicts = session.scalar(select(func.count()).select_from(FieldConflict))
        institutions = session.scalar(select(func.count()).select_from(Institution))
    return {
        "patents": [tuple(row) for row in rows],
        "batches": batches,
        "conflicts": conflicts,
        "institutions": institutions,
    }
