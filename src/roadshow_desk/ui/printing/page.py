"""The print page: choose a document and its options, preview it, print it or save it.

Documents are built off the GUI thread (``run_task``: progress dialog with Cancel) by
:func:`roadshow_desk.documents.render.render_document` into a private temporary folder;
the preview shows that file, Save copies it, Print paints it onto the printer the system
print dialog chose. Changing an option drops the preview, so what is saved or printed is
always what the options say.
"""

from __future__ import annotations

import shutil
import tempfile
import weakref
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, Signal
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from roadshow_desk.documents.file_names import safe_file_name
from roadshow_desk.documents.pages import Written
from roadshow_desk.documents.render import (
    AGENDA,
    BADGES,
    BROCHURE,
    KINDS,
    PAPER_CHOICE,
    SIGNUP_SHEET,
    PrintOptions,
    kind_label,
    render_document,
    warm_up,
)
from roadshow_desk.domain.progress import Progress
from roadshow_desk.errors import InputError
from roadshow_desk.i18n import fmt
from roadshow_desk.ui.empty_state import EmptyState
from roadshow_desk.ui.forms import load_ui
from roadshow_desk.ui.next_step import show_next_step
from roadshow_desk.ui.printing.preview import PdfPreview
from roadshow_desk.ui.printing.printer import prepare_printer, print_pdf
from roadshow_desk.ui.printing.template import add_template_button, ask_template_path, template_job
from roadshow_desk.ui.tasks import Task, run_task
from roadshow_desk.ui.workflow import AppContext, DataKind, WorkflowPage

if TYPE_CHECKING:
    from roadshow_desk.store.db import Database


def _render_job(
    progress: Progress, kind: str, database: Database, out: Path, options: PrintOptions
) -> Written:
    return render_document(kind, database, out, options, progress)


EVENT_NAME_ROLE = Qt.ItemDataRole.UserRole + 1  # the event's name, in the event picker
PICKER_MAX_WIDTH = 420  # px: the event picker grows to this for a long name
PANEL_MIN_WIDTH = 300  # px: the options panel's width with short names


