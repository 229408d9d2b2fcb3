"""Resolving the conflicts an enterprise re-import opens: keep mine / take the file's."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from roadshow_desk.domain.edits import open_conflicts, resolve_conflict, resolve_conflicts
from roadshow_desk.domain.enterprises import (
    EnterpriseFields,
    fields_of,
    name_key,
    register_enterprise,
    update_enterprise,
)
from roadshow_desk.domain.enums import ConflictResolution
from roadshow_desk.domain.models import Enterprise
from roadshow_desk.exchange.enterprise_import import import_enterprises
from roadshow_desk.exchange.patent_review import open_conflict_rows, resolve_conflict_rows

CODE = "91350100M000100Y43"
HEADER = "企业名称,统一社会信用代码,所属行业,联系人,是否同意联系\n"


def write(path: Path, name: str, industry: str, person: str, consent: str) -> Path:
    path.write_text(HEADER + f"{name},{CODE},{industry},{person},{consent}\n", encoding="utf-8")
    return path


def firm(session) -> Enterprise:  # type: ignore[no-untyped-def]
    found = session.scalar(select(Enterprise).where(Enterprise.credit_code == CODE))
    assert found is not None
    return found


def edited_then_reimported(db, tmp_path: Path) -> int:  # type: ignore[no-untyped-def]
    """Import a firm, edit industry/name/consent locally, re-import a file changing all three."""
    assert import_enterprises(db, write(tmp_path / "v1.csv", "闽光公司", "新材料", "陈工", "是"))
    with db.session() as session:
        fields = fields_of(firm(session))
        fields.industry = "先进材料"
        fields.name = "福建闽光"
        fields.consent_to_contact = False
        update_enterprise(session, firm(session).id, fields)
    result = import_enterprises(
        db, write(tmp_path / "v2.csv", "闽光新材料公司", "化工新材料", "陈总", "是")
    )
    assert result.conflicts == 2  # consent: the file still says yes, as it did before
    with db.session() as session:
        conflicts = open_conflicts(session, record_table="enterprise")
        assert {c.field for c in conflicts} == {"industry", "name"}
        assert open_conflicts(session) == []  # none of them is a patent's
        record = firm(session)
        assert (record.industry, record.name, record.contact_person) == (
            "先进材料",
            "福建闽光",
            "陈总",
        )
        return record.id


def test_take_the_files_value(db, tmp_path: Path) -> None:
    edited_then_reimported(db, tmp_path)
    with db.session() as session:
        conflicts = open_conflicts(session, record_table="enterprise")
        assert resolve_conflicts(session, conflicts, ConflictResolution.TOOK_FILE) == []
    with db.session() as session:
        record = firm(session)
        assert (record.industry, record.name) == ("化工新材料", "闽光新材料公司")
        assert record.name_key == name_key("闽光新材料公司")
        assert set(record.local_edits) == {"consent_to_contact"}
        assert record.consent_to_contact is False  # not in conflict: untouched
        assert record.imported_values["industry"] == "化工新材料"
        assert open_conflicts(session, record_table="enterprise") == []
    # The same file again changes nothing; a new upstream value now simply applies.
    again = import_enterprises(
        db, write(tmp_path / "v2.csv", "闽光新材料公司", "化工新材料", "陈总", "是")
    )
    assert (again.unchanged, again.conflicts) == (1, 0)
    later = import_enterprises(
        db, write(tmp_path / "v3.csv", "闽光新材料公司", "新能源", "陈总", "是")
    )
    assert (later.updated, later.conflicts) == (1, 0)
    with db.session() as session:
        assert firm(session).industry == "新能源"


def test_keep_mine(db, tmp_path: Path) -> None:
    firm_id = edited_then_reimported(db, tmp_path)
    with db.session() as session:
        (conflict,) = open_conflicts(session, firm_id, "industry", record_table="enterprise")
        record = resolve_conflict(session, conflict, ConflictResolution.KEPT_LOCAL)
        assert isinstance(record, Enterprise) and record.id == firm_id
    with db.session() as session:
        record = firm(session)
        assert record.industry == "先进材料"
        assert "industry" in record.local_edits
        assert [c.field for c in open_conflicts(session, record_table="enterprise")] == ["name"]
    # The same file does not raise it again; a third upstream value does.
    again = import_enterprises(
        db, write(tmp_path / "v2.csv", "闽光新材料公司", "化工新材料", "陈总", "是")
    )
    assert again.conflicts == 0
    later = import_enterprises(
        db, write(tmp_path / "v3.csv", "闽光新材料公司", "新能源", "陈总", "是")
    )
    assert later.conflicts == 1
    with db.session() as session:
        assert firm(session).industry == "先进材料"


def test_flag_conflict_takes_the_files_boolean(db, tmp_path: Path) -> None:
    with db.session() as session:  # registered by hand before the list came in
        register_enterprise(
            session,
            EnterpriseFields(
                name="闽光公司",
                credit_code=CODE,
                industry="新材料",
                contact_person="陈工",
                consent_to_contact=True,
            ),
        )
    result = import_enterprises(db, write(tmp_path / "v1.csv", "闽光公司", "新材料", "陈工", "否"))
    assert result.conflicts == 1
    rows = open_conflict_rows(db)
    assert [(r.record_table, r.record_text, r.field) for r in rows] == [
        ("enterprise", "闽光公司", "consent_to_contact")
    ]
    assert (rows[0].local_text, rows[0].file_text) == ("Yes", "No")
    assert resolve_conflict_rows(db, [rows[0].conflict_id], ConflictResolution.TOOK_FILE) == []
    with db.session() as session:
        record = firm(session)
        assert record.consent_to_contact is False
        assert record.local_edits == {}
        assert record.imported_values["consent_to_contact"] is False
    assert open_conflict_rows(db) == []
