"""Venue time: the agenda, the session sign-up sheet, the presenter console and the
intention export show the same times on laptops set to UTC, Beijing and US Pacific time."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from roadshow_data import make_roadshow
from roadshow_desk.domain.enums import IntentionKind
from roadshow_desk.domain.models import Event, Intention, RoadshowSession

CHILD = Path(__file__).with_name("venue_time_child.py")
ZONES = ("UTC", "Asia/Shanghai", "America/Los_Angeles")


def _fill(database: Any) -> int:
    day = make_roadshow(database, slots=3)
    with database.session() as session:
        event = session.get(Event, day.event_id)
        event.starts_on = dt.date(2026, 12, 18)
        # 09:30 in Ningbo, stored as UTC
        session.get(RoadshowSession, day.session_id).starts_at = dt.datetime(2026, 12, 18, 1, 30)
        from sqlalchemy import select

        from roadshow_desk.domain.models import Enterprise

        firm = session.scalars(select(Enterprise)).first()
        session.add(
            Intention(
                event_id=day.event_id,
                enterprise_id=firm.id,
                patent_id=day.patent_ids[0],
                kind=IntentionKind.LICENCE,
                captured_at=dt.datetime(2026, 12, 18, 2, 5, 7),  # 10:05:07 in Ningbo
            )
        )
    return day.session_id


def test_every_time_is_the_venues_whatever_the_laptops_zone(db: Any, tmp_path: Path) -> None:
    session_id = _fill(db)
    url = str(db.url)
    results = {}
    for zone in ZONES:
        out = tmp_path / zone.replace("/", "_")
        out.mkdir()
        env = {**os.environ, "TZ": zone, "PYTHONPATH": str(Path(__file__).parent)}
        done = subprocess.run(
            [sys.executable, str(CHILD), url, str(session_id), str(out)],
            env=env,
            capture_output=True,
            text=True,
            timeout=240,
        )
        assert done.returncode == 0, done.stderr
        results[zone] = json.loads(done.stdout.strip().splitlines()[-1])
    # the children really ran in different zones
    assert len({result.pop("local_zone") for result in results.values()}) == 3
    first = results["UTC"]
    for zone in ZONES[1:]:
        assert results[zone] == first, zone
    # and the times are Ningbo's: 09:30 start, slots of 8 minutes, the intention at 10:05:07
    assert "09:30" in first["agenda"] and "09:38" in first["agenda"]
    assert "09:30" in first["sheet"]
    assert first["export"][0] == "登记时间 (UTC+08:00)"  # the export says its zone
    assert "2026-12-18 10:05:07" in first["export"][1:]
    assert first["console_clock"] == "09:41:05"
    assert first["console_slots"][:1] == ["09:30"]


@pytest.mark.parametrize("zone", ZONES)
def test_a_typed_time_is_stored_as_utc_through_the_events_zone(zone: str) -> None:
    from roadshow_desk.domain.venue_time import from_venue, parse_wall_time, to_venue

    wall = parse_wall_time("9:30", dt.date(2026, 12, 18))
    assert wall == dt.datetime(2026, 12, 18, 9, 30)
    stored = from_venue(wall, zone)
    assert to_venue(stored, zone) == wall
    expected = {"UTC": 9, "Asia/Shanghai": 1, "America/Los_Angeles": 17}[zone]
    assert stored.hour == expected


def test_upgrading_an_older_database_keeps_every_instant(tmp_path: Path) -> None:
    """Times were already stored as naive UTC before events had a zone: the upgrade gives
    every event the default zone (Asia/Shanghai) and moves no instant."""
    from sqlalchemy import create_engine, text

    from roadshow_desk.documents.data import load_event, load_sessions
    from roadshow_desk.store import db as store
    from roadshow_desk.store.migrations import KNOWN_REVISIONS

    path = tmp_path / "old.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    store.migrate(engine, str(engine.url), target=KNOWN_REVISIONS[0])
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO event (id, name, venue, region, partner_regions, organisers, "
                "signup_url_template, foreword, created_at, uuid, updated_at, station) VALUES "
                "(1, '宁波对接会', '', '', '', '', '', '', '2026-12-01 02:00:00', 'e1', "
                "'2026-12-01 02:00:00', 'A')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO roadshow_session (id, event_id, title, position, starts_at, room, "
                "host, uuid, updated_at, station) VALUES (1, 1, '上午场', 1, "
                "'2026-12-18 01:30:00.000000', '', '', 's1', '2026-12-01 02:00:00', 'A')"
            )
        )
    engine.dispose()
    database = store.open_database(str(path))
    with database.session() as session:
        event = session.get(Event, 1)
        assert event is not None
        assert (event.time_zone, event.document_language) == ("Asia/Shanghai", "zh_CN")
        found = session.get(RoadshowSession, 1)
        assert found is not None and found.starts_at == dt.datetime(2026, 12, 18, 1, 30)
    info = load_event(database, 1)
    assert load_sessions(database, info)[0].starts_at == dt.datetime(2026, 12, 18, 9, 30)
    database.dispose()
