"""Every file in ../shared/realdata gives its expected outcome (marker ``realdata``).

The Chinese exports import with the counts and values below; the US PatentsView parser
fixtures and the SQL dump are not Chinese patent tables and are refused with one sentence.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from patent_files import file_digest, patents
from sqlalchemy import func, select

from roadshow_desk.domain.enums import InstitutionKind, LegalStatus, PatentType
from roadshow_desk.domain.models import Institution, Patent
from roadshow_desk.errors import InputError
from roadshow_desk.exchange.patent_import import import_patents

pytestmark = pytest.mark.realdata

# file: (inserted, merged publications, encoding, sheet)
EXPECTED = {
    "cn_patentics_exports/patentics_TI-biochip_20211220_full.csv": (1337, 361, "utf-8", None),
    "cn_patentics_exports/patentics_CNAPP_TI-virtual-reality_20220507_first1500.csv": (
        1500,
        0,
        "utf-8-sig",
        None,
    ),
    "cn_patentics_exports/patentics_china20_transfer-learning_full.xlsx": (
        20,
        0,
        None,
        "Patentics",
    ),
    "cn_patentics_exports/patentics_china21_banma_full.xlsx": (20, 0, None, "Patentics"),
    "cn_patentics_exports/patentics_cambricon_merged-header_first60.xlsx": (
        60,
        0,
        None,
        "Patentics",
    ),
    "cn_patentics_exports/patentics_thundersoft_cn-app-db_first50.xlsx": (50, 0, None, "Patentics"),
    "cn_gbk_title_abstract/A01F_full_gbk.csv": (371, 0, "gb18030", None),
    "cn_gbk_title_abstract/A01B_first200_gbk.csv": (200, 0, "gb18030", None),
    "cn_sqldump_research_institute/zhuanli_zongbiao_anli_converted.csv": (10, 0, "utf-8", None),
}
REFUSED = (
    "cn_sqldump_research_institute/zhuanli_zongbiao_anli_navicat_dump.sql",
    *(
        f"us_patentsview_fixture/ipa130117.one__{name}.csv"
        for name in ("application", "claim", "ipcr", "rawassignee", "rawinventor")
    ),
    *(
        f"us_patentsview_fixture/ipg120327.18__{name}.csv"
        for name in ("application", "claim", "patent", "rawassignee", "rawinventor")
    ),
)


def test_every_file_is_covered(realdata: Path) -> None:
    present = {
        str(path.relative_to(realdata)) for path in realdata.glob("*/*") if path.suffix != ".md"
    }
    assert present == set(EXPECTED) | set(REFUSED)


@pytest.mark.parametrize("name", sorted(EXPECTED), ids=lambda name: Path(name).stem[:40])
def test_chinese_export_imports(name: str, realdata: Path, db) -> None:  # type: ignore[no-untyped-def]
    inserted, merged, encoding, sheet = EXPECTED[name]
    result = import_patents(db, realdata / name)
    assert (result.inserted, result.rejected, result.merged) == (inserted, 0, merged)
    assert (result.encoding, result.sheet) == (encoding, sheet)
    again = import_patents(db, realdata / name)
    assert (again.unchanged, again.updated, again.batch_id) == (inserted, 0, None)


@pytest.mark.parametrize("name", REFUSED, ids=lambda name: Path(name).stem[:40])
def test_non_chinese_tables_are_refused(name: str, realdata: Path, db) -> None:  # type: ignore[no-untyped-def]
    digest = file_digest(db)
    with pytest.raises(InputError, match="申请号"):
        import_patents(db, realdata / name)
    assert file_digest(db) == digest


def test_biochip_values(realdata: Path, db) -> None:  # type: ignore[no-untyped-def]
    import_patents(db, realdata / "cn_patentics_exports/patentics_TI-biochip_20211220_full.csv")
    found = patents(db)
    first = found["CN202120948482.9"]
    assert first.title == "一种多元检测生物芯片杂交仪"
    assert first.inventors == "贺若茜; 王雄伟"  # split on " | "
    assert first.ipc_all == "C12M 1/00"  # compacted from "C12M  1/00"
    assert first.application_date == dt.date(2021, 5, 6)  # from 20210506
    assert first.patent_type == PatentType.UTILITY_MODEL
    assert first.legal_status == LegalStatus.GRANTED
    college = found["CN202110979645.4"]
    assert college.grant_date is None  # unquoted empty cell
    assert college.legal_status == LegalStatus.PENDING
    assert college.ipc_all == "G01N 33/86; B01L 3/00"
    merged = found["CN201811609101.3"]  # CN109647552A and its grant CN109647552B
    assert (merged.publication_no, merged.grant_no) == ("CN109647552A", "CN109647552B")
    assert found["CN200510020170.7"].application_date == dt.date(2005, 1, 11)
    # the export writes an apostrophe as "&apos;"; the brochure printed it so
    assert found["CN00122162.0"].title.startswith("丙型肝炎病毒HCV5'非编码区")
    with db.session() as session:
        statuses = dict(
            session.execute(
                select(Patent.legal_status, func.count()).group_by(Patent.legal_status)
            ).all()
        )
        universities = session.scalar(
            select(func.count())
            .select_from(Institution)
            .where(Institution.kind == InstitutionKind.UNIVERSITY)
        )
        by_university = session.scalar(
            select(func.count())
            .select_from(Patent)
            .join(Institution)
            .where(Institution.kind == InstitutionKind.UNIVERSITY)
        )
    assert set(statuses) == {
        LegalStatus.GRANTED,
        LegalStatus.LAPSED,
        LegalStatus.WITHDRAWN,
        LegalStatus.PENDING,
        LegalStatus.REJECTED,
    }
    assert universities == 83
    # 297 patents name a 大学 among their applicants; with …学院 it is 310.
    assert by_university == 310
    institution = found["CN202110979645.4"]
    with db.session() as session:
        name = session.get(Institution, institution.institution_id).name  # type: ignore[union-attr]
    assert name == "常州工程职业技术学院"


def test_gbk_values(realdata: Path, db) -> None:  # type: ignore[no-untyped-def]
    import_patents(db, realdata / "cn_gbk_title_abstract/A01F_full_gbk.csv")
    import_patents(db, realdata / "cn_gbk_title_abstract/A01B_first200_gbk.csv")
    found = patents(db)
    assert found["CN87104573.7"].title == "一种改进的全喂入混流式穗部脱粒机"
    assert found["CN00129265.X"].title == "乘坐式水田作业机"
    old = found["CN85105156.1"]  # no check character in the file: computed
    assert old.patent_type == PatentType.INVENTION
    assert not any(p.abstract.endswith(("$#!", "$＃!")) for p in found.values())
    assert any("\n" in p.abstract for p in found.values())


def test_workbook_values(realdata: Path, db) -> None:  # type: ignore[no-untyped-def]
    folder = realdata / "cn_patentics_exports"
    for name in (
        "patentics_china20_transfer-learning_full.xlsx",
        "patentics_cambricon_merged-header_first60.xlsx",
        "patentics_thundersoft_cn-app-db_first50.xlsx",
    ):
        import_patents(db, folder / name)
    found = patents(db)
    water = found["CN202211502936.5"]
    assert water.inventors.split("; ")[:3] == ["张戈", "朱军平", "王利民"]  # " |\n" separated
    assert water.application_date == dt.date(2022, 11, 29)  # "2022/11/29"
    assert water.ipc_main == "G06Q 10/10"
    cambricon = found["CN202011567126.9"]  # header below a merged banner row
    assert cambricon.title == "视频检索方法及视频检索映射关系生成方法、装置"
    assert cambricon.inventors == ""  # 不公告发明人
    assert cambricon.ipc_main == "G06F 16/783"
    thundersoft = found["CN202210344028.1"]
    assert thundersoft.application_date == dt.date(2022, 3, 31)  # first of three 申请日
    assert thundersoft.agency == "北京思格颂知识产权代理有限公司"  # "机构; 代理人"
    assert "\u3000" not in thundersoft.abstract


def test_research_institute_values(realdata: Path, db) -> None:  # type: ignore[no-untyped-def]
    name = "cn_sqldump_research_institute/zhuanli_zongbiao_anli_converted.csv"
    import_patents(db, realdata / name)
    found = patents(db)
    box = found["CN202223220665.2"]
    assert box.inventors == "刘迪; 刘敏; 王煜伟; 付艳波; 王元卓"  # ";"-separated
    assert box.ipc_main == "B64U 20/80"
    assert box.legal_status == LegalStatus.GRANTED  # 有权-审定授权
    with db.session() as session:
        kinds = set(session.scalars(select(Institution.kind)))
        pending = session.scalar(
            select(func.count()).select_from(Patent).where(Patent.grant_date.is_(None))
        )
    assert kinds == {InstitutionKind.INSTITUTE}  # 中科大数据研究院
    assert pending and pending < 10  # 授权公告日 0 means none
