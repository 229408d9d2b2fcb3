"""Imports into PostgreSQL use its fast paths (#17 item 7): ``COPY`` or multi-row
statements, never a statement per row. Counted at the driver: every ``execute`` and
``copy`` is one statement, an ``executemany`` one per row (psycopg pipelines them, but the
server still runs each)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from patent_files import serial_number, write_csv

from roadshow_desk.exchange.enterprise_import import import_enterprises
from roadshow_desk.exchange.patent_import import import_patents
from roadshow_desk.store import search
from roadshow_desk.store.db import Database, open_database

pytestmark = pytest.mark.postgresql


@pytest.fixture
def statements(monkeypatch: pytest.MonkeyPatch) -> Iterator[Counter[str]]:
    counted: Counter[str] = Counter()
    execute, executemany, copy = (
        psycopg.Cursor.execute,
        psycopg.Cursor.executemany,
        psycopg.Cursor.copy,
    )

    def counting_execute(self: Any, query: Any, *args: Any, **kwargs: Any) -> Any:
        counted["execute"] += 1
        return execute(self, query, *args, **kwargs)

    def counting_executemany(self: Any, query: Any, params: Any, *args: Any, **kwargs: Any) -> Any:
        params = list(params)
        counted["executemany rows"] += len(params)
        return executemany(self, query, params, *args, **kwargs)

    def counting_copy(self: Any, *args: Any, **kwargs: Any) -> Any:
        counted["copy"] += 1
        return copy(self, *args, **kwargs)

    monkeypatch.setattr(psycopg.Cursor, "execute", counting_execute)
    monkeypatch.setattr(psycopg.Cursor, "executemany", counting_executemany)
    monkeypatch.setattr(psycopg.Cursor, "copy", counting_copy)
    yield counted


@pytest.fixture
def database(pg_db_url: str) -> Iterator[Database]:
    opened = open_database(pg_db_url)
    yield opened
    opened.dispose()


@pytest.mark.parametrize("count", [500, 5000])
def test_a_patent_import_copies_its_rows(
    database: Database, tmp_path: Path, statements: Counter[str], count: int
) -> None:
    rows = [[serial_number(n), f"一种储能装置{n}", "2021-03-01"] for n in range(count)]
    source = write_csv(tmp_path / "patents.csv", ["申请号", "专利名称", "申请日"], rows)
    statements.clear()
    assert import_patents(database, source, station="A").inserted == count
    sent = statements["execute"] + statements["executemany rows"] + statements["copy"]
    assert statements["copy"] >= 2, statements  # the patents, and their tokens or queue
    assert sent < 40, statements  # whatever the count: no statement per row
    with database.session() as session:
        assert len(search.search_ids(session, "储能", 0)) == count


def test_a_re_import_with_changes_is_not_a_statement_per_row(
    database: Database, tmp_path: Path, statements: Counter[str]
) -> None:
    header = ["申请号", "专利名称", "申请日"]
    rows = [[serial_number(n), f"一种储能装置{n}", "2021-03-01"] for n in range(3000)]
    import_patents(database, write_csv(tmp_path / "a.csv", header, rows), station="A")
    changed = [[number, f"一种飞轮储能装置{n}", day] for n, (number, _t, day) in enumerate(rows)]
    statements.clear()
    result = import_patents(database, write_csv(tmp_path / "b.csv", header, changed), station="A")
    assert result.updated == 3000
    sent = statements["execute"] + statements["executemany rows"] + statements["copy"]
    assert sent < 60, statements
    with database.session() as session:
        assert len(search.search_ids(session, "飞轮", 0)) == 3000


def test_an_enterprise_import_inserts_many_rows_a_statement(
    database: Database, tmp_path: Path, statements: Counter[str]
) -> None:
    header = [
        "序号",
        "企业名称",
        "统一社会信用代码",
        "企业类型",
        "行业",
        "联系人",
        "联系电话",
        "是否同意联系",
    ]
    rows = [
        [n, f"测试储能企业{n}有限公司", "", "国企", "储能", "林经理", "0591-87654321", "是"]
        for n in range(1, 2001)
    ]
    statements.clear()
    result = import_enterprises(database, write_csv(tmp_path / "e.csv", header, rows), station="A")
    assert result.inserted == 2000
    sent = statements["execute"] + statements["executemany rows"] + statements["copy"]
    assert sent < 40, statements
