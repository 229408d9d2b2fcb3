"""A walk-in merge taken back puts everything back, stamped with the station (#16 item 4)."""

from __future__ import annotations

from sqlalchemy import select

from fairday_data import make_fair_day
from roadshow_desk.domain.capture import IntentionDraft, record_intention
from roadshow_desk.domain.checkin import check_in, check_in_walk_in
from roadshow_desk.domain.enterprises import walk_ins
from roadshow_desk.domain.enums import IntentionKind
from roadshow_desk.domain.models import Enterprise, Intention, Registration
from roadshow_desk.domain.walk_in_merge import merge_walk_in_undoably, undo_walk_in_merge


def _state(session):  # type: ignore[no-untyped-def]
    firms = {
        firm.id: (firm.phone, firm.contact_person, firm.notes, firm.deleted_at is None)
        for firm in session.scalars(select(Enterprise))
    }
    registrations = {
        reg.id: (
            reg.enterprise_id,
            reg.checked_in_at,
            reg.checked_in_station,
            reg.attendee_phone,
            reg.deleted_at is None,
        )
        for reg in session.scalars(select(Registration))
    }
    intentions = {i.id: i.enterprise_id for i in session.scalars(select(Intention))}
    return firms, registrations, intentions


def _walk_in_with_an_intention(db, day, registered_id, *, phone_taken: bool = False):  # type: ignore[no-untyped-def]
    """Desk A checks in a walk-in that is the registered firm (checked in at desk B) and
    records an intention for it; returns the walk-in's id and the intention's."""
    with db.session() as session:
        walk_in_id = check_in_walk_in(
            session, day.event_id, "宁德储能科技", "138 0000 0001", station="desk A"
        ).enterprise_id
        check_in(session, day.event_id, registered_id, station="desk B")
        if phone_taken:
            session.get(Enterprise, registered_id).phone = ""  # takes the walk-in's phone
    recorded = record_intention(
        db,
        IntentionDraft(
            enterprise_id=walk_in_id,
            patent_id=day.patent_ids[0],
            kind=IntentionKind.LICENCE,
            event_id=day.event_id,
        ),
        station="desk A",
    )
    return walk_in_id, recorded.id


def test_undo_of_a_walk_in_merge_restores_everything_and_redo_merges_again(db) -> None:  # type: ignore[no-untyped-def]
    day = make_fair_day(db)
    registered_id = day.enterprise_ids[0]
    walk_in_id, _ = _walk_in_with_an_intention(db, day, registered_id, phone_taken=True)
    with db.session() as session:
        before = _state(session)
    with db.session() as session:
        merge = merge_walk_in_undoably(session, walk_in_id, registered_id, station="office")
    with db.session() as session:
        merged = _state(session)
        assert merged != before and walk_ins(session) == []
        assert merged[0][registered_id][0] == "13800000001"
    with db.session() as session:
        undo_walk_in_merge(session, merge, station="office")
    with db.session() as session:
        assert _state(session) == before
        assert [firm.id for firm in walk_ins(session)] == [walk_in_id]
        walk_in = session.get(Enterprise, walk_in_id)
        assert walk_in is not None and walk_in.station == "office"  # the undo travels
        moved_back = session.scalars(
            select(Registration).where(Registration.enterprise_id == walk_in_id)
        ).one()
        assert moved_back.station == "office"
    with db.session() as session:
        merge_walk_in_undoably(session, walk_in_id, registered_id, station="office")
    with db.session() as session:
        assert _state(session) == merged


def test_a_walk_in_merge_stamps_every_record_it_writes_with_the_merging_station(db) -> None:  # type: ignore[no-untyped-def]
    """The walk-in's tombstone, the registration it gives up and the intention it hands over
    travel in the bundle of the station that merged (not of the desk that checked it in)."""
    day = make_fair_day(db)
    registered_id = day.enterprise_ids[0]
    walk_in_id, intention_id = _walk_in_with_an_intention(db, day, registered_id)
    with db.session() as session:
        written = max(
            record.updated_at
            for model in (Enterprise, Registration, Intention)
            for record in session.scalars(select(model))
        )
    with db.session() as session:
        merge_walk_in_undoably(session, walk_in_id, registered_id, station="office")
    with db.session() as session:
        walk_in = session.get(Enterprise, walk_in_id)
        given_up = session.scalars(
            select(Registration).where(Registration.enterprise_id == walk_in_id)
        ).one()
        kept = session.scalars(
            select(Registration).where(Registration.enterprise_id == registered_id)
        ).one()
        intention = session.get(Intention, intention_id)
        assert walk_in is not None and intention is not None
        assert walk_in.deleted_at is not None and given_up.deleted_at is not None
        for record in (walk_in, given_up, kept, intention):
            assert record.station == "office", record
            assert record.updated_at > written, record
