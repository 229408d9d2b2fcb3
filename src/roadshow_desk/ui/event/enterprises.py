"""The enterprise registry: search, a detail pane, the form dialog, walk-in reconciliation.

Adding and editing go through ``domain.enterprises`` (credit code and phone validated,
duplicates refused with the existing firm named); both are undoable. A walk-in shows the
registered firms it may be; merging it into one of them (its intentions and check-ins move
over) or confirming it as a new firm clears the flag.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from roadshow_desk.domain.enterprises import (
    DuplicateEnterprise,
    EnterpriseFields,
    EnterpriseInvalid,
    confirm_walk_in,
    fields_of,
    get_enterprise,
    reconciliation_candidates,
    register_enterprise,
    search_enterprises,
    set_enterprise_deleted,
    tags_text,
    update_enterprise,
)
from roadshow_desk.domain.enums import EnterpriseTag
from roadshow_desk.domain.labels import yes_no
from roadshow_desk.domain.models import Enterprise
from roadshow_desk.domain.signups import sign_up_states
from roadshow_desk.domain.walk_in_merge import (
    WalkInMerge,
    merge_walk_in_undoably,
    undo_walk_in_merge,
)
from roadshow_desk.i18n import fmt
from roadshow_desk.ui.columns import fit_column
from roadshow_desk.ui.event.signups import sign_up_event, sign_up_selected, withdraw_selected
from roadshow_desk.ui.forms import load_ui
from roadshow_desk.ui.matches import MatchSuggestionsView
from roadshow_desk.ui.record_table import Selection, record_table
from roadshow_desk.ui.rows_model import RowsModel
from roadshow_desk.ui.undo import Command
from roadshow_desk.ui.workflow import AppContext, DataKind

Index = QModelIndex | QPersistentModelIndex


class EnterpriseDialog(QDialog):
    """The enterprise form (``forms/event/enterprise_dialog.ui``); validated on Save."""

    edit_name: QLineEdit
    edit_credit_code: QLineEdit
    edit_industry: QLineEdit
    edit_keywords: QLineEdit
    edit_region: QLineEdit
    edit_address: QLineEdit
    edit_contact: QLineEdit
    edit_phone: QLineEdit
    edit_email: QLineEdit
    check_consent: QCheckBox
    text_notes: QPlainTextEdit
    label_message: QLabel
    button_box: QDialogButtonBox

    def __init__(self, fields: EnterpriseFields, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        load_ui("event/enterprise_dialog.ui", self)
        self.tag_checks: dict[EnterpriseTag, QCheckBox] = {
            tag: getattr(self, f"check_tag_{tag.value}") for tag in EnterpriseTag
        }
        self.edit_name.setText(fields.name)
        self.edit_credit_code.setText(fields.credit_code)
        chosen = set(fields.tags if not isinstance(fields.tags, str) else [fields.tags])
        for tag, check in self.tag_checks.items():
            check.setChecked(tag.value in chosen)
        self.edit_industry.setText(fields.industry)
        self.edit_keywords.setText(fields.keywords)
        self.edit_region.setText(fields.region)
        self.edit_address.setText(fields.address)
        self.edit_contact.setText(fields.contact_person)
        self.edit_phone.setText(fields.phone)
        self.edit_email.setText(fields.email)
        self.check_consent.setChecked(fields.consent_to_contact)
        self.text_notes.setPlainText(fields.notes)
        self.button_box.accepted.connect(self.accept)
        self.button_box.rejected.connect(self.reject)
        self.check = self._no_check

    @staticmethod
    def _no_check(_fields: EnterpriseFields) -> str | None:
        return None

    def fields(self) -> EnterpriseFields:
        return EnterpriseFields(
            name=self.edit_name.text(),
            credit_code=self.edit_credit_code.text(),
            tags=[tag.value for tag, check in self.tag_checks.items() if check.isChecked()],
            industry=self.edit_industry.text(),
            keywords=self.edit_keywords.text(),
            region=self.edit_region.text(),
            address=self.edit_address.text(),
            contact_person=self.edit_contact.text(),
            phone=self.edit_phone.text(),
            email=self.edit_email.text(),
            consent_to_contact=self.check_consent.isChecked(),
            notes=self.text_notes.toPlainText(),
        )

    def accept(self) -> None:
        """Save only when :attr:`check` finds no problem (it shows the sentence otherwise)."""
        problem = self.check(self.fields())
        if problem:
            self.label_message.setText(problem)
            return
        super().accept()


class SaveEnterpriseCommand(Command):
    """Register a firm (``enterprise_id`` None) or save its fields; undo removes it or puts
    the previous fields back, redo does it again. The result is the firm's id and its fields
    before (None for a new firm)."""

    KINDS = (DataKind.ENTERPRISE,)

    def __init__(
        self,
        context: AppContext,
        enterprise_id: int | None,
        fields: EnterpriseFields,
        *,
        allow_same_name: bool = False,
    ) -> None:
        super().__init__(
            context,
            fmt(QCoreApplication.translate("EventCommands", "Save enterprise %1"), fields.name),
        )
        self.enterprise_id = enterprise_id
        self.fields = fields
        self.allow_same_name = allow_same_name

    def do(self) -> tuple[int, EnterpriseFields | None]:
        with self.session() as session:
            if self.enterprise_id is None:
                firm = register_enterprise(
                    session,
                    self.fields,
                    station=self.context.station,
                    allow_same_name=self.allow_same_name,
                )
                return firm.id, None
            previous = fields_of(get_enterprise(session, self.enterprise_id))
        self._write(self.enterprise_id, self.fields)
        return self.enterprise_id, previous

    def revert(self, result: tuple[int, EnterpriseFields | None]) -> None:
        enterprise_id, previous = result
        if previous is None:
            with self.session() as session:
                set_enterprise_deleted(session, enterprise_id, True, station=self.context.station)
        else:
            self._write(enterprise_id, previous)

    def reapply(
        self, result: tuple[int, EnterpriseFields | None]
    ) -> tuple[int, EnterpriseFields | None]:
        enterprise_id, previous = result
        if previous is None:
            with self.session() as session:
                set_enterprise_deleted(session, enterprise_id, False, station=self.context.station)
        else:
            self._write(enterprise_id, self.fields)
        return result

    def _write(self, enterprise_id: int, fields: EnterpriseFields) -> None:
        with self.session() as session:
            update_enterprise(
                session,
                enterprise_id,
                fields,
                station=self.context.station,
                allow_same_name=True,
            )


class MergeWalkInCommand(Command):
    """Merge a walk-in into the registered firm it is; undo takes the merge back."""

    KINDS = (DataKind.ENTERPRISE, DataKind.INTENTION, DataKind.CHECKIN)

    def __init__(self, context: AppContext, walk_in_id: int, into_id: int, into_name: str) -> None:
        super().__init__(
            context,
            fmt(QCoreApplication.translate("EventCommands", "Merge walk-in into %1"), into_name),
        )
        self.walk_in_id = walk_in_id
        self.into_id = into_id

    def do(self) -> WalkInMerge:
        with self.session() as session:
            return merge_walk_in_undoably(
                session, self.walk_in_id, self.into_id, station=self.context.station
            )

    def revert(self, result: WalkInMerge) -> None:
        with self.session() as session:
            undo_walk_in_merge(session, result, station=self.context.station)


def _firm_name(row: tuple[int, str, str, str, str, str, str, bool]) -> str:
    if not row[7]:
        return str(row[1])
    return str(row[1]) + " " + QCoreApplication.translate("EnterpriseModel", "(walk-in)")


class EnterpriseModel(RowsModel):
    """Firms matching the search text (all when empty); ``UserRole`` is the id."""

    COLUMNS = (
        (QT_TRANSLATE_NOOP("EnterpriseModel", "Enterprise"), _firm_name),
        (QT_TRANSLATE_NOOP("EnterpriseModel", "Credit code"), lambda row: str(row[2])),
        (QT_TRANSLATE_NOOP("EnterpriseModel", "Type"), lambda row: str(row[3])),
        (QT_TRANSLATE_NOOP("EnterpriseModel", "Contact"), lambda row: str(row[4])),
        (QT_TRANSLATE_NOOP("EnterpriseModel", "Phone"), lambda row: str(row[5])),
        (QT_TRANSLATE_NOOP("EnterpriseModel", "Signed up"), lambda row: str(row[6])),
    )
    text = ""
    event_id: int | None = None  # whose sign-ups the last column shows

    def read_rows(self, session: Session) -> list[tuple[int, str, str, str, str, str, str, bool]]:
        firms = search_enterprises(session, self.text, limit=5000)
        states = sign_up_states(session, self.event_id) if self.event_id is not None else {}
        return [
            (
                firm.id,
                firm.name,
                firm.credit_code or "",
                tags_text(firm.tags),
                firm.contact_person,
                firm.phone,
                self._state_text(states.get(firm.id)),
                firm.is_walk_in,
            )
            for firm in firms
        ]

    @staticmethod
    def _state_text(checked_in: bool | None) -> str:
        if checked_in is None:
            return ""
        if checked_in:
            return QCoreApplication.translate("EnterpriseModel", "checked in")
        return QCoreApplication.translate("EnterpriseModel", "signed up")

    def row_id(self, row: Any) -> int:
        return int(row[0])


class RegistryView(QWidget):
    """Search the registry, see a firm, add, edit, reconcile walk-ins."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.model = EnterpriseModel(context.database, self)
        self.edit_search = QLineEdit()
        self.edit_search.setObjectName("edit_search_enterprises")
        self.edit_search.setPlaceholderText(self.tr("Search by name, credit code or phone"))
        self.edit_search.textChanged.connect(self._search)
        self.button_add = QPushButton(self.tr("&Add enterprise…"))
        self.button_add.setObjectName("button_add_enterprise")
        self.button_add.clicked.connect(self.add_enterprise)
        self.button_edit = QPushButton(self.tr("Edi&t…"))
        self.button_edit.setObjectName("button_edit_enterprise")
        self.button_edit.clicked.connect(self.edit_current)
        self.button_import = QPushButton(self.tr("&Import a list…"))
        self.button_import.setObjectName("button_import_enterprises")
        self.button_import.clicked.connect(self.import_list)
        top = QHBoxLayout()
        top.addWidget(self.edit_search, 1)
        top.addWidget(self.button_add)
        top.addWidget(self.button_edit)
        top.addWidget(self.button_import)
        self.button_sign_up = QPushButton(self.tr("Sign &up for the event"))
        self.button_sign_up.setObjectName("button_sign_up")
        self.button_sign_up.setToolTip(self.tr("Sign the selected firms up for the event"))
        self.button_sign_up.clicked.connect(self.sign_up_selected)
        self.button_withdraw = QPushButton(self.tr("&Withdraw"))
        self.button_withdraw.setObjectName("button_withdraw")
        self.button_withdraw.setToolTip(self.tr("Withdraw the selected firms' sign-ups"))
        self.button_withdraw.clicked.connect(self.withdraw_selected)
        top.addWidget(self.button_sign_up)
        top.addWidget(self.button_withdraw)

        self.table = record_table("table_enterprises", self.model, Selection.ExtendedSelection)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        fit_column(self.table, 1, "91350100M000100Y43")  # a credit code, never cut
        fit_column(self.table, 4, "0574-87654321")
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.table.doubleClicked.connect(lambda _index: self.edit_current())

        self.label_detail = QLabel()
        self.label_detail.setObjectName("label_enterprise_detail")
        self.label_detail.setWordWrap(True)
        self.label_detail.setTextFormat(Qt.TextFormat.PlainText)
        self.label_detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.combo_merge = QComboBox()
        self.combo_merge.setObjectName("combo_merge_into")
        self.button_merge = QPushButton(self.tr("&Merge into this firm"))
        self.button_merge.setObjectName("button_merge_walk_in")
        self.button_merge.clicked.connect(self._merge_clicked)
        self.button_confirm = QPushButton(self.tr("It is a new firm: complete its details…"))
        self.button_confirm.setObjectName("button_confirm_walk_in")
        self.button_confirm.clicked.connect(self.confirm_current)
        self.box_walk_in = QWidget()
        walk_in_layout = QVBoxLayout(self.box_walk_in)
        walk_in_layout.setContentsMargins(0, 0, 0, 0)
        walk_in_layout.addWidget(QLabel(self.tr("A walk-in to reconcile with the registry:")))
        walk_in_layout.addWidget(self.combo_merge)
        walk_in_layout.addWidget(self.button_merge)
        walk_in_layout.addWidget(self.button_confirm)
        self.label_message = QLabel()
        self.label_message.setWordWrap(True)
        pane = QWidget()
        pane_layout = QVBoxLayout(pane)
        pane_layout.addWidget(self.label_detail)
        pane_layout.addWidget(self.box_walk_in)
        pane_layout.addWidget(self.label_message)
        # The screening workflow's suggestions of patents that fit the firm.
        self.matches = MatchSuggestionsView(context.database)
        self.matches.setObjectName("view_matches")
        pane_layout.addWidget(self.matches, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.table)
        splitter.addWidget(pane)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        context.data_changed.connect(self._on_data_changed)
        self.current_id: int | None = None
        self._show(None)

    # ------------------------------------------------------------------ list

    def reload(self) -> None:
        keep = self.current_id
        target = sign_up_event(self.context)
        self.model.event_id = target[0] if target is not None else None
        self.button_sign_up.setEnabled(target is not None)
        self.button_withdraw.setEnabled(target is not None)
        self.model.reload()
        row = self.model.row_of(keep) if keep is not None else -1
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, 0))
        self._show(keep if row >= 0 else None)

    def _search(self, text: str) -> None:
        self.model.text = text
        self.reload()

    def _on_data_changed(self, kind: DataKind) -> None:
        if kind in (DataKind.ENTERPRISE, DataKind.INTENTION, DataKind.CHECKIN):
            self.reload()

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show(
            self.model.data(current, Qt.ItemDataRole.UserRole) if current.isValid() else None
        )

    def select(self, enterprise_id: int) -> bool:
        row = self.model.row_of(enterprise_id)
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, 0))
        return row >= 0

    def _show(self, enterprise_id: int | None) -> None:
        self.current_id = enterprise_id
        self.matches.show_enterprise(enterprise_id)
        self.button_edit.setEnabled(enterprise_id is not None)
        self.box_walk_in.hide()
        if enterprise_id is None:
            self.label_detail.setText(self.tr("Choose an enterprise in the list."))
            return
        with self.context.database.session() as session:
            firm = session.get(Enterprise, enterprise_id)
            if firm is None:
                return
            lines = [
                firm.name,
                fmt(self.tr("Credit code: %1"), firm.credit_code or "—"),
                fmt(self.tr("Type: %1"), tags_text(firm.tags) or "—"),
                fmt(self.tr("Industry: %1"), firm.industry or "—"),
                fmt(self.tr("Region: %1"), firm.region or "—"),
                fmt(self.tr("Contact: %1 %2"), firm.contact_person, firm.phone),
                fmt(self.tr("Consents to be contacted: %1"), yes_no(firm.consent_to_contact)),
            ]
            if firm.notes:
                lines.append(firm.notes)
            candidates = (
                [(c.id, c.name) for c in reconciliation_candidates(session, firm.id)]
                if firm.is_walk_in
                else []
            )
            walk_in = firm.is_walk_in
        self.label_detail.setText("\n".join(lines))
        if walk_in:
            self.combo_merge.clear()
            for candidate_id, name in candidates:
                self.combo_merge.addItem(name, candidate_id)
            self.button_merge.setEnabled(bool(candidates))
            self.box_walk_in.show()

    # ------------------------------------------------------------------ editing

    def _checker(self, enterprise_id: int | None) -> Any:
        """Validation for the dialog: one sentence, or ``None`` (duplicates by name are asked)."""

        def check(fields: EnterpriseFields) -> str | None:
            try:
                with self.context.database.session() as session:
                    if enterprise_id is None:
                        register_enterprise(session, fields)
                    else:
                        update_enterprise(session, enterprise_id, fields)
                    session.rollback()
            except DuplicateEnterprise as duplicate:
                if duplicate.same_code:
                    return str(duplicate)
                answer = QMessageBox.question(
                    self,
                    self.tr("Same name"),
                    str(duplicate) + "\n" + self.tr("Register it anyway as another firm?"),
                )
                if answer != QMessageBox.StandardButton.Yes:
                    return str(duplicate)
                self._allow_same_name = True
            except EnterpriseInvalid as invalid:
                return str(invalid)
            return None

        return check

    def _open_dialog(self, enterprise_id: int | None, fields: EnterpriseFields) -> Any:
        self._allow_same_name = False
        dialog = EnterpriseDialog(fields, self)
        dialog.check = self._checker(enterprise_id)
        return dialog

    def import_list(self) -> None:
        """File ▸ Import enterprises… of the window (the import workflow installs it)."""
        action = self.window().findChild(QAction, "action_import_enterprises")
        if action is not None:
            action.trigger()

    def showEvent(self, event: Any) -> None:
        window = self.window()
        self.button_import.setVisible(
            window.findChild(QAction, "action_import_enterprises") is not None
        )
        super().showEvent(event)

    def add_enterprise(self) -> None:
        dialog = self._open_dialog(None, EnterpriseFields(name=self.edit_search.text()))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.save(None, dialog.fields(), allow_same_name=self._allow_same_name)

    def edit_current(self) -> None:
        if self.current_id is None:
            return
        with self.context.database.session() as session:
            fields = fields_of(get_enterprise(session, self.current_id))
        dialog = self._open_dialog(self.current_id, fields)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.save(self.current_id, dialog.fields())

    def save(
        self,
        enterprise_id: int | None,
        fields: EnterpriseFields,
        *,
        allow_same_name: bool = False,
    ) -> int | None:
        """Register or save through the undo stack; returns the firm's id."""
        command = SaveEnterpriseCommand(
            self.context, enterprise_id, fields, allow_same_name=allow_same_name
        )
        command.push()
        if command.exception is not None:
            self.label_message.setText(command.error)
            return None
        saved_id = int(command.result[0])
        self.select(saved_id)
        return saved_id

    def selected_ids(self) -> list[int]:
        """The firms selected in the list (at least the current one)."""
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        ids = [self.model.row_id(self.model.rows[row]) for row in rows]
        if not ids and self.current_id is not None:
            ids = [self.current_id]
        return ids

    def sign_up_selected(self) -> None:
        """Sign the selected firms up for the event (undoable)."""
        message = sign_up_selected(self.context, self.selected_ids())
        self.label_message.setText(message)
        self.context.status_message.emit(message)

    def withdraw_selected(self) -> None:
        """Withdraw the selected firms' sign-ups (undoable; checked-in firms stay)."""
        message = withdraw_selected(self.context, self.selected_ids())
        self.label_message.setText(message)
        self.context.status_message.emit(message)

    def _merge_clicked(self) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Merge walk-in"),
            fmt(
                self.tr(
                    "Merge this walk-in into %1? Its intentions and check-in move over "
                    "(Edit ▸ Undo takes the merge back)."
                ),
                self.combo_merge.currentText(),
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.merge_current()

    def merge_current(self) -> bool:
        """Merge the selected walk-in into the firm chosen in the box (undoable)."""
        target = self.combo_merge.currentData()
        if self.current_id is None or target is None:
            return False
        command = MergeWalkInCommand(
            self.context, self.current_id, int(target), self.combo_merge.currentText()
        )
        if not command.push():
            self.label_message.setText(command.error)
            return False
        self.label_message.setText(fmt(self.tr("Merged into %1."), self.combo_merge.currentText()))
        self.current_id = int(target)
        self.select(int(target))
        return True

    def confirm_current(self) -> None:
        if self.current_id is None:
            return
        walk_in_id = self.current_id
        with self.context.database.session() as session:
            fields = fields_of(get_enterprise(session, walk_in_id))
        dialog = self._open_dialog(walk_in_id, fields)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            with self.context.database.session() as session:
                confirm_walk_in(session, walk_in_id, dialog.fields(), station=self.context.station)
        except EnterpriseInvalid as error:
            self.label_message.setText(str(error))
            return
        self.context.data_changed.emit(DataKind.ENTERPRISE)