class PrintPage(WorkflowPage):
    """Brochure, sign-up sheets, booth cards, badges and agenda of an event."""

    view_name = "print"

    # children of forms/printing/print_page.ui
    panel_options: QWidget
    panel_preview: QWidget
    layout_preview: QVBoxLayout
    combo_kind: QComboBox
    combo_event: QComboBox
    combo_session: QComboBox
    combo_paper: QComboBox
    combo_layout: QComboBox
    spin_pages: QSpinBox
    check_checked_in: QCheckBox
    label_session: QLabel
    label_paper: QLabel
    label_layout: QLabel
    label_rows: QLabel
    label_hint: QLabel
    label_status: QLabel
    label_pages: QLabel
    button_preview: QPushButton
    button_print: QPushButton
    button_save: QPushButton

    document_built = Signal(str, int)
    """A document was built for the preview (the PDF's path, its page count)."""
    document_saved = Signal(str)
    """A document was saved as PDF (the path)."""
    document_printed = Signal(int)
    """Pages were sent to the printer (how many)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        load_ui("printing/print_page.ui", self)
        self.preview = PdfPreview(self.panel_preview)
        self.layout_preview.addWidget(self.preview, 1)
        self.preview.current_page_changed.connect(self._show_page_number)
        self.preview.placeholder = self.tr(
            "Choose a document and press Preview to see it here before printing or saving."
        )
        self._temp = tempfile.TemporaryDirectory(
            prefix="roadshow-print-", ignore_cleanup_errors=True
        )
        weakref.finalize(self, self._temp.cleanup)
        self._built: tuple[tuple[Any, ...], Path, int] | None = None
        self._task: Task | None = None
        self._warm_up: Task | None = None
        self._events_loaded = False

        for kind in KINDS:
            self.combo_kind.addItem(kind_label(kind), kind)
        self.combo_paper.addItem("A4", "A4")
        self.combo_paper.addItem("A5", "A5")
        self.combo_layout.addItem(self.tr("One patent per page"), 1)
        self.combo_layout.addItem(self.tr("Two patents per page"), 2)
        for combo in (self.combo_kind, self.combo_paper, self.combo_layout, self.combo_session):
            combo.currentIndexChanged.connect(self._options_changed)
        self.combo_event.currentIndexChanged.connect(self._event_chosen)
        self.spin_pages.valueChanged.connect(self._options_changed)
        self.check_checked_in.toggled.connect(self._options_changed)
        self.button_preview.clicked.connect(self.build_preview)
        self.button_print.clicked.connect(self.print_document)
        self.button_save.clicked.connect(self.save_document)
        self.button_template = add_template_button(self, self.button_save)
        self.button_template.clicked.connect(self.save_template)

        self.action_print = QAction(self.tr("&Print…"), self)
        self.action_print.setShortcut(QKeySequence.StandardKey.Print)
        self.action_print.triggered.connect(self.print_document)
        self.addAction(self.action_print)
        context.data_changed.connect(self._on_data_changed)
        context.event_changed.connect(self._select_event)
        self._update_controls()
        self.empty = EmptyState(self, "empty_print")  # no event: nothing to print yet

    # --- WorkflowPage ---------------------------------------------------------------------

    def title(self) -> str:
        return self.tr("Print")

    def icon(self) -> QIcon:
        return QIcon("icons:print.svg")

    def actions_for_toolbar(self) -> list[QAction]:
        return [self.action_print]

    def activate(self) -> None:
        if not self._events_loaded:
            self.reload_events()
        if self._warm_up is None:  # the first preview's one-off costs, paid while choosing
            font = self.context.settings.cjk_font_file or None
            self._warm_up = Task(lambda _progress: warm_up(font), (), self)
            self._warm_up.start()

    # --- choices --------------------------------------------------------------------------

    def reload_events(self) -> None:
        from roadshow_desk.domain.events import list_events

        current = self.combo_event.currentData()
        with self.context.database.session() as session:
            events = [(e.id, e.name, e.starts_on) for e in list_events(session)]
        self.combo_event.blockSignals(True)
        self.combo_event.clear()
        names = [name for _id, name, _starts in events]
        for event_id, name, starts_on in events:
            dated = f"{name}（{starts_on:%Y-%m-%d}）" if starts_on else name
            # The date only where two events share a name: the whole name fits the picker.
            self.combo_event.addItem(dated if names.count(name) > 1 else name, event_id)
            index = self.combo_event.count() - 1
            self.combo_event.setItemData(index, name, EVENT_NAME_ROLE)
            self.combo_event.setItemData(index, dated, Qt.ItemDataRole.ToolTipRole)
        self._fit_event_picker()
        self.combo_event.blockSignals(False)
        self._events_loaded = True
        wanted = current or self.context.current_event_id
        index = self.combo_event.findData(wanted) if wanted is not None else -1
        self.combo_event.setCurrentIndex(index if index >= 0 else (0 if events else -1))
        self._event_chosen()
        show_next_step(self.empty, self, self.context)

    def _fit_event_picker(self) -> None:
        """Wide enough for the longest event name (up to what the options panel allows)
        and its list as wide as its longest entry, so no event is shown cut."""
        combo = self.combo_event
        metrics = combo.fontMetrics()
        texts = [combo.itemText(index) for index in range(combo.count())]
        widest = max((metrics.horizontalAdvance(text) for text in texts), default=0)
        arrow = combo.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent) + 24
        combo.setMinimumWidth(min(widest + arrow, PICKER_MAX_WIDTH))
        combo.view().setMinimumWidth(widest + arrow)
        panel = self.panel_options
        layout = panel.layout()
        needed = layout.minimumSize().width() if layout is not None else 0
        panel.setMinimumWidth(max(PANEL_MIN_WIDTH, min(needed, panel.maximumWidth())))

    def _select_event(self, event_id: int) -> None:
        if not self._events_loaded:
            return
        index = self.combo_event.findData(event_id)
        if index >= 0:
            self.combo_event.setCurrentIndex(index)

    def _event_chosen(self) -> None:
        from roadshow_desk.domain.agenda import list_sessions

        self.combo_event.setToolTip(self.combo_event.currentData(Qt.ItemDataRole.ToolTipRole))

        event_id = self.combo_event.currentData()
        self.combo_session.blockSignals(True)
        self.combo_session.clear()
        self.combo_session.addItem(self.tr("The whole event"), None)
        if event_id is not None:
            with self.context.database.session() as session:
                for row in list_sessions(session, event_id):
                    self.combo_session.addItem(row.title, row.id)
        self.combo_session.blockSignals(False)
        self._options_changed()

    def _on_data_changed(self, kind: DataKind) -> None:
        self._events_loaded = False
        self._drop_preview()
        if self.isVisible():
            self.reload_events()

    def options(self) -> PrintOptions:
        return PrintOptions(
            event=self.combo_event.currentData(),
            session_id=self.combo_session.currentData(),
            paper=self.combo_paper.currentData() or "A4",
            per_page=self.combo_layout.currentData() or 1,
            checked_in_only=self.check_checked_in.isChecked(),
            signup_pages=self.spin_pages.value(),
            font=self.context.settings.cjk_font_file or None,
        )

    def kind(self) -> str:
        return str(self.combo_kind.currentData() or BROCHURE)

    def _key(self) -> tuple[Any, ...]:
        return (self.kind(), self.options())

    def _options_changed(self, *_args: object) -> None:
        self._update_controls()
        if self._built is not None and self._built[0] != self._key():
            self._drop_preview()

    def _update_controls(self) -> None:
        kind = self.kind()
        self.combo_session.setEnabled(kind == SIGNUP_SHEET)
        self.label_session.setEnabled(kind == SIGNUP_SHEET)
        self.spin_pages.setEnabled(kind == SIGNUP_SHEET)
        self.label_rows.setEnabled(kind == SIGNUP_SHEET)
        self.combo_paper.setEnabled(kind in PAPER_CHOICE)
        self.label_paper.setEnabled(kind in PAPER_CHOICE)
        self.combo_layout.setEnabled(kind == BROCHURE)
        self.label_layout.setEnabled(kind == BROCHURE)
        self.check_checked_in.setEnabled(kind == BADGES)
        has_event = self.combo_event.count() > 0
        for button in (self.button_preview, self.button_print, self.button_save):
            button.setEnabled(has_event and self._task is None)
        self.action_print.setEnabled(has_event and self._task is None)
        self.button_template.setEnabled(has_event and self._task is None and kind == SIGNUP_SHEET)
        hints = {
            BROCHURE: self.tr(
                "Cover, foreword, contents, the shortlisted patents by technical field with "
                "their QR codes, and an index by institution."
            ),
            SIGNUP_SHEET: self.tr(
                "A large QR code to the event's sign-up link and ruled rows to write on "
                "(A4 landscape)."
            ),
            "cards": self.tr(
                "A folded A4 table tent per shortlisted patent, readable from both sides."
            ),
            BADGES: self.tr("Eight badges to an A4 sheet, each with the QR code desks scan."),
            AGENDA: self.tr("The roadshow sessions with their times, patents and presenters."),
        }
        self.label_hint.setText(hints.get(kind, ""))

    # --- building -------------------------------------------------------------------------

    def _drop_preview(self) -> None:
        self._built = None
        self.preview.set_pdf(None)
        self.label_pages.clear()

    def _run(self, title: str, func: Any, *args: Any, on_success: Any) -> Task | None:
        if self._task is not None:
            return None
        self.label_status.clear()
        task = run_task(self, title, func, *args)
        self._task = task
        self._update_controls()

        def done() -> None:  # before the outcome's handler, which may start the next job
            self._task = None
            self._update_controls()

        def succeeded(result: Any) -> None:
            done()
            on_success(result)

        def failed(error: BaseException) -> None:
            done()
            self._show_failure(error)

        def cancelled() -> None:
            done()
            self.label_status.setText(self.tr("Cancelled."))

        task.succeeded.connect(succeeded)
        task.failed.connect(failed)
        task.cancelled.connect(cancelled)
        return task

    def build_preview(self, then: Any = None) -> Task | None:
        """Build the document for the preview; ``then()`` runs once it is shown."""
        key = self._key()
        kind, options = key
        out = Path(self._temp.name) / f"{kind}.pdf"

        def built(written: Written) -> None:
            self._built = (key, written.path, written.pages)
            self.preview.set_pdf(written.path)
            self.label_status.setText(
                self.tr("%n page(s), ready to print or save.", "", written.pages)
            )
            self.document_built.emit(str(written.path), written.pages)
            if callable(then):
                then()

        return self._run(
            fmt(self.tr("Building the %1…"), kind_label(kind)),
            _render_job,
            kind,
            self.context.database,
            out,
            options,
            on_success=built,
        )

    def _show_failure(self, error: BaseException) -> None:
        if isinstance(error, InputError):
            message = str(error)
        else:
            message = fmt(self.tr("The document could not be made: %1"), str(error))
        self.label_status.setText(message)
        QMessageBox.warning(self, self.tr("Print"), message)

    def _show_page_number(self, current: int, total: int) -> None:
        self.label_pages.setText(
            fmt(self.tr("Page %1 of %2"), str(current), str(total)) if total else ""
        )

    def _ready(self) -> bool:
        return self._built is not None and self._built[0] == self._key()

    # --- saving ---------------------------------------------------------------------------

    def default_file_name(self) -> str:
        """The event's whole name and the document, e.g. ``专利转化对接会（生物医药专场）
        专利推介手册.pdf`` (never cut at a bracket, so two events' files never collide)."""
        event = self.combo_event.currentData(EVENT_NAME_ROLE) or self.combo_event.currentText()
        return safe_file_name(f"{event} {kind_label(self.kind())}") + ".pdf"

    def ask_save_path(self) -> Path | None:
        """The file chosen in the system's save dialog (``None``: cancelled)."""
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save as PDF"),
            str(Path(folder) / self.default_file_name()),
            self.tr("PDF files (*.pdf)"),
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")

    def save_document(self) -> None:
        if not self._ready():
            self.build_preview(then=self.save_document)
            return
        assert self._built is not None
        target = self.ask_save_path()
        if target is None:
            return
        try:
            shutil.copyfile(self._built[1], target)
        except OSError as exc:
            self._show_failure(
                InputError(
                    fmt(
                        self.tr("The PDF could not be saved to %1 (%2)."),
                        str(target),
                        exc.strerror or str(exc),
                    )
                )
            )
            return
        self.label_status.setText(fmt(self.tr("Saved %1."), str(target)))
        self.context.status_message.emit(fmt(self.tr("Saved %1."), str(target)))
        self.document_saved.emit(str(target))

    def ask_template_path(self) -> Path | None:
        return ask_template_path(self, self.default_file_name()[: -len(".pdf")] + ".xlsx")

    def save_template(self) -> Task | None:
        """Write the sign-up sheet's transcription workbook where the user chooses."""
        target = self.ask_template_path()
        if target is None:
            return None

        def written(path: Path) -> None:
            text = fmt(self.tr("Saved %1."), str(path))
            self.label_status.setText(text)
            self.context.status_message.emit(text)

        return self._run(
            self.tr("Writing the transcription workbook"),
            template_job,
            self.context.database,
            target,
            self.options(),
            on_success=written,
        )

    # --- printing -------------------------------------------------------------------------

    def ask_printer(self, printer: QPrinter) -> bool:
        """Show the system print dialog for ``printer``; ``True`` when the user prints."""
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(fmt(self.tr("Print %1"), kind_label(self.kind())))
        return bool(dialog.exec() == QDialog.DialogCode.Accepted)

    def print_document(self) -> None:
        if not self._ready():
            self.build_preview(then=self.print_document)
            return
        assert self._built is not None
        path = self._built[1]
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        prepare_printer(printer, path)
        printer.setFromTo(0, 0)
        if not self.ask_printer(printer):
            return
        self._printer = printer  # kept alive while the worker paints on it

        def printed(count: int) -> None:
            self.label_status.setText(self.tr("Sent %n page(s) to the printer.", "", count))
            self.document_printed.emit(count)

        self._run(self.tr("Printing…"), print_pdf, path, printer, on_success=printed)


def shot_preview(window: Any, size: Any) -> QWidget:
    """``shot --view print-preview``: the print page with the brochure built and shown."""
    window.show_page(PrintPage.view_name)
    page = window.page(PrintPage.view_name)
    assert isinstance(page, PrintPage)
    if page.combo_event.count():
        kind, options = page._key()
        out = Path(page._temp.name) / f"{kind}.pdf"
        try:
            written = render_document(kind, page.context.database, out, options)
        except InputError as exc:
            page.label_status.setText(str(exc))
        else:
            page._built = (page._key(), written.path, written.pages)
            page.preview.set_pdf(written.path)
            page.label_status.setText(
                QCoreApplication.translate(
                    "PrintPage", "%n page(s), ready to print or save.", "", written.pages
                )
            )
    return window
