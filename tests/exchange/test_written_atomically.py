"""Exports replace their file whole or not at all (exchange.writers.written_atomically)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from roadshow_desk.errors import InputError
from roadshow_desk.exchange.writers import write_table, written_atomically


def test_a_file_open_elsewhere_is_one_sentence_and_keeps_the_old_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "意向.xlsx"
    target.write_bytes(b"old")

    def locked(*_args: object) -> None:
        raise PermissionError(13, "locked by a spreadsheet program")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(InputError, match=r"^“意向\.xlsx” cannot be written; it may be open"):
        write_table(target, ["a"], [["1"]])
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["意向.xlsx"]  # no temporary left


def test_a_failing_writer_leaves_neither_file_nor_temporary(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    with pytest.raises(RuntimeError), written_atomically(target) as temporary:
        temporary.write_text("half")
        raise RuntimeError("the writer failed")
    assert list(tmp_path.iterdir()) == []
    with written_atomically(target) as temporary:
        temporary.write_text("whole")
    assert target.read_text() == "whole"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]
