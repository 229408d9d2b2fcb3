"""The capture panel: an enterprise's intention on a patent, recorded in seconds.

Keyboard flow (no mouse needed)::

    F2            new capture (the enterprise field gets the focus)
    type, Tab     the enterprise: part of its name, credit code, phone (or pinyin initials)
    Tab           the patent: already the one on stage (else the last used); type to change
    1 … 7         the kind (transfer, licence, open licence, investment, improvement need,
                  cooperation, no demand); Alt+1 … Alt+7 from anywhere in the panel
    1 … 5         the prospect rating (required for "no demand"; asked for then)
    ↑/↓, Tab      budget and timeline; then contact person, phone, notes
    Enter         save -- at once, in its own transaction, with this station and the time

A USB scanner's burst (a badge ``RSD1:E:…`` or a patent code ``RSD1:P:…`` or a sign-up link)
fills the enterprise or the patent wherever the focus is in the panel
(:class:`~roadshow_desk.ui.scanner.ScanDetector` holds the burst back before any
widget or shortcut sees it, so nothing of it is typed anywhere). Today's list beside the form shows
every intention captured today with a running count; Enter or a double-click on a row loads
it for editing (Enter saves the edit), Delete removes it; every change is on the undo stack.

:class:`CapturePanel` is a reusable widget (the presenter console embeds it): it needs only
the :class:`~roadshow_desk.ui.workflow.AppContext`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from roadshow_desk.domain.capture import (
    IntentionDraft,
    InvalidIntention,
    draft_changes,
    stored_draft,
    validated_draft,
)
from roadshow_desk.domain.enums import BudgetBand, IntentionKind, Timeline
from roadshow_desk.domain.labels import label
from roadshow_desk.domain.models import new_uuid
from roadshow_desk.domain.payloads import EnterprisePayload, InvalidPayload, parse_payload
from roadshow_desk.i18n import fmt
from roadshow_desk.store import capture_lookup as lookup
from roadshow_desk.ui.capture.choices import NumberChooser
from roadshow_desk.ui.capture.commands import (
    EditIntentionCommand,
    RecordIntentionCommand,
    RemoveIntentionCommand,
)
from roadshow_desk.ui.capture.lookup import LookupField
from roadshow_desk.ui.capture.today import TodayList
from roadshow_desk.ui.capture.warmup import warm_lookups
from roadshow_desk.ui.scanner import ScanDetector, looks_like_code
from roadshow_desk.ui.workflow import AppContext, DataKind

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class CapturePanel(QWidget):
    """Record intentions keyboard-first; today's list beside the form (see the module)."""

    intention_recorded = Signal(int)
    """An intention was saved (its id)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.database = context.database
        self._editing_id: int | None = None
        self._last_patent: tuple[int, str] | None = None
        self._patent_touched = False
        self.rest_focus: QWidget | None = None
        """Where the keyboard goes after a save (``None``: the enterprise field)."""
        self._build()
        self.scanner = ScanDetector(self, looks_like_code)
        self.scanner.scanned.connect(self._on_scanned)
        self.scanner.incomplete.connect(self._on_incomplete_scan)
        self.warmup = warm_lookups(self.database)  # before the first keystroke or scan
        context.patent_on_stage.connect(self._on_patent_on_stage)
        context.event_changed.connect(lambda _event_id: self.refresh())
        context.data_changed.connect(self._on_data_changed)
        self.refresh()
        self.new_capture()

    # ------------------------------------------------------------------ building

    def _build(self) -> None:
        self.label_title = QLabel()
        self.label_title.setObjectName("label_capture_title")
        font = self.label_title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.label_title.setFont(font)

        self.field_enterprise = LookupField(
            self._search_enterprises, self.tr("Name, credit code, phone or pinyin initials")
        )
        self.field_enterprise.setObjectName("field_enterprise")
        self.field_enterprise.edit.setObjectName("edit_enterprise")
        self.field_patent = LookupField(
            self._search_patents, self.tr("Application number or words of the title")
        )
        self.field_patent.setObjectName("field_patent")
        self.field_patent.edit.setObjectName("edit_patent")
        self.field_patent.edit.textEdited.connect(self._on_patent_typed)
        self.field_patent.chosen.connect(self._on_patent_chosen)

        kinds = list(IntentionKind)
        self.chooser_kind = NumberChooser(kinds, [label(kind) for kind in kinds], columns=2)
        self.chooser_kind.setObjectName("chooser_kind")
        self.chooser_kind.changed.connect(self._on_kind_changed)
        self.chooser_kind.chosen_by_key.connect(self._after_kind_key)
        self.chooser_rating = NumberChooser(
            [1, 2, 3, 4, 5], [str(n) for n in range(1, 6)], columns=5, numbered=False
        )
        self.chooser_rating.setObjectName("chooser_rating")
        self.chooser_rating.chosen_by_key.connect(self._after_rating_key)
        self.label_rating = QLabel(self.tr("Prospects (1–5)"))

        self.combo_budget = QComboBox()
        self.combo_budget.setObjectName("combo_budget")
        self.combo_budget.addItem(self.tr("— budget —"), None)
        for band in BudgetBand:
            self.combo_budget.addItem(label(band), band)
        self.combo_timeline = QComboBox()
        self.combo_timeline.setObjectName("combo_timeline")
        self.combo_timeline.addItem(self.tr("— timeline —"), None)
        for timeline in Timeline:
            self.combo_timeline.addItem(label(timeline), timeline)
        for combo in (self.combo_budget, self.combo_timeline):
            combo.setMinimumContentsLength(6)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
        self.edit_contact = QLineEdit()
        self.edit_contact.setObjectName("edit_contact")
        self.edit_phone = QLineEdit()
        self.edit_phone.setObjectName("edit_phone")
        self.edit_notes = QLineEdit()
        self.edit_notes.setObjectName("edit_notes")

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # The labels' Alt keys go to the fields' line edits (a label's buddy must take the
        # focus itself; a focus proxy is not enough). Alt+E is the Edit menu's.
        for text, field in (
            (self.tr("Enterp&rise"), self.field_enterprise),
            (self.tr("&Patent"), self.field_patent),
        ):
            field_label = QLabel(text)
            field_label.setBuddy(field.edit)
            form.addRow(field_label, field)
        form.addRow(self.tr("Intention"), self.chooser_kind)
        form.addRow(self.label_rating, self.chooser_rating)
        budget_row = QHBoxLayout()
        budget_row.addWidget(self.combo_budget, 1)
        budget_row.addWidget(self.combo_timeline, 1)
        form.addRow(self.tr("Budget, timeline"), budget_row)
        contact_row = QHBoxLayout()
        contact_row.addWidget(self.edit_contact, 1)
        contact_row.addWidget(self.edit_phone, 1)
        form.addRow(self.tr("Contact, phone"), contact_row)
        form.addRow(self.tr("&Notes"), self.edit_notes)

        self.label_message = QLabel()
        self.label_message.setObjectName("label_message")
        self.label_message.setWordWrap(True)
        self.button_save = QPushButton(self.tr("Save (Enter)"))
        self.button_save.setObjectName("button_save")
        self.button_save.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button_save.clicked.connect(self.save)
        self.button_new = QPushButton(self.tr("New (F2)"))
        self.button_new.setObjectName("button_new")
        self.button_new.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button_new.clicked.connect(self.new_capture)
        buttons = QHBoxLayout()
        buttons.addWidget(self.label_message, 1)
        buttons.addWidget(self.button_new)
        buttons.addWidget(self.button_save)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.label_title)
        left_layout.addLayout(form)
        left_layout.addLayout(buttons)
        left_layout.addStretch(1)

        self.today = TodayList(self.database)
        self.today.edit_requested.connect(self._load_for_edit)
        self.today.remove_requested.connect(self.remove_intention)
        self.model = self.today.model
        self.table_today = self.today.table
        self.label_count = self.today.label_count

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(self.today)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)

        self.setTabOrder(self.field_enterprise.edit, self.field_patent.edit)
        self.setTabOrder(self.field_patent.edit, self.chooser_kind)
        self.setTabOrder(self.chooser_kind, self.chooser_rating)
        self.setTabOrder(self.chooser_rating, self.combo_budget)
        self.setTabOrder(self.combo_budget, self.combo_timeline)
        self.setTabOrder(self.combo_timeline, self.edit_contact)
        self.setTabOrder(self.edit_contact, self.edit_phone)
        self.setTabOrder(self.edit_phone, self.edit_notes)

        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        shortcut = QShortcut(QKeySequence(Qt.Key.Key_F2), self, self.new_capture, context=context)
        shortcut.setObjectName("shortcut_new_capture")
        for number, kind in enumerate(kinds, start=1):
            QShortcut(
                QKeySequence(f"Alt+{number}"),
                self,
                lambda kind=kind: self._choose_kind(kind),
                context=context,
            )
        self._on_kind_changed(None)

    # ------------------------------------------------------------------ lookups

    def _event_id(self) -> int | None:
        return self.context.current_or_latest_event_id()

    def _search_enterprises(self, text: str) -> list[tuple[int, str]]:
        with self.database.session() as session:
            return lookup.enterprise_choices(session, text)

    def _search_patents(self, text: str) -> list[tuple[int, str]]:
        event_id = self._event_id()
        with self.database.session() as session:
            return lookup.patent_choices(session, text, event_id)

    def _patent_text(self, patent_id: int) -> str | None:
        with self.database.session() as session:
            return lookup.patent_text(session, patent_id)

    # ------------------------------------------------------------------ form state

    def new_capture(self) -> None:
        """Clear the form for the next enterprise (the patent stays: on stage or last used)."""
        self._draft_uuid: str | None = None
        self._editing_id = None
        self._patent_touched = False
        self.field_enterprise.clear()
        self._default_patent()
        self.chooser_kind.set_value(None)
        self.chooser_rating.set_value(None)
        self.combo_budget.setCurrentIndex(0)
        self.combo_timeline.setCurrentIndex(0)
        for edit in (self.edit_contact, self.edit_phone, self.edit_notes):
            edit.clear()
        self.label_title.setText(self.tr("New intention"))
        if self.isVisible():  # a hidden form takes no keys: its page focuses it when shown
            self.field_enterprise.edit.setFocus()

    def _default_patent(self) -> None:
        stage = self.context.patent_on_stage_id
        if stage is not None:
            text = self._patent_text(stage)
            if text is not None:
                self.field_patent.set_choice(stage, text)
                return
        if self._last_patent is not None:
            self.field_patent.set_choice(*self._last_patent)
        else:
            self.field_patent.clear()

    def _on_patent_on_stage(self, patent_id: int) -> None:
        if self._editing_id is None and not self._patent_touched:
            text = self._patent_text(patent_id)
            if text is not None:
                self.field_patent.set_choice(patent_id, text)

    def _on_patent_typed(self, _text: str) -> None:
        self._patent_touched = True

    def _on_patent_chosen(self, patent_id: int) -> None:
        self._last_patent = (patent_id, self.field_patent.edit.text())

    def _choose_kind(self, kind: IntentionKind) -> None:
        self.chooser_kind.set_value(kind)
        self._after_kind_key(kind)

    def _after_kind_key(self, kind: object) -> None:
        if kind == IntentionKind.NO_DEMAND:
            self.chooser_rating.setFocus()
        else:
            self.combo_budget.setFocus()

    def _after_rating_key(self, _rating: object) -> None:
        self.combo_budget.setFocus()

    def _on_kind_changed(self, kind: object) -> None:
        required = kind == IntentionKind.NO_DEMAND
        text = self.tr("Prospects (1–5), required") if required else self.tr("Prospects (1–5)")
        self.label_rating.setText(text)

    def draft(self) -> IntentionDraft:
        """The form as a draft (pending type-ahead matches accepted first)."""
        self.field_enterprise.accept_highlighted()
        self.field_patent.accept_highlighted()
        kind = self.chooser_kind.value
        rating = self.chooser_rating.value
        return IntentionDraft(
            enterprise_id=self.field_enterprise.chosen_id,
            patent_id=self.field_patent.chosen_id,
            kind=IntentionKind(str(kind)) if kind is not None else None,
            prospect_rating=int(rating) if isinstance(rating, int) else None,
            budget_band=self.combo_budget.currentData(),
            timeline=self.combo_timeline.currentData(),
            contact_person=self.edit_contact.text(),
            contact_phone=self.edit_phone.text(),
            notes=self.edit_notes.text(),
            event_id=self._event_id(),
        )

    def _fill(self, draft: IntentionDraft) -> None:
        with self.database.session() as session:
            firm_text, patent_text = lookup.draft_texts(session, draft)
        self.field_enterprise.set_choice(draft.enterprise_id, firm_text)
        self.field_patent.set_choice(draft.patent_id, patent_text)
        self.chooser_kind.set_value(draft.kind)
        self.chooser_rating.set_value(draft.prospect_rating)
        self.combo_budget.setCurrentIndex(max(0, self.combo_budget.findData(draft.budget_band)))
        self.combo_timeline.setCurrentIndex(max(0, self.combo_timeline.findData(draft.timeline)))
        self.edit_contact.setText(draft.contact_person)
        self.edit_phone.setText(draft.contact_phone)
        self.edit_notes.setText(draft.notes)

    # ------------------------------------------------------------------ saving

    def save(self) -> bool:
        """Save the form (a new intention, or the edit of one); False with a message if not."""
        draft = self.draft()
        try:
            if self._editing_id is not None:
                editing = self._editing_id
                with self.database.session() as session:
                    before = stored_draft(session, editing)
                changes = draft_changes(before, draft)
                validated_draft(draft)
                if changes:
                    edit = EditIntentionCommand(self.context, editing, changes)
                    edit.push()
                    if edit.exception is not None:
                        raise edit.exception
                message = self.tr("Intention changed.")
                intention_id = editing
            else:
                # The same uuid until saved: a retry after a lost connection never doubles it.
                self._draft_uuid = getattr(self, "_draft_uuid", None) or new_uuid()
                name = self.field_enterprise.edit.text().split("  ")[0]
                record = RecordIntentionCommand(self.context, draft, self._draft_uuid, name)
                record.push()
                if record.exception is not None:
                    raise record.exception
                self._draft_uuid = None
                intention_id = record.result.id
                message = fmt(self.tr("Saved: %1."), name)
        except InvalidIntention as error:
            self._show_problem(str(error), error.field)
            return False
        self.intention_recorded.emit(intention_id)  # the command told the pages
        self.new_capture()
        if self.rest_focus is not None:
            self.rest_focus.setFocus()
        self._show_message(message)
        return True

    def _show_problem(self, text: str, field: str) -> None:
        self.label_message.setStyleSheet("color: #b00020;")
        self.label_message.setText(text)
        target: QWidget = {
            "enterprise": self.field_enterprise.edit,
            "patent": self.field_patent.edit,
            "kind": self.chooser_kind,
            "rating": self.chooser_rating,
            "contact_phone": self.edit_phone,
        }.get(field, self.field_enterprise.edit)
        target.setFocus()

    def _show_message(self, text: str) -> None:
        self.label_message.setStyleSheet("")
        self.label_message.setText(text)
        self.context.status_message.emit(text)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in _ENTER and not self.table_today.hasFocus():
            self.save()
            event.accept()
            return
        if event.key() == Qt.Key.Key_Escape and self._editing_id is not None:
            self.new_capture()
            event.accept()
            return
        super().keyPressEvent(event)

    # ------------------------------------------------------------------ today's list

    def refresh(self) -> None:
        """Reload today's list and the running count."""
        self.today.refresh(self._event_id(), self.context.station)

    def _on_data_changed(self, kind: DataKind) -> None:
        if kind in (DataKind.INTENTION, DataKind.ENTERPRISE, DataKind.PATENT):
            self.refresh()

    def _load_for_edit(self, intention_id: int) -> None:
        with self.database.session() as session:
            draft = stored_draft(session, intention_id)
        if draft is None:
            return
        self._fill(draft)
        self._editing_id = intention_id
        self.label_title.setText(self.tr("Editing an intention (Esc: cancel)"))
        self.field_enterprise.edit.setFocus()

    def remove_intention(self, intention_id: int) -> None:
        RemoveIntentionCommand(self.context, intention_id).push()
        self._show_message(self.tr("Intention removed (Ctrl+Z brings it back)."))

    # ------------------------------------------------------------------ scanner

    def _on_scanned(self, text: str) -> None:
        self.apply_code(text)

    def _on_incomplete_scan(self, _text: str) -> None:
        self._show_problem(self.tr("The scan was incomplete; scan the code again."), "")

    def apply_code(self, text: str) -> bool:
        """Fill the enterprise (badge) or the patent (patent code or sign-up link)."""
        event_id = self._event_id()
        with self.database.session() as session:
            event_uuid = lookup.event_uuid(session, event_id)
        try:
            payload = parse_payload(text, event_uuid=event_uuid)  # refuses another event's link
        except InvalidPayload as error:
            self._show_problem(str(error), "")
            return False
        with self.database.session() as session:
            found = lookup.scanned_choice(session, payload)
        if isinstance(payload, EnterprisePayload):
            target = self.field_enterprise
            unknown = self.tr(
                "This badge belongs to no enterprise in this database; search by name."
            )
        else:
            target = self.field_patent
            unknown = fmt(self.tr("The patent %1 is not in the library."), payload.application_no)
        if found is None:
            self._show_problem(unknown, "")
            return False
        target.set_choice(*found)
        if target is self.field_patent:
            self._patent_touched = True
        self._show_message(fmt(self.tr("Scanned: %1"), found[1]))
        if self.field_enterprise.chosen_id is None:
            self.field_enterprise.edit.setFocus()
        elif self.chooser_kind.value is None:
            self.chooser_kind.setFocus()
        return True
