"""Keys as people and devices press them: to whichever widget has the focus at that moment.

Imported by the capture, console and two-screen tests (tests/ui is on sys.path).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget


class KeyClock:
    """A scanner detector's clock in tests: key presses 5 ms apart (a scanner's pace),
    whatever the load on the test machine; :meth:`pause` stands for a hesitation or a stall."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        self.now += 0.005
        return self.now

    def pause(self, seconds: float) -> None:
        self.now += seconds


def focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def type_text(qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type into the focused widget: ASCII as key presses, Chinese through the input method
    (as a pinyin IME commits it)."""
    if text.isascii():
        qtbot.keyClicks(focus(), text)
        return
    from PySide6.QtGui import QInputMethodEvent

    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(focus(), event)


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    """One key (a person's, or a clicker's) to the focused widget."""
    qtbot.keyClick(focus(), key, modifier)


def scan(
    qtbot,  # type: ignore[no-untyped-def]
    code: str,
    *,
    after_each: Callable[[str], None] | None = None,
    stall_after: int | None = None,
    clock: KeyClock | None = None,
    stall_seconds: float = 0.9,
) -> None:
    """What a USB scanner does: the code's characters with no delay, then Enter, each to
    whichever widget has the focus at that moment. ``after_each(character)`` runs after every
    key (to check where things are); ``stall_after=n`` makes the GUI thread look busy for
    ``stall_seconds`` after the n-th character (``clock`` is the detector's clock)."""
    for index, character in enumerate(code, start=1):
        qtbot.keyClick(focus(), character)
        if after_each is not None:
            after_each(character)
        if stall_after == index and clock is not None:
            clock.pause(stall_seconds)
    qtbot.keyClick(focus(), Qt.Key.Key_Return)
    if after_each is not None:
        after_each("\n")


def ambiguous_shortcuts(window: QWidget) -> list[str]:
    """Shortcuts of ``window`` that Qt would find ambiguous ("Ambiguous shortcut overload",
    and nothing happens): two actions or QShortcuts with the same key that can be active at
    the same moment. Only what is visible now counts (the current page, its toolbar
    actions). A window-wide shortcut clashes with any other; two widget-bound ones clash
    when one widget is (inside) the other."""
    from PySide6.QtGui import QAction, QKeySequence, QShortcut

    Context = Qt.ShortcutContext
    entries: list[tuple[str, object, QWidget | None, str]] = []  # key, owner, scope, name

    def add(owner: object, keys: list[QKeySequence], context: Qt.ShortcutContext,
            widgets: list[QWidget], name: str) -> None:  # fmt: skip
        live = [w for w in widgets if w.isVisible() and w.window() is window]
        if not live:
            return
        for sequence in keys:
            if sequence.isEmpty():
                continue
            text = sequence.toString(QKeySequence.SequenceFormat.PortableText)
            if context in (Context.WindowShortcut, Context.ApplicationShortcut):
                entries.append((text, owner, None, name))
            else:
                entries.extend((text, owner, widget, name) for widget in live)

    actions = set(window.findChildren(QAction))
    for widget in [window, *window.findChildren(QWidget)]:
        actions.update(widget.actions())
    for action in actions:
        widgets = [o for o in action.associatedObjects() if isinstance(o, QWidget)]
        name = action.objectName() or action.text()
        add(action, action.shortcuts(), action.shortcutContext(), widgets, name)
    for shortcut in window.findChildren(QShortcut):
        parent = shortcut.parent()
        if isinstance(parent, QWidget) and shortcut.isEnabled():
            name = shortcut.objectName() or f"QShortcut on {parent.objectName()}"
            add(shortcut, shortcut.keys(), shortcut.context(), [parent], name)

    def overlap(a: QWidget | None, b: QWidget | None) -> bool:
        if a is None or b is None:
            return True
        return a is b or a.isAncestorOf(b) or b.isAncestorOf(a)

    clashes = set()
    for index, (key, owner, scope, name) in enumerate(entries):
        for other_key, other_owner, other_scope, other_name in entries[index + 1 :]:
            if key == other_key and owner is not other_owner and overlap(scope, other_scope):
                clashes.add(f"{key}: {' / '.join(sorted((name, other_name)))}")
    return sorted(clashes)


def mnemonic_clashes(window: QWidget) -> list[str]:
    """Alt+letter keys that two things visible in ``window`` now both claim: the menu bar's
    menus, buttons (push, check, radio, tool), group boxes, tabs, and labels with a buddy.
    Qt answers such a clash by moving the focus between them instead of doing either."""
    from PySide6.QtGui import QKeySequence
    from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QMenuBar, QTabBar

    claims: dict[str, list[str]] = {}

    def claim(text: str, who: str) -> None:
        key = QKeySequence.mnemonic(text).toString(QKeySequence.SequenceFormat.PortableText)
        if key:
            claims.setdefault(key.upper(), []).append(f"{who} {text!r}")

    def shown(widget: QWidget) -> bool:
        return widget.isVisible() and widget.window() is window

    for widget in [window, *window.findChildren(QWidget)]:
        if not shown(widget):
            continue
        name = widget.objectName() or type(widget).__name__
        if isinstance(widget, QMenuBar):
            for action in widget.actions():
                if action.isVisible():
                    claim(action.text(), "menu")
        elif isinstance(widget, QAbstractButton):
            claim(widget.text(), name)
        elif isinstance(widget, QGroupBox):
            claim(widget.title(), name)
        elif isinstance(widget, QTabBar):
            for tab in range(widget.count()):
                if widget.isTabVisible(tab):
                    claim(widget.tabText(tab), f"{name} tab")
        elif isinstance(widget, QLabel):
            buddy = widget.buddy()
            if buddy is not None and widget.textFormat() != Qt.TextFormat.RichText:
                claim(widget.text(), name)
    return sorted(f"{key}: {' / '.join(who)}" for key, who in claims.items() if len(who) > 1)
