"""``roadshow-desk demo`` and ``shot`` from the command line: exit statuses and messages."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, select

from roadshow_desk.domain.models import Patent
from roadshow_desk.store.db import open_database


def cli(*args: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, ROADSHOW_DESK_DATA_DIR=str(tmp_path / "data"))
    return subprocess.run(
        [sys.executable, "-m", "roadshow_desk", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


def test_demo_fills_an_empty_database_once(tmp_path: Path) -> None:
    target = tmp_path / "fair.sqlite3"
    first = cli("demo", "--db", str(target), tmp_path=tmp_path)
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith(f"Demo fair written to {target}: 60 patents")
    database = open_database(f"sqlite:///{target}")
    try:
        with database.session() as session:
            assert session.scalar(select(func.count()).select_from(Patent)) == 60
    finally:
        database.dispose()
    second = cli("demo", "--db", str(target), tmp_path=tmp_path)
    assert second.returncode == 1
    assert second.stdout == ""
    assert second.stderr.strip().count("\n") == 0 and "empty database" in second.stderr


def test_demo_in_chinese(tmp_path: Path) -> None:
    result = cli("--lang", "zh_CN", "demo", "--db", str(tmp_path / "zh.sqlite3"), tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("演示对接会已写入")


def test_shot_with_a_bad_size_is_a_usage_error(tmp_path: Path) -> None:
    result = cli("shot", str(tmp_path / "x.png"), "--size", "big", tmp_path=tmp_path)
    assert result.returncode == 2
    assert "1280x800" in result.stderr
