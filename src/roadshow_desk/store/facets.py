"""Facets of the library: counts per value, combined with the search, all in SQL.

A :class:`FacetSelection` holds the search query and the values ticked in each facet
(technical field, institution, patent type, legal status, score band, application year,
high-value category, already on the event's shortlist). Within a facet the ticked values
are alternatives (OR); facets combine with each other and with the search (AND).

:func:`selection_conditions` turns a selection into ``WHERE`` clauses on ``patent`` (the
library model's filter hook uses them); :func:`count_facets` counts, for every facet, how
many patents each value would give — with every *other* facet's ticks applied, so ticking a
value never hides its siblings ("disjunctive" faceting). One ``GROUP BY`` query per facet,
none of them reading rows into Python.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    SQLColumnExpression,
    and_,
    case,
    extract,
    false,
    func,
    literal,
    or_,
    select,
    true,
)
from sqlalchemy.orm import Session

from roadshow_desk.domain.enums import HighValueCategory, LegalStatus, PatentType
from roadshow_desk.domain.labels import label_of
from roadshow_desk.domain.models import Institution, Patent, PatentScore, ShortlistEntry
from roadshow_desk.domain.rubric import add_years
from roadshow_desk.i18n import fmt, translate
from roadshow_desk.store.search import ids_condition, search_ids

__all__ = [
    "BAND_EDGES",
    "Facet",
    "FacetCounts",
    "FacetSelection",
    "FacetValue",
    "count_facets",
    "search_filter",
    "selection_conditions",
]

#: Score bands: below 20, 20–39.9, 40–59.9, 60–79.9, 80 and above; -1 is "no score".
BAND_EDGES: tuple[float, ...] = (20, 40, 60, 80)
NO_SCORE = -1
MAINTAINED_YEARS = 10


class Facet(enum.StrEnum):
    FIELD = "technical_field"
    INSTITUTION = "institution"
    TYPE = "patent_type"
    STATUS = "legal_status"
    SCORE = "score_band"
    YEAR = "application_year"
    CATEGORY = "high_value"
    SHORTLISTED = "shortlisted"


@dataclass(frozen=True)
class FacetSelection:
    """What the user asked for: a query and the ticked values of each facet.

    Keys: technical field text (``""``: none), institution id (0: none), patent type value
    (``""``: none), legal status value, score band (:data:`NO_SCORE` or 0–4), application
    year (0: no date), high-value category value, shortlisted ``True``/``False``.
    """

    query: str = ""
    ticked: Mapping[Facet, frozenset[Any]] = field(default_factory=dict)
    event_id: int | None = None
    today: dt.date | None = None

    def values(self, facet: Facet) -> frozenset[Any]:
        return self.ticked.get(facet, frozenset())

    def with_values(self, facet: Facet, values: Iterable[Any]) -> FacetSelection:
        ticked = dict(self.ticked)
        chosen = frozenset(values)
        if chosen:
            ticked[facet] = chosen
        else:
            ticked.pop(facet, None)
        return replace(self, ticked=ticked)

    def toggled(self, facet: Facet, value: Any) -> FacetSelection:
        current = set(self.values(facet))
        current.symmetric_difference_update({value})
        return self.with_values(facet, current)

    def cleared(self) -> FacetSelection:
        return replace(self, ticked={})

    @property
    def is_empty(self) -> bool:
        return not self.query.strip() and not any(self.ticked.values())


@dataclass(frozen=True)
class FacetValue:
    key: Any
    label: str
    count: int
    ticked: bool


@dataclass(frozen=True)
class FacetCounts:
    total: int
    facets: Mapping[Facet, list[FacetValue]]


# --------------------------------------------------------------------------- expressions


def band_of(score: SQLColumnExpression[Any]) -> ColumnElement[int]:
    """The band (0 to ``len(BAND_EDGES)``) of a score that is not NULL."""
    whens = [(score < edge, band) for band, edge in enumerate(BAND_EDGES)]
    return case(*whens, else_=len(BAND_EDGES))


def score_band() -> ColumnElement[int]:
    """The patent's score band: one look-up of its ``patent_score`` row (``Patent.score``
    in a ``CASE`` would look it up once per band)."""
    band = (
        select(band_of(PatentScore.score))
        .where(PatentScore.patent_id == Patent.id)
        .scalar_subquery()
    )
    return func.coalesce(band, NO_SCORE)


def _band_range(band: int) -> ColumnElement[bool]:
    """A score band as a range of ``patent_score.score``."""
    parts = []
    if band > 0:
        parts.append(PatentScore.score >= BAND_EDGES[min(band, len(BAND_EDGES)) - 1])
    if band < len(BAND_EDGES):
        parts.append(PatentScore.score < BAND_EDGES[band])
    return and_(*parts)


def _bands_condition(bands: frozenset[Any]) -> ColumnElement[bool]:
    """The patent's score is in one of ``bands``: one look-up of its ``patent_score`` row
    (as ``EXISTS``: an ``IN`` list would have SQLite fetch the wide patent rows by id)."""
    scored = select(PatentScore.patent_id).where(PatentScore.patent_id == Patent.id)
    parts: list[ColumnElement[bool]] = []
    ranges = [_band_range(band) for band in sorted(bands) if band != NO_SCORE]
    if ranges:
        parts.append(scored.where(or_(*ranges)).exists())
    if NO_SCORE in bands:
        parts.append(~scored.exists())
    return or_(*parts)


def application_year(dialect: str = "sqlite") -> ColumnElement[Any]:
    """The application year (0 without a date). SQLite stores dates as ``YYYY-MM-DD``
    text: its first four characters are far cheaper than ``strftime``."""
    if dialect == "sqlite":
        return func.coalesce(func.substr(Patent.application_date, 1, 4), "0")
    return func.coalesce(extract("year", Patent.application_date), 0)


def category_condition(category: HighValueCategory, today: dt.date) -> ColumnElement[bool]:
    """Whether a patent belongs to a CNIPA high-value category."""
    if category == HighValueCategory.STRATEGIC_EMERGING:
        return func.coalesce(Patent.strategic_emerging_industry, "") != ""
    if category == HighValueCategory.OVERSEAS_FAMILY:
        return Patent.overseas_family == true()
    if category == HighValueCategory.MAINTAINED_10_YEARS:
        return and_(
            Patent.legal_status == LegalStatus.GRANTED,
            Patent.application_date <= add_years(today, -MAINTAINED_YEARS),
        )
    if category == HighValueCategory.PLEDGE_FINANCING:
        return Patent.pledge_financing == true()
    return func.coalesce(Patent.patent_award, "") != ""


def _shortlisted(event_id: int | None) -> ColumnElement[bool]:
    if event_id is None:
        return false()
    entries = select(ShortlistEntry.patent_id).where(
        ShortlistEntry.event_id == event_id, ShortlistEntry.deleted_at.is_(None)
    )
    return Patent.id.in_(entries)


def _none_or_in(
    column: Any, values: frozenset[Any], none_key: Any, *, blank_is_none: bool = False
) -> ColumnElement[bool]:
    """``column`` among the real values, or missing when ``none_key`` is ticked."""
    real = [value for value in values if value != none_key]
    parts: list[ColumnElement[bool]] = []
    if real:
        parts.append(column.in_(real))
    if none_key in values:
        parts.append(func.coalesce(column, "") == "" if blank_is_none else column.is_(None))
    return or_(*parts) if parts else false()


def facet_condition(facet: Facet, selection: FacetSelection) -> ColumnElement[bool] | None:
    """The ``WHERE`` clause of one facet's ticks (``None``: nothing ticked)."""
    values = selection.values(facet)
    if not values:
        return None
    today = selection.today or dt.date.today()
    if facet == Facet.FIELD:
        return _none_or_in(Patent.technical_field, values, "", blank_is_none=True)
    if facet == Facet.INSTITUTION:
        return _none_or_in(Patent.institution_id, values, 0)
    if facet == Facet.TYPE:
        return _none_or_in(Patent.patent_type, values, "")
    if facet == Facet.STATUS:
        return Patent.legal_status.in_(list(values))
    if facet == Facet.SCORE:
        return _bands_condition(values)
    if facet == Facet.YEAR:  # as date ranges, for the application-date index
        return or_(
            *(
                and_(
                    Patent.application_date >= dt.date(year, 1, 1),
                    Patent.application_date < dt.date(year + 1, 1, 1),
                )
                if year
                else Patent.application_date.is_(None)
                for year in values
            )
        )
    if facet == Facet.CATEGORY:
        return or_(*(category_condition(HighValueCategory(v), today) for v in values))
    shortlisted = _shortlisted(selection.event_id)
    if values == {True}:
        return shortlisted
    if values == {False}:
        return ~shortlisted
    return None


