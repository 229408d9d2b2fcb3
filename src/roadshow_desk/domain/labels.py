"""What the user reads for stored values: translated labels of enums and patent fields.

The window, the CLI and the PDFs share these, so a kind or a field reads the same
everywhere. Labels are marked with :func:`QT_TRANSLATE_NOOP` (extracted into the ``core``
catalogue) and translated when asked for, so the current language applies.
"""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal
from typing import Any

from roadshow_desk.domain.enums import (
    BudgetBand,
    ConflictResolution,
    ConversionMode,
    DealKind,
    EnterpriseTag,
    FollowUpStage,
    HighValueCategory,
    ImportKind,
    InstitutionKind,
    IntentionKind,
    LegalStatus,
    PatentType,
    PaymentMethod,
    Timeline,
)
from roadshow_desk.domain.models import split_list
from roadshow_desk.i18n import QT_TRANSLATE_NOOP, translate

CONTEXT = "Labels"
FIELDS_CONTEXT = "PatentFields"

# Keyed by class, then value: members of different StrEnums with the same value are equal.
_ENUM_LABELS: dict[type[enum.Enum], dict[str, str]] = {
    PatentType: {
        PatentType.INVENTION: QT_TRANSLATE_NOOP("Labels", "Invention"),
        PatentType.UTILITY_MODEL: QT_TRANSLATE_NOOP("Labels", "Utility model"),
        PatentType.DESIGN: QT_TRANSLATE_NOOP("Labels", "Design"),
    },
    LegalStatus: {
        LegalStatus.PENDING: QT_TRANSLATE_NOOP("Labels", "Pending"),
        LegalStatus.GRANTED: QT_TRANSLATE_NOOP("Labels", "Granted, in force"),
        LegalStatus.EXPIRED: QT_TRANSLATE_NOOP("Labels", "Expired"),
        LegalStatus.LAPSED: QT_TRANSLATE_NOOP("Labels", "Lapsed"),
        LegalStatus.INVALIDATED: QT_TRANSLATE_NOOP("Labels", "Invalidated"),
        LegalStatus.WITHDRAWN: QT_TRANSLATE_NOOP("Labels", "Withdrawn"),
        LegalStatus.REJECTED: QT_TRANSLATE_NOOP("Labels", "Rejected"),
        LegalStatus.ABANDONED: QT_TRANSLATE_NOOP("Labels", "Abandoned"),
        LegalStatus.UNKNOWN: QT_TRANSLATE_NOOP("Labels", "Unknown"),
    },
    InstitutionKind: {
        InstitutionKind.UNIVERSITY: QT_TRANSLATE_NOOP("Labels", "University"),
        InstitutionKind.INSTITUTE: QT_TRANSLATE_NOOP("Labels", "Research institute"),
        InstitutionKind.HOSPITAL: QT_TRANSLATE_NOOP("Labels", "Hospital"),
        InstitutionKind.ENTERPRISE: QT_TRANSLATE_NOOP("Labels", "Enterprise"),
        InstitutionKind.OTHER: QT_TRANSLATE_NOOP("Labels", "Other"),
    },
    ConversionMode: {
        ConversionMode.TRANSFER: QT_TRANSLATE_NOOP("Labels", "Transfer"),
        ConversionMode.LICENCE: QT_TRANSLATE_NOOP("Labels", "Licence"),
        ConversionMode.OPEN_LICENCE: QT_TRANSLATE_NOOP("Labels", "Open licence"),
        ConversionMode.INVESTMENT: QT_TRANSLATE_NOOP("Labels", "Investment (equity)"),
        ConversionMode.COOPERATION: QT_TRANSLATE_NOOP("Labels", "Research cooperation"),
    },
    IntentionKind: {
        IntentionKind.TRANSFER: QT_TRANSLATE_NOOP("Labels", "Transfer"),
        IntentionKind.LICENCE: QT_TRANSLATE_NOOP("Labels", "Licence"),
        IntentionKind.OPEN_LICENCE: QT_TRANSLATE_NOOP("Labels", "Open licence"),
        IntentionKind.INVESTMENT: QT_TRANSLATE_NOOP("Labels", "Investment / equity"),
        IntentionKind.IMPROVEMENT_NEED: QT_TRANSLATE_NOOP("Labels", "Technology improvement need"),
        IntentionKind.RESEARCH_COOPERATION: QT_TRANSLATE_NOOP(
            "Labels", "Industry-university-research cooperation"
        ),
        IntentionKind.NO_DEMAND: QT_TRANSLATE_NOOP("Labels", "No demand"),
    },
    FollowUpStage: {
        FollowUpStage.NEW: QT_TRANSLATE_NOOP("Labels", "New"),
        FollowUpStage.CONTACTED: QT_TRANSLATE_NOOP("Labels", "Contacted"),
        FollowUpStage.NEGOTIATING: QT_TRANSLATE_NOOP("Labels", "Negotiating"),
        FollowUpStage.AGREED: QT_TRANSLATE_NOOP("Labels", "Agreed"),
        FollowUpStage.CONTRACT_SIGNED: QT_TRANSLATE_NOOP("Labels", "Contract signed"),
        FollowUpStage.TRANSFER_REGISTERED: QT_TRANSLATE_NOOP("Labels", "Transfer registered"),
        FollowUpStage.LICENCE_FILED: QT_TRANSLATE_NOOP("Labels", "Licence filed"),
        FollowUpStage.DROPPED: QT_TRANSLATE_NOOP("Labels", "Dropped"),
    },
    DealKind: {
        DealKind.TRANSFER: QT_TRANSLATE_NOOP("Labels", "Transfer"),
        DealKind.LICENCE: QT_TRANSLATE_NOOP("Labels", "Licence"),
        DealKind.OPEN_LICENCE: QT_TRANSLATE_NOOP("Labels", "Open licence"),
        DealKind.EQUITY: QT_TRANSLATE_NOOP("Labels", "Equity / investment"),
        DealKind.COOPERATION: QT_TRANSLATE_NOOP("Labels", "Cooperation"),
    },
    PaymentMethod: {
        PaymentMethod.LUMP_SUM: QT_TRANSLATE_NOOP("Labels", "Lump sum"),
        PaymentMethod.INSTALMENTS: QT_TRANSLATE_NOOP("Labels", "Instalments"),
        PaymentMethod.ROYALTY: QT_TRANSLATE_NOOP("Labels", "Royalty"),
        PaymentMethod.EQUITY: QT_TRANSLATE_NOOP("Labels", "Equity"),
    },
    EnterpriseTag: {
        EnterpriseTag.IP_DEMONSTRATION: QT_TRANSLATE_NOOP("Labels", "IP-advantage demonstration"),
        EnterpriseTag.SPECIALISED_SME: QT_TRANSLATE_NOOP("Labels", "Specialised and new SME"),
        EnterpriseTag.HIGH_TECH: QT_TRANSLATE_NOOP("Labels", "High-tech enterprise"),
        EnterpriseTag.STATE_OWNED: QT_TRANSLATE_NOOP("Labels", "State-owned enterprise"),
        EnterpriseTag.IP_PROTECTION_CENTRE: QT_TRANSLATE_NOOP(
            "Labels", "Registered with an IP protection centre"
        ),
    },
    BudgetBand: {
        BudgetBand.UNDER_100K: QT_TRANSLATE_NOOP("Labels", "Under ¥100,000"),
        BudgetBand.FROM_100K_TO_500K: QT_TRANSLATE_NOOP("Labels", "¥100,000–500,000"),
        BudgetBand.FROM_500K_TO_1M: QT_TRANSLATE_NOOP("Labels", "¥500,000–1 million"),
        BudgetBand.FROM_1M_TO_5M: QT_TRANSLATE_NOOP("Labels", "¥1–5 million"),
        BudgetBand.OVER_5M: QT_TRANSLATE_NOOP("Labels", "Over ¥5 million"),
        BudgetBand.UNDISCLOSED: QT_TRANSLATE_NOOP("Labels", "Undisclosed"),
    },
    Timeline: {
        Timeline.WITHIN_3_MONTHS: QT_TRANSLATE_NOOP("Labels", "Within 3 months"),
        Timeline.WITHIN_6_MONTHS: QT_TRANSLATE_NOOP("Labels", "Within 6 months"),
        Timeline.WITHIN_1_YEAR: QT_TRANSLATE_NOOP("Labels", "Within a year"),
        Timeline.LATER: QT_TRANSLATE_NOOP("Labels", "Later than a year"),
        Timeline.UNDECIDED: QT_TRANSLATE_NOOP("Labels", "Undecided"),
    },
    ImportKind: {
        ImportKind.PATENTS: QT_TRANSLATE_NOOP("Labels", "Patents"),
        ImportKind.ENTERPRISES: QT_TRANSLATE_NOOP("Labels", "Enterprises"),
        ImportKind.INTENTIONS: QT_TRANSLATE_NOOP("Labels", "Intentions"),
        ImportKind.BUNDLE: QT_TRANSLATE_NOOP("Labels", "Station bundle"),
    },
    ConflictResolution: {
        ConflictResolution.OPEN: QT_TRANSLATE_NOOP("Labels", "Open"),
        ConflictResolution.KEPT_LOCAL: QT_TRANSLATE_NOOP("Labels", "Kept the local edit"),
        ConflictResolution.TOOK_FILE: QT_TRANSLATE_NOOP("Labels", "Took the file's value"),
    },
    HighValueCategory: {
        HighValueCategory.STRATEGIC_EMERGING: QT_TRANSLATE_NOOP(
            "Labels", "Strategic emerging industry"
        ),
        HighValueCategory.OVERSEAS_FAMILY: QT_TRANSLATE_NOOP("Labels", "Overseas family"),
        HighValueCategory.MAINTAINED_10_YEARS: QT_TRANSLATE_NOOP(
            "Labels", "Maintained over 10 years"
        ),
        HighValueCategory.PLEDGE_FINANCING: QT_TRANSLATE_NOOP("Labels", "Pledge financing"),
        HighValueCategory.PATENT_AWARD: QT_TRANSLATE_NOOP("Labels", "Patent award"),
    },
}

