"""The bundle passphrase on the event form: "set" or "not set", Set…/Change… and Clear.

The passphrase is never shown once set; it is asked twice (hidden) and stored at once with
:func:`roadshow_desk.exchange.bundle_export.set_event_passphrase` (File ▸ Bundle passphrase…
and ``roadshow-desk bundle passphrase`` store it the same way).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QInputDialog, QLabel, QLineEdit, QPushButton, QWidget

from roadshow_desk.exchange.bundle_export import event_passphrase, set_event_passphrase
from roadshow_desk.ui.workflow import DataKind


class PassphraseControl(QWidget):
    """Shows whether the event's bundles are encrypted; sets, changes or clears the passphrase."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context: Any = None
        self.event_id: int | None = None
        self.label_passphrase_state = QLabel()
        self.label_passphrase_state.setObjectName("label_passphrase_state")
        self.button_passphrase_change = QPushButton()
        self.button_passphrase_change.setObjectName("button_passphrase_change")
        self.button_passphrase_change.clicked.connect(self.change)
        self.button_passphrase_clear = QPushButton(self.tr("Clear"))
        self.button_passphrase_clear.setObjectName("button_passphrase_clear")
        self.button_passphrase_clear.clicked.connect(self.clear)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label_passphrase_state, 1)
        layout.addWidget(self.button_passphrase_change)
        layout.addWidget(self.button_passphrase_clear)
        self.setFocusProxy(self.button_passphrase_change)
        self.message = QLabel()  # replaced by the form's message line in attach()

    def attach(self, context: Any, message: QLabel) -> None:
        self.context = context
        self.message = message
        context.data_changed.connect(self._on_data_changed)
        self.show_event(None)

    def _on_data_changed(self, kind: DataKind) -> None:
        if kind == DataKind.BUNDLE_SETTINGS:
            self.show_event(self.event_id)

    def show_event(self, event_id: int | None) -> None:
        self.event_id = event_id
        is_set = event_id is not None and bool(event_passphrase(self.context.database, event_id))
        if event_id is None:
            self.label_passphrase_state.setText(self.tr("Create the event first"))
        elif is_set:
            self.label_passphrase_state.setText(
                self.tr("Passphrase set: this event's bundles are encrypted")
            )
        else:
            self.label_passphrase_state.setText(
                self.tr("No passphrase: this event's bundles are plain")
            )
        self.button_passphrase_change.setText(self.tr("Change…") if is_set else self.tr("Set…"))
        self.button_passphrase_change.setEnabled(event_id is not None)
        self.button_passphrase_clear.setEnabled(is_set)

    def change(self) -> None:
        if self.event_id is None:
            return
        title = self.tr("Bundle passphrase")
        first, ok = QInputDialog.getText(
            self,
            title,
            self.tr(
                "Bundles of this event are encrypted with this passphrase. Tell it to the "
                "other stations by another way than the stick."
            ),
            QLineEdit.EchoMode.Password,
        )
        if not ok:
            return
        if not first.strip():
            self.message.setText(self.tr("The passphrase is empty; nothing was changed."))
            return
        again, ok = QInputDialog.getText(
            self, title, self.tr("The same passphrase again:"), QLineEdit.EchoMode.Password
        )
        if not ok:
            return
        if again.strip() != first.strip():
            self.message.setText(self.tr("The two passphrases differ; nothing was changed."))
            return
        self._store(first, self.tr("Bundles of this event will be encrypted."))

    def clear(self) -> None:
        if self.event_id is not None:
            self._store("", self.tr("Bundles of this event will be plain."))

    def _store(self, passphrase: str, message: str) -> None:
        set_event_passphrase(self.context.database, self.event_id, passphrase)
        self.message.setText(message)
        self.context.status_message.emit(message)
        self.context.data_changed.emit(DataKind.BUNDLE_SETTINGS)
