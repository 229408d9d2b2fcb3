"""The importer never crashes on arbitrary cell contents: every row is imported or rejected
with a reason, the rejects report can always be written, and the library stays exportable."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from patent_files import number

from roadshow_desk.exchange.columns import detect_mapping
from roadshow_desk.exchange.export import export
from roadshow_desk.exchange.patent_fields import PATENT_SPEC
from roadshow_desk.exchange.patent_import import import_patents
from roadshow_desk.exchange.tables import Table, read_table, unique_names

# One header with every field (as our export writes it) plus an unknown column.
HEADER = [field.export_header for field in PATENT_SPEC.fields] + ["备注"]
APPLICATION = HEADER.index("申请号")

cells = st.one_of(
    st.text(max_size=60),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=20),
    st.sampled_from(
        [
            "",
            "0",
            "=1+1",
            "'-x",
            "不公告发明人",
            "G09B  9/00 | H04N  5/225",
            "2022-02-30",
            "20220107",
            "有效",
            "发明",
            "是",
            "★★★",
            "转让、许可",
            "<sub>2</sub>",
            "\u3000",
            "CN114399933A",
            " | ",
            ";;",
            "\x00",
            "\r\n",
        ]
    ),
    st.integers(min_value=-(10**12), max_value=10**13),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([float("inf"), float("-inf"), float("nan"), -0.0, 44568.0, 20220107]),
    st.booleans(),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1)),
    st.datetimes(min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime(2100, 1, 1)),
)
valid_numbers = st.integers(min_value=0, max_value=999).map(
    lambda i: number(f"2021{1 + i % 3}{i:07d}")
)
numbers = st.one_of(valid_numbers, cells)


# Mostly empty cells and a valid number: rows that often import, so an export has
# something to write.
sparse_cells = st.integers(0, 19).flatmap(lambda k: cells if k == 0 else st.just(""))


@st.composite
def rows(
    draw: st.DrawFn,
    cell: st.SearchStrategy[Any] = cells,
    application: st.SearchStrategy[Any] = numbers,
) -> list[list[Any]]:
    count = draw(st.integers(min_value=1, max_value=6))
    result = []
    for _ in range(count):
        row = [draw(cell) for _ in HEADER]
        row[APPLICATION] = draw(application)
        result.append(row)
    return result


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from roadshow_desk.store.db import open_database

    folder = tmp_path_factory.mktemp("fuzz")
    database = open_database(f"sqlite:///{folder / 'fuzz.sqlite3'}")
    source = folder / "source.csv"
    source.write_text("申请号\n", encoding="utf-8")
    yield database, folder, source
    database.dispose()


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=rows())
def test_import_never_crashes(library, data: list[list[Any]]) -> None:  # type: ignore[no-untyped-def]
    database, folder, source = library
    table = Table(
        source,
        header=unique_names(HEADER),
        rows=data,
        row_numbers=list(range(2, len(data) + 2)),
        original_header=list(HEADER),
    )
    mapping = detect_mapping(table.header, PATENT_SPEC)
    rejects = folder / "rejects.xlsx"
    result = import_patents(database, source, table=table, mapping=mapping, rejects_path=rejects)
    counts = result.counts()
    assert counts["inserted"] + counts["updated"] + counts["unchanged"] + counts[
        "rejected"
    ] + counts["merged"] == len(data)
    assert all(reject.reason for reject in result.rejects)
    if result.rejects:
        report = read_table(rejects)
        assert len(report.rows) == len(result.rejects)


@pytest.fixture(scope="module")
def empty_database_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty database at the current schema, copied for each example."""
    from roadshow_desk.store.db import open_database

    path = tmp_path_factory.mktemp("empty") / "empty.sqlite3"
    open_database(f"sqlite:///{path}").dispose()
    return path


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    batches=st.lists(st.one_of(rows(), rows(sparse_cells, valid_numbers)), min_size=1, max_size=3)
)
def test_a_fuzzed_library_still_exports(  # type: ignore[no-untyped-def]
    empty_database_file, tmp_path_factory, batches: list[list[list[Any]]]
) -> None:
    """Fuzzed imports (its own, into a fresh database), then an export that writes every
    live patent, once, readable again with the same application numbers."""
    from sqlalchemy import select

    from roadshow_desk.domain.models import Patent
    from roadshow_desk.store.db import copy_database_file, open_database

    folder = tmp_path_factory.mktemp("fuzz-export")
    copy_database_file(empty_database_file, folder / "library.sqlite3")
    database = open_database(f"sqlite:///{folder / 'library.sqlite3'}")
    source = folder / "source.csv"
    source.write_text("申请号\n", encoding="utf-8")
    try:
        for data in batches:
            table = Table(
                source,
                header=unique_names(HEADER),
                rows=data,
                row_numbers=list(range(2, len(data) + 2)),
                original_header=list(HEADER),
            )
            import_patents(
                database, source, table=table, mapping=detect_mapping(table.header, PATENT_SPEC)
            )
        with database.session() as session:
            live = session.scalars(
                select(Patent.application_no).where(Patent.deleted_at.is_(None))
            ).all()
        for name in ("all.xlsx", "all.csv"):
            written = export(database, "patents", folder / name)
            assert written == len(live), name
            if not live:
                continue
            table = read_table(folder / name, header_score=PATENT_SPEC.header_score)
            column = table.header.index("申请号")
            assert sorted(str(row[column]) for row in table.rows) == sorted(live), name
    finally:
        database.dispose()


def test_parsers_never_raise_anything_but_cell_problems() -> None:
    from roadshow_desk.exchange.normalize import CellProblem

    @settings(max_examples=300, deadline=None)
    @given(value=cells)
    def check(value: Any) -> None:
        for field in PATENT_SPEC.fields:
            try:
                field.parse(value)
            except CellProblem as problem:
                assert str(problem)

    check()


def test_reader_never_crashes_on_arbitrary_bytes(tmp_path: Path) -> None:
    from roadshow_desk.errors import InputError

    @settings(max_examples=150, deadline=None)
    @given(data=st.binary(max_size=400))
    def check(data: bytes) -> None:
        path = tmp_path / "any.csv"
        path.write_bytes(data)
        try:
            table = read_table(path, header_score=PATENT_SPEC.header_score)
        except InputError as error:
            assert str(error)
        else:
            assert all(len(row) == len(table.header) for row in table.rows)

    check()