def _connection(bind: Connection | Session) -> Connection:
    return bind.connection() if isinstance(bind, Session) else bind


def selection_conditions(
    bind: Connection | Session,
    selection: FacetSelection,
    *,
    skip: Facet | None = None,
    hits: ColumnElement[bool] | None = None,
) -> list[ColumnElement[bool]]:
    """``WHERE`` clauses on ``patent`` for the search and every facet but ``skip``.

    Tombstoned patents are left out. ``hits`` is the search as a condition when it was
    already run (:func:`search_filter`); otherwise the query is searched here.
    """
    conditions: list[ColumnElement[bool]] = [Patent.deleted_at.is_(None)]
    if hits is None and selection.query.strip():
        hits = search_filter(bind, selection.query)
    if hits is not None:
        conditions.append(hits)
    for facet in Facet:
        if facet == skip:
            continue
        condition = facet_condition(facet, selection)
        if condition is not None:
            conditions.append(condition)
    return conditions


def search_filter(bind: Connection | Session, query: str) -> ColumnElement[bool] | None:
    """The query's hits as one condition (searched once; ``None`` for an empty query)."""
    if not query.strip():
        return None
    return ids_condition(bind, search_ids(bind, query, limit=0))


# --------------------------------------------------------------------------- counting


def _group_counts(
    connection: Connection, key: Any, conditions: list[ColumnElement[bool]]
) -> dict[Any, int]:
    statement = select(key.label("key"), func.count()).where(*conditions).group_by(key)
    return {row[0]: int(row[1]) for row in connection.execute(statement)}


