"""A merge killed with SIGKILL at random moments leaves the database as it was before the
merge or fully merged, and it opens cleanly (#13, tests that must exist)."""

from __future__ import annotations

import contextlib
import os
import queue
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import insert

from bundle_data import make_base, station_copy
from roadshow_desk.domain.enums import FollowUpStage, IntentionKind
from roadshow_desk.domain.models import Intention, new_uuid, utcnow
from roadshow_desk.exchange.bundle_export import export_bundle
from roadshow_desk.store.db import open_database

KILLS = 20
INTENTIONS = 600
CHILD = Path(__file__).with_name("bundle_merge_child.py")

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork (POSIX)")


def _reader(stream, lines: queue.Queue[str]) -> None:  # type: ignore[no-untyped-def]
    for line in stream:
        lines.put(line.rstrip("\n"))
    lines.put("")


def _next(lines: queue.Queue[str]) -> str:
    line = lines.get(timeout=30)
    if line == "":
        raise AssertionError("the merger's zygote stopped")
    return line


def _state(path: Path) -> tuple[str, int, int]:
    connection = sqlite3.connect(path)
    try:
        return (
            connection.execute("PRAGMA integrity_check").fetchone()[0],
            connection.execute("SELECT count(*) FROM intention").fetchone()[0],
            connection.execute("SELECT count(*) FROM bundle_receipt").fetchone()[0],
        )
    finally:
        connection.close()


def test_merge_killed_at_random_moments_is_all_or_nothing(tmp_path: Path) -> None:
    base = make_base(tmp_path)
    desk = station_copy(base, tmp_path, "A")
    now = utcnow()
    with desk.session() as session:
        session.execute(
            insert(Intention),
            [
                {
                    "uuid": new_uuid(),
                    "event_id": base.event_id,
                    "enterprise_id": base.enterprise_ids[n % 4],
                    "patent_id": base.patent_ids[n % 4],
                    "kind": IntentionKind.LICENCE,
                    "notes": f"#{n}",
                    "captured_at": now,
                    "captured_station": "A",
                    "station": "A",
                    "updated_at": now,
                    "stage": FollowUpStage.NEW,
                }
                for n in range(INTENTIONS)
            ],
        )
    bundle = export_bundle(desk, tmp_path / "A.rsdb", station="A", event_id=base.event_id).path
    desk.dispose()
    pristine = tmp_path / "pristine.sqlite3"
    shutil.copyfile(base.path, pristine)
    before = _state(pristine)
    work = tmp_path / "work" / "o.sqlite3"
    work.parent.mkdir()

    zygote = subprocess.Popen(
        [sys.executable, str(CHILD), str(bundle)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        bufsize=1,
    )
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=_reader, args=(zygote.stdout, lines), daemon=True).start()

    def fresh() -> None:
        for suffix in ("", "-wal", "-shm"):
            Path(str(work) + suffix).unlink(missing_ok=True)
        shutil.copyfile(pristine, work)

    def start() -> int:
        assert zygote.stdin is not None
        zygote.stdin.write(f"go {work}\n")
        zygote.stdin.flush()
        first = _next(lines)
        assert first.startswith("pid ")
        return int(first.split()[1])

    rng = random.Random(20261207)
    outcomes = {"before": 0, "after": 0}
    try:
        # One full merge to learn how long it takes, and what "fully merged" is.
        fresh()
        pid = start()
        assert _next(lines) == "ready"
        started = time.perf_counter()
        assert _next(lines) == "done"
        duration = time.perf_counter() - started
        assert _next(lines) == f"dead {pid}"
        after = _state(work)
        assert after == ("ok", before[1] + INTENTIONS, 1)
        for _ in range(KILLS):
            fresh()
            pid = start()
            assert _next(lines) == "ready"
            time.sleep(rng.uniform(0.0, duration * 1.1))
            with contextlib.suppress(ProcessLookupError):  # it finished first
                os.kill(pid, signal.SIGKILL)
            while _next(lines) != f"dead {pid}":
                pass
            state = _state(work)
            assert state in (before, after), state
            outcomes["before" if state == before else "after"] += 1
    finally:
        if zygote.stdin is not None:
            zygote.stdin.close()
        zygote.wait(timeout=20)
    assert outcomes["before"] >= 1  # the kills did land inside merges
    reopened = open_database(f"sqlite:///{work}")
    try:
        with reopened.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    finally:
        reopened.dispose()
