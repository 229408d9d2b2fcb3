"""Check-in: by badge or by search; the first check-in wins."""

from __future__ import annotations

import datetime as dt

import pytest

from fairday_data import make_fair_day
from roadshow_desk.domain.checkin import (
    CheckInError,
    attendance,
    check_in,
    check_in_by_scan,
    find_for_check_in,
    local_time,
    sign_up,
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
