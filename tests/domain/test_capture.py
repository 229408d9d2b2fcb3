"""Recording intentions: validation, own transaction, station and capture time, edit, undo."""

from __future__ import annotations

import datetime as dt

import pytest

from fairday_data import make_fair_day
from roadshow_desk.domain.capture import (
    IntentionDraft,
    InvalidIntention,
    count_of_day,
    draft_changes,
    intentions_of_day,
    record_intention,
    set_intention_deleted,
    stored_draft,
    update_intention,
)
from roadshow_desk.domain.enums import BudgetBand, FollowUpStage, IntentionKind, Timeline
from roadshow_desk.domain.models import Intention


def draft(day, **changes) -> IntentionDraft:  # type: ignore[no-untyped-def]
    values = {
        "enterprise_id": day.enterprise_ids[0],
        "patent_id": day.patent_ids[0],
        "kind": IntentionKind.LICENCE,
        "event_id": day.event_id,
    }
    values.update(changes)
    return IntentionDraft(**values)


def test_recorded_with_station_and_original_time(db) -> None:
    day = make_fair_day(db)
    at = dt.datetime(2026, 12, 3, 2, 15, 7)
    recorded = record_intention(
        db,
        draft(
            day,
            budget_band=BudgetBand.FROM_1M_TO_5M,
            timeline=Timeline.WITHIN_6_MONTHS,
            contact_person=" 张 工 ",
            contact_phone="138 1234 5678",
            notes="想要独占许可",
        ),
        station="desk B",
        captured_at=at,
    )
    # A second, independent connection sees it at once: it is committed.
    from roadshow_desk.store.db import open_database

    other = open_database(db.url)
    try:
        with other.session() as session:
            stored = session.get(Intention, recorded.id)
            assert stored is not None
            assert stored.captured_at == at
            assert stored.captured_station == "desk B"
            assert stored.kind is IntentionKind.LICENCE
            assert stored.stage is FollowUpStage.NEW
            assert stored.contact_person == "张 工"
            assert stored.contact_phone == "13812345678"
            assert stored.budget_band is BudgetBand.FROM_1M_TO_5M
    finally:
        other.dispose()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"enterprise_id": None}, "enterprise"),
        ({"patent_id": None}, "patent"),
        ({"kind": None}, "kind"),
        ({"kind": IntentionKind.NO_DEMAND}, "rating"),
        ({"kind": IntentionKind.NO_DEMAND, "prospect_rating": 6}, "rating"),
        ({"prospect_rating": 0}, "rating"),
        ({"contact_phone": "12345"}, "contact_phone"),
    ],
)
def test_invalid_drafts_are_refused_and_nothing_is_written(db, changes, field) -> None:  # type: ignore[no-untyped-def]
    day = make_fair_day(db)
    with pytest.raises(InvalidIntention) as caught:
        record_intention(db, draft(day, **changes), station="A")
    assert caught.value.field == field
    assert str(caught.value).endswith(".")
    with db.session() as session:
        assert session.query(Intention).count() == 0


def test_no_demand_with_rating_is_saved(db) -> None:
    day = make_fair_day(db)
    recorded = record_intention(
        db, draft(day, kind=IntentionKind.NO_DEMAND, prospect_rating=2), station="A"
    )
    with db.session() as session:
        stored = session.get(Intention, recorded.id)
        assert stored is not None and stored.prospect_rating == 2


def test_unknown_enterprise_is_refused(db) -> None:
    day = make_fair_day(db)
    with pytest.raises(InvalidIntention, match="no longer exists"):
        record_intention(db, draft(day, enterprise_id=9999), station="A")


def test_todays_list_count_edit_and_undo(db) -> None:
    day = make_fair_day(db)
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    first = record_intention(db, draft(day), station="A", captured_at=now)
    second = record_intention(
        db, draft(day, patent_id=day.patent_ids[1], kind=IntentionKind.TRANSFER), station="B"
    )
    record_intention(db, draft(day), station="A", captured_at=now - dt.timedelta(days=3))
    with db.session() as session:
        rows = intentions_of_day(session)
        assert [row.id for row in rows] == [second.id, first.id]
        assert rows[0].application_no.startswith("CN202110123456")
        assert count_of_day(session) == 2
        assert count_of_day(session, station="A") == 1
    previous = update_intention(
        db, first.id, {"kind": IntentionKind.NO_DEMAND, "prospect_rating": 4}, station="A"
    )
    assert previous == {"kind": IntentionKind.LICENCE, "prospect_rating": None}
    with pytest.raises(InvalidIntention):
        update_intention(db, first.id, {"prospect_rating": None}, station="A")
    update_intention(db, first.id, previous, station="A")  # undo the edit
    set_intention_deleted(db, second.id, True, station="A")
    with db.session() as session:
        assert count_of_day(session) == 1
        stored = session.get(Intention, first.id)
        assert stored is not None and stored.kind is IntentionKind.LICENCE
    set_intention_deleted(db, second.id, False, station="A")  # undo the removal
    with db.session() as session:
        assert count_of_day(session) == 2


def test_an_edit_sends_only_the_form_fields_it_changed(db) -> None:  # type: ignore[no-untyped-def]
    day = make_fair_day(db)
    saved = record_intention(db, draft(day, notes="想看样品"), station="A")
    with db.session() as session:
        before = stored_draft(session, saved.id)
        assert stored_draft(session, 10_000) is None
    assert before is not None and before.notes == "想看样品"
    edited = draft(
        day, notes="想看样品", kind=IntentionKind.TRANSFER, timeline=Timeline.WITHIN_3_MONTHS
    )
    assert draft_changes(before, edited) == {
        "kind": IntentionKind.TRANSFER,
        "timeline": Timeline.WITHIN_3_MONTHS,
    }
    assert draft_changes(before, before) == {}
    # the event (and budget amount) are not on the form: never part of an edit
    assert draft_changes(before, draft(day, notes="想看样品", event_id=None)) == {}
    everything = draft_changes(None, edited)
    assert set(everything) == {
        "enterprise_id",
        "patent_id",
        "kind",
        "prospect_rating",
        "budget_band",
        "timeline",
        "contact_person",
        "contact_phone",
        "notes",
    }
    update_intention(db, saved.id, draft_changes(before, edited), station="B")
    with db.session() as session:
        assert stored_draft(session, saved.id) == edited
