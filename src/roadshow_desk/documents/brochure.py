"""The patent brochure: cover, foreword, contents, patents by field, index by institution.

Patents are grouped by technical field (fields in the order their first patent appears on
the shortlist; patents in shortlist order) and printed one or two to a page; each field
starts on a new page. A patent's block always fits its page or half page: long texts are
shortened at a sentence end (``……``) before anything is scaled. Because every patent block
has a known place, all page numbers are known before drawing, and the whole PDF is written
in one pass: contents with page numbers (and links), "第 x 页 / 共 y 页" footers, an outline
with a bookmark per field and per patent.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from roadshow_desk.documents.data import (
    EventInfo,
    PatentInfo,
    event_meta,
    event_signup_link,
    format_dates,
    joined,
)
from roadshow_desk.documents.pages import (
    Bookmark,
    Page,
    Written,
    measure,
    page_key,
    paginate,
    stack,
    stacked_height,
    truncate,
    write_pdf,
)
from roadshow_desk.documents.parts import labelled, labelled_many, qr_block, side_by_side
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
    para_lines,
    shorten,
)
from roadshow_desk.domain.progress import NO_PROGRESS, Progress
from roadshow_desk.errors import InputError
from roadshow_desk.i18n import fmt, interface_language, translate

# Longest section texts (characters) per layout before fitting:
# abstract, advantages, application scenarios, open-licence terms.
_CAPS = {
    ("A4", 1): (900, 360, 360, 240),
    ("A4", 2): (360, 150, 150, 100),
    ("A5", 1): (560, 220, 220, 150),
    ("A5", 2): (200, 80, 80, 60),
}
_SHORTEST = 24
"""A section cut below this many characters is left out instead."""


@dataclass(frozen=True)
class _Row:
    """A line of the contents or the index."""

    text: str
    page: int
    heading: bool = False
    right: str = ""


# --------------------------------------------------------------------------- patent blocks


def _sections(patent: PatentInfo) -> list[tuple[str, str]]:
    return [
        (translate("Brochure", "Abstract"), patent.abstract),
        (translate("Brochure", "Advantages"), patent.advantages),
        (translate("Brochure", "Application scenarios"), patent.application_scenarios),
        (translate("Brochure", "Open licence terms"), patent.open_licence_terms),
    ]


def _patent_flowables(
    patent: PatentInfo, number: int, lk: Look, half: bool, caps: Sequence[int]
) -> list[Any]:
    styles = lk.styles
    qr_size = (26 if half else 40) * MM * lk.scale
    caption_size = lk.size(7.5)
    kicker = para(f"{number:02d}\u3000{patent.field}", styles["section"])
    title = bold(para(patent.title, styles["title_half" if half else "title"]))
    body = styles["small"] if half else styles["body"]  # the facts
    text = styles["small"] if half else styles["body_large"]  # the sections
    heading_style = styles["section"] if half else styles["section_large"]
    meta = [
        labelled_many(
            [
                (translate("Brochure", "Application no."), patent.application_no),
                (translate("Brochure", "Type"), patent.patent_type),
                (translate("Brochure", "Status"), patent.legal_status),
            ],
            body,
        ),
        labelled(translate("Brochure", "Institution"), patent.institution, body)
        if patent.institution
        else None,
        labelled(translate("Brochure", "Inventors"), _inventors(patent.inventors), body)
        if patent.inventors
        else None,
        labelled(translate("Brochure", "IPC"), patent.ipc_main, body)
        if patent.ipc_main and not half
        else None,
        labelled(translate("Brochure", "Offered for"), joined(patent.conversion_modes), body)
        if patent.conversion_modes
        else None,
        labelled(translate("Brochure", "Price guide"), patent.price_guide, body)
        if patent.price_guide
        else None,
        labelled(translate("Brochure", "Contact"), patent.contact, body)
        if patent.contact
        else None,
    ]
    qr = (
        qr_block(
            patent.qr,
            qr_size,
            translate("Brochure", "Scan to register interest"),
            lk.font,
            caption_size,
        )
        if patent.qr
        else None
    )
    flowables: list[Any] = [
        kicker,
        title,
        side_by_side([m for m in meta if m is not None], qr, 4 * MM),
    ]
    for (heading, section), cap in zip(_sections(patent), caps, strict=True):
        if section and cap > 0:
            flowables.append(para(heading, heading_style))
            flowables.append(para(shorten(section, cap), text))
    return flowables


def _inventors(names: Sequence[str], most: int = 8) -> str:
    if len(names) <= most:
        return joined(list(names))
    return joined(list(names[:most])) + translate("Brochure", " et al.")


def fit_patent(
    patent: PatentInfo, number: int, lk: Look, half: bool, height: float
) -> list[tuple[Any, float]]:
    """The measured flowables of a patent block that fit ``height``.

    Sections start at the layout's caps; while the block is too tall, the longest shown
    section is cut by about the overflowing height (at a sentence end, see
    :func:`~roadshow_desk.documents.styles.shorten`); only as a last resort is the block
    scaled down.
    """
    caps = list(_CAPS[(lk.paper, 2 if half else 1)])
    texts = [text for _heading, text in _sections(patent)]
    width = lk.frame_width
    flowables: list[Any] = []
    for _attempt in range(8):
        flowables = _patent_flowables(patent, number, lk, half, caps)
        items = measure(flowables, width, height)
        overflow = stacked_height(items) - height
        if overflow <= 0:
            return items
        shown = [i for i, text in enumerate(texts) if text and caps[i] > 0]
        if not shown:
            break
        # section bodies follow the kicker, the title, the facts and each section's heading
        bodies = {which: items[4 + 2 * k][1] for k, which in enumerate(shown)}
        which = max(shown, key=lambda i: bodies[i])
        length = min(len(" ".join(texts[which].split())), caps[which])
        keep = (bodies[which] - overflow) / bodies[which] * 0.95 if bodies[which] else 0.0
        caps[which] = int(length * keep) if keep > 0 else 0
        if caps[which] < _SHORTEST:
            caps[which] = 0
    from reportlab.platypus import KeepInFrame

    frame = KeepInFrame(width, height, flowables, mode="shrink")
    return [(frame, frame.wrap(width, height)[1])]


# --------------------------------------------------------------------------- the plan


def _groups(patents: Sequence[PatentInfo]) -> list[tuple[str, list[tuple[int, PatentInfo]]]]:
    groups: dict[str, list[tuple[int, PatentInfo]]] = {}
    for patent in patents:
        groups.setdefault(patent.field, []).append((0, patent))
    numbered: list[tuple[str, list[tuple[int, PatentInfo]]]] = []
    number = 0
    for name, members in groups.items():
        items = []
        for _zero, patent in members:
            number += 1
            items.append((number, patent))
        numbered.append((name, items))
    return numbered


def _row_pages(rows: Sequence[_Row], lk: Look, first_room: float) -> list[list[_Row]]:
    row_height, heading_height = _row_heights(lk)
    pages: list[list[_Row]] = [[]]
    room = first_room
    for index, row in enumerate(rows):
        need = heading_height if row.heading else row_height
        # keep a heading with its first row
        if row.heading and index + 1 < len(rows):
            need += row_height
        if need > room and pages[-1]:
            pages.append([])
            room = lk.frame_height
        pages[-1].append(row)
        room -= heading_height if row.heading else row_height
    return pages


def _row_heights(lk: Look) -> tuple[float, float]:
    return lk.size(10) * 1.75, lk.size(11) * 2.4


def _heading_room(lk: Look) -> float:
    return lk.size(15) * 3.2


def _draw_rows(
    canvas: Any, lk: Look, rows: Sequence[_Row], heading: str | None, links: bool
) -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    top = lk.page_height - lk.margin
    x0, x1 = lk.margin, lk.page_width - lk.margin
    if heading:
        canvas.setFillColorRGB(*ACCENT)
        canvas.setFont(lk.font, lk.size(15))
        canvas.drawString(x0, top - lk.size(15), heading)
        top -= _heading_room(lk)
    row_height, heading_height = _row_heights(lk)
    y = top
    for row in rows:
        if row.heading:
            y -= heading_height
            size = lk.size(11)
            canvas.setFillColorRGB(*ACCENT)
            indent = 0.0
        else:
            y -= row_height
            size = lk.size(9.5)
            canvas.setFillColorRGB(*INK)
            indent = 5 * MM
        baseline = y + (row_height - size) / 2 if not row.heading else y + size * 0.6
        canvas.setFont(lk.font, size)
        number = str(row.page) if row.page else ""
        number_width = stringWidth(number, lk.font, size)
        right_text = row.right
        right_width = stringWidth(right_text, lk.font, size * 0.9) + 4 * MM if right_text else 0
        room = x1 - x0 - indent - number_width - right_width - 8 * MM
        text = truncate(row.text, lk.font, size, room)
        canvas.drawString(x0 + indent, baseline, text)
        if number:
            canvas.drawRightString(x1, baseline, number)
        if right_text:
            canvas.saveState()
            canvas.setFillColorRGB(*MUTED)
            canvas.setFont(lk.font, size * 0.9)
            canvas.drawRightString(x1 - number_width - 4 * MM, baseline, right_text)
            canvas.restoreState()
        # dotted leader between the text and the numbers
        start = x0 + indent + stringWidth(text, lk.font, size) + 2 * MM
        end = x1 - number_width - right_width - 2 * MM
        if number and end > start:
            canvas.saveState()
            canvas.setStrokeColorRGB(*RULE)
            canvas.setLineWidth(0.6)
            canvas.setDash(0.6, 2.4)
            canvas.line(start, baseline + 1, end, baseline + 1)
            canvas.restoreState()
        if links and row.page:
            canvas.linkRect(
                "",
                page_key(row.page),
                (x0, y, x1, y + (heading_height if row.heading else row_height)),
            )


def _draw_cover(canvas: Any, lk: Look, event: EventInfo, patents: Sequence[PatentInfo]) -> None:
    styles = lk.styles
    width, height = lk.page_width, lk.page_height
    canvas.saveState()
    canvas.setFillColorRGB(*ACCENT)
    canvas.rect(0, height - 32 * MM * lk.scale, width, 32 * MM * lk.scale, stroke=0, fill=1)
    canvas.setFillColorRGB(1, 1, 1)
    canvas.setFont(lk.font, lk.size(14))
    canvas.drawCentredString(
        width / 2, height - 19 * MM * lk.scale, translate("Brochure", "Patent roadshow · Brochure")
    )
    canvas.restoreState()
    fields = {p.field for p in patents}
    institutions = {p.institution for p in patents if p.institution}
    stats = fmt(
        translate("Brochure", "%1 patents from %2 institutions in %3 fields"),
        str(len(patents)),
        str(len(institutions)),
        str(len(fields)),
    )
    text_width = lk.frame_width - 20 * MM
    lines: list[Any] = [bold(para_lines(event.name, styles["cover_title"], text_width))]
    from reportlab.platypus import Spacer

    lines.append(Spacer(1, 8 * MM * lk.scale))
    for text in (
        format_dates(event.starts_on, event.ends_on),
        event.venue,
    ):
        if text:
            lines.append(para(text, styles["cover_line"]))
    if event.organisers:
        lines.append(Spacer(1, 6 * MM * lk.scale))
        lines.append(
            para(
                fmt(translate("Brochure", "Organisers: %1"), joined(event.organisers)),
                styles["cover_small"],
            )
        )
    regions = [r for r in (event.region, *event.partner_regions) if r]
    if regions:
        lines.append(
            para(
                fmt(translate("Brochure", "Regions: %1"), joined(regions)),
                styles["cover_small"],
            )
        )
    lines.append(Spacer(1, 6 * MM * lk.scale))
    lines.append(para(stats, styles["cover_small"]))
    items = measure(lines, text_width)
    top = height - 70 * MM * lk.scale
    stack(canvas, items, lk.margin + 10 * MM, top)
    link = event_signup_link(event)
    if link:
        size = 42 * MM * lk.scale
        x = (width - size) / 2
        y = lk.margin + 22 * MM * lk.scale
        draw_qr(canvas, link, x, y, size)
        canvas.setFillColorRGB(*MUTED)
        canvas.setFont(lk.font, lk.size(10))
        canvas.drawCentredString(
            width / 2, y - lk.size(10) * 1.6, translate("Brochure", "Scan to sign up")
        )


def _draw_patent_page(
    canvas: Any, lk: Look, blocks: Sequence[list[tuple[Any, float]]], field_name: str
) -> None:
    # a tinted band with the field name over the page
    band = lk.size(9) * 2.2
    top = lk.page_height - lk.margin
    canvas.saveState()
    canvas.setFillColorRGB(*TINT)
    canvas.rect(0, top + lk.margin * 0.35, lk.page_width, band * 0.9, stroke=0, fill=1)
    canvas.setFillColorRGB(*ACCENT)
    canvas.setFont(lk.font, lk.size(9))
    canvas.drawString(lk.margin, top + lk.margin * 0.35 + band * 0.3, field_name)
    canvas.restoreState()
    for index, items in enumerate(blocks):
        block_top = top - index * _half_height(lk)
        stack(canvas, items, lk.margin, block_top)
        if index:
            canvas.saveState()
            canvas.setStrokeColorRGB(*RULE)
            canvas.setLineWidth(0.5)
            y = block_top + 3 * MM
            canvas.line(lk.margin, y, lk.page_width - lk.margin, y)
            canvas.restoreState()


def _half_height(lk: Look) -> float:
    return lk.frame_height / 2


def _half_room(lk: Look) -> float:
    return _half_height(lk) - 6 * MM


def build_brochure(
    event: EventInfo,
    patents: Sequence[PatentInfo],
    out: str | Path,
    font: str,
    *,
    paper: str = "A4",
    per_page: int = 1,
    foreword: str | None = None,
    progress: Progress = NO_PROGRESS,
) -> Written:
    """Write the brochure of ``patents`` (in shortlist order) to ``out``.

    ``font`` is a registered reportlab font (:func:`~roadshow_desk.documents.fonts.
    register_reportlab_font`); ``foreword`` replaces the event's own foreword when given.
    """
    with interface_language():
        if per_page not in (1, 2):
            raise InputError(translate("Brochure", "A brochure has one or two patents per page."))
        if not patents:
            raise InputError(translate("Brochure", "There are no patents to print."))
    lk = look(paper, font)
    half = per_page == 2
    groups = _groups(patents)
    progress.start(len(patents) * 2 + 8, translate("Brochure", "Laying out the patents"))

    # 1. patent pages (each field starts a page)
    patent_pages: list[tuple[str, list[tuple[int, PatentInfo, list[tuple[Any, float]]]]]] = []
    for field_name, members in groups:
        for start in range(0, len(members), per_page):
            chunk = []
            for number, patent in members[start : start + per_page]:
                height = _half_room(lk) if half else lk.frame_height
                chunk.append((number, patent, fit_patent(patent, number, lk, half, height)))
                progress.step()
            patent_pages.append((field_name, chunk))

    # 2. foreword pages
    text = (foreword if foreword is not None else event.foreword).strip()
    foreword_pages: list[list[tuple[Any, float]]] = []
    if text:
        paragraphs = [para(p, lk.styles["body"]) for p in text.split("\n\n") if p.strip()]
        from reportlab.platypus import Spacer

        flow: list[Any] = []
        for paragraph in paragraphs:
            flow += [paragraph, Spacer(1, lk.size(6))]
        foreword_pages = paginate(
            flow, lk.frame_width, [lk.frame_height - _heading_room(lk), lk.frame_height]
        )

    # 3. page numbers: cover, foreword, contents, patents, index
    first_patent_page: dict[int, int] = {}
    field_first_page: dict[str, int] = {}
    contents_room = lk.frame_height - _heading_room(lk)
    # the rows (and so the pages) of the contents do not depend on the numbers they show
    contents_pages_count = len(_row_pages(_contents_rows(groups, {}, {}), lk, contents_room))
    patents_start = 2 + len(foreword_pages) + contents_pages_count
    for offset, (field_name, chunk) in enumerate(patent_pages):
        page_number = patents_start + offset
        field_first_page.setdefault(field_name, page_number)
        for number, _patent, _items in chunk:
            first_patent_page[number] = page_number
    contents_pages = _row_pages(
        _contents_rows(groups, first_patent_page, field_first_page),
        lk,
        contents_room,
    )
    assert len(contents_pages) == contents_pages_count
    index_start = patents_start + len(patent_pages)
    index_pages = _row_pages(_index_rows(groups, first_patent_page), lk, contents_room)
    progress.step(4, translate("Brochure", "Writing the PDF"))

    # 4. the page list
    pages: list[Page] = [Page(lambda c, lk_: _draw_cover(c, lk_, event, patents), footer=False)]
    heading_foreword = translate("Brochure", "Foreword")
    for index, items in enumerate(foreword_pages):
        pages.append(
            Page(
                _content_page(items, heading_foreword if index == 0 else None),
                [Bookmark(heading_foreword)] if index == 0 else [],
            )
        )
    heading_contents = translate("Brochure", "Contents")
    for index, rows in enumerate(contents_pages):
        pages.append(
            Page(
                _rows_page(rows, heading_contents if index == 0 else None),
                [Bookmark(heading_contents)] if index == 0 else [],
            )
        )
    seen_fields: set[str] = set()
    for field_name, chunk in patent_pages:
        marks: list[Bookmark] = []
        if field_name not in seen_fields:
            seen_fields.add(field_name)
            marks.append(Bookmark(field_name, 0))
        for slot, (_number, patent, _items) in enumerate(chunk):
            top = None if slot == 0 else lk.page_height - lk.margin - slot * _half_height(lk)
            marks.append(Bookmark(patent.title or patent.application_no, 1, top))
        pages.append(Page(_patents_page([c[2] for c in chunk], field_name), marks))
    heading_index = translate("Brochure", "Index by institution")
    for index, rows in enumerate(index_pages):
        pages.append(
            Page(
                _rows_page(rows, heading_index if index == 0 else None),
                [Bookmark(heading_index)] if index == 0 else [],
            )
        )
    assert len(pages) == index_start + len(index_pages) - 1
    progress.total = progress.done + len(pages)
    meta = event_meta(event, translate("Brochure", "Patent brochure"))
    return write_pdf(out, lk, pages, meta, progress)


def _content_page(items: list[tuple[Any, float]], heading: str | None) -> Any:
    def draw(canvas: Any, lk: Look) -> None:
        top = lk.page_height - lk.margin
        if heading:
            canvas.setFillColorRGB(*ACCENT)
            canvas.setFont(lk.font, lk.size(15))
            canvas.drawString(lk.margin, top - lk.size(15), heading)
            top -= _heading_room(lk)
        stack(canvas, items, lk.margin, top)

    return draw


def _rows_page(rows: list[_Row], heading: str | None) -> Any:
    def draw(canvas: Any, lk: Look) -> None:
        _draw_rows(canvas, lk, rows, heading, links=True)

    return draw


def _patents_page(blocks: list[list[tuple[Any, float]]], field_name: str) -> Any:
    def draw(canvas: Any, lk: Look) -> None:
        _draw_patent_page(canvas, lk, blocks, field_name)

    return draw


def _contents_rows(
    groups: Sequence[tuple[str, list[tuple[int, PatentInfo]]]],
    patent_pages: dict[int, int],
    field_pages: dict[str, int],
) -> list[_Row]:
    rows: list[_Row] = []
    for field_name, members in groups:
        rows.append(_Row(field_name, field_pages.get(field_name, 0), heading=True))
        for number, patent in members:
            rows.append(_Row(f"{number:02d}\u2002{patent.title}", patent_pages.get(number, 0)))
    return rows


def _index_rows(
    groups: Sequence[tuple[str, list[tuple[int, PatentInfo]]]], patent_pages: dict[int, int]
) -> list[_Row]:
    by_institution: dict[str, list[tuple[int, PatentInfo]]] = {}
    for _field, members in groups:
        for number, patent in members:
            name = patent.institution or translate("Brochure", "Institution not given")
            by_institution.setdefault(name, []).append((number, patent))
    rows: list[_Row] = []
    for name in sorted(by_institution):
        rows.append(_Row(name, 0, heading=True))
        for number, patent in sorted(by_institution[name], key=lambda item: item[0]):
            rows.append(
                _Row(
                    f"{number:02d}\u2002{patent.title}",
                    patent_pages.get(number, 0),
                    right=patent.application_no,
                )
            )
    return rows
