"""The results of the fair, each figure checked against a count made here with raw SQL over
the demo database (never by calling the function under test)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

from roadshow_desk.domain.results import ResultsError, compute_results, results_for, scope_for

RANK = {
    "new": 0,
    "contacted": 1,
    "negotiating": 2,
    "agreed": 3,
    "contract_signed": 4,
    "transfer_registered": 5,
    "licence_filed": 5,
}


def _sql(path: Path, query: str, *args: object) -> list[tuple]:  # type: ignore[type-arg]
    with sqlite3.connect(path) as connection:
        return connection.execute(query, args).fetchall()


def _interest(path: Path) -> list[tuple]:  # type: ignore[type-arg]
    """(id, enterprise, patent, kind, stage, amount, tags, region, field, institution)."""
    return _sql(
        path,
        """SELECT i.id, i.enterprise_id, i.patent_id, i.kind, i.stage, i.deal_amount,
                  e.tags, e.region, p.technical_field, COALESCE(n.name, '')
           FROM intention i JOIN enterprise e ON e.id = i.enterprise_id
           JOIN patent p ON p.id = i.patent_id LEFT JOIN institution n ON n.id = p.institution_id
           WHERE i.event_id = 1 AND i.deleted_at IS NULL AND i.kind != 'no_demand'""",
    )


@pytest.fixture
def results(demo_db):  # type: ignore[no-untyped-def]
    with demo_db.session() as session:
        return compute_results(session, scope_for(session, 1), top=1000)


def test_headline_figures_match_raw_counts(results, demo_db_file: Path) -> None:  # type: ignore[no-untyped-def]
    path = demo_db_file
    rows = _interest(path)
    one = lambda q: _sql(path, q)[0][0]  # noqa: E731
    signed = [
        r for r in rows if r[4] in ("contract_signed", "transfer_registered", "licence_filed")
    ]
    expected = {
        "events": 1,
        "institutions": one(
            "SELECT COUNT(DISTINCT p.institution_id) FROM shortlist_entry s JOIN patent p "
            "ON p.id = s.patent_id WHERE s.event_id = 1 AND s.included AND s.deleted_at IS NULL"
        ),
        "shortlisted": one(
            "SELECT COUNT(DISTINCT patent_id) FROM shortlist_entry WHERE event_id = 1 "
            "AND included AND deleted_at IS NULL"
        ),
        "presented": one(
            "SELECT COUNT(DISTINCT t.patent_id) FROM slot t JOIN roadshow_session r "
            "ON r.id = t.session_id WHERE r.event_id = 1 AND t.patent_id IS NOT NULL "
            "AND t.deleted_at IS NULL AND r.deleted_at IS NULL"
        ),
        "registered": one(
            "SELECT COUNT(DISTINCT enterprise_id) FROM registration WHERE event_id = 1 "
            "AND deleted_at IS NULL"
        ),
        "checked_in": one(
            "SELECT COUNT(DISTINCT enterprise_id) FROM registration WHERE event_id = 1 "
            "AND deleted_at IS NULL AND checked_in_at IS NOT NULL"
        ),
        "intentions": len(rows),
        "enterprises_with_intention": len({r[1] for r in rows}),
        "no_demand": one(
            "SELECT COUNT(*) FROM intention WHERE event_id = 1 AND kind = 'no_demand' "
            "AND deleted_at IS NULL"
        ),
        "contracts": len(signed),
        "contract_amount": sum((Decimal(str(r[5])) for r in signed if r[5] is not None), Decimal()),
    }
    assert results.headline == expected
    # The demo has figures worth checking: none of them is zero.
    assert all(expected.values())


def test_breakdowns_match_raw_counts(results, demo_db_file: Path) -> None:  # type: ignore[no-untyped-def]
    rows = _interest(demo_db_file)
    kinds = Counter(
        kind
        for (kind,) in _sql(
            demo_db_file, "SELECT kind FROM intention WHERE event_id = 1 AND deleted_at IS NULL"
        )
    )
    assert {b.key: b.count for b in results.by_kind if b.count} == dict(kinds)
    assert {b.key: b.count for b in results.by_field} == Counter(r[8] for r in rows)
    assert {b.key: b.count for b in results.by_institution} == Counter(r[9] for r in rows)
    assert {b.key: b.count for b in results.by_enterprise_region} == Counter(r[7] for r in rows)
    types: Counter[str] = Counter()
    for r in rows:
        tags = [t.strip() for t in (r[6] or "").split(";") if t.strip()]
        types.update(tags or [""])
    assert {b.key: b.count for b in results.by_enterprise_type if b.count} == dict(types)
    assert len(results.by_enterprise_type) >= 5  # the five types, even at zero
    sessions = _sql(
        demo_db_file,
        "SELECT DISTINCT r.title, t.patent_id FROM slot t JOIN roadshow_session r "
        "ON r.id = t.session_id WHERE r.event_id = 1 AND t.deleted_at IS NULL",
    )
    per_session: Counter[str] = Counter()
    for r in rows:
        titles = {title for title, pid in sessions if pid == r[2]} or {""}
        per_session.update(titles)
    assert {b.key: b.count for b in results.by_session} == per_session
    # Each bar carries the intentions behind it.
    for bucket in results.by_field:
        assert sorted(r[0] for r in rows if r[8] == bucket.key) == list(bucket.intention_ids)


def test_patents_with_most_and_no_interest(results, demo_db_file: Path) -> None:  # type: ignore[no-untyped-def]
    rows = _interest(demo_db_file)
    per_patent = Counter(r[2] for r in rows)
    assert {p.patent_id: p.intentions for p in results.top_patents} == dict(per_patent)
    counts = [p.intentions for p in results.top_patents]
    assert counts == sorted(counts, reverse=True)
    presented = {
        pid
        for (pid,) in _sql(
            demo_db_file,
            "SELECT t.patent_id FROM slot t JOIN roadshow_session r ON r.id = t.session_id "
            "WHERE r.event_id = 1 AND t.patent_id IS NOT NULL",
        )
    }
    expected = presented - set(per_patent)
    assert expected  # the demo presents some patents nobody asked for
    assert {p.patent_id for p in results.presented_without_interest} == expected


def test_funnel_matches_the_log(results, demo_db_file: Path) -> None:  # type: ignore[no-untyped-def]
    rows = _interest(demo_db_file)
    reached = {r[0]: RANK.get(r[4], -1) for r in rows}
    for intention_id, to_stage in _sql(
        demo_db_file,
        "SELECT intention_id, to_stage FROM follow_up_entry WHERE to_stage IS NOT NULL",
    ):
        if intention_id in reached:
            reached[intention_id] = max(reached[intention_id], RANK.get(to_stage, -1))
    patent_of = {r[0]: r[2] for r in rows}
    steps = {step.key: step for step in results.funnel}
    assert steps["shortlisted"].patents == results.headline["shortlisted"]
    assert steps["presented"].patents == results.headline["presented"]
    for key, rank in [
        ("intention", 0),
        ("contacted", 1),
        ("negotiating", 2),
        ("agreed", 3),
        ("contract_signed", 4),
        ("registered", 5),
    ]:
        ids = [i for i, r in reached.items() if r >= rank]
        assert steps[key].intentions == len(ids), key
        assert steps[key].patents == len({patent_of[i] for i in ids}), key
    # Dropped leads count at the stage they had reached.
    assert any(r[4] == "dropped" and reached[r[0]] >= 1 for r in rows)
    previous = None
    for step in results.funnel:
        assert step.drop == (0 if previous is None else previous - step.patents)
        previous = step.patents


def test_tombstoned_intention_leaves_every_figure(demo_db) -> None:  # type: ignore[no-untyped-def]
    from roadshow_desk.domain.models import Intention, utcnow

    with demo_db.session() as session:
        before = results_for(session, 1)
        intention = session.get(Intention, 1)
        kind = intention.kind.value
        intention.deleted_at = utcnow()
        session.commit()
        after = results_for(session, 1)
    assert after.headline["intentions"] == before.headline["intentions"] - 1
    count = {b.key: b.count for b in before.by_kind}[kind]
    assert {b.key: b.count for b in after.by_kind}[kind] == count - 1


def test_a_period_gathers_its_events(demo_db) -> None:  # type: ignore[no-untyped-def]
    from roadshow_desk.domain.models import Event, Intention

    with demo_db.session() as session:
        first = session.get(Event, 1)
        day = first.starts_on
        other = Event(name="第二场", starts_on=day + dt.timedelta(days=30))
        session.add(other)
        session.flush()
        model = session.get(Intention, 2)
        session.add(
            Intention(
                event_id=other.id,
                enterprise_id=model.enterprise_id,
                patent_id=model.patent_id,
                kind=model.kind,
            )
        )
        session.commit()
        alone = results_for(session, 1)
        both = results_for(session, None, day, day + dt.timedelta(days=31))
        only_first = results_for(session, None, day, day)
        assert both.scope.event_ids == (1, other.id)
        assert both.headline["intentions"] == alone.headline["intentions"] + 1
        assert only_first.headline == alone.headline
        with pytest.raises(ResultsError):
            results_for(session, None, day + dt.timedelta(days=1), day)
        with pytest.raises(ResultsError):
            results_for(session, None, dt.date(1990, 1, 1), dt.date(1990, 2, 1))


# ------------------------------------------------------------------ intentions by region

HOST = "浙江省宁波市"  # the demo event's region, then its partner regions in its order
PARTNERS = ["湖北省武汉市", "陕西省西安市", "黑龙江省哈尔滨市", "江苏省南京市", "四川省成都市"]
ELSEWHERE = "广东省深圳市"  # a station's region that is none of the event's


def _desk_of(path: Path) -> dict[int, str]:
    """Intention id → the station that captured it (the live interest intentions of event 1)."""
    return dict(
        _sql(
            path,
            "SELECT id, captured_station FROM intention WHERE event_id = 1 "
            "AND deleted_at IS NULL AND kind != 'no_demand'",
        )
    )


def _regional_fair(demo_db, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    """The demo fair with four desks: A in the first partner region (set on this laptop), B
    in the second (learnt from B's merged bundle, then B's region set to another for a later
    event), C without a region, D in a region that is not the event's."""
    from roadshow_desk.exchange.bundle_export import export_bundle
    from roadshow_desk.exchange.bundle_merge import merge_bundles
    from roadshow_desk.exchange.bundle_regions import set_station_region
    from roadshow_desk.store.db import copy_database_file, open_database

    path = Path(demo_db.engine.url.database)
    with sqlite3.connect(path) as connection:
        # The demo's desks are A and B; some of their intentions go to desks C and D.
        connection.execute(
            "UPDATE intention SET captured_station = 'C' WHERE id % 5 = 0 AND event_id = 1"
        )
        connection.execute(
            "UPDATE intention SET captured_station = 'D' WHERE id % 7 = 0 AND id % 5 != 0 "
            "AND event_id = 1"
        )
    set_station_region(demo_db, "A", PARTNERS[0])
    set_station_region(demo_db, "C", "")
    set_station_region(demo_db, "D", ELSEWHERE)
    # Desk B's laptop (a copy of this database) exports its bundle carrying its region; the
    # merge here keeps that region in its receipt and in the station table.
    laptop_file = tmp_path / "laptop-b.sqlite3"
    demo_db.dispose()
    copy_database_file(path, laptop_file)
    laptop = open_database(f"sqlite:///{laptop_file}")
    try:
        bundle = export_bundle(
            laptop, tmp_path / "b.rsdb", station="B", event_id=1, region=PARTNERS[1]
        ).path
    finally:
        laptop.dispose()
    merge_bundles(demo_db, [bundle], station="HQ", backup=False)
    assert _sql(path, "SELECT region FROM station WHERE name = 'B'") == [(PARTNERS[1],)]
    # B later serves another event elsewhere: this event's figures keep B's region for it.
    set_station_region(demo_db, "B", ELSEWHERE)
    return path


