"""An error nothing caught in a slot: one sentence on the status bar, the trace in a file."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from sqlalchemy.exc import OperationalError

from roadshow_desk.store import error_log
from roadshow_desk.ui import error_hook


def _raise_in_a_slot(qtbot: Any, error: BaseException) -> tuple[list[str], list[Any]]:
    shown: list[str] = []

    def boom() -> None:
        raise error

    with qtbot.capture_exceptions() as caught:  # pytest-qt's hook: the one ours calls on
        error_hook.install(shown.append)
        QTimer.singleShot(0, boom)  # raised in a slot, as a refresh on a timer would
        qtbot.waitUntil(lambda: bool(caught), timeout=5000)
    return shown, caught


def test_a_bug_in_a_slot_is_logged_and_named_on_the_status_bar(qtbot: Any, english: Any) -> None:
    shown, caught = _raise_in_a_slot(qtbot, ValueError("a bug in a refresh"))
    path = error_log.log_path()
    assert shown == [f"Something went wrong; the details are in {path}."]
    log = path.read_text(encoding="utf-8")
    assert "ValueError: a bug in a refresh" in log and "in boom" in log
    assert [type(exc) for _kind, exc, _tb in caught] == [ValueError]  # still reaches pytest-qt


def test_a_lost_server_is_said_as_such(qtbot: Any, english: Any) -> None:
    error = OperationalError("SELECT 1", {}, Exception("connection refused"))
    shown, caught = _raise_in_a_slot(qtbot, error)
    assert shown == [
        "The database cannot be reached just now; what is shown may be out of date until it "
        "is back."
    ]
    assert "connection refused" in error_log.log_path().read_text(encoding="utf-8")
    assert len(caught) == 1


def test_a_full_log_is_moved_aside(qtbot: Any, monkeypatch: Any) -> None:
    path = error_log.log_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("x" * 200, encoding="utf-8")
    monkeypatch.setattr(error_log, "LOG_LIMIT", 100)
    try:
        raise KeyError("late")
    except KeyError as error:
        error_log.write_log(KeyError, error, error.__traceback__)
    assert path.with_name("errors.log.1").read_text(encoding="utf-8") == "x" * 200
    assert "KeyError: 'late'" in path.read_text(encoding="utf-8")
    recorded = error_log.recorded_errors()
    assert (recorded.count, recorded.last_line) == (1, "KeyError: 'late'")
