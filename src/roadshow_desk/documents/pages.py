"""Writing a PDF from planned pages: footers, bookmarks, links, metadata, progress, cancel.

Every document is planned first as a list of :class:`Page` objects (each knows how to draw
itself), so the page count is known before anything is drawn: footers say "第 x 页 / 共 y
页" and the contents list page numbers in one pass, with no second layout run. The file is
written next to its destination and moved into place only when complete, so a cancelled or
failed run leaves no half-written PDF.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from roadshow_desk.documents.styles import MUTED, RULE, Look, bold, para
from roadshow_desk.domain.progress import NO_PROGRESS, Progress
from roadshow_desk.i18n import fmt, translate

Draw = Callable[[Any, Look], None]


@dataclass(frozen=True)
class Bookmark:
    """An outline entry: its title, depth (0 = top) and, when not the page top, the height
    (points from the page bottom) it points at."""

    title: str
    level: int = 0
    top: float | None = None


@dataclass
class Page:
    """One planned page: how to draw it, the bookmarks that start on it, its footer."""

    draw: Draw
    bookmarks: list[Bookmark] = field(default_factory=list)
    """Outline entries pointing at this page, in order."""
    footer: bool = True
    landscape: bool = False


@dataclass(frozen=True)
class Meta:
    title: str
    subject: str = ""
    author: str = ""
    footer_text: str = ""
    """Shown at the left of every footer (e.g. the event name)."""


@dataclass(frozen=True)
class Written:
    """What was written."""

    path: Path
    pages: int


def page_key(number: int) -> str:
    """The named destination of page ``number`` (1-based), for links from the contents."""
    return f"page{number}"


def page_label(number: int, total: int) -> str:
    return fmt(translate("Documents", "Page %1 of %2"), str(number), str(total))


def truncate(text: str, font: str, size: float, width: float) -> str:
    """``text`` on one line of ``width`` points, cut with ``…`` when it is longer."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    value = " ".join(text.split())
    if stringWidth(value, font, size) <= width:
        return value
    ellipsis_width = stringWidth("…", font, size)
    total = 0.0
    for index, char in enumerate(value):
        total += stringWidth(char, font, size)
        if total + ellipsis_width > width:
            return value[:index].rstrip() + "…"
    return value


def draw_footer(canvas: Any, lk: Look, number: int, total: int, left: str) -> None:
    size = lk.size(8)
    y = lk.margin
    canvas.saveState()
    canvas.setStrokeColorRGB(*RULE)
    canvas.setLineWidth(0.4)
    canvas.line(lk.margin, y + size * 1.6, lk.page_width - lk.margin, y + size * 1.6)
    canvas.setFillColorRGB(*MUTED)
    canvas.setFont(lk.font, size)
    label = page_label(number, total)
    canvas.drawRightString(lk.page_width - lk.margin, y, label)
    if left:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        room = lk.frame_width - stringWidth(label, lk.font, size) - 12
        canvas.drawString(lk.margin, y, truncate(left, lk.font, size, room))
    canvas.restoreState()


def stack(canvas: Any, items: Sequence[tuple[Any, float]], x: float, top: float) -> float:
    """Draw measured flowables ``(flowable, height)`` top-down from ``top``; returns the
    bottom. Each flowable must have been wrapped at the width it is drawn in."""
    y = top
    for index, (flowable, height) in enumerate(items):
        if index:
            y -= flowable.getSpaceBefore()
        y -= height
        flowable.drawOn(canvas, x, y)
        y -= flowable.getSpaceAfter()
    return y


def measure(flowables: Sequence[Any], width: float, height: float = 1e6) -> list[tuple[Any, float]]:
    return [(f, f.wrap(width, height)[1]) for f in flowables]


def stacked_height(items: Sequence[tuple[Any, float]]) -> float:
    total = 0.0
    for index, (flowable, height) in enumerate(items):
        total += height + flowable.getSpaceAfter()
        if index:
            total += flowable.getSpaceBefore()
    return total