@pytest.mark.sqlite_only("the independent counts read the SQLite file with sqlite3")
def test_intentions_count_in_the_region_of_the_desk_that_recorded_them(demo_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from roadshow_desk.domain.results import bucket_label

    path = _regional_fair(demo_db, tmp_path)
    desk_region = {"A": PARTNERS[0], "B": PARTNERS[1], "D": ELSEWHERE}  # C: none, host's
    expected: dict[str, list[int]] = {}
    for intention_id, desk in sorted(_desk_of(path).items()):
        expected.setdefault(desk_region.get(desk, HOST), []).append(intention_id)
    assert {"A", "B", "C", "D"} <= set(_desk_of(path).values())
    assert all(len(expected[region]) > 0 for region in (HOST, *PARTNERS[:2], ELSEWHERE))

    with demo_db.session() as session:
        results = compute_results(session, scope_for(session, 1))
    # The event's region, its partner regions in the event's order (even at zero), then the
    # others; nothing is unspecified since the event has a region.
    assert [b.key for b in results.by_region] == [HOST, *PARTNERS, ELSEWHERE]
    for bucket in results.by_region:
        assert list(bucket.intention_ids) == expected.get(bucket.key, []), bucket.key
        assert bucket.count == len(expected.get(bucket.key, []))
    assert sum(b.count for b in results.by_region) == results.headline["intentions"]

    # An event without a region of its own: the desks without one are "unspecified", last.
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE event SET region = '' WHERE id = 1")
    with demo_db.session() as session:
        results = compute_results(session, scope_for(session, 1))
    assert [b.key for b in results.by_region] == [*PARTNERS, ELSEWHERE, ""]
    assert list(results.by_region[-1].intention_ids) == expected[HOST]
    assert bucket_label("region", "") == "Unspecified"


@pytest.mark.sqlite_only("the independent counts read the SQLite file with sqlite3")
def test_a_shared_server_takes_each_desks_region_from_the_station_table(demo_db) -> None:  # type: ignore[no-untyped-def]
    """No bundles (a shared server, or desks set on this laptop): the station table alone."""
    from roadshow_desk.exchange.bundle_regions import set_station_region

    path = Path(demo_db.engine.url.database)
    set_station_region(demo_db, "A", PARTNERS[2])
    desks = _desk_of(path)
    with demo_db.session() as session:
        results = compute_results(session, scope_for(session, 1))
    counts = {b.key: b.count for b in results.by_region}
    on_a = sum(1 for desk in desks.values() if desk == "A")
    assert on_a and counts[PARTNERS[2]] == on_a
    assert counts[HOST] == len(desks) - on_a  # B has no region: the host's
    assert counts[PARTNERS[0]] == 0
