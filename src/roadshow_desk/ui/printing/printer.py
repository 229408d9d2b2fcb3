"""Printing a PDF through Qt: the pages rendered (PDFium) and painted onto a QPrinter.

The print dialog runs on the GUI thread; :func:`print_pdf` runs on a worker (QPainter may
paint onto a QPrinter outside the GUI thread), one page a progress step, cancellable between
pages.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

from roadshow_desk.documents.raster import PdfPages
from roadshow_desk.domain.progress import Cancelled, Progress
from roadshow_desk.ui.printing.preview import raster_image

MAX_DPI = 300
"""Pages are rendered at the printer's resolution, but not finer than this."""


def prepare_printer(printer: QPrinter, pdf: str | Path) -> None:
    """Paper size and orientation of the PDF's first page, no margins (the PDF has its own)."""
    with PdfPages(pdf) as pages:
        width, height = pages.sizes[0] if len(pages) else (595.0, 842.0)
    landscape = width > height
    portrait_size = QSizeF(min(width, height), max(width, height))
    size = QPageSize(portrait_size, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
    layout = QPageLayout(
        size,
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait,
        QMarginsF(0, 0, 0, 0),
    )
    printer.setPageLayout(layout)
    printer.setFullPage(True)
    printer.setDocName(Path(pdf).stem)


def print_pdf(progress: Progress, pdf: str | Path, printer: QPrinter) -> int:
    """Paint the pages the printer asks for (its page range, or all); returns pages printed."""
    with PdfPages(pdf) as pages:
        first, last = printer.fromPage(), printer.toPage()
        if first <= 0 or last <= 0:
            first, last = 1, len(pages)
        numbers = list(range(max(1, first), min(len(pages), last) + 1))
        progress.start(len(numbers))
        painter = QPainter()
        if not painter.begin(printer):
            raise OSError("the printer could not be started")
        try:
            dpi = min(printer.resolution(), MAX_DPI)
            for count, number in enumerate(numbers):
                if count:
                    printer.newPage()
                width_pt, _height_pt = pages.sizes[number - 1]
                image = raster_image(pages.render(number - 1, round(width_pt / 72 * dpi)))
                area = painter.viewport()
                scale = min(area.width() / image.width(), area.height() / image.height())
                target_w, target_h = image.width() * scale, image.height() * scale
                x = area.x() + (area.width() - target_w) / 2
                y = area.y() + (area.height() - target_h) / 2
                painter.drawImage(QRectF(x, y, target_w, target_h), image)
                progress.step()
        except Cancelled:
            printer.abort()  # the spooled pages are dropped, nothing half-printed
            raise
        finally:
            painter.end()
    return len(numbers)
