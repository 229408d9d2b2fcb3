"""The event report for the provincial IP office as PDF: a cover (what it covers, when it was
made, whether contacts are in it), the headline figures, then each table of the results with
its chart drawn as vector graphics (reportlab's own bar charts, labels in the embedded CJK
font), and the leads in follow-up.

The figures and tables come from :mod:`roadshow_desk.domain.results` and
:mod:`roadshow_desk.domain.results_tables`; this module only lays them out.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from roadshow_desk.documents.pages import Bookmark, Meta, Page, Written, paginate, stack, write_pdf
from roadshow_desk.documents.styles import (
    ACCENT,
    MM,
    RULE,
    TINT,
    Look,
    bold,
    escape,
    look,
    para,
    shorten,
)
from roadshow_desk.domain.progress import NO_PROGRESS, Progress
from roadshow_desk.domain.results import Results
from roadshow_desk.domain.results_tables import ResultTable, privacy_note, scope_text
from roadshow_desk.i18n import fmt, translate

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

#: The most bars a chart draws (its table lists every row).
CHART_BARS = 15
BAR_COLOUR = (0.16, 0.38, 0.66)


def report_title() -> str:
    return translate("Results", "Results of the fair")


def cell_text(value: Any) -> str:
    """How a table value reads on paper."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return f"{value:,.2f}"
    if isinstance(value, float):
        return f"{value:.1f}"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


_widths: dict[tuple[str, float], dict[str, float]] = {}


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """``text`` broken greedily into lines no wider than ``width`` (character widths cached,
    so a long table wraps fast); a Latin word is kept whole when it fits on a line."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    cache = _widths.setdefault((font, size), {})
    lines: list[str] = []
    line, used = "", 0.0
    for char in " ".join(text.split()):
        step = cache.get(char)
        if step is None:
            step = cache[char] = stringWidth(char, font, size)
        if line and used + step > width:
            cut = line.rfind(" ") if char.isascii() and char.isalnum() else -1
            if cut > 0 and line[cut + 1 :].isascii():
                lines.append(line[:cut])
                line = line[cut + 1 :]
            else:
                lines.append(line.rstrip())
                line = ""
            used = sum(cache.get(c, 0.0) for c in line)
            if char == " " and not line:
                continue
        line += char
        used += step
    if line:
        lines.append(line)
    return lines


def fit_line(text: str, font: str, size: float, width: float) -> str:
    """``text`` on one line no wider than ``width``, cut with "…" when longer."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    cache = _widths.setdefault((font, size), {})
    try:  # most cells fit, and their characters are known: no walk through them
        if sum(map(cache.__getitem__, text)) <= width:
            return text
    except KeyError:
        pass
    used = 0.0
    ellipsis = cache.get("…")
    if ellipsis is None:
        ellipsis = cache["…"] = stringWidth("…", font, size)
    cut = 0  # the longest start of ``text`` that fits with "…" after it
    for index, char in enumerate(text):
        step = cache.get(char)
        if step is None:
            step = cache[char] = stringWidth(char, font, size)
        used += step
        if used > width:
            return text[:cut] + "…"
        if used + ellipsis <= width:
            cut = index + 1
    return text


def bar_chart(table: ResultTable, lk: Look) -> Any:
    """A horizontal bar chart of ``table``'s chart column (first rows, largest at the top)."""
    from reportlab.graphics.charts.barcharts import HorizontalBarChart
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib.colors import Color

    assert table.chart is not None
    rows = table.rows[:CHART_BARS]
    values = [float(row[table.chart] or 0) for row in rows]
    names = [shorten(str(row[0]), 16) for row in rows]
    bar = 13.0
    label_width = 70 * MM
    height = bar * len(rows) + 28
    drawing = Drawing(lk.frame_width, height)
    drawing.initialFontName = lk.font  # never a standard (unembedded) font
    drawing.initialFontSize = lk.size(8)
    chart = HorizontalBarChart()
    chart.x = label_width
    chart.y = 18
    chart.width = lk.frame_width - label_width - 10
    chart.height = bar * len(rows)
    chart.data = [list(reversed(values))]
    chart.categoryAxis.categoryNames = list(reversed(names))
    chart.categoryAxis.labels.fontName = lk.font
    chart.categoryAxis.labels.fontSize = lk.size(8)
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.valueAxis.labels.fontName = lk.font
    chart.valueAxis.labels.fontSize = lk.size(7.5)
    chart.valueAxis.valueMin = 0
    top = max(values or [0])
    chart.valueAxis.valueMax = max(1.0, top * 1.1)
    chart.valueAxis.valueStep = max(1, round(top / 5)) if top >= 5 else 1
    chart.valueAxis.labelTextFormat = "%d"
    chart.bars[0].fillColor = Color(*BAR_COLOUR)
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = lk.font
    chart.barLabels.fontSize = lk.size(7.5)
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    return drawing


