"""Facet counts in SQL equal counting the patents by hand, with the search and other ticks."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import pytest
from search_reference import load_rows, scan
from sqlalchemy import select

from roadshow_desk.domain.enums import HighValueCategory, LegalStatus, PatentType
from roadshow_desk.domain.identifiers import check_character
from roadshow_desk.domain.models import Event, Institution, Patent, ShortlistEntry
from roadshow_desk.store import facets
from roadshow_desk.store.db import Database
from roadshow_desk.store.facets import (
    BAND_EDGES,
    NO_SCORE,
    Facet,
    FacetSelection,
    count_facets,
    selection_conditions,
)

TODAY = dt.date(2024, 6, 1)
TITLES = ["一种锂电池", "储能系统", "芯片封装", "电池管理芯片", "深度学习方法", "陶瓷烧结"]


def number(serial: int) -> str:
    digits = f"2020{1 + serial % 3}{serial:07d}"
    return f"CN{digits}.{check_character(digits)}"


@pytest.fixture
def library(db: Database) -> tuple[Database, int]:
    rng = random.Random(11)
    with db.session() as session:
        institutions = [
            Institution(name=n, station="t") for n in ("清华大学", "浙江大学", "中科院")
        ]
        event = Event(name="2024 春季对接会", station="t")
        session.add_all([*institutions, event])
        session.flush()
        for n in range(240):
            patent = Patent(
                station="t",
                application_no=number(n),
                title=rng.choice(TITLES),
                technical_field=rng.choice(["新能源", "新一代信息技术", "", "新材料"]),
                institution_id=rng.choice([None, *(i.id for i in institutions)]),
                patent_type=rng.choice([*PatentType, None]),
                legal_status=rng.choice(list(LegalStatus)),
                score=rng.choice([None, -5.0, 0.0, 19.9, 20.0, 45.5, 60.0, 79.99, 80.0, 100.0]),
                application_date=rng.choice(
                    [
                        None,
                        dt.date(2010, 1, 1),
                        dt.date(2014, 6, 1),
                        dt.date(2014, 6, 2),
                        dt.date(2020, 12, 31),
                        dt.date(2021, 1, 1),
                    ]
                ),
                strategic_emerging_industry=rng.choice(["", "新材料产业"]),
                overseas_family=rng.random() < 0.3,
                pledge_financing=rng.random() < 0.2,
                patent_award=rng.choice(["", "", "中国专利优秀奖"]),
                deleted_at=dt.datetime(2024, 1, 1) if rng.random() < 0.05 else None,
            )
            session.add(patent)
            session.flush()
            if rng.random() < 0.3:
                session.add(ShortlistEntry(station="t", event_id=event.id, patent_id=patent.id))
        return db, event.id


def _keys(patent: Patent, listed: set[int]) -> dict[Facet, Any]:
    score = patent.score
    band = NO_SCORE if score is None else sum(1 for edge in BAND_EDGES if score >= edge)
    categories = set()
    if patent.strategic_emerging_industry:
        categories.add(HighValueCategory.STRATEGIC_EMERGING.value)
    if patent.overseas_family:
        categories.add(HighValueCategory.OVERSEAS_FAMILY.value)
    if (
        patent.legal_status == LegalStatus.GRANTED
        and patent.application_date is not None
        and patent.application_date <= dt.date(2014, 6, 1)
    ):
        categories.add(HighValueCategory.MAINTAINED_10_YEARS.value)
    if patent.pledge_financing:
        categories.add(HighValueCategory.PLEDGE_FINANCING.value)
    if patent.patent_award:
        categories.add(HighValueCategory.PATENT_AWARD.value)
    return {
        Facet.FIELD: patent.technical_field or "",
        Facet.INSTITUTION: patent.institution_id or 0,
        Facet.TYPE: patent.patent_type.value if patent.patent_type else "",
        Facet.STATUS: patent.legal_status.value,
        Facet.SCORE: band,
        Facet.YEAR: patent.application_date.year if patent.application_date else 0,
        Facet.CATEGORY: categories,
        Facet.SHORTLISTED: patent.id in listed,
    }


def _expected(database: Database, selection: FacetSelection) -> tuple[int, dict[Facet, dict]]:
    with database.session() as session:
        patents = [p for p in session.scalars(select(Patent)) if p.deleted_at is None]
        listed = set(session.scalars(select(ShortlistEntry.patent_id)))
        hits = scan(load_rows(session), selection.query) if selection.query.strip() else None
    rows = [(p.id, _keys(p, listed)) for p in patents if hits is None or p.id in hits]

    def passes(keys: dict[Facet, Any], skip: Facet | None) -> bool:
        for facet, ticked in selection.ticked.items():
            if facet == skip or not ticked:
                continue
            value = keys[facet]
            if facet == Facet.CATEGORY:
                if not value & ticked:
                    return False
            elif value not in ticked:
                return False
        return True

    total = sum(1 for _id, keys in rows if passes(keys, None))
    counts: dict[Facet, dict] = {}
    for facet in Facet:
        tally: dict[Any, int] = {}
        for _id, keys in rows:
            if passes(keys, facet):
                values = keys[facet] if facet == Facet.CATEGORY else {keys[facet]}
                for value in values:
                    tally[value] = tally.get(value, 0) + 1
        counts[facet] = tally
    return total, counts


SELECTIONS = [
    FacetSelection(),
    FacetSelection(query="电池"),
    FacetSelection(query="芯片").with_values(Facet.TYPE, {"invention", ""}),
    FacetSelection().with_values(Facet.FIELD, {"新能源", ""}).with_values(Facet.SCORE, {4, -1}),
    FacetSelection().with_values(Facet.YEAR, {2014, 0}).with_values(Facet.STATUS, {"granted"}),
    FacetSelection().with_values(Facet.CATEGORY, {"overseas_family", "maintained_10_years"}),
    FacetSelection(query="储能").with_values(Facet.SHORTLISTED, {True}),
    FacetSelection().with_values(Facet.SHORTLISTED, {False}).with_values(Facet.INSTITUTION, {0}),
    FacetSelection().with_values(Facet.SCORE, {0, 1, 2, 3}),
]


@pytest.mark.parametrize("path", ["one pass over the hits", "one query per facet"])
@pytest.mark.parametrize("chosen", SELECTIONS)
def test_counts_equal_counting_by_hand(
    library: tuple[Database, int],
    chosen: FacetSelection,
    path: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if path == "one query per facet":
        monkeypatch.setattr(facets, "GROUPED_PASS_LIMIT", -1)
    database, event_id = library
    selection = FacetSelection(chosen.query, chosen.ticked, event_id=event_id, today=TODAY)
    total, expected = _expected(database, selection)
    with database.session() as session:
        counts = count_facets(session, selection)
        listed = session.scalars(
            select(Patent.id).where(*selection_conditions(session, selection))
        ).all()
    assert counts.total == total == len(listed)
    for facet in Facet:
        got = {value.key: value.count for value in counts.facets[facet]}
        nonzero = {key: count for key, count in got.items() if count}
        assert nonzero == expected[facet], facet
        ticked = {value.key for value in counts.facets[facet] if value.ticked}
        assert ticked == set(selection.values(facet)), facet


def test_labels_and_order_read_well(library: tuple[Database, int]) -> None:
    database, event_id = library
    with database.session() as session:
        counts = count_facets(session, FacetSelection(event_id=event_id, today=TODAY))
    fields = [value.label for value in counts.facets[Facet.FIELD]]
    assert fields[-1] == "(no field)" and set(fields[:-1]) == {"新能源", "新一代信息技术", "新材料"}
    bands = [value.label for value in counts.facets[Facet.SCORE]]
    assert bands == ["80 and above", "60–80", "40–60", "20–40", "Below 20", "No score"]
    institutions = [value.label for value in counts.facets[Facet.INSTITUTION]]
    assert institutions[-1] == "(no institution)" and "清华大学" in institutions
    years = [value.key for value in counts.facets[Facet.YEAR]]
    assert years == [2021, 2020, 2014, 2010, 0]
    types = [value.label for value in counts.facets[Facet.TYPE]]
    assert types[:3] == ["Invention", "Utility model", "Design"]
    assert [value.key for value in counts.facets[Facet.SHORTLISTED]] == [True, False]


def test_ticked_values_stay_listed_when_empty(library: tuple[Database, int]) -> None:
    database, _event = library
    selection = FacetSelection(query="不存在的词", today=TODAY).with_values(Facet.FIELD, {"新能源"})
    with database.session() as session:
        counts = count_facets(session, selection)
    assert counts.total == 0
    assert [(v.key, v.count, v.ticked) for v in counts.facets[Facet.FIELD]] == [("新能源", 0, True)]
    assert Facet.SHORTLISTED not in counts.facets  # no event


def test_selection_edits() -> None:
    selection = FacetSelection().toggled(Facet.TYPE, "invention").toggled(Facet.TYPE, "design")
    assert selection.values(Facet.TYPE) == {"invention", "design"}
    assert selection.toggled(Facet.TYPE, "design").values(Facet.TYPE) == {"invention"}
    assert not selection.cleared().ticked and selection.cleared().is_empty
    assert FacetSelection().with_values(Facet.YEAR, []).ticked == {}
