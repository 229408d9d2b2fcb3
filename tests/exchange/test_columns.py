"""Column mapping: loose header matching, synonyms, presets, user presets, required columns."""

from __future__ import annotations

from pathlib import Path

import pytest
from patent_files import fixture

from roadshow_desk.errors import InputError
from roadshow_desk.exchange.columns import (
    Field,
    FieldSpec,
    RowRejected,
    detect_mapping,
    header_key,
    load_user_presets,
    mapping_from_names,
    parse_row,
    require_columns,
    save_user_preset,
)
from roadshow_desk.exchange.normalize import parse_count
from roadshow_desk.exchange.patent_fields import PATENT_SPEC
from roadshow_desk.exchange.tables import Table


def test_header_keys_ignore_bracket_width_spaces_and_markers() -> None:
    assert header_key("公开(公告)号") == header_key("公开（公告）号") == header_key("公开公告号")
    assert header_key("申请（专利权）人") == header_key("申请(专利权)人")
    assert header_key("公开-公告日") == header_key("公开/公告日") == header_key("公开(公告)日")
    assert header_key("*申请号（必填）") == header_key("申请号")
    assert header_key("Application No.") == header_key("application_no")
    assert header_key("标题 (中文)") == header_key("标题(中文)")


def mapping_for(header: list[str]) -> dict[str, str]:
    return detect_mapping(header, PATENT_SPEC).names(header)


def test_patentics_headers() -> None:
    header = [
        "公开号",
        "申请号",
        "标题",
        "申请日",
        "公开日",
        "授权公告日",
        "国际分类",
        "国际主分类",
        "权利要求数",
        "申请人",
        "标准化申请人",
        "发明人",
        "第一发明人",
        "引用本文专利数",
        "法律状态",
        "同族专利数",
    ]
    mapping = detect_mapping(header, PATENT_SPEC)
    assert mapping.preset == "patentics"
    names = mapping.names(header)
    assert names["applicants"] == "申请人"  # not the normalised 标准化申请人
    assert names["inventors"] == "发明人"  # not 第一发明人
    assert names["ipc_all"] == "国际分类"
    assert names["ipc_main"] == "国际主分类"
    assert names["cited_by_count"] == "引用本文专利数"
    assert names["family_size"] == "同族专利数"
    assert names["grant_date"] == "授权公告日"


def test_incopat_and_patsnap_and_cnipa_presets() -> None:
    incopat = [
        "标题",
        "申请人",
        "公开（公告）号",
        "申请号",
        "申请日",
        "公开（公告）日",
        "IPC主分类",
        "IPC",
        "合享价值度",
        "当前法律状态",
        "法律状态",
    ]
    mapping = detect_mapping(incopat, PATENT_SPEC)
    assert mapping.preset == "incopat"
    assert mapping.names(incopat)["legal_status"] == "当前法律状态"
    assert mapping.names(incopat)["publication_no"] == "公开（公告）号"

    patsnap = [
        "公开(公告)号",
        "申请号",
        "标题",
        "申请(专利权)人",
        "[标]当前申请(专利权)人",
        "简单法律状态",
        "法律状态/事件",
        "IPC分类号",
        "IPC主分类号",
    ]
    mapping = detect_mapping(patsnap, PATENT_SPEC)
    assert mapping.preset == "patsnap"
    names = mapping.names(patsnap)
    assert names["applicants"] == "申请(专利权)人"
    assert names["current_owners"] == "[标]当前申请(专利权)人"
    assert names["legal_status"] == "简单法律状态"

    cnipa = ["申请号", "名称", "申请（专利权）人", "发明（设计）人", "法律状态", "最新法律状态"]
    mapping = detect_mapping(cnipa, PATENT_SPEC)
    assert mapping.preset == "cnipa"
    assert mapping.names(cnipa)["legal_status"] == "最新法律状态"
    assert mapping.names(cnipa)["inventors"] == "发明（设计）人"