@functools.cache
def text_table_class() -> type:
    """A reportlab ``Table`` that draws its plain-text cells into one PDF text object a
    page (a font change starts a new one) instead of one text object a cell, as
    ``Canvas.drawString`` does: the same glyphs at the same places, a fraction of the work
    and of the page content for a table of thousands of cells. Flowable cells, other
    alignments and links are drawn by ``Table`` itself."""
    from reportlab.platypus import Table

    class TextTable(Table):
        _run: Any = None
        _run_style: tuple[Any, ...] | None = None

        def _flush(self) -> None:
            if self._run is not None:
                self.canv.drawText(self._run)
                self._run = None

        def _drawCell(self, cellval: Any, cellstyle: Any, pos: Any, size: Any) -> None:
            if (
                not isinstance(cellval, str)
                or cellstyle.alignment != "LEFT"
                or cellstyle.valign != "TOP"
                or cellstyle.direction
                or cellstyle.shaping
                or cellstyle.href
                or cellstyle.destination
            ):
                self._flush()
                super()._drawCell(cellval, cellstyle, pos, size)
                return
            key = (cellstyle.color, cellstyle.fontname, cellstyle.fontsize, cellstyle.leading)
            if self._run is None or key != self._run_style:
                self._flush()
                current = getattr(self, "_curcellstyle", None)
                if current is None or cellstyle.color != current.color:
                    self.canv.setFillColor(cellstyle.color)
                self.canv.setFont(cellstyle.fontname, cellstyle.fontsize, cellstyle.leading)
                self._run, self._run_style = self.canv.beginText(), key
            self._curcellstyle = cellstyle
            colpos, rowpos = pos
            x = colpos + cellstyle.leftPadding
            y = rowpos + size[1] - cellstyle.topPadding - cellstyle.fontsize
            for line in cellval.split("\n"):
                if line:
                    self._run.setTextOrigin(x, y)
                    self._run.textLine(line)
                y -= cellstyle.leading

        def _drawLines(self) -> None:
            self._flush()  # the cells are drawn: their text goes before the rules
            super()._drawLines()

    return TextTable


@functools.cache
def _header_paragraph_class() -> type:
    from reportlab.platypus import Paragraph

    class HeaderParagraph(Paragraph):
        _size: tuple[float, tuple[float, float]] | None = None

        def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
            # Paragraph.wrap depends on the width only, and drawing does not change it.
            if self._size is None or self._size[0] != available_width:
                self._size = (available_width, super().wrap(available_width, available_height))
            return self._size[1]

    return HeaderParagraph


def header_cell(text: str, style: Any) -> Any:
    """A table's header cell: a paragraph (long names wrap) that remembers its wrap, as every
    page of a long table repeats the same header and reportlab wraps it again each time."""
    return _header_paragraph_class()(escape(text), style)


