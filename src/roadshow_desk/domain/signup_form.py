"""The sign-up form: one set of columns for the printed sheet, its transcription workbook
and the importer (``intentions import``), so that what is written on paper types back in.

Two variants:

* the **event** sheet: the patent column takes a patent (application) number or the booth
  number of the booth cards (the patent's place in the shortlist);
* the **session** sheet: the patent column pre-prints the session's slot numbers as tick
  boxes (a legend gives each slot's patent), and the workbook offers the session's patents
  in a drop-down list, each as ``slot. title (application number)``.

Then, on both: enterprise, unified social credit code, contact person, phone, the seven
intention kinds (ticks numbered 1–7 in capture order, which the importer reads as kinds),
the 1–5 rating of the industrialisation prospects when there is no demand, and a signature.
The workbook has the same columns in the same order (the session workbook adds the session's
title in a last, pre-filled column so slot numbers are read against the right session).

The headings are translated (documents speak the event's language); the importer knows them
in Chinese and English.
"""

from __future__ import annotations

from dataclasses import dataclass

from roadshow_desk.domain.enums import IntentionKind
from roadshow_desk.i18n import QT_TRANSLATE_NOOP, fmt, translate

CONTEXT = "SignupForm"

#: The seven kinds in the order of their tick boxes (numbered from 1), as the importer reads a
#: number 1–7.
KIND_ORDER: tuple[IntentionKind, ...] = tuple(IntentionKind)

#: Short names of the kinds for the tick legend and the workbook's drop-down list.
KIND_SHORT: dict[IntentionKind, str] = {
    IntentionKind.TRANSFER: QT_TRANSLATE_NOOP("SignupForm", "Transfer"),
    IntentionKind.LICENCE: QT_TRANSLATE_NOOP("SignupForm", "Licence"),
    IntentionKind.OPEN_LICENCE: QT_TRANSLATE_NOOP("SignupForm", "Open licence"),
    IntentionKind.INVESTMENT: QT_TRANSLATE_NOOP("SignupForm", "Equity"),
    IntentionKind.IMPROVEMENT_NEED: QT_TRANSLATE_NOOP("SignupForm", "Improvement need"),
    IntentionKind.RESEARCH_COOPERATION: QT_TRANSLATE_NOOP("SignupForm", "Cooperation"),
    IntentionKind.NO_DEMAND: QT_TRANSLATE_NOOP("SignupForm", "No demand"),
}

ROW = "row"
PATENT = "patent"
ENTERPRISE = "enterprise"
CREDIT_CODE = "credit_code"
CONTACT = "contact_person"
PHONE = "contact_phone"
KINDS = "kind"
RATING = "rating"
SIGNATURE = "signature"
SESSION = "session"

#: Source headings (English; translated in CONTEXT) by column key.
HEADINGS: dict[str, str] = {
    ROW: QT_TRANSLATE_NOOP("SignupForm", "No."),
    ENTERPRISE: QT_TRANSLATE_NOOP("SignupForm", "Enterprise"),
    CREDIT_CODE: QT_TRANSLATE_NOOP("SignupForm", "Unified social credit code"),
    CONTACT: QT_TRANSLATE_NOOP("SignupForm", "Contact person"),
    PHONE: QT_TRANSLATE_NOOP("SignupForm", "Phone"),
    KINDS: QT_TRANSLATE_NOOP("SignupForm", "Intention (tick)"),
    RATING: QT_TRANSLATE_NOOP("SignupForm", "Rating 1-5"),
    SIGNATURE: QT_TRANSLATE_NOOP("SignupForm", "Signature"),
    SESSION: QT_TRANSLATE_NOOP("SignupForm", "Session"),
}
EVENT_PATENT_HEADING = QT_TRANSLATE_NOOP("SignupForm", "Patent no. / booth no.")
SESSION_PATENT_HEADING = QT_TRANSLATE_NOOP("SignupForm", "Patent (slot no.)")

#: What the importer recognises of these headings, in both languages (header synonyms).
IMPORT_SYNONYMS: dict[str, tuple[str, ...]] = {
    PATENT: ("专利号/展位号", "专利（场次序号）", "patent no. / booth no.", "patent (slot no.)"),
    KINDS: ("意向（打钩）", "intention (tick)"),
    RATING: ("前景评分1-5", "rating 1-5"),
    CREDIT_CODE: ("unified social credit code",),
    SESSION: ("场次", "路演场次", "session"),
}


@dataclass(frozen=True)
class FormColumn:
    key: str
    heading: str  # translated


def form_columns(session_variant: bool, *, workbook: bool = False) -> list[FormColumn]:
    """The columns of the sheet (or of its workbook, which adds the session) in order."""
    patent = SESSION_PATENT_HEADING if session_variant else EVENT_PATENT_HEADING
    keys = [ROW, PATENT, ENTERPRISE, CREDIT_CODE, CONTACT, PHONE, KINDS, RATING, SIGNATURE]
    if workbook and session_variant:
        keys.append(SESSION)
    return [
        FormColumn(key, translate(CONTEXT, patent if key == PATENT else HEADINGS[key]))
        for key in keys
    ]


def kind_choices() -> list[str]:
    """The drop-down entries of the kind column: ``1 转让`` … ``7 无需求``."""
    return [
        f"{number} {translate(CONTEXT, KIND_SHORT[kind])}"
        for number, kind in enumerate(KIND_ORDER, start=1)
    ]


def kind_legend() -> str:
    """The line above the sheet's table that says what the numbered ticks mean."""
    parts = "  ".join(kind_choices())
    return fmt(
        translate(
            "SignupForm", "Intention ticks: %1. With no demand, rate the prospects from 1 to 5."
        ),
        parts,
    )


def slot_choice(number: int, title: str, application_no: str) -> str:
    """A session patent as the workbook's drop-down offers it (the importer reads the
    application number in it, or the slot number before it)."""
    text = f"{number}. {title}".strip()
    return f"{text} ({application_no})" if application_no else text
