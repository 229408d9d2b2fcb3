"""Recording, editing, removing and restoring intentions keep the cached scores current."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from fairday_data import make_fair_day
from roadshow_desk.domain.capture import IntentionDraft
from roadshow_desk.domain.enums import IntentionKind, LegalStatus, PatentType
from roadshow_desk.domain.models import Patent, PatentScore
from roadshow_desk.domain.rubric import Criterion, RubricSpec
from roadshow_desk.store.intentions import (
    record_intention,
    set_intention_deleted,
    update_intention,
)
from roadshow_desk.store.scoring import active_spec, preview_scores, rescore, save_rubric

PER_INTENTION = RubricSpec().weight(Criterion.ENTERPRISE_INTEREST)


def cached(db, patent_id: int) -> float | None:  # type: ignore[no-untyped-def]
    with db.session() as session:
        return session.scalar(select(PatentScore.score).where(PatentScore.patent_id == patent_id))


def computed(db, patent_id: int) -> float:  # type: ignore[no-untyped-def]
    """The score the rubric gives now (not the cached one)."""
    with db.session() as session:
        rows = dict(session.execute(preview_scores(session, active_spec(session))).all())
    return float(rows[patent_id])


@pytest.fixture
def day(db):  # type: ignore[no-untyped-def]
    fair = make_fair_day(db)
    with db.session() as session:
        rescore(session)
    return fair


def draft(day, kind: IntentionKind = IntentionKind.LICENCE, firm: int = 0) -> IntentionDraft:  # type: ignore[no-untyped-def]
    return IntentionDraft(
        enterprise_id=day.enterprise_ids[firm],
        patent_id=day.patent_ids[0],
        kind=kind,
        prospect_rating=3 if kind is IntentionKind.NO_DEMAND else None,
        event_id=day.event_id,
    )


def test_recording_an_intention_rescores_its_patent(db, day) -> None:  # type: ignore[no-untyped-def]
    first, other = day.patent_ids[0], day.patent_ids[1]
    start, start_other = cached(db, first), cached(db, other)
    assert start is not None
    record_intention(db, draft(day), station="A")
    assert cached(db, first) == start + PER_INTENTION == computed(db, first)
    record_intention(db, draft(day, IntentionKind.NO_DEMAND, firm=1), station="A")
    assert cached(db, first) == start + PER_INTENTION  # "no demand" is no interest
    assert cached(db, other) == start_other


def test_editing_removing_and_restoring_rescore(db, day) -> None:  # type: ignore[no-untyped-def]
    first, other = day.patent_ids[0], day.patent_ids[1]
    start, start_other = cached(db, first), cached(db, other)
    assert start is not None and start_other is not None
    recorded = record_intention(db, draft(day), station="A")

    previous = update_intention(db, recorded.id, {"kind": IntentionKind.TRANSFER}, station="A")
    assert cached(db, first) == start + PER_INTENTION  # still interest
    update_intention(
        db, recorded.id, {"kind": IntentionKind.NO_DEMAND, "prospect_rating": 2}, station="A"
    )
    assert cached(db, first) == start == computed(db, first)
    update_intention(db, recorded.id, {**previous, "prospect_rating": None}, station="A")
    assert cached(db, first) == start + PER_INTENTION

    update_intention(db, recorded.id, {"patent_id": other}, station="A")  # moved: both follow
    assert (cached(db, first), cached(db, other)) == (start, start_other + PER_INTENTION)
    assert cached(db, other) == computed(db, other)

    set_intention_deleted(db, recorded.id, True, station="A")
    assert cached(db, other) == start_other == computed(db, other)
    set_intention_deleted(db, recorded.id, False, station="A")  # undo of the removal
    assert cached(db, other) == start_other + PER_INTENTION


def test_the_active_rubric_decides_the_points(db, day) -> None:  # type: ignore[no-untyped-def]
    first = day.patent_ids[0]
    record_intention(db, draft(day), station="A")
    with db.session() as session:
        spec = RubricSpec().with_weight(Criterion.ENTERPRISE_INTEREST, 7.0)
        save_rubric(session, "兴趣优先", spec, activate=True)
        rescore(session)
    start = cached(db, first)
    assert start == computed(db, first)
    record_intention(db, draft(day, firm=1), station="A")
    assert cached(db, first) == start + 7.0 == computed(db, first)


def test_rescore_of_one_patent_follows_the_day(db, day) -> None:  # type: ignore[no-untyped-def]
    first = day.patent_ids[0]
    # An invention in force filed in 2015: "maintained 10 years" from 2025, out of term later.
    with db.session() as session:
        patent = session.get(Patent, first)
        assert patent is not None
        patent.patent_type = PatentType.INVENTION
        patent.legal_status = LegalStatus.GRANTED
        patent.application_date = dt.date(2015, 3, 1)
    scores = []
    for today in (dt.date(2024, 1, 1), dt.date(2026, 1, 1), dt.date(2040, 1, 1)):
        with db.session() as session:
            rescore(session, today=today, patent_ids=[first])
            spec = active_spec(session)
            expected = dict(session.execute(preview_scores(session, spec, today=today)).all())
        assert cached(db, first) == expected[first]
        scores.append(cached(db, first))
    assert len(set(scores)) == 3  # maintained, then out of term
