"""The summary after an import: the counts, a link to the rejects report, conflicts."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QWidget

from roadshow_desk.exchange.import_core import ImportResult
from roadshow_desk.i18n import fmt
from roadshow_desk.ui.forms import load_ui


class ImportSummaryDialog(QDialog):
    """What an import did (``forms/importing/summary_dialog.ui``)."""

    # Widgets of the form
    label_heading: QLabel
    label_inserted_caption: QLabel
    label_inserted: QLabel
    label_updated: QLabel
    label_unchanged: QLabel
    label_rejected: QLabel
    label_conflicts: QLabel
    label_rejects: QLabel
    label_backup: QLabel
    button_review_conflicts: QPushButton
    button_box: QDialogButtonBox

    review_requested = Signal()
    """The user asked to review the open conflicts."""

    def __init__(
        self, result: ImportResult, parent: QWidget | None = None, *, kind: str = "patent"
    ) -> None:
        """``kind`` is what was imported: ``"patent"``, ``"enterprise"`` or ``"intention"``."""
        super().__init__(parent)
        load_ui("importing/summary_dialog.ui", self)
        captions = {
            "enterprise": self.tr("New enterprises:"),
            "intention": self.tr("New intentions:"),
        }
        if kind in captions:
            self.label_inserted_caption.setText(captions[kind])
        self.import_result = result
        name = result.file.name
        if result.inserted or result.updated or result.conflicts:
            heading = fmt(self.tr("“%1” was imported."), name)
        else:
            heading = fmt(self.tr("“%1” brought nothing new."), name)
        if result.merged:
            heading += " " + self.tr(
                "%n rows were later publications of a patent in the file and were merged into it.",
                "",
                result.merged,
            )
        if getattr(result, "event_id", None) is not None:  # a sign-up list
            heading += " " + (
                fmt(
                    self.tr("%1 firms newly signed up for “%2”; %3 were signed up already."),
                    str(result.signed_up),  # type: ignore[attr-defined]
                    result.event_name,  # type: ignore[attr-defined]
                    str(result.already_signed_up),  # type: ignore[attr-defined]
                )
            )
        self.label_heading.setText(heading)
        for key, value in result.counts().items():
            label = getattr(self, f"label_{key}", None)
            if label is not None:
                label.setText(f"{value:,}")
        self.label_rejects.linkActivated.connect(self.open_rejects)
        if result.rejects_path is not None:
            link = QUrl.fromLocalFile(str(result.rejects_path)).toString()
            self.label_rejects.setText(
                fmt(
                    self.tr(
                        'The rejected rows and why: <a href="%1">%2</a>. Correct them there '
                        "and import that file again."
                    ),
                    link,
                    result.rejects_path.name,
                )
            )
        else:
            self.label_rejects.hide()
        if result.backup_path is not None:
            self.label_backup.setText(
                fmt(
                    self.tr(
                        "Before the import, the database was backed up as %1 "
                        "(File ▸ Backups… lists and restores the backups)."
                    ),
                    result.backup_path.name,
                )
            )
            self.label_backup.setToolTip(str(result.backup_path))
        else:
            self.label_backup.hide()
        self.button_review_conflicts.setVisible(result.conflicts > 0)
        self.button_review_conflicts.clicked.connect(self._review)

    def open_rejects(self, _link: str = "") -> None:
        """Open the rejects report in the spreadsheet program."""
        path: Path | None = self.import_result.rejects_path
        if path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _review(self) -> None:
        self.accept()
        self.review_requested.emit()
