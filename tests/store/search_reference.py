"""The plain substring scan that the search must equal, written independently of it.

Imported by the search tests and the search benchmark (tests/ is on sys.path in pytest; the
benchmark adds it).
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select

from roadshow_desk.domain.identifiers import (
    InvalidApplicationNumber,
    normalize_application_number,
    to_halfwidth,
)
from roadshow_desk.domain.models import Patent

FIELDS = (
    "title",
    "abstract",
    "applicants",
    "inventors",
    "ipc_main",
    "ipc_all",
    "application_no",
    "publication_no",
)


def fold(text: str | None) -> str:
    return to_halfwidth(text or "").lower()


def _number(term: str) -> str | None:
    try:
        return normalize_application_number(term)
    except InvalidApplicationNumber:
        return None


def scan(rows: Iterable[tuple], query: str) -> set[int]:
    """Ids of rows ``(id, deleted_at, *FIELDS)`` where every query term is a substring of a
    field (case and full width folded), or spells the row's application number."""
    terms = list(dict.fromkeys(fold(query).split()))
    if not terms:
        return set()
    numbers = {term: _number(term) for term in terms}
    hits = set()
    for patent_id, deleted_at, *values in rows:
        if deleted_at is not None:
            continue
        folded = [fold(value) for value in values]
        application_no = values[FIELDS.index("application_no")]
        if all(
            any(term in value for value in folded) or numbers[term] == application_no
            for term in terms
        ):
            hits.add(patent_id)
    return hits


def load_rows(session) -> list[tuple]:  # type: ignore[no-untyped-def]
    columns = [Patent.id, Patent.deleted_at, *(getattr(Patent, name) for name in FIELDS)]
    return [tuple(row) for row in session.execute(select(*columns))]
