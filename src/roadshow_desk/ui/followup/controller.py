"""File ▸ Export intentions…: the follow-up page's export, reachable from the menu."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QIcon

from roadshow_desk.ui.followup.page import FollowUpPage

if TYPE_CHECKING:
    from roadshow_desk.ui.main_window import MainWindow


def install(window: MainWindow) -> None:
    """Add File ▸ Export intentions… (shows the follow-up page and exports what it lists)."""
    text = QCoreApplication.translate("FollowUpController", "E&xport intentions…")
    action = QAction(QIcon("icons:export.svg"), text, window)
    action.setObjectName("action_file_export_intentions")

    def export() -> None:
        window.show_page(FollowUpPage.view_name)
        page = window.page(FollowUpPage.view_name)
        if isinstance(page, FollowUpPage):
            page.export_intentions()

    action.triggered.connect(export)
    window.add_file_action(action)
