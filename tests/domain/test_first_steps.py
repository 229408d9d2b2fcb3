"""What is set up: the steps the pages' empty states name."""

from __future__ import annotations

from fairday_data import make_fair_day
from roadshow_desk.domain.first_steps import set_up
from roadshow_desk.domain.models import Event, RoadshowSession, Slot


def test_an_empty_database_has_nothing_set_up(db) -> None:
    with db.session() as session:
        done = set_up(session)
    assert done.empty and not done.events and not done.patents and not done.shortlisted


def test_each_step_is_seen_for_the_event_asked_about(db) -> None:
    day = make_fair_day(db)
    with db.session() as session:
        done = set_up(session)
        assert done.event_id == day.event_id
        assert (done.patents, done.enterprises, done.shortlisted, done.slots) == (
            True,
            True,
            True,
            False,
        )
        other = Event(name="秋季对接会")
        session.add(other)
        roadshow = RoadshowSession(event_id=day.event_id, title="上午场")
        session.add(roadshow)
        session.flush()
        session.add(Slot(session_id=roadshow.id, position=0, patent_id=day.patent_ids[0]))
        other_id = other.id
    with db.session() as session:
        assert set_up(session, day.event_id).slots
        fresh = set_up(session, other_id)
        assert fresh.event_id == other_id and not fresh.shortlisted and not fresh.slots
        assert not fresh.empty
        assert set_up(session, 10_000).event_id is not None  # a gone event: the latest one
