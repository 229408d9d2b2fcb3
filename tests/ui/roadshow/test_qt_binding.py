"""The Qt binding keeps None alive: PySide6 6.12.0 under Python 3.11 does not (pinned out)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_void_qt_calls_do_not_lose_references_to_none(qapp) -> None:  # type: ignore[no-untyped-def]
    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("a")  # a void method: 6.12.0 drops one reference to None per call
    assert sys.getrefcount(None) >= before - 100
