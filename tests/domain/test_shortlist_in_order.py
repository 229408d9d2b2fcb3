"""One "event's shortlist in order": every place that shows it agrees about deleted patents.

A patent deleted after it was shortlisted (a tombstone merged from another station keeps
the shortlist entry live) is left out of the page, the export, the brochure and cards, the
roadshow sessions built from the shortlist, the invitations and the forms' booth numbers
alike; excluded patents are shown (page, export) or left out (the printed and planned
shortlist) the same way everywhere.
"""

from __future__ import annotations

from typing import Any

import pytest

from roadshow_desk.documents import data
from roadshow_desk.domain import shortlist as sl
from roadshow_desk.domain.agenda import build_from_shortlist
from roadshow_desk.domain.identifiers import check_character
from roadshow_desk.domain.models import Enterprise, Event, Patent, utcnow
from roadshow_desk.exchange.export import shortlist_rows
from roadshow_desk.exchange.intention_forms import PatentResolver
from roadshow_desk.store.db import Database
from roadshow_desk.store.matching import invitations


def number(serial: int) -> str:
    digits = f"2023{1 + serial % 2}{serial:07d}"
    return f"CN{digits}.{check_character(digits)}"


@pytest.fixture
def fair(db: Database) -> tuple[Database, int, list[str]]:
    """Four patents shortlisted; the second deleted afterwards, the third excluded."""
    with db.session() as session:
        patents = [
            Patent(
                station="t",
                application_no=number(n),
                title=f"储能电池专利{n}",
                technical_field="新能源",
            )
            for n in range(4)
        ]
        event = Event(name="长三角专利对接会", station="t")
        firm = Enterprise(
            name="宁波储能科技有限公司",
            industry="新能源",
            keywords="储能; 电池",
            station="t",
        )
        session.add_all([*patents, event, firm])
        session.flush()
        sl.add_patents(session, event.id, [p.id for p in patents], station="t")
        sl.set_inclusion(session, event.id, patents[2].id, False, "与企业需求不符")
        patents[1].deleted_at = utcnow()
        session.commit()
        return db, event.id, [p.application_no for p in patents]


def test_the_domain_function_leaves_out_deleted_patents(fair: Any) -> None:
    database, event_id, numbers = fair
    with database.session() as session:
        listed = sl.shortlist_in_order(session, event_id)
        assert [e.patent.application_no for e in listed] == [numbers[0], numbers[2], numbers[3]]
        assert [e.included for e in listed] == [True, False, True]
        included = sl.shortlist_in_order(session, event_id, included_only=True)
        assert [e.patent.application_no for e in included] == [numbers[0], numbers[3]]


def test_export_shows_what_the_page_shows(fair: Any) -> None:
    database, event_id, numbers = fair
    with database.session() as session:
        rows = shortlist_rows(session, event_id)
    found = [next(n for n in numbers if n in row) for row in rows]
    assert found == [numbers[0], numbers[2], numbers[3]]
    assert [row[0] for row in rows] == [1, 2, 3]


def test_brochure_and_cards_roadshow_invitations_and_booths_agree(fair: Any) -> None:
    database, event_id, numbers = fair
    printed = [p.application_no for p in data.load_shortlist(database, data.load_event(database))]
    assert printed == [numbers[0], numbers[3]]
    with database.session() as session:
        roadshow = build_from_shortlist(session, event_id, "上午场", station="t")
        session.flush()
        slots = sorted(roadshow.slots, key=lambda slot: slot.position)
        assert [slot.patent.application_no for slot in slots] == printed
        invited = [row.application_no for row in invitations(session, event_id)]
        assert invited, "the firm should match the patents in the energy field"
        assert list(dict.fromkeys(invited)) == printed
        booths = PatentResolver(session, event_id, booth_header=True).booths
        assert {n: p.application_no for n, p in booths.items()} == {1: numbers[0], 2: numbers[3]}


def test_a_drop_counts_the_rows_the_organiser_sees(fair: Any) -> None:
    """Dropping the first patent on row 2 puts it before the patent shown on row 2; the
    hidden entry of the deleted patent takes no row."""
    database, event_id, numbers = fair
    with database.session() as session:
        ids = {
            e.patent.application_no: e.patent_id for e in sl.shortlist_in_order(session, event_id)
        }
        sl.move_patents(session, event_id, [ids[numbers[0]]], 2, station="t")
        shown = [e.patent.application_no for e in sl.shortlist_in_order(session, event_id)]
        assert shown == [numbers[2], numbers[0], numbers[3]]
        assert [e.position for e in sl.live_entries(session, event_id)] == [0, 1, 2]
