"""The fair-day functions on the demo fair (the demo generator's database)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import func, select

from roadshow_desk.domain.checkin import attendance, check_in_by_scan
from roadshow_desk.domain.events import latest_event
from roadshow_desk.domain.followup import OPEN_STAGES, query_followups
from roadshow_desk.domain.models import Enterprise, Intention
from roadshow_desk.domain.payloads import enterprise_payload
from roadshow_desk.exchange.fairday_export import export_intentions
from roadshow_desk.exchange.intention_import import import_intentions


def test_demo_intentions_export_and_reimport_unchanged(demo_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with demo_db.session() as session:
        event = latest_event(session)
        assert event is not None
        live = session.scalar(
            select(func.count(Intention.id)).where(
                Intention.event_id == event.id, Intention.deleted_at.is_(None)
            )
        )
    out = tmp_path / "intentions.xlsx"
    assert export_intentions(demo_db, out) == live > 0
    result = import_intentions(demo_db, out)
    assert (result.inserted, result.updated, result.rejected) == (0, 0, 0)
    assert result.unchanged == live


def test_demo_overdue_leads_are_open_and_past(demo_db) -> None:  # type: ignore[no-untyped-def]
    today = dt.date(2026, 11, 1)
    with demo_db.session() as session:
        overdue = query_followups(session, overdue=True, today=today)
        everything = query_followups(session, today=today)
    assert overdue == [row for row in everything if row.overdue]
    assert all(row.stage in OPEN_STAGES and row.next_action_on < today for row in overdue)


def test_demo_badges_check_in_once(demo_db) -> None:  # type: ignore[no-untyped-def]
    with demo_db.session() as session:
        event = latest_event(session)
        assert event is not None
        firms = list(session.scalars(select(Enterprise).where(Enterprise.deleted_at.is_(None))))
        before_signed, before_checked = attendance(session, event.id)
        firsts = [
            check_in_by_scan(
                session, event.id, enterprise_payload(firm.uuid), station="desk B"
            ).first
            for firm in firms
        ]
        seconds = [
            check_in_by_scan(session, event.id, enterprise_payload(firm.uuid), station="desk C")
            for firm in firms
        ]
        signed, checked = attendance(session, event.id)
    assert sum(firsts) == len(firms) - before_checked
    assert not any(result.first for result in seconds)
    assert checked == len(firms) and signed >= before_signed
