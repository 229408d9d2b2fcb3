"""Cell normalisation: text, lists, IPC codes, dates, numbers, statuses, safe cells."""

from __future__ import annotations

import datetime as dt

import pytest

from roadshow_desk.domain.enums import LegalStatus, PatentType
from roadshow_desk.exchange.normalize import (
    CellProblem,
    clean_long_text,
    clean_text,
    compact_ipc,
    legal_status_of,
    parse_conversion_modes,
    parse_count,
    parse_date,
    parse_flag,
    parse_grade,
    patent_type_of,
    split_ipc,
    split_list,
)
from roadshow_desk.exchange.safe_cells import is_dangerous, neutralise, unneutralise


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("  一种　电池 ", "一种 电池"),  # ideographic space
        ("（１）Ｐ１ＡＢｃ", "（1）P1ABc"),  # full-width letters/digits; brackets kept
        ("联想（北京）有限公司", "联想（北京）有限公司"),
        ("CO<sub>2</sub>回收", "CO2回收"),
        ("丙型肝炎病毒HCV5&apos;非编码区", "丙型肝炎病毒HCV5'非编码区"),  # an HTML entity
        ("A&amp;B、&#8220;X&#x201D;", "A&B、“X”"),
        ("R&D部门; P&G", "R&D部门; P&G"),  # an ampersand that starts no entity stays
        ("a&nbsp;&nbsp;b &lt;i&gt;", "a b <i>"),
        ("一种脱粒机$＃!", "一种脱粒机"),
        ("一种脱粒机$#!", "一种脱粒机"),
        ("'=SUM(A1)", "=SUM(A1)"),  # our neutralisation undone
        ('="2021100166321"', "2021100166321"),  # Excel's text wrapper
        ("a\u200bb\ufeff", "ab"),
        ("line\nbreak\ttab", "line break tab"),
        ("a\x00b\x1fc\x7f", "abc"),  # control characters dropped (a NUL made CSVs "binary")
        (44666.0, "44666"),
        (None, ""),
    ],
)
def test_clean_text(raw: object, clean: str) -> None:
    assert clean_text(raw) == clean


def test_long_text_keeps_paragraphs() -> None:
    raw = "\u3000本发明公开了一种方法。<br/>[0053]\u3000实施例一\r\n\r\n\r\n\r\n结尾  "
    assert clean_long_text(raw) == "本发明公开了一种方法。\n[0053] 实施例一\n\n结尾"
    assert clean_long_text("一\x00种\r\n方法\x08") == "一种\n方法"


@pytest.mark.parametrize(
    ("raw", "items"),
    [
        ("贺某茜 | 王某伟", ["贺某茜", "王某伟"]),
        ("张某 |\n朱某平 |\n王某民", ["张某", "朱某平", "王某民"]),
        ("刘某;刘某敏；王某伟", ["刘某", "刘某敏", "王某伟"]),
        ("G06V 20/60|G06V 10/82", ["G06V 20/60", "G06V 10/82"]),
        ("不公告发明人", []),
        ("李某 | 不公告发明人 | 李某", ["李某"]),
        ("I·O·洛博达", ["I·O·洛博达"]),
        ("", []),
    ],
)
def test_split_list(raw: str, items: list[str]) -> None:
    assert split_list(raw) == items


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("G09B  9/00", "G09B 9/00"),
        ("H04N  5/225", "H04N 5/225"),
        ("B64U20/80", "B64U 20/80"),
        ("ｇ０６ｆ　１６／７８３", "G06F 16/783"),
        ("G09B", "G09B"),
        ("not ipc", "NOT IPC"),
    ],
)
def test_compact_ipc(raw: str, code: str) -> None:
    assert compact_ipc(raw) == code


def test_split_ipc_drops_repeats() -> None:
    assert split_ipc("G09B  9/00 | G09B 9/00 | H04N  5/225") == ["G09B 9/00", "H04N 5/225"]


@pytest.mark.parametrize(
    ("raw", "day"),
    [
        ("20220107", dt.date(2022, 1, 7)),
        ("2022/01/07", dt.date(2022, 1, 7)),
        ("2022/1/7", dt.date(2022, 1, 7)),
        ("2022.11.15", dt.date(2022, 11, 15)),
        ("2022-01-07", dt.date(2022, 1, 7)),
        ("2022年1月7日", dt.date(2022, 1, 7)),
        ("2022-01-07 00:00:00", dt.date(2022, 1, 7)),
        ("２０２２－０１－０７", dt.date(2022, 1, 7)),
        (20221202, dt.date(2022, 12, 2)),
        (44568, dt.date(2022, 1, 7)),
        (44568.5, dt.date(2022, 1, 7)),
        ("44568", dt.date(2022, 1, 7)),
        (dt.datetime(2022, 1, 7, 9, 30), dt.date(2022, 1, 7)),
        (dt.date(2022, 1, 7), dt.date(2022, 1, 7)),
        ("0", None),
        (0, None),
        ("", None),
        (None, None),
    ],
)
def test_parse_date(raw: object, day: dt.date | None) -> None:
    assert parse_date(raw) == day


