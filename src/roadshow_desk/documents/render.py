"""One entry point for every printed document: the window, the CLI and the tests call it.

``render_document(kind, database, out, options, progress)`` reads what the document needs
from the database, finds and embeds the CJK font, and writes the PDF (atomically: a
cancelled or failed run leaves nothing at ``out``). Problems with the data (no event, an
empty shortlist, no sign-up link, no font) raise :class:`~roadshow_desk.errors.InputError`
with one sentence; :class:`~roadshow_desk.domain.progress.Cancelled` when the user stops it.

The first document of a run pays once for what every later one reuses (reportlab and the
builders imported, the CJK font parsed and registered, the QR encoder and the PDF reader
loaded): :func:`warm_up` pays it ahead, off the GUI thread, when the print page opens.
"""

from __future__ import annotations

import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from roadshow_desk.documents.pages import Written
from roadshow_desk.domain.progress import NO_PROGRESS, Progress
from roadshow_desk.errors import InputError
from roadshow_desk.i18n import QT_TRANSLATE_NOOP, fmt, language, translate

if TYPE_CHECKING:
    from roadshow_desk.documents.data import EventInfo
    from roadshow_desk.store.db import Database

BROCHURE = "brochure"
SIGNUP_SHEET = "signup-sheet"
CARDS = "cards"
BADGES = "badges"
AGENDA = "agenda"

#: Every kind of document, with its translatable name, in the order the print page lists them.
KINDS: dict[str, str] = {
    BROCHURE: QT_TRANSLATE_NOOP("Documents", "Patent brochure"),
    SIGNUP_SHEET: QT_TRANSLATE_NOOP("Documents", "QR sign-up sheet"),
    CARDS: QT_TRANSLATE_NOOP("Documents", "Booth cards"),
    BADGES: QT_TRANSLATE_NOOP("Documents", "Enterprise badges"),
    AGENDA: QT_TRANSLATE_NOOP("Documents", "Agenda"),
}

#: Kinds whose paper size can be chosen (the others are laid out for A4).
PAPER_CHOICE = (BROCHURE, AGENDA)


def kind_label(kind: str) -> str:
    return translate("Documents", KINDS[kind])


@dataclass(frozen=True)
class PrintOptions:
    event: str | int | None = None
    """The event's id or uuid; ``None``: the most recent event."""
    session_id: int | None = None
    """Sign-up sheet: the session's sheet (``None``: one sheet for the whole event)."""
    paper: str = "A4"
    """Brochure and agenda: ``"A4"`` or ``"A5"``."""
    per_page: int = 1
    """Brochure: one or two patents per page."""
    foreword: str | None = None
    """Brochure: replaces the event's foreword when given."""
    checked_in_only: bool = False
    """Badges: only for enterprises that have checked in."""
    signup_rows: int = 12
    """Sign-up sheet: ruled rows on a page."""
    signup_pages: int = 1
    """Sign-up sheet: pages for each sheet (rows numbered on)."""
    font: str | Path | None = None
    """A TrueType font file chosen by the user; ``None``: found on the system."""
    language: str | None = None
    """``zh_CN`` or ``en`` (the CLI's ``--lang``); ``None``: the event's document language."""


_render_lock = threading.Lock()
_warmed = False


def warm_up(font: str | Path | None = None) -> bool:
    """Do once what the first document of a run pays for: build and rasterise a one-page
    brochure of made-up data in a temporary folder. ``True`` when done (now or before);
    ``False`` when there is no usable font (the real build says so in a sentence)."""
    global _warmed
    with _render_lock:
        if _warmed:
            return True
        from roadshow_desk.documents.brochure import build_brochure
        from roadshow_desk.documents.data import EventInfo, PatentInfo
        from roadshow_desk.documents.fonts import register_reportlab_font, require_cjk_font
        from roadshow_desk.documents.raster import PdfPages
        from roadshow_desk.domain.payloads import patent_payload

        try:
            name = register_reportlab_font(require_cjk_font(font))
        except InputError:
            return False
        number = "CN202210016632.1"
        event = EventInfo(id=0, uuid="0" * 32, name="专利转化对接会 Roadshow")
        patent = PatentInfo(
            id=0,
            application_no=number,
            title="一种固态锂电池电解质及其制备方法",
            abstract="本发明公开了一种固态电解质。" * 4,
            qr=patent_payload(number),
        )
        with tempfile.TemporaryDirectory(prefix="roadshow-warm-") as folder:
            written = build_brochure(event, [patent], Path(folder) / "warm.pdf", name)
            pages = PdfPages(written.path)
            try:
                pages.render(0, 200)
            finally:
                pages.close()
        _warmed = True
        return True


def render_document(
    kind: str,
    database: Database,
    out: str | Path,
    options: PrintOptions | None = None,
    progress: Progress = NO_PROGRESS,
) -> Written:
    """Write the document ``kind`` (one of :data:`KINDS`) for an event to ``out``."""
    with _render_lock:  # one at a time: after a warm-up still running, not beside it
        return _render(kind, database, out, options, progress)


def _render(
    kind: str,
    database: Database,
    out: str | Path,
    options: PrintOptions | None,
    progress: Progress,
) -> Written:
    from roadshow_desk.documents import data
    from roadshow_desk.documents.fonts import register_reportlab_font, require_cjk_font

    options = options or PrintOptions()
    if kind not in KINDS:
        raise InputError(fmt(translate("Documents", "There is no document called “%1”."), kind))
    font = register_reportlab_font(require_cjk_font(options.font))
    progress.set_text(translate("Documents", "Reading the event"))
    event = data.load_event(database, options.event)
    progress.check()
    with language(options.language or event.document_language):
        return _build(kind, database, out, options, progress, event, font)


def _build(
    kind: str,
    database: Database,
    out: str | Path,
    options: PrintOptions,
    progress: Progress,
    event: EventInfo,
    font: str,
) -> Written:
    from roadshow_desk.documents import data

    if kind == BROCHURE:
        from roadshow_desk.documents.brochure import build_brochure

        patents = data.load_shortlist(database, event)
        return build_brochure(
            event,
            patents,
            out,
            font,
            paper=options.paper,
            per_page=options.per_page,
            foreword=options.foreword,
            progress=progress,
        )
    if kind == CARDS:
        from roadshow_desk.documents.cards import build_booth_cards

        patents = data.load_shortlist(database, event)
        return build_booth_cards(event, patents, out, font, progress=progress)
    if kind == BADGES:
        from roadshow_desk.documents.badges import build_badges

        badges = data.load_badges(database, event, options.checked_in_only)
        return build_badges(event, badges, out, font, progress=progress)
    if kind == SIGNUP_SHEET:
        from roadshow_desk.documents.signup import build_signup_sheets

        sessions = (
            data.load_sessions(database, event, options.session_id)
            if options.session_id is not None
            else [None]
        )
        return build_signup_sheets(
            event,
            sessions,
            out,
            font,
            rows=options.signup_rows,
            pages_each=options.signup_pages,
            progress=progress,
        )
    from roadshow_desk.documents.agenda import build_agenda

    return build_agenda(
        event,
        data.load_sessions(database, event),
        out,
        font,
        paper=options.paper,
        progress=progress,
    )
