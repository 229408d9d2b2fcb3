"""Search with a long indexing queue: queued patents are scanned, never trusted to the index.

An import only queues its patents; the index catches up later (``index_pending`` in
batches). Meanwhile every search must equal the plain substring scan, including patents
edited since they were indexed (their index entries are stale), tombstoned and new ones.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from search_reference import fold, load_rows, scan
from sqlalchemy import delete, select, text, update
from test_search import PATENTS, QUERIES, number

from roadshow_desk.domain.models import Patent
from roadshow_desk.store import search, search_index
from roadshow_desk.store.db import Database

pytestmark = pytest.mark.sqlite_only(
    "the SQLite index's queue; PostgreSQL's expression index has none"
)


def pending(database: Database) -> list[int]:
    with database.session() as session:
        search.ensure_search_schema(session)  # made on first use
        return list(session.scalars(text("SELECT patent_id FROM patent_search_pending")))


def titled(database: Database, title: str) -> int:
    with database.session() as session:
        found = session.scalar(select(Patent.id).where(Patent.title == title))
    assert found is not None
    return found


@pytest.fixture
def scanning(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every non-empty queue counts as long: searches scan it instead of indexing it."""
    monkeypatch.setattr(search, "INLINE_LIMIT", 0)


@pytest.fixture
def stale_library(db: Database, scanning: None) -> Database:
    """The test library indexed, then edited so that index entries are stale, a patent
    tombstoned, one hard-deleted and two added: all of those queued, the rest not."""
    with db.session() as session:
        session.add_all(Patent(station="test", **values) for values in PATENTS)
    with db.session() as session:
        assert search.index_pending(session) == len(PATENTS)
    chip = titled(db, "芯片封装结构")
    lithium = titled(db, "一种固态锂电池电解质及其制备方法")
    with db.session() as session:
        session.execute(
            update(Patent)
            .where(Patent.id == chip)
            .values(title="散热器件", abstract="用于ＬＥＤ灯的散热结构。", ipc_main="F21V")
        )
        session.execute(
            update(Patent).where(Patent.id == lithium).values(title="Solid ELECTROLYTE 电池")
        )
        session.execute(
            update(Patent).where(Patent.title == "电池").values(deleted_at=dt.datetime(2024, 1, 1))
        )
        session.execute(delete(Patent).where(Patent.title.like("Method for low-temperature%")))
        session.add(Patent(station="t", application_no=number(50), title="芯片 WiFi 电池模块"))
        session.add(
            Patent(
                station="t",
                application_no=number(51),
                title="储能装置",
                abstract="ＣＮＮ芯片封装结构（１）",
                inventors="I·O·洛博达",
            )
        )
    assert len(pending(db)) == 6
    return db


def _reference(database: Database, query: str) -> set[int]:
    with database.session() as session:
        return scan(load_rows(session), query)


def _expected_order(database: Database, query: str) -> list[int]:
    """The reference hits, most terms in the title first, then by id."""
    terms = list(dict.fromkeys(fold(query).split()))
    hits = _reference(database, query)
    with database.session() as session:
        titles = dict(session.execute(select(Patent.id, Patent.title)).all())
    return sorted(hits, key=lambda pid: (-sum(t in fold(titles[pid]) for t in terms), pid))


EXTRA_QUERIES = ["散热", "芯片封装", "ｌｅｄ", "electrolyte", "solid 电池", "f21v", "wifi 芯片"]


@pytest.mark.parametrize("query", QUERIES + EXTRA_QUERIES)
def test_long_queue_search_equals_reference(stale_library: Database, query: str) -> None:
    queued = pending(stale_library)
    with stale_library.session() as session:
        hits = search.search_ids(session, query, limit=0)
        count = search.count_hits(session, query)
        condition = search.search_condition(session, query)
        composed = (
            set()
            if condition is None
            else set(session.scalars(select(Patent.id).where(condition.where)))
        )
    expected = _reference(stale_library, query)
    assert len(hits) == len(set(hits))
    assert set(hits) == expected and count == len(expected)
    assert composed == expected
    assert hits == _expected_order(stale_library, query)  # title hits first, then by id
    assert pending(stale_library) == queued  # scanned, not indexed