@pytest.mark.parametrize("raw", ["2022-02-30", "20221345", "yesterday", "2022", True, 99999999])
def test_impossible_dates_are_refused_with_a_sentence(raw: object) -> None:
    with pytest.raises(CellProblem) as problem:
        parse_date(raw)
    assert str(problem.value).endswith(".")


@pytest.mark.parametrize(
    ("raw", "value"), [("6", 6), (6.0, 6), ("６", 6), ("1,200", 1200), ("", None), (" 7 ", 7)]
)
def test_parse_count(raw: object, value: int | None) -> None:
    assert parse_count(raw) == value


@pytest.mark.parametrize("raw", ["-1", "2.5", "many", True])
def test_bad_counts(raw: object) -> None:
    with pytest.raises(CellProblem):
        parse_count(raw)


def test_flags_and_grades() -> None:
    assert [parse_flag(v) for v in ("是", "否", "有", "无", "Y", "no", "1", "0", 2, "√")] == [
        True,
        False,
        True,
        False,
        True,
        False,
        True,
        False,
        True,
        True,
    ]
    with pytest.raises(CellProblem):
        parse_flag("maybe")
    assert [parse_grade(v) for v in ("★★★★", 3, "5星", "三星", "", 2.0)] == [4, 3, 5, 3, None, 2]
    with pytest.raises(CellProblem):
        parse_grade("7")


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("有效", LegalStatus.GRANTED),
        ("有权-审定授权", LegalStatus.GRANTED),
        ("授权", LegalStatus.GRANTED),
        ("公开", LegalStatus.PENDING),
        ("审中-实质审查", LegalStatus.PENDING),
        ("实质审查的生效", LegalStatus.PENDING),
        ("无效", LegalStatus.LAPSED),
        ("未缴年费专利权终止", LegalStatus.LAPSED),
        ("专利权的终止", LegalStatus.LAPSED),
        ("全部无效", LegalStatus.INVALIDATED),
        ("期限届满", LegalStatus.EXPIRED),
        ("撤回", LegalStatus.WITHDRAWN),
        ("视为撤回", LegalStatus.WITHDRAWN),
        ("驳回", LegalStatus.REJECTED),
        ("专利权的主动放弃", LegalStatus.ABANDONED),
        ("granted", LegalStatus.GRANTED),
        ("Invalid", LegalStatus.LAPSED),
        ("", LegalStatus.UNKNOWN),
        ("未知", LegalStatus.UNKNOWN),
        ("奇怪的状态", None),
    ],
)
def test_legal_status(text: str, status: LegalStatus | None) -> None:
    assert legal_status_of(text) == status


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("发明公布", PatentType.INVENTION),
        ("发明授权", PatentType.INVENTION),
        ("发明公开;发明授权", PatentType.INVENTION),
        ("实用新型", PatentType.UTILITY_MODEL),
        ("外观设计", PatentType.DESIGN),
        ("Utility model", PatentType.UTILITY_MODEL),
        ("", None),
        ("其他", None),
    ],
)
def test_patent_type(text: str, kind: PatentType | None) -> None:
    assert patent_type_of(text) == kind


def test_conversion_modes() -> None:
    assert parse_conversion_modes("转让、许可") == "transfer; licence"
    assert parse_conversion_modes("开放许可; 作价入股") == "open_licence; investment"
    assert parse_conversion_modes("") == ""
    with pytest.raises(CellProblem, match="赠送"):
        parse_conversion_modes("赠送")


@pytest.mark.parametrize(
    "text", ["=1+1", "+SUM(A1)", "-2", "@cmd", "\tx", "\rx", "'=x", "''=x", "'-1", "plain", "'a"]
)
def test_neutralise_round_trips(text: str) -> None:
    safe = neutralise(text)
    assert not is_dangerous(safe)
    assert unneutralise(safe) == text


def test_numbers_are_not_neutralised() -> None:
    assert neutralise(-5) == -5
    assert neutralise("a=b") == "a=b"
