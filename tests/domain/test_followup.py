"""Follow-up: every allowed transition, the refused ones, owner, next action, log, filters."""

from __future__ import annotations

import datetime as dt

import pytest

from fairday_data import make_fair_day
from roadshow_desk.domain.capture import IntentionDraft, record_intention
from roadshow_desk.domain.enums import FollowUpStage, IntentionKind
from roadshow_desk.domain.followup import (
    NEXT_STAGES,
    FollowUpError,
    TransitionRefused,
    add_note,
    log_of,
    move_to,
    owners,
    query_followups,
    restore_note,
    set_next_action,
    set_owner,
    undo_last_move,
    withdraw_note,
)
from roadshow_desk.domain.models import Intention

S = FollowUpStage
PATH = {
    S.NEW: [],
    S.CONTACTED: [S.CONTACTED],
    S.NEGOTIATING: [S.CONTACTED, S.NEGOTIATING],
    S.AGREED: [S.CONTACTED, S.NEGOTIATING, S.AGREED],
    S.CONTRACT_SIGNED: [S.CONTACTED, S.NEGOTIATING, S.AGREED, S.CONTRACT_SIGNED],
}
PATH[S.TRANSFER_REGISTERED] = [*PATH[S.CONTRACT_SIGNED], S.TRANSFER_REGISTERED]
PATH[S.LICENCE_FILED] = [*PATH[S.CONTRACT_SIGNED], S.LICENCE_FILED]
PATH[S.DROPPED] = [S.DROPPED]

ALLOWED = [(a, b) for a, targets in NEXT_STAGES.items() for b in targets]
REFUSED = [(a, b) for a in S for b in S if (a, b) not in ALLOWED]


def new_intention(db):  # type: ignore[no-untyped-def]
    day = make_fair_day(db)
    return record_intention(
        db,
        IntentionDraft(
            enterprise_id=day.enterprise_ids[0],
            patent_id=day.patent_ids[0],
            kind=IntentionKind.TRANSFER,
            event_id=day.event_id,
        ),
        station="A",
    ).id


def bring_to(session, intention_id: int, stage: FollowUpStage) -> None:  # type: ignore[no-untyped-def]
    for step in PATH[stage]:
        move_to(session, intention_id, step, reason="预算不足" if step is S.DROPPED else "")


def test_the_pipeline_has_eleven_moves_and_three_final_stages() -> None:
    assert len(ALLOWED) == 11
    assert [stage for stage, targets in NEXT_STAGES.items() if not targets] == [
        S.TRANSFER_REGISTERED,
        S.LICENCE_FILED,
        S.DROPPED,
    ]


@pytest.mark.parametrize(("start", "target"), ALLOWED)
def test_every_allowed_transition(db, start: FollowUpStage, target: FollowUpStage) -> None:
    intention_id = new_intention(db)
    at = dt.datetime(2026, 12, 20, 3, 0)
    with db.session() as session:
        bring_to(session, intention_id, start)
        entry = move_to(
            session,
            intention_id,
            target,
            author="小王",
            note="电话沟通",
            reason="对方转向其他技术" if target is S.DROPPED else "",
            at=at,
        )
        assert (entry.from_stage, entry.to_stage, entry.at) == (start, target, at)
    with db.session() as session:
        stored = session.get(Intention, intention_id)
        assert stored is not None
        assert stored.stage is target
        assert stored.stage_changed_at == at
        if target is S.DROPPED:
            assert stored.dropped_reason == "对方转向其他技术"
        assert log_of(session, intention_id)[-1].note.endswith("电话沟通")


@pytest.mark.parametrize(("start", "target"), REFUSED)
def test_every_refused_transition(db, start: FollowUpStage, target: FollowUpStage) -> None:
    intention_id = new_intention(db)
    with db.session() as session:
        bring_to(session, intention_id, start)
        before = len(log_of(session, intention_id))
        with pytest.raises(TransitionRefused) as caught:
            move_to(session, intention_id, target, reason="x")
        message = str(caught.value)
        assert message.endswith(".") and "\n" not in message
        stored = session.get(Intention, intention_id)
        assert stored is not None and stored.stage is start
        assert len(log_of(session, intention_id)) == before


def test_refusal_names_the_next_stage(db) -> None:
    intention_id = new_intention(db)
    with db.session() as session, pytest.raises(TransitionRefused) as caught:
        move_to(session, intention_id, S.AGREED)
    assert str(caught.value) == (
        "An intention at “New” cannot move to “Agreed”; it can move to “Contacted” or “Dropped”."
    )


def test_dropping_needs_a_reason(db) -> None:
    intention_id = new_intention(db)
    with db.session() as session, pytest.raises(TransitionRefused, match="why"):
        move_to(session, intention_id, S.DROPPED, reason="  ")