def fitted(
    text: str,
    base: Any,
    width: float,
    height: float,
    sizes: range,
    *,
    leading: float,
    weight: float,
) -> list[tuple[Any, float]]:
    """``text`` in bold, measured at the first of ``sizes`` (points, largest first) that fits
    ``height``, else at the last; line spacing ``leading`` times the size."""
    from reportlab.lib.styles import ParagraphStyle

    items: list[tuple[Any, float]] = []
    for size in sizes:
        style = ParagraphStyle(
            f"{base.name}_fit", parent=base, fontSize=size, leading=size * leading
        )
        items = measure([bold(para(text, style), weight=weight)], width)
        if stacked_height(items) <= height:
            break
    return items


def paginate(
    flowables: Sequence[Any], width: float, heights: Sequence[float]
) -> list[list[tuple[Any, float]]]:
    """Split flowables into pages: page ``i`` is ``heights[i]`` high (the last height repeats);
    a paragraph too long for the room left is split across pages."""
    pages: list[list[tuple[Any, float]]] = [[]]
    queue = list(flowables)

    def room_of(index: int) -> float:
        return heights[min(index, len(heights) - 1)]

    room = room_of(0)
    from reportlab.platypus import Spacer

    while queue:
        flowable = queue.pop(0)
        if isinstance(flowable, Spacer) and not pages[-1]:
            continue  # no blank space (or conditional break) at the top of a page
        before = flowable.getSpaceBefore() if pages[-1] else 0.0
        _w, height = flowable.wrap(width, room - before)
        if height + before <= room + 0.01:
            pages[-1].append((flowable, height))
            room -= height + before + flowable.getSpaceAfter()
            continue
        if isinstance(flowable, Spacer):  # space that does not fit ends the page
            pages.append([])
            room = room_of(len(pages) - 1)
            continue
        parts = flowable.split(width, room - before) if room - before > 0 else []
        if len(parts) > 1:
            queue[0:0] = parts
            continue
        if not pages[-1]:  # taller than a whole page and cannot split: let it overflow
            pages[-1].append((flowable, height))
            pages.append([])
            room = room_of(len(pages) - 1)
            continue
        queue.insert(0, flowable)
        pages.append([])
        room = room_of(len(pages) - 1)
    if not pages[-1] and len(pages) > 1:
        pages.pop()
    return pages


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_pdf(
    out: str | Path,
    lk: Look,
    pages: Sequence[Page],
    meta: Meta,
    progress: Progress = NO_PROGRESS,
    landscape_look: Look | None = None,
) -> Written:
    """Draw ``pages`` into ``out`` (atomically); steps ``progress`` once a page."""
    from reportlab.pdfgen.canvas import Canvas

    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=".~", suffix=".pdf", dir=out.parent)
    os.close(handle)
    total = len(pages)
    try:
        canvas = Canvas(
            temp_name,
            pagesize=(lk.page_width, lk.page_height),
            initialFontName=lk.font,
            initialFontSize=lk.size(10),
            pageCompression=1,
            lang="zh-CN",
        )
        canvas.setTitle(meta.title)
        canvas.setSubject(meta.subject)
        canvas.setAuthor(meta.author)
        canvas.setCreator("Roadshow Desk")
        outline_index = 0
        for number, page in enumerate(pages, start=1):
            page_look = landscape_look if page.landscape and landscape_look else lk
            canvas.setPageSize((page_look.page_width, page_look.page_height))
            canvas.setFont(page_look.font, page_look.size(10))
            canvas.bookmarkPage(page_key(number))
            for bookmark in page.bookmarks:
                outline_index += 1
                key = f"outline{outline_index}"
                if bookmark.top is None:
                    canvas.bookmarkPage(key)
                else:
                    canvas.bookmarkPage(key, fit="XYZ", left=0, top=bookmark.top)
                canvas.addOutlineEntry(bookmark.title, key, level=bookmark.level, closed=False)
            page.draw(canvas, page_look)
            if page.footer:
                draw_footer(canvas, page_look, number, total, meta.footer_text)
            canvas.showPage()
            progress.step()
        if outline_index:
            canvas.showOutline()
        canvas.save()
        os.chmod(temp_name, 0o666 & ~_umask())
        os.replace(temp_name, out)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return Written(out, total)