def test_stale_entries_do_not_leak_and_queued_patents_are_found(stale_library: Database) -> None:
    def titles(query: str) -> list[str]:
        with stale_library.session() as session:
            ids = search.search_ids(session, query, limit=0)
            return [session.get(Patent, pid).title for pid in ids]  # type: ignore[union-attr]

    assert titles("芯片封装") == ["储能装置"]  # the old title's entries are stale
    assert titles("散热") == ["散热器件"]
    assert titles("锂电池") == []  # edited away
    assert "电池" not in titles("电池")  # tombstoned
    assert titles("sintering") == []  # deleted
    assert titles("２０２２１００１６６３２．１") == ["Solid ELECTROLYTE 电池"]  # by its number
    assert titles(number(50)) == ["芯片 WiFi 电池模块"]  # new, never indexed
    assert titles("electrolyte") == ["Solid ELECTROLYTE 电池"]
    assert titles("芯片")[:1] == ["芯片 WiFi 电池模块"]  # in its title: first


def test_title_rank_of_queued_and_indexed_patents(stale_library: Database) -> None:
    with stale_library.session() as session:
        condition = search.search_condition(session, "电池 管理")
        assert condition is not None
        rows = session.execute(
            select(Patent.title, condition.rank)
            .where(condition.where)
            .order_by(condition.rank.desc(), Patent.id)
        ).all()
    assert rows == [("储能电站的电池管理系统", 2)]
    with stale_library.session() as session:
        condition = search.search_condition(session, "电池")
        assert condition is not None
        ranks = dict(
            session.execute(select(Patent.title, condition.rank).where(condition.where)).all()
        )
    assert ranks == {
        "Solid ELECTROLYTE 电池": 1,  # queued, scanned
        "芯片 WiFi 电池模块": 1,  # new
        "储能电站的电池管理系统": 1,  # indexed
        "基于深度学习的钢材表面缺陷检测方法": 0,  # in its abstract only
    }


