"""A check-in taken back at the desk travels in bundles (docs/BUNDLES.md, "Check-ins").

Desks are SQLite copies of one base file (as laptops set up from one file); the organiser's
database is the ``db`` fixture, so every merge here runs on SQLite and on PostgreSQL. The
organiser merges one bundle at a time, as bundle rounds come in.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import uuid
from pathlib import Path

import pytest
from sqlalchemy import select

from bundle_data import Base, make_base, station_copy
from roadshow_desk.domain.checkin import attendance, check_in, sign_up, undo_check_in
from roadshow_desk.domain.models import Event, Registration
from roadshow_desk.exchange.bundle_export import export_bundle
from roadshow_desk.exchange.bundle_format import read_bundle, write_bundle
from roadshow_desk.exchange.bundle_merge import merge_bundles
from roadshow_desk.store.db import Database

AT_A = dt.datetime(2026, 12, 3, 1, 32)
AT_B = dt.datetime(2026, 12, 3, 1, 40)
AGAIN = dt.datetime(2026, 12, 3, 2, 5)


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Base:
    return make_base(tmp_path_factory.mktemp("base"))


def _organiser(db: Database, desk: Database, base: Base) -> int:
    """Set the organiser's database up for the event (the same event uuid); its id there."""
    with desk.session() as session:
        event = session.get(Event, base.event_id)
        assert event is not None
        uuid, name = event.uuid, event.name
    with db.session() as session:
        organised = Event(uuid=uuid, name=name, starts_on=dt.date(2026, 12, 3))
        session.add(organised)
        session.flush()
        return organised.id


def _export(desk: Database, out: Path, station: str, base: Base) -> Path:
    return export_bundle(desk, out, station=station, event_id=base.event_id).path


def _merge(db: Database, *paths: Path) -> None:
    for path in paths:  # one bundle round after the other
        merge_bundles(db, [path], station="O", backup=False)


def _again(path: Path, number: int) -> Path:
    """The same bundle's content under a new bundle uuid (an old stick found again)."""
    bundle = read_bundle(path)
    copy = path.with_name(f"again-{number}-{path.name}")
    write_bundle(copy, {**bundle.manifest, "bundle_uuid": f"{number:032x}"}, bundle.entries)
    return copy


def _checked_in(db: Database, event_id: int) -> tuple[dt.datetime | None, str, tuple[int, int]]:
    """(check-in time, station, (signed up, checked in)) of the organiser's one registration."""
    with db.session() as session:
        registration = session.scalars(select(Registration)).one()
        return (
            registration.checked_in_at,
            registration.checked_in_station,
            attendance(session, event_id),
        )


def _signed_up_then_checked_in(desk: Database, base: Base, station: str, at: dt.datetime):  # type: ignore[no-untyped-def]
    """A firm signed up beforehand and checked in at the door (its undo keeps the sign-up)."""
    firm = base.enterprise_ids[0]
    with desk.session() as session:
        sign_up(session, base.event_id, firm, station=station)
    with desk.session() as session:
        result = check_in(session, base.event_id, firm, station=station, at=at)
    assert result.first and not result.signed_up
    return result


@pytest.mark.parametrize("order", ["check-in first", "undo first"])
def test_a_check_in_taken_back_at_the_desk_is_not_counted_after_the_merge(  # type: ignore[no-untyped-def]
    base, tmp_path, db, order
) -> None:
    a = station_copy(base, tmp_path, "A")
    result = _signed_up_then_checked_in(a, base, "A", AT_A)
    checked = _export(a, tmp_path / "A-1.rsdb", "A", base)
    with a.session() as session:  # Ctrl+Z at the desk: the wrong firm
        undo_check_in(session, result, station="A")
    undone = _export(a, tmp_path / "A-2.rsdb", "A", base)
    event_id = _organiser(db, a, base)
    _merge(db, *([checked, undone] if order == "check-in first" else [undone, checked]))
    assert _checked_in(db, event_id) == (None, "", (1, 0))
    _merge(db, _again(checked, 1))  # the check-in arriving again from the older bundle
    assert _checked_in(db, event_id) == (None, "", (1, 0))

    with a.session() as session:  # the firm really arrives later: that check-in counts
        check_in(session, base.event_id, base.enterprise_ids[0], station="A", at=AGAIN)
    arrived = _export(a, tmp_path / "A-3.rsdb", "A", base)
    _merge(db, arrived, _again(checked, 2), _again(undone, 3))
    assert _checked_in(db, event_id) == (AGAIN, "A", (1, 1))
    a.dispose()