def _labels_institutions(connection: Connection, ids: Iterable[int]) -> dict[int, str]:
    wanted = [i for i in ids if i]
    if not wanted:
        return {}
    rows = connection.execute(
        select(Institution.id, Institution.name).where(Institution.id.in_(wanted))
    )
    return {row[0]: row[1] for row in rows}


def band_label(band: int) -> str:
    if band == NO_SCORE:
        return translate("Facets", "No score")
    if band == 0:
        return fmt(translate("Facets", "Below %1"), f"{BAND_EDGES[0]:g}")
    if band >= len(BAND_EDGES):
        return fmt(translate("Facets", "%1 and above"), f"{BAND_EDGES[-1]:g}")
    return f"{BAND_EDGES[band - 1]:g}–{BAND_EDGES[band]:g}"


def facet_title(facet: Facet) -> str:
    titles = {
        Facet.FIELD: translate("Facets", "Technical field"),
        Facet.INSTITUTION: translate("Facets", "Institution"),
        Facet.TYPE: translate("Facets", "Patent type"),
        Facet.STATUS: translate("Facets", "Legal status"),
        Facet.SCORE: translate("Facets", "Score"),
        Facet.YEAR: translate("Facets", "Application year"),
        Facet.CATEGORY: translate("Facets", "High-value category"),
        Facet.SHORTLISTED: translate("Facets", "On the shortlist"),
    }
    return titles[facet]


#: With a search of at most this many hits, the facets are counted from one grouped pass
#: over the hits; otherwise (and without a search) one GROUP BY per facet on its index.
GROUPED_PASS_LIMIT = 30_000


