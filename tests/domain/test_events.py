"""Event setup and --event resolution."""

from __future__ import annotations

import datetime as dt

import pytest

from roadshow_desk.domain.events import (
    EventFields,
    EventInvalid,
    create_event,
    ensure_station,
    fields_of,
    list_events,
    list_stations,
    rename_station,
    resolve_event,
    split_names,
    update_event,
)


def test_create_update_and_resolve(db) -> None:
    with db.session() as session:
        older = create_event(session, EventFields(name="春季对接会", starts_on=dt.date(2026, 4, 1)))
        newer = create_event(
            session,
            EventFields(
                name=" 长三角  路演 ",
                starts_on=dt.date(2026, 12, 3),
                ends_on=dt.date(2026, 12, 4),
                partner_regions=split_names("上海市；浙江省、安徽省"),
                organisers=["江苏省知识产权局"],
                signup_url_template="https://x.cn/s?e={event}&p={patent}",
            ),
        )
        assert newer.name == "长三角 路演"
        assert newer.partner_regions == "上海市; 浙江省; 安徽省"
        assert resolve_event(session, None).id == newer.id
        assert resolve_event(session, str(older.id)).id == older.id
        assert resolve_event(session, older.uuid).id == older.id
        fields = fields_of(newer)
        fields.venue = "苏州"
        update_event(session, newer.id, fields)
        assert newer.venue == "苏州"
        with pytest.raises(EventInvalid, match="no event 99"):
            resolve_event(session, "99")


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        (EventFields(name=" "), "name"),
        (
            EventFields(name="x", starts_on=dt.date(2026, 5, 2), ends_on=dt.date(2026, 5, 1)),
            "ends_on",
        ),
        (
            EventFields(name="x", signup_url_template="https://x.cn/{eventid}"),
            "signup_url_template",
        ),
    ],
)
def test_invalid_event_is_refused(db, fields: EventFields, field: str) -> None:
    with db.session() as session, pytest.raises(EventInvalid) as caught:
        create_event(session, fields)
    assert caught.value.field == field


def test_no_event_yet(db) -> None:
    with db.session() as session, pytest.raises(EventInvalid, match="no event yet"):
        resolve_event(session, None)


def test_stations(db) -> None:
    with db.session() as session:
        a = ensure_station(session, " desk  A ")
        assert ensure_station(session, "desk A").id == a.id
        b = ensure_station(session, "desk B")
        with pytest.raises(EventInvalid):
            rename_station(session, b.id, "desk A")
        rename_station(session, b.id, "入口")
        assert [s.name for s in list_stations(session)] == ["desk A", "入口"]


def test_a_created_event_taken_back_and_restored_keeps_its_uuid(db) -> None:  # type: ignore[no-untyped-def]
    from roadshow_desk.domain.events import event_exists, restore_event, take_back_event
    from roadshow_desk.domain.models import Event

    with db.session() as session:
        older = create_event(session, EventFields(name="春季对接会"), station="A").id
        event = create_event(session, EventFields(name="秋季对接会"), station="A")
        event_id, uuid = event.id, event.uuid
    with db.session() as session:
        written = session.get(Event, event_id).updated_at
        take_back_event(session, event_id, station="B")
    with db.session() as session:
        gone = session.get(Event, event_id)
        assert gone.deleted_at is not None and gone.station == "B"
        assert gone.updated_at > written  # its tombstone travels in station B's bundle
        assert not event_exists(session, event_id)
        assert [e.id for e in list_events(session)] == [older]
        assert resolve_event(session, None).id == older
    with db.session() as session:
        restore_event(session, event_id, station="B")
    with db.session() as session:
        back = session.get(Event, event_id)
        assert back.deleted_at is None and back.uuid == uuid and back.name == "秋季对接会"
        assert resolve_event(session, uuid).id == event_id


def test_an_event_with_something_recorded_for_it_is_not_taken_back(db) -> None:  # type: ignore[no-untyped-def]
    from roadshow_desk.domain.checkin import sign_up
    from roadshow_desk.domain.enterprises import EnterpriseFields, register_enterprise
    from roadshow_desk.domain.events import event_exists, take_back_event

    with db.session() as session:
        event_id = create_event(session, EventFields(name="秋季对接会"), station="A").id
        firm = register_enterprise(session, EnterpriseFields(name="甲公司"), station="A")
        sign_up(session, event_id, firm.id, station="B")
    with db.session() as session, pytest.raises(EventInvalid) as refused:
        take_back_event(session, event_id, station="A")
    assert str(refused.value) == (
        "The event “秋季对接会” stays: sign-ups, sessions, shortlisted patents or intentions "
        "have been recorded for it since it was created."
    )
    with db.session() as session:
        assert event_exists(session, event_id)
