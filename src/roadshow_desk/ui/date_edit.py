"""The one date field of the window: typed the way people write dates, empty when unset.

    edit = DateEdit()
    edit.setDate(None)                 # empty: no date (never a hidden 2000-01-01)
    edit.date_edited.connect(save)     # the user finished a valid edit: a date, or None
    edit.problem()                     # the sentence when the text is not a date, else None

Typing ``2026-12-18``, ``2026/12/18``, ``20261218`` or ``12月18日`` (see
``domain.dates.parse_typed_date``) and pressing Enter or leaving the field sets the date and
shows it as ``2026-12-18``; clearing the text clears the date. ↑/↓ move a day and
PageUp/PageDown a month (from today when empty); Alt+↓ or F4, or the calendar button,
opens a calendar at the date shown, or at today. Text that is not a date stays as typed,
marked, and :attr:`problem_found` says why; nothing is changed until it is corrected.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QAction, QIcon, QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QFrame,
    QLineEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from roadshow_desk.domain.dates import DateInvalid, format_date, parse_typed_date


def _qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def _add_months(value: dt.date, months: int) -> dt.date:
    return _pydate(_qdate(value).addMonths(months))


class CalendarPopup(QFrame):
    """The calendar under a date field; a click or Enter picks, Esc closes."""

    picked = Signal(object)
    """A day was chosen (a ``datetime.date``)."""

    def __init__(self, parent: QWidget, start: dt.date) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("popup_calendar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.calendar = QCalendarWidget(self)
        self.calendar.setObjectName("calendar")
        self.calendar.setGridVisible(True)
        self.calendar.setSelectedDate(_qdate(start))
        self.calendar.setCurrentPage(start.year, start.month)
        self.calendar.activated.connect(self._pick)
        self.calendar.clicked.connect(self._pick)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.calendar)

    def _pick(self, day: QDate) -> None:
        self.picked.emit(_pydate(day))
        self.close()


class DateEdit(QLineEdit):
    """A date, or none; see the module notes."""

    date_edited = Signal(object)
    """The user finished an edit that changed the date (a ``datetime.date`` or ``None``)."""
    problem_found = Signal(str)
    """The user finished an edit whose text is not a date (the sentence why)."""

    def __init__(
        self, parent: QWidget | None = None, *, today: Callable[[], dt.date] = dt.date.today
    ) -> None:
        super().__init__(parent)
        self.today = today
        self._date: dt.date | None = None
        self._problem: str | None = None
        self.popup: CalendarPopup | None = None
        self.setPlaceholderText(self.tr("not set (e.g. 2026-12-18 or 12月18日)"))
        self.setClearButtonEnabled(True)
        self.calendar_action = QAction(QIcon("icons:calendar.svg"), self.tr("Calendar"), self)
        self.calendar_action.setObjectName("action_calendar")
        self.calendar_action.setToolTip(self.tr("Choose the date in a calendar (Alt+↓)"))
        self.calendar_action.triggered.connect(self.open_calendar)
        self.addAction(self.calendar_action, QLineEdit.ActionPosition.TrailingPosition)
        self.editingFinished.connect(self.commit)
        self.textEdited.connect(self._on_text_edited)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        """Wide enough for the placeholder and the two buttons, not the whole form."""
        hint = super().sizeHint()
        text = self.fontMetrics().horizontalAdvance(self.placeholderText() + "  ")
        return QSize(max(hint.width(), text + 2 * hint.height() + 8), hint.height())

    # ------------------------------------------------------------------ value

    def date(self) -> dt.date | None:
        """The date the text means; the last good date while the text is not a date."""
        try:
            return parse_typed_date(self.text(), self.today())
        except DateInvalid:
            return self._date

    def setDate(self, value: dt.date | None) -> None:
        """Show ``value`` (``None``: empty) without telling :attr:`date_edited`."""
        self._date = value
        self._set_problem(None)
        self.setText(format_date(value))

    def problem(self) -> str | None:
        """Why the text is not a date, or ``None`` when it is one (or empty)."""
        try:
            parse_typed_date(self.text(), self.today())
        except DateInvalid as error:
            return str(error)
        return None

    def is_pending(self) -> bool:
        """Whether the text differs from the date last committed (typed, not yet taken)."""
        return self.text() != format_date(self._date)

    def commit(self) -> bool:
        """Take the typed text (Enter, leaving the field); False when it is not a date."""
        try:
            value = parse_typed_date(self.text(), self.today())
        except DateInvalid as error:
            self._set_problem(str(error))
            self.problem_found.emit(str(error))
            return False
        self._set_problem(None)
        self._set_user_date(value)
        return True

    def _set_user_date(self, value: dt.date | None) -> None:
        changed = value != self._date
        self._date = value
        shown = format_date(value)
        if self.text() != shown:
            self.setText(shown)
        if changed:
            self.date_edited.emit(value)

    def _set_problem(self, problem: str | None) -> None:
        self._problem = problem
        self.setProperty("invalid", problem is not None)
        self.setToolTip(problem or "")
        self.setStyleSheet("QLineEdit { border: 1px solid #b00020; }" if problem else "")

    def _on_text_edited(self, _text: str) -> None:
        if self._problem is not None:
            self._set_problem(None)

    # ------------------------------------------------------------------ keys

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        alt = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
        if key == Qt.Key.Key_F4 or (alt and key == Qt.Key.Key_Down):
            self.open_calendar()
            return
        steps = {
            Qt.Key.Key_Up: (1, 0),
            Qt.Key.Key_Down: (-1, 0),
            Qt.Key.Key_PageUp: (0, 1),
            Qt.Key.Key_PageDown: (0, -1),
        }
        if key in steps and not alt:
            self._step(*steps[key])
            return
        super().keyPressEvent(event)

    def _step(self, days: int, months: int) -> None:
        try:
            start = parse_typed_date(self.text(), self.today())
        except DateInvalid as error:
            self._set_problem(str(error))
            self.problem_found.emit(str(error))
            return
        if start is None:
            start = self.today()  # the first step from empty shows today
        else:
            start = _add_months(start + dt.timedelta(days=days), months)
        self._set_problem(None)
        self.setText(format_date(start))  # taken on Enter or on leaving, like typed text

    # ------------------------------------------------------------------ calendar

    def open_calendar(self) -> CalendarPopup:
        """Open the calendar at the date shown, or today."""
        start = self.date() or self.today()
        popup = CalendarPopup(self, start)
        popup.picked.connect(self._picked)
        popup.move(self.mapToGlobal(QPoint(0, self.height())))
        self.popup = popup
        popup.show()
        popup.calendar.setFocus()
        return popup

    def _picked(self, value: dt.date) -> None:
        self._set_problem(None)
        self._set_user_date(value)
        self.setFocus()
