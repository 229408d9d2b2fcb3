"""A page's table columns and splitter, as the user left them: restored once, saved as they
change (the library and the follow-up page)."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QSplitter

from roadshow_desk.ui.settings import Settings


def keep_layout(
    settings: Settings,
    header: QHeaderView,
    splitter: QSplitter,
    header_key: str,
    splitter_key: str,
) -> None:
    """Restore the header's and the splitter's saved states (when there are any), then save
    both under the same keys whenever a column is resized, moved or sorted, or the splitter
    moves."""
    header_state = settings.splitter_state(header_key)
    if not header_state.isEmpty():
        header.restoreState(header_state)
    splitter_state = settings.splitter_state(splitter_key)
    if not splitter_state.isEmpty():
        splitter.restoreState(splitter_state)

    def save(*_args: object) -> None:
        settings.set_splitter_state(header_key, header.saveState())
        settings.set_splitter_state(splitter_key, splitter.saveState())

    header.sectionResized.connect(save)
    header.sectionMoved.connect(save)
    header.sortIndicatorChanged.connect(save)
    splitter.splitterMoved.connect(save)
