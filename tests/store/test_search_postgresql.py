"""Search on PostgreSQL: exact (a substring scan's hits), the same hits in the same order as
on SQLite, on the real exports too, and answered through the GIN index."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from search_reference import load_rows, scan
from sqlalchemy import delete, insert, text
from test_search import ALPHABET, PATENTS, QUERIES, number

from roadshow_desk.domain.models import Patent
from roadshow_desk.store import search, search_pg
from roadshow_desk.store.db import Database, open_database

pytestmark = pytest.mark.postgresql


def _index_used(database: Database, term: str) -> str:
    """The plan of one term's query (the index's expression must be the query's)."""
    params: dict[str, Any] = {}
    term = search.query_terms(term)[0]
    where, _rank = search_pg.hits_sql([(term, search.application_number_in(term))], params, "plan")
    with database.engine.begin() as connection:
        rows = connection.execute(
            text(f"EXPLAIN SELECT p.id FROM patent AS p WHERE {where}"), params
        )
        return "\n".join(row[0] for row in rows)


@pytest.fixture
def engines(pg_db_url: str, tmp_path: Path) -> Iterator[tuple[Database, Database]]:
    pg = open_database(pg_db_url)
    sqlite = open_database(str(tmp_path / "lib.sqlite3"))
    for database in (pg, sqlite):
        with database.session() as session:
            session.add_all(Patent(station="test", **values) for values in PATENTS)
    yield pg, sqlite
    pg.dispose()
    sqlite.dispose()


def test_every_fixture_query_gives_the_same_hits_on_both_engines(
    engines: tuple[Database, Database],
) -> None:
    pg, sqlite = engines
    for query in QUERIES:
        with pg.session() as a, sqlite.session() as b:
            hits = search.search_ids(a, query, limit=0)
            assert hits == search.search_ids(b, query, limit=0), query
            assert set(hits) == scan(load_rows(a), query), query
            assert search.count_hits(a, query) == len(hits)


def test_the_index_answers_cjk_words_ipc_codes_and_numbers(
    engines: tuple[Database, Database],
) -> None:
    pg, _sqlite = engines
    filler = [  # a library large enough for the planner to prefer an index, as at a fair
        {"station": "f", "application_no": number(1000 + serial, 2019), "title": "甲乙丙丁戊"}
        for serial in range(5000)
    ]
    with pg.engine.begin() as connection:
        connection.execute(insert(Patent), filler)
        connection.exec_driver_sql("ANALYZE patent")
    for term in ("电", "电池", "锂电池", "wifi", "h01m", "h01m10/0525", "2022100166", "cn2022"):
        plan = _index_used(pg, term)
        assert search_pg.INDEX_NAME in plan, (term, plan)


def test_a_term_with_nothing_to_index_is_still_exact(engines: tuple[Database, Database]) -> None:
    pg, sqlite = engines
    for query in ("-", "。", "; "):
        with pg.session() as a, sqlite.session() as b:
            assert search.search_ids(a, query, 0) == search.search_ids(b, query, 0)


def test_the_index_is_made_once_and_survives_reopening(pg_db_url: str) -> None:
    first = open_database(pg_db_url)
    first.dispose()
    second = open_database(pg_db_url)
    try:
        with second.engine.connect() as connection:
            count = connection.execute(
                text("SELECT count(*) FROM pg_indexes WHERE indexname = :name"),
                {"name": search_pg.INDEX_NAME},
            ).scalar()
        assert count == 1
    finally:
        second.dispose()


@pytest.fixture(scope="module")
def scratch(pg_server: Any) -> Iterator[Database]:
    url = pg_server.create_database(pg_server.template("rs_empty"))
    database = open_database(url)
    yield database
    database.dispose()
    pg_server.drop_database(url)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    texts=st.lists(st.text(alphabet=ALPHABET, max_size=30), min_size=1, max_size=12),
    query=st.text(alphabet=ALPHABET, min_size=1, max_size=5),
)
def test_property_search_equals_scan_on_postgresql(
    scratch: Database, texts: list[str], query: str
) -> None:
    with scratch.session() as session:
        session.execute(delete(Patent))
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


# --------------------------------------------------------------------------- real data


@pytest.fixture(scope="module")
def real_engines(
    realdata: Path, pg_server: Any, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Database, Database, list[tuple[Any, ...]]]]:
    from test_search_realdata import _rows

    rows = [{"station": "real", **row} for row in _rows(realdata)]
    url = pg_server.create_database(pg_server.template("rs_empty"))
    pg = open_database(url)
    sqlite = open_database(str(tmp_path_factory.mktemp("real") / "real.sqlite3"))
    for database in (pg, sqlite):
        with database.session() as session:
            session.execute(insert(Patent), rows)
    with pg.engine.begin() as connection:
        connection.exec_driver_sql("ANALYZE patent")
    with sqlite.session() as session:
        search.rebuild_index(session)
        all_rows = load_rows(session)
    yield pg, sqlite, all_rows
    pg.dispose()
    sqlite.dispose()
    pg_server.drop_database(url)


@pytest.mark.realdata
@pytest.mark.parametrize("kind", ["1", "2", "3", "latin", "number"])
def test_real_data_same_hits_on_both_engines(real_engines, kind: str) -> None:  # type: ignore[no-untyped-def]
    from test_search_realdata import _sample_terms

    pg, sqlite, all_rows = real_engines
    terms = _sample_terms(all_rows)[kind]
    total = 0
    with pg.session() as a, sqlite.session() as b:
        for term in terms:
            hits = search.search_ids(a, term, limit=0)
            assert hits == search.search_ids(b, term, limit=0), term
            assert set(hits) == scan(all_rows, term), term
            total += len(hits)
    assert total > 0
    assert search_pg.INDEX_NAME in _index_used(pg, terms[0])


@pytest.mark.realdata
def test_real_data_application_number_forms_on_postgresql(real_engines) -> None:  # type: ignore[no-untyped-def]
    pg, sqlite, _rows = real_engines
    with pg.session() as a, sqlite.session() as b:
        for query in ("CN85105156", "85105156.1", "ＣＮ８５１０５１５６", "CN200510020170"):
            hits = search.search_ids(a, query, limit=0)
            assert len(hits) == 1, query
            assert hits == search.search_ids(b, query, limit=0)
