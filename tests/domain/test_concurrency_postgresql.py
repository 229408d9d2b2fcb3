"""Several desks on one PostgreSQL server at once: nothing lost, nothing doubled, the first
check-in wins; and a connection lost in the middle of a capture."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, insert, select

from roadshow_desk.domain.models import Enterprise, Event, Intention, Patent, Registration
from roadshow_desk.domain.payloads import enterprise_payload
from roadshow_desk.store.db import open_database

pytestmark = pytest.mark.postgresql

HERE = Path(__file__).resolve().parent
DESKS = 4
CAPTURES = int(os.environ.get("ROADSHOW_PG_CAPTURES", "1000"))
BADGES = 200


@pytest.mark.slow
def test_four_desks_capture_and_race_check_ins_on_one_server(
    pg_db_url: str, tmp_path: Path
) -> None:
    database = open_database(pg_db_url)
    with database.session() as session:
        event = Event(name="并发测试对接会", station="setup")
        session.add(event)
        session.flush()
        event_id = event.id
        session.execute(
            insert(Enterprise),
            [{"name": f"测试企业{n:03d}有限公司", "station": "setup"} for n in range(BADGES)],
        )
        session.execute(
            insert(Patent),
            [
                {"application_no": f"CN2023100{n:05d}.X", "title": f"专利{n}", "station": "s"}
                for n in range(20)
            ],
        )
        enterprises = session.execute(select(Enterprise.id, Enterprise.uuid)).all()
        session.execute(  # every tenth firm did not sign up: signed up at its check-in
            insert(Registration),
            [
                {"event_id": event_id, "enterprise_id": eid, "station": "setup"}
                for n, (eid, _) in enumerate(enterprises)
                if n % 10
            ],
        )
        patent_ids = list(session.scalars(select(Patent.id)))
    badges = [[enterprise_payload(uuid), eid] for eid, uuid in enterprises]
    badges_file = tmp_path / "badges.json"
    badges_file.write_text(json.dumps(badges), encoding="utf-8")
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    desks = [
        subprocess.Popen(
            [
                sys.executable,
                str(HERE / "pg_desk_child.py"),
                pg_db_url,
                f"desk-{n}",
                str(event_id),
                str(CAPTURES),
                ",".join(map(str, patent_ids)),
                str(badges_file),
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=environment,
        )
        for n in range(DESKS)
    ]
    for desk in desks:
        assert desk.stdout is not None and desk.stdout.readline().strip() == "ready"
    for desk in desks:  # all at once
        assert desk.stdin is not None
        desk.stdin.write("go\n")
        desk.stdin.flush()
    reports: list[dict[str, Any]] = []
    for desk in desks:
        out, err = desk.communicate(timeout=900)
        assert desk.returncode == 0, err[-3000:]
        reports.append(json.loads(out.strip().splitlines()[-1]))

    saved = [uuid for report in reports for uuid in report["saved"]]
    firsts = [payload for report in reports for payload in report["first"]]
    with database.session() as session:
        stored = list(session.scalars(select(Intention.uuid)))
        checked_in = session.scalar(
            select(func.count(Registration.id)).where(
                Registration.event_id == event_id, Registration.checked_in_at.is_not(None)
            )
        )
        registrations = session.scalar(select(func.count(Registration.id)))
        stations = set(
            session.scalars(
                select(Registration.checked_in_station).where(
                    Registration.checked_in_at.is_not(None)
                )
            )
        )
    database.dispose()
    assert len(saved) == DESKS * CAPTURES
    assert len(stored) == DESKS * CAPTURES  # 0 lost
    assert len(set(stored)) == len(stored) and set(stored) == set(saved)  # 0 duplicated
    scanned = min(BADGES, CAPTURES // 5)  # 200 with 1,000 captures per desk
    expected = sum(1 for n in range(BADGES) if n % 10 or n < scanned)
    assert checked_in == scanned and registrations == expected  # exactly one row per badge
    assert sorted(firsts) == sorted(b[0] for b in badges[:scanned])  # one winner per badge
    assert stations <= {f"desk-{n}" for n in range(DESKS)}


def test_a_lost_server_mid_capture_saves_nothing_and_the_retry_saves_once(
    pg_server: Any, pg_db_url: str
) -> None:
    from roadshow_desk.domain.capture import IntentionDraft, IntentionNotSaved
    from roadshow_desk.domain.enums import IntentionKind
    from roadshow_desk.domain.models import new_uuid
    from roadshow_desk.store.intentions import record_intention

    database = open_database(pg_db_url)
    with database.session() as session:
        enterprise = Enterprise(name="断网测试有限公司", station="s")
        patent = Patent(application_no="CN202310000001.X", title="专利", station="s")
        session.add_all([enterprise, patent])
        session.flush()
        draft = IntentionDraft(
            enterprise_id=enterprise.id, patent_id=patent.id, kind=IntentionKind.LICENCE
        )
    record_intention(database, draft, station="A")  # a warm connection in the pool
    uuid = new_uuid()
    pg_server.pause()
    try:
        with pytest.raises(IntentionNotSaved, match=r"cannot be reached.*not saved"):
            record_intention(database, draft, station="A", uuid=uuid)
    finally:
        pg_server.resume()
    saved = record_intention(database, draft, station="A", uuid=uuid)
    # The desk did not get the acknowledgement (say the connection dropped after COMMIT) and
    # saves again with the same uuid: the intention is not doubled.
    again = record_intention(database, draft, station="A", uuid=uuid)
    assert again.id == saved.id
    with database.session() as session:
        assert session.scalar(select(func.count(Intention.id))) == 2
    database.dispose()


def test_two_desks_checking_in_a_firm_that_did_not_sign_up_make_one_registration(
    pg_db_url: str,
) -> None:
    """Desk B's sign-up insert waits for desk A's, then finds A's row: one registration,
    A's check-in first, B told "already checked in" (no error)."""
    import threading
    import time

    from roadshow_desk.domain.checkin import check_in

    database = open_database(pg_db_url)
    with database.session() as session:
        event = Event(name="现场报名", station="s")
        enterprise = Enterprise(name="未报名企业有限公司", station="s")
        session.add_all([event, enterprise])
        session.flush()
        event_id, enterprise_id = event.id, enterprise.id
    outcome: dict[str, Any] = {}

    def desk_b() -> None:
        try:
            with database.session() as session:
                outcome["b"] = check_in(session, event_id, enterprise_id, station="B")
        except Exception as error:  # reported below
            outcome["error"] = error

    with database.session() as session:
        outcome["a"] = check_in(session, event_id, enterprise_id, station="A")
        other = threading.Thread(target=desk_b)
        other.start()
        time.sleep(0.5)  # B's insert now waits on A's uncommitted row
    other.join(30)
    assert "error" not in outcome, outcome.get("error")
    assert outcome["a"].first and not outcome["b"].first
    assert outcome["b"].checked_in_station == "A"
    with database.session() as session:
        assert session.scalar(select(func.count(Registration.id))) == 1
    database.dispose()
