"""The Results page's chart: drawn by matplotlib's Agg backend on a worker thread into an
image, shown by :class:`ChartView`, whose bars stay clickable (the worker hands over where
each bar is). The GUI thread only copies the finished image, so drawing a chart with a CJK
font (tens of milliseconds) never blocks the window.
"""

from __future__ import annotations

import dataclasses
import threading
import warnings
from typing import Any

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from roadshow_desk.domain.results_tables import ResultTable

#: matplotlib's font caches are not made for two threads drawing at once.
_DRAWING = threading.Lock()


@dataclasses.dataclass(frozen=True)
class Picture:
    """A drawn chart: the image (its size in logical pixels) and, for each row of the
    table in order, the clickable band of its bar in the same logical pixels."""

    image: QImage
    size: QSize
    bars: list[QRectF]


def render_chart(table: ResultTable | None, width: int, height: int, ratio: float) -> Picture:
    """Draw the bar chart of ``table`` (its first 15 rows) at ``width`` × ``height`` logical
    pixels for a screen of device pixel ``ratio``; safe to call off the GUI thread."""
    # The app leaves matplotlib's 3-D axes out (frozen build): no warning that they are missing.
    warnings.filterwarnings("ignore", "Unable to import Axes3D", UserWarning)
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from roadshow_desk.ui.results.chart_font import chart_font

    width, height, ratio = max(width, 50), max(height, 50), max(ratio, 1.0)
    with _DRAWING:
        figure = Figure(figsize=(width / 100, height / 100), dpi=100 * ratio)
        canvas = FigureCanvasAgg(figure)
        bars: list[Any] = []
        if table is not None and table.rows and table.chart is not None:
            rows = table.rows[:15]
            axes = figure.add_subplot()
            font = chart_font()
            labels = [str(row[0]) for row in rows][::-1]
            left = (_label_width(labels, font.get_size_in_points()) + 16) / width
            figure.subplots_adjust(left=min(max(left, 0.08), 0.5), right=0.96, top=0.9, bottom=0.1)
            values = [float(row[table.chart] or 0) for row in rows][::-1]
            drawn = axes.barh(range(len(rows)), values, color="#2a61a8")
            axes.set_yticks(range(len(rows)), labels, fontproperties=font)
            axes.set_title(table.title, fontproperties=font)
            axes.bar_label(drawn, fmt="%d")
            bars = list(drawn)[::-1]  # the bars in the table's order
        canvas.draw()
        pixels_w, pixels_h = canvas.get_width_height(physical=True)
        image = QImage(
            bytes(canvas.buffer_rgba()), pixels_w, pixels_h, QImage.Format.Format_RGBA8888
        ).copy()  # owns its pixels
        image.setDevicePixelRatio(ratio)
        bands: list[QRectF] = []
        if bars:
            renderer = canvas.get_renderer()
            plot = bars[0].axes.get_window_extent(renderer)
            for bar in bars:
                box = bar.get_window_extent(renderer)
                # The whole row of the plot: a bar of 0 is still a row one can click.
                bands.append(
                    QRectF(
                        plot.x0 / ratio,
                        (pixels_h - box.y1) / ratio,
                        plot.width / ratio,
                        box.height / ratio,
                    )
                )
    return Picture(image, QSize(pixels_w, pixels_h) / ratio, bands)


def _label_width(labels: list[str], points: float) -> float:
    """The logical pixels the widest label needs at ``points`` (a CJK character is one em
    wide, any other about 0.6 em), so the bars start just after the labels."""
    em = points * 100 / 72  # the figure's 100 dots an inch, in logical pixels
    return max(
        (sum(1.0 if ord(c) >= 0x2E80 else 0.6 for c in label) * em for label in labels), default=0.0
    )


class ChartView(QWidget):
    """Shows a :class:`Picture`, stretched to the widget until a new one of its size
    arrives; a click on a bar's row emits :attr:`bar_clicked` with the row's index."""

    bar_clicked = Signal(int)
    resized = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.picture: Picture | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(600, 320)

    def minimumSizeHint(self) -> QSize:
        return QSize(10, 10)  # the splitter gives the list the room it needs

    def set_picture(self, picture: Picture) -> None:
        self.picture = picture
        self.update()

    def bar_at(self, point: QPointF) -> int | None:
        """The row whose bar band holds ``point`` (widget coordinates), if any."""
        if self.picture is None or self.width() <= 0 or self.height() <= 0:
            return None
        size = self.picture.size
        inside = QPointF(
            point.x() * size.width() / self.width(), point.y() * size.height() / self.height()
        )
        for row, band in enumerate(self.picture.bars):
            if band.contains(inside):
                return row
        return None

    def bar_center(self, row: int) -> QPointF:
        """Where bar ``row`` is on the widget now (for tests and accessibility)."""
        assert self.picture is not None
        size = self.picture.size
        center = self.picture.bars[row].center()
        return QPointF(
            center.x() * self.width() / size.width(), center.y() * self.height() / size.height()
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        if self.picture is not None:
            painter.drawImage(QRectF(self.rect()), self.picture.image)
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            row = self.bar_at(event.position())
            if row is not None:
                self.bar_clicked.emit(row)
                return
        super().mousePressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resized.emit()
