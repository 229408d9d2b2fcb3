"""The main window: navigation between the workflow pages, menus, toolbar, status bar.

To add a workflow, append its page (a :class:`~roadshow_desk.ui.workflow.WorkflowPage`
subclass) to :data:`WORKFLOW_PAGES`, one ``"module:Class"`` line in navigation order. To add
menu entries, a toolbar action or a file-drop handler from outside a page, append an
installer to :data:`WINDOW_CONTROLLERS`: a ``"module:function"`` called as
``function(main_window)`` once the pages exist. The hooks a controller uses:
``main_window.file_menu`` (with :meth:`MainWindow.add_file_action` to insert above Settings
and Quit), ``main_window.edit_menu``, ``main_window.help_menu``, ``main_window.toolbar``,
:meth:`MainWindow.add_drop_handler`, :meth:`MainWindow.show_page`, and ``main_window.context``.
Pages and controllers talk to each other through the context (``ui.workflow``), never
through attributes of the window.

Why ``"module:name"`` strings and not imports: start-up builds the page the user left open,
paints, and only then imports and builds the others and the controllers (about 2 s of
imports on a slow laptop, measured 2.1-2.8 s here, which eager imports would put before the
first paint). The window itself imports no workflow, which keeps the import-linter contract
"Workflows of ui/ do not import each other" simple. What an IDE or mypy would check is
checked by ``tests/ui/test_main_window.py``: every string names a ``WorkflowPage``
subclass, or an installer taking the window.
"""

from __future__ import annotations

import bisect
import importlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QIcon,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from roadshow_desk.i18n import fmt
from roadshow_desk.ui.settings import Settings
from roadshow_desk.ui.workflow import AppContext, WorkflowPage

#: The workflow pages, in navigation order ("module:Class").
WORKFLOW_PAGES: list[str] = [
    "roadshow_desk.ui.library.page:LibraryPage",
    "roadshow_desk.ui.shortlist.page:ShortlistPage",
    "roadshow_desk.ui.event.page:EventPage",
    "roadshow_desk.ui.roadshow.page:RoadshowPage",
    "roadshow_desk.ui.capture.page:CapturePage",
    "roadshow_desk.ui.followup.page:FollowUpPage",
    "roadshow_desk.ui.results.page:ResultsPage",
    "roadshow_desk.ui.printing.page:PrintPage",
]

#: Installers of menus, actions and drop handlers ("module:function", called with the window).
WINDOW_CONTROLLERS: list[str] = [
    "roadshow_desk.ui.screening.library:install",
    "roadshow_desk.ui.importing.controller:install",
    "roadshow_desk.ui.search_indexer:install",
    "roadshow_desk.ui.followup.controller:install",
    "roadshow_desk.ui.backups:install",
    "roadshow_desk.ui.help:install",
    "roadshow_desk.ui.bundles.controller:install",
    "roadshow_desk.ui.selfcheck:install",
]

DropHandler = Callable[[list[Path]], bool]
"""Takes the dropped local files; returns True when it handled them."""


def load_object(spec: str) -> Any:
    """The object named by ``"package.module:name"``."""
    module_name, _, attribute = spec.partition(":")
    return getattr(importlib.import_module(module_name), attribute)


def database_label(url: str) -> str:
    """A database as the title bar shows it: the file's name, or the URL without password."""
    if "://" not in url:
        return Path(url).name
    scheme, _, rest = url.partition("://")
    if scheme.startswith("sqlite"):
        return Path(rest.lstrip("/")).name or rest
    credentials, at, location = rest.rpartition("@")
    user = credentials.partition(":")[0]
    return f"{scheme}://{user}{at}{location}"


def database_display_name(context: AppContext) -> str:
    """The context's database as the title bar shows it."""
    return database_label(context.database.url)


