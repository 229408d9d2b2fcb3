"""The event setup form (``forms/event/event_form.ui``): details, sign-up link, stations.

Creating an event and saving an existing one are undoable commands (:mod:`roadshow_desk.ui.undo`);
the status bar confirms a creation or a save. Undoing a creation removes the event (refused
once something has been recorded for it) and the pages follow the latest event; redoing it
brings the same event back and makes it current again. What is typed and not saved is reported by
:meth:`EventSetupForm.pending_edits` and kept by :meth:`EventSetupForm.commit_pending` (the
event page calls them before the form is refilled, and the window before it leaves the page
or closes).
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from roadshow_desk.domain.events import (
    EventFields,
    EventInvalid,
    create_event,
    ensure_station,
    event_exists,
    fields_of,
    get_event,
    list_stations,
    restore_event,
    split_names,
    take_back_event,
    update_event,
)
from roadshow_desk.domain.venue_time import COMMON_TIME_ZONES
from roadshow_desk.i18n import fmt
from roadshow_desk.ui.bundle_passphrase import PassphraseControl
from roadshow_desk.ui.date_edit import DateEdit
from roadshow_desk.ui.forms import load_ui
from roadshow_desk.ui.undo import Command
from roadshow_desk.ui.workflow import AppContext, DataKind


class SaveEventCommand(Command):
    """Save the event form over the stored details; undo puts the previous details back."""

    KINDS = (DataKind.EVENT,)

    def __init__(self, context: AppContext, event_id: int, fields: EventFields) -> None:
        super().__init__(
            context,
            fmt(QCoreApplication.translate("EventCommands", "Save event %1"), fields.name.strip()),
        )
        self.event_id = event_id
        self.fields = fields

    def do(self) -> tuple[EventFields, EventFields]:
        """The details before and after (raises :class:`EventInvalid`)."""
        with self.session() as session:
            previous = fields_of(get_event(session, self.event_id))
            event = update_event(
                session,
                self.event_id,
                self.fields,
                station=self.context.station,
                require_dates=True,
            )
            return previous, fields_of(event)

    def changed(self, result: tuple[EventFields, EventFields]) -> bool:
        return result[0] != result[1]

    def revert(self, result: tuple[EventFields, EventFields]) -> None:
        self._write(result[0])

    def reapply(self, result: tuple[EventFields, EventFields]) -> tuple[EventFields, EventFields]:
        self._write(result[1])
        return result

    def _write(self, fields: EventFields) -> None:
        with self.session() as session:
            update_event(session, self.event_id, fields, station=self.context.station)


class CreateEventCommand(Command):
    """Create an event from the form; undo removes it again (while nothing has been
    recorded for it), redo brings the same event back."""

    KINDS = (DataKind.EVENT,)

    def __init__(self, context: AppContext, fields: EventFields) -> None:
        super().__init__(
            context,
            fmt(
                QCoreApplication.translate("EventCommands", "Create event %1"),
                fields.name.strip(),
            ),
        )
        self.fields = fields

    def do(self) -> tuple[int, EventFields]:
        """The new event's id and stored details (raises :class:`EventInvalid`)."""
        with self.session() as session:
            event = create_event(
                session, self.fields, station=self.context.station, require_dates=True
            )
            return event.id, fields_of(event)

    def revert(self, result: tuple[int, EventFields]) -> None:
        with self.session() as session:
            take_back_event(session, result[0], station=self.context.station)
        self.context.forget_event(result[0])
        self.announce(
            fmt(
                QCoreApplication.translate("EventCommands", "Event “%1” removed."),
                result[1].name,
            )
        )

    def reapply(self, result: tuple[int, EventFields]) -> tuple[int, EventFields]:
        with self.session() as session:
            restore_event(session, result[0], station=self.context.station)
        self.context.event_changed.emit(result[0])  # the event comes back as the current one
        return result