@pytest.mark.parametrize("order", list(itertools.permutations(range(3))))
def test_another_desks_later_check_in_stands_when_a_desk_takes_its_own_back(  # type: ignore[no-untyped-def]
    base, tmp_path, db, order
) -> None:
    """A and B both check the firm in (B later); A takes its own check-in back later
    still. B's check-in is a real one that A's undo did not name: it stands, whatever the
    order the organiser gets the bundles in."""
    a, b = station_copy(base, tmp_path, "A"), station_copy(base, tmp_path, "B")
    result = _signed_up_then_checked_in(a, base, "A", AT_A)
    bundles = [_export(a, tmp_path / "A-1.rsdb", "A", base)]
    with b.session() as session:
        check_in(session, base.event_id, base.enterprise_ids[0], station="B", at=AT_B)
    bundles.append(_export(b, tmp_path / "B-1.rsdb", "B", base))
    with a.session() as session:
        undo_check_in(session, result, station="A")
    bundles.append(_export(a, tmp_path / "A-2.rsdb", "A", base))
    event_id = _organiser(db, a, base)
    _merge(db, *(bundles[index] for index in order))
    assert _checked_in(db, event_id) == (AT_B, "B", (1, 1))
    a.dispose()
    b.dispose()


def test_a_desk_that_merged_the_other_check_in_shows_it_after_its_own_undo(  # type: ignore[no-untyped-def]
    base, tmp_path, db
) -> None:
    """Desk A had merged B's bundle (A's earlier check-in stood there); taking A's own
    check-in back leaves B's, on A at once and at the organiser's."""
    a, b = station_copy(base, tmp_path, "A"), station_copy(base, tmp_path, "B")
    result = _signed_up_then_checked_in(a, base, "A", AT_A)
    with b.session() as session:
        check_in(session, base.event_id, base.enterprise_ids[0], station="B", at=AT_B)
    from_b = _export(b, tmp_path / "B-1.rsdb", "B", base)
    merge_bundles(a, [from_b], station="A", backup=False)
    with a.session() as session:
        assert attendance(session, base.event_id) == (1, 1)
        undo_check_in(session, result, station="A")
    with a.session() as session:
        registration = session.scalars(select(Registration)).one()
        assert (registration.checked_in_at, registration.checked_in_station) == (AT_B, "B")
    event_id = _organiser(db, a, base)
    _merge(db, _export(a, tmp_path / "A-2.rsdb", "A", base), from_b)
    assert _checked_in(db, event_id) == (AT_B, "B", (1, 1))
    a.dispose()
    b.dispose()


def _older(path: Path) -> Path:
    """The bundle as the app wrote it before check-ins were logged (no ``check_ins``)."""
    bundle = read_bundle(path)
    entries = dict(bundle.entries)
    name = "records/registration.jsonl"
    lines = [json.loads(line) for line in entries[name].decode().splitlines() if line]
    for record in lines:
        del record["check_ins"]
    entries[name] = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in lines).encode()
    older = path.with_name(f"older-{path.name}")
    write_bundle(older, {**bundle.manifest, "bundle_uuid": uuid.uuid4().hex}, entries)
    return older


def test_older_bundles_without_the_log_merge_as_before(base, tmp_path, db) -> None:  # type: ignore[no-untyped-def]
    """Two desks' bundles written before the log: the first check-in wins, and an older
    bundle's check-in that a newer bundle takes back stays taken back."""
    a, b = station_copy(base, tmp_path, "A"), station_copy(base, tmp_path, "B")
    result = _signed_up_then_checked_in(a, base, "A", AT_B)
    from_a = _export(a, tmp_path / "A-1.rsdb", "A", base)
    with b.session() as session:
        check_in(session, base.event_id, base.enterprise_ids[0], station="B", at=AT_A)
    from_b = _older(_export(b, tmp_path / "B-1.rsdb", "B", base))
    assert "check_ins" not in read_bundle(from_b).records("registration")[0]
    event_id = _organiser(db, a, base)
    _merge(db, _older(from_a), from_b)
    assert _checked_in(db, event_id) == (AT_A, "B", (1, 1))
    with a.session() as session:
        undo_check_in(session, result, station="A")
    _merge(db, _export(a, tmp_path / "A-2.rsdb", "A", base))
    assert _checked_in(db, event_id) == (AT_A, "B", (1, 1))  # B's first check-in stands
    a.dispose()
    b.dispose()
