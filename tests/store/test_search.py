"""Chinese full-text search: indexed results equal a plain substring scan, exactly."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from search_reference import load_rows, scan
from sqlalchemy import delete, insert, select, text, update

from roadshow_desk.domain.identifiers import check_character, to_halfwidth
from roadshow_desk.domain.models import Patent
from roadshow_desk.store import search
from roadshow_desk.store.db import Database


def number(serial: int, year: int = 2021, kind: int = 1) -> str:
    digits = f"{year}{kind}{serial:07d}"
    return f"CN{digits}.{check_character(digits)}"


PATENTS = [
    dict(
        application_no="CN202210016632.1",
        publication_no="CN114399933A",
        title="一种固态锂电池电解质及其制备方法",
        abstract="本发明公开了一种锂离子电池的固态电解质，WiFi模块可远程监测。",
        applicants="清华大学; 北京某某新能源科技有限公司",
        inventors="张三; 李四",
        ipc_main="H01M 10/0562",
        ipc_all="H01M 10/0562; H01M  4/13",
    ),
    dict(
        application_no=number(1),
        title="储能电站的电池管理系统",
        abstract="一种基于ＬＥＤ指示与Ｗｉｆｉ通信的电池管理系统，用于储能。",  # full width
        applicants="浙江大学",
        inventors="王五",
        ipc_main="H02J",
        ipc_all="H02J 7/00; G01R 31/36",
    ),
    dict(
        application_no=number(2),
        title="基于深度学习的钢材表面缺陷检测方法",
        abstract="采用卷积神经网络（CNN）检测电池极片缺陷；LEDs illuminate the strip.",
        applicants="华中科技大学",
        inventors="I·O·洛博达; 赵六",
        ipc_main="G06N",
        ipc_all="G06N 3/08; G06T 7/00",
    ),
    dict(
        application_no="CN00129265.X",
        title="芯片封装结构",
        abstract="一种芯片。封装　结构（１）与Ｐ１端子。",  # ideographic space, full-width digits
        applicants="中国科学院微电子研究所",
        inventors="不公告发明人",
        ipc_main="H01L",
        ipc_all="H01L 23/31",
    ),
    dict(
        application_no=number(3),
        title="Method for low-temperature sintering of ceramics",
        abstract="A sintering method; 10/0525 ratio, pH 7.",
        applicants="Zhejiang Lab",
        inventors="Li Wei",
        ipc_main="C04B",
        ipc_all="C04B 35/64",
    ),
    dict(
        application_no=number(4),
        title="电池",
        abstract="",
        applicants="",
        inventors="",
        ipc_main="",
        ipc_all="",
    ),
]

QUERIES = [
    # one, two and three CJK characters
    "电",
    "芯",
    "池",
    "电池",
    "储能",
    "方法",
    "锂电池",
    "电解质",
    "管理系",
    "封装结构",
    "。封",  # CJK punctuation is searchable text too
    "（１）",
    # Latin words, whole and partial, any case or width
    "wifi",
    "WiFi",
    "ｗｉｆｉ",
    "led",
    "LEDs",
    "sinter",
    "inter",
    "ing",
    "cnn",
    "h01m",
    "H01M",
    "0562",
    "10/0562",
    "h01m10",
    "35/64",
    "ph",
    "pH 7",
    # mixed and multi-term
    "wifi模块",
    "模块可",
    "电池 储能",
    "电池 清华",
    "电池 zhejiang",
    "洛博达",
    "I·O",
    "·",
    # application numbers in every form
    "202210016632.1",
    "CN202210016632",
    "CN202210016632.1",
    "２０２２１００１６６３２．１",
    "ZL202210016632.1",
    "2022100166321",
    "00129265.X",
    "CN00129265",
    "2022100166",
    "cn114399933a",
    # nothing to index, or no hit
    "-",
    ";",
    "不存在的词",
    "zzz",
    "",
]


@pytest.fixture
def library(db: Database) -> Database:
    with db.session() as session:
        session.add_all(Patent(station="test", **values) for values in PATENTS)
    return db


def _search_all(database: Database, query: str) -> list[int]:
    with database.session() as session:
        return search.search_ids(session, query, limit=0)


def _reference(database: Database, query: str) -> set[int]:
    with database.session() as session:
        return scan(load_rows(session), query)


@pytest.mark.parametrize("query", QUERIES)
def test_search_equals_substring_scan(library: Database, query: str) -> None:
    hits = _search_all(library, query)
    assert len(hits) == len(set(hits))
    assert set(hits) == _reference(library, query)


def test_fixture_queries_find_what_a_reader_expects(library: Database) -> None:
    def titles(query: str) -> set[str]:
        ids = _search_all(library, query)
        with library.session() as session:
            return set(session.scalars(select(Patent.title).where(Patent.id.in_(ids))))

    assert titles("芯") == {"芯片封装结构"}
    assert titles("锂电池") == {"一种固态锂电池电解质及其制备方法"}
    assert titles("wifi") == {"一种固态锂电池电解质及其制备方法", "储能电站的电池管理系统"}
    assert titles("２０２２１００１６６３２．１") == {"一种固态锂电池电解质及其制备方法"}
    assert titles("CN00129265") == {"芯片封装结构"}
    assert titles("led") == {"储能电站的电池管理系统", "基于深度学习的钢材表面缺陷检测方法"}
    assert titles("不存在的词") == set()


def test_title_hits_come_first(library: Database) -> None:
    ids = _search_all(library, "电池")
    with library.session() as session:
        ordered = [session.get(Patent, pid).title for pid in ids]  # type: ignore[union-attr]
    in_title = [title for title in ordered if "电池" in title]
    assert ordered[: len(in_title)] == in_title
    assert len(in_title) == 3 and len(ordered) == 4


def test_limit_keeps_the_best(library: Database) -> None:
    everything = _search_all(library, "电池")
    with library.session() as session:
        assert search.search_ids(session, "电池", limit=2) == everything[:2]
        assert search.count_hits(session, "电池") == 4
        assert search.count_hits(session, "") == 0


@pytest.mark.sqlite_only(
    "the SQLite FTS5 index's plans, tables and triggers (PostgreSQL: test_search_postgresql.py)"
)
def test_plans_are_exact_for_short_cjk_and_pure_words(library: Database) -> None:
    with library.session() as session:
        plans = {plan.term: plan for plan in search.plan_query(session, "芯 电池 锂电池 wifi -")}
    assert plans["芯"].exact and plans["芯"].match == '"芯"'
    assert plans["电池"].exact and plans["电池"].match == '"电池"'
    assert not plans["锂电池"].exact and plans["锂电池"].match == '"锂电" AND "电池"'
    assert plans["wifi"].exact
    assert plans["-"].match is None


def test_index_follows_edits_tombstones_and_deletes(library: Database) -> None:
    with library.session() as session:
        first = session.scalar(select(Patent.id).where(Patent.title == "芯片封装结构"))
        assert search.search_ids(session, "芯片") == [first]
        session.execute(update(Patent).where(Patent.id == first).values(title="散热器件"))
    with library.session() as session:
        assert search.search_ids(session, "芯片封装") == []
        assert search.search_ids(session, "散热") == [first]
        assert search.search_ids(session, "芯片") == [first]  # still in its abstract
        session.execute(
            update(Patent).where(Patent.id == first).values(deleted_at=dt.datetime(2024, 1, 1))
        )
    with library.session() as session:
        assert search.search_ids(session, "散热") == []
        session.execute(update(Patent).where(Patent.id == first).values(deleted_at=None))
    with library.session() as session:
        assert search.search_ids(session, "散热") == [first]
        session.execute(delete(Patent).where(Patent.id == first))
    with library.session() as session:
        assert search.search_ids(session, "散热") == []
        session.add(Patent(station="t", application_no=number(9), title="新的散热器件"))
    for query in ("散热", "芯", "器件", "wifi", "电池"):
        assert set(_search_all(library, query)) == _reference(library, query)


@pytest.mark.sqlite_only(
    "the SQLite FTS5 index's plans, tables and triggers (PostgreSQL: test_search_postgresql.py)"
)
def test_index_patents_in_the_writers_transaction(library: Database) -> None:
    with library.engine.begin() as connection:
        search.rebuild_index(connection)
        inserted = connection.execute(
            insert(Patent).values(station="s", application_no=number(99), title="量子点发光器件")
        )
        new_id = inserted.inserted_primary_key[0]
        assert search.index_patents(connection, [new_id]) == 1
        pending = connection.exec_driver_sql("SELECT count(*) FROM patent_search_pending")
        assert pending.scalar() == 0
        assert search.search_ids(connection, "量子点") == [new_id]


@pytest.mark.sqlite_only(
    "the SQLite FTS5 index's plans, tables and triggers (PostgreSQL: test_search_postgresql.py)"
)
def test_lost_triggers_rebuild_the_index(library: Database) -> None:
    with library.session() as session:
        assert search.count_hits(session, "电池") == 4
    with library.engine.begin() as connection:
        # A batch migration that rebuilds ``patent`` drops its triggers.
        connection.exec_driver_sql("DROP TRIGGER patent_search_on_update")
        connection.execute(update(Patent).where(Patent.title == "电池").values(title="电容"))
    with library.session() as session:
        assert search.count_hits(session, "电池") == 3
        assert search.count_hits(session, "电容") == 1


@pytest.mark.sqlite_only(
    "the SQLite FTS5 index's plans, tables and triggers (PostgreSQL: test_search_postgresql.py)"
)
def test_outdated_index_version_is_rebuilt(library: Database) -> None:
    with library.session() as session:
        search.rebuild_index(session)
        session.execute(text("UPDATE patent_search_meta SET value = '0' WHERE key = 'version'"))
    with library.session() as session:
        assert set(search.search_ids(session, "电池", 0)) == _reference(library, "电池")
        version = session.execute(text("SELECT value FROM patent_search_meta")).scalar()
        assert version == search.INDEX_VERSION


def test_search_condition_composes_with_other_filters(library: Database) -> None:
    with library.session() as session:
        condition = search.search_condition(session, "电池")
        assert condition is not None
        statement = (
            select(Patent.title)
            .where(condition.where, Patent.applicants.contains("大学"))
            .order_by(condition.rank.desc(), Patent.id)
        )
        titles = list(session.scalars(statement))
        assert search.search_condition(session, "   ") is None
    assert titles == [
        "一种固态锂电池电解质及其制备方法",
        "储能电站的电池管理系统",
        "基于深度学习的钢材表面缺陷检测方法",  # 电池 only in its abstract: last
    ]


def test_normalize_text_agrees_with_identifiers() -> None:
    sample = "".join(chr(code) for code in range(0x20, 0x7F)) + "ＡＢＣ　ｘｙｚ１２３（）电池。"
    assert search.normalize_text(sample) == to_halfwidth(sample).lower()


# --------------------------------------------------------------------------- property

ALPHABET = "电池储能锂芯片a1 B-。Ｃ"


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from roadshow_desk.store.db import open_database

    database = open_database(f"sqlite:///{tmp_path_factory.mktemp('prop') / 'p.sqlite3'}")
    yield database
    database.dispose()


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    texts=st.lists(st.text(alphabet=ALPHABET, max_size=30), min_size=1, max_size=12),
    query=st.text(alphabet=ALPHABET, min_size=1, max_size=5),
)
def test_property_search_equals_scan(scratch: Database, texts: list[str], query: str) -> None:
    with scratch.session() as session:
        session.execute(delete(Patent))  # the triggers queue the removals
        for serial, value in enumerate(texts):
            half = len(value) // 2
            session.add(
                Patent(
                    station="p",
                    application_no=number(serial),
                    title=value[:half],
                    abstract=value[half:],
                    applicants=value[::-1],
                )
            )
    with scratch.session() as session:
        hits = search.search_ids(session, query, limit=0)
        assert set(hits) == scan(load_rows(session), query)
        assert len(hits) == len(set(hits))


@pytest.mark.sqlite_only("the SQLite index's bulk indexing (index_patents)")
def test_bulk_indexing_then_edits_equal_scan(db: Database) -> None:
    """The importer's path: thousands of patents indexed in one transaction, then edited."""
    import random

    generator = random.Random(7)

    def text(length: int) -> str:
        return "".join(generator.choice("电池储能锂芯片传感器a1 B-。Ｃ") for _ in range(length))

    with db.engine.begin() as connection:
        connection.execute(
            insert(Patent),
            [
                dict(
                    station="bulk", application_no=number(serial), title=text(8), abstract=text(40)
                )
                for serial in range(1300)  # more than two of the indexer's chunks
            ],
        )
        ids = [row[0] for row in connection.execute(select(Patent.id))]
        assert search.index_patents(connection, ids) == 1300
    with db.engine.begin() as connection:
        for patent_id in ids[::3]:
            connection.execute(
                update(Patent)
                .where(Patent.id == patent_id)
                .values(title=text(6), abstract=text(30))
            )
        connection.execute(
            update(Patent)
            .where(Patent.id.in_(ids[1::7]))
            .values(deleted_at=dt.datetime(2024, 1, 1))
        )
        assert search.index_patents(connection, ids) == 1300
    for query in ("电池", "锂", "芯片传", "a1", "b-", "池储能", "c", "器a"):
        hits = _search_all(db, query)
        assert hits and set(hits) == _reference(db, query), query
