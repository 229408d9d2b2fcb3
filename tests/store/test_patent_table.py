"""The library table's SQL: ids in the column's order, filtered and counted; rows by id."""

from __future__ import annotations

from typing import Any

import pytest

from roadshow_desk.domain.enums import PatentType
from roadshow_desk.domain.identifiers import check_character
from roadshow_desk.domain.models import Institution, Patent, utcnow
from roadshow_desk.store.db import Database
from roadshow_desk.store.patent_table import (
    COLUMN_INDEX,
    count_patents,
    patent_ids,
    table_rows,
)


def number(serial: int) -> str:
    digits = f"20211{serial:07d}"
    return f"CN{digits}.{check_character(digits)}"


@pytest.fixture
def library(db: Database) -> tuple[Database, dict[str, int]]:
    with db.session() as session:
        zju = Institution(name="浙江大学", station="t")
        sjtu = Institution(name="上海交通大学", station="t")
        specs = [
            ("b", "乙", zju, PatentType.DESIGN, 70.0),
            ("a", "甲", sjtu, PatentType.INVENTION, 90.0),
            ("c", "丙", None, PatentType.UTILITY_MODEL, 70.0),
            ("d", "丁", zju, PatentType.INVENTION, 50.0),
        ]
        patents = {
            key: Patent(
                station="t",
                application_no=number(n),
                title=title,
                institution=institution,
                patent_type=kind,
                score=score,
            )
            for n, (key, title, institution, kind, score) in enumerate(specs)
        }
        gone = Patent(station="t", application_no=number(9), title="删", deleted_at=utcnow())
        session.add_all([zju, sjtu, *patents.values(), gone])
        session.commit()
        return db, {key: p.id for key, p in patents.items()} | {"gone": gone.id}


def test_ids_follow_the_column_then_the_id_and_skip_deleted(library: Any) -> None:
    database, ids = library
    by_number = patent_ids(database, COLUMN_INDEX["application_no"], False)
    assert by_number == [ids["b"], ids["a"], ids["c"], ids["d"]]
    score_desc = patent_ids(database, COLUMN_INDEX["score"], True)
    ties = sorted([ids["b"], ids["c"]], reverse=True)  # equal scores: the higher id first
    assert score_desc == [ids["a"], *ties, ids["d"]]
    # enum columns sort in declaration order, not by the stored text
    by_type = patent_ids(database, COLUMN_INDEX["patent_type"], False)
    assert by_type == [*sorted([ids["a"], ids["d"]]), ids["c"], ids["b"]]
    assert patent_ids(database, COLUMN_INDEX["application_no"], False, limit=2) == by_number[:2]


def test_a_filter_narrows_the_ids_and_the_count(library: Any) -> None:
    database, ids = library
    assert count_patents(database) == 4

    def high(statement: Any) -> Any:
        return statement.where(Patent.score >= 70)

    assert count_patents(database, high) == 3
    assert patent_ids(database, COLUMN_INDEX["application_no"], False, high) == [
        ids["b"],
        ids["a"],
        ids["c"],
    ]


def test_rows_carry_every_column_with_the_institution_name(library: Any) -> None:
    database, ids = library
    rows = table_rows(database, [ids["a"], ids["c"]])
    assert set(rows) == {ids["a"], ids["c"]}
    a = rows[ids["a"]]
    assert a[COLUMN_INDEX["title"]] == "甲"
    assert a[COLUMN_INDEX["institution"]] == "上海交通大学"
    assert a[COLUMN_INDEX["score"]] == 90.0
    assert rows[ids["c"]][COLUMN_INDEX["institution"]] is None