class _FirstPaint(QObject):
    """Calls back once, just after the watched widget first painted (or after a timeout)."""

    def __init__(self, widget: QWidget, callback: Callable[[], object]) -> None:
        super().__init__(widget)
        self._callback: Callable[[], object] | None = callback
        widget.installEventFilter(self)
        QTimer.singleShot(1000, self._fire)  # never wait for a paint that does not come

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._callback is not None:
            QTimer.singleShot(0, self._fire)
        return False

    def _fire(self) -> None:
        callback, self._callback = self._callback, None
        if callback is not None:
            self.deleteLater()
            callback()


def after_first_paint(widget: QWidget, callback: Callable[[], object]) -> None:
    """Run ``callback`` from the event loop once ``widget`` has painted for the first time."""
    _FirstPaint(widget, callback)


class MainWindow(QMainWindow):
    """Navigation on the left, the current page on the right."""

    page_changed = Signal(str)
    """The current page changed (its ``view_name``)."""
    ready = Signal()
    """The database is open and the pages and controllers are built (see :meth:`attach`)."""

    context: AppContext
    """Set by :meth:`attach`; controllers and pages may rely on it."""

    # What the installers of WINDOW_CONTROLLERS leave on the window, for tests and ``shot``
    # (typed loosely: the window imports no workflow). Controllers do not find each other
    # here: they talk through the context (``AppContext.import_finished``,
    # ``new_event_checks``, ``shortlist_sink``...), so their order in the list is free.
    import_controller: QObject
    search_indexer: QObject
    bundle_controller: QObject
    backups_action: QAction
    backups_dialog: QDialog
    selfcheck_action: QAction
    getting_started_action: QAction

    def __init__(
        self,
        context: AppContext | None = None,
        parent: QWidget | None = None,
        *,
        settings: Settings | None = None,
    ) -> None:
        """The window over ``context``; or, with only ``settings``, the empty shell that
        start-up shows at once and completes with :meth:`attach` once the database is open.
        """
        super().__init__(parent)
        if context is not None:
            settings = context.settings
        if settings is None:
            raise TypeError("MainWindow needs a context or settings")
        self.settings = settings
        self.setObjectName("main_window")
        self.setAcceptDrops(True)
        self._drop_handlers: list[DropHandler] = []
        self._page_actions: list[QAction] = []
        self.pages: list[WorkflowPage] = []
        """The pages built so far, in navigation order."""
        self._built: list[int] = []  # their indexes in WORKFLOW_PAGES, ascending

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setIconSize(QSize(22, 22))
        self.navigation.setUniformItemSizes(True)
        self.navigation.setFrameShape(QListWidget.Shape.NoFrame)
        self.navigation.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.navigation.setStyleSheet(
            "QListWidget#navigation { background: palette(alternate-base); padding-top: 6px;"
            " outline: 0; border-right: 1px solid palette(mid); }"
            "QListWidget#navigation::item { padding: 6px 10px; }"
        )
        self.stack = QStackedWidget()
        self.stack.setObjectName("page_stack")
        central = QWidget()
        central.setObjectName("central")
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        from roadshow_desk.ui import keys

        keys.install()  # Ctrl+Z passes a text field with nothing to undo
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._build_status_bar()
        self.restore_geometry()
        if context is not None:
            self.attach(context)

    def attach(self, context: AppContext, *, defer_pages: bool = False) -> None:
        """Complete the window over an open database: pages, controllers, undo, title.

        With ``defer_pages`` (start-up), only the page the user left open is built at once;
        the other pages follow right after it first paints, then the controllers, then
        :attr:`ready`. Without it, everything is built before this returns.
        """
        self.context = context
        self._bind_undo_stack(context)
        self.station_label.setText(fmt(self.tr("Station: %1"), context.station))
        self.show_database_in_use(context.database.url)
        self.navigation.currentRowChanged.connect(self._on_navigation)
        context.undo_stack.cleanChanged.connect(self._update_title)
        context.status_message.connect(self.show_status)
        self.settings_action.setEnabled(True)
        self.about_action.setEnabled(True)
        self._update_title()
        if defer_pages and WORKFLOW_PAGES:
            self._build_page(self._saved_page_index())
            self.restore_page()
            after_first_paint(self.pages[0], self._finish_pages)
        else:
            for index in range(len(WORKFLOW_PAGES)):
                self._build_page(index)
            self.restore_page()
            self._finish_pages()

    def _finish_pages(self) -> None:
        for index in range(len(WORKFLOW_PAGES)):
            if index not in self._built:
                self._build_page(index)
        self._install_controllers()
        self.ready.emit()

    @property
    def is_ready(self) -> bool:
        """Whether :meth:`attach` has run."""
        return hasattr(self, "context")

    # ------------------------------------------------------------------ construction

    def _build_actions(self) -> None:
        self.settings_action = QAction(self.tr("&Settings…"), self)
        self.settings_action.setObjectName("action_settings")
        self.settings_action.setShortcut(QKeySequence.StandardKey.Preferences)
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.settings_action.triggered.connect(self.open_settings)
        self.settings_action.setEnabled(False)  # until attach()

        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setObjectName("action_quit")
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)

        self.undo_action = QAction(QIcon("icons:undo.svg"), self.tr("&Undo"), self)
        self.undo_action.setObjectName("action_undo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.setEnabled(False)
        self.redo_action = QAction(QIcon("icons:redo.svg"), self.tr("&Redo"), self)
        self.redo_action.setObjectName("action_redo")
        self.redo_action.setShortcuts(QKeySequence.StandardKey.Redo)  # Ctrl+Y, Ctrl+Shift+Z
        self.redo_action.setEnabled(False)

        self.about_action = QAction(self.tr("&About Roadshow Desk"), self)
        self.about_action.setObjectName("action_about")
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.open_about)
        self.about_action.setEnabled(False)  # until attach()

    def _bind_undo_stack(self, context: AppContext) -> None:
        """Make Undo/Redo follow the context's undo stack (texts name the command)."""
        stack = context.undo_stack

        def update(*_args: object) -> None:
            undo_text, redo_text = stack.undoText(), stack.redoText()
            # While a long step runs on a worker, no other step may start (ui/undo.py).
            self.undo_action.setEnabled(stack.canUndo() and not stack.busy)
            self.redo_action.setEnabled(stack.canRedo() and not stack.busy)
            self.undo_action.setText(
                fmt(self.tr("&Undo %1"), undo_text) if undo_text else self.tr("&Undo")
            )
            self.redo_action.setText(
                fmt(self.tr("&Redo %1"), redo_text) if redo_text else self.tr("&Redo")
            )

        self.undo_action.triggered.connect(stack.undo)
        self.redo_action.triggered.connect(stack.redo)
        stack.indexChanged.connect(update)
        stack.canUndoChanged.connect(update)
        stack.canRedoChanged.connect(update)
        stack.busy_changed.connect(update)
        stack.dialog_parent = self  # a long undo's progress opens over the window
        update()

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = QMenu(self.tr("&File"), self)
        self.file_menu.setObjectName("menu_file")
        self._file_anchor = self.file_menu.addSeparator()
        self.file_menu.addAction(self.settings_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        bar.addMenu(self.file_menu)

        self.edit_menu = QMenu(self.tr("&Edit"), self)
        self.edit_menu.setObjectName("menu_edit")
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        bar.addMenu(self.edit_menu)

        self.view_menu = QMenu(self.tr("&View"), self)
        self.view_menu.setObjectName("menu_view")
        bar.addMenu(self.view_menu)

        self.help_menu = QMenu(self.tr("&Help"), self)
        self.help_menu.setObjectName("menu_help")
        self.help_menu.addAction(self.about_action)
        bar.addMenu(self.help_menu)

    def _build_toolbar(self) -> None:
        self.toolbar = QToolBar(self.tr("Main toolbar"), self)
        self.toolbar.setObjectName("toolbar_main")
        self.toolbar.setMovable(False)
        self.toolbar.setIconSize(QSize(20, 20))
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)
        self.toolbar.addAction(self.undo_action)
        self.toolbar.addAction(self.redo_action)
        self._page_separator = self.toolbar.addSeparator()

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        status.setObjectName("status_bar")
        self.font_warning_label = QLabel()
        self.font_warning_label.setObjectName("label_font_warning")
        self.font_warning_label.setStyleSheet("color: #b00020; font-weight: bold;")
        self.font_warning_label.hide()
        status.addPermanentWidget(self.font_warning_label)
        station = self.settings.station_name
        self.station_label = QLabel(fmt(self.tr("Station: %1"), station))
        self.station_label.setObjectName("label_station")
        status.addPermanentWidget(self.station_label)
        self.database_label = QLabel()
        self.database_label.setObjectName("label_database_in_use")
        status.addPermanentWidget(self.database_label)

    def show_database_in_use(self, url: str) -> None:
        """Engine and host (or file) of the open database in the status bar; no password."""
        from roadshow_desk.store.server_login import describe_location

        text = fmt(self.tr("Database: %1"), describe_location(url))
        self.database_label.setText(text)
        self.database_label.setToolTip(text)

    def _saved_page_index(self) -> int:
        """Where in :data:`WORKFLOW_PAGES` the page the user left open is (imports in order)."""
        wanted = self.settings.current_page
        for index, spec in enumerate(WORKFLOW_PAGES):
            if load_object(spec).view_name == wanted:
                return index
        return 0

    def _build_page(self, index: int) -> WorkflowPage:
        """Build the page ``WORKFLOW_PAGES[index]`` and put it in its place in the navigation."""
        page: WorkflowPage = load_object(WORKFLOW_PAGES[index])(self.context, self.stack)
        row = bisect.bisect(self._built, index)
        self._built.insert(row, index)
        self.pages.insert(row, page)
        self.stack.addWidget(page)
        item = QListWidgetItem(page.icon(), page.title())
        item.setData(Qt.ItemDataRole.UserRole, page.view_name)
        item.setSizeHint(QSize(0, 40))
        blocked = self.navigation.blockSignals(True)  # the current page stays current
        self.navigation.insertItem(row, item)
        self.navigation.blockSignals(blocked)
        action = QAction(page.icon(), page.title(), self)
        action.setObjectName(f"action_page_{page.view_name}")
        if index < 9:
            action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
        action.triggered.connect(lambda _checked=False, name=page.view_name: self.show_page(name))
        menu_actions = self.view_menu.actions()
        if row < len(menu_actions):
            self.view_menu.insertAction(menu_actions[row], action)
        else:
            self.view_menu.addAction(action)
        self.addAction(action)
        width = self.navigation.sizeHintForColumn(0) + 28
        self.navigation.setFixedWidth(min(max(width, 150), 240))
        return page

    def _install_controllers(self) -> None:
        for spec in WINDOW_CONTROLLERS:
            load_object(spec)(self)

    # ------------------------------------------------------------------ pages

    def current_page(self) -> WorkflowPage | None:
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, WorkflowPage) else None

    def page(self, view_name: str) -> WorkflowPage | None:
        for page in self.pages:
            if page.view_name == view_name:
                return page
        return None

    def show_page(self, view_name: str) -> bool:
        """Make the page ``view_name`` current; False when there is no such page."""
        for row, page in enumerate(self.pages):
            if page.view_name == view_name:
                if self.navigation.currentRow() == row:
                    self._on_navigation(row)
                else:
                    self.navigation.setCurrentRow(row)
                return True
        return False

    def _on_navigation(self, row: int) -> None:
        if not 0 <= row < len(self.pages):
            return
        page = self.pages[row]
        leaving = self.current_page()
        if leaving is not None and leaving is not page and not self.settle_pending([leaving]):
            blocked = self.navigation.blockSignals(True)  # stay with the edits
            self.navigation.setCurrentRow(self.pages.index(leaving))
            self.navigation.blockSignals(blocked)
            return
        self.stack.setCurrentWidget(page)
        for action in self._page_actions:
            self.toolbar.removeAction(action)
        self._page_actions = page.actions_for_toolbar()
        self.toolbar.addActions(self._page_actions)
        page.activate()
        self.page_changed.emit(page.view_name)

    # ------------------------------------------------------------------ hooks for controllers

    def add_file_action(self, action: QAction) -> None:
        """Put ``action`` in the File menu, above Settings and Quit."""
        self.file_menu.insertAction(self._file_anchor, action)

    def add_drop_handler(self, handler: DropHandler) -> None:
        """Offer files dropped on the window to ``handler`` (first one returning True wins)."""
        self._drop_handlers.append(handler)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._drop_handlers and self._local_files(event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = self._local_files(event.mimeData().urls())
        if paths and self.handle_dropped_files(paths):
            event.acceptProposedAction()
        else:
            event.ignore()

    def handle_dropped_files(self, paths: list[Path]) -> bool:
        """Offer ``paths`` to each drop handler until one takes them."""
        return any(handler(paths) for handler in self._drop_handlers)

    @staticmethod
    def _local_files(urls: list[Any]) -> list[Path]:
        return [Path(url.toLocalFile()) for url in urls if url.isLocalFile()]

    # ------------------------------------------------------------------ status and title

    def show_status(self, message: str, timeout_ms: int = 8000) -> None:
        self.statusBar().showMessage(message, timeout_ms)

    def set_font_warning(self, text: str) -> None:
        """Show (or with ``""`` hide) a permanent warning about the Chinese font."""
        self.font_warning_label.setText(text)
        self.font_warning_label.setToolTip(text)
        self.font_warning_label.setVisible(bool(text))

    def _update_title(self) -> None:
        self.setWindowTitle(f"{database_display_name(self.context)}[*]")
        self.setWindowModified(not self.context.undo_stack.isClean())

    # ------------------------------------------------------------------ dialogs

    def open_settings(self) -> None:
        from roadshow_desk.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.context, self)
        if dialog.exec() == SettingsDialog.DialogCode.Accepted:
            self.station_label.setText(fmt(self.tr("Station: %1"), self.context.station))

    def open_about(self) -> None:
        from roadshow_desk.ui.about import AboutDialog

        dialog = AboutDialog(self.context, self)
        dialog.exec()

    # ------------------------------------------------------------------ layout persistence

    def restore_geometry(self) -> None:
        settings = self.settings
        geometry = settings.window_geometry
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            self.resize(self._default_size())
        state = settings.window_state
        if not state.isEmpty():
            self.restoreState(state)

    def restore_page(self) -> None:
        if self.pages and not self.show_page(self.settings.current_page):
            self.show_page(self.pages[0].view_name)

    def save_layout(self) -> None:
        settings = self.settings
        settings.window_geometry = self.saveGeometry()
        settings.window_state = self.saveState()
        page = self.current_page()
        if page is not None:
            settings.current_page = page.view_name
        settings.sync()

    def _default_size(self) -> QSize:
        screen = self.screen() or QGuiApplication.primaryScreen()
        wanted = QSize(1280, 800)
        if screen is None:
            return wanted
        available = screen.availableGeometry().size()
        return QSize(
            min(wanted.width(), int(available.width() * 0.92)),
            min(wanted.height(), int(available.height() * 0.92)),
        )

    def settle_pending(
        self, pages: list[WorkflowPage] | None = None, closing: bool = False
    ) -> bool:
        """Keep what is typed on ``pages`` (default: all); ask before dropping what cannot be
        kept (see ``ui.pending``). True when the window may go on."""
        from roadshow_desk.ui.pending import settle

        return settle(self, self.pages if pages is None else pages, closing=closing)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.settle_pending(closing=True):
            event.ignore()
            return
        self.save_layout()
        super().closeEvent(event)
