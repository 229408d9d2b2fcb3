"""Typed text is never dropped without a word: the pending-edits protocol.

A page (any :class:`~roadshow_desk.ui.workflow.WorkflowPage`, or a part of one) that holds
text the user typed and the database does not have yet implements three methods:

``pending_edits() -> list[str]``
    what is typed and not kept, one short phrase each ("the presenter's notes of …");
    empty when nothing is pending.
``commit_pending() -> bool``
    keep it the way the page keeps edits (an undoable command); False when something
    cannot be kept (the page shows why), so it is still listed by ``pending_edits()``.
``discard_pending() -> None``
    drop it (only after the user agreed).

:func:`settle` is what the window calls before it leaves a page or closes, and what a page
calls before it refills a form: it commits, and asks before anything that could not be
kept is dropped.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


class HoldsPendingEdits(Protocol):
    def pending_edits(self) -> list[str]: ...

    def commit_pending(self) -> bool: ...

    def discard_pending(self) -> None: ...


def settle(parent: QWidget, holders: Sequence[HoldsPendingEdits], *, closing: bool = False) -> bool:
    """Keep what ``holders`` have typed; True when the caller may go on (page switch, close).

    What cannot be kept is listed in a question: Discard drops it and goes on, Cancel stays.
    """
    left = [holder for holder in holders if not holder.commit_pending()]
    described = [text for holder in left for text in holder.pending_edits()]
    if not described:
        return True

    question = (
        QCoreApplication.translate("PendingEdits", "These edits could not be saved:")
        + "\n"
        + "\n".join(f"• {text}" for text in described)
        + "\n\n"
        + (
            QCoreApplication.translate("PendingEdits", "Close the window and discard them?")
            if closing
            else QCoreApplication.translate(
                "PendingEdits",
                "Discard them? (Cancel goes back to them; the page says what is wrong.)",
            )
        )
    )
    answer = QMessageBox.warning(
        parent,
        QCoreApplication.translate("PendingEdits", "Unsaved edits"),
        question,
        QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    if answer != QMessageBox.StandardButton.Discard:
        return False
    for holder in left:
        holder.discard_pending()
    return True
