"""A label for big projected text: wraps anywhere it must, reports its true height, elides.

:class:`TextBlock` is a :class:`QLabel` (its ``text()`` is the full text, for accessibility
and for the privacy walk) that lays its text out itself with :class:`QTextLayout`, breaking
at word boundaries and, for a run too long for a line (a long formula or model number),
anywhere. Measuring and painting use the same layout, so :meth:`heightForWidth` is exactly
the height the text needs: a layout that honours it never clips a line. With
:meth:`set_max_lines` the block shows at most that many lines and ends the last one with
"…" (for body text that must fit the slide; titles are never limited).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPaintEvent, QTextLayout, QTextOption
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

ELLIPSIS = "…"


class TextBlock(QLabel):
    """Wrapped text with an exact height for a width (see the module notes)."""

    def __init__(
        self,
        text: str = "",
        parent: QWidget | None = None,
        *,
        line_factor: float = 1.3,
        center: bool = False,
    ) -> None:
        super().__init__(text, parent)
        self.line_factor = line_factor
        self.center = center
        self._max_lines: int | None = None
        self._cache_key: tuple[str, int, str, int | None] | None = None
        self._lines: list[tuple[int, int, float]] = []  # (start, length, natural width)
        self._elided_tail = ""
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    # ------------------------------------------------------------------ content

    def set_max_lines(self, lines: int | None) -> None:
        if lines != self._max_lines:
            self._max_lines = lines
            self.update()

    def line_step(self) -> float:
        return round(self._pixel_size() * self.line_factor)

    def _pixel_size(self) -> float:
        font = self.font()
        if font.pixelSize() > 0:
            return float(font.pixelSize())
        return QFontMetricsF(font).height()

    # ------------------------------------------------------------------ layout

    def _layout(self, width: int) -> list[tuple[int, int, float]]:
        key = (self.text(), width, self.font().key(), None)
        if key == self._cache_key:
            return self._lines
        self._lines = wrap_lines(self.text(), self.font(), max(1, width))
        self._cache_key = key
        return self._lines

    def natural_lines(self, width: int) -> int:
        return len(self._layout(width)) if self.text() else 0

    def heightForWidth(self, width: int) -> int:
        margins = self.contentsMargins()
        inner = width - margins.left() - margins.right()
        lines = self.natural_lines(inner)
        if self._max_lines is not None:
            lines = min(lines, self._max_lines)
        return int(lines * self.line_step()) + margins.top() + margins.bottom()

    def hasHeightForWidth(self) -> bool:
        return True

    def sizeHint(self) -> QSize:
        width = self.width() if self.width() > 1 else 400
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        return QSize(0, min(self.heightForWidth(max(1, self.width())), int(self.line_step())))

    def displayed_lines(self) -> list[str]:
        """The lines as painted at the current width (the last one elided if limited)."""
        width = max(1, self.contentsRect().width())
        lines = self._layout(width)
        text = self.text()
        shown = lines if self._max_lines is None else lines[: self._max_lines]
        result = [text[start : start + length].rstrip("\n") for start, length, _w in shown]
        if self._max_lines is not None and len(lines) > self._max_lines and shown:
            start = shown[-1][0]
            metrics = QFontMetricsF(self.font())
            rest = text[start:].replace("\n", " ")
            tail = metrics.elidedText(rest + ELLIPSIS, Qt.TextElideMode.ElideRight, width)
            if not tail.endswith(ELLIPSIS):
                tail = tail.rstrip() + ELLIPSIS
            result[-1] = tail
        return result

    def is_elided(self) -> bool:
        width = max(1, self.contentsRect().width())
        return self._max_lines is not None and len(self._layout(width)) > self._max_lines

    # ------------------------------------------------------------------ painting

    def paintEvent(self, event: QPaintEvent) -> None:
        rect = self.contentsRect()
        painter = QPainter(self)
        painter.setFont(self.font())
        painter.setPen(self.palette().color(self.foregroundRole()))
        step = self.line_step()
        metrics = QFontMetricsF(self.font())
        top = rect.top() + (step - metrics.height()) / 2 + metrics.ascent()
        for number, line in enumerate(self.displayed_lines()):
            x = float(rect.left())
            if self.center:
                x += max(0.0, (rect.width() - metrics.horizontalAdvance(line)) / 2)
            painter.drawText(QPointF(x, top + number * step), line)
        painter.end()


def wrap_lines(text: str, font: QFont, width: int) -> list[tuple[int, int, float]]:
    """(start, length, width) of each line of ``text`` wrapped to ``width`` pixels.

    Breaks at word boundaries (between any two CJK characters), anywhere inside a run that
    is longer than a line, and at every newline.
    """
    lines: list[tuple[int, int, float]] = []
    if not text:
        return lines
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    offset = 0
    for paragraph in text.split("\n"):
        # Qt counts UTF-16 units; map them back to Python indexes for astral characters.
        units = _utf16_to_index(paragraph)
        layout = QTextLayout(paragraph, font)
        layout.setTextOption(option)
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
        layout.endLayout()
        if layout.lineCount() == 0:
            lines.append((offset, 0, 0.0))
        for index in range(layout.lineCount()):
            line = layout.lineAt(index)
            start = units(line.textStart())
            end = units(line.textStart() + line.textLength())
            lines.append((offset + start, end - start, line.naturalTextWidth()))
        offset += len(paragraph) + 1
    return lines


def _utf16_to_index(text: str) -> Callable[[int], int]:
    """A function from a UTF-16 offset in ``text`` to the Python string index."""
    if all(ord(char) <= 0xFFFF for char in text):
        return lambda unit: unit
    table: list[int] = []
    for index, char in enumerate(text):
        table.extend([index] * (2 if ord(char) > 0xFFFF else 1))
    table.append(len(text))
    return lambda unit: table[min(unit, len(table) - 1)]
