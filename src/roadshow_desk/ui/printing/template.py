"""The print page's "Transcription workbook…" button: the sign-up sheet's matching workbook
(the same columns as the printed sheet, drop-down lists, the session's patents), written
off the GUI thread by :func:`roadshow_desk.exchange.signup_template.write_signup_template`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QBoxLayout, QFileDialog, QPushButton, QWidget

from roadshow_desk.documents.render import PrintOptions
from roadshow_desk.domain.progress import Progress

if TYPE_CHECKING:
    from roadshow_desk.store.db import Database


def template_job(progress: Progress, database: Database, out: Path, options: PrintOptions) -> Path:
    from roadshow_desk.exchange.signup_template import write_signup_template

    progress.check()
    return write_signup_template(
        database,
        out,
        event=options.event,
        session_id=options.session_id,
        rows=options.signup_rows,
        pages=options.signup_pages,
        lang=options.language,
    )


def add_template_button(page: QWidget, beside: QPushButton) -> QPushButton:
    """A button after ``beside`` in its layout."""
    button = QPushButton(QCoreApplication.translate("PrintPage", "Transcription &workbook…"), page)
    button.setObjectName("button_template")
    button.setToolTip(
        QCoreApplication.translate(
            "PrintPage",
            "An Excel workbook with the sheet's columns to type the filled sheets into, "
            "for 导入意向 / intentions import.",
        )
    )
    for layout in page.findChildren(QBoxLayout):
        index = layout.indexOf(beside)
        if index >= 0:
            layout.insertWidget(index + 1, button)
            break
    return button


def ask_template_path(page: QWidget, suggested: str) -> Path | None:
    """The workbook chosen in the system's save dialog (``None``: cancelled)."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    name, _filter = QFileDialog.getSaveFileName(
        page,
        QCoreApplication.translate("PrintPage", "Save the transcription workbook"),
        str(Path(folder) / suggested),
        QCoreApplication.translate("PrintPage", "Excel workbooks (*.xlsx)"),
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == ".xlsx" else path.with_name(path.name + ".xlsx")
