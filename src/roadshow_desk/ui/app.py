"""Application start-up: QApplication, translations, the Chinese font, the database, the window.

:func:`run` is what ``roadshow-desk`` (no subcommand) calls. The order matters and is kept
cheap: Qt application and translators first (so every later message is translated), then the
CJK font (Chinese must never draw as boxes; when there is no font the user is told), then the
database (created or migrated before anything reads it; a database that cannot be used is
explained in one sentence with ways back, never a traceback), then the main window. Heavy
libraries are not imported here.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from roadshow_desk.i18n import fmt
from roadshow_desk.ui.settings import APPLICATION, ORGANIZATION, Settings
from roadshow_desk.ui.translations import install_translators

if TYPE_CHECKING:
    from roadshow_desk.store.db import Database
    from roadshow_desk.ui.main_window import MainWindow


@dataclass(frozen=True)
class AppFont:
    """The CJK font the window uses (or why there is none)."""

    family: str
    """Family name registered with Qt, ``""`` when there is no CJK font."""
    path: Path | None
    source: str
    """``"preferred"`` (settings), ``"environment"``, ``"system"`` or ``""``."""
    warning: str
    """One translated sentence when Chinese text may not display, else ``""``."""


_app_font: AppFont | None = None


def current_app_font() -> AppFont | None:
    """The font installed by :func:`install_cjk_font` (``None`` before start-up)."""
    return _app_font


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication (reused when one exists, as in tests), named and High-DPI ready."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
        app = QApplication(argv if argv is not None else sys.argv[:1])
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    return app


def install_language(app: QApplication, lang: str | None, settings: Settings) -> str:
    """Install translators: ``--lang`` first, then the setting, then the system language."""
    language = install_translators(app, lang or settings.language or None)
    app.setApplicationDisplayName(QCoreApplication.translate("App", "Roadshow Desk"))
    return language


def install_cjk_font(app: QApplication, preferred: str, language: str) -> AppFont:
    """Register the CJK font with Qt and make the application font use it.

    In Chinese the CJK family comes first; in English the system family stays first and the
    CJK family is its fallback, so Chinese data still draws. Without a usable font the
    returned :class:`AppFont` carries a warning sentence for the user.
    """
    global _app_font
    from roadshow_desk.documents.fonts import find_cjk_font, install_hint

    found = find_cjk_font(preferred or None)
    if found is None:
        _app_font = AppFont("", None, "", install_hint())
        return _app_font
    family = ""
    font_id = QFontDatabase.addApplicationFont(str(found.path))
    if font_id >= 0:
        families = QFontDatabase.applicationFontFamilies(font_id)
        if found.family_name in families:
            family = found.family_name
        elif families:
            family = families[min(found.subfont_index, len(families) - 1)]
    elif found.family_name in QFontDatabase.families():
        family = found.family_name
    if not family:
        warning = fmt(
            QCoreApplication.translate(
                "App", "The Chinese font %1 could not be loaded; Chinese text may not display."
            ),
            str(found.path),
        )
        _app_font = AppFont("", found.path, found.source, warning)
        return _app_font
    font = QFont(app.font())
    others = [name for name in font.families() if name != family]
    font.setFamilies([family, *others] if language == "zh_CN" else [*others, family])
    app.setFont(font)
    _app_font = AppFont(family, found.path, found.source, "")
    return _app_font


def database_url(db: str | None, settings: Settings) -> str | None:
    """``--db``, else ``$ROADSHOW_DESK_DB``, else the database chosen in Settings."""
    from roadshow_desk.store.db import ENV_DB

    return db or os.environ.get(ENV_DB) or settings.database_location or None


def build_main_window(database: Database, settings: Settings, font: AppFont) -> MainWindow:
    """The AppContext and main window over an open database."""
    from roadshow_desk.ui.main_window import MainWindow
    from roadshow_desk.ui.workflow import AppContext

    context = AppContext(database, settings, settings.station_name)
    window = MainWindow(context)
    window.set_font_warning(font.warning)
    return window


def warn_missing_font_once(window: QWidget, settings: Settings, font: AppFont) -> None:
    """Tell the user once, in a message box, that Chinese text cannot be displayed."""
    if not font.warning or settings.value("general/missing_font_warned"):
        return
    settings.set_value("general/missing_font_warned", True)
    QMessageBox.warning(window, QCoreApplication.translate("App", "No Chinese font"), font.warning)


def start(db: str | None = None, lang: str | None = None) -> MainWindow:
    """Show the main window at once, then open the database and build the pages.

    The window appears before SQLAlchemy and the workflow pages are imported (that is most
    of the start-up time), says that it is opening the database, and emits ``ready`` when
    it is complete. When the database cannot be used, the reason is shown with ways back
    (:func:`finish_start`); the window closes (and :func:`run` ends with status 1) only when
    the user chooses to quit.
    """
    from roadshow_desk.ui import error_hook
    from roadshow_desk.ui.main_window import MainWindow, after_first_paint

    app = create_application()
    settings = Settings()
    language = install_language(app, lang, settings)
    font = install_cjk_font(app, settings.cjk_font_file, language)
    window = MainWindow(settings=settings)
    error_hook.install(lambda text: window.show_status(text, 15000))  # errors.log + a sentence
    window.set_font_warning(font.warning)
    window.show_status(QCoreApplication.translate("App", "Opening the database…"), 0)
    window.show()
    after_first_paint(window, lambda: finish_start(window, db, font))
    return window


def finish_start(window: MainWindow, db: str | None, font: AppFont) -> bool:
    """Open the database and complete ``window``; False when it cannot be opened at once.

    A database that cannot be used (not a database, too new, a chosen file that has gone)
    is explained in one sentence, with the ways back of
    :class:`~roadshow_desk.ui.database_recovery.DatabaseRecovery`; the window completes
    when one of them opens a database, and closes only when the user chooses to quit.
    """
    from roadshow_desk.store.db import ENV_DB
    from roadshow_desk.ui.database_recovery import DatabaseRecovery, open_checked

    settings = window.settings
    chosen_in_settings = not db and not os.environ.get(ENV_DB) and settings.database_location
    location = database_url(db, settings) or ""
    database, check, reason = open_checked(location, must_exist=bool(chosen_in_settings))
    if database is not None:
        complete_start(window, database, font)
        return True
    recovery = DatabaseRecovery(window, settings, check, reason)
    recovery.opened.connect(lambda opened: complete_start(window, opened, font))
    recovery.gave_up.connect(window.close)  # the last window: run() returns 1
    recovery.ask()
    return False


def complete_start(window: MainWindow, database: Database, font: AppFont) -> None:
    """Build the pages over the open ``database`` (remembered as the last one that worked)."""
    from roadshow_desk.store.server_login import remember_password
    from roadshow_desk.ui.database_recovery import LAST_GOOD_KEY, demo_database_path
    from roadshow_desk.ui.workflow import AppContext

    settings = window.settings
    if database.path != demo_database_path().resolve():
        # A server's password (given with --db) goes to the 0600 file, never the settings file,
        # so "open the last one that worked" can still log in next time.
        settings.set_value(LAST_GOOD_KEY, remember_password(database.url))
    window.attach(AppContext(database, settings, settings.station_name), defer_pages=True)
    window.statusBar().clearMessage()
    warn_missing_font_once(window, settings, font)


#: Set (to anything) to print ``{"ready": <time.time()>}`` and quit once the window is ready:
#: the frozen build's smoke test and the ``frozen_cold_start`` benchmark, the same code path.
ENV_QUIT_WHEN_READY = "ROADSHOW_DESK_QUIT_WHEN_READY"


def _quit_when_ready(window: MainWindow) -> None:
    import json
    import time

    def report() -> None:
        if sys.stdout is not None:  # a windowed Windows app has none
            print(json.dumps({"ready": time.time()}), flush=True)
        QApplication.quit()

    window.ready.connect(report)


def run(db: str | None = None, lang: str | None = None) -> int:
    """Open the main window and run the event loop; the process exit status."""
    window = start(db, lang)
    if os.environ.get(ENV_QUIT_WHEN_READY):
        _quit_when_ready(window)
    status = QApplication.exec()
    if not window.is_ready:
        return 1
    window.context.database.dispose()
    return status
