"""Enterprise badges: eight 90 × 65 mm badges to an A4 sheet, with cut lines.

Each badge shows the event, the enterprise name (as large as fits three lines), its type
tags, the attendee when known, and the badge QR code (``RSD1:E:<uuid>``) that the desks
scan to check the enterprise in and to fill the capture form.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from roadshow_desk.documents.data import BadgeInfo, EventInfo, event_meta, joined
from roadshow_desk.documents.pages import (
    Page,
    Written,
    fitted,
    measure,
    stack,
    stacked_height,
    truncate,
    write_pdf,
)
from roadshow_desk.documents.qr import draw_qr
from roadshow_desk.documents.styles import ACCENT, MM, MUTED, RULE, Look, look, para
from roadshow_desk.domain.progress import NO_PROGRESS, Progress
from roadshow_desk.i18n import translate

BADGE_WIDTH = 90 * MM
BADGE_HEIGHT = 65 * MM
COLUMNS, ROWS = 2, 4
PER_SHEET = COLUMNS * ROWS
QR_SIZE = 30 * MM


def _draw_badge(canvas: Any, lk: Look, event: EventInfo, badge: BadgeInfo) -> None:
    """One badge with its origin at the bottom left."""
    pad = 4 * MM
    band = 9 * MM
    canvas.saveState()
    canvas.setFillColorRGB(*ACCENT)
    canvas.rect(0, BADGE_HEIGHT - band, BADGE_WIDTH, band, stroke=0, fill=1)
    canvas.setFillColorRGB(1, 1, 1)
    canvas.setFont(lk.font, 8.5)
    canvas.drawCentredString(
        BADGE_WIDTH / 2,
        BADGE_HEIGHT - band / 2 - 3,
        truncate(event.name, lk.font, 8.5, BADGE_WIDTH - 2 * pad),
    )
    canvas.restoreState()
    body_top = BADGE_HEIGHT - band - pad
    qr_y = pad
    draw_qr(canvas, badge.payload, BADGE_WIDTH - pad - QR_SIZE, qr_y, QR_SIZE)
    text_width = BADGE_WIDTH - 2 * pad - QR_SIZE - 2 * MM
    lines = []
    if badge.attendee:
        lines.append(para(badge.attendee, lk.styles["badge_line"]))
    if badge.tags:
        lines.append(para(joined(list(badge.tags)), lk.styles["badge_line"]))
    info = measure(lines, text_width)
    room = body_top - pad - stacked_height(info) - 4
    sizes = range(17, 8, -1)  # 17 pt down to 9 pt
    name = fitted(
        badge.name, lk.styles["badge_name"], text_width, room, sizes, leading=1.25, weight=0.35
    )
    y = stack(canvas, name, pad, body_top) - 4
    stack(canvas, info, pad, y)
    canvas.setFillColorRGB(*MUTED)
    canvas.setFont(lk.font, 6.5)
    canvas.drawCentredString(
        BADGE_WIDTH - pad - QR_SIZE / 2,
        qr_y + QR_SIZE + 1.5,
        translate("Badges", "Scan at the desk"),
    )


def _draw_sheet(canvas: Any, lk: Look, event: EventInfo, badges: Sequence[BadgeInfo]) -> None:
    left = (lk.page_width - COLUMNS * BADGE_WIDTH) / 2
    bottom = (lk.page_height - ROWS * BADGE_HEIGHT) / 2
    for index, badge in enumerate(badges):
        column, row = index % COLUMNS, index // COLUMNS
        x = left + column * BADGE_WIDTH
        y = bottom + (ROWS - 1 - row) * BADGE_HEIGHT
        canvas.saveState()
        canvas.translate(x, y)
        _draw_badge(canvas, lk, event, badge)
        canvas.restoreState()
    # cut lines
    canvas.saveState()
    canvas.setStrokeColorRGB(*RULE)
    canvas.setLineWidth(0.4)
    canvas.setDash(2, 2)
    for column in range(COLUMNS + 1):
        x = left + column * BADGE_WIDTH
        canvas.line(x, bottom - 4 * MM, x, bottom + ROWS * BADGE_HEIGHT + 4 * MM)
    for row in range(ROWS + 1):
        y = bottom + row * BADGE_HEIGHT
        canvas.line(left - 4 * MM, y, left + COLUMNS * BADGE_WIDTH + 4 * MM, y)
    canvas.restoreState()


def build_badges(
    event: EventInfo,
    badges: Sequence[BadgeInfo],
    out: str | Path,
    font: str,
    *,
    progress: Progress = NO_PROGRESS,
) -> Written:
    """Badges for ``badges`` (in their order), eight to an A4 sheet."""
    lk = look("A4", font)
    pages = []
    for start in range(0, len(badges), PER_SHEET):
        chunk = list(badges[start : start + PER_SHEET])

        def draw(canvas: Any, lk_: Look, c: list[BadgeInfo] = chunk) -> None:
            _draw_sheet(canvas, lk_, event, c)

        pages.append(Page(draw, footer=False))
    progress.start(len(pages), translate("Badges", "Writing the badges"))
    meta = event_meta(event, translate("Badges", "Badges"))
    return write_pdf(out, lk, pages, meta, progress)
