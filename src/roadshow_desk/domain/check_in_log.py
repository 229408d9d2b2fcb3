"""The check-ins a registration has seen, which were taken back, and the one that counts.

A registration shows one check-in (``checked_in_at``, ``checked_in_station``): the earliest
one that was not taken back ("first wins": two desks scanning the same badge keep one
check-in). Behind it, ``Registration.check_ins`` keeps, when there is more to say than that
one check-in, every check-in the registration has seen as an entry::

    {"at": ISO time, "station": "A", "undone_at": ISO time | None, "redone_at": ISO time | None}

keyed by its time and station. An undo at the desk stamps the entry's ``undone_at``, a redo
its ``redone_at``; an entry counts unless its latest undo is later than its latest redo.
So an undo wins over the check-in it takes back wherever that check-in turns up again (an
older bundle), a new check-in after the undo is a new entry and counts, and a check-in of
another desk that the undo did not name still stands.

Two versions of the log merge by taking, per entry, the later ``undone_at`` and the later
``redone_at`` (:func:`join`): symmetric, and merging a version again changes nothing. A
log with nothing more than the shown check-in is stored as ``None``, as older bundles
(which lack the field) have it. Pure functions over JSON values; no Qt, no database.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

Key = tuple[str, str]
Entry = dict[str, Any]
State = dict[Key, Entry]


def iso(value: Any) -> str | None:
    """A time (``datetime`` or ISO text, ``T`` or space) as one ISO text; ``None`` kept."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.isoformat()
    return dt.datetime.fromisoformat(str(value)).isoformat()


def _later(a: str | None, b: str | None) -> str | None:
    if a is None:
        return b
    if b is None:
        return a
    return max(a, b)


def _entry(at: str, station: str, undone_at: Any = None, redone_at: Any = None) -> Entry:
    return {"at": at, "station": station, "undone_at": iso(undone_at), "redone_at": iso(redone_at)}


def _one(entry: Entry) -> State:
    return {(entry["at"], entry["station"]): entry}


def _add(state: State, entry: Entry) -> None:
    key = (entry["at"], entry["station"])
    held = state.get(key)
    if held is None:
        state[key] = entry
        return
    state[key] = _entry(
        key[0],
        key[1],
        _later(held["undone_at"], entry["undone_at"]),
        _later(held["redone_at"], entry["redone_at"]),
    )


def state_of(at: Any, station: Any, log: Any) -> State:
    """Every check-in a version knows: its log's entries and the check-in it shows."""
    state: State = {}
    for item in log or ():
        when = iso(item.get("at"))
        if when is not None:
            _add(
                state,
                _entry(
                    when,
                    str(item.get("station") or ""),
                    item.get("undone_at"),
                    item.get("redone_at"),
                ),
            )
    shown = iso(at)
    if shown is not None:
        _add(state, _entry(shown, str(station or "")))
    return state


def join(*states: State) -> State:
    """The check-ins all versions know, each with its latest undo and redo."""
    joined: State = {}
    for state in states:
        for entry in state.values():
            _add(joined, entry)
    return joined


def counts(entry: Entry) -> bool:
    """Whether a check-in counts: never taken back, or brought back after its last undo."""
    undone, redone = entry["undone_at"], entry["redone_at"]
    return undone is None or (redone is not None and redone > undone)


def live(state: State) -> list[Key]:
    """The check-ins that count, earliest first."""
    return sorted(key for key, entry in state.items() if counts(entry))


def settle(state: State) -> tuple[str | None, str, list[Entry] | None]:
    """(check-in time, station, log) a registration stores for ``state``: the earliest
    check-in that counts (``None``, ``""`` when none does) and the log (``None`` when it
    would say no more than that check-in)."""
    alive = live(state)
    at, station = alive[0] if alive else (None, "")
    stamped = any(e["undone_at"] or e["redone_at"] for e in state.values())
    log = [state[key] for key in sorted(state)] if stamped or len(state) > 1 else None
    return at, station, log


def take_back(state: State, at: Any, station: str, when: dt.datetime) -> State:
    """``state`` with the check-in (``at``, ``station``) taken back at ``when``."""
    return join(state, _one(_entry(iso(at) or "", station, undone_at=when)))


def bring_back(state: State, at: Any, station: str, when: dt.datetime) -> State:
    """``state`` with the check-in (``at``, ``station``) done again at ``when`` (a redo)."""
    return join(state, _one(_entry(iso(at) or "", station, redone_at=when)))


def decoded(at: str | None) -> dt.datetime | None:
    """A settled check-in time as the column's value."""
    return None if at is None else dt.datetime.fromisoformat(at)
