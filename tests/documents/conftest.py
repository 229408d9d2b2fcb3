"""Fixtures for the printed documents: the registered font, and a small event database."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from samples import INSTITUTIONS, sample_event, sample_patents

from roadshow_desk import i18n


@pytest.fixture(scope="session")
def font() -> str:
    from roadshow_desk.documents.fonts import register_reportlab_font, require_cjk_font

    return register_reportlab_font(require_cjk_font())


@pytest.fixture
def chinese() -> Iterator[None]:
    """Translate through the zh_CN catalogues (as a Chinese system does)."""
    from roadshow_desk.ui.translations import install_translation_hook

    install_translation_hook("zh_CN")
    yield
    i18n.install_hook(None)


MARKUP_TITLE = "<b>加粗</b> & <font color=red>红色</font> 一种&amp;测试<br/>方法 <i>"


def fill_print_db(database: Any, *, shortlist: int = 14, signup: bool = True) -> dict[str, Any]:
    """An event with a shortlist (one entry excluded, one tombstoned), two sessions with
    slots, six registered enterprises (four checked in). Returns ids and expectations."""
    from roadshow_desk.domain.enums import ConversionMode, LegalStatus, PatentType
    from roadshow_desk.domain.models import (
        Enterprise,
        Event,
        Institution,
        Patent,
        Registration,
        RoadshowSession,
        ShortlistEntry,
        Slot,
        utcnow,
    )

    info = sample_event(signup=signup)
    records = sample_patents(shortlist + 2, info)
    with database.session() as session:
        institutions = {
            name: Institution(name=name, contact_person="王老师", contact_phone="0571-87951234")
            for name in INSTITUTIONS
        }
        session.add_all(institutions.values())
        event = Event(
            name=info.name,
            starts_on=info.starts_on,
            ends_on=info.ends_on,
            venue=info.venue,
            region=info.region,
            partner_regions="; ".join(info.partner_regions),
            organisers="; ".join(info.organisers),
            signup_url_template=info.signup_url_template,
            foreword=info.foreword,
        )
        session.add(event)
        patents = []
        for index, record in enumerate(records):
            title = MARKUP_TITLE if index == 2 else record.title
            patent = Patent(
                application_no=record.application_no,
                title=title,
                abstract=record.abstract,
                patent_type=PatentType.INVENTION,
                legal_status=LegalStatus.GRANTED,
                technical_field="" if index == 5 else record.technical_field,
                inventors="; ".join(record.inventors),
                ipc_main=record.ipc_main,
                conversion_modes="; ".join(
                    [ConversionMode.TRANSFER, ConversionMode.OPEN_LICENCE]
                    if index % 2
                    else [ConversionMode.LICENCE]
                ),
                open_licence_terms=record.open_licence_terms,
                price_guide=record.price_guide,
                advantages=record.advantages,
                application_scenarios=record.application_scenarios,
                institution=institutions[record.institution],
            )
            patents.append(patent)
        session.add_all(patents)
        session.flush()
        # shortlist in reverse creation order, so that order is the shortlist's, not the ids'
        for position, patent in enumerate(reversed(patents)):
            entry = ShortlistEntry(event_id=event.id, patent_id=patent.id, position=position)
            if position == 3:
                entry.included = False
                entry.exclusion_reason = "重复"
            if position == 4:
                entry.deleted_at = utcnow()
            session.add(entry)
        start = dt.datetime.combine(info.starts_on or dt.date.today(), dt.time(9, 30))
        sessions = []
        for number, title in enumerate(["新能源与新材料专场", "生物医药与<智能>制造专场"]):
            roadshow = RoadshowSession(
                event_id=event.id,
                title=title,
                position=number,
                starts_at=start + dt.timedelta(hours=4 * number),
                room="2号馆 A 厅",
                host="李主任",
            )
            session.add(roadshow)
            session.flush()
            for position, patent in enumerate(patents[number * 5 : number * 5 + 5]):
                session.add(
                    Slot(
                        session_id=roadshow.id,
                        position=position,
                        patent_id=patent.id,
                        presenter="张老师",
                        planned_minutes=8 + position,
                    )
                )
            sessions.append(roadshow)
        enterprises = []
        for index, name in enumerate(
            [
                "杭州海康威视数字技术股份有限公司",
                "浙江<某某>&新材料有限公司",
                "宁波舜宇光学科技",
                "中国石油化工股份有限公司镇海炼化分公司",
                "万向钱潮股份有限公司",
                "杭州老板电器",
            ]
        ):
            enterprise = Enterprise(
                name=name,
                tags="specialised_sme; high_tech" if index % 2 else "state_owned",
                region="杭州市",
            )
            session.add(enterprise)
            session.flush()
            session.add(
                Registration(
                    event_id=event.id,
                    enterprise_id=enterprise.id,
                    attendee_name="王经理",
                    checked_in_at=utcnow() if index < 4 else None,
                )
            )
            enterprises.append(enterprise)
        session.flush()
        included = [p for position, p in enumerate(reversed(patents)) if position not in (3, 4)]
        expected = {
            "event_id": event.id,
            "event_uuid": event.uuid,
            "session_ids": [s.id for s in sessions],
            "shortlist": [(p.application_no, p.title, p.technical_field or None) for p in included],
            "enterprise_uuids": [e.uuid for e in enterprises],
            "checked_in_uuids": [e.uuid for e in enterprises[:4]],
        }
    return expected


@pytest.fixture
def print_db(db: Any) -> tuple[Any, dict[str, Any]]:
    return db, fill_print_db(db)
