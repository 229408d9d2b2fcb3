"""Booth cards: a folded A4 table tent per patent, readable from both sides of the table.

The sheet is A4 landscape folded along its middle; the lower half is printed upright, the
upper half turned by 180°, so that once folded each face reads upright. Each face carries
the booth number and field, the title (as large as fits three lines), the institution, the
application number and the QR code.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from roadshow_desk.documents.data import EventInfo, PatentInfo, event_meta
from roadshow_desk.documents.pages import (
    Bookmark,
    Page,
    Written,
    fitted,
    measure,
    stack,
    stacked_height,
    write_pdf,
)
from roadshow_desk.documents.qr import draw_qr
from roadshow_desk.documents.styles import ACCENT, MM, MUTED, RULE, Look, look, para
from roadshow_desk.domain.progress import NO_PROGRESS, Progress
from roadshow_desk.i18n import fmt, translate


def _draw_face(canvas: Any, lk: Look, event: EventInfo, patent: PatentInfo, number: int) -> None:
    """One face in a (page width × half page height) box with its origin at the bottom left."""
    width, height = lk.page_width, lk.page_height / 2
    margin = 12 * MM
    qr_size = 62 * MM if patent.qr else 0
    text_width = width - 2 * margin - (qr_size + 8 * MM if qr_size else 0)
    canvas.saveState()
    canvas.setFillColorRGB(*ACCENT)
    canvas.setFont(lk.font, 13)
    top = height - margin
    canvas.drawString(margin, top - 13, fmt(translate("BoothCards", "Booth %1"), f"{number:02d}"))
    canvas.setFillColorRGB(*MUTED)
    canvas.setFont(lk.font, 11)
    canvas.drawRightString(width - margin, top - 13, patent.field)
    canvas.restoreState()
    body_top = top - 26
    lines = [para(patent.institution, lk.styles["card_line"])] if patent.institution else []
    lines.append(para(patent.application_no, lk.styles["card_line"]))
    info = measure(lines, text_width)
    room = body_top - margin - stacked_height(info) - 10
    sizes = range(30, 13, -2)  # 30 pt down to 14 pt
    title = fitted(
        patent.title, lk.styles["card_title"], text_width, room, sizes, leading=1.3, weight=0.5
    )
    block = stacked_height(title) + 10 + stacked_height(info)
    y = margin + (body_top - margin + block) / 2
    y = stack(canvas, title, margin, y) - 10
    stack(canvas, info, margin, y)
    if patent.qr:
        qr_y = (height - qr_size) / 2 - 4 * MM
        draw_qr(canvas, patent.qr, width - margin - qr_size, qr_y, qr_size)
        canvas.setFillColorRGB(*MUTED)
        canvas.setFont(lk.font, 10)
        canvas.drawCentredString(
            width - margin - qr_size / 2,
            qr_y - 10,
            translate("BoothCards", "Scan to register interest"),
        )
    canvas.setFillColorRGB(*MUTED)
    canvas.setFont(lk.font, 8)
    canvas.drawString(margin, margin / 2, event.name)


def _draw_card(canvas: Any, lk: Look, event: EventInfo, patent: PatentInfo, number: int) -> None:
    half = lk.page_height / 2
    _draw_face(canvas, lk, event, patent, number)
    canvas.saveState()
    canvas.translate(lk.page_width, lk.page_height)
    canvas.rotate(180)
    _draw_face(canvas, lk, event, patent, number)
    canvas.restoreState()
    canvas.saveState()
    canvas.setStrokeColorRGB(*RULE)
    canvas.setLineWidth(0.5)
    canvas.setDash(3, 3)
    canvas.line(0, half, lk.page_width, half)
    canvas.setFillColorRGB(*MUTED)
    canvas.setFont(lk.font, 7)
    canvas.drawString(6 * MM, half + 2, translate("BoothCards", "fold here"))
    canvas.restoreState()


def build_booth_cards(
    event: EventInfo,
    patents: Sequence[PatentInfo],
    out: str | Path,
    font: str,
    *,
    progress: Progress = NO_PROGRESS,
) -> Written:
    """One folded A4 card per patent, numbered in shortlist order."""
    lk = look("A4", font, landscape=True)
    pages = []
    for number, patent in enumerate(patents, start=1):

        def draw(canvas: Any, lk_: Look, p: PatentInfo = patent, n: int = number) -> None:
            _draw_card(canvas, lk_, event, p, n)

        pages.append(Page(draw, [Bookmark(patent.title or patent.application_no)], footer=False))
    progress.start(len(pages), translate("BoothCards", "Writing the booth cards"))
    meta = event_meta(event, translate("BoothCards", "Booth cards"))
    return write_pdf(out, lk, pages, meta, progress)
