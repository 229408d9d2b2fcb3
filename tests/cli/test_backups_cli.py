"""``roadshow-desk backups``: the backups in local time with what they preceded; ``--json``."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from roadshow_desk.store.db import open_database

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"


def cli(*args: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, ROADSHOW_DESK_DATA_DIR=str(tmp_path / "data"), TZ="Asia/Shanghai")
    env.pop("ROADSHOW_DESK_DB", None)
    return subprocess.run(
        [sys.executable, "-m", "roadshow_desk", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


def test_an_import_leaves_a_backup_the_listing_shows(tmp_path: Path) -> None:
    target = tmp_path / "fair.sqlite3"
    open_database(str(target)).dispose()
    empty = cli("backups", "--db", str(target), tmp_path=tmp_path)
    assert empty.returncode == 0, empty.stderr
    assert empty.stdout.strip() == f"No backups yet in {tmp_path / 'backups'}."
    source = tmp_path / "list.csv"
    shutil.copy(FIXTURES / "patentics_ragged.csv", source)
    imported = cli("import", str(source), "--db", str(target), tmp_path=tmp_path)
    assert imported.returncode == 0, imported.stderr
    # a name from another time, to check the local time (UTC+8 here)
    shutil.copy(target, tmp_path / "backups" / "fair-20261207-020000-000000-before-merge.sqlite3")

    listed = cli("backups", "--db", str(target), "--json", tmp_path=tmp_path)
    assert listed.returncode == 0, listed.stderr
    payload = json.loads(listed.stdout)
    assert payload["folder"] == str(tmp_path / "backups")
    kinds = [(backup["kind"], backup["reason"]) for backup in payload["backups"]]
    assert ("import", "before-import") in kinds and ("merge", "before-merge") in kinds
    merge = next(b for b in payload["backups"] if b["kind"] == "merge")
    assert merge["taken_at"] == "2026-12-07T02:00:00+00:00"
    assert merge["local_time"] == "2026-12-07T10:00:00+08:00"

    text = cli("backups", "--db", str(target), tmp_path=tmp_path)
    assert text.returncode == 0, text.stderr
    assert "2026-12-07 10:00:00  before a merge  " in text.stdout
    assert "before an import" in text.stdout
