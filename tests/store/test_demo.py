"""The demo event generator: realistic, valid, deterministic, scalable, cancellable."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text
from stdnum.cn import uscc

from roadshow_desk.domain.enums import (
    ConversionMode,
    FollowUpStage,
    IntentionKind,
    LegalStatus,
    PatentType,
)
from roadshow_desk.domain.identifiers import (
    application_year,
    normalize_application_number,
    normalize_phone,
    patent_type_from_application_number,
)
from roadshow_desk.domain.models import (
    PATENT_DATA_FIELDS,
    Enterprise,
    Event,
    FollowUpEntry,
    Institution,
    Intention,
    Patent,
    Registration,
    RoadshowSession,
    ShortlistEntry,
    Station,
    split_list,
)
from roadshow_desk.domain.progress import Cancelled, Progress
from roadshow_desk.errors import InputError
from roadshow_desk.store import demo as demo_module
from roadshow_desk.store.db import Database, open_database
from roadshow_desk.store.demo import DemoSummary, enterprise_name_key, fill_demo, has_no_patents
from roadshow_desk.store.demo_data import _topic, load_demo_data

IPC = re.compile(r"[A-H][0-9]{2}[A-Z] [0-9]{1,4}/[0-9]{2,6}")
MOBILE = re.compile(r"1[3-9][0-9]{9}")
TODAY = dt.date(2026, 11, 25)  # when the demo was made; its follow-up log ends before


def rows(database: Database, table: str) -> list[dict[str, Any]]:
    with database.engine.connect() as connection:
        result = connection.execute(text(f"SELECT * FROM {table} ORDER BY id"))
        return [dict(row._mapping) for row in result]


def count(database: Database, model: type[Any]) -> int:
    with database.session() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, DemoSummary]]:
    """One default demo for the tests that only read it (and one that is refused)."""
    database = open_database(f"sqlite:///{tmp_path_factory.mktemp('demo') / 'demo.sqlite3'}")
    yield database, fill_demo(database)
    database.dispose()


def test_default_demo_has_a_whole_fair(demo: tuple[Database, DemoSummary]) -> None:
    db, summary = demo
    assert count(db, Patent) == summary.patents == 60
    assert count(db, Institution) == summary.institutions >= 6
    assert count(db, Enterprise) == summary.enterprises == 30
    assert count(db, Event) == 1
    assert count(db, RoadshowSession) == summary.sessions == 2
    assert count(db, ShortlistEntry) == summary.shortlist == 24
    assert count(db, Registration) == summary.registrations == 24
    assert count(db, Intention) == summary.intentions == 25
    assert count(db, FollowUpEntry) == summary.follow_up_entries
    with db.session() as session:
        fields = set(session.scalars(select(Patent.technical_field)))
        assert len(fields) >= 5 and summary.technical_fields == len(fields)
        assert {station.name for station in session.scalars(select(Station))} == {"A", "B"}
        event = session.scalars(select(Event)).one()
        assert event.name == summary.event_name and "宁波" in event.name
        assert event.starts_on == dt.date(2026, 9, 24) and event.ends_on == dt.date(2026, 9, 25)
        assert len(split_list(event.partner_regions)) >= 3 and split_list(event.organisers)
        assert "{application_no}" in event.signup_url_template and len(event.foreword) > 100
        kinds = {intention.kind for intention in session.scalars(select(Intention))}
        stages = {intention.stage for intention in session.scalars(select(Intention))}
    assert kinds == set(IntentionKind)
    assert stages == set(FollowUpStage)


def test_patents_carry_valid_consistent_numbers(demo: tuple[Database, DemoSummary]) -> None:
    db, _ = demo
    patents = rows(db, "patent")
    for patent in patents:
        number = patent["application_no"]
        assert normalize_application_number(number) == number
        assert patent_type_from_application_number(number) == patent["patent_type"]
        application = dt.date.fromisoformat(patent["application_date"])
        publication = dt.date.fromisoformat(patent["publication_date"])
        year = application_year(number)
        assert year is not None and application.year <= year <= application.year + 3
        utility = patent["patent_type"] == PatentType.UTILITY_MODEL
        kind = "U" if utility else "A"
        assert re.fullmatch(rf"CN{2 if utility else 1}[0-9]{{8}}{kind}", patent["publication_no"])
        if patent["grant_date"]:
            grant = dt.date.fromisoformat(patent["grant_date"])
            assert publication <= grant <= dt.date(2026, 8, 31)
            suffix = "U" if kind == "U" else "B"
            assert patent["grant_no"] == patent["publication_no"][:-1] + suffix
        else:
            assert patent["legal_status"] == LegalStatus.PENDING and not patent["grant_no"]
        assert application < publication <= dt.date(2026, 8, 31)
        if patent["priority_date"]:
            assert dt.date.fromisoformat(patent["priority_date"]) < application
    statuses = Counter(patent["legal_status"] for patent in patents)
    assert statuses[LegalStatus.GRANTED] > len(patents) / 2 and statuses[LegalStatus.PENDING]
    assert len({patent["publication_no"] for patent in patents}) == len(patents)


def test_patents_read_like_a_real_inventory(demo: tuple[Database, DemoSummary]) -> None:
    db, _ = demo
    patents = rows(db, "patent")
    institutions = {row["id"]: row for row in rows(db, "institution")}
    assert len({patent["title"] for patent in patents}) == len(patents)
    for patent in patents:
        texts = [patent[name] for name in PATENT_DATA_FIELDS if isinstance(patent[name], str)]
        assert not any("{" in value or "}" in value for value in texts), patent["title"]
        assert 150 <= len(patent["abstract"]) <= 300
        assert patent["abstract"].startswith(("本发明公开了", "本实用新型公开了"))
        if patent["patent_type"] == PatentType.UTILITY_MODEL:
            assert "方法" not in patent["title"]  # utility models protect products only
        inventors = split_list(patent["inventors"])
        assert 2 <= len(inventors) <= 6 and len(set(inventors)) == len(inventors)
        assert all(2 <= len(name) <= 3 for name in inventors)
        codes = split_list(patent["ipc_all"])
        assert codes[0] == patent["ipc_main"] and all(IPC.fullmatch(code) for code in codes)
        owner = institutions[patent["institution_id"]]
        assert split_list(patent["applicants"])[0] == owner["name"]
        modes = split_list(patent["conversion_modes"])
        assert set(modes) <= {mode.value for mode in ConversionMode}
        assert bool(patent["open_licence_terms"]) == (ConversionMode.OPEN_LICENCE in modes)
        if modes:
            assert owner["contact_phone"] in patent["public_contact"]
            assert patent["price_guide"]
        if ConversionMode.OPEN_LICENCE in modes:
            assert patent["legal_status"] == LegalStatus.GRANTED
        assert 1 <= patent["self_grade"] <= 5 and patent["claims_count"] >= 3
        assert patent["advantages"] and patent["application_scenarios"]
    assert any(patent["strategic_emerging_industry"] for patent in patents)
    assert any(patent["overseas_family"] for patent in patents)
    assert any(patent["conversion_modes"].count("open_licence") for patent in patents)


def test_institutions_and_enterprises_are_contactable(demo: tuple[Database, DemoSummary]) -> None:
    db, _ = demo
    for institution in rows(db, "institution"):
        assert institution["contact_person"] and "@" in institution["contact_email"]
        assert normalize_phone(institution["contact_phone"]) == institution["contact_phone"]
    enterprises = rows(db, "enterprise")
    walk_ins = [firm for firm in enterprises if firm["is_walk_in"]]
    assert len(walk_ins) == 2
    for firm in enterprises:
        assert MOBILE.fullmatch(firm["phone"]) and firm["contact_person"]
        assert firm["name_key"] == enterprise_name_key(firm["name"])
        assert firm["keywords"] and firm["industry"] and firm["region"]
        if firm["is_walk_in"]:
            continue  # typed at the desk: the code is looked up after the fair
        assert uscc.is_valid(firm["credit_code"]), firm["credit_code"]
        assert 1 <= len(split_list(firm["tags"])) <= 3 and firm["ipc_interests"]
        assert firm["address"].startswith(firm["region"]) and "@" in firm["email"]
    assert sum(firm["consent_to_contact"] for firm in enterprises) >= 25
    # One walk-in is the firm that signed up under its full name: the duplicate to reconcile.
    keys = Counter(firm["name_key"] for firm in enterprises)
    assert any(keys[firm["name_key"]] == 2 for firm in walk_ins)


def test_shortlist_sessions_and_check_in(demo: tuple[Database, DemoSummary]) -> None:
    db, _ = demo
    patents = {row["id"]: row for row in rows(db, "patent")}
    shortlist = rows(db, "shortlist_entry")
    assert [entry["position"] for entry in shortlist] == list(range(len(shortlist)))
    excluded = [entry for entry in shortlist if not entry["included"]]
    assert len(excluded) == 2 and all(entry["exclusion_reason"] for entry in excluded)
    assert sum(bool(entry["tags"]) for entry in shortlist) >= 6
    assert sum(bool(entry["presenter_notes"]) for entry in shortlist) >= 6
    included = {entry["patent_id"] for entry in shortlist if entry["included"]}
    slots = rows(db, "slot")
    for session_id in (1, 2):
        session_slots = [slot for slot in slots if slot["session_id"] == session_id]
        assert 6 <= len(session_slots) <= 8
        assert [slot["position"] for slot in session_slots] == list(range(len(session_slots)))
    for slot in slots:
        assert slot["patent_id"] in included and slot["presenter"]
        assert 6 <= slot["planned_minutes"] <= 10
        assert slot["institution_id"] == patents[slot["patent_id"]]["institution_id"]
    registrations = rows(db, "registration")
    checked = [row for row in registrations if row["checked_in_at"]]
    assert len(checked) == 15
    for registration in checked:
        at = dt.datetime.fromisoformat(registration["checked_in_at"]) + dt.timedelta(hours=8)
        assert at.date() == dt.date(2026, 9, 24) and 8 <= at.hour <= 10
        assert registration["checked_in_station"] in ("A", "B")
        assert registration["attendee_name"] and MOBILE.fullmatch(registration["attendee_phone"])


def test_intentions_follow_a_consistent_pipeline(demo: tuple[Database, DemoSummary]) -> None:
    db, _ = demo
    patents = {row["id"]: row for row in rows(db, "patent")}
    checked = {row["enterprise_id"] for row in rows(db, "registration") if row["checked_in_at"]}
    log = rows(db, "follow_up_entry")
    next_actions = []
    for intention in rows(db, "intention"):
        assert intention["enterprise_id"] in checked
        captured = dt.datetime.fromisoformat(intention["captured_at"]) + dt.timedelta(hours=8)
        assert captured.date() in (dt.date(2026, 9, 24), dt.date(2026, 9, 25))
        assert intention["captured_station"] in ("A", "B") and intention["contact_person"]
        entries = sorted(
            (entry for entry in log if entry["intention_id"] == intention["id"]),
            key=lambda entry: entry["at"],
        )
        changes = [entry for entry in entries if entry["to_stage"]]
        assert changes[0]["from_stage"] is None and changes[0]["to_stage"] == "new"
        assert changes[0]["at"] == intention["captured_at"]
        for before, after in itertools.pairwise(changes):
            assert after["from_stage"] == before["to_stage"]
        assert changes[-1]["to_stage"] == intention["stage"]
        assert changes[-1]["at"] == intention["stage_changed_at"]
        assert all(entry["note"] and entry["author"] for entry in entries)
        assert dt.datetime.fromisoformat(entries[-1]["at"]).date() < TODAY
        kind = intention["kind"]
        if kind == IntentionKind.NO_DEMAND:
            assert 1 <= intention["prospect_rating"] <= 5 and intention["budget_band"] is None
        else:
            assert intention["prospect_rating"] is None and intention["budget_band"]
            assert intention["owner"]
        if kind == IntentionKind.OPEN_LICENCE:
            assert "open_licence" in patents[intention["patent_id"]]["conversion_modes"]
        assert bool(intention["dropped_reason"]) == (intention["stage"] == "dropped")
        if intention["next_action_on"]:
            next_actions.append(dt.date.fromisoformat(intention["next_action_on"]))
    assert any(day < TODAY for day in next_actions)  # overdue
    assert any(day > TODAY for day in next_actions)  # planned


@pytest.mark.sqlite_only(
    "compares raw stored rows with other SQLite files (stored forms differ by engine)"
)
def test_same_seed_same_records_other_seed_other_records(db: Database, tmp_path: Path) -> None:
    fill_demo(db, seed=7)
    twin = open_database(f"sqlite:///{tmp_path / 'twin.sqlite3'}")
    other = open_database(f"sqlite:///{tmp_path / 'other.sqlite3'}")
    try:
        fill_demo(twin, seed=7)
        fill_demo(other, seed=8)
        for table in ("patent", "institution", "enterprise", "shortlist_entry", "intention"):
            assert rows(db, table) == rows(twin, table), table
        uuids = {row["uuid"] for row in rows(db, "patent")}
        assert uuids.isdisjoint(row["uuid"] for row in rows(other, "patent"))
    finally:
        twin.dispose()
        other.dispose()


def test_refuses_a_database_that_holds_records(demo: tuple[Database, DemoSummary]) -> None:
    db, _ = demo
    with pytest.raises(InputError, match="already holds records"):
        fill_demo(db)
    assert count(db, Patent) == 60 and count(db, Event) == 1


def test_refuses_a_database_with_only_enterprises(db: Database) -> None:
    with db.session() as session:
        session.add(Enterprise(name="宁波某科技有限公司"))
    with pytest.raises(InputError):
        fill_demo(db)
    assert count(db, Patent) == 0


def test_only_a_library_without_patents_is_empty_for_the_demo(
    db: Database, demo: tuple[Database, DemoSummary]
) -> None:
    assert has_no_patents(db)
    with db.session() as session:
        session.add(Enterprise(name="宁波某科技有限公司"))
    assert has_no_patents(db)  # the demo then refuses it: it holds records
    assert not has_no_patents(demo[0])


@pytest.mark.parametrize("size", [0, 29, 1_000_001])
def test_refuses_a_size_out_of_range(demo: tuple[Database, DemoSummary], size: int) -> None:
    with pytest.raises(InputError, match="between 30 and 1000000"):
        fill_demo(demo[0], patents=size)


@pytest.mark.sqlite_only(
    "compares raw stored rows with other SQLite files (stored forms differ by engine)"
)
def test_a_larger_library_scales_and_keeps_the_event(db: Database, tmp_path: Path) -> None:
    summary = fill_demo(db, patents=2000)
    assert summary.patents == count(db, Patent) == 2000
    patents = rows(db, "patent")
    for key in ("application_no", "publication_no", "uuid"):
        assert len({patent[key] for patent in patents}) == 2000, key
    assert all(normalize_application_number(p["application_no"]) for p in patents[::50])
    assert len({patent["technical_field"] for patent in patents}) == 7
    assert len({patent["title"] for patent in patents}) > 800
    types = Counter(patent["patent_type"] for patent in patents)
    assert types[PatentType.UTILITY_MODEL] > 100
    small = open_database(f"sqlite:///{tmp_path / 'small.sqlite3'}")
    try:
        fill_demo(small)
        assert rows(small, "patent") == patents[:60]
        for table in ("shortlist_entry", "slot", "intention", "follow_up_entry"):
            assert rows(small, table) == rows(db, table), table
    finally:
        small.dispose()


def test_cancelling_leaves_the_database_empty(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(demo_module, "CHUNK", 100)  # several chunks without a big library
    seen: list[tuple[int, int]] = []

    def on_progress(done: int, total: int, _text: str) -> None:
        seen.append((done, total))
        if done >= 200:
            progress.cancel()

    progress = Progress(on_progress)
    with pytest.raises(Cancelled):
        fill_demo(db, patents=500, progress=progress)
    assert seen[-1][0] == 200  # two chunks were written before the user cancelled
    for model in (Patent, Institution, Enterprise, Event, Intention, Station):
        assert count(db, model) == 0, model.__name__


def test_progress_reaches_its_total(db: Database) -> None:
    seen: list[tuple[int, int, str]] = []
    fill_demo(db, patents=60, progress=Progress(lambda *args: seen.append(args)))
    done = [item[0] for item in seen]
    assert done == sorted(done) and done[-1] == seen[-1][1] > 60
    assert all(item[2] for item in seen)


def test_name_key_ignores_legal_form_and_full_width() -> None:
    assert enterprise_name_key("宁波甬辉智能装备股份有限公司") == "宁波甬辉智能装备"
    assert enterprise_name_key("宁波（北仑） ＡＢＣ科技有限公司") == "宁波(北仑)abc科技"
    assert enterprise_name_key("有限公司") == "有限公司"


def test_a_broken_demo_table_is_refused() -> None:
    field = {"name": "新材料", "industry": "新材料产业", "closings": ["。"]}
    topic = {
        "titles": ["一种{m}材料"],
        "slots": {"m": ["耐热"]},
        "ipc": ["C08L 67/04"],
        "method": "以{typo}为原料",
        "effect": "",
        "advantages": "",
        "scenarios": "",
        "owners": ["浙大"],
    }
    with pytest.raises(ValueError, match="typo"):
        _topic(field, topic)
    data = load_demo_data()
    assert all(IPC.fullmatch(code) or "{" in code for t in data.topics for code in t.ipc)