def test_cli_search_is_exact_with_a_long_queue(
    stale_library: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    from roadshow_desk.cli import main

    assert main(["search", "芯片", "--db", stale_library.url, "--json", "--limit", "0"]) == 0
    payload = json.loads(capsys.readouterr().out)
    titles = [hit["title"] for hit in payload["hits"]]
    assert payload["total"] == len(titles) == len(_reference(stale_library, "芯片"))
    assert titles[0] == "芯片 WiFi 电池模块" and "散热器件" not in titles
    assert main(["search", "散热", "--db", stale_library.url, "--limit", "1"]) == 0
    assert capsys.readouterr().out.split("\t")[1].strip() == "散热器件"


def test_a_short_queue_is_indexed_by_the_search(db: Database) -> None:
    with db.session() as session:
        session.add_all(Patent(station="test", **values) for values in PATENTS)
    assert len(pending(db)) == len(PATENTS) <= search.INLINE_LIMIT
    with db.session() as session:
        assert set(search.search_ids(session, "电池", 0)) == _reference(db, "电池")
    assert pending(db) == []


def test_a_scan_works_on_a_connection_without_the_function(stale_library: Database) -> None:
    """``rs_normalize`` is registered by store.db; the search adds it where it is missing."""
    from sqlalchemy import create_engine

    engine = create_engine(stale_library.url)
    try:
        with engine.connect() as connection:
            assert set(search.search_ids(connection, "ｌｅｄ", 0)) == _reference(
                stale_library, "led"
            )
    finally:
        engine.dispose()


# --------------------------------------------------------------------------- catching up


def test_index_pending_with_a_limit_makes_progress_lowest_ids_first(db: Database) -> None:
    with db.session() as session:
        session.add_all(
            Patent(station="t", application_no=number(n), title=f"电池{n}号", abstract="储能")
            for n in range(23)
        )
    queued = sorted(pending(db))
    assert len(queued) == 23
    rounds = 0
    while True:
        with db.session() as session:
            done = search.index_pending(session, limit=5)
            left = search.pending_count(session)
        if not done:
            break
        rounds += 1
        assert done == min(5, 23 - 5 * (rounds - 1)) and left == 23 - 5 * (rounds - 1) - done
        assert sorted(pending(db)) == queued[5 * rounds :]  # the lowest ids went first
    assert rounds == 5 and pending(db) == []
    with db.session() as session:
        assert search.index_pending(session, limit=5) == 0
        assert set(search.search_ids(session, "储能 电池1", 0)) == _reference(db, "储能 电池1")
        indexed = session.scalar(text("SELECT count(*) FROM patent_search_text"))
    assert indexed == 23


def test_the_whole_queue_into_an_empty_index_takes_the_bulk_path(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = []
    rebuild = search_index.rebuild_index

    def spy(bind):  # type: ignore[no-untyped-def]
        calls.append(bind)
        return rebuild(bind)

    monkeypatch.setattr(search_index, "rebuild_index", spy)
    with db.session() as session:
        session.add_all(
            Patent(station="t", application_no=number(n), title="芯片") for n in range(1100)
        )
    with db.session() as session:
        assert search.index_pending(session, limit=400) == 400  # a batch: not the bulk path
        assert calls == []
    with db.session() as session:
        session.execute(text("DELETE FROM patent_search_text"))  # empty the index again
        session.execute(
            text("INSERT INTO patent_search_fts(patent_search_fts) VALUES ('delete-all')")
        )
        session.execute(text("INSERT OR IGNORE INTO patent_search_pending SELECT id FROM patent"))
    with db.session() as session:
        assert search.index_pending(session) == 1100
    assert len(calls) == 1 and pending(db) == []
    assert len(_search(db, "芯片")) == 1100


def _search(database: Database, query: str) -> list[int]:
    with database.session() as session:
        return search.search_ids(session, query, limit=0)


def test_index_pending_locks_out_writers_before_it_reads(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An edit between reading a patent and writing its index entries would be lost: the
    edit's trigger finds the patent queued already, and the batch then dequeues it."""
    with db.session() as session:
        session.add(Patent(station="t", application_no=number(1), title="芯片"))
    assert len(pending(db)) == 1  # the index tables exist: index_pending begins by reading
    path = db.path
    assert path is not None
    outcome: list[str] = []
    index_batch = search_index._index_batch

    def edit_meanwhile(cursor, ids, prepared=None):  # type: ignore[no-untyped-def]
        other = sqlite3.connect(str(path), timeout=0)
        try:
            other.execute("UPDATE patent SET title = '电池' WHERE id = ?", (ids[0],))
            other.commit()
            outcome.append("edited")
        except sqlite3.OperationalError as error:
            outcome.append(str(error))
        finally:
            other.close()
        return index_batch(cursor, ids, prepared)

    monkeypatch.setattr(search_index, "_index_batch", edit_meanwhile)
    with db.session() as session:
        assert search.index_pending(session, limit=10) == 1
    assert outcome == ["database is locked"]
    with db.session() as session:
        assert search.search_ids(session, "芯片") != []


def test_tokens_cut_ahead_are_used_only_for_patents_that_did_not_change(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    with db.session() as session:
        session.add_all(
            Patent(station="t", application_no=number(n), title=f"芯片{n}", abstract="封装")
            for n in range(10)
        )
    with db.session() as session:
        prepared = search_index.prepare_pending(session, 6)
    assert sorted(prepared) == sorted(pending(db))[:6]
    edited = min(prepared)
    with db.session() as session:  # between cutting the tokens and indexing
        session.execute(update(Patent).where(Patent.id == edited).values(title="电池"))
    cut: list[str] = []
    tokenized = search_index._tokenized

    def spy(title: str, body: str):  # type: ignore[no-untyped-def]
        cut.append(title)
        return tokenized(title, body)

    monkeypatch.setattr(search_index, "_tokenized", spy)
    with db.session() as session:
        assert search.index_pending(session, 6, prepared) == 6
    assert cut == ["电池"]  # only the edited patent was cut again
    assert len(pending(db)) == 4
    with db.session() as session:
        assert search.search_ids(session, "电池") == [edited]
        assert edited not in search.search_ids(session, "芯片", 0)
        assert set(search.search_ids(session, "封装", 0)) == _reference(db, "封装")


def test_two_connections_never_rebuild_the_index_at_once(db: Database) -> None:
    """The search indexer and a search both find an outdated index when the window opens:
    the second must not wipe what the first rebuilt (and indexed) meanwhile."""
    import threading
    import time

    with db.session() as session:
        session.add_all(
            Patent(station="t", application_no=number(n), title="芯片") for n in range(30)
        )
    with db.session() as session:
        search.index_pending(session)
        session.execute(text("UPDATE patent_search_meta SET value = '0' WHERE key = 'version'"))
    rebuilt = threading.Event()

    def first() -> None:
        with db.session() as session:
            search.ensure_search_schema(session)  # rebuilds, holding the write lock
            search.index_pending(session)
            rebuilt.set()
            time.sleep(0.3)  # the other connection arrives meanwhile

    worker = threading.Thread(target=first)
    worker.start()
    assert rebuilt.wait(10)
    with db.session() as session:
        assert search.ensure_search_schema(session)  # waits, then finds the index made
    worker.join()
    assert pending(db) == []
    with db.session() as session:
        assert session.scalar(text("SELECT count(*) FROM patent_search_text")) == 30


# --------------------------------------------------------------------------- the raw-text shortcut


def test_stable_characters_are_neither_changed_nor_produced_by_normalising() -> None:
    produced: set[str] = set()
    stable = []
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        normalised = search.normalize_text(char)
        if normalised != char:
            produced.update(normalised)
        if search.stable_char(char):
            stable.append(char)
            assert normalised == char
    assert not produced & set(stable)
    assert all(search.stable_char(c) for c in "电池。、「」·锂")
    assert not any(search.stable_char(c) for c in "aA1 ＡＢ　Σİ\u0307Ⅰⓐ")


# --------------------------------------------------------------------------- property

ALPHABET = "电池储能锂芯片a1 B-。ＣΣİik\u212a"


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from roadshow_desk.store.db import open_database

    database = open_database(f"sqlite:///{tmp_path_factory.mktemp('queue') / 'q.sqlite3'}")
    yield database
    database.dispose()


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    texts=st.lists(st.text(alphabet=ALPHABET, max_size=24), min_size=1, max_size=10),
    edits=st.lists(st.text(alphabet=ALPHABET, max_size=24), max_size=10),
    indexed=st.integers(min_value=0, max_value=10),
    query=st.text(alphabet=ALPHABET, min_size=1, max_size=5),
)
def test_property_partly_indexed_and_edited_equals_scan(
    scratch: Database,
    scanning: None,
    texts: list[str],
    edits: list[str],
    indexed: int,
    query: str,
) -> None:
    with scratch.session() as session:
        search.ensure_search_schema(session)
        session.execute(delete(Patent))
        session.execute(text("DELETE FROM patent_search_pending"))
        session.execute(text("DELETE FROM patent_search_text"))
        for name in ("patent_search_fts", "patent_search_title_fts"):
            session.execute(text(f"INSERT INTO {name}({name}) VALUES ('delete-all')"))
        for serial, value in enumerate(texts):
            half = len(value) // 2
            session.add(
                Patent(
                    station="p",
                    application_no=number(serial),
                    title=value[:half],
                    abstract=value[half:],
                )
            )
    with scratch.session() as session:
        search_index.index_pending(session, limit=indexed)
        ids = list(session.scalars(select(Patent.id).order_by(Patent.id)))
        for patent_id, value in zip(ids, edits, strict=False):
            session.execute(update(Patent).where(Patent.id == patent_id).values(title=value))
    with scratch.session() as session:
        hits = search.search_ids(session, query, limit=0)
        assert set(hits) == scan(load_rows(session), query)
        assert len(hits) == len(set(hits))
        assert search.count_hits(session, query) == len(hits)


def _synchronous(database: Database) -> list[int]:
    """The ``synchronous`` level of every connection the pool holds (FULL is 2)."""
    pool = database.engine.pool
    held = [database.engine.connect() for _ in range(pool.checkedin() or 1)]
    try:
        return [c.exec_driver_sql("PRAGMA synchronous").scalar() for c in held]
    finally:
        for connection in held:
            connection.close()


def test_the_catch_up_commits_without_fsync_and_gives_the_connection_back_full(
    db: Database,
) -> None:
    with db.session() as session:
        session.add_all(
            Patent(station="t", application_no=number(n), title=f"电池{n}号") for n in range(7)
        )
    queued = sorted(pending(db))
    assert _synchronous(db) == [2]  # FULL: a recorded intention survives a power cut
    with db.engine.connect() as connection:
        with search_index.catch_up_commits(connection):
            assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
            assert search.index_pending(connection, limit=5) == 5
            connection.commit()
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2
    assert sorted(pending(db)) == queued[5:]
    assert set(_synchronous(db)) == {2}  # every pooled connection: user writes stay FULL


def test_a_failed_catch_up_leaves_its_patents_queued_and_the_connection_full(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    with db.session() as session:
        session.add_all(
            Patent(station="t", application_no=number(n), title=f"电池{n}号") for n in range(7)
        )
    queued = sorted(pending(db))
    real_insert = search_index._insert_documents

    def insert_then_fail(*args: object, **kwargs: object) -> None:
        real_insert(*args, **kwargs)  # the index rows are written, then the disk "fails"
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(search_index, "_insert_documents", insert_then_fail)
    with db.engine.connect() as connection:
        with (
            pytest.raises(sqlite3.OperationalError),
            search_index.catch_up_commits(connection),
        ):
            search.index_pending(connection, limit=5)
            connection.commit()
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2
    assert sorted(pending(db)) == queued  # dequeued in the same transaction: nothing lost
    with db.session() as session:
        assert session.scalar(text("SELECT count(*) FROM patent_search_text")) == 0
