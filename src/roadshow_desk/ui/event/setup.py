"""The event setup form (``forms/event/event_form.ui``): details, sign-up link, stations."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
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
    fields_of,
    get_event,
    list_stations,
    split_names,
    update_event,
)
from roadshow_desk.domain.venue_time import COMMON_TIME_ZONES
from roadshow_desk.ui.forms import load_ui
from roadshow_desk.ui.workflow import AppContext

NO_DATE = QDate(2000, 1, 1)


def _qdate(value: dt.date | None) -> QDate:
    return QDate(value.year, value.month, value.day) if value else NO_DATE


def _date(value: QDate) -> dt.date | None:
    return None if value == NO_DATE else dt.date(value.year(), value.month(), value.day())


class EventSetupForm(QWidget):
    """Edit the current event, or create a new one."""

    edit_name: QLineEdit
    date_starts: QDateEdit
    date_ends: QDateEdit
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

    event_saved = Signal(int)
    """The event (its id) was created or saved."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        load_ui("event/event_form.ui", self)
        self.context = context
        self.event_id: int | None = None
        for edit in (self.date_starts, self.date_ends):
            edit.setMinimumDate(NO_DATE)
            edit.setSpecialValueText(self.tr("not set"))
        self.button_save_event.clicked.connect(self.save)
        self.button_new_event.clicked.connect(lambda: self.show_event(None))
        self.edit_new_station.returnPressed.connect(self._add_station)
        self.combo_time_zone.addItems(list(COMMON_TIME_ZONES))
        self.combo_document_language.addItem(self.tr("Chinese"), "zh_CN")
        self.combo_document_language.addItem(self.tr("English"), "en")

    def show_event(self, event_id: int | None) -> None:
        """Fill the form with an event (``None``: an empty form for a new one)."""
        self.event_id = event_id
        fields = EventFields(name="")
        if event_id is not None:
            with self.context.database.session() as session:
                fields = fields_of(get_event(session, event_id))
        self.edit_name.setText(fields.name)
        self.date_starts.setDate(_qdate(fields.starts_on))
        self.date_ends.setDate(_qdate(fields.ends_on))
        self.edit_venue.setText(fields.venue)
        self.edit_region.setText(fields.region)
        self.edit_partner_regions.setText("；".join(fields.partner_regions))
        self.edit_organisers.setText("；".join(fields.organisers))
        self.edit_signup.setText(fields.signup_url_template)
        self.text_foreword.setPlainText(fields.foreword)
        self.combo_time_zone.setCurrentText(fields.time_zone)
        language = self.combo_document_language.findData(fields.document_language)
        self.combo_document_language.setCurrentIndex(max(0, language))
        self.label_message.clear()
        self.button_save_event.setText(
            self.tr("&Save event") if event_id is not None else self.tr("&Create event")
        )
        self._show_stations()

    def fields(self) -> EventFields:
        return EventFields(
            name=self.edit_name.text(),
            starts_on=_date(self.date_starts.date()),
            ends_on=_date(self.date_ends.date()),
            venue=self.edit_venue.text(),
            region=self.edit_region.text(),
            partner_regions=split_names(self.edit_partner_regions.text()),
            organisers=split_names(self.edit_organisers.text()),
            signup_url_template=self.edit_signup.text(),
            foreword=self.text_foreword.toPlainText(),
            time_zone=self.combo_time_zone.currentText(),
            document_language=str(self.combo_document_language.currentData() or "zh_CN"),
        )

    def save(self) -> bool:
        try:
            with self.context.database.session() as session:
                if self.event_id is None:
                    event = create_event(session, self.fields(), station=self.context.station)
                else:
                    event = update_event(
                        session, self.event_id, self.fields(), station=self.context.station
                    )
                event_id = event.id
        except EventInvalid as error:
            self.label_message.setText(str(error))
            widget = {
                "name": self.edit_name,
                "ends_on": self.date_ends,
                "signup_url_template": self.edit_signup,
                "time_zone": self.combo_time_zone,
            }.get(error.field, self.edit_name)
            widget.setFocus()
            return False
        self.event_id = event_id
        self.button_save_event.setText(self.tr("&Save event"))
        self.label_message.setText(self.tr("Event saved."))
        self.context.data_changed.emit("event")
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
                mine.replace("%1", name) if name == self.context.station else name
                for name in sorted(names)
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
