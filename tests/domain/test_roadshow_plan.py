"""Loading a session for the show, the public view of a patent, and saved slot times."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from roadshow_desk.domain.agenda import end_slot, start_slot
from roadshow_desk.domain.enums import ConversionMode, IntentionKind, LegalStatus, PatentType
from roadshow_desk.domain.models import (
    PATENT_DATA_FIELDS,
    Enterprise,
    Event,
    Institution,
    Intention,
    Patent,
    RoadshowSession,
    ShortlistEntry,
    Slot,
)
from roadshow_desk.domain.public_view import (
    PRIVATE_PATENT_FIELDS,
    PUBLIC_PATENT_FIELDS,
    PublicPatentView,
    parse_conversion_modes,
    public_view,
)
from roadshow_desk.domain.roadshow import (
    Phase,
    Position,
    RoadshowRun,
)
from roadshow_desk.domain.roadshow_plan import PlanError, SlideKind, load_plan, public_slide

SECRETS = {
    "price_guide": "SECRET-PRICE-88万",
    "public_contact": "王秘密 13900000001",
    "inventors": "李发明; 张发明",
    "applicant_address": "秘密路1号",
    "agency": "秘密代理所",
    "abstract": "SECRET-ABSTRACT",
}


def build_event(
    session, *, template: str = "", notes: str = "讲到第三点时停顿，强调中试数据"
) -> dict[str, int]:
    institution = Institution(
        name="浙江大学", contact_person="赵联系", contact_phone="0571-88888888"
    )
    event = Event(name="2024 高校专利转化对接会", signup_url_template=template)
    patents = [
        Patent(
            application_no="CN202210016632.1",
            title="一种基于深度学习的锂电池健康状态估计方法",
            institution=institution,
            technical_field="新能源",
            patent_type=PatentType.INVENTION,
            legal_status=LegalStatus.GRANTED,
            advantages="估计误差低于2%",
            application_scenarios="储能电站；电动汽车",
            conversion_modes="transfer; open_licence",
            open_licence_terms="每年5万元，普通许可",
            score=87.5,
            self_grade=5,
            **SECRETS,
        ),
        Patent(
            application_no="CN201910123456.7",
            title="一种可降解包装材料",
            institution=institution,
            conversion_modes="licence",
            open_licence_terms="should not show: no open licence declared",
        ),
    ]
    enterprise = Enterprise(
        name="杭州秘密科技有限公司", contact_person="钱经理", phone="13800000000"
    )
    session.add_all([institution, event, *patents, enterprise])
    session.flush()
    session.add(ShortlistEntry(event_id=event.id, patent_id=patents[0].id, presenter_notes=notes))
    session.add(
        Intention(
            enterprise_id=enterprise.id,
            patent_id=patents[0].id,
            kind=IntentionKind.LICENCE,
            notes="预算50万",
        )
    )
    roadshow = RoadshowSession(event_id=event.id, title="新能源专场")
    session.add(roadshow)
    session.flush()
    slots = [
        Slot(
            session_id=roadshow.id,
            position=2,
            patent_id=patents[1].id,
            presenter="孙教授",
            planned_minutes=5,
        ),
        Slot(
            session_id=roadshow.id,
            position=1,
            patent_id=patents[0].id,
            presenter="周教授",
            planned_minutes=8,
        ),
        Slot(
            session_id=roadshow.id, position=3, patent_id=None, presenter="茶歇", planned_minutes=10
        ),
    ]
    session.add_all(slots)
    session.flush()
    return {
        "event": event.id,
        "session": roadshow.id,
        "patent0": patents[0].id,
        "patent1": patents[1].id,
    }


def test_public_view_copies_only_the_allow_list(db) -> None:
    with db.session() as session:
        ids = build_event(session)
        view = public_view(session.get(Patent, ids["patent0"]))
    assert view.title == "一种基于深度学习的锂电池健康状态估计方法"
    assert view.institution == "浙江大学"
    assert view.conversion_modes == (ConversionMode.TRANSFER, ConversionMode.OPEN_LICENCE)
    assert view.open_licence_terms == "每年5万元，普通许可"
    text = repr(view)
    for secret in [*SECRETS.values(), "87.5", "赵联系", "0571-88888888"]:
        assert secret not in text


def test_open_licence_terms_only_where_an_open_licence_is_declared(db) -> None:
    with db.session() as session:
        ids = build_event(session)
        view = public_view(session.get(Patent, ids["patent1"]))
    assert view.conversion_modes == (ConversionMode.LICENCE,)
    assert view.open_licence_terms == ""


def test_the_allow_list_and_the_private_list_cover_the_view_and_do_not_overlap() -> None:
    view_fields = {f.name for f in dataclasses.fields(PublicPatentView)} - {"patent_id"}
    allowed = {name.replace("institution.name", "institution") for name in PUBLIC_PATENT_FIELDS}
    assert view_fields == allowed
    assert not set(PUBLIC_PATENT_FIELDS) & set(PRIVATE_PATENT_FIELDS)
    for name in PRIVATE_PATENT_FIELDS:
        assert name in PATENT_DATA_FIELDS or name in {"score", "imported_values", "local_edits"}


def test_conversion_modes_parse_leniently() -> None:
    assert parse_conversion_modes("Transfer; bogus; transfer; investment") == (
        ConversionMode.TRANSFER,
        ConversionMode.INVESTMENT,
    )
    assert parse_conversion_modes("") == ()


def test_load_plan_orders_slots_and_keeps_notes_apart_from_the_public_view(db) -> None:
    with db.session() as session:
        ids = build_event(session, template="https://signup.example.cn/e/{event}?p={patent}")
        plan = load_plan(session, ids["session"])
    assert [slot.presenter for slot in plan.slots] == ["周教授", "孙教授", "茶歇"]
    first = plan.slots[0]
    assert first.notes == "讲到第三点时停顿，强调中试数据"
    assert first.planned_minutes == 8
    assert first.qr_payload.startswith("https://signup.example.cn/e/")
    assert first.qr_payload.endswith("?p=CN202210016632.1")
    assert plan.slots[2].public is None and plan.slots[2].heading == "茶歇"
    assert plan.event_qr_payload.endswith("?p=")
    assert [s.planned_seconds for s in plan.run_slots()] == [480, 300, 600]


def test_without_a_template_the_qr_is_the_patent_payload(db) -> None:
    with db.session() as session:
        ids = build_event(session)
        plan = load_plan(session, ids["session"])
    assert plan.slots[0].qr_payload == "RSD1:P:CN202210016632.1"
    assert plan.event_qr_payload == ""


def test_public_slides_never_carry_the_notes(db) -> None:
    with db.session() as session:
        ids = build_event(session)
        plan = load_plan(session, ids["session"])
    slides = [
        public_slide(plan, Position(Phase.TITLE, 0)),
        public_slide(plan, Position(Phase.SLOT, 0)),
        public_slide(plan, Position(Phase.SLOT, 2)),
        public_slide(plan, Position(Phase.END, 2)),
    ]
    assert [s.kind for s in slides] == [
        SlideKind.TITLE,
        SlideKind.PATENT,
        SlideKind.PATENT,
        SlideKind.END,
    ]
    for slide in slides:
        text = repr(slide)
        assert "讲到第三点" not in text
        assert "杭州秘密科技" not in text and "预算50万" not in text and "87.5" not in text


def test_an_empty_or_missing_session_is_refused_with_a_sentence(db) -> None:
    with db.session() as session:
        event = Event(name="空")
        session.add(event)
        session.flush()
        roadshow = RoadshowSession(event_id=event.id, title="空场")
        session.add(roadshow)
        session.flush()
        with pytest.raises(PlanError, match="no slots"):
            load_plan(session, roadshow.id)
        with pytest.raises(PlanError, match="no longer exists"):
            load_plan(session, 9999)


class DbRecorder:
    def __init__(self, database) -> None:
        self.database = database

    def slot_started(self, slot_id: int, at: dt.datetime) -> None:
        with self.database.session() as session:
            start_slot(session, slot_id, at)

    def slot_ended(self, slot_id: int, at: dt.datetime) -> None:
        with self.database.session() as session:
            end_slot(session, slot_id, at)


def test_a_run_saves_actual_start_and_end_of_every_slot(db) -> None:
    with db.session() as session:
        ids = build_event(session)
    with db.session() as session:
        plan = load_plan(session, ids["session"])
    now = [dt.datetime(2024, 5, 18, 14, 0)]
    run = RoadshowRun(
        plan.run_slots(), clock=lambda: now[0], recorder=DbRecorder(db), title_cards=False
    )
    run.start()
    now[0] += dt.timedelta(minutes=9)
    run.next()
    now[0] += dt.timedelta(minutes=4)
    run.stop()
    with db.session() as session:
        saved = {slot.id: (slot.actual_start, slot.actual_end) for slot in session.query(Slot)}
    first, second, third = (slot.slot_id for slot in plan.slots)
    assert saved[first] == (
        dt.datetime(2024, 5, 18, 14, 0),
        dt.datetime(2024, 5, 18, 14, 9),
    )
    assert saved[second] == (
        dt.datetime(2024, 5, 18, 14, 9),
        dt.datetime(2024, 5, 18, 14, 13),
    )
    assert saved[third] == (None, None)
