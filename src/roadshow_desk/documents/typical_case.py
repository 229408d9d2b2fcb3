"""The typical case write-up of a signed deal: an editable ``.docx`` (python-docx; the office
edits it in Word, so it is the main product) and the same text as a PDF.

Both hold a title, the patent, the enterprise, how they met, the deal, the time from the fair
to the contract and the organiser's own text; contacts only when the facts carry them
(:func:`roadshow_desk.domain.typical_case.case_facts` with ``contacts``), and otherwise a line
saying they were left out.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from roadshow_desk.documents.file_names import safe_file_name
from roadshow_desk.documents.pages import Meta, Page, Written, paginate, stack, write_pdf
from roadshow_desk.documents.styles import ACCENT, MM, Look, bold, look, para
from roadshow_desk.domain.labels import label
from roadshow_desk.domain.typical_case import CaseFacts
from roadshow_desk.i18n import fmt, translate

if TYPE_CHECKING:
    from roadshow_desk.store.db import Database

Section = tuple[str, list[tuple[str, str]]]

PATENT_IN_FILE_NAME = 20
"""Characters of the patent's title in the suggested file name."""


def case_title(facts: CaseFacts) -> str:
    return fmt(
        translate("TypicalCase", "Typical case: %1 and %2"),
        facts.institution or facts.application_no,
        facts.enterprise,
    )


def case_file_name(facts: CaseFacts) -> str:
    """The name suggested for the write-up's ``.docx``, in the user's language, e.g.
    ``典型案例-苏州纳微科技-一种锂电池正极材料.docx``: the enterprise and the patent (its
    title cut to 20 characters, else its number), valid on every system."""
    patent = " ".join(facts.patent_title.split())
    if len(patent) > PATENT_IN_FILE_NAME:
        patent = patent[:PATENT_IN_FILE_NAME].rstrip() + "…"
    name = fmt(
        translate("TypicalCase", "Typical case-%1-%2"),
        safe_file_name(facts.enterprise),
        safe_file_name(patent or facts.application_no),
    )
    return safe_file_name(name) + ".docx"


def case_sections(facts: CaseFacts) -> list[Section]:
    """The write-up as titled sections of (label, value) lines."""
    amount = "" if facts.amount is None else f"{facts.amount:,.2f}"
    sections: list[Section] = [
        (
            translate("TypicalCase", "The patent"),
            [
                (translate("TypicalCase", "Title"), facts.patent_title),
                (translate("TypicalCase", "Application no."), facts.application_no),
                (translate("TypicalCase", "Institution"), facts.institution),
                (translate("TypicalCase", "Technical field"), facts.technical_field),
            ],
        ),
        (
            translate("TypicalCase", "The enterprise"),
            [(translate("TypicalCase", "Enterprise"), facts.enterprise)],
        ),
        (
            translate("TypicalCase", "How they met"),
            [
                (translate("TypicalCase", "Event"), facts.event),
                (translate("TypicalCase", "Roadshow session"), facts.session),
                (
                    translate("TypicalCase", "Intention recorded on"),
                    facts.met_on.isoformat() if facts.met_on else "",
                ),
            ],
        ),
        (
            translate("TypicalCase", "The deal"),
            [
                (
                    translate("TypicalCase", "Kind of deal"),
                    label(facts.deal_kind) if facts.deal_kind else "",
                ),
                (translate("TypicalCase", "Amount (yuan)"), amount),
                (
                    translate("TypicalCase", "Payment"),
                    label(facts.payment_method) if facts.payment_method else "",
                ),
                (
                    translate("TypicalCase", "Signed on"),
                    facts.signed_on.isoformat() if facts.signed_on else "",
                ),
                (translate("TypicalCase", "Registration no."), facts.registration_no),
                (translate("TypicalCase", "Stage"), label(facts.stage)),
                (
                    translate("TypicalCase", "Days from the fair to the contract"),
                    "" if facts.days_to_contract is None else str(facts.days_to_contract),
                ),
            ],
        ),
    ]
    if facts.contact_person or facts.contact_phone:
        sections.append(
            (
                translate("TypicalCase", "Contact"),
                [
                    (translate("TypicalCase", "Contact person"), facts.contact_person),
                    (translate("TypicalCase", "Phone"), facts.contact_phone),
                ],
            )
        )
    return sections


