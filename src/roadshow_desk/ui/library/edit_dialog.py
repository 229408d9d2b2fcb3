"""The dialog that edits every field of one patent (form: forms/library/patent_dialog.ui)."""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QTabWidget,
    QWidget,
)

from roadshow_desk.domain.enums import ConversionMode, LegalStatus, PatentType
from roadshow_desk.domain.labels import choices, field_label, label, stars
from roadshow_desk.domain.models import PATENT_DATA_FIELDS, split_list
from roadshow_desk.domain.patent_editing import PatentEditError, coerce_value
from roadshow_desk.i18n import fmt
from roadshow_desk.ui.date_edit import DateEdit
from roadshow_desk.ui.forms import load_ui

_PREFIXES = ("edit_", "combo_", "date_", "spin_", "check_")


class PatentDialog(QDialog):
    """Shows a patent's values; :meth:`changes` gives the fields the user changed."""

    label_heading: QLabel
    tabs_fields: QTabWidget
    label_local_note: QLabel
    button_box: QDialogButtonBox

    def __init__(self, values: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        load_ui("library/patent_dialog.ui", self, {"DateEdit": DateEdit})
        self._original = dict(values)
        self.widgets: dict[str, QWidget] = {}
        for name in PATENT_DATA_FIELDS:
            field_label_widget = getattr(self, f"label_{name}")
            field_label_widget.setText(field_label(name) + self.tr(":"))
            if name == "conversion_modes":
                continue
            self.widgets[name] = next(
                getattr(self, prefix + name) for prefix in _PREFIXES if hasattr(self, prefix + name)
            )
        self.mode_checks: dict[ConversionMode, QCheckBox] = {
            mode: getattr(self, f"check_mode_{mode.value}") for mode in ConversionMode
        }
        for mode, check in self.mode_checks.items():
            check.setText(label(mode))
        self._fill_choices()
        self.setWindowTitle(fmt(self.tr("Edit patent %1"), values["application_no"]))
        self.label_heading.setText(
            f"<b>{html.escape(values['application_no'])}</b>　{html.escape(values['title'])}"
        )
        self.set_values(values)
        self.button_box.accepted.connect(self.accept)
        self.button_box.rejected.connect(self.reject)
        self.resize(780, 620)

    def _fill_choices(self) -> None:
        patent_type = self.widgets["patent_type"]
        assert isinstance(patent_type, QComboBox)
        patent_type.addItem(self.tr("Not set"), None)
        for member, text in choices(PatentType):
            patent_type.addItem(text, member.value)
        legal_status = self.widgets["legal_status"]
        assert isinstance(legal_status, QComboBox)
        for member, text in choices(LegalStatus):
            legal_status.addItem(text, member.value)
        grade = self.widgets["self_grade"]
        assert isinstance(grade, QComboBox)
        grade.addItem(self.tr("Not set"), None)
        for value in range(1, 6):
            grade.addItem(stars(value), value)

    # ------------------------------------------------------------------ values

    def set_values(self, values: dict[str, Any]) -> None:
        for name, widget in self.widgets.items():
            value = values.get(name)
            if isinstance(widget, DateEdit):
                widget.setDate(value if isinstance(value, dt.date) else None)
            elif isinstance(widget, QLineEdit):
                widget.setText("" if value is None else str(value))
                widget.setCursorPosition(0)
            elif isinstance(widget, QPlainTextEdit):
                widget.setPlainText("" if value is None else str(value))
            elif isinstance(widget, QComboBox):
                data = getattr(value, "value", value)
                widget.setCurrentIndex(max(0, widget.findData(data)))
            elif isinstance(widget, QSpinBox):
                widget.setValue(widget.minimum() if value is None else int(value))
            elif isinstance(widget, QCheckBox):
                widget.setChecked(bool(value))
        modes = set(split_list(values.get("conversion_modes") or ""))
        for mode, check in self.mode_checks.items():
            check.setChecked(mode.value in modes)

    def values(self) -> dict[str, Any]:
        """Every field's value as the form shows it (typed, not yet validated)."""
        result: dict[str, Any] = {}
        for name, widget in self.widgets.items():
            if isinstance(widget, DateEdit):  # a date, or the text that is not one
                result[name] = widget.text() if widget.problem() else widget.date()
            elif isinstance(widget, QLineEdit):
                result[name] = widget.text()
            elif isinstance(widget, QPlainTextEdit):
                result[name] = widget.toPlainText()
            elif isinstance(widget, QComboBox):
                result[name] = widget.currentData()
            elif isinstance(widget, QSpinBox):
                result[name] = None if widget.value() == widget.minimum() else widget.value()
            elif isinstance(widget, QCheckBox):
                result[name] = widget.isChecked()
        result["conversion_modes"] = [
            mode.value for mode, check in self.mode_checks.items() if check.isChecked()
        ]
        return result

    def changes(self) -> dict[str, Any]:
        """The fields whose checked value differs from the patent's (raises PatentEditError)."""
        changed: dict[str, Any] = {}
        for name, value in self.values().items():
            coerced = coerce_value(name, value)
            if coerced != self._original.get(name):
                changed[name] = coerced
        return changed

    def accept(self) -> None:
        try:
            self.changes()
        except PatentEditError as exc:
            QMessageBox.warning(self, self.tr("Edit patent"), str(exc))
            return
        super().accept()
