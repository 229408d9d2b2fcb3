"""QR sign-up sheets: a large QR code to the sign-up link and ruled rows to write on.

One sheet (A4 landscape) per event, or per roadshow session: the event and session titles,
when and where, the QR code with the link printed beside it for those who type, and ruled
rows with columns for the enterprise, the contact person, the phone, tick boxes for the
intention kinds, and a signature.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from roadshow_desk.documents.data import (
    EventInfo,
    SessionInfo,
    event_signup_link,
    format_dates,
    format_time,
)
from roadshow_desk.documents.pages import Meta, Page, Written, measure, stack, write_pdf
from roadshow_desk.documents.qr import draw_qr
from roadshow_desk.documents.styles import (
    ACCENT,
    INK,
    MM,
    MUTED,
    RULE,
    TINT,
    Look,
    bold,
    look,
    para,
)
from roadshow_desk.domain.progress import NO_PROGRESS, Progress
from roadshow_desk.errors import InputError
from roadshow_desk.i18n import QT_TRANSLATE_NOOP, interface_language, translate

#: Short labels for the tick boxes, in capture order (the long ones do not fit a row).
TICK_LABELS = (
    QT_TRANSLATE_NOOP("SignupSheet", "Transfer"),
    QT_TRANSLATE_NOOP("SignupSheet", "Licence"),
    QT_TRANSLATE_NOOP("SignupSheet", "Open licence"),
    QT_TRANSLATE_NOOP("SignupSheet", "Equity"),
    QT_TRANSLATE_NOOP("SignupSheet", "Improvement"),
    QT_TRANSLATE_NOOP("SignupSheet", "Cooperation"),
    QT_TRANSLATE_NOOP("SignupSheet", "No demand"),
)


def _columns(lk: Look) -> list[tuple[str, float]]:
    """(heading, width) of the ruled columns; the widths fill the frame."""
    width = lk.frame_width
    fixed = [
        (translate("SignupSheet", "No."), 12 * MM),
        (translate("SignupSheet", "Enterprise"), 0.0),
        (translate("SignupSheet", "Contact person"), 30 * MM),
        (translate("SignupSheet", "Phone"), 36 * MM),
        (translate("SignupSheet", "Intention (tick)"), 104 * MM),
        (translate("SignupSheet", "Signature"), 30 * MM),
    ]
    scale = min(1.0, width / (sum(w for _h, w in fixed) + 50 * MM))
    fixed = [(h, w * scale) for h, w in fixed]
    rest = width - sum(w for _h, w in fixed)
    return [(h, w if w else rest) for h, w in fixed]


def _draw_sheet(
    canvas: Any,
    lk: Look,
    event: EventInfo,
    session: SessionInfo | None,
    link: str,
    first_row: int,
    rows: int,
) -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    styles = lk.styles
    top = lk.page_height - lk.margin
    qr_size = 46 * MM * lk.scale
    text_width = lk.frame_width - qr_size - 70 * MM * lk.scale
    lines: list[Any] = [bold(para(event.name, styles["heading"]), ACCENT)]
    if session is not None:
        lines.append(bold(para(session.title, styles["title_half"])))
        when = " ".join(
            x for x in (format_dates(event.starts_on, None), _session_time(session)) if x
        )
        place = session.room or event.venue
        lines.append(para("\u3000".join(x for x in (when, place) if x), styles["body"]))
        if session.host:
            lines.append(
                para(
                    translate("SignupSheet", "Host: %1").replace("%1", session.host),
                    styles["label"],
                )
            )
    else:
        when = format_dates(event.starts_on, event.ends_on)
        lines.append(para("\u3000".join(x for x in (when, event.venue) if x), styles["body"]))
    lines.append(
        para(
            translate(
                "SignupSheet",
                "Scan the code to sign up online, or write your details in a row below.",
            ),
            styles["label"],
        )
    )
    items = measure(lines, text_width)
    stack(canvas, items, lk.margin, top)
    # the QR code at the top right, the link beside it
    qr_x = lk.page_width - lk.margin - qr_size
    qr_y = top - qr_size
    draw_qr(canvas, link, qr_x, qr_y, qr_size)
    caption = para(translate("SignupSheet", "Scan to sign up"), styles["small"])
    link_para = para(link, styles["small"])
    side = measure([caption, link_para], 62 * MM * lk.scale)
    stack(canvas, side, qr_x - 64 * MM * lk.scale, top - 4 * MM)
    # the ruled table
    table_top = qr_y - 6 * MM
    columns = _columns(lk)
    header_height = 9 * MM * lk.scale
    row_height = (table_top - header_height - lk.frame_bottom) / rows
    x0 = lk.margin
    size = lk.size(9)
    canvas.saveState()
    canvas.setFillColorRGB(*TINT)
    canvas.rect(x0, table_top - header_height, lk.frame_width, header_height, stroke=0, fill=1)
    canvas.setFillColorRGB(*INK)
    canvas.setFont(lk.font, size)
    x = x0
    for heading, width in columns:
        canvas.drawString(x + 2 * MM, table_top - header_height / 2 - size * 0.35, heading)
        x += width
    canvas.setStrokeColorRGB(*RULE)
    canvas.setLineWidth(0.6)
    bottom = table_top - header_height - rows * row_height
    for index in range(rows + 2):
        y = table_top if index == 0 else table_top - header_height - (index - 1) * row_height
        canvas.line(x0, y, x0 + lk.frame_width, y)
    x = x0
    for _heading, width in columns:
        canvas.line(x, table_top, x, bottom)
        x += width
    canvas.line(x, table_top, x, bottom)
    # row numbers and tick boxes
    tick_x = x0 + sum(w for _h, w in columns[:4]) + 2 * MM
    tick_size = 3 * MM * lk.scale
    tick_font = lk.size(7.5)
    labels = [translate("SignupSheet", label) for label in TICK_LABELS]
    for index in range(rows):
        y = table_top - header_height - (index + 1) * row_height
        mid = y + row_height / 2
        canvas.setFillColorRGB(*MUTED)
        canvas.setFont(lk.font, size)
        canvas.drawCentredString(x0 + columns[0][1] / 2, mid - size * 0.35, str(first_row + index))
        x = tick_x
        canvas.setFont(lk.font, tick_font)
        for label in labels:
            canvas.setStrokeColorRGB(*INK)
            canvas.rect(x, mid - tick_size / 2, tick_size, tick_size, stroke=1, fill=0)
            canvas.drawString(x + tick_size + 0.8 * MM, mid - tick_font * 0.35, label)
            x += tick_size + 2.2 * MM + stringWidth(label, lk.font, tick_font)
    canvas.restoreState()


def _session_time(session: SessionInfo) -> str:
    start, end = format_time(session.starts_at), format_time(session.ends_at)
    if start and end:
        return f"{start}–{end}"
    return start


def build_signup_sheets(
    event: EventInfo,
    sessions: Sequence[SessionInfo | None],
    out: str | Path,
    font: str,
    *,
    paper: str = "A4",
    rows: int = 12,
    pages_each: int = 1,
    progress: Progress = NO_PROGRESS,
) -> Written:
    """Sheets for each of ``sessions`` (``None``: an event-wide sheet), ``pages_each`` pages
    of ``rows`` ruled rows each. The event needs a sign-up link template."""
    link = event_signup_link(event)
    if not link:
        with interface_language():
            message = translate(
                "SignupSheet",
                "The event “%1” has no sign-up link; enter the link template in the event "
                "details first.",
            )
        raise InputError(message.replace("%1", event.name))
    lk = look(paper, font, landscape=True)
    pages: list[Page] = []
    from roadshow_desk.documents.pages import Bookmark

    for session in sessions:
        for copy in range(max(1, pages_each)):

            def draw(
                canvas: Any, lk_: Look, s: SessionInfo | None = session, c: int = copy
            ) -> None:
                _draw_sheet(canvas, lk_, event, s, link, c * rows + 1, rows)

            marks = [Bookmark(session.title if session else event.name)] if copy == 0 else []
            pages.append(Page(draw, marks))
    progress.start(len(pages), translate("SignupSheet", "Writing the sign-up sheets"))
    meta = Meta(
        title=event.name + " · " + translate("SignupSheet", "Sign-up sheet"),
        subject=translate("SignupSheet", "Sign-up sheet"),
        author="、".join(event.organisers),
        footer_text=event.name,
    )
    return write_pdf(out, lk, pages, meta, progress)
