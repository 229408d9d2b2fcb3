"""Exporting enterprises and intentions to ``.xlsx``/``.csv`` (``export enterprises|intentions``).

Both go through :func:`~roadshow_desk.exchange.writers.write_table` (text cells neutralised
against formulas, written atomically). Headers are the Chinese ones the national activation
system's feedback sheet and registration lists use -- each is the first synonym of the
importer's field, so an exported file imports again (``enterprises import`` /
``intentions import``) to the same records.

Intentions (of one event, by default the most recent)
    企业名称, 统一社会信用代码, 企业类型, 专利申请号, 专利名称, 专利权人 (the institution),
    意向类型, 产业化前景评价, 预算, 登记时间, 登记台, 跟进阶段 -- the activation system's
    feedback columns -- then 时间计划, 联系人, 联系电话, 备注, 负责人, 下次跟进, and the
    contract outcome (合同类型, 合同金额（元） as a number, 支付方式, 签约日期, 登记/备案号).
    Times are
    written in the event's zone (the venue's), which the header names (``登记时间 (UTC+08:00)``, see
    :mod:`~roadshow_desk.exchange.export_times`); values are labelled in Chinese, stages
    with the window's names. The follow-up page's filters (stage, owner, overdue) can narrow
    the rows (:func:`~roadshow_desk.domain.followup.followup_conditions`).

Enterprises (the whole registry)
    The registration-list columns, then whether the firm signed up for the event and when
    and where it checked in, and whether it is a walk-in awaiting reconciliation.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import aliased

from roadshow_desk.domain.enums import (
    BudgetBand,
    DealKind,
    EnterpriseTag,
    FollowUpStage,
    IntentionKind,
    PaymentMethod,
)
from roadshow_desk.domain.enums import Timeline as TimelineEnum
from roadshow_desk.domain.events import resolve_event
from roadshow_desk.domain.followup import followup_conditions
from roadshow_desk.domain.models import (
    Enterprise,
    Event,
    Institution,
    Intention,
    Patent,
    Registration,
    split_list,
)
from roadshow_desk.domain.venue_time import venue_today
from roadshow_desk.exchange.export_times import export_zone, in_zone, zoned_header
from roadshow_desk.exchange.writers import write_table

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from roadshow_desk.store.db import Database

#: Chinese names of the values, as the activation system and paper sheets write them.
TAG_NAMES: dict[str, str] = {
    EnterpriseTag.IP_DEMONSTRATION: "知识产权优势示范企业",
    EnterpriseTag.SPECIALISED_SME: "专精特新中小企业",
    EnterpriseTag.HIGH_TECH: "高新技术企业",
    EnterpriseTag.STATE_OWNED: "国有企业",
    EnterpriseTag.IP_PROTECTION_CENTRE: "知识产权保护中心备案企业",
}
KIND_NAMES: dict[str, str] = {
    IntentionKind.TRANSFER: "转让",
    IntentionKind.LICENCE: "许可",
    IntentionKind.OPEN_LICENCE: "开放许可",
    IntentionKind.INVESTMENT: "作价入股",
    IntentionKind.IMPROVEMENT_NEED: "技术改进需求",
    IntentionKind.RESEARCH_COOPERATION: "产学研合作",
    IntentionKind.NO_DEMAND: "无需求",
}
BUDGET_NAMES: dict[str, str] = {
    BudgetBand.UNDER_100K: "10万以下",
    BudgetBand.FROM_100K_TO_500K: "10-50万",
    BudgetBand.FROM_500K_TO_1M: "50-100万",
    BudgetBand.FROM_1M_TO_5M: "100-500万",
    BudgetBand.OVER_5M: "500万以上",
    BudgetBand.UNDISCLOSED: "不便透露",
}
TIMELINE_NAMES: dict[str, str] = {
    TimelineEnum.WITHIN_3_MONTHS: "3个月内",
    TimelineEnum.WITHIN_6_MONTHS: "6个月内",
    TimelineEnum.WITHIN_1_YEAR: "1年内",
    TimelineEnum.LATER: "1年以上",
    TimelineEnum.UNDECIDED: "待定",
}
DEAL_NAMES: dict[str, str] = {
    DealKind.TRANSFER: "转让",
    DealKind.LICENCE: "许可",
    DealKind.OPEN_LICENCE: "开放许可",
    DealKind.EQUITY: "作价入股",
    DealKind.COOPERATION: "合作开发",
}
PAYMENT_NAMES: dict[str, str] = {
    PaymentMethod.LUMP_SUM: "一次性支付",
    PaymentMethod.INSTALMENTS: "分期支付",
    PaymentMethod.ROYALTY: "提成支付",
    PaymentMethod.EQUITY: "股权",
}
#: The window's Chinese stage names (the zh_CN translation of ``domain.labels``; a test
#: keeps the two the same, so an export and the follow-up page name a stage alike).
STAGE_NAMES: dict[str, str] = {
    FollowUpStage.NEW: "新意向",
    FollowUpStage.CONTACTED: "已联系",
    FollowUpStage.NEGOTIATING: "洽谈中",
    FollowUpStage.AGREED: "达成一致",
    FollowUpStage.CONTRACT_SIGNED: "已签合同",
    FollowUpStage.TRANSFER_REGISTERED: "已办理转让登记",
    FollowUpStage.LICENCE_FILED: "已办理许可备案",
    FollowUpStage.DROPPED: "已终止",
}
INTENTION_SHEET = "对接意向"
ENTERPRISE_SHEET = "企业名录"
CAPTURED_AT = "登记时间"
CHECKED_IN_AT = "签到时间"

INTENTION_HEADER: tuple[str, ...] = (
    "企业名称",
    "统一社会信用代码",
    "企业类型",
    "专利申请号",
    "专利名称",
    "专利权人",
    "意向类型",
    "产业化前景评价",
    "预算",
    "登记时间",
    "登记台",
    "跟进阶段",
    "时间计划",
    "联系人",
    "联系电话",
    "备注",
    "负责人",
    "下次跟进",
    "合同类型",
    "合同金额（元）",
    "支付方式",
    "签约日期",
    "登记/备案号",
)

ENTERPRISE_HEADER: tuple[str, ...] = (
    "企业名称",
    "统一社会信用代码",
    "企业类型",
    "所属行业",
    "技术需求关键词",
    "所在地区",
    "地址",
    "联系人",
    "联系电话",
    "电子邮箱",
    "同意联系",
    "备注",
    "已报名",
    "签到时间",
    "签到台",
    "现场登记待核对",
)


def tag_names(tags: str) -> str:
    return "、".join(TAG_NAMES.get(value, value) for value in split_list(tags))


def _name(names: dict[str, str], value: Any) -> str:
    return "" if value is None else names.get(str(value), str(value))


def intention_header(zone: dt.tzinfo) -> list[str]:
    """The intention export's header, its time column naming ``zone``."""
    return [zoned_header(name, zone) if name == CAPTURED_AT else name for name in INTENTION_HEADER]