def test_first_of_duplicate_columns_is_mapped() -> None:
    header = ["申请号", "申请日", "申请日 (2)", "申请日 (3)"]
    assert detect_mapping(header, PATENT_SPEC).columns["application_date"] == 1


def test_english_headers() -> None:
    header = ["Application Number", "Title", "Applicants", "Filing Date", "Legal Status", "IPC"]
    names = mapping_for(header)
    assert names == {
        "application_no": "Application Number",
        "title": "Title",
        "legal_status": "Legal Status",
        "applicants": "Applicants",
        "application_date": "Filing Date",
        "ipc_all": "IPC",
    }


def test_a_column_feeds_one_field_only() -> None:
    header = ["申请号", "名称"]
    mapping = detect_mapping(header, PATENT_SPEC)
    assert list(mapping.columns.values()).count(1) == 1


def test_required_column_missing_is_one_sentence(tmp_path: Path) -> None:
    table = Table(tmp_path / "x.csv", header=["标题"], rows=[["a"]], row_numbers=[2])
    with pytest.raises(InputError) as error:
        require_columns(detect_mapping(table.header, PATENT_SPEC), PATENT_SPEC, table)
    message = str(error.value)
    assert "x.csv" in message and "申请号" in message and message.count(".") >= 1


def test_user_preset_wins_when_all_its_columns_are_there(db) -> None:  # type: ignore[no-untyped-def]
    header = ["编号", "项目名称", "单位"]
    with db.session() as session:
        save_user_preset(
            session, "patents", "我的表", {"application_no": "编号", "title": "项目名称"}
        )
    with db.session() as session:
        presets = load_user_presets(session, "patents")
    assert presets == {"我的表": {"application_no": "编号", "title": "项目名称"}}
    mapping = detect_mapping(header, PATENT_SPEC, presets)
    assert mapping.preset == "我的表"
    assert mapping.names(header) == {"application_no": "编号", "title": "项目名称"}
    # A file without one of the preset's columns falls back to the synonyms.
    assert detect_mapping(["申请号", "项目名称"], PATENT_SPEC, presets).preset == ""
    # Saving again replaces the preset.
    with db.session() as session:
        save_user_preset(session, "patents", "我的表", {"application_no": "编号"})
    with db.session() as session:
        assert load_user_presets(session, "patents")["我的表"] == {"application_no": "编号"}


def test_mapping_from_names() -> None:
    header = ["a", "b", "c"]
    assert mapping_from_names(header, {"title": "b", "abstract": "zz"}).columns == {"title": 1}


def test_a_generic_spec_for_another_importer() -> None:
    spec = FieldSpec(
        "things",
        (
            Field("code", "Code", ("编号", "code"), required=True),
            Field("count", "Count", ("数量", "count"), parse=parse_count),
        ),
        key="code",
    )
    header = ["数量", "编号"]
    mapping = detect_mapping(header, spec)
    assert mapping.columns == {"code": 1, "count": 0}
    assert parse_row(["3", "A"], mapping, spec, header) == {"count": 3, "code": "A"}
    with pytest.raises(RowRejected, match="数量"):
        parse_row(["many", "A"], mapping, spec, header)
    with pytest.raises(RowRejected, match="编号"):
        parse_row(["3", ""], mapping, spec, header)
    assert spec.header_score(header) > spec.header_score(["数量"]) > spec.header_score(["x"]) == 0


def test_too_long_text_is_rejected_with_the_column() -> None:
    header = ["申请号", "公开号"]
    mapping = detect_mapping(header, PATENT_SPEC)
    with pytest.raises(RowRejected, match="公开号"):
        parse_row(["CN202210016632.1", "C" * 500], mapping, PATENT_SPEC, header)


def test_every_fixture_maps_its_application_number() -> None:
    from roadshow_desk.exchange.patent_import import read_patent_table

    for path in sorted(fixture("x").parent.glob("*.*")):
        if path.suffix == ".py":
            continue
        table = read_patent_table(path)
        assert "application_no" in detect_mapping(table.header, PATENT_SPEC).columns, path.name
