"""Help ▸ Getting started: a short guide to the organiser's weeks, in the UI's language.

:func:`show_getting_started` opens it (one per window, not modal, so it can stay open beside
the page it explains); empty states call it too. :func:`install` adds Help ▸ Getting started
(F1) to the main window (listed in ``main_window.WINDOW_CONTROLLERS``).
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QWidget

from roadshow_desk.ui.forms import load_ui

if TYPE_CHECKING:
    from roadshow_desk.ui.main_window import MainWindow


class GettingStartedDialog(QDialog):
    """The steps from an empty database to the follow-up (``forms/getting_started.ui``)."""

    # Widgets of the form
    text_guide: QTextBrowser
    button_box: QDialogButtonBox

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        load_ui("getting_started.ui", self)
        self.button_box.rejected.connect(self.close)
        self.text_guide.setHtml(self.guide_html())

    def steps(self) -> list[tuple[str, str]]:
        """(heading, text) of each step, translated."""
        return [
            (
                self.tr("1. Bring in the patents"),
                self.tr(
                    "File ▸ Import patents… (Ctrl+I), or drop an Excel or CSV list on the "
                    "window. The columns are recognised (Chinese or English headers); check "
                    "the preview and import. Importing an updated list again updates the "
                    "patents and never overwrites what you edited without asking."
                ),
            ),
            (
                self.tr("2. Screen and shortlist"),
                self.tr(
                    "On the Library page, search (Chinese works), filter by field, "
                    "institution, type and score, and add the best patents to the event's "
                    "shortlist. On the Shortlist page, order them, exclude some with a reason "
                    "and write the presenter's notes."
                ),
            ),
            (
                self.tr("3. Prepare the event"),
                self.tr(
                    "On the Event page, enter the name, dates and venue, register the "
                    "enterprises (File ▸ Import enterprises… takes a sign-up list) and plan "
                    "the roadshow sessions and their slots."
                ),
            ),
            (
                self.tr("4. Print"),
                self.tr(
                    "The Print page makes the brochure, QR sign-up sheets, booth cards, "
                    "badges and the agenda as PDF files with the fonts embedded."
                ),
            ),
            (
                self.tr("5. On the day"),
                self.tr(
                    "The Roadshow page shows one patent at a time on the projector while the "
                    "laptop keeps the presenter console. On the Capture page, desk staff "
                    "record each enterprise's intention in seconds; a USB QR scanner fills "
                    "the fields."
                ),
            ),
            (
                self.tr("6. Afterwards"),
                self.tr(
                    "The Follow-up page takes each intention from first contact to a signed "
                    "contract. Each laptop is a station with its own name (File ▸ "
                    "Settings…); stations exchange bundle files to merge their records."
                ),
            ),
            (
                self.tr("Your data is safe"),
                self.tr(
                    "Everything stays on this computer and works without a network. The "
                    "database is backed up before every import, merge and upgrade; File ▸ "
                    "Backups… lists the backups and restores one."
                ),
            ),
        ]

    def guide_html(self) -> str:
        title = self.tr("Getting started with Roadshow Desk")
        parts = [f"<h2>{html.escape(title)}</h2>"]
        for heading, text in self.steps():
            parts.append(f"<h3>{html.escape(heading)}</h3><p>{html.escape(text)}</p>")
        return "".join(parts)

    def sizeHint(self) -> QSize:
        return QSize(620, 560)


def show_getting_started(parent: QWidget | None = None) -> GettingStartedDialog:
    """Show the getting-started guide beside ``parent``'s window (reused while open)."""
    window = parent.window() if parent is not None else None
    existing = window.findChild(GettingStartedDialog) if window is not None else None
    dialog = existing if isinstance(existing, GettingStartedDialog) else None
    if dialog is None:
        dialog = GettingStartedDialog(window)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog


def install(window: MainWindow) -> QAction:
    """Add Help ▸ Getting started (F1) above About (listed in ``WINDOW_CONTROLLERS``)."""
    text = QCoreApplication.translate("GettingStartedDialog", "&Getting started")
    action = QAction(text, window)
    action.setObjectName("action_getting_started")
    action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
    action.triggered.connect(lambda _checked=False: show_getting_started(window))
    window.help_menu.insertAction(window.about_action, action)
    window.addAction(action)
    window.getting_started_action = action
    return action
