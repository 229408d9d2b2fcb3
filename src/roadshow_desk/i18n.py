"""Translation of user-visible text below ``ui/`` without importing Qt.

Modules that produce text a user reads (reasons in a rejects report, CLI errors, labels of
enum values) call :func:`translate` with a context and an English source text;
``pyside6-lupdate`` extracts these calls into the ``.ts`` files like any ``self.tr()``.
The application (``ui.translations``) installs a hook that looks the text up in the loaded
Qt translators; without a hook the English text is returned, so the domain stays testable
without Qt.
"""

from __future__ import annotations

from collections.abc import Callable

TranslateHook = Callable[[str, str, str | None, int], str]

_hook: TranslateHook | None = None


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """Translate ``text`` of ``context``; ``%n`` is replaced by ``n`` as Qt does."""
    if _hook is not None:
        return _hook(context, text, disambiguation, n)
    if n >= 0:
        return text.replace("%n", str(n))
    return text


def install_hook(hook: TranslateHook | None) -> None:
    """Route :func:`translate` through ``hook`` (``None`` restores English)."""
    global _hook
    _hook = hook


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for extraction without translating it now (translate it when shown)."""
    return text
