"""QR sign-up sheets: a large QR code to the sign-up link and ruled rows to write on.

One sheet (A4 landscape) per event, or per roadshow session: the event and session titles,
when and where, the QR code with the link printed beside it for those who type, and ruled
rows in the columns of :mod:`roadshow_desk.domain.signup_form` (the same as the
transcription workbook's and the importer's): the patent (the session's slot numbers as tick
boxes, or a patent / booth number), the enterprise, its credit code, contact person and
phone, the seven kinds as numbered ticks, the 1–5 prospects rating, and a signature.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from roadshow_desk.documents.data import (
    EventInfo,
    SessionInfo,
    event_meta,
    event_signup_link,
    format_dates,
    format_time,
)
from roadshow_desk.documents.pages import Page, Written, measure, stack, write_pdf
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
from roadshow_desk.domain import signup_form as form
from roadshow_desk.domain.progress import NO_PROGRESS, Progress
from roadshow_desk.errors import InputError
from roadshow_desk.i18n import fmt, interface_language, translate

SLOT_BOXES_PER_LINE = 8


def _slot_boxes_per_line(count: int) -> int:
    """Slot boxes on one line of a row: at most two lines for up to 24 slots."""
    return min(12, max(SLOT_BOXES_PER_LINE, -(-count // 2)))


def _slot_pitch(count: int) -> float:
    """The distance between slot boxes (two-digit numbers need more room)."""
    return (6.5 if count < 10 else 7.6) * MM


KIND_BOX = 6.2 * MM


def _columns(lk: Look, session: SessionInfo | None) -> list[tuple[str, str, float]]:
    """(key, heading, width) of the ruled columns (domain.signup_form's, in its order); the
    enterprise takes what the others leave."""
    count = len(session.slots) if session else 0
    boxes = min(max(count, 1), _slot_boxes_per_line(count)) if session else 0
    widths = {
        form.ROW: 9 * MM,
        form.PATENT: (boxes * _slot_pitch(count) + 3 * MM) if session else 30 * MM,
        form.ENTERPRISE: 0.0,
        form.CREDIT_CODE: 38 * MM,
        form.CONTACT: 20 * MM,
        form.PHONE: 27 * MM,
        form.KINDS: len(form.KIND_ORDER) * KIND_BOX + 3 * MM,
        form.RATING: 24 * MM,
        form.SIGNATURE: 20 * MM,
    }
    columns = [(c.key, c.heading, widths[c.key]) for c in form.form_columns(session is not None)]
    width = lk.frame_width
    scale = min(1.0, width / (sum(w for _k, _h, w in columns) + 36 * MM))
    columns = [(k, h, w * scale) for k, h, w in columns]
    rest = width - sum(w for _k, _h, w in columns)
    return [(k, h, w if w else rest) for k, h, w in columns]


def _slot_legend(session: SessionInfo) -> str:
    return "  ".join(
        f"{slot.position}. {slot.title}"
        + (f"（{slot.application_no}）" if slot.application_no else "")
        for slot in session.slots
    )


def _draw_boxes(
    canvas: Any,
    lk: Look,
    x: float,
    mid: float,
    labels: list[str],
    pitch: float,
    per_line: int,
    room: float,
) -> None:
    """Tick boxes with a small number each, in lines of ``per_line`` centred on ``mid``,
    made smaller when their lines need more than ``room`` (the row's height)."""
    box = 3 * MM * lk.scale
    font = lk.size(7)
    lines = max(1, -(-len(labels) // per_line))
    line_height = box + 1.2 * MM
    shrink = min(1.0, (room - 1 * MM) / (lines * line_height))
    box, font, line_height = box * shrink, font * shrink, line_height * shrink
    top = mid + (lines * line_height) / 2 - line_height / 2
    for index, label in enumerate(labels):
        line, column = divmod(index, per_line)
        bx = x + column * pitch
        by = top - line * line_height
        canvas.setStrokeColorRGB(*INK)
        canvas.rect(bx, by - box / 2, box, box, stroke=1, fill=0)
        canvas.setFont(lk.font, font)
        canvas.drawString(bx + box + 0.5 * MM, by - font * 0.35, label)


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
                    fmt(translate("SignupSheet", "Host: %1"), session.host),
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
    lines.append(para(form.kind_legend(), styles["small"]))
    if session is not None and session.slots:
        lines.append(
            para(
                fmt(translate("SignupSheet", "Patents of this session: %1"), _slot_legend(session)),
                styles["small"],
            )
        )
    legends = lines[-2:] if session is not None and session.slots else lines[-1:]
    items = measure(lines[: -len(legends)], text_width)
    text_bottom = stack(canvas, items, lk.margin, top)
    # the QR code at the top right, the link beside it
    qr_x = lk.page_width - lk.margin - qr_size
    qr_y = top - qr_size
    draw_qr(canvas, link, qr_x, qr_y, qr_size)
    caption = para(translate("SignupSheet", "Scan to sign up"), styles["small"])
    link_para = para(link, styles["small"])
    side = measure([caption, link_para], 62 * MM * lk.scale)
    stack(canvas, side, qr_x - 64 * MM * lk.scale, top - 4 * MM)
    # what the numbered ticks mean, across the page under both
    legend_top = min(qr_y, text_bottom) - 2 * MM
    legend_bottom = stack(canvas, measure(legends, lk.frame_width), lk.margin, legend_top)
    # the ruled table
    table_top = legend_bottom - 3 * MM
    columns = _columns(lk, session)
    header_height = 9 * MM * lk.scale
    row_height = (table_top - header_height - lk.frame_bottom) / rows
    x0 = lk.margin
    size = lk.size(8.5)
    canvas.saveState()
    canvas.setFillColorRGB(*TINT)
    canvas.rect(x0, table_top - header_height, lk.frame_width, header_height, stroke=0, fill=1)
    canvas.setFillColorRGB(*INK)
    x = x0
    for _key, heading, width in columns:
        if stringWidth(heading, lk.font, size) <= width - 2 * MM:
            canvas.setFont(lk.font, size)
            canvas.drawString(x + 1 * MM, table_top - header_height / 2 - size * 0.35, heading)
        else:  # a long heading wraps in a smaller size rather than run into the next
            cell = para(heading, styles["small"])
            _w, height = cell.wrap(width - 2 * MM, header_height)
            cell.drawOn(canvas, x + 1 * MM, table_top - header_height / 2 - height / 2)
        x += width
    canvas.setStrokeColorRGB(*RULE)
    canvas.setLineWidth(0.6)
    bottom = table_top - header_height - rows * row_height
    for index in range(rows + 2):
        y = table_top if index == 0 else table_top - header_height - (index - 1) * row_height
        canvas.line(x0, y, x0 + lk.frame_width, y)
    x = x0
    lefts: dict[str, float] = {}
    widths: dict[str, float] = {}
    for key, _heading, width in columns:
        lefts[key], widths[key] = x, width
        canvas.line(x, table_top, x, bottom)
        x += width
    canvas.line(x, table_top, x, bottom)
    # row numbers, the session's slot boxes and the numbered kind boxes
    slot_labels = [str(slot.position) for slot in session.slots] if session else []
    per_line = _slot_boxes_per_line(len(slot_labels))
    kind_labels = [str(n) for n in range(1, len(form.KIND_ORDER) + 1)]
    for index in range(rows):
        y = table_top - header_height - (index + 1) * row_height
        mid = y + row_height / 2
        canvas.setFillColorRGB(*MUTED)
        canvas.setFont(lk.font, size)
        canvas.drawCentredString(x0 + columns[0][2] / 2, mid - size * 0.35, str(first_row + index))
        canvas.setFillColorRGB(*INK)
        if slot_labels:
            _draw_boxes(
                canvas,
                lk,
                lefts[form.PATENT] + 1.5 * MM,
                mid,
                slot_labels,
                (widths[form.PATENT] - 3 * MM) / min(per_line, len(slot_labels)),
                per_line,
                row_height,
            )
        _draw_boxes(
            canvas,
            lk,
            lefts[form.KINDS] + 1.5 * MM,
            mid,
            kind_labels,
            (widths[form.KINDS] - 3 * MM) / len(kind_labels),
            len(kind_labels),
            row_height,
        )
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
        raise InputError(fmt(message, event.name))
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
    meta = event_meta(event, translate("SignupSheet", "Sign-up sheet"))
    return write_pdf(out, lk, pages, meta, progress)