def count_facets(
    bind: Connection | Session,
    selection: FacetSelection,
    *,
    hit_ids: list[int] | None = None,
) -> FacetCounts:
    """Every facet's values with their counts under the rest of the selection.

    ``hit_ids``: the search's hits when it was already run (to not run it twice).
    """
    connection = _connection(bind)
    today = selection.today or dt.date.today()
    if hit_ids is None and selection.query.strip():
        hit_ids = search_ids(connection, selection.query, limit=0)
    hits = _hits_condition(connection, hit_ids) if hit_ids is not None else None
    if hit_ids is not None and len(hit_ids) <= GROUPED_PASS_LIMIT:
        total, raw = _counts_in_one_pass(connection, selection, hits, today)
    else:
        total, raw = _counts_per_facet(connection, selection, hits, today)
    return FacetCounts(total, _labelled(connection, selection, raw))


def _hits_condition(connection: Connection, hit_ids: list[int]) -> ColumnElement[bool]:
    """The hits as a condition; when they are most of the library, as "not one of the
    others" (a short list is cheaper to probe in every facet query)."""
    if len(hit_ids) <= GROUPED_PASS_LIMIT:
        return ids_condition(connection, hit_ids)
    live = connection.scalars(select(Patent.id).where(Patent.deleted_at.is_(None))).all()
    found = set(hit_ids)
    others = [patent_id for patent_id in live if patent_id not in found]
    if len(others) >= len(hit_ids):
        return ids_condition(connection, hit_ids)
    return ~ids_condition(connection, others)


def _facet_keys(selection: FacetSelection, today: dt.date, dialect: str) -> dict[Facet, Any]:
    """The SQL expression giving each facet's key of a patent (categories as bit sets)."""
    bits: ColumnElement[int] = literal(0)
    for index, category in enumerate(HighValueCategory):
        bits = bits + case((category_condition(category, today), 1 << index), else_=0)
    keys: dict[Facet, Any] = {
        Facet.FIELD: func.coalesce(Patent.technical_field, ""),
        Facet.INSTITUTION: func.coalesce(Patent.institution_id, 0),
        Facet.TYPE: Patent.patent_type,
        Facet.STATUS: Patent.legal_status,
        Facet.SCORE: score_band(),
        Facet.YEAR: application_year(dialect),
        Facet.CATEGORY: bits,
    }
    if selection.event_id is not None:
        keys[Facet.SHORTLISTED] = case((_shortlisted(selection.event_id), 1), else_=0)
    return keys


def _python_key(facet: Facet, value: Any) -> Any:
    if facet in (Facet.TYPE, Facet.STATUS):
        return str(value) if value else ""
    if facet == Facet.SHORTLISTED:
        return bool(value)
    if facet in (Facet.INSTITUTION, Facet.YEAR, Facet.SCORE):
        return int(value or 0) if facet != Facet.SCORE else int(value)
    return value


def _categories_of(bits: int) -> list[str]:
    return [c.value for index, c in enumerate(HighValueCategory) if bits & (1 << index)]


def _counts_in_one_pass(
    connection: Connection,
    selection: FacetSelection,
    hits: ColumnElement[bool] | None,
    today: dt.date,
) -> tuple[int, dict[Facet, dict[Any, int]]]:
    """Group the (few) hits by every facet key at once; marginals over the groups."""
    keys = _facet_keys(selection, today, connection.dialect.name)
    facets = list(keys)
    columns = [keys[facet] for facet in facets]
    where = [Patent.deleted_at.is_(None)] + ([hits] if hits is not None else [])
    statement = select(*columns, func.count()).where(*where).group_by(*columns)
    groups = []
    for row in connection.execute(statement):
        values = {facet: _python_key(facet, row[i]) for i, facet in enumerate(facets)}
        groups.append((values, int(row[-1])))

    def passes(values: dict[Facet, Any], skip: Facet | None) -> bool:
        for facet, ticked in selection.ticked.items():
            if facet == skip or not ticked or facet not in values:
                continue
            if facet == Facet.CATEGORY:
                if not set(_categories_of(values[facet])) & ticked:
                    return False
            elif values[facet] not in ticked:
                return False
        return True

    total = sum(count for values, count in groups if passes(values, None))
    raw: dict[Facet, dict[Any, int]] = {}
    for facet in facets:
        tally: dict[Any, int] = {}
        for values, count in groups:
            if passes(values, facet):
                found = (
                    _categories_of(values[facet]) if facet == Facet.CATEGORY else [values[facet]]
                )
                for key in found:
                    tally[key] = tally.get(key, 0) + count
        raw[facet] = tally
    return total, raw


