"""Render one view of the app offscreen to a PNG (``roadshow-desk shot``), for docs and checks.

The views are the main window's pages (by ``view_name``) and the extra views in
:data:`SHOT_VIEWS`: ``"name": "module:function"``, where ``function(window, size)`` receives
the main window (already showing its first page) and the requested :class:`QSize`, and returns
the widget to capture, shown and laid out (a dialog, the audience display...). A shot never
reads or changes the user's settings: it runs with a private, temporary settings file.
"""

from __future__ import annotations

import sys
import tempfile
import threading
import time
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEventLoop,
    QMessageLogContext,
    QSettings,
    QSize,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication, QWidget

from roadshow_desk.i18n import fmt
from roadshow_desk.ui.main_window import WORKFLOW_PAGES, load_object

#: Views that are not pages: "name" -> "module:function(window, size) -> QWidget".
SHOT_VIEWS: dict[str, str] = {
    "settings": "roadshow_desk.ui.settings_dialog:shot_view",
    "about": "roadshow_desk.ui.about:shot_view",
    "audience": "roadshow_desk.ui.roadshow.shots:shot_audience",
    "presenter": "roadshow_desk.ui.roadshow.shots:shot_presenter",
    "print-preview": "roadshow_desk.ui.printing.page:shot_preview",
}


#: Messages of the offscreen platform that say nothing about the shot.
_OFFSCREEN_NOISE = ("This plugin does not support",)


def _quiet_offscreen(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    if not message.startswith(_OFFSCREEN_NOISE):
        print(message, file=sys.stderr)


class ShotError(Exception):
    """The shot cannot be made; the message is one sentence for the user."""


def page_views() -> list[str]:
    return [load_object(spec).view_name for spec in WORKFLOW_PAGES]


def available_views() -> list[str]:
    return page_views() + [name for name in SHOT_VIEWS if name not in page_views()]


#: How long a shot lets the window work before it is captured: at least longer than every
#: debounce timer of the pages (the match suggestions wait 120 ms, the bundles view 400 ms),
#: and then until the work the window started on other threads (the results page's chart,
#: the match suggestions on a server) has ended and been shown, at most SETTLE_LIMIT seconds.
#: So a shot shows the settled window, the same on a busy machine as on an idle one.
SETTLE_SECONDS = 0.6
SETTLE_LIMIT = 15.0
_QUIET_SECONDS = 0.25


def _settle(app: QCoreApplication, seconds: float = SETTLE_SECONDS) -> None:
    started = time.monotonic()
    quiet_since: float | None = None
    app.processEvents()
    while True:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.01)
        now = time.monotonic()
        if threading.active_count() > _threads_before:
            quiet_since = None
        elif quiet_since is None:
            quiet_since = now
        if now - started >= SETTLE_LIMIT:
            break
        if now - started >= seconds and quiet_since and now - quiet_since >= _QUIET_SECONDS:
            break
    app.processEvents()


#: Threads alive before the shot's window existed (``_settle`` waits for the window's own).
_threads_before = 1


def render_shot(
    out: Path,
    *,
    view: str = "library",
    size: QSize | None = None,
    db: str | None = None,
    lang: str | None = None,
) -> tuple[Path, str]:
    """Render ``view`` to ``out`` (PNG); returns the path and a font warning ("" if none).

    Raises :class:`ShotError` for an unknown view or a database that cannot be opened.
    """
    from roadshow_desk.store.db import DatabaseError, open_database
    from roadshow_desk.ui.app import (
        build_main_window,
        create_application,
        database_url,
        install_cjk_font,
        install_language,
    )
    from roadshow_desk.ui.settings import Settings

    size = size or QSize(1280, 800)
    if view not in available_views():
        raise ShotError(view)
    global _threads_before
    app = create_application()
    _threads_before = threading.active_count()
    previous_handler = qInstallMessageHandler(_quiet_offscreen)
    with tempfile.TemporaryDirectory(prefix="roadshow-shot-") as folder:
        qsettings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        settings = Settings(qsettings)
        language = install_language(app, lang, settings)
        font = install_cjk_font(app, "", language)
        try:
            database = open_database(database_url(db, settings))
        except DatabaseError as exc:
            raise ShotError(str(exc)) from exc
        window = build_main_window(database, settings, font)
        try:
            window.resize(size)
            window.show()
            _settle(app)
            target: QWidget = window
            if view in page_views():
                window.show_page(view)
            else:
                target = load_object(SHOT_VIEWS[view])(window, size)
            _settle(app)
            out.parent.mkdir(parents=True, exist_ok=True)
            if not target.grab().save(str(out), "PNG"):
                raise ShotError(
                    fmt(QCoreApplication.translate("Shot", "Cannot write %1."), str(out))
                )
            if target is not window:
                target.close()
                target.deleteLater()
        finally:
            window.context.undo_stack.clear()
            window.close()
            window.deleteLater()
            _settle(app, 0)
            database.dispose()
            del qsettings
            qInstallMessageHandler(previous_handler)
    return out, font.warning


def shot_dialog(dialog: QWidget) -> QWidget:
    """Show a dialog non-modally, laid out, for :data:`SHOT_VIEWS` functions."""
    dialog.show()
    app = QApplication.instance()
    if app is not None:
        _settle(app)
    return dialog
