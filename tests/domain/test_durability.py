"""Durability: a recorder killed with SIGKILL at random moments never loses an acknowledged
intention, never leaves a patent's cached score out of step with its intentions, and the
database always opens cleanly afterwards.

The recorder writes through the capture panel's path (``store.intentions.record_intention``:
the intention and the patent's rescore in one transaction). Each round records for a patent
of its own, so the score moves with every intention of the round (the rubric's interest cap
is raised above what a round records) and a lost or separate rescore shows.
"""

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
from sqlalchemy import insert, select

from fairday_data import application_no, make_fair_day
from roadshow_desk.domain.models import Patent, PatentScore
from roadshow_desk.domain.rubric import RubricSpec, Threshold
from roadshow_desk.store.db import open_database
from roadshow_desk.store.scoring import (
    active_spec,
    interest_count,
    preview_scores,
    rescore,
    save_rubric,
)

KILLS = 200
CHILD = Path(__file__).with_name("durability_child.py")

# Slow (about half a minute) but not optional: the suite, CI included, runs it.
pytestmark = [
    pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork (POSIX)"),
    pytest.mark.slow,
]


def _reader(stream, lines: queue.Queue[str]) -> None:  # type: ignore[no-untyped-def]
    for line in stream:
        lines.put(line.rstrip("\n"))
    lines.put("")  # end of stream


def _next(lines: queue.Queue[str], timeout: float = 60.0) -> str:
    line = lines.get(timeout=timeout)
    if line == "":
        raise AssertionError("the recorder's zygote stopped")
    return line


def _prepare(url: str) -> tuple[int, list[int]]:
    """The fair day, one fresh patent per round, and a rubric whose interest has no cap
    within reach: (the enterprise, the patent of each round)."""
    database = open_database(url)
    try:
        day = make_fair_day(database)
        with database.session() as session:
            session.execute(
                insert(Patent),
                [
                    {
                        "station": "t",
                        "application_no": application_no(f"2024100{n:05d}"),
                        "title": "t",
                    }
                    for n in range(KILLS)
                ],
            )
            spec = RubricSpec().with_threshold(Threshold.INTEREST_CAP, 100)
            save_rubric(session, "durability", spec, activate=True)
            rescore(session)
            ids = list(session.scalars(select(Patent.id).order_by(Patent.id)))
        return day.enterprise_ids[0], [i for i in ids if i not in day.patent_ids][:KILLS]
    finally:
        database.dispose()


def _scores_out_of_step(database) -> dict[int, tuple[float | None, float, int]]:  # type: ignore[no-untyped-def]
    """Patents whose cached score is not what their intentions give now:
    {id: (cached, computed, counted intentions)}."""
    with database.session() as session:
        computed = dict(session.execute(preview_scores(session, active_spec(session))).all())
        cached = dict(session.execute(select(PatentScore.patent_id, PatentScore.score)).all())
        return {
            patent_id: (cached.get(patent_id), score, interest_count(session, patent_id))
            for patent_id, score in computed.items()
            if cached.get(patent_id) is None or abs(cached[patent_id] - score) > 1e-9
        }


def test_acknowledged_intentions_survive_sigkill(tmp_path: Path) -> None:
    path = tmp_path / "durable.sqlite3"
    url = f"sqlite:///{path}"
    enterprise_id, round_patents = _prepare(url)
    assert len(round_patents) == KILLS
    checker = open_database(url, backup=False)  # reads only, between the rounds
    assert not _scores_out_of_step(checker)

    rng = random.Random(20261203)
    zygote = subprocess.Popen(
        [sys.executable, str(CHILD), url, str(enterprise_id)],
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
        for patent_id in round_patents:
            assert zygote.stdin is not None
            zygote.stdin.write(f"go {patent_id}\n")
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
            # ...and every patent's cached score is the one its intentions give.
            assert not (stale := _scores_out_of_step(checker)), f"scores out of step: {stale}"
    finally:
        checker.dispose()
        if zygote.stdin is not None:
            zygote.stdin.close()
        try:
            zygote.wait(timeout=20)
        except subprocess.TimeoutExpired:  # let the failure that brought us here be seen
            zygote.kill()
            zygote.wait()

    # The kills hit both the start-up and the recording, and most rounds recorded something.
    assert rounds_with_acks >= KILLS // 2
    assert killed_before_ready >= 1
    assert len(acknowledged) >= KILLS
    with sqlite3.connect(path) as check:  # the rescores moved the scores of most rounds
        marks = ",".join("?" * len(round_patents))
        raised = check.execute(
            f"SELECT count(*) FROM patent_score WHERE patent_id IN ({marks}) AND score > "
            f"(SELECT min(score) FROM patent_score WHERE patent_id IN ({marks}))",
            round_patents * 2,
        ).fetchone()[0]
    assert raised >= KILLS // 3
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
