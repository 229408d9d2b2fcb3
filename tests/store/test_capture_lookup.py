"""The capture panel's look-ups: choices as the desk types, texts of a loaded draft, scans."""

from __future__ import annotations

from typing import Any

import pytest

from fairday_data import FIRMS, PATENTS, application_no, credit_code, make_fair_day
from roadshow_desk.domain.capture import IntentionDraft
from roadshow_desk.domain.models import Enterprise, Event, ShortlistEntry
from roadshow_desk.domain.payloads import EnterprisePayload, PatentPayload
from roadshow_desk.store import capture_lookup as lookup
from roadshow_desk.store.db import Database


@pytest.fixture
def day(db: Database) -> Any:
    """The fair day with only the last patent on the event's shortlist."""
    fair = make_fair_day(db, shortlist=False)
    with db.session() as session:
        session.add(ShortlistEntry(event_id=fair.event_id, patent_id=fair.patent_ids[3]))
    return fair


def label(index: int) -> str:
    digits, title, _field = PATENTS[index]
    return f"{application_no(digits)}  {title}"


def test_patents_on_the_shortlist_come_first(db: Database, day: Any) -> None:
    with db.session() as session:
        anywhere = lookup.patent_choices(session, "方法", None)
        at_the_fair = lookup.patent_choices(session, "方法", day.event_id)
        assert lookup.patent_choices(session, "不存在的词语", day.event_id) == []
        one = lookup.patent_choices(session, "方法", day.event_id, limit=1)
    found = {day.patent_ids[i] for i in (0, 1, 3)}
    assert {pid for pid, _ in anywhere} == found
    assert at_the_fair[0] == (day.patent_ids[3], label(3))
    assert [c for c in at_the_fair[1:]] == [c for c in anywhere if c[0] != day.patent_ids[3]]
    assert one == [(day.patent_ids[3], label(3))]


def test_enterprise_choices_and_texts_of_a_draft(db: Database, day: Any) -> None:
    firm_label = f"{FIRMS[0][0]}  {credit_code(1)}"
    with db.session() as session:
        choices = lookup.enterprise_choices(session, "储能")
        assert choices == [(day.enterprise_ids[0], firm_label)]
        assert lookup.patent_text(session, day.patent_ids[1]) == label(1)
        assert lookup.patent_text(session, 10_000) is None
        draft = IntentionDraft(enterprise_id=day.enterprise_ids[0], patent_id=day.patent_ids[2])
        assert lookup.draft_texts(session, draft) == (firm_label, label(2))
        assert lookup.draft_texts(session, IntentionDraft()) == ("", "")


def test_a_scan_becomes_a_choice(db: Database, day: Any) -> None:
    with db.session() as session:
        firm = session.get(Enterprise, day.enterprise_ids[1])
        event = session.get(Event, day.event_id)
        assert firm is not None and event is not None
        badge = EnterprisePayload(firm.uuid)
        assert lookup.event_uuid(session, day.event_id) == event.uuid
        assert lookup.event_uuid(session, None) is None
        assert lookup.scanned_choice(session, badge) == (
            firm.id,
            f"{FIRMS[1][0]}  {credit_code(2)}",
        )
        assert lookup.scanned_choice(session, EnterprisePayload("0" * 32)) is None
        patent = PatentPayload(application_no(PATENTS[2][0]))
        assert lookup.scanned_choice(session, patent) == (day.patent_ids[2], label(2))
        assert lookup.scanned_choice(session, PatentPayload(application_no("202399999999"))) is None
