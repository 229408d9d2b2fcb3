"""Table columns wide enough for what they hold: never a clipped code, score or header."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QStyle


def fit_column(
    view: QAbstractItemView, column: int, sample: str = "", *, checkable: bool = False
) -> int:
    """Widen ``column`` of ``view`` (never narrow it) so that its header and ``sample`` --
    the widest text the column holds, e.g. an 18-character credit code -- show in full;
    ``checkable`` adds room for a check box. Returns the width."""
    header = view.horizontalHeader()  # type: ignore[attr-defined]
    style = view.style()
    margin = 2 * (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1)
    wanted = header.sectionSizeHint(column)
    if sample:  # with room for wider letters than the sample's (a code's M or W)
        text = view.fontMetrics().horizontalAdvance(sample)
        wanted = max(wanted, text + text // 16 + margin + 12)
    if checkable:
        indicator = style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, view)
        wanted = max(wanted, indicator + 2 * margin + 8)
    if header.sectionSize(column) < wanted:
        header.resizeSection(column, wanted)
    return int(header.sectionSize(column))
