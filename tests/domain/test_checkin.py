"""Check-in: by badge or by search; the first check-in wins."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from fairday_data import make_fair_day
from roadshow_desk.domain.checkin import (
    AlreadyRegistered,
    CheckInError,
    attendance,
    check_in,
    check_in_by_scan,
    check_in_walk_in,
    exact_match,
    find_for_check_in,
    local_time,
    redo_check_in,
    sign_up,
    undo_check_in,
)
from roadshow_desk.domain.models import Enterprise
from roadshow_desk.domain.payloads import enterprise_payload, patent_payload


def test_first_check_in_wins_and_second_says_when_and_where(db) -> None:
    day = make_fair_day(db)
    firm_id = day.enterprise_ids[0]
    first_at = dt.datetime(2026, 12, 3, 1, 32)
    with db.session() as session:
        first = check_in(session, day.event_id, firm_id, station="desk B", at=first_at)
        assert first.first
    with db.session() as session:
        second = check_in(
            session, day.event_id, firm_id, station="desk A", at=first_at + dt.timedelta(hours=1)
        )
        assert not second.first
        assert second.checked_in_at == first_at
        assert second.checked_in_station == "desk B"
        shown = local_time(first_at).strftime("%H:%M")
        assert second.message == f"宁德储能科技有限公司 is already checked in at {shown} at desk B."
        assert attendance(session, day.event_id) == (1, 1)


def test_check_in_by_badge_scan(db) -> None:
    day = make_fair_day(db)
    with db.session() as session:
        firm = session.get(Enterprise, day.enterprise_ids[1])
        assert firm is not None
        scanned = "  " + enterprise_payload(firm.uuid).lower() + "\r\n"
        result = check_in_by_scan(session, day.event_id, scanned, station="A")
        assert result.first and result.enterprise_id == firm.id
        again = check_in_by_scan(session, day.event_id, scanned, station="B")
        assert not again.first and "already checked in" in again.message


def test_scan_of_patent_code_or_unknown_badge_or_garbage_is_refused(db) -> None:
    day = make_fair_day(db)
    with db.session() as session:
        with pytest.raises(CheckInError, match="patent code"):
            check_in_by_scan(session, day.event_id, patent_payload("2022100166321"), station="A")
        with pytest.raises(CheckInError, match="no enterprise"):
            check_in_by_scan(session, day.event_id, enterprise_payload("a" * 32), station="A")
        with pytest.raises(CheckInError):
            check_in_by_scan(session, day.event_id, "hello", station="A")
        assert attendance(session, day.event_id) == (0, 0)


def test_search_shows_sign_up_and_check_in_state(db) -> None:
    day = make_fair_day(db)
    with db.session() as session:
        sign_up(session, day.event_id, day.enterprise_ids[3], attendee_name="李四")
        check_in(session, day.event_id, day.enterprise_ids[0], station="A")
        found = find_for_check_in(session, day.event_id, "有限")
        assert found[0].signed_up  # signed-up firms first
        by_id = {c.enterprise_id: c for c in found}
        assert by_id[day.enterprise_ids[0]].checked_in_at is not None
        assert by_id[day.enterprise_ids[3]].signed_up
        assert by_id[day.enterprise_ids[3]].checked_in_at is None
        assert not by_id[day.enterprise_ids[1]].signed_up
        assert [
            c.enterprise_id for c in find_for_check_in(session, day.event_id, "13900000002")
        ] == [day.enterprise_ids[3]]


def test_sign_up_is_idempotent(db) -> None:
    day = make_fair_day(db)
    with db.session() as session:
        first = sign_up(session, day.event_id, day.enterprise_ids[0], attendee_name="张三")
        second = sign_up(session, day.event_id, day.enterprise_ids[0], attendee_phone="13800000009")
        assert first.id == second.id
        assert (second.attendee_name, second.attendee_phone) == ("张三", "13800000009")
        assert attendance(session, day.event_id) == (1, 0)


def _live_firms(session) -> int:  # type: ignore[no-untyped-def]
    return int(
        session.scalar(
            select(func.count()).select_from(Enterprise).where(Enterprise.deleted_at.is_(None))
        )
    )


def test_the_same_walk_in_twice_is_one_firm_checked_in_once(db) -> None:
    day = make_fair_day(db)
    with db.session() as session:
        first = check_in_walk_in(
            session, day.event_id, "路过的科技公司", "13512345678", station="A"
        )
        assert first.walk_in_registered and first.first
        before = _live_firms(session)
    with db.session() as session:
        with pytest.raises(
            AlreadyRegistered, match=r"^Already registered: 路过的科技公司, checked in at"
        ):
            check_in_walk_in(session, day.event_id, "路过的科技 公司", "135 1234 5678", station="B")
        assert _live_firms(session) == before
        assert attendance(session, day.event_id) == (1, 1)


def test_walk_in_named_as_a_checked_in_firm_is_refused(db) -> None:
    day = make_fair_day(db)
    with db.session() as session:
        check_in(session, day.event_id, day.enterprise_ids[1], station="desk B")
    with db.session() as session:
        with pytest.raises(AlreadyRegistered) as caught:
            check_in_walk_in(
                session, day.event_id, "华东精密机械股份有限公司", "13700001111", station="A"
            )
        assert caught.value.enterprise_id == day.enterprise_ids[1]
        assert str(caught.value).startswith("Already registered: 华东精密机械股份有限公司")
        assert str(caught.value).endswith("at desk B.")
        assert attendance(session, day.event_id) == (1, 1)


def test_a_known_walk_in_at_the_next_event_is_checked_in_not_registered_again(db) -> None:
    from roadshow_desk.domain.models import Event

    day = make_fair_day(db)
    with db.session() as session:
        check_in_walk_in(session, day.event_id, "路过的科技公司", "13512345678", station="A")
        other = Event(name="秋季对接会")
        session.add(other)
        session.flush()
        other_id = other.id
        before = _live_firms(session)
    with db.session() as session:
        again = check_in_walk_in(session, other_id, "路过的科技公司", "13512345678", station="A")
        assert again.known_walk_in and not again.walk_in_registered
        assert again.message.startswith("Already registered: 路过的科技公司; now checked in at")
        assert _live_firms(session) == before


def test_undo_takes_back_check_in_sign_up_and_walk_in_and_redo_keeps_the_time(db) -> None:
    day = make_fair_day(db)
    at = dt.datetime(2026, 12, 3, 1, 32)
    with db.session() as session:
        result = check_in(session, day.event_id, day.enterprise_ids[0], station="A", at=at)
        walk_in = check_in_walk_in(
            session, day.event_id, "路过的科技公司", "13512345678", station="A"
        )
        assert result.signed_up and result.changed_anything
        assert attendance(session, day.event_id) == (2, 2)
    with db.session() as session:
        undo_check_in(session, walk_in)
        undo_check_in(session, result)
    with db.session() as session:
        assert attendance(session, day.event_id) == (0, 0)
        assert find_for_check_in(session, day.event_id, "路过") == []
    with db.session() as session:
        redone = redo_check_in(session, result)
        assert redone.first and redone.checked_in_at == at
        redo_check_in(session, walk_in)
    with db.session() as session:
        assert attendance(session, day.event_id) == (2, 2)
        assert [c.name for c in find_for_check_in(session, day.event_id, "路过")] == [
            "路过的科技公司"
        ]
    with db.session() as session:  # a repeated check-in has nothing to take back
        again = check_in(session, day.event_id, day.enterprise_ids[0], station="B")
        assert not again.changed_anything


def test_exact_match_names_one_firm_among_several(db) -> None:
    day = make_fair_day(db)
    with db.session() as session:
        found = find_for_check_in(session, day.event_id, "有限")
        assert len(found) > 1
        assert exact_match(found, "有限") is None
        chosen = exact_match(found, "联想(北京)有限公司")
        assert chosen is not None and chosen.enterprise_id == day.enterprise_ids[2]
        phone = exact_match(found, "021 5555 6666")
        assert phone is not None and phone.enterprise_id == day.enterprise_ids[1]


def test_undoing_a_check_in_that_signed_up_stamps_the_tombstone_with_the_station(db) -> None:
    """The registration's tombstone travels in the bundle of the station that took the
    check-in back, even when another station wrote the registration last (shared server)."""
    from roadshow_desk.domain.models import Registration

    day = make_fair_day(db)
    with db.session() as session:
        result = check_in(session, day.event_id, day.enterprise_ids[0], station="desk A")
        assert result.signed_up
    with db.session() as session:  # desk B edits the attendee on the shared server
        registration = session.get(Registration, result.registration_id)
        assert registration is not None
        registration.attendee_name = "李四"
        registration.station = "desk B"
        written_at = registration.updated_at
    with db.session() as session:
        undo_check_in(session, result, station="desk A")
    with db.session() as session:
        registration = session.get(Registration, result.registration_id)
        assert registration is not None
        assert registration.deleted_at is not None
        assert registration.checked_in_at is None
        assert registration.station == "desk A"
        assert registration.updated_at >= written_at


def test_an_undone_check_in_is_logged_and_a_redo_or_a_new_check_in_counts_again(db) -> None:
    """The undo keeps which check-in it took back (so bundles carry it, see
    ``domain.check_in_log``); a redo brings that one back, a later check-in is a new one."""
    from roadshow_desk.domain.models import Registration

    day = make_fair_day(db)
    firm_id, at = day.enterprise_ids[0], dt.datetime(2026, 12, 3, 1, 32)
    with db.session() as session:
        sign_up(session, day.event_id, firm_id, station="A")
    with db.session() as session:
        result = check_in(session, day.event_id, firm_id, station="A", at=at)
        registration = session.get(Registration, result.registration_id)
        assert registration is not None and registration.check_ins is None
    with db.session() as session:
        undo_check_in(session, result, station="A")
    with db.session() as session:
        assert attendance(session, day.event_id) == (1, 0)
        registration = session.get(Registration, result.registration_id)
        assert registration is not None
        log = registration.check_ins
        assert log is not None and [(e["at"], e["station"]) for e in log] == [(at.isoformat(), "A")]
        assert log[0]["undone_at"] is not None and log[0]["redone_at"] is None
    with db.session() as session:
        redone = redo_check_in(session, result, station="A")
        assert redone.first and (redone.checked_in_at, redone.checked_in_station) == (at, "A")
    with db.session() as session:
        assert attendance(session, day.event_id) == (1, 1)
        registration = session.get(Registration, result.registration_id)
        assert registration is not None and registration.check_ins is not None
        assert registration.check_ins[0]["redone_at"] > registration.check_ins[0]["undone_at"]
    with db.session() as session:
        undo_check_in(session, result, station="A")
    later = at + dt.timedelta(minutes=30)
    with db.session() as session:
        again = check_in(session, day.event_id, firm_id, station="B", at=later)
        assert again.first and again.checked_in_at == later
    with db.session() as session:
        assert attendance(session, day.event_id) == (1, 1)
