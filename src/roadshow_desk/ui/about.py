"""The About box: version, where the data is, the font in use, the Qt version."""

from __future__ import annotations

import html
import platform

import PySide6
from PySide6.QtCore import QSize, qVersion
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QWidget

from roadshow_desk.ui.app import current_app_font
from roadshow_desk.ui.forms import load_ui
from roadshow_desk.ui.main_window import MainWindow, database_display_name
from roadshow_desk.ui.workflow import AppContext
from roadshow_desk.version import app_version


class AboutDialog(QDialog):
    """Version, database, station, font, settings file and library versions."""

    # Widgets of forms/about_dialog.ui
    label_title: QLabel
    label_summary: QLabel
    label_details: QLabel
    button_box: QDialogButtonBox

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        load_ui("about_dialog.ui", self)
        title_font = QFont(self.label_title.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.6)
        title_font.setBold(True)
        self.label_title.setFont(title_font)
        self.button_box.rejected.connect(self.reject)
        font = current_app_font()
        if font is not None and font.family:
            font_text = f"{font.family} — {font.path}"
        elif font is not None:
            font_text = font.warning
        else:
            font_text = "—"
        database = context.database.path or database_display_name(context)
        rows = [
            (self.tr("Version"), app_version()),
            (self.tr("Database"), str(database)),
            (self.tr("Station"), context.station),
            (self.tr("Chinese font"), font_text),
            (self.tr("Settings file"), context.settings.file_name),
            (
                self.tr("Qt"),
                f"Qt {qVersion()}, PySide6 {PySide6.__version__}, "
                f"Python {platform.python_version()}",
            ),
        ]
        cells = "".join(
            f"<tr><td style='padding-right:12px'><b>{html.escape(name)}</b></td>"
            f"<td>{html.escape(value)}</td></tr>"
            for name, value in rows
        )
        self.label_details.setText(f"<table cellspacing='4'>{cells}</table>")


def shot_view(window: MainWindow, size: QSize) -> QWidget:
    """``shot --view about``: the About box."""
    from roadshow_desk.ui.shot import shot_dialog

    return shot_dialog(AboutDialog(window.context, window))
