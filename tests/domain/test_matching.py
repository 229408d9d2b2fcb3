"""Matching one enterprise and one patent: points and reasons a person can check."""

from __future__ import annotations

from types import SimpleNamespace

from roadshow_desk.domain.matching import (
    EnterpriseProfile,
    PatentProfile,
    ipc_key,
    ipc_under,
    longest_common,
    match,
    pairs,
    rank,
)


def enterprise(**values: object) -> EnterpriseProfile:
    base = {
        "id": 7,
        "name": "宁波锦华新能源科技有限公司",
        "industry": "",
        "keywords": "",
        "ipc_interests": "",
    }
    return EnterpriseProfile.of(SimpleNamespace(**{**base, **values}))


def patent(**values: object) -> PatentProfile:
    base = {
        "id": 3,
        "title": "",
        "abstract": "",
        "application_scenarios": "",
        "advantages": "",
        "technical_field": "",
        "strategic_emerging_industry": "",
        "ipc_main": "",
        "ipc_all": "",
    }
    return PatentProfile.of(SimpleNamespace(**{**base, **values}))


BATTERY = patent(
    title="一种储能电池管理系统",
    abstract="基于 LSTM 的锂离子电池健康状态估计，适用于储能电站。",
    technical_field="新能源与储能",
    ipc_main="H01M 10/42",
    ipc_all="H01M 10/42; G01R 31/367",
)


def test_ipc_classes() -> None:
    assert ipc_key(" h01m  10/0525 ") == "H01M10/0525"
    assert ipc_under("H01M10/0525", "H01M")
    assert ipc_under("H01M10/0525", "H01M10")
    assert not ipc_under("H01M10/0525", "H01M1")
    assert ipc_under("H01M10/0525", "H01M10/05")
    assert not ipc_under("H01L23/31", "H01M")


def test_pairs_and_common_text() -> None:
    assert pairs("锂离子电池") == {"锂离", "离子", "子电", "电池"}
    assert pairs("一种方法") == {"种方"}  # 一种 and 方法 say nothing
    assert longest_common("新能源汽车", "新能源与储能") == "新能源"


def test_a_fitting_patent_is_explained() -> None:
    firm = enterprise(
        industry="储能系统集成",
        keywords="储能; 电池管理; 健康状态; 液冷; 钠离子电池",
        ipc_interests="H01M 10; G01R 31; B25J",
    )
    found = match(firm, BATTERY)
    assert found is not None
    assert found.keywords == ("储能", "电池管理", "健康状态")
    assert found.shared_parts == ("离子电池",)  # of 钠离子电池
    assert found.ipc == ("H01M 10", "G01R 31")
    assert found.industry == ("储能",)
    assert found.explanation() == (
        "shared: 储能, 电池管理, 健康状态, 离子电池; IPC H01M 10, G01R 31; industry: 储能"
    )
    # 3 keywords (+1 each in the title for 储能 and 电池管理), 1 part, 2 IPC, industry
    assert found.points == 3 * 3 + 2 + 1 + 2 * 3 + 2


def test_latin_and_full_width_keywords() -> None:
    firm = enterprise(keywords="ｌｓｔｍ, Health")
    found = match(firm, BATTERY)
    assert found is not None and found.keywords == ("ｌｓｔｍ",)


def test_nothing_in_common_is_no_match() -> None:
    firm = enterprise(industry="纺织", keywords="染色; 面料", ipc_interests="D06P")
    assert match(firm, BATTERY) is None
    assert enterprise().is_empty and match(enterprise(), BATTERY) is None


def test_rank_orders_by_points_then_id() -> None:
    firm = enterprise(keywords="储能; 电池")
    other = patent(id=1, title="电池", abstract="")
    ranked = rank([match(firm, BATTERY), None, match(firm, other)], 5)
    assert [m.patent_id for m in ranked] == [3, 1]
    assert rank([match(firm, BATTERY), match(firm, other)], 1)[0].patent_id == 3
