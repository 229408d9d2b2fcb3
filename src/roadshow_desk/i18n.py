"""Translation of user-visible text below ``ui/`` without importing Qt.

Modules that produce text a user reads (reasons in a rejects report, CLI errors, labels of
enum values) call :func:`translate` with a context and an English source text;
``pyside6-lupdate`` extracts these calls into the ``.ts`` files like any ``self.tr()``.
The application (``ui.translations``) installs a hook that looks the text up in the loaded
Qt translators; without a hook the English text is returned, so the domain stays testable
without Qt.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

TranslateHook = Callable[[str, str, str | None, int], str]
LanguageLoader = Callable[[str], TranslateHook]

_hook: TranslateHook | None = None
_loader: LanguageLoader | None = None
_local = threading.local()


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """Translate ``text`` of ``context``; ``%n`` is replaced by ``n`` as Qt does."""
    hook = getattr(_local, "hook", None) or _hook
    if hook is not None:
        return hook(context, text, disambiguation, n)
    if n >= 0:
        return text.replace("%n", str(n))
    return text


_PLACEHOLDER = re.compile(r"%(\d{1,2})")


def fmt(text: str, *args: object) -> str:
    """Fill the placeholders ``%1``, ``%2`` … of a translated ``text`` with ``args``, in one
    pass as Qt's multi-argument ``QString::arg`` does: a value that itself contains ``%2``
    (a file name, an enterprise's name) is never filled again. A placeholder without an
    argument stays as it is; the translation may put the placeholders in any order."""

    def fill(match: re.Match[str]) -> str:
        index = int(match.group(1))
        return str(args[index - 1]) if 0 < index <= len(args) else match.group(0)

    return _PLACEHOLDER.sub(fill, text)


def install_hook(hook: TranslateHook | None, loader: LanguageLoader | None = None) -> None:
    """Route :func:`translate` through ``hook`` (``None`` restores English); ``loader`` gives
    the hook of another language for :func:`language` (documents in the event's language)."""
    global _hook, _loader
    _hook = hook
    _loader = loader


@contextmanager
def language(lang: str | None) -> Iterator[None]:
    """Translate into ``lang`` (``zh_CN`` or ``en``) in this thread while the block runs,
    whatever the interface's language: printed documents speak the event's language.
    Without ``lang``, or without catalogues (no hook installed), nothing changes."""
    if not lang or _loader is None:
        yield
        return
    previous = getattr(_local, "hook", None)
    _local.hook = _loader(lang)
    try:
        yield
    finally:
        _local.hook = previous


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for extraction without translating it now (translate it when shown)."""
    return text


@contextmanager
def interface_language() -> Iterator[None]:
    """Translate into the interface's language inside a :func:`language` block: what the
    user reads on the screen (a document's problem) is in their language, not the event's."""
    previous = getattr(_local, "hook", None)
    _local.hook = None
    try:
        yield
    finally:
        _local.hook = previous
