"""Before a sign-up list is imported: which event its firms sign up for (or none).

The dialog names the event (the current one is chosen); "No event" imports the firms into the
registry only. ``chosen_event_id()`` is the answer.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QWidget

from roadshow_desk.i18n import fmt
from roadshow_desk.ui.forms import load_ui


class SignUpTargetDialog(QDialog):
    """Choose the event a sign-up list signs up for (``forms/importing/signup_dialog.ui``)."""

    label_heading: QLabel
    combo_event: QComboBox
    label_note: QLabel
    button_box: QDialogButtonBox

    def __init__(
        self,
        file_name: str,
        events: list[tuple[int, str]],
        current: int | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        load_ui("importing/signup_dialog.ui", self)
        self.label_heading.setText(
            fmt(
                self.tr(
                    "“%1” is a sign-up list: its firms are added to the registry and signed up "
                    "for the event, so their badges print and the desk finds them signed up."
                ),
                file_name,
            )
        )
        for event_id, name in events:
            self.combo_event.addItem(name, event_id)
        self.combo_event.addItem(self.tr("No event: only add them to the registry"), None)
        index = self.combo_event.findData(current) if current is not None else -1
        self.combo_event.setCurrentIndex(max(0, index))
        self.combo_event.currentIndexChanged.connect(self._show_note)
        self._show_note()
        self.button_box.accepted.connect(self.accept)
        self.button_box.rejected.connect(self.reject)

    def chosen_event_id(self) -> int | None:
        data = self.combo_event.currentData()
        return None if data is None else int(data)

    def _show_note(self, *_args: object) -> None:
        if self.chosen_event_id() is None:
            self.label_note.setText(self.tr("The firms are signed up for no event."))
        else:
            self.label_note.setText(
                self.tr("Firms already signed up stay signed up; nobody is checked in.")
            )