def intention_rows(
    session: Session,
    event_id: int,
    *,
    zone: dt.tzinfo | None = None,
    stages: list[FollowUpStage] | tuple[FollowUpStage, ...] | None = None,
    owner: str | None = None,
    overdue: bool = False,
    today: dt.date | None = None,
) -> list[list[Any]]:
    """The rows of the intention export of one event, in capture order, times in ``zone``
    (default :func:`export_zone`); ``stages``, ``owner`` and ``overdue`` filter as the
    follow-up page does."""
    event = session.get(Event, event_id)
    zone = zone or export_zone(event)
    today = today or venue_today(getattr(event, "time_zone", None))
    conditions = followup_conditions(
        event_id=event_id, stages=stages, owner=owner, overdue=overdue, today=today
    )
    institution = aliased(Institution)
    query = (
        select(Intention, Enterprise, Patent, institution.name)
        .join(Enterprise, Intention.enterprise_id == Enterprise.id)
        .join(Patent, Intention.patent_id == Patent.id)
        .outerjoin(institution, Patent.institution_id == institution.id)
        .where(*conditions)
        .order_by(Intention.captured_at, Intention.id)
    )
    rows = []
    for intention, firm, patent, institution_name in session.execute(query):
        rows.append(
            [
                firm.name,
                firm.credit_code or "",
                tag_names(firm.tags),
                patent.application_no,
                patent.title,
                institution_name or patent.applicants,
                _name(KIND_NAMES, intention.kind),
                intention.prospect_rating,
                _name(BUDGET_NAMES, intention.budget_band),
                in_zone(intention.captured_at, zone),
                intention.captured_station,
                _name(STAGE_NAMES, intention.stage),
                _name(TIMELINE_NAMES, intention.timeline),
                intention.contact_person,
                intention.contact_phone,
                intention.notes,
                intention.owner,
                intention.next_action_on,
                _name(DEAL_NAMES, intention.deal_kind),
                None if intention.deal_amount is None else float(intention.deal_amount),
                _name(PAYMENT_NAMES, intention.payment_method),
                intention.contract_signed_on,
                intention.registration_no,
            ]
        )
    return rows