def data_table(table: ResultTable, lk: Look) -> list[Any]:
    """The table as flowables for :func:`~roadshow_desk.documents.pages.paginate`: one
    table that goes on over as many pages as it needs, its header row at the top of each
    (see :func:`table_run_class`)."""
    from reportlab.lib.colors import Color
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import TableStyle
    from reportlab.platypus.tables import CellStyle

    Table = text_table_class()
    small = lk.styles["small"]
    count = len(table.header)
    width = lk.frame_width
    size = lk.size(9 if count <= 7 else 7.5)  # a wide table in smaller type
    # Each column as wide as its widest text among the first rows (header included); when
    # they do not all fit, the short columns keep their width and the long ones share the rest.
    sample = [table.header, *table.rows[:200]]
    natural = [
        max(stringWidth(cell_text(row[i]), lk.font, size) for row in sample) + 8
        for i in range(count)
    ]
    if sum(natural) <= width:
        widths = [w * width / sum(natural) for w in natural]
    else:
        # Water-filling: a column narrower than an even share of what is left keeps its
        # width; the others share the rest evenly (so long texts wrap or are cut, not numbers).
        widths = list(natural)
        left, open_columns = width, set(range(count))
        while open_columns:
            share = left / len(open_columns)
            fits = {i for i in open_columns if natural[i] <= share}
            if not fits:
                break
            left -= sum(natural[i] for i in fits)
            open_columns -= fits
        for i in open_columns:
            widths[i] = left / len(open_columns)
    header = [header_cell(name, small) for name in table.header]
    leading, top, bottom = lk.size(12.5), 2, 3
    body: list[list[Any]] = []
    heights: list[float] = []
    for row in table.rows:
        cells: list[str] = []
        for value, room in zip(row, widths, strict=True):
            text = cell_text(value)
            # A line that fits is drawn as it is; only longer text is wrapped (into lines).
            if table.one_line:
                cells.append(fit_line(text, lk.font, size, room - 7))
            elif stringWidth(text, lk.font, size) <= room - 7:
                cells.append(text)
            else:
                cells.append("\n".join(wrap(text, lk.font, size, room - 7)))
        body.append(cells)
        # The height reportlab would measure for a row of text cells: its lines and padding.
        lines = max((cell.count("\n") + 1 for cell in cells), default=1)
        heights.append(leading * lines + top + bottom)
    # Every cell is styled alike: one cell style shared by all (reportlab would make one a
    # cell and apply each command to each of them, in every page's part of a long table).
    cell = CellStyle("cell")
    cell.fontname, cell.fontsize, cell.leading, cell.valign = lk.font, size, leading, "TOP"
    cell.topPadding, cell.bottomPadding, cell.leftPadding, cell.rightPadding = top, bottom, 3, 3
    style = TableStyle(
        [
            ("BACKGROUND", (0, 0), (-1, 0), Color(*TINT)),
            ("LINEBELOW", (0, 0), (-1, -1), 0.5, Color(*RULE)),
        ]
    )

    def part(start: int, end: int) -> Any:
        """The header and the rows ``start`` to ``end`` as one reportlab Table."""
        data = [header, *body[start:end]]
        piece = Table(
            data,
            colWidths=widths,
            rowHeights=[None, *heights[start:end]],
            repeatRows=1,
            cellStyles=[[cell] * count for _row in data],
        )
        piece.setStyle(style)
        return piece

    header_height = part(0, 0).wrap(width, lk.frame_height)[1]
    return [table_run_class()(part, header_height, heights, lk.frame_height)]


@functools.cache
def table_run_class() -> type:
    """A flowable for the rows of a long table from one row on. Split for a page, it gives
    one reportlab ``Table`` of the header and the rows that fit below it, and itself for
    the rest; so a table of thousands of rows is laid out in one pass over its row heights,
    known beforehand (reportlab's own split measures and copies all the rows left at each
    page), and reads as one table: its header at the top of each page it is on, never in
    the middle of a page nor alone at the bottom of one."""
    import itertools

    from reportlab.platypus import Flowable

    class TableRun(Flowable):
        def __init__(
            self,
            part: Callable[[int, int], Any],
            header_height: float,
            heights: Sequence[float],
            page_height: float,
            start: int = 0,
            tops: list[float] | None = None,
        ) -> None:
            super().__init__()
            self._part, self._header_height = part, header_height
            self._heights, self._page_height, self._start = heights, page_height, start
            # tops[i]: the height of rows 0..i-1, so that any run of rows is measured at once.
            self._tops = tops if tops is not None else [0.0, *itertools.accumulate(heights)]
            self._table: Any = None

        def _height(self, end: int) -> float:
            """The height of the header and the rows up to ``end``."""
            return self._header_height + self._tops[end] - self._tops[self._start]

        def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
            height = self._height(len(self._heights))
            if height <= available_height + 0.01:  # all of it fits (as paginate tells)
                self._table = self._part(self._start, len(self._heights))
                height = self._table.wrap(available_width, available_height)[1]
            self.width, self.height = available_width, height
            return available_width, height

        def split(self, available_width: float, available_height: float) -> list[Any]:
            # The rows that fit, as reportlab's Table.split with repeatRows=1 counts them.
            end, last = self._start, len(self._heights)
            while end < last:  # bisect for the last row that fits
                middle = (end + last + 1) // 2
                if self._height(middle) <= available_height:
                    end = middle
                else:
                    last = middle - 1
            if end == len(self._heights):  # all of it fits: nothing to split
                return []
            if end == self._start:  # not one row fits under the header: the next page
                if self._height(end + 1) <= self._page_height:
                    return []
                end += 1  # a row taller than any page goes alone on its page
            rest = TableRun(
                self._part,
                self._header_height,
                self._heights,
                self._page_height,
                end,
                self._tops,
            )
            return [self._part(self._start, end), rest]

        def draw(self) -> None:
            self._table.drawOn(self.canv, 0, 0)

    return TableRun


