"""Durability: a recorder killed with SIGKILL at random moments never loses an acknowledged
intention, and the database always opens cleanly afterwards."""

from __future__ import annotations

import os
import queue
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from fairday_data import make_fair_day
from roadshow_desk.store.db import open_database

KILLS = 60
CHILD = Path(__file__).with_name("durability_child.py")

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork (POSIX)")


def _reader(stream, lines: queue.Queue[str]) -> None:  # type: ignore[no-untyped-def]
    for line in stream:
        lines.put(line.rstrip("\n"))
    lines.put("")  # end of stream


def _next(lines: queue.Queue[str], timeout: float = 20.0) -> str:
    line = lines.get(timeout=timeout)
    if line == "":
        raise AssertionError("the recorder's zygote stopped")
    return line


def test_acknowledged_intentions_survive_sigkill(tmp_path: Path) -> None:
    path = tmp_path / "durable.sqlite3"
    url = f"sqlite:///{path}"
    database = open_database(url)
    day = make_fair_day(database)
    database.dispose()

    rng = random.Random(20261203)
    zygote = subprocess.Popen(
        [sys.executable, str(CHILD), url, str(day.enterprise_ids[0]), str(day.patent_ids[0])],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        bufsize=1,
    )
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=_reader, args=(zygote.stdout, lines), daemon=True).start()
    acknowledged: dict[str, int] = {}
    rounds_with_acks = 0
    killed_before_ready = 0
    try:
        for _ in range(KILLS):
            assert zygote.stdin is not None
            zygote.stdin.write("go\n")
            zygote.stdin.flush()
            first = _next(lines)
            assert first.startswith("pid ")
            pid = int(first.split()[1])
            acks_this_round = 0
            saw_ready = False
            moment = rng.random()
            if moment < 0.15:
                # While it starts up (opening the database).
                time.sleep(rng.uniform(0.0, 0.03))
            elif moment < 0.3:
                # Right after it is ready: during its first record.
                assert _next(lines) == "ready"
                saw_ready = True
                time.sleep(rng.uniform(0.0, 0.005))
            else:
                # While it records: at a random moment after its first acknowledgement.
                assert _next(lines) == "ready"
                saw_ready = True
                line = _next(lines)
                assert line.startswith("ack ")
                _, intention_id, uuid = line.split()
                acknowledged[uuid] = int(intention_id)
                acks_this_round += 1
                time.sleep(rng.uniform(0.0, 0.03))
            os.kill(pid, signal.SIGKILL)
            while (line := _next(lines)) != f"dead {pid}":
                if line == "ready":
                    saw_ready = True
                elif line.startswith("ack "):
                    _, intention_id, uuid = line.split()
                    acknowledged[uuid] = int(intention_id)
                    acks_this_round += 1
            rounds_with_acks += acks_this_round > 0
            killed_before_ready += not saw_ready
            # Right after the kill: every acknowledged intention is there.
            check = sqlite3.connect(path)
            try:
                present = {row[0] for row in check.execute("SELECT uuid FROM intention")}
            finally:
                check.close()
            missing = set(acknowledged) - present
            assert not missing, f"lost {len(missing)} acknowledged intentions"
    finally:
        if zygote.stdin is not None:
            zygote.stdin.close()
        zygote.wait(timeout=20)

    # The kills hit both the start-up and the recording, and most rounds recorded something.
    assert rounds_with_acks >= KILLS // 2
    assert killed_before_ready >= 1
    assert len(acknowledged) >= KILLS
    # The database opens cleanly, passes SQLite's integrity check, and holds them all.
    reopened = open_database(url)
    try:
        with reopened.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            rows = dict(connection.exec_driver_sql("SELECT uuid, id FROM intention").all())
        for uuid, intention_id in acknowledged.items():
            assert rows.get(uuid) == intention_id
    finally:
        reopened.dispose()
