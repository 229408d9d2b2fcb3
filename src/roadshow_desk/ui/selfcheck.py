"""Help ▸ Self-check: the report of ``documents.selfcheck`` in a dialog, plus what only Qt
can tell (the translations loaded, the printers); :func:`install` adds the menu entry
(listed in ``main_window.WINDOW_CONTROLLERS``). The CLI's ``selfcheck`` uses the same
helpers, importing Qt only inside the command."""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from roadshow_desk.documents.selfcheck import FAILED, OK, SelfCheck, Translations, run_selfcheck
from roadshow_desk.ui.translations import I18N_DIR, resolve_language

if TYPE_CHECKING:
    from roadshow_desk.ui.main_window import MainWindow


def translations_found(lang: str | None) -> Translations:
    """Which catalogues load for ``lang`` (the app's and Qt's own ``qtbase_*.qm``)."""
    language = resolve_language(lang)
    if language == "en":
        return Translations(language, [], None)
    app = [
        qm.name for qm in sorted(I18N_DIR.glob(f"*_{language}.qm")) if QTranslator().load(str(qm))
    ]
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_file = None
    for base in ("qtbase", "qt"):
        translator = QTranslator()
        if translator.load(f"{base}_{language}", qt_dir):
            qt_file = Path(translator.filePath()).name or f"{base}_{language}.qm"
            break
    return Translations(language, app, qt_file)


def printers_found() -> tuple[list[str] | None, str]:
    """The printers Qt sees and the default one (QtPrintSupport is imported only here)."""
    try:
        from PySide6.QtPrintSupport import QPrinterInfo
    except ImportError:
        return None, ""
    return list(QPrinterInfo.availablePrinterNames()), QPrinterInfo.defaultPrinterName()


def collect(database: str | None, lang: str | None, font: str | None = None) -> SelfCheck:
    """The whole self-check (a QCoreApplication must exist for the printers)."""
    printers, default = printers_found()
    return run_selfcheck(
        database,
        font=font,
        translations=translations_found(lang),
        printers=printers,
        default_printer=default,
    )


class SelfCheckDialog(QDialog):
    """The self-check as a table, with a button that copies it as text for support."""

    def __init__(self, report: SelfCheck, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SelfCheckDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # one per menu choice
        self.setWindowTitle(self.tr("Self-check"))
        self.report = report
        self.text_report = QTextBrowser(self)
        self.text_report.setObjectName("text_report")
        self.button_box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = self.button_box.addButton(
            self.tr("&Copy"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.copy_button.clicked.connect(self.copy)
        self.button_box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text_report)
        layout.addWidget(self.button_box)
        marks = {OK: "✓", FAILED: "✗"}
        rows = "".join(
            f"<tr><td>{marks.get(c.status, '!')}</td><td><b>{html.escape(c.label)}</b></td>"
            f"<td>{html.escape(c.text)}</td></tr>"
            for c in report.checks
        )
        verdict = (
            self.tr("Ready: every required check passed.")
            if report.ok
            else self.tr("Not ready: fix the checks marked ✗.")
        )
        self.text_report.setHtml(
            f"<table cellspacing='4'>{rows}</table><p><b>{html.escape(verdict)}</b></p>"
        )
        self.resize(720, 360)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.report.as_text())


def open_selfcheck(window: MainWindow) -> SelfCheckDialog:
    context = window.context
    chinese = QLocale().language() == QLocale.Language.Chinese  # set by install_translators
    report = collect(
        context.database.url, "zh_CN" if chinese else "en", context.settings.cjk_font_file
    )
    dialog = SelfCheckDialog(report, window)
    dialog.open()
    return dialog


def install(window: MainWindow) -> QAction:
    """Add Help ▸ Self-check… above About."""
    action = QAction(QCoreApplication.translate("SelfCheckDialog", "&Self-check…"), window)
    action.setObjectName("action_selfcheck")
    action.triggered.connect(lambda _checked=False: open_selfcheck(window))
    window.help_menu.insertAction(window.about_action, action)
    window.selfcheck_action = action
    return action