def _cover(results: Results, lk: Look, contacts: bool, made_on: dt.date) -> Page:
    styles = lk.styles
    lines = [
        bold(para(report_title(), styles["cover_title"])),
        para(scope_text(results), styles["cover_line"]),
        para(
            fmt(translate("Results", "Made on %1"), made_on.isoformat()),
            styles["cover_small"],
        ),
        para(privacy_note(contacts), styles["cover_small"]),
    ]

    def draw(canvas: Any, page_look: Look) -> None:
        from roadshow_desk.documents.pages import measure

        items = measure(lines, page_look.frame_width)
        stack(canvas, items, page_look.margin, page_look.page_height * 0.62)

    return Page(draw, [Bookmark(report_title())], footer=False)


def build_report(
    results: Results,
    tables: Sequence[ResultTable],
    out: str | Path,
    font: str,
    *,
    contacts: bool = False,
    made_on: dt.date | None = None,
    progress: Progress = NO_PROGRESS,
) -> Written:
    """Write the report PDF of ``results`` with ``tables`` to ``out``."""
    from reportlab.platypus import CondPageBreak, Spacer

    lk = look("A4", font)
    styles = lk.styles
    flowables: list[Any] = []
    starts: dict[int, str] = {}
    for table in tables:
        heading = bold(para(table.title, styles["heading"]), ACCENT)
        starts[id(heading)] = table.title
        flowables += [CondPageBreak(60 * MM), heading, Spacer(1, 2 * MM)]
        if table.note:  # what the table counts, when its title cannot say it all
            flowables += [para(table.note, styles["label"]), Spacer(1, 2 * MM)]
        if not table.rows:
            flowables.append(para(translate("Results", "Nothing to show."), styles["label"]))
        else:
            if table.chart is not None:
                flowables += [bar_chart(table, lk), Spacer(1, 3 * MM)]
            flowables += data_table(table, lk)
        flowables.append(Spacer(1, 7 * MM))
    progress.start(len(flowables) // 4 + 2, translate("Results", "Laying out the report"))
    laid_out = paginate(flowables, lk.frame_width, [lk.frame_height])
    pages = [_cover(results, lk, contacts, made_on or dt.date.today())]
    for items in laid_out:
        marks = [Bookmark(starts[id(f)], 1) for f, _h in items if id(f) in starts]

        def draw(canvas: Any, lk_: Look, page_items: list[tuple[Any, float]] = items) -> None:
            stack(canvas, page_items, lk_.margin, lk_.page_height - lk_.margin)

        pages.append(Page(draw, marks))
    progress.total = progress.done + len(pages)
    meta = Meta(
        title=report_title() + " · " + scope_text(results),
        subject=report_title(),
        footer_text=scope_text(results),
    )
    return write_pdf(out, lk, pages, meta, progress)


def write_report_pdf(
    session: Session,
    results: Results,
    out: str | Path,
    *,
    contacts: bool = False,
    font: str | Path | None = None,
    progress: Progress = NO_PROGRESS,
) -> Written:
    """The report PDF of ``results``: finds and embeds the CJK font, builds the tables."""
    from roadshow_desk.documents.fonts import register_reportlab_font, require_cjk_font
    from roadshow_desk.domain.results_tables import result_tables

    name = register_reportlab_font(require_cjk_font(font))
    tables = result_tables(session, results, contacts=contacts)
    return build_report(results, tables, out, name, contacts=contacts, progress=progress)