def privacy_line(facts: CaseFacts) -> str:
    if facts.contact_person or facts.contact_phone:
        return translate("TypicalCase", "Contacts are included, as the organiser asked.")
    return translate("TypicalCase", "Contact persons and phone numbers are left out.")


def story_heading() -> str:
    return translate("TypicalCase", "The story")


def story_placeholder() -> str:
    return translate("TypicalCase", "(Describe here how the deal came about and what it achieved.)")


def write_case_docx(facts: CaseFacts, out: str | Path) -> Path:
    """The editable Word document of the case at ``out`` (written atomically)."""
    import docx
    from docx.oxml.ns import qn
    from docx.shared import Pt

    out = Path(out)
    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = "SimSun"
    normal.font.size = Pt(11)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "SimSun")  # Chinese text in a CJK face
    document.core_properties.title = case_title(facts)
    document.add_heading(case_title(facts), level=0)
    for heading, lines in case_sections(facts):
        document.add_heading(heading, level=1)
        table = document.add_table(rows=0, cols=2)
        table.style = "Table Grid"
        for name, value in lines:
            cells = table.add_row().cells
            cells[0].text = name
            cells[1].text = value
    document.add_heading(story_heading(), level=1)
    for paragraph in (facts.story or story_placeholder()).split("\n"):
        document.add_paragraph(paragraph)
    note = document.add_paragraph(privacy_line(facts))
    note.runs[0].italic = True
    handle, temp = tempfile.mkstemp(prefix=".~", suffix=".docx", dir=out.parent)
    os.close(handle)
    try:
        document.save(temp)
        os.replace(temp, out)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return out


def write_case_pdf(facts: CaseFacts, out: str | Path, font: str) -> Written:
    """The same write-up as a PDF, the CJK font ``font`` embedded."""
    from reportlab.platypus import Spacer

    lk = look("A4", font)
    styles = lk.styles
    flowables = [bold(para(case_title(facts), styles["title"])), Spacer(1, 4 * MM)]
    for heading, lines in case_sections(facts):
        flowables.append(bold(para(heading, styles["heading"]), ACCENT))
        for name, value in lines:
            flowables.append(para(f"{name}:{value}", styles["body"]))
        flowables.append(Spacer(1, 4 * MM))
    flowables.append(bold(para(story_heading(), styles["heading"]), ACCENT))
    for paragraph in (facts.story or story_placeholder()).split("\n"):
        flowables.append(para(paragraph, styles["body"]))
    flowables += [Spacer(1, 4 * MM), para(privacy_line(facts), styles["label"])]
    pages = []
    for items in paginate(flowables, lk.frame_width, [lk.frame_height]):

        def draw(canvas: Any, lk_: Look, page_items: list[tuple[Any, float]] = items) -> None:
            stack(canvas, page_items, lk_.margin, lk_.page_height - lk_.margin)

        pages.append(Page(draw))
    meta = Meta(
        title=case_title(facts),
        subject=translate("TypicalCase", "Typical case"),
        footer_text=facts.event,
    )
    return write_pdf(out, lk, pages, meta)


def write_case(
    db: Database,
    out: Path,
    intention_id: int,
    *,
    story: str = "",
    lang: str | None = None,
    contacts: bool = False,
    font: str | Path | None = None,
) -> Path:
    """Write the typical case of ``intention_id`` (.docx or PDF by the suffix of ``out``);
    the ``case`` command and Results ▸ Write up as typical case both call this."""
    from roadshow_desk.domain.typical_case import case_facts
    from roadshow_desk.i18n import language

    with db.session() as session:
        facts = case_facts(session, intention_id, story=story, contacts=contacts)
    with language(lang or facts.event_language):
        if out.suffix.lower() == ".docx":
            return write_case_docx(facts, out)
        from roadshow_desk.documents.fonts import register_reportlab_font, require_cjk_font

        name = register_reportlab_font(require_cjk_font(font))
        return write_case_pdf(facts, out, name).path