#: Labels of the patent's fields (and of ``institution``, the owner's name).
PATENT_FIELD_LABELS: dict[str, str] = {
    "application_no": QT_TRANSLATE_NOOP("PatentFields", "Application no."),
    "publication_no": QT_TRANSLATE_NOOP("PatentFields", "Publication no."),
    "grant_no": QT_TRANSLATE_NOOP("PatentFields", "Grant no."),
    "title": QT_TRANSLATE_NOOP("PatentFields", "Title"),
    "abstract": QT_TRANSLATE_NOOP("PatentFields", "Abstract"),
    "patent_type": QT_TRANSLATE_NOOP("PatentFields", "Type"),
    "ipc_main": QT_TRANSLATE_NOOP("PatentFields", "IPC main"),
    "ipc_all": QT_TRANSLATE_NOOP("PatentFields", "IPC codes"),
    "technical_field": QT_TRANSLATE_NOOP("PatentFields", "Technical field"),
    "applicants": QT_TRANSLATE_NOOP("PatentFields", "Applicants"),
    "current_owners": QT_TRANSLATE_NOOP("PatentFields", "Current owners"),
    "inventors": QT_TRANSLATE_NOOP("PatentFields", "Inventors"),
    "applicant_address": QT_TRANSLATE_NOOP("PatentFields", "Applicant address"),
    "agency": QT_TRANSLATE_NOOP("PatentFields", "Patent agency"),
    "institution": QT_TRANSLATE_NOOP("PatentFields", "Institution"),
    "application_date": QT_TRANSLATE_NOOP("PatentFields", "Application date"),
    "publication_date": QT_TRANSLATE_NOOP("PatentFields", "Publication date"),
    "grant_date": QT_TRANSLATE_NOOP("PatentFields", "Grant date"),
    "priority_date": QT_TRANSLATE_NOOP("PatentFields", "Priority date"),
    "legal_status": QT_TRANSLATE_NOOP("PatentFields", "Legal status"),
    "claims_count": QT_TRANSLATE_NOOP("PatentFields", "Claims"),
    "family_size": QT_TRANSLATE_NOOP("PatentFields", "Family size"),
    "cited_by_count": QT_TRANSLATE_NOOP("PatentFields", "Cited by"),
    "strategic_emerging_industry": QT_TRANSLATE_NOOP("PatentFields", "Strategic emerging industry"),
    "overseas_family": QT_TRANSLATE_NOOP("PatentFields", "Overseas family"),
    "pledge_financing": QT_TRANSLATE_NOOP("PatentFields", "Pledge financing"),
    "patent_award": QT_TRANSLATE_NOOP("PatentFields", "Patent award"),
    "self_grade": QT_TRANSLATE_NOOP("PatentFields", "Self-assessed grade"),
    "conversion_modes": QT_TRANSLATE_NOOP("PatentFields", "Conversion modes offered"),
    "open_licence_terms": QT_TRANSLATE_NOOP("PatentFields", "Open licence terms"),
    "price_guide": QT_TRANSLATE_NOOP("PatentFields", "Price guide"),
    "public_contact": QT_TRANSLATE_NOOP("PatentFields", "Public contact"),
    "advantages": QT_TRANSLATE_NOOP("PatentFields", "Advantages"),
    "application_scenarios": QT_TRANSLATE_NOOP("PatentFields", "Application scenarios"),
    "score": QT_TRANSLATE_NOOP("PatentFields", "Score"),
}

