"""Resolving import conflicts can be taken back exactly: rows, scores and the search queue."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from roadshow_desk.domain.edits import open_conflicts, record_local_edit
from roadshow_desk.domain.enterprises import fields_of, update_enterprise
from roadshow_desk.domain.enums import ConflictResolution, LegalStatus
from roadshow_desk.domain.models import Enterprise, FieldConflict, Patent
from roadshow_desk.exchange.conflict_resolution import resolve_with_undo, undo_resolution
from roadshow_desk.exchange.enterprise_import import import_enterprises
from roadshow_desk.exchange.patent_import import import_patents
from roadshow_desk.store.search import index_pending, search_ids

A, B = "CN202210016632.1", "CN202110123456.7"
HEADER = "申请号,专利名称,申请人,法律状态\n"
TABLES = (
    "patent",
    "field_conflict",
    "patent_score",
    "enterprise",
    "patent_search_pending",
    "patent_search_text",
)


def with_conflicts(db, tmp_path: Path) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """A: title and legal status edited locally; B: title; then a file changing all three.

    Returns the conflict ids by ``"A.title"``-style names.
    """
    first = tmp_path / "v1.csv"
    first.write_text(HEADER + f"{A},原标题A,清华大学,有效\n{B},原标题B,浙江大学,有效\n")
    import_patents(db, first)
    with db.session() as session:
        a = session.scalars(select(Patent).where(Patent.application_no == A)).one()
        b = session.scalars(select(Patent).where(Patent.application_no == B)).one()
        record_local_edit(session, a, "title", "我的标题A")
        record_local_edit(session, a, "legal_status", LegalStatus.PENDING)
        record_local_edit(session, b, "title", "我的标题B")
    second = tmp_path / "v2.csv"
    second.write_text(HEADER + f"{A},文件标题A,清华大学,无效\n{B},文件标题B,浙江大学,有效\n")
    assert import_patents(db, second).conflicts == 3
    with db.session() as session:
        index_pending(session)  # the index is current: nothing queued
        names = {}
        for conflict in open_conflicts(session):
            patent = session.get(Patent, conflict.record_id)
            assert patent is not None
            names[f"{'A' if patent.application_no == A else 'B'}.{conflict.field}"] = conflict.id
        return names


def dump(db) -> dict[str, list[tuple[Any, ...]]]:  # type: ignore[no-untyped-def]
    """Every row of the tables a resolution may touch, as stored."""
    with db.session() as session:
        return {
            table: [
                tuple(row) for row in session.execute(text(f"SELECT * FROM {table} ORDER BY 1"))
            ]
            for table in TABLES
            if db.path is not None or not table.startswith("patent_search")  # SQLite's index
        }


def patent(db, number: str) -> tuple[str, LegalStatus, float | None, dict[str, Any]]:  # type: ignore[no-untyped-def]
    with db.session() as session:
        found = session.scalars(select(Patent).where(Patent.application_no == number)).one()
        return found.title, found.legal_status, found.score, dict(found.local_edits or {})


def test_undo_of_taking_the_files_value_restores_every_row(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    names = with_conflicts(db, tmp_path)
    before = dump(db)
    title, status, score, edits = patent(db, A)
    assert (title, status, set(edits)) == (
        "我的标题A",
        LegalStatus.PENDING,
        {"title", "legal_status"},
    )

    done = resolve_with_undo(db, [names["A.legal_status"]], ConflictResolution.TOOK_FILE)
    assert done is not None and done.conflict_ids == [names["A.legal_status"]]
    after = patent(db, A)
    assert after[1] == LegalStatus.LAPSED and set(after[3]) == {"title"}
    assert after[2] is not None and score is not None and after[2] < score  # pending earned points
    assert dump(db) != before

    undo_resolution(db, done)
    assert dump(db) == before  # values, local edits, updated_at, conflicts, score, queue, index
    with db.session() as session:
        assert len(open_conflicts(session)) == 3

    again = resolve_with_undo(db, done.conflict_ids, ConflictResolution.TOOK_FILE)  # redo
    assert again is not None
    assert patent(db, A)[1:3] == after[1:3]
    with db.session() as session:
        conflict = session.get(FieldConflict, names["A.legal_status"])
        assert conflict is not None and conflict.resolution == ConflictResolution.TOOK_FILE


def test_undo_brings_back_the_title_the_search_finds(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    names = with_conflicts(db, tmp_path)
    before = dump(db)
    done = resolve_with_undo(db, names.values(), ConflictResolution.TOOK_FILE)
    assert done is not None and len(done.conflict_ids) == 3
    with db.session() as session:
        assert len(search_ids(session, "文件标题")) == 2
    undo_resolution(db, done)
    assert dump(db) == before
    with db.session() as session:
        assert search_ids(session, "文件标题") == []
        assert len(search_ids(session, "我的标题")) == 2


@pytest.mark.sqlite_only("the SQLite search index's queue (PostgreSQL's index has none)")
def test_a_queued_patent_stays_queued_and_others_stay_indexed(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    names = with_conflicts(db, tmp_path)
    with db.session() as session:  # B waits for the indexer (as after a bulk import)
        b_id = session.scalars(select(Patent.id).where(Patent.application_no == B)).one()
        session.execute(
            text("INSERT INTO patent_search_pending(patent_id) VALUES (:i)"), {"i": b_id}
        )
    before = dump(db)
    assert before["patent_search_pending"] == [(b_id,)]
    done = resolve_with_undo(db, [names["A.title"], names["B.title"]], ConflictResolution.TOOK_FILE)
    assert done is not None
    undo_resolution(db, done)
    assert dump(db) == before


def test_undo_of_keeping_mine_for_all_reopens_patents_and_enterprises(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    names = with_conflicts(db, tmp_path)
    source = tmp_path / "firms.csv"
    source.write_text("企业名称,所属行业\n闽光公司,新材料\n", encoding="utf-8")
    import_enterprises(db, source)
    with db.session() as session:
        firm = session.scalars(select(Enterprise)).one()
        fields = fields_of(firm)
        fields.industry = "冶金"
        update_enterprise(session, firm.id, fields)
    source.write_text("企业名称,所属行业\n闽光公司,先进材料\n", encoding="utf-8")
    assert import_enterprises(db, source).conflicts == 1
    with db.session() as session:
        ids = [c.id for c in session.scalars(select(FieldConflict))]
    assert len(ids) == len(names) + 1
    before = dump(db)
    done = resolve_with_undo(db, ids, ConflictResolution.KEPT_LOCAL)
    assert done is not None and done.changed_patent_ids == ()
    with db.session() as session:
        assert open_conflicts(session) == []
        assert open_conflicts(session, record_table="enterprise") == []
    undo_resolution(db, done)
    assert dump(db) == before
    done = resolve_with_undo(db, ids, ConflictResolution.TOOK_FILE)
    assert done is not None
    with db.session() as session:
        assert session.scalars(select(Enterprise.industry)).one() == "先进材料"
    undo_resolution(db, done)
    assert dump(db) == before


def test_nothing_open_is_nothing_to_undo(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    names = with_conflicts(db, tmp_path)
    assert resolve_with_undo(db, [], ConflictResolution.TOOK_FILE) is None
    assert resolve_with_undo(db, [names["B.title"]], ConflictResolution.KEPT_LOCAL) is not None
    assert resolve_with_undo(db, [names["B.title"]], ConflictResolution.TOOK_FILE) is None
    assert patent(db, B)[0] == "我的标题B"


def test_undo_leaves_what_a_later_import_changed(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    names = with_conflicts(db, tmp_path)
    done = resolve_with_undo(db, [names["B.title"]], ConflictResolution.TOOK_FILE)
    assert done is not None
    third = tmp_path / "v3.csv"  # B's applicants change upstream meanwhile
    third.write_text(HEADER + f"{A},文件标题A,清华大学,无效\n{B},文件标题B,浙江大学甲,有效\n")
    import_patents(db, third)
    undo_resolution(db, done)
    with db.session() as session:
        b = session.scalars(select(Patent).where(Patent.application_no == B)).one()
        assert (b.title, b.applicants) == ("我的标题B", "浙江大学甲")
        assert "title" in (b.local_edits or {})
        assert {c.field for c in open_conflicts(session, b.id)} == {"title"}
