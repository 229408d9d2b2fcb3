"""Errors that carry one sentence for the user (already translated)."""

from __future__ import annotations


class InputError(Exception):
    """The input file or data cannot be used; nothing was written.

    The message is one clear sentence in the user's language. The CLI prints it and exits
    with status 1; the window shows it in a message box.
    """
