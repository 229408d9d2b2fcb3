"""Every application number in the real Chinese exports normalises.

Reads ../shared/realdata (beside the repository; see its SOURCES.md) with pandas directly,
so the check does not depend on our importer.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from roadshow_desk.domain.enums import PatentType
from roadshow_desk.domain.identifiers import (
    application_year,
    normalize_application_number,
    patent_type_from_application_number,
)

if TYPE_CHECKING:
    import pandas as pd

REALDATA = Path(__file__).resolve().parents[3] / "shared" / "realdata"

pytestmark = [
    pytest.mark.realdata,
    pytest.mark.skipif(not REALDATA.is_dir(), reason=f"{REALDATA} is absent"),
]

# Rows per file as SOURCES.md lists them; every row has an application number.
EXPECTED_ROWS = {
    "cn_patentics_exports/patentics_TI-biochip_20211220_full.csv": 1698,
    "cn_patentics_exports/patentics_CNAPP_TI-virtual-reality_20220507_first1500.csv": 1500,
    "cn_patentics_exports/patentics_china20_transfer-learning_full.xlsx": 20,
    "cn_patentics_exports/patentics_china21_banma_full.xlsx": 20,
    "cn_patentics_exports/patentics_cambricon_merged-header_first60.xlsx": 60,
    "cn_patentics_exports/patentics_thundersoft_cn-app-db_first50.xlsx": 50,
    "cn_gbk_title_abstract/A01F_full_gbk.csv": 371,
    "cn_gbk_title_abstract/A01B_first200_gbk.csv": 200,
    "cn_sqldump_research_institute/zhuanli_zongbiao_anli_converted.csv": 10,
}

# Publication kind codes and the 专利类型 vocabulary of these exports.
KIND_CODE_TYPES = {
    "A": PatentType.INVENTION,
    "B": PatentType.INVENTION,
    "C": PatentType.INVENTION,
    "U": PatentType.UTILITY_MODEL,
    "Y": PatentType.UTILITY_MODEL,
    "S": PatentType.DESIGN,
    "D": PatentType.DESIGN,
}
TYPE_WORDS = {
    "发明公布": PatentType.INVENTION,
    "发明公开": PatentType.INVENTION,
    "发明授权": PatentType.INVENTION,
    "发明公开;发明授权": PatentType.INVENTION,
    "实用新型": PatentType.UTILITY_MODEL,
    "外观设计": PatentType.DESIGN,
}


def _read(relative: str) -> pd.DataFrame:
    import pandas as pd

    path = REALDATA / relative
    if path.suffix == ".xlsx":
        # The cambricon export has a "Patentics" banner row above the real header.
        raw = pd.read_excel(path, engine="calamine", header=None, dtype=str, nrows=5)
        header_row = next(i for i in range(len(raw)) if "申请号" in raw.iloc[i].tolist())
        return pd.read_excel(path, engine="calamine", header=header_row, dtype=str)
    if "gbk" in path.name:
        return pd.read_csv(path, encoding="gbk", dtype=str)
    # utf-8-sig reads both the BOM and the BOM-less exports; index_col=False keeps the
    # Patentics rows' trailing comma from shifting the columns.
    return pd.read_csv(path, encoding="utf-8-sig", dtype=str, index_col=False)


@pytest.fixture(scope="module")
def tables() -> dict[str, pd.DataFrame]:
    return {relative: _read(relative) for relative in EXPECTED_ROWS}


def test_every_chinese_file_is_covered() -> None:
    chinese = {
        str(path.relative_to(REALDATA))
        for path in REALDATA.glob("cn_*/*")
        if path.suffix in {".csv", ".xlsx"}
    }
    assert chinese == set(EXPECTED_ROWS)


def test_every_real_application_number_normalises(tables: dict[str, pd.DataFrame]) -> None:
    total = 0
    normalised_by_form: dict[str, int] = {}
    failures: list[str] = []
    for relative, table in tables.items():
        column = table["申请号"]
        assert column.notna().all(), relative
        assert len(column) == EXPECTED_ROWS[relative], relative
        for raw in column:
            total += 1
            try:
                normalised = normalize_application_number(raw)
            except ValueError as error:
                failures.append(f"{relative}: {error}")
                continue
            assert re.fullmatch(r"CN(\d{12}|\d{8})\.[0-9X]", normalised)
            # A number that came with a check character keeps it (only a missing one is added).
            if re.fullmatch(r"CN\d+\.[0-9X]", raw):
                assert normalised == raw
            form = f"{len(normalised) - 4} digits"
            normalised_by_form[form] = normalised_by_form.get(form, 0) + 1
    print(f"\n{total} real application numbers normalised: {normalised_by_form}")
    assert failures == []
    assert total >= 3900
    assert normalised_by_form["8 digits"] >= 290  # the old 1985–2003 form is well covered


def test_numbers_without_check_character_get_one(tables: dict[str, pd.DataFrame]) -> None:
    raw_numbers = {
        raw
        for table in tables.values()
        for raw in table["申请号"]
        if not re.fullmatch(r"CN\d+\.[0-9X]", raw)
    }
    assert raw_numbers == {"CN85105156", "CN200510020170"}
    assert normalize_application_number("CN85105156") == "CN85105156.1"
    assert normalize_application_number("CN200510020170") == "CN200510020170.7"


def test_type_digit_agrees_with_kind_code_and_type_column(tables: dict[str, pd.DataFrame]) -> None:
    checked = 0
    for relative, table in tables.items():
        for _, row in table.iterrows():
            patent_type = patent_type_from_application_number(row["申请号"])
            assert patent_type is not None
            publication = row.get("公开号")
            if isinstance(publication, str):
                assert KIND_CODE_TYPES[publication[-1]] is patent_type, (relative, publication)
                checked += 1
            words = row.get("专利类型")
            if isinstance(words, str):
                assert TYPE_WORDS[words] is patent_type, (relative, words)
                checked += 1
    assert checked >= 3500


def test_year_in_number_is_never_before_the_filing_date(tables: dict[str, pd.DataFrame]) -> None:
    # Equal for ordinary filings; later for divisional applications (they keep the parent's
    # filing date) and PCT national-phase entries (international filing date).
    later = 0
    dated = 0
    for relative, table in tables.items():
        if "申请日" not in table:
            continue
        for raw, filed in zip(table["申请号"], table["申请日"], strict=True):
            year = application_year(raw)
            assert year is not None
            filing_year = int(str(filed)[:4])
            assert 1985 <= filing_year <= date.today().year
            assert year >= filing_year, (relative, raw, filed)
            dated += 1
            later += year > filing_year
    assert dated >= 3300
    assert later < dated // 20  # divisional and PCT numbers are the exception


def test_sql_dump_and_its_link_text_agree_with_the_table(tables: dict[str, pd.DataFrame]) -> None:
    table = tables["cn_sqldump_research_institute/zhuanli_zongbiao_anli_converted.csv"]
    numbers = {normalize_application_number(raw) for raw in table["申请号"]}
    links = {normalize_application_number(link.removeprefix("查看")) for link in table["全文链接"]}
    assert links == numbers
    dump = REALDATA / "cn_sqldump_research_institute" / "zhuanli_zongbiao_anli_navicat_dump.sql"
    in_dump = {
        normalize_application_number(match)
        for match in re.findall(r"'(CN\d{8,12}\.[0-9X])'", dump.read_text(encoding="utf-8"))
    }
    assert in_dump == numbers
    assert len(numbers) == 10
