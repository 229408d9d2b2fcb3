"""Small fair-day data for the fair-day tests: an event, patents, registered firms.

Imported by tests under tests/domain, tests/exchange and tests/ui (tests/ is on sys.path
because tests/conftest.py lives there).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from roadshow_desk.domain.identifiers import check_character, make_credit_code
from roadshow_desk.domain.models import (
    Enterprise,
    Event,
    Institution,
    Patent,
    ShortlistEntry,
)

FIRMS = (
    ("宁德储能科技有限公司", "13800000001", "high_tech; specialised_sme"),
    ("华东精密机械股份有限公司", "021-55556666", "state_owned"),
    ("联想（北京）有限公司", "010-88889999", "ip_demonstration"),
    ("苏州微光电子有限责任公司", "13900000002", ""),
)
PATENTS = (
    ("202210016632", "一种固态锂电池电解质及其制备方法", "电池"),
    ("202110123456", "高精度数控机床主轴热误差补偿方法", "智能制造"),
    ("202020654321", "一种光伏组件清洁机器人", "新能源"),
    ("201910555555", "基于深度学习的钢材表面缺陷检测方法", "人工智能"),
)


def application_no(digits: str) -> str:
    return f"CN{digits}.{check_character(digits)}"


def credit_code(index: int) -> str:
    return make_credit_code(f"9132050{index:010d}")


@dataclass
class FairDay:
    event_id: int
    patent_ids: list[int] = field(default_factory=list)
    enterprise_ids: list[int] = field(default_factory=list)
    institution_id: int = 0


def make_fair_day(database, shortlist: bool = True) -> FairDay:  # type: ignore[no-untyped-def]
    """One event, one institution, four patents (shortlisted), four registered firms."""
    with database.session() as session:
        event = Event(
            name="长三角专利转化路演对接会",
            starts_on=dt.date(2026, 12, 3),
            venue="苏州国际博览中心",
            region="江苏省",
            signup_url_template="https://fair.example.cn/s?e={event}&p={application_no}",
        )
        institution = Institution(name="东南理工大学", short_name="东理工")
        session.add_all([event, institution])
        session.flush()
        day = FairDay(event.id, institution_id=institution.id)
        for position, (digits, title, fieldname) in enumerate(PATENTS):
            patent = Patent(
                application_no=application_no(digits),
                title=title,
                technical_field=fieldname,
                institution_id=institution.id,
                applicants="东南理工大学",
                public_contact="王老师",
            )
            session.add(patent)
            session.flush()
            day.patent_ids.append(patent.id)
            if shortlist:
                session.add(
                    ShortlistEntry(event_id=event.id, patent_id=patent.id, position=position)
                )
        from roadshow_desk.domain.enterprise_names import name_key

        for index, (name, phone, tags) in enumerate(FIRMS, start=1):
            firm = Enterprise(
                name=name,
                name_key=name_key(name),
                credit_code=credit_code(index),
                phone=phone,
                tags=tags,
                contact_person=f"联系人{index}",
                consent_to_contact=True,
            )
            session.add(firm)
            session.flush()
            day.enterprise_ids.append(firm.id)
    return day
