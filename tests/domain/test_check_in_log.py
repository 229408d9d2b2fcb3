"""The check-in log's rules as pure functions (``domain.check_in_log``)."""

from __future__ import annotations

import datetime as dt
import itertools

from roadshow_desk.domain.check_in_log import (
    bring_back,
    join,
    settle,
    state_of,
    take_back,
)

T1 = dt.datetime(2026, 12, 3, 1, 32)
T2 = dt.datetime(2026, 12, 3, 1, 40)
UNDO = dt.datetime(2026, 12, 3, 1, 45)
REDO = dt.datetime(2026, 12, 3, 1, 50)


def test_a_plain_check_in_has_no_log_and_two_keep_the_earliest() -> None:
    assert settle(state_of(T1, "A", None)) == (T1.isoformat(), "A", None)
    assert settle(state_of(None, "", None)) == (None, "", None)
    at, station, log = settle(join(state_of(T2, "A", None), state_of(T1, "B", None)))
    assert (at, station) == (T1.isoformat(), "B")
    assert log is not None and len(log) == 2  # the later one is remembered, not shown


def test_an_undo_wins_over_its_check_in_and_a_redo_over_the_undo() -> None:
    checked = state_of(T1, "A", None)
    undone = take_back(checked, T1, "A", UNDO)
    assert settle(join(checked, undone))[:2] == (None, "")
    assert settle(join(undone, checked))[:2] == (None, "")
    redone = bring_back(undone, T1, "A", REDO)
    assert settle(join(checked, undone, redone))[:2] == (T1.isoformat(), "A")
    other = state_of(T2, "B", None)  # a check-in the undo did not name stands
    assert settle(join(undone, other))[:2] == (T2.isoformat(), "B")


def test_join_is_symmetric_and_idempotent() -> None:
    states = [
        state_of(T1, "A", None),
        take_back(state_of(T1, "A", None), T1, "A", UNDO),
        state_of(T2, "B", None),
        bring_back(take_back(state_of(T1, "A", None), T1, "A", UNDO), T1, "A", REDO),
    ]
    results = {repr(settle(join(*order))) for order in itertools.permutations(states)}
    assert len(results) == 1
    once = join(*states)
    assert settle(join(once, once)) == settle(once)
    at, station, log = settle(once)
    assert settle(state_of(at, station, log)) == settle(once)  # stored and read back
