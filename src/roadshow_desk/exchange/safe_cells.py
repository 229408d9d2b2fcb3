"""Formula-injection safety for cells we write, and undoing it when we read them back.

A spreadsheet program runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a formula
(and a leading tab or carriage return can hide one). Every CSV cell an export or a rejects
report writes goes through :func:`neutralise`, which puts a single quote in front of such a
value. An ``.xlsx`` file stores text cells as text (never a formula), so those go through
:func:`xlsx_text` instead and need no quote. :func:`unneutralise` removes exactly that
quote on import ("clearly our neutralisation": a quote followed by one of those
characters), and Excel's text-forcing
wrapper ``="..."`` that some exports write around numbers, so export → import gives back
the same text.
"""

from __future__ import annotations

from typing import Any

#: Characters that make a spreadsheet treat a cell as a formula.
DANGEROUS_FIRST = frozenset("=+-@\t\r")


def neutralise(value: Any) -> Any:
    """``value`` made safe to write as a cell: text starting with a formula character gets a
    leading ``'``; anything else (numbers, dates, ordinary text) is returned unchanged."""
    if (
        isinstance(value, str)
        and value
        and (value[0] in DANGEROUS_FIRST or (value[0] == "'" and _quoted_formula(value)))
    ):
        return "'" + value
    return value


def xlsx_text(value: str) -> str:
    """``value`` for an ``.xlsx`` *text* cell. A text cell is never run as a formula, so it
    is written as it is (a phone ``+86 …`` stays ``+86 …``); only text that already starts
    with quotes before a formula character gets one more, so that :func:`unneutralise` on
    import gives it back exactly."""
    if value[:1] == "'" and _quoted_formula(value):
        return "'" + value
    return value


def _quoted_formula(text: str) -> bool:
    """``'=...``, ``''=...``: quotes then a formula character (so a quote is added and
    removed again on import, and such text round-trips exactly)."""
    stripped = text.lstrip("'")
    return bool(stripped) and stripped[0] in DANGEROUS_FIRST


def unneutralise(text: str) -> str:
    """Undo :func:`neutralise` and Excel's ``="..."`` text wrapper; other text unchanged."""
    if len(text) >= 2 and text[0] == "'" and _quoted_formula(text):
        return text[1:]
    if len(text) >= 3 and text.startswith('="') and text.endswith('"'):
        inner = text[2:-1]
        if '"' not in inner.replace('""', ""):
            return inner.replace('""', '"')
    return text


def is_dangerous(value: Any) -> bool:
    """Whether a spreadsheet would read ``value`` as a formula."""
    return isinstance(value, str) and bool(value) and value[0] in DANGEROUS_FIRST
