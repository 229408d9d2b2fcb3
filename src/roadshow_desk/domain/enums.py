"""Kinds, stages, types and statuses shared by every workflow.

Values are stable English identifiers stored in the database and written to exports; the
user sees translated labels (see ``roadshow_desk.domain.labels``).
"""

from __future__ import annotations

import enum


class PatentType(enum.StrEnum):
    INVENTION = "invention"
    UTILITY_MODEL = "utility_model"
    DESIGN = "design"


class LegalStatus(enum.StrEnum):
    """Legal status of a patent as the exports and CNIPA report it."""

    PENDING = "pending"  # 公开 / 实质审查 / 审中
    GRANTED = "granted"  # 有效 / 授权 / 维持
    EXPIRED = "expired"  # 期限届满
    LAPSED = "lapsed"  # 未缴年费终止 / 失效 / 无效 (generic invalid)
    INVALIDATED = "invalidated"  # 全部无效 (invalidation decision)
    WITHDRAWN = "withdrawn"  # 撤回 / 视为撤回
    REJECTED = "rejected"  # 驳回
    ABANDONED = "abandoned"  # 放弃
    UNKNOWN = "unknown"


class InstitutionKind(enum.StrEnum):
    UNIVERSITY = "university"
    INSTITUTE = "institute"
    HOSPITAL = "hospital"
    ENTERPRISE = "enterprise"
    OTHER = "other"


class ConversionMode(enum.StrEnum):
    """How an institution offers a patent (several may apply)."""

    TRANSFER = "transfer"
    LICENCE = "licence"
    OPEN_LICENCE = "open_licence"
    INVESTMENT = "investment"
    COOPERATION = "cooperation"


class IntentionKind(enum.StrEnum):
    """What an enterprise wants from a patent; number keys 1–7 in capture order."""

    TRANSFER = "transfer"
    LICENCE = "licence"
    OPEN_LICENCE = "open_licence"
    INVESTMENT = "investment"
    IMPROVEMENT_NEED = "improvement_need"
    RESEARCH_COOPERATION = "research_cooperation"
    NO_DEMAND = "no_demand"


class FollowUpStage(enum.StrEnum):
    NEW = "new"
    CONTACTED = "contacted"
    NEGOTIATING = "negotiating"
    AGREED = "agreed"
    CONTRACT_SIGNED = "contract_signed"
    TRANSFER_REGISTERED = "transfer_registered"
    LICENCE_FILED = "licence_filed"
    DROPPED = "dropped"


class DealKind(enum.StrEnum):
    """What a signed contract is (the contract outcome of a follow-up)."""

    TRANSFER = "transfer"
    LICENCE = "licence"
    OPEN_LICENCE = "open_licence"
    EQUITY = "equity"  # investment / equity
    COOPERATION = "cooperation"


class PaymentMethod(enum.StrEnum):
    LUMP_SUM = "lump_sum"
    INSTALMENTS = "instalments"
    ROYALTY = "royalty"
    EQUITY = "equity"


class EnterpriseTag(enum.StrEnum):
    """The five enterprise types the campaign notice names."""

    IP_DEMONSTRATION = "ip_demonstration"  # 知识产权优势示范企业
    SPECIALISED_SME = "specialised_sme"  # 专精特新中小企业
    HIGH_TECH = "high_tech"  # 高新技术企业
    STATE_OWNED = "state_owned"  # 国有企业
    IP_PROTECTION_CENTRE = "ip_protection_centre"  # 知识产权保护中心备案企业


class BudgetBand(enum.StrEnum):
    UNDER_100K = "under_100k"
    FROM_100K_TO_500K = "100k_500k"
    FROM_500K_TO_1M = "500k_1m"
    FROM_1M_TO_5M = "1m_5m"
    OVER_5M = "over_5m"
    UNDISCLOSED = "undisclosed"


class Timeline(enum.StrEnum):
    WITHIN_3_MONTHS = "within_3_months"
    WITHIN_6_MONTHS = "within_6_months"
    WITHIN_1_YEAR = "within_1_year"
    LATER = "later"
    UNDECIDED = "undecided"


class ImportKind(enum.StrEnum):
    PATENTS = "patents"
    ENTERPRISES = "enterprises"
    INTENTIONS = "intentions"
    BUNDLE = "bundle"


class ConflictResolution(enum.StrEnum):
    OPEN = "open"
    KEPT_LOCAL = "kept_local"
    TOOK_FILE = "took_file"


class HighValueCategory(enum.StrEnum):
    """CNIPA "high-value invention patent" categories."""

    STRATEGIC_EMERGING = "strategic_emerging"
    OVERSEAS_FAMILY = "overseas_family"
    MAINTAINED_10_YEARS = "maintained_10_years"
    PLEDGE_FINANCING = "pledge_financing"
    PATENT_AWARD = "patent_award"