def test_undo_last_move(db) -> None:
    intention_id = new_intention(db)
    with db.session() as session:
        bring_to(session, intention_id, S.NEGOTIATING)
        move_to(session, intention_id, S.DROPPED, reason="价格谈不拢")
        undo_last_move(session, intention_id)
        stored = session.get(Intention, intention_id)
        assert stored is not None
        assert stored.stage is S.NEGOTIATING and stored.dropped_reason == ""
        assert [e.to_stage for e in log_of(session, intention_id)] == [S.CONTACTED, S.NEGOTIATING]
        undo_last_move(session, intention_id)
        undo_last_move(session, intention_id)
        with pytest.raises(FollowUpError):
            undo_last_move(session, intention_id)


def test_owner_next_action_notes_and_filters(db) -> None:
    day = make_fair_day(db)
    ids = []
    for patent_id in day.patent_ids[:3]:
        ids.append(
            record_intention(
                db,
                IntentionDraft(
                    enterprise_id=day.enterprise_ids[1],
                    patent_id=patent_id,
                    kind=IntentionKind.LICENCE,
                    event_id=day.event_id,
                ),
                station="A",
            ).id
        )
    today = dt.date(2026, 12, 10)
    with db.session() as session:
        assert set_owner(session, ids[0], "小王") == ""
        set_owner(session, ids[1], "小李")
        set_next_action(session, ids[0], dt.date(2026, 12, 8))  # overdue
        set_next_action(session, ids[1], dt.date(2026, 12, 12))
        set_next_action(session, ids[2], dt.date(2026, 12, 1))  # passed, but dropped below
        move_to(session, ids[2], S.DROPPED, reason="无预算")
        move_to(session, ids[1], S.CONTACTED)
        add_note(session, ids[0], "约了下周见面", author="小王")
        with pytest.raises(FollowUpError):
            add_note(session, ids[0], " ")
    with db.session() as session:
        assert owners(session) == ["小李", "小王"]
        by = lambda **kw: [row.id for row in query_followups(session, today=today, **kw)]  # noqa: E731
        assert by() == [ids[2], ids[0], ids[1]]
        assert by(overdue=True) == [ids[0]]
        assert by(owner="小李") == [ids[1]]
        assert by(owner="") == [ids[2]]
        assert by(stages=[S.NEW]) == [ids[0]]
        assert by(stages=[S.CONTACTED, S.DROPPED]) == [ids[2], ids[1]]
        assert by(event_id=day.event_id + 1) == []
        rows = query_followups(session, today=today)
        assert [row.overdue for row in rows] == [False, True, False]
        log = log_of(session, ids[0])
        assert [entry.note for entry in log] == ["Owner: 小王", "约了下周见面"]


def test_overdue_is_measured_by_the_venues_date_not_the_laptops(db, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from roadshow_desk.domain import venue_time

    intention_id = new_intention(db)
    # 18:00 UTC on 1 June 2030: already 2 June in Shanghai (the event's zone), whatever
    # zone or date the laptop's clock says.
    monkeypatch.setattr(venue_time, "_utcnow", lambda: dt.datetime(2030, 6, 1, 18, 0))
    with db.session() as session:
        set_next_action(session, intention_id, dt.date(2030, 6, 1))
    with db.session() as session:
        rows = query_followups(session)
        assert [(row.id, row.overdue) for row in rows] == [(intention_id, True)]
        assert [row.id for row in query_followups(session, overdue=True)] == [intention_id]
    monkeypatch.setattr(venue_time, "_utcnow", lambda: dt.datetime(2030, 6, 1, 15, 0))
    with db.session() as session:  # 23:00 on 1 June at the venue: due today, not overdue
        assert [row.overdue for row in query_followups(session)] == [False]


def test_a_note_is_withdrawn_and_restored(db) -> None:  # type: ignore[no-untyped-def]
    intention_id = new_intention(db)
    with db.session() as session:
        note = add_note(session, intention_id, "电话沟通，对方有意向", author="小王").id
        kept = add_note(session, intention_id, "发了资料").id

    def notes() -> list[int]:
        with db.session() as session:
            return [e.id for e in log_of(session, intention_id) if e.note]

    assert set(notes()) == {note, kept}
    with db.session() as session:
        withdraw_note(session, note, station="B")
        withdraw_note(session, note, station="B")  # twice: still one tombstone
        withdraw_note(session, 10_000)  # gone: nothing to do
    assert notes() == [kept]
    with db.session() as session:
        restore_note(session, note, station="B")
    assert set(notes()) == {note, kept}