def export_intentions(
    database: Database,
    path: str | Path,
    *,
    event_id: int | str | None = None,
    stages: list[FollowUpStage] | tuple[FollowUpStage, ...] | None = None,
    owner: str | None = None,
    overdue: bool = False,
) -> int:
    """Write the intentions of the event (default the most recent) to ``path``; row count.

    ``stages``, ``owner`` (``""`` = nobody) and ``overdue`` narrow them as the follow-up
    page's filters do (the page exports what it shows).
    """
    with database.session() as session:
        event = resolve_event(session, event_id)
        zone = export_zone(event)
        rows = intention_rows(
            session, event.id, zone=zone, stages=stages, owner=owner, overdue=overdue
        )
    write_table(
        Path(path),
        intention_header(zone),
        rows,
        sheet_name=INTENTION_SHEET,
        widths={"专利名称": 40, "备注": 40, zoned_header(CAPTURED_AT, zone): 20},
    )
    return len(rows)


def enterprise_header(zone: dt.tzinfo) -> list[str]:
    """The enterprise export's header, its time column naming ``zone``."""
    return [
        zoned_header(name, zone) if name == CHECKED_IN_AT else name for name in ENTERPRISE_HEADER
    ]


def enterprise_rows(
    session: Session, event_id: int | None, *, zone: dt.tzinfo | None = None
) -> list[list[Any]]:
    """The rows of the enterprise export (registration state for ``event_id``), times in
    ``zone`` (default :func:`export_zone`)."""
    zone = zone or export_zone(session.get(Event, event_id) if event_id is not None else None)
    registrations: dict[int, Registration] = {}
    if event_id is not None:
        registrations = {
            reg.enterprise_id: reg
            for reg in session.scalars(
                select(Registration).where(
                    Registration.event_id == event_id, Registration.deleted_at.is_(None)
                )
            )
        }
    rows = []
    for firm in session.scalars(
        select(Enterprise).where(Enterprise.deleted_at.is_(None)).order_by(Enterprise.name)
    ):
        reg = registrations.get(firm.id)
        rows.append(
            [
                firm.name,
                firm.credit_code or "",
                tag_names(firm.tags),
                firm.industry,
                firm.keywords,
                firm.region,
                firm.address,
                firm.contact_person,
                firm.phone,
                firm.email,
                firm.consent_to_contact,
                firm.notes,
                reg is not None,
                in_zone(reg.checked_in_at, zone) if reg else None,
                reg.checked_in_station if reg else "",
                firm.is_walk_in,
            ]
        )
    return rows


def export_enterprises(
    database: Database, path: str | Path, *, event_id: int | str | None = None
) -> int:
    """Write the registry (with sign-up and check-in for the event) to ``path``; row count.

    Without any event the registration columns stay empty.
    """
    with database.session() as session:
        from roadshow_desk.domain.events import latest_event

        event = latest_event(session) if event_id is None else resolve_event(session, event_id)
        zone = export_zone(event)
        rows = enterprise_rows(session, event.id if event is not None else None, zone=zone)
    write_table(
        Path(path),
        enterprise_header(zone),
        rows,
        sheet_name=ENTERPRISE_SHEET,
        widths={"企业名称": 30, zoned_header(CHECKED_IN_AT, zone): 20},
    )
    return len(rows)
