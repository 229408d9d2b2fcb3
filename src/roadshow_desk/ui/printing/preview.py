"""A scrolling preview of a PDF: pages fitted to the width, rendered only when seen."""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

from roadshow_desk.documents.raster import PdfPages, Raster

GAP = 16
MAX_PAGE_WIDTH = 1100
CACHE_PAGES = 12


def raster_image(raster: Raster) -> QImage:
    """A QImage that owns a copy of the raster's pixels."""
    image = QImage(
        raster.data, raster.width, raster.height, raster.stride, QImage.Format.Format_RGB32
    )
    return image.copy()


class PdfPreview(QAbstractScrollArea):
    """Shows the pages of one PDF under each other, each as wide as the view allows."""

    current_page_changed = Signal(int, int)
    """(1-based number of the page at the top of the view, page count)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preview_pdf")
        self._pages: PdfPages | None = None
        self._cache: OrderedDict[tuple[int, int], QImage] = OrderedDict()
        self._tops: list[int] = []
        self._heights: list[int] = []
        self._width = 0
        self.placeholder = ""
        """Shown when there is no document."""
        self.viewport().setAutoFillBackground(True)
        palette = self.viewport().palette()
        for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base):
            palette.setColor(role, QColor(128, 132, 140))
        self.viewport().setPalette(palette)
        self.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        self.verticalScrollBar().setSingleStep(40)

    # --- document -------------------------------------------------------------------------

    def set_pdf(self, path: str | Path | None) -> None:
        """Show ``path`` (``None``: nothing)."""
        self.clear()
        if path is not None:
            self._pages = PdfPages(path)
            self._pages.close()  # opened again while painting
        self._layout()
        self.verticalScrollBar().setValue(0)
        self.viewport().update()
        self._on_scrolled(0)

    def clear(self) -> None:
        if self._pages is not None:
            self._pages.close()
        self._pages = None
        self._cache.clear()
        self._tops, self._heights = [], []

    def page_count(self) -> int:
        return len(self._pages) if self._pages is not None else 0

    def page_image(self, index: int) -> QImage:
        """Page ``index`` at the current preview width (rendered, or from the cache)."""
        assert self._pages is not None
        key = (index, self._width)
        image = self._cache.get(key)
        if image is None:
            image = raster_image(self._pages.render(index, self._width))
            self._cache[key] = image
            while len(self._cache) > CACHE_PAGES:
                self._cache.popitem(last=False)
        else:
            self._cache.move_to_end(key)
        return image

    def scroll_to_page(self, index: int) -> None:
        if 0 <= index < len(self._tops):
            self.verticalScrollBar().setValue(self._tops[index] - GAP)

    # --- geometry -------------------------------------------------------------------------

    def _layout(self) -> None:
        self._tops, self._heights = [], []
        if self._pages is None:
            self.verticalScrollBar().setRange(0, 0)
            return
        self._width = max(80, min(self.viewport().width() - 2 * GAP, MAX_PAGE_WIDTH))
        y = GAP
        for width_pt, height_pt in self._pages.sizes:
            height = round(self._width * height_pt / width_pt)
            self._tops.append(y)
            self._heights.append(height)
            y += height + GAP
        self.verticalScrollBar().setRange(0, max(0, y - self.viewport().height()))
        self.verticalScrollBar().setPageStep(self.viewport().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        old_width = self._width
        fraction = self.verticalScrollBar().value() / max(1, self.verticalScrollBar().maximum())
        self._layout()
        if old_width != self._width:
            self._cache.clear()
            self.verticalScrollBar().setValue(round(fraction * self.verticalScrollBar().maximum()))

    def _visible(self) -> list[int]:
        top = self.verticalScrollBar().value()
        bottom = top + self.viewport().height()
        return [
            i
            for i, (y, h) in enumerate(zip(self._tops, self._heights, strict=True))
            if y + h >= top and y <= bottom
        ]

    def _on_scrolled(self, value: int) -> None:
        visible = self._visible()
        self.viewport().update()
        if visible:
            self.current_page_changed.emit(visible[0] + 1, self.page_count())
        else:
            self.current_page_changed.emit(0, self.page_count())

    # --- painting -------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self.viewport())
        try:
            if self._pages is None:
                self._paint_placeholder(painter)
                return
            offset = self.verticalScrollBar().value()
            left = max(GAP, (self.viewport().width() - self._width) // 2)
            for index in self._visible():
                target = QRect(left, self._tops[index] - offset, self._width, self._heights[index])
                painter.fillRect(target.translated(3, 3), QColor(0, 0, 0, 70))
                painter.drawImage(target, self.page_image(index))
            self._pages.close()  # hold no file open between repaints
        finally:
            painter.end()

    def _paint_placeholder(self, painter: QPainter) -> None:
        if not self.placeholder:
            return
        painter.setPen(QColor(245, 246, 248))
        area = self.viewport().rect().adjusted(GAP * 2, GAP * 2, -GAP * 2, -GAP * 2)
        flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
        painter.drawText(area, int(flags.value), self.placeholder)
