"""A roadshow session for the roadshow tests, full of private data that must stay off the projector.

Imported by tests and benchmarks (tests/ is on sys.path through tests/conftest.py).
:data:`PRIVATE_VALUES` lists every private text the data holds (enterprise names, contact
persons, phones, intention notes, presenter notes, scores, price guides, inventors...).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from roadshow_desk.domain.enums import IntentionKind, LegalStatus, PatentType
from roadshow_desk.domain.identifiers import check_character
from roadshow_desk.domain.models import (
    Enterprise,
    Event,
    Institution,
    Intention,
    Patent,
    Registration,
    RoadshowSession,
    ShortlistEntry,
    Slot,
)

LONG_TITLE = (
    "一种基于多源异构数据融合与深度强化学习的大规模储能电站锂离子电池组健康状态在线估计、"
    "故障预警及寿命预测方法、装置、电子设备和计算机可读存储介质"
)
LONG_TOKEN_TITLE = (
    "Poly(3,4-ethylenedioxythiophene)polystyrenesulfonate-graphene-oxide-nanocomposite electrode"
)

TITLES = (
    "一种固态锂电池电解质及其制备方法",
    LONG_TITLE,
    "基于深度学习的钢材表面缺陷检测方法",
    LONG_TOKEN_TITLE,
    "一种光伏组件清洁机器人",
    "一种可降解医用高分子材料",
)

PRIVATE_VALUES: list[str] = []


def _private(text: str) -> str:
    PRIVATE_VALUES.append(text)
    return text


def application_no(serial: int) -> str:
    digits = f"20221{serial:07d}"
    return f"CN{digits}.{check_character(digits)}"


@dataclass
class RoadshowDay:
    event_id: int
    session_id: int
    patent_ids: list[int] = field(default_factory=list)
    slot_ids: list[int] = field(default_factory=list)


def make_roadshow(database, slots: int = 6, *, template: bool = True) -> RoadshowDay:  # type: ignore[no-untyped-def]
    """One event, one session of ``slots`` patent slots plus a break, and private data around."""
    with database.session() as session:
        event = Event(
            name="2024 长三角高校专利转化路演对接会",
            signup_url_template="https://fair.example.cn/s?e={event}&p={application_no}"
            if template
            else "",
        )
        institution = Institution(
            name="东南理工大学",
            contact_person=_private("秦联络员"),
            contact_phone=_private("025-83791234"),
            contact_email=_private("tto-secret@example.edu.cn"),
        )
        session.add_all([event, institution])
        session.flush()
        roadshow = RoadshowSession(
            event_id=event.id, title="新能源与新材料专场", host=_private("主持人甲")
        )
        session.add(roadshow)
        session.flush()
        day = RoadshowDay(event.id, roadshow.id)
        enterprises = []
        for number in range(3):
            enterprise = Enterprise(
                name=_private(f"苏州隐私科技有限公司{number}号"),
                contact_person=_private(f"钱经理{number}"),
                phone=_private(f"1380000123{number}"),
                email=_private(f"buyer{number}@secret.example.com"),
                notes=_private(f"企业内部备注{number}"),
            )
            enterprises.append(enterprise)
        session.add_all(enterprises)
        session.flush()
        for enterprise in enterprises:
            session.add(
                Registration(
                    event_id=event.id,
                    enterprise_id=enterprise.id,
                    attendee_name=_private(f"参会人{enterprise.id}"),
                    attendee_phone=_private(f"1390000{enterprise.id:04d}"),
                )
            )
        for number in range(slots):
            title = TITLES[number % len(TITLES)]
            patent = Patent(
                application_no=application_no(number + 1),
                title=title,
                institution_id=institution.id,
                technical_field=("新能源", "新材料", "智能制造")[number % 3],
                patent_type=PatentType.INVENTION if number % 2 == 0 else PatentType.UTILITY_MODEL,
                legal_status=LegalStatus.GRANTED,
                advantages="能量密度提高30%，循环寿命超过5000次；工艺与现有产线兼容，改造成本低。"
                * (2 if number == 1 else 1),
                application_scenarios="储能电站；电动汽车；消费电子",
                conversion_modes="transfer; licence; open_licence"
                if number % 2 == 0
                else "licence",
                open_licence_terms="普通许可，每年8万元，许可期3年" if number % 2 == 0 else "",
                price_guide=_private(f"底价{120 + number}万元"),
                public_contact=_private(f"王老师 1355555000{number}"),
                inventors=_private(f"发明人甲{number}; 发明人乙{number}"),
                applicant_address=_private(f"秘密路{number}号"),
                score=float(_private(f"9{number}.37")),
                self_grade=4,
            )
            session.add(patent)
            session.flush()
            day.patent_ids.append(patent.id)
            session.add(
                ShortlistEntry(
                    event_id=event.id,
                    patent_id=patent.id,
                    position=number,
                    tags=_private(f"内部标签{number}"),
                    presenter_notes=_private(f"讲者提示{number}：先讲中试数据，再讲价格底线"),
                )
            )
            enterprise = enterprises[number % len(enterprises)]
            session.add(
                Intention(
                    event_id=event.id,
                    enterprise_id=enterprise.id,
                    patent_id=patent.id,
                    kind=IntentionKind.LICENCE,
                    contact_person=_private(f"孙采购{number}"),
                    contact_phone=_private(f"1377777000{number}"),
                    notes=_private(f"意向备注{number}：预算有限"),
                )
            )
            slot = Slot(
                session_id=roadshow.id,
                position=number,
                patent_id=patent.id,
                presenter=f"周教授{number}",
                planned_minutes=8,
            )
            session.add(slot)
            session.flush()
            day.slot_ids.append(slot.id)
        pause = Slot(session_id=roadshow.id, position=slots, presenter="茶歇", planned_minutes=10)
        session.add(pause)
        session.flush()
        day.slot_ids.append(pause.id)
    return day
