"""Reading tables: formats by content, encodings, delimiters, header rows, ragged rows."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from patent_files import fixture, number

from roadshow_desk.errors import InputError
from roadshow_desk.exchange.patent_fields import PATENT_SPEC
from roadshow_desk.exchange.tables import (
    choose_delimiter,
    detect_encoding,
    read_table,
    unique_names,
)


def read(path: Path):  # type: ignore[no-untyped-def]
    return read_table(path, header_score=PATENT_SPEC.header_score)


def test_patentics_csv_trailing_comma_is_dropped_and_rows_keep_their_line_numbers() -> None:
    table = read(fixture("patentics_ragged.csv"))
    assert table.encoding == "utf-8"
    assert table.delimiter == ","
    assert len(table.header) == 24  # the 25th field of every row is empty: dropped
    assert table.header[1] == "申请号"
    assert len(table.rows) == 7
    assert table.row_numbers[:3] == [2, 3, 4]
    assert all(len(row) == 24 for row in table.rows)
    assert table.rows[2][5] == ""  # the unquoted empty grant date


def test_bom_and_crlf_are_read() -> None:
    table = read(fixture("patentics_bom_crlf.csv"))
    assert table.encoding == "utf-8-sig"
    assert table.header[0] == "公开号"  # no BOM left on the first name
    assert not any(str(cell).endswith("\r") for row in table.rows for cell in row)


def test_gbk_with_line_breaks_inside_quoted_cells() -> None:
    table = read(fixture("gbk_title_abstract.csv"))
    assert table.encoding == "gb18030"
    assert table.header == ["patent_id", "名称", "申请号", "摘要"]
    assert len(table.rows) == 3
    assert "\n" in table.rows[0][3]
    # The second record starts on line 4: the first one spans lines 2 and 3.
    assert table.row_numbers == [2, 4, 6]


def test_gb18030_characters_outside_gbk() -> None:
    table = read(fixture("gb18030_rare.csv"))
    assert table.encoding == "gb18030"
    assert table.rows[0][1] == "一种䶮𡋾材料的制备方法"


def test_tab_and_semicolon_delimiters() -> None:
    assert read(fixture("english_tab.txt")).delimiter == "\t"
    table = read(fixture("semicolon.csv"))
    assert table.delimiter == ";"
    assert table.header[:2] == ["申请号", "专利名称"]


def test_banner_row_and_merged_cells_above_the_header_are_skipped() -> None:
    table = read(fixture("patentics_banner.xlsx"))
    assert table.format == "xlsx"
    assert table.sheet == "Patentics"
    assert table.sheets == ["Patentics", "分析库"]
    assert table.header_row_number == 2
    assert table.header[:3] == ["公开号", "申请号", "首图"]
    assert table.row_numbers == [3, 4, 5]
    assert table.rows[0][2] == ""  # the embedded image's cell reads as empty


def test_duplicate_column_names_are_numbered() -> None:
    table = read(fixture("duplicate_headers.xlsx"))
    assert table.header[3:6] == ["申请日", "申请日 (2)", "申请日 (3)"]
    assert table.original_header[3:6] == ["申请日", "申请日", "申请日"]


def test_workbook_cells_keep_their_types() -> None:
    table = read(fixture("incopat_fullwidth.xlsx"))
    row = table.rows[0]
    assert isinstance(row[table.column("申请日")], (dt.date, dt.datetime))
    assert row[table.column("公开(公告)日")] == 44666
    assert table.header[2] == "公开（公告）号"


def test_legacy_xls() -> None:
    table = read(fixture("legacy.xls"))
    assert table.format == "xls"
    assert table.rows[0][0] == number("201510123453")


def test_format_comes_from_the_bytes_not_the_name(tmp_path: Path) -> None:
    disguised = tmp_path / "really_a_workbook.csv"
    disguised.write_bytes(fixture("patentics_banner.xlsx").read_bytes())
    assert read(disguised).sheet == "Patentics"


def test_extra_non_empty_cells_become_columns_and_short_rows_are_padded(tmp_path: Path) -> None:
    path = tmp_path / "ragged.csv"
    path.write_text("申请号,专利名称\nA,x,extra\nB\n", encoding="utf-8")
    table = read(path)
    assert table.header == ["申请号", "专利名称", "Column 3"]
    assert table.rows == [["A", "x", "extra"], ["B", "", ""]]


def test_blank_lines_are_skipped_but_counted(tmp_path: Path) -> None:
    path = tmp_path / "blank.csv"
    path.write_text("申请号,专利名称\n\nA,x\n\n\nB,y\n", encoding="utf-8")
    table = read(path)
    assert table.row_numbers == [3, 6]


def test_unterminated_quote_is_refused_with_the_line(tmp_path: Path) -> None:
    path = tmp_path / "quote.csv"
    path.write_text('申请号,专利名称\nA,"never closed\nB,y\nC,z\n', encoding="utf-8")
    with pytest.raises(InputError, match="line 2"):
        read(path)


def test_stray_quotes_inside_unquoted_cells_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "stray.csv"
    path.write_text('申请号,专利名称\nA,a 5" screen\nB,y\n', encoding="utf-8")
    assert read(path).rows[0][1] == 'a 5" screen'


def test_the_sheet_with_the_patent_header_is_chosen(tmp_path: Path) -> None:
    import xlsxwriter

    path = tmp_path / "two.xlsx"
    workbook = xlsxwriter.Workbook(str(path))
    workbook.add_worksheet("说明").write_row(0, 0, ["本表由某某导出", "2023"])
    data = workbook.add_worksheet("数据")
    data.write_row(0, 0, ["申请号", "专利名称"])
    data.write_row(1, 0, [number("202210016632"), "x"])
    workbook.close()
    table = read(path)
    assert table.sheet == "数据"
    assert read_table(path, header_score=PATENT_SPEC.header_score, sheet="说明").sheet == "说明"
    with pytest.raises(InputError, match="no sheet"):
        read_table(path, sheet="missing")


def test_encoding_detection_order() -> None:
    text = "申请号,名称\n"
    assert detect_encoding(text.encode("utf-8"))[0] == "utf-8"
    assert detect_encoding(b"\xef\xbb\xbf" + text.encode("utf-8"))[0] == "utf-8-sig"
    assert detect_encoding(text.encode("gbk"))[0] == "gb18030"
    assert detect_encoding(text.encode("utf-16"))[0] == "utf-16"
    # A UTF-8 BOM in front of GBK bytes: the bytes win.
    encoding, decoded = detect_encoding(b"\xef\xbb\xbf" + text.encode("gbk"))
    assert (encoding, decoded) == ("gb18030", text)


def test_delimiter_is_chosen_by_consistency() -> None:
    assert choose_delimiter("a,b,c\n1,2,3\n") == ","
    assert choose_delimiter("a;b;c\n1;2,5;3\n") == ";"
    assert choose_delimiter("a\tb\n1\t刘某;王某\n") == "\t"
    # Semicolons inside unquoted cells do not fool it.
    assert choose_delimiter("申请号,发明人\nA,刘某;王某;张某\nB,李某\n") == ","


def test_unique_names() -> None:
    assert unique_names(["a", "a", "", "b", "a"]) == ["a", "a (2)", "Column 3", "b", "a (3)"]