def _counts_per_facet(
    connection: Connection,
    selection: FacetSelection,
    hits: ColumnElement[bool] | None,
    today: dt.date,
) -> tuple[int, dict[Facet, dict[Any, int]]]:
    """One ``GROUP BY`` per facet, each with the other facets' ticks (covering indexes)."""

    def where(skip: Facet | None) -> list[ColumnElement[bool]]:
        return selection_conditions(connection, selection, skip=skip, hits=hits)

    counted = select(func.count()).select_from(Patent).where(*where(None))
    total = int(connection.scalar(counted) or 0)
    keys = _facet_keys(selection, today, connection.dialect.name)
    raw: dict[Facet, dict[Any, int]] = {}
    for facet, key in keys.items():
        if facet == Facet.CATEGORY:
            categories = list(HighValueCategory)
            sums = [
                func.coalesce(func.sum(case((category_condition(c, today), 1), else_=0)), 0)
                for c in categories
            ]
            statement = select(*sums).select_from(Patent).where(*where(facet))
            row = connection.execute(statement).one()
            raw[facet] = {c.value: int(n) for c, n in zip(categories, row, strict=True) if n}
            continue
        tally: dict[Any, int] = {}
        for value, count in _group_counts(connection, key, where(facet)).items():
            python_key = _python_key(facet, value)
            tally[python_key] = tally.get(python_key, 0) + count
        raw[facet] = tally
    return total, raw


def _labelled(
    connection: Connection, selection: FacetSelection, raw: dict[Facet, dict[Any, int]]
) -> dict[Facet, list[FacetValue]]:
    """Counts with their labels, in the order each facet reads best; ticked values stay."""
    result: dict[Facet, list[FacetValue]] = {}

    def values(facet: Facet, label: Any, order: Any) -> None:
        counts = {key: n for key, n in raw.get(facet, {}).items() if n}
        ticked = selection.values(facet)
        keys = sorted(set(counts) | set(ticked), key=lambda k: order(k, counts))
        result[facet] = [FacetValue(k, label(k), counts.get(k, 0), k in ticked) for k in keys]

    values(
        Facet.FIELD,
        lambda k: k or translate("Facets", "(no field)"),
        lambda k, c: (k == "", -c.get(k, 0), k),
    )
    names = _labels_institutions(connection, raw.get(Facet.INSTITUTION, {}))
    values(
        Facet.INSTITUTION,
        lambda k: names.get(k) or translate("Facets", "(no institution)"),
        lambda k, c: (k == 0, -c.get(k, 0), names.get(k, "")),
    )
    type_order = {member.value: index for index, member in enumerate(PatentType)}
    values(
        Facet.TYPE,
        lambda k: label_of(PatentType, k) if k else translate("Facets", "(no type)"),
        lambda k, c: type_order.get(k, len(type_order)),
    )
    status_order = {member.value: index for index, member in enumerate(LegalStatus)}
    values(
        Facet.STATUS,
        lambda k: label_of(LegalStatus, k),
        lambda k, c: status_order.get(k, len(status_order)),
    )
    values(Facet.SCORE, band_label, lambda k, c: (k == NO_SCORE, -k))
    values(
        Facet.YEAR,
        lambda k: str(k) if k else translate("Facets", "(no date)"),
        lambda k, c: (k == 0, -k),
    )
    category_order = [c.value for c in HighValueCategory]
    values(
        Facet.CATEGORY,
        lambda k: label_of(HighValueCategory, k),
        lambda k, c: category_order.index(k),
    )
    if selection.event_id is not None:
        values(
            Facet.SHORTLISTED,
            lambda k: (
                translate("Facets", "On the shortlist")
                if k
                else translate("Facets", "Not on the shortlist")
            ),
            lambda k, c: not k,
        )
    return result
