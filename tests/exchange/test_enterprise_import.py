"""Registration lists: validated rows in, bad rows to the rejects report, sync on re-import."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from fairday_data import credit_code, make_fair_day
from roadshow_desk.domain.enterprises import EnterpriseFields, fields_of, update_enterprise
from roadshow_desk.domain.models import Enterprise, FieldConflict, ImportBatch
from roadshow_desk.errors import InputError
from roadshow_desk.exchange.enterprise_import import import_enterprises
from roadshow_desk.exchange.tables import read_table
from roadshow_desk.exchange.writers import write_table

HEADER = [
    "序号",
    "企业名称",
    "统一社会信用代码",
    "企业类型",
    "所属行业",
    "联系人",
    "联系电话",
    "是否同意联系",
]
VALID = "91350100M000100Y43"


def rows() -> list[list[object]]:
    return [
        [
            1,
            "福建闽光新材料有限公司",
            VALID,
            "高新技术企业、专精特新",
            "新材料",
            "陈工",
            "13912345678",
            "是",
        ],
        [
            2,
            "宁德储能科技股份有限公司",
            "",
            "国企",
            "储能",
            "林经理",
            "0591-87654321",
            "否",
        ],  # registered
        [3, "坏代码公司", "91350100M000100Y44", "", "", "", "", ""],
        [4, "坏电话公司", "", "", "", "", "12345", ""],
        [5, "未知类型公司", "", "上市公司", "", "", "", ""],
        [6, "福建闽光新材料(有限公司)", "", "", "", "", "", ""],  # repeats row 1 by name
        [7, "", "", "", "", "", "", ""],
        [8, "厦门海沧生物医药有限公司", "", "知识产权保护中心备案企业", "生物医药", "", "", "同意"],
    ]


def write(path: Path, data: list[list[object]]) -> Path:
    return write_table(path, HEADER, data)


def test_import_counts_rejects_and_matches(db, tmp_path: Path) -> None:
    day = make_fair_day(db)
    source = write(tmp_path / "报名表.xlsx", rows())
    report = tmp_path / "rejects.xlsx"
    result = import_enterprises(db, source, rejects_path=report, station="office")
    counts = result.counts()
    assert [counts[k] for k in ("inserted", "updated", "unchanged", "rejected")] == [2, 1, 0, 5]
    # The hand-registered firm's own values differ from the list's in five fields: each is a
    # conflict for review, nothing is overwritten (its empty industry is simply filled).
    assert counts["conflicts"] == 5
    with db.session() as session:
        fresh = session.scalar(select(Enterprise).where(Enterprise.credit_code == VALID))
        assert fresh is not None
        assert fresh.tags == "high_tech; specialised_sme"
        assert fresh.phone == "13912345678" and fresh.consent_to_contact
        assert fresh.imported_values["industry"] == "新材料"
        registered = session.get(Enterprise, day.enterprise_ids[0])
        assert registered is not None
        # Matched by normalised name; the empty code cell keeps the firm's code.
        assert registered.credit_code == credit_code(1)
        assert registered.industry == "储能"
        assert registered.tags == "high_tech; specialised_sme"
        assert registered.phone == "13800000001"
        batch = session.scalar(select(ImportBatch))
        assert batch is not None and batch.inserted == 2 and batch.rejected == 5
    rejected = read_table(report)
    reasons = {row[1]: row[-1] for row in rejected.rows}
    assert set(reasons) == {
        "坏代码公司",
        "坏电话公司",
        "未知类型公司",
        "福建闽光新材料(有限公司)",
        "",
    }
    assert "empty" in reasons[""]
    assert "last character" in reasons["坏代码公司"]
    assert "12345" in reasons["坏电话公司"]
    assert "上市公司" in reasons["未知类型公司"]
    assert "also in row 2" in reasons["福建闽光新材料(有限公司)"]
    assert rejected.rows[0][-2] == 4  # row number in the original file (header is row 1)


def test_reimport_is_unchanged_then_conflicts_with_local_edit(db, tmp_path: Path) -> None:
    make_fair_day(db)
    source = write(tmp_path / "list.xlsx", rows()[:1])
    assert import_enterprises(db, source).inserted == 1
    again = import_enterprises(db, source)
    assert again.counts()["unchanged"] == 1 and again.batch_id is None
    with db.session() as session:
        firm = session.scalar(select(Enterprise).where(Enterprise.credit_code == VALID))
        assert firm is not None
        fields = fields_of(firm)
        fields.industry = "先进材料"  # the organiser's edit
        update_enterprise(session, firm.id, fields)
        firm_id = firm.id
    changed = rows()[:1]
    changed[0][4] = "化工新材料"  # the upstream list changes the same field
    changed[0][5] = "陈总"  # and another one
    result = import_enterprises(db, write(tmp_path / "list2.xlsx", changed))
    assert (result.updated, result.conflicts) == (1, 1)
    with db.session() as session:
        firm = session.get(Enterprise, firm_id)
        assert firm is not None
        assert firm.industry == "先进材料"  # the local edit stays
        assert firm.contact_person == "陈总"
        conflict = session.scalar(select(FieldConflict))
        assert conflict is not None
        assert (conflict.record_table, conflict.field) == ("enterprise", "industry")
        assert (conflict.local_value, conflict.file_value) == ("先进材料", "化工新材料")


def test_gbk_csv_with_english_headers(db, tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes(
        "name,credit code,phone,type\r\n某某科技有限公司,,13800001111,high-tech\r\n".encode("gbk")
    )
    result = import_enterprises(db, path)
    assert result.inserted == 1
    with db.session() as session:
        firm = session.scalar(select(Enterprise))
        assert firm is not None and firm.tags == "high_tech"


def test_file_without_name_column_writes_nothing(db, tmp_path: Path) -> None:
    path = write_table(tmp_path / "x.xlsx", ["联系电话", "备注"], [["13800001111", ""]])
    with pytest.raises(InputError, match=r"Enterprise.*nothing was imported"):
        import_enterprises(db, path)
    with db.session() as session:
        assert session.scalar(select(Enterprise)) is None


def test_registered_firm_by_hand_gets_conflict_not_overwrite(db, tmp_path: Path) -> None:
    with db.session() as session:
        from roadshow_desk.domain.enterprises import register_enterprise

        register_enterprise(
            session, EnterpriseFields(name="福建闽光新材料有限公司", industry="冶金")
        )
    result = import_enterprises(db, write(tmp_path / "a.xlsx", rows()[:1]))
    assert (result.inserted, result.updated, result.conflicts) == (0, 1, 1)
    with db.session() as session:
        firm = session.scalar(select(Enterprise))
        assert firm is not None
        assert firm.industry == "冶金" and firm.credit_code == VALID