class EventSetupForm(QWidget):
    """Edit the current event, or create a new one."""

    edit_name: QLineEdit
    date_starts: DateEdit
    date_ends: DateEdit
    edit_venue: QLineEdit
    edit_region: QLineEdit
    edit_partner_regions: QLineEdit
    edit_organisers: QLineEdit
    edit_signup: QLineEdit
    text_foreword: QPlainTextEdit
    label_station_list: QLabel
    edit_new_station: QLineEdit
    button_new_event: QPushButton
    button_save_event: QPushButton
    label_message: QLabel
    combo_time_zone: QComboBox
    combo_document_language: QComboBox
    control_passphrase: PassphraseControl

    event_saved = Signal(int)
    """The event (its id) was created or saved."""
    new_event_requested = Signal()
    """The user asked for an empty form for a new event (the page settles typed edits)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        load_ui(
            "event/event_form.ui",
            self,
            {"DateEdit": DateEdit, "PassphraseControl": PassphraseControl},
        )
        self.context = context
        self.control_passphrase.attach(context, self.label_message)
        self.event_id: int | None = None
        for edit in (self.date_starts, self.date_ends):
            edit.problem_found.connect(self.label_message.setText)
        self.button_save_event.clicked.connect(self.save)
        self.button_new_event.clicked.connect(self.new_event_requested)
        self.edit_new_station.returnPressed.connect(self._add_station)
        self.combo_time_zone.addItems(list(COMMON_TIME_ZONES))
        self.combo_document_language.addItem(self.tr("Chinese"), "zh_CN")
        self.combo_document_language.addItem(self.tr("English"), "en")
        self._shown = self.fields()  # what the form showed last: typed edits differ from it
        context.data_changed.connect(self._on_data_changed)

    def _on_data_changed(self, kind: DataKind) -> None:
        """Follow a save undone or redone (Ctrl+Z): show the stored details again, unless
        something typed is not saved yet (or the event is gone, a creation undone: the page
        shows what follows)."""
        if (
            kind == DataKind.EVENT
            and self.event_id is not None
            and not self.pending_edits()
            and not self.event_gone()
        ):
            self.show_event(self.event_id)

    def event_gone(self) -> bool:
        """Whether the event the form shows no longer exists (its creation was undone)."""
        if self.event_id is None:
            return False
        with self.context.database.session() as session:
            return not event_exists(session, self.event_id)

    def keep_as_new_event(self) -> None:
        """The form's event is gone but details are typed in it: they stay, as a new event's
        (saving creates it)."""
        self.event_id = None
        self.button_save_event.setText(self.tr("&Create event"))
        self.control_passphrase.show_event(None)

    def show_event(self, event_id: int | None) -> None:
        """Fill the form with an event (``None``: an empty form for a new one)."""
        same_event = event_id is not None and event_id == self.event_id
        self.event_id = event_id
        fields = EventFields(name="")
        if event_id is not None:
            with self.context.database.session() as session:
                fields = fields_of(get_event(session, event_id))
        self.edit_name.setText(fields.name)
        self.date_starts.setDate(fields.starts_on)
        self.date_ends.setDate(fields.ends_on)
        self.edit_venue.setText(fields.venue)
        self.edit_region.setText(fields.region)
        self.edit_partner_regions.setText("；".join(fields.partner_regions))
        self.edit_organisers.setText("；".join(fields.organisers))
        self.edit_signup.setText(fields.signup_url_template)
        self.text_foreword.setPlainText(fields.foreword)
        self.combo_time_zone.setCurrentText(fields.time_zone)
        language = self.combo_document_language.findData(fields.document_language)
        self.combo_document_language.setCurrentIndex(max(0, language))
        self._shown = self.fields()
        if not same_event:  # the page's reload after a save keeps "Event … saved." on show
            self.label_message.clear()
        self.button_save_event.setText(
            self.tr("&Save event") if event_id is not None else self.tr("&Create event")
        )
        self._show_stations()
        self.control_passphrase.show_event(event_id)

    def fields(self) -> EventFields:
        return EventFields(
            name=self.edit_name.text(),
            starts_on=self.date_starts.date(),
            ends_on=self.date_ends.date(),
            venue=self.edit_venue.text(),
            region=self.edit_region.text(),
            partner_regions=split_names(self.edit_partner_regions.text()),
            organisers=split_names(self.edit_organisers.text()),
            signup_url_template=self.edit_signup.text(),
            foreword=self.text_foreword.toPlainText(),
            time_zone=self.combo_time_zone.currentText(),
            document_language=str(self.combo_document_language.currentData() or "zh_CN"),
        )

    # ------------------------------------------------------------------ typed, not saved

    def pending_edits(self) -> list[str]:
        """The event details typed and not saved (empty when the form shows what is stored)."""
        typed = self.fields()
        if typed == self._shown and not (self.date_starts.problem() or self.date_ends.problem()):
            return []
        name = typed.name.strip() or self._shown.name
        if self.event_id is None:
            if not name:
                return [self.tr("the new event")]
            return [fmt(self.tr("the new event “%1”"), name)]
        return [fmt(self.tr("the details of the event “%1”"), name)]

    def commit_pending(self) -> bool:
        """Save what is typed; False (the form saying why) when it cannot be saved."""
        return not self.pending_edits() or self.save()

    def discard_pending(self) -> None:
        """Show the stored event again, dropping what was typed."""
        self.show_event(self.event_id)
        self.label_message.clear()

    # ------------------------------------------------------------------ saving

    def save(self) -> bool:
        for edit in (self.date_starts, self.date_ends):
            problem = edit.problem()
            if problem:
                self.label_message.setText(problem)
                edit.setFocus()
                return False
        fields = self.fields()
        command: Command
        if self.event_id is None:
            command = CreateEventCommand(self.context, fields)  # Ctrl+Z removes it again
        else:
            command = SaveEventCommand(self.context, self.event_id, fields)  # Ctrl+Z: as before
        try:
            command.push()
            if isinstance(command.exception, EventInvalid):
                raise command.exception
            if command.exception is not None:  # the event is gone (another station)
                self.label_message.setText(command.error)
                return False
            if self.event_id is None:
                event_id, stored = command.result
            else:
                event_id, stored = self.event_id, command.result[1]
        except EventInvalid as error:
            self.label_message.setText(str(error))
            widget = {
                "name": self.edit_name,
                "starts_on": self.date_starts,
                "ends_on": self.date_ends,
                "signup_url_template": self.edit_signup,
                "time_zone": self.combo_time_zone,
            }.get(error.field, self.edit_name)
            widget.setFocus()
            return False
        created = self.event_id is None
        self.event_id = event_id
        self._shown = self.fields()
        self.date_ends.setDate(stored.ends_on)  # a one-day event ends the day it starts
        self._shown = dataclasses.replace(self._shown, ends_on=stored.ends_on)
        self.button_save_event.setText(self.tr("&Save event"))
        if created:
            message = fmt(self.tr("Event “%1” created."), stored.name)
        else:
            message = fmt(self.tr("Event “%1” saved."), stored.name)
        self.label_message.setText(message)
        self.context.status_message.emit(message)
        self.event_saved.emit(event_id)
        return True

    def _show_stations(self) -> None:
        with self.context.database.session() as session:
            names = [station.name for station in list_stations(session)]
        if self.context.station not in names:
            names.append(self.context.station)
        mine = self.tr("%1 (this laptop)")
        self.label_station_list.setText(
            "、".join(
                fmt(mine, name) if name == self.context.station else name for name in sorted(names)
            )
        )

    def _add_station(self) -> None:
        name = self.edit_new_station.text()
        try:
            with self.context.database.session() as session:
                ensure_station(session, name)
        except EventInvalid as error:
            self.label_message.setText(str(error))
            return
        self.edit_new_station.clear()
        self._show_stations()
