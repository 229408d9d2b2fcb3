"""Re-import is sync: the same file writes nothing, a changed file updates exactly the changed
fields, local edits become conflicts that the organiser resolves."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from patent_files import file_digest, number, patents, snapshot, write_csv
from sqlalchemy import select

from roadshow_desk.domain.edits import open_conflicts, record_local_edit, resolve_conflict
from roadshow_desk.domain.enums import ConflictResolution, LegalStatus
from roadshow_desk.domain.models import FieldConflict, ImportBatch, Patent
from roadshow_desk.exchange.patent_import import import_patents

HEADER = ["申请号", "专利名称", "申请人", "申请日", "法律状态", "摘要"]
A, B, C = number("202210016632"), number("202110123456"), number("202020654321")
COLUMNS = [column.name for column in Patent.__table__.columns]


def rows() -> list[list[str]]:
    return [
        [A, "一种固态锂电池电解质", "清华大学", "2022-01-07", "公开", "原摘要A"],
        [B, "高精度数控机床主轴", "浙江大学", "2021-03-01", "有效", "原摘要B"],
        [C, "一种光伏组件清洁机器人", "某某科技有限公司", "2020-06-30", "有效", "原摘要C"],
    ]


def edit(db, application_no: str, field: str, value: object) -> None:  # type: ignore[no-untyped-def]
    with db.session() as session:
        patent = session.scalars(
            select(Patent).where(Patent.application_no == application_no)
        ).one()
        record_local_edit(session, patent, field, value)


def test_reimporting_the_same_file_writes_nothing(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = write_csv(tmp_path / "v1.csv", HEADER, rows())
    import_patents(db, source)
    before = snapshot(db)
    digest = file_digest(db)
    again = import_patents(db, source)
    assert again.counts()["unchanged"] == 3
    assert (again.inserted, again.updated, again.conflicts, again.batch_id) == (0, 0, 0, None)
    assert again.backup_path is None
    assert snapshot(db) == before
    assert file_digest(db) == digest


def test_the_same_data_in_another_format_is_unchanged_too(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import_patents(db, write_csv(tmp_path / "v1.csv", HEADER, rows()))
    before = snapshot(db)
    gbk = write_csv(tmp_path / "v1-gbk.csv", HEADER, rows(), encoding="gbk")
    result = import_patents(db, gbk)
    assert result.unchanged == 3 and result.batch_id is None
    assert snapshot(db) == before


def test_a_changed_file_updates_exactly_the_changed_fields(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import_patents(db, write_csv(tmp_path / "v1.csv", HEADER, rows()))
    first = patents(db)
    changed = rows()
    changed[0][4] = "有效"  # A granted upstream
    changed[1][5] = "新摘要B"  # B's abstract corrected
    changed.append([number("202310000017"), "新增专利", "武汉大学", "2023-01-05", "公开", ""])
    result = import_patents(db, write_csv(tmp_path / "v2.csv", HEADER, changed))
    assert result.counts() == {
        "inserted": 1,
        "updated": 2,
        "unchanged": 1,
        "rejected": 0,
        "conflicts": 0,
        "merged": 0,
    }
    second = patents(db)
    assert second[A].legal_status == LegalStatus.GRANTED
    assert second[B].abstract == "新摘要B"
    for key in (A, B):
        old, new = first[key], second[key]
        differing = {name for name in COLUMNS if getattr(old, name) != getattr(new, name)}
        expected = {"legal_status"} if key == A else {"abstract"}
        assert differing == expected | {"imported_values", "updated_at", "last_batch_id"}
    untouched = {name: getattr(first[C], name) for name in COLUMNS}
    assert untouched == {name: getattr(second[C], name) for name in untouched}


def test_a_file_without_a_column_leaves_that_field_alone(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import_patents(db, write_csv(tmp_path / "v1.csv", HEADER, rows()))
    slim = [[row[0], row[1]] for row in rows()]
    result = import_patents(db, write_csv(tmp_path / "slim.csv", HEADER[:2], slim))
    assert result.unchanged == 3 and result.updated == 0
    assert patents(db)[A].abstract == "原摘要A"


def test_a_local_edit_is_never_silently_overwritten(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import_patents(db, write_csv(tmp_path / "v1.csv", HEADER, rows()))
    edit(db, A, "title", "一种固态锂电池电解质（路演版）")
    edit(db, B, "abstract", "组织者改写的摘要")

    # The same file again: upstream did not change, so the edits stand, quietly.
    same = import_patents(db, write_csv(tmp_path / "v1b.csv", HEADER, rows()))
    assert same.conflicts == 0 and same.updated == 0
    assert patents(db)[A].title == "一种固态锂电池电解质（路演版）"

    # Upstream changes both edited fields and one other field.
    changed = rows()
    changed[0][1] = "一种固态锂电池电解质及其制备方法"
    changed[0][4] = "有效"
    changed[1][5] = "组织者改写的摘要"  # the file now agrees with the organiser
    result = import_patents(db, write_csv(tmp_path / "v2.csv", HEADER, changed))
    assert result.conflicts == 1
    assert result.updated == 1  # A's legal status; B's edit absorbed
    found = patents(db)
    assert found[A].title == "一种固态锂电池电解质（路演版）"  # kept until resolved
    assert found[A].legal_status == LegalStatus.GRANTED
    assert "title" in found[A].local_edits
    assert "abstract" not in found[B].local_edits  # absorbed: the file caught up
    with db.session() as session:
        conflict = session.scalars(select(FieldConflict)).one()
        batch_id = session.scalars(select(ImportBatch.id).order_by(ImportBatch.id.desc())).first()
        assert (conflict.field, conflict.record_id, conflict.batch_id) == (
            "title",
            found[A].id,
            batch_id,
        )
        assert conflict.local_value == "一种固态锂电池电解质（路演版）"
        assert conflict.file_value == "一种固态锂电池电解质及其制备方法"
        assert conflict.resolution == ConflictResolution.OPEN

    # Re-importing v2 does not open the conflict a second time.
    again = import_patents(db, write_csv(tmp_path / "v2b.csv", HEADER, changed))
    assert again.conflicts == 0 and again.batch_id is None
    with db.session() as session:
        assert len(open_conflicts(session)) == 1


def test_resolving_conflicts(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import_patents(db, write_csv(tmp_path / "v1.csv", HEADER, rows()))
    edit(db, A, "title", "我的标题A")
    edit(db, B, "application_date", dt.date(2021, 3, 2))
    changed = rows()
    changed[0][1] = "文件的标题A"
    changed[1][3] = "2021-03-03"
    result = import_patents(db, write_csv(tmp_path / "v2.csv", HEADER, changed))
    assert result.conflicts == 2
    with db.session() as session:
        conflicts = {c.field: c for c in open_conflicts(session)}
        resolve_conflict(session, conflicts["title"], ConflictResolution.TOOK_FILE)
        resolve_conflict(session, conflicts["application_date"], ConflictResolution.KEPT_LOCAL)
    found = patents(db)
    assert found[A].title == "文件的标题A" and "title" not in found[A].local_edits
    assert found[B].application_date == dt.date(2021, 3, 2)
    assert "application_date" in found[B].local_edits
    with db.session() as session:
        assert open_conflicts(session) == []
        resolutions = {c.field: c.resolution for c in session.scalars(select(FieldConflict))}
    assert resolutions == {
        "title": ConflictResolution.TOOK_FILE,
        "application_date": ConflictResolution.KEPT_LOCAL,
    }
    # Kept mine, and the file has not changed since: no new conflict.
    quiet = import_patents(db, write_csv(tmp_path / "v2b.csv", HEADER, changed))
    assert quiet.conflicts == 0
    # The file changes that date once more: the organiser is asked again.
    changed[1][3] = "2021-03-04"
    asked = import_patents(db, write_csv(tmp_path / "v3.csv", HEADER, changed))
    assert asked.conflicts == 1


def test_an_edit_back_to_the_source_value_forgets_the_edit(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import_patents(db, write_csv(tmp_path / "v1.csv", HEADER, rows()))
    edit(db, A, "title", "临时标题")
    edit(db, A, "title", "另一个标题")
    assert patents(db)[A].local_edits["title"]["base"] == "一种固态锂电池电解质"
    edit(db, A, "title", "一种固态锂电池电解质")
    assert patents(db)[A].local_edits == {}


def test_a_manually_created_patent_is_filled_by_an_import(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with db.session() as session:
        session.add(Patent(application_no=A, title="手工录入"))
    result = import_patents(db, write_csv(tmp_path / "v1.csv", HEADER, rows()))
    assert (result.inserted, result.updated) == (2, 1)
    assert patents(db)[A].title == "一种固态锂电池电解质"


def test_a_deleted_patent_stays_deleted(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import_patents(db, write_csv(tmp_path / "v1.csv", HEADER, rows()))
    with db.session() as session:
        session.scalars(
            select(Patent).where(Patent.application_no == C)
        ).one().deleted_at = dt.datetime(2024, 1, 1)
    changed = rows()
    changed[2][4] = "失效"
    result = import_patents(db, write_csv(tmp_path / "v2.csv", HEADER, changed))
    assert result.updated == 1 and result.inserted == 0
    found = patents(db)[C]
    assert found.deleted_at is not None and found.legal_status == LegalStatus.LAPSED


def test_institution_follows_changed_applicants(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import_patents(db, write_csv(tmp_path / "v1.csv", HEADER, rows()))
    changed = rows()
    changed[2][2] = "某某科技有限公司; 南京大学"
    import_patents(db, write_csv(tmp_path / "v2.csv", HEADER, changed))
    with db.session() as session:
        patent = session.scalars(select(Patent).where(Patent.application_no == C)).one()
        assert patent.institution is not None and patent.institution.name == "南京大学"


def test_a_repeat_of_an_unchanged_row_is_still_rejected(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import_patents(db, write_csv(tmp_path / "v1.csv", HEADER, rows()))
    repeated = [*rows(), [A, "同一申请号的另一行", "清华大学", "2022-01-07", "公开", "别的摘要"]]
    result = import_patents(db, write_csv(tmp_path / "v2.csv", HEADER, repeated))
    assert (result.unchanged, result.updated, result.rejected) == (3, 0, 1)
    assert result.rejects[0].row_number == 5 and "row 2" in result.rejects[0].reason
    assert patents(db)[A].title == "一种固态锂电池电解质"
