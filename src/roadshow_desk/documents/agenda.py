"""The agenda of the roadshow sessions: per session its time, room and host, then a table of
its slots (time, patent, institution, presenter, minutes)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from roadshow_desk.documents.data import (
    EventInfo,
    SessionInfo,
    event_meta,
    format_dates,
    format_time,
    joined,
)
from roadshow_desk.documents.pages import (
    Bookmark,
    Page,
    Written,
    paginate,
    stack,
    write_pdf,
)
from roadshow_desk.documents.styles import ACCENT, MM, RULE, TINT, Look, bold, look, para
from roadshow_desk.domain.progress import NO_PROGRESS, Progress
from roadshow_desk.errors import InputError
from roadshow_desk.i18n import fmt, interface_language, translate


def _slot_table(session: SessionInfo, lk: Look) -> Any:
    from reportlab.lib.colors import Color
    from reportlab.platypus import Table, TableStyle

    styles = lk.styles
    body, small = styles["body"], styles["small"]
    header = [
        para(translate("Agenda", "Time"), small),
        para(translate("Agenda", "No."), small),
        para(translate("Agenda", "Patent"), small),
        para(translate("Agenda", "Institution"), small),
        para(translate("Agenda", "Presenter"), small),
        para(translate("Agenda", "Minutes"), small),
    ]
    rows: list[list[Any]] = [header]
    for slot in session.slots:
        title = para(slot.title or translate("Agenda", "(no patent)"), body)
        if slot.application_no:
            title = [title, para(slot.application_no, small)]
        rows.append(
            [
                para(format_time(slot.starts_at), body),
                para(str(slot.position), body),
                title,
                para(slot.institution, body),
                para(slot.presenter, body),
                para(str(slot.minutes), body),
            ]
        )
    width = lk.frame_width
    fixed = [16 * MM, 10 * MM, 0.0, 42 * MM, 22 * MM, 14 * MM]
    fixed = [w * lk.scale for w in fixed]
    fixed[2] = width - sum(fixed)
    table = Table(rows, colWidths=fixed, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), lk.font, lk.size(9)),  # never a standard font
                ("BACKGROUND", (0, 0), (-1, 0), Color(*TINT)),
                ("LINEBELOW", (0, 0), (-1, -1), 0.5, Color(*RULE)),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def _session_flowables(session: SessionInfo, lk: Look) -> list[Any]:
    from reportlab.platypus import CondPageBreak, Spacer

    styles = lk.styles
    start, end = format_time(session.starts_at), format_time(session.ends_at)
    facts = []
    if start:
        facts.append(f"{start}–{end}" if end else start)
    if session.room:
        facts.append(session.room)
    if session.host:
        facts.append(fmt(translate("Agenda", "Host: %1"), session.host))
    total = sum(slot.minutes for slot in session.slots)
    facts.append(
        fmt(translate("Agenda", "%1 patents, %2 minutes"), str(len(session.slots)), str(total))
    )
    flowables: list[Any] = [
        CondPageBreak(45 * MM * lk.scale),  # a session title never ends a page
        bold(para(session.title, styles["heading"]), ACCENT),
        para("\u3000".join(facts), styles["label"]),
        Spacer(1, 3 * MM),
    ]
    if session.slots:
        flowables.append(_slot_table(session, lk))
    else:
        flowables.append(
            para(translate("Agenda", "No patents are planned in this session yet."), styles["body"])
        )
    flowables.append(Spacer(1, 7 * MM))
    return flowables


def build_agenda(
    event: EventInfo,
    sessions: Sequence[SessionInfo],
    out: str | Path,
    font: str,
    *,
    paper: str = "A4",
    progress: Progress = NO_PROGRESS,
) -> Written:
    if not sessions:
        with interface_language():
            message = translate("Agenda", "The event “%1” has no roadshow sessions yet.")
        raise InputError(fmt(message, event.name))
    from reportlab.platypus import Spacer

    lk = look(paper, font)
    styles = lk.styles
    head: list[Any] = [bold(para(event.name, styles["title"]))]
    facts = [x for x in (format_dates(event.starts_on, event.ends_on), event.venue) if x]
    if facts:
        head.append(para("\u3000".join(facts), styles["body"]))
    if event.organisers:
        head.append(
            para(
                fmt(translate("Agenda", "Organisers: %1"), joined(event.organisers)),
                styles["label"],
            )
        )
    head.append(Spacer(1, 4 * MM))
    flowables = list(head)
    starts: list[tuple[Any, str]] = []
    for session in sessions:
        parts = _session_flowables(session, lk)
        starts.append((parts[1], session.title))
        flowables += parts
    progress.start(len(sessions) + 1, translate("Agenda", "Laying out the agenda"))
    laid_out = paginate(flowables, lk.frame_width, [lk.frame_height])
    progress.step()
    session_first = {id(flowable): title for flowable, title in starts}
    pages = []
    for items in laid_out:
        marks = [Bookmark(session_first[id(f)]) for f, _h in items if id(f) in session_first]

        def draw(canvas: Any, lk_: Look, page_items: list[tuple[Any, float]] = items) -> None:
            stack(canvas, page_items, lk_.margin, lk_.page_height - lk_.margin)

        pages.append(Page(draw, marks))
    progress.total = progress.done + len(pages)
    meta = event_meta(event, translate("Agenda", "Agenda"))
    return write_pdf(out, lk, pages, meta, progress)
