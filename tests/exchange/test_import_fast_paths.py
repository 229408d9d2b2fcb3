"""The importer's fast paths give exactly what the plain paths give.

Column-by-column parsing equals row-by-row parsing (values and reasons), the application
number's quick check equals the general one, fingerprints tell apart what differs, and a
bulk import leaves the search queue, its trigger and the table's indexes as they must be
(also when it is cancelled).
"""

from __future__ import annotations

import gc
import uuid
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from patent_files import fixture, number, serial_number, snapshot, write_csv
from sqlalchemy import text
from test_import_fuzz import HEADER, cells
from test_import_fuzz import rows as fuzz_rows

from roadshow_desk.bulk import gc_paused
from roadshow_desk.domain.identifiers import (
    InvalidApplicationNumber,
    normalize_application_number,
)
from roadshow_desk.domain.models import new_uuids
from roadshow_desk.domain.progress import Cancelled, Progress
from roadshow_desk.exchange import patent_write
from roadshow_desk.exchange.columns import RowRejected, detect_mapping, parse_rows, row_parser
from roadshow_desk.exchange.patent_fields import PATENT_SPEC
from roadshow_desk.exchange.patent_import import import_patents
from roadshow_desk.exchange.patent_plan import row_digest
from roadshow_desk.exchange.tables import unique_names

# --------------------------------------------------------------------------- parsing


def _row_by_row(rows: list[list[Any]]) -> tuple[list[dict[str, Any] | None], dict[int, str]]:
    header = unique_names(HEADER)
    parse = row_parser(detect_mapping(header, PATENT_SPEC), PATENT_SPEC, header)
    records: list[dict[str, Any] | None] = []
    reasons: dict[int, str] = {}
    for index, row in enumerate(rows):
        try:
            records.append(parse(row))
        except RowRejected as rejected:
            records.append(None)
            reasons[index] = rejected.reason
    return records, reasons


def _by_columns(rows: list[list[Any]]) -> tuple[list[dict[str, Any] | None], dict[int, str]]:
    header = unique_names(HEADER)
    return parse_rows(rows, detect_mapping(header, PATENT_SPEC), PATENT_SPEC, header)


def _same(left: Any, right: Any) -> bool:
    """The same records (compared by ``repr``: a NaN cell equals itself) and reasons."""
    return repr(left[0]) == repr(right[0]) and left[1] == right[1]


@settings(max_examples=150, deadline=None)
@given(data=fuzz_rows())
def test_parsing_by_columns_equals_parsing_by_rows(data: list[list[Any]]) -> None:
    assert _same(_by_columns(data), _row_by_row(data))


@settings(max_examples=40, deadline=None)
@given(
    values=st.lists(
        st.sampled_from(["2022-02-30", "20220107", "", "有效", "x", "发明"]),
        min_size=70,
        max_size=140,
    ),
    column=st.integers(min_value=0, max_value=len(HEADER) - 1),
    base=cells,
)
def test_repeated_values_are_parsed_once_with_the_same_outcome(
    values: list[str], column: int, base: Any
) -> None:
    """Long columns of few distinct texts take the "parse each value once" path."""
    rows = []
    for index, value in enumerate(values):
        row = [base] * len(HEADER)
        row[HEADER.index("申请号")] = serial_number(index)
        row[column] = value
        rows.append(row)
    assert _same(_by_columns(rows), _row_by_row(rows))


def test_the_first_failing_field_gives_the_reason() -> None:
    row = ["" for _ in HEADER]
    row[HEADER.index("申请号")] = number("202210016632")
    row[HEADER.index("申请日")] = "2022-02-30"  # impossible date
    row[HEADER.index("授权公告日")] = "not a date"
    rows = [list(row) for _ in range(80)]  # long enough for the repeated-values path
    records, reasons = _by_columns(rows)
    assert records == [None] * 80
    assert set(reasons) == set(range(80))
    assert "2022-02-30" in reasons[0] and reasons == _row_by_row(rows)[1]


# --------------------------------------------------------------------------- identifiers


@settings(max_examples=400, deadline=None)
@given(
    digits=st.text(alphabet="0123456789", min_size=12, max_size=12),
    check=st.sampled_from(list("0123456789X")),
    prefix=st.sampled_from(["", "CN"]),
)
def test_the_quick_application_number_check_equals_the_general_one(
    digits: str, check: str, prefix: str
) -> None:
    quick = f"{prefix}{digits}.{check}"
    general = f" {quick} "  # the spaces take it past the quick check

    def outcome(value: str) -> Any:
        try:
            return normalize_application_number(value)
        except InvalidApplicationNumber as error:
            return error.reason

    assert outcome(quick) == outcome(general)


# --------------------------------------------------------------------------- fingerprints


