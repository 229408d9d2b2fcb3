"""Themes and text sizes of the audience display (pure functions of the screen size).

Sizes come from the display's own size, not from a point size: at 1024×768 the title is
48 px and body text 28 px; at 1920×1080 64 px and 40 px. The base is the height, or three
quarters of the width for a screen narrower than 4:3, so text never outgrows a tall screen.
Safe margins of 5 % keep text inside the picture of a projector that overscans.

Text is never larger than :data:`MAX_TEXT_PX` (64 px): Qt's raster engine caches glyphs
up to that size and fills every larger glyph as a path, about fifty times slower (a 67 px
title line costs 5 ms instead of 0.1 ms), which would make each slide switch visibly slower
on a 1080p projector for a difference nobody sees.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtGui import QColor


@dataclass(frozen=True, slots=True)
class Theme:
    name: str
    background: str
    text: str
    muted: str
    accent: str
    blank_white: str = "#ffffff"

    def color(self, role: str) -> QColor:
        return QColor(getattr(self, role))


THEMES: dict[str, Theme] = {
    # Dark high-contrast: white on black, yellow headings (legible on a weak projector).
    "dark": Theme("dark", background="#000000", text="#ffffff", muted="#d0d0d0", accent="#ffd23f"),
    # Light: near-black on white, deep blue headings.
    "light": Theme(
        "light", background="#ffffff", text="#111111", muted="#3a3a3a", accent="#0b4f9c"
    ),
}
DEFAULT_THEME = "dark"


def theme(name: str) -> Theme:
    return THEMES.get(name, THEMES[DEFAULT_THEME])


MAX_TEXT_PX = 64


@dataclass(frozen=True, slots=True)
class Metrics:
    """Pixel sizes of the audience display for one window size."""

    width: int
    height: int
    title_px: int
    body_px: int
    margin_x: int
    margin_y: int
    spacing: int
    qr_side: int  # the target side of the QR code
    qr_minimum: int  # never smaller than a quarter of the screen height


def metrics_for(width: int, height: int) -> Metrics:
    base = max(1.0, min(float(height), width * 0.75))
    return Metrics(
        width=width,
        height=height,
        title_px=min(MAX_TEXT_PX, max(20, round(base / 16))),
        body_px=min(MAX_TEXT_PX, max(14, round(base / 27))),
        margin_x=round(width * 0.05),
        margin_y=round(height * 0.05),
        spacing=max(6, round(base / 60)),
        qr_side=round(base * 0.34),
        qr_minimum=math.ceil(height / 4),
    )