_YES = QT_TRANSLATE_NOOP("Labels", "Yes")
_NO = QT_TRANSLATE_NOOP("Labels", "No")


def label(member: enum.Enum) -> str:
    """The translated label of an enum member (its value when it has no label)."""
    source = _ENUM_LABELS.get(type(member), {}).get(member.value)
    return translate(CONTEXT, source) if source else str(member.value)


def label_of(enum_class: type[enum.Enum], value: str | None) -> str:
    """The label of a stored value of ``enum_class`` (unknown values shown as they are)."""
    if value is None or value == "":
        return ""
    try:
        return label(enum_class(value))
    except ValueError:
        return str(value)


def choices(enum_class: type[enum.Enum]) -> list[tuple[enum.Enum, str]]:
    """(member, label) of every member, in declaration order: for combo boxes."""
    return [(member, label(member)) for member in enum_class]


def field_label(field: str) -> str:
    """The translated label of a patent field (its name when it has none)."""
    source = PATENT_FIELD_LABELS.get(field)
    return translate(FIELDS_CONTEXT, source) if source else field


def yes_no(value: bool) -> str:
    return translate(CONTEXT, _YES if value else _NO)


def stars(grade: int | None) -> str:
    """A 1–5 grade as stars (``★★★☆☆``), ``""`` when there is none."""
    if grade is None:
        return ""
    grade = max(0, min(5, int(grade)))
    return "★" * grade + "☆" * (5 - grade)


def format_value(field: str, value: Any) -> str:
    """A patent field's value as the user reads it (dates ISO, enums and flags labelled)."""
    if value is None:
        return ""
    if field == "conversion_modes":
        return "、".join(label_of(ConversionMode, item) for item in split_list(str(value)))
    if field == "self_grade":
        return stars(value)
    if isinstance(value, enum.Enum):
        return label(value)
    if field == "patent_type":
        return label_of(PatentType, value)
    if field == "legal_status":
        return label_of(LegalStatus, value)
    if isinstance(value, bool):
        return yes_no(value)
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:.1f}"
    if isinstance(value, Decimal):
        return f"{value:,.2f}"
    return str(value)
