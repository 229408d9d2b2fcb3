"""The app's CJK font for matplotlib's charts (found as the printed documents find it)."""

from __future__ import annotations

from functools import cache
from typing import Any


@cache
def chart_font() -> Any:
    """A ``FontProperties`` of the CJK font (matplotlib's default when there is none)."""
    from matplotlib.font_manager import FontProperties

    from roadshow_desk.documents.fonts import find_cjk_font

    found = find_cjk_font()
    if found is None:
        return FontProperties()
    return FontProperties(fname=str(found.path))
