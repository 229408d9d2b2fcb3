"""Small building blocks shared by the documents: labelled lines, a QR code with a caption,
two columns side by side."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from roadshow_desk.documents.pages import measure, stack, stacked_height, truncate
from roadshow_desk.documents.qr import draw_qr
from roadshow_desk.documents.styles import MUTED, escape


def hex_colour(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{round(c * 255):02x}" for c in rgb)


def labelled(label: str, value: str, style: Any) -> Any:
    """A paragraph "label  value": the label muted, the value as data (escaped)."""
    from reportlab.platypus import Paragraph

    return Paragraph(
        f'<font color="{hex_colour(MUTED)}">{escape(label)}</font>\u3000{escape(value)}', style
    )


def labelled_many(
    pairs: Sequence[tuple[str, str]], style: Any, separator: str = "\u3000\u3000"
) -> Any:
    """Several "label value" pairs on one paragraph (empty values left out)."""
    from reportlab.platypus import Paragraph

    parts = [
        f'<font color="{hex_colour(MUTED)}">{escape(label)}</font>\u3000{escape(value)}'
        for label, value in pairs
        if value
    ]
    return Paragraph(separator.join(parts), style)


def qr_block(text: str, size: float, caption: str, font: str, font_size: float) -> Any:
    """A QR code ``size`` points square (quiet zone included) with a one-line caption below."""
    from reportlab.platypus import Flowable

    class _QrBlock(Flowable):
        def __init__(self) -> None:
            super().__init__()
            self.width = size
            self.height = size + (font_size * 1.4 if caption else 0)

        def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
            return self.width, self.height

        def draw(self) -> None:
            canvas = self.canv
            draw_qr(canvas, text, 0, self.height - size, size)
            if caption:
                canvas.saveState()
                canvas.setFillColorRGB(*MUTED)
                canvas.setFont(font, font_size)
                line = truncate(caption, font, font_size, size + 20)
                canvas.drawCentredString(size / 2, 0.2 * font_size, line)
                canvas.restoreState()

    return _QrBlock()


def side_by_side(left: Sequence[Any], right: Any | None, gap: float) -> Any:
    """The ``left`` flowables stacked in a column, ``right`` (one flowable) at the top right."""
    from reportlab.platypus import Flowable

    class _SideBySide(Flowable):
        def __init__(self) -> None:
            super().__init__()
            self.items: list[tuple[Any, float]] = []
            self.right_size = (0.0, 0.0)

        def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
            if right is not None:
                self.right_size = right.wrap(available_width, available_height)
            room = available_width - (self.right_size[0] + gap if right is not None else 0)
            self.items = measure(left, room)
            self.width = available_width
            self.height = max(stacked_height(self.items), self.right_size[1])
            return self.width, self.height

        def draw(self) -> None:
            stack(self.canv, self.items, 0, self.height)
            if right is not None:
                right.drawOn(
                    self.canv, self.width - self.right_size[0], self.height - self.right_size[1]
                )

    return _SideBySide()