def test_fingerprints_tell_apart_what_differs() -> None:
    signature = b"3|x|"
    assert row_digest(signature, ("a", "b")) == row_digest(signature, ["a", "b"])
    assert row_digest(signature, ("a\x1fb", "c")) != row_digest(signature, ("a", "b\x1fc"))
    assert row_digest(signature, ("1",)) != row_digest(signature, (1,))
    assert row_digest(signature, ("1", "2")) != row_digest(signature, ("1", 2))
    assert row_digest(signature, ("x",)) != row_digest(b"3|y|", ("x",))


def test_a_file_with_only_numbers_still_recognises_unchanged_rows(db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    source = write_csv(tmp_path / "n.csv", ["申请号"], [[serial_number(i)] for i in range(3)])
    assert import_patents(db, source).inserted == 3
    again = import_patents(db, source)
    assert again.unchanged == 3 and again.batch_id is None


# --------------------------------------------------------------------------- bulk writes


def _schema(db: Any) -> set[tuple[str, str]]:
    with db.session() as session:
        rows = session.execute(
            text("SELECT type, name FROM sqlite_master WHERE tbl_name = 'patent'")
        ).all()
    return {(kind, name) for kind, name in rows}


def _bulk_file(tmp_path: Any, count: int, start: int = 0) -> Any:
    return write_csv(
        tmp_path / f"bulk-{start}.csv",
        ["申请号", "专利名称", "申请人", "申请日"],
        [
            [serial_number(start + i), f"一种锂电池{start + i}", "浙江大学", "2021-03-04"]
            for i in range(count)
        ],
    )


@pytest.mark.sqlite_only(
    "SQLite's bulk path (indexes dropped and re-made, the search trigger suspended)"
)
def test_a_bulk_import_keeps_indexes_trigger_and_queue(db, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from roadshow_desk.store.search import search_ids

    monkeypatch.setattr(patent_write, "_SET_ASIDE_FROM", 5)
    import_patents(db, fixture("patentics_ragged.csv"))
    with db.session() as session:
        assert search_ids(session, "微流体")  # the index exists from now on
    before = _schema(db)
    assert ("trigger", "patent_search_on_insert") in before
    assert ("index", "ix_patent_title") in before
    result = import_patents(db, _bulk_file(tmp_path, 40))
    assert result.inserted == 40
    assert _schema(db) == before  # the indexes were dropped for the insert and rebuilt
    with db.session() as session:
        queued = set(session.scalars(text("SELECT patent_id FROM patent_search_pending")).all())
        new_ids = set(session.scalars(text("SELECT id FROM patent WHERE title LIKE '一种锂电池%'")))
        plan = session.execute(
            text("EXPLAIN QUERY PLAN SELECT id FROM patent ORDER BY title LIMIT 5")
        ).all()
        assert any("ix_patent_title" in str(row) for row in plan)
    assert queued >= new_ids and len(new_ids) == 40
    with db.session() as session:  # the import's larger page cache was given back
        cache = session.connection().exec_driver_sql("PRAGMA cache_size").scalar()
    assert cache == -65536
    with db.session() as session:
        assert set(search_ids(session, "锂电池", limit=0)) == new_ids


@pytest.mark.sqlite_only(
    "SQLite's bulk path (indexes dropped and re-made, the search trigger suspended)"
)
def test_cancelling_a_bulk_import_restores_indexes_and_trigger(db, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from roadshow_desk.store.search import search_ids

    monkeypatch.setattr(patent_write, "_SET_ASIDE_FROM", 5)
    import_patents(db, fixture("semicolon.csv"))
    with db.session() as session:
        search_ids(session, "x")  # creates the index and its trigger
    schema = _schema(db)
    before = snapshot(db)

    class CancelAfterFirstChunk(Progress):
        def step(self, count: int = 1, text: str | None = None) -> None:
            super().step(count, text)
            if self.text.startswith("Writing") and self.done > 0:
                self.cancel()
                self.check()

    monkeypatch.setattr(patent_write, "CHUNK", 10)
    with pytest.raises(Cancelled):
        import_patents(db, _bulk_file(tmp_path, 40), progress=CancelAfterFirstChunk())
    assert snapshot(db) == before
    assert _schema(db) == schema


def test_new_uuids_are_random_version_4() -> None:
    values = new_uuids(500)
    assert len(set(values)) == 500
    for value in values:
        parsed = uuid.UUID(value)
        assert parsed.version == 4 and parsed.variant == uuid.RFC_4122
        assert parsed.hex == value
    assert new_uuids(0) == []


def test_gc_paused_resumes_only_what_it_paused() -> None:
    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(ValueError), gc_paused():
        raise ValueError
    assert gc.isenabled()
