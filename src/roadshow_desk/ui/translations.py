"""Loading the translations: the app's catalogues (one per area) and Qt's own.

Chinese (zh_CN) is the default on a Chinese system, English otherwise; ``--lang`` or the
settings choose explicitly. The same catalogues translate the CLI's messages and the text
that the layers below ``ui/`` produce (through :mod:`roadshow_desk.i18n`).
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from roadshow_desk import i18n
from roadshow_desk.paths import resource_path

I18N_DIR = resource_path("i18n")
SUPPORTED = ("zh_CN", "en")

_installed: list[QTranslator] = []


def system_language() -> str:
    """``zh_CN`` on a Chinese system, ``en`` otherwise."""
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def resolve_language(lang: str | None) -> str:
    if lang in SUPPORTED:
        return lang
    return system_language()


def _load_catalogues(lang: str) -> list[QTranslator]:
    translators: list[QTranslator] = []
    if lang == "en":
        return translators
    for qm in sorted(I18N_DIR.glob(f"*_{lang}.qm")):
        translator = QTranslator()
        if translator.load(str(qm)):
            translators.append(translator)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for base in ("qtbase", "qt"):
        translator = QTranslator()
        if translator.load(f"{base}_{lang}", qt_dir):
            translators.append(translator)
            break
    return translators


def _translators_hook(translators: list[QTranslator]) -> i18n.TranslateHook:
    def hook(context: str, text: str, disambiguation: str | None, n: int) -> str:
        for translator in translators:
            result = translator.translate(context, text, disambiguation, n)
            if result:  # QTranslator leaves %n to QCoreApplication.translate: replace it here
                return result.replace("%n", str(n)) if n >= 0 else result
        return text.replace("%n", str(n)) if n >= 0 else text

    return hook


_language_hooks: dict[str, i18n.TranslateHook] = {}
_language_lock = threading.Lock()


def language_hook(lang: str) -> i18n.TranslateHook:
    """The translation hook of ``lang`` (for documents in the event's language), cached."""
    language = lang if lang in SUPPORTED else "zh_CN"
    with _language_lock:
        if language not in _language_hooks:
            _language_hooks[language] = _translators_hook(_load_catalogues(language))
        return _language_hooks[language]


def install_translation_hook(lang: str | None) -> str:
    """Translate :func:`roadshow_desk.i18n.translate` calls without a QCoreApplication."""
    language = resolve_language(lang)
    translators = _load_catalogues(language)
    i18n.install_hook(_translators_hook(translators), language_hook)
    _installed[:] = translators
    return language


def install_translators(app: QCoreApplication, lang: str | None) -> str:
    """Install the catalogues on ``app`` (for ``tr()``) and route ``i18n.translate``."""
    for old in _installed:
        app.removeTranslator(old)
    language = install_translation_hook(lang)
    for translator in _installed:
        app.installTranslator(translator)
    if language == "zh_CN":
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))

    def hook(context: str, text: str, disambiguation: str | None, n: int) -> str:
        return QCoreApplication.translate(context, text, disambiguation, n)

    for document_language in SUPPORTED:  # loaded here, in the GUI thread, not in a worker
        language_hook(document_language)
    i18n.install_hook(hook, language_hook)
    return language
