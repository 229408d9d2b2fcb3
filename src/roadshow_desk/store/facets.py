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
from roadshow_desk.domain.models import Institution, Patent, ShortlistEntry
from roadshow_desk.domain.rubric import add_years
from roadshow_desk.i18n import translate
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


def score_band() -> ColumnElement[int]:
    whens: list[tuple[ColumnElement[bool], int]] = [(Patent.score.is_(None), NO_SCORE)]
    whens += [(Patent.score < edge, band) for band, edge in enumerate(BAND_EDGES)]
    return case(*whens, else_=len(BAND_EDGES))


def _band_range(band: int) -> ColumnElement[bool]:
    if band == NO_SCORE:
        return Patent.score.is_(None)
    parts = []
    if band > 0:
        parts.append(Patent.score >= BAND_EDGES[min(band, len(BAND_EDGES)) - 1])
    if band < len(BAND_EDGES):
        parts.append(Patent.score < BAND_EDGES[band])
    return and_(*parts)


def application_year() -> ColumnElement[int]:
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
    if facet == Facet.SCORE:  # as ranges, so the score index can serve them
        return or_(*(_band_range(band) for band in values))
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
        return translate("Facets", "Below %1").replace("%1", f"{BAND_EDGES[0]:g}")
    if band >= len(BAND_EDGES):
        return translate("Facets", "%1 and above").replace("%1", f"{BAND_EDGES[-1]:g}")
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


def count_facets(bind: Connection | Session, selection: FacetSelection) -> FacetCounts:
    """Every facet's values with their counts under the rest of the selection."""
    connection = _connection(bind)
    today = selection.today or dt.date.today()
    hits = search_filter(connection, selection.query)

    def where(skip: Facet | None) -> list[ColumnElement[bool]]:
        return selection_conditions(connection, selection, skip=skip, hits=hits)

    total = int(
        connection.scalar(select(func.count()).select_from(Patent).where(*where(None))) or 0
    )
    result: dict[Facet, list[FacetValue]] = {}

    def values(facet: Facet, counts: Mapping[Any, int], label: Any, order: Any = None) -> None:
        ticked = selection.values(facet)
        keys = set(counts) | set(ticked)
        ordered = (
            sorted(keys, key=order) if order else sorted(keys, key=lambda k: -counts.get(k, 0))
        )
        result[facet] = [FacetValue(k, label(k), counts.get(k, 0), k in ticked) for k in ordered]

    fields = _group_counts(
        connection, func.coalesce(Patent.technical_field, ""), where(Facet.FIELD)
    )
    values(
        Facet.FIELD,
        fields,
        lambda k: k or translate("Facets", "(no field)"),
        lambda k: (k == "", -fields.get(k, 0), k),
    )
    institutions = _group_counts(
        connection, func.coalesce(Patent.institution_id, 0), where(Facet.INSTITUTION)
    )
    names = _labels_institutions(connection, institutions)
    values(
        Facet.INSTITUTION,
        institutions,
        lambda k: names.get(k) or translate("Facets", "(no institution)"),
        lambda k: (k == 0, -institutions.get(k, 0), names.get(k, "")),
    )
    types = {
        (str(k) if k else ""): n
        for k, n in _group_counts(connection, Patent.patent_type, where(Facet.TYPE)).items()
    }
    type_order = {member.value: index for index, member in enumerate(PatentType)}
    values(
        Facet.TYPE,
        types,
        lambda k: label_of(PatentType, k) if k else translate("Facets", "(no type)"),
        lambda k: type_order.get(k, len(type_order)),
    )
    statuses = {
        str(k): n
        for k, n in _group_counts(connection, Patent.legal_status, where(Facet.STATUS)).items()
    }
    status_order = {member.value: index for index, member in enumerate(LegalStatus)}
    values(
        Facet.STATUS,
        statuses,
        lambda k: label_of(LegalStatus, k),
        lambda k: status_order.get(k, len(status_order)),
    )
    bands = _group_counts(connection, score_band(), where(Facet.SCORE))
    values(Facet.SCORE, bands, band_label, lambda k: (k == NO_SCORE, -k))
    years = _group_counts(connection, application_year(), where(Facet.YEAR))
    values(
        Facet.YEAR,
        {int(k or 0): v for k, v in years.items()},
        lambda k: str(k) if k else translate("Facets", "(no date)"),
        lambda k: (k == 0, -k),
    )
    categories = list(HighValueCategory)
    sums = [
        func.coalesce(func.sum(case((category_condition(c, today), 1), else_=0)), 0)
        for c in categories
    ]
    row = connection.execute(select(*sums).select_from(Patent).where(*where(Facet.CATEGORY))).one()
    values(
        Facet.CATEGORY,
        {c.value: int(n) for c, n in zip(categories, row, strict=True) if n},
        lambda k: label_of(HighValueCategory, k),
        lambda k: [c.value for c in categories].index(k),
    )
    if selection.event_id is not None:
        listed = _shortlisted(selection.event_id)
        flags = _group_counts(
            connection, case((listed, literal(1)), else_=literal(0)), where(Facet.SHORTLISTED)
        )
        values(
            Facet.SHORTLISTED,
            {bool(k): v for k, v in flags.items()},
            lambda k: (
                translate("Facets", "On the shortlist")
                if k
                else translate("Facets", "Not on the shortlist")
            ),
            lambda k: not k,
        )
    return FacetCounts(total, result)
