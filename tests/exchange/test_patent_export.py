"""Exports: patents and the shortlist to .xlsx and .csv; export → import round-trips;
formula-like cells are neutralised."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from patent_files import fixture, number, patents
from sqlalchemy import select

from roadshow_desk.domain.enums import LegalStatus, PatentType
from roadshow_desk.domain.models import PATENT_DATA_FIELDS, Event, Patent, ShortlistEntry
from roadshow_desk.exchange.export import EXPORTERS, export, exporter_for, patent_header
from roadshow_desk.exchange.patent_import import import_patents
from roadshow_desk.exchange.tables import read_table
from roadshow_desk.store.db import open_database

FIXTURES_WITH_EVERYTHING = (
    "patentics_ragged.csv",
    "research_institute.csv",
    "institute_inventory.xlsx",
    "incopat_fullwidth.xlsx",
    "gbk_title_abstract.csv",
    "patentics_banner.xlsx",
)


def fill(db) -> None:  # type: ignore[no-untyped-def]
    for name in FIXTURES_WITH_EVERYTHING:
        import_patents(db, fixture(name))
    with db.session() as session:  # values that need neutralising, and a long cell
        patent = session.scalars(select(Patent).order_by(Patent.id)).first()
        patent.title = '=HYPERLINK("http://x")'
        patent.abstract = "-开头的摘要\n第二段"
        patent.price_guide = "@面议"
        patent.advantages = "+" + "长" * 10_000
        patent.patent_award = "'=已引用"


def record(patent: Patent) -> dict[str, object]:
    return {name: getattr(patent, name) for name in PATENT_DATA_FIELDS}


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_export_then_import_into_an_empty_database_gives_the_same_records(
    db, tmp_path: Path, suffix: str
) -> None:  # type: ignore[no-untyped-def]
    fill(db)
    out = tmp_path / f"patents{suffix}"
    written = export(db, "patents", out)
    original = patents(db)
    assert written == len(original) == 18
    empty = open_database(f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    try:
        result = import_patents(empty, out)
        assert (result.inserted, result.rejected, result.preset) == (18, 0, "roadshow-desk")
        copied = patents(empty)
    finally:
        empty.dispose()
    assert set(copied) == set(original)
    for key, patent in original.items():
        assert record(copied[key]) == record(patent), key


def test_csv_is_utf8_with_bom_and_cells_are_neutralised(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    fill(db)
    out = tmp_path / "patents.csv"
    export(db, "patents", out)
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert text.splitlines()[0].split(",")[:3] == ["申请号", "专利名称", "专利类型"]
    assert "'=HYPERLINK" in text and "'-开头的摘要" in text and "'@面议" in text
    assert "''=已引用" in text
    for line in text.splitlines()[1:]:
        for cell in line.split(","):
            assert not cell.startswith(("=", "+", "-", "@")), cell


def test_xlsx_cells_are_text_not_formulas(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import openpyxl

    fill(db)
    out = tmp_path / "patents.xlsx"
    export(db, "patents", out)
    sheet = openpyxl.load_workbook(out).active
    values = [cell.value for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert not any(cell.data_type == "f" for row in sheet.iter_rows() for cell in row)
    # Text cells are text: no quote is needed, and none is added (issue 12.8).
    assert '=HYPERLINK("http://x")' in values and "-开头的摘要\n第二段" in values
    assert '\'=HYPERLINK("http://x")' not in values
    assert all(
        cell.data_type == "s" for row in sheet.iter_rows() for cell in row if cell.value == "@面议"
    )
    header = [cell.value for cell in next(sheet.iter_rows())]
    assert header == patent_header()


def test_export_values_are_in_chinese(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import_patents(db, fixture("institute_inventory.xlsx"))
    out = tmp_path / "p.xlsx"
    export(db, "patents", out)
    table = read_table(out)
    row = dict(zip(table.header, table.rows[0], strict=True))
    assert row["专利类型"] == "发明"
    assert row["转化方式"] == "转让; 许可"
    assert row["海外同族"] == "是"
    assert row["所属机构"] == "某某理工大学"


def make_event(db) -> int:  # type: ignore[no-untyped-def]
    import_patents(db, fixture("patentics_ragged.csv"))
    with db.session() as session:
        event = Event(name="高校专利路演", starts_on=dt.date(2024, 5, 20))
        session.add(event)
        session.flush()
        ids = list(session.scalars(select(Patent.id).order_by(Patent.application_no)))
        for position, patent_id in enumerate(reversed(ids[:3])):
            session.add(
                ShortlistEntry(
                    event_id=event.id,
                    patent_id=patent_id,
                    position=position,
                    included=position != 1,
                    exclusion_reason="" if position != 1 else "已转让",
                    tags="重点; 新能源",
                    presenter_notes="=先讲应用",
                )
            )
        return event.id


def test_shortlist_in_the_organisers_order(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    event_id = make_event(db)
    out = tmp_path / "shortlist.xlsx"
    assert export(db, "shortlist", out, event_id=event_id) == 3
    table = read_table(out)
    assert table.header[:6] == ["序号", "入选", "排除原因", "标签", "路演备注", "评分"]
    numbers = sorted(patents(db))[:3]
    assert [row[table.column("申请号")] for row in table.rows] == list(reversed(numbers))
    assert [row[0] for row in table.rows] == [1, 2, 3]
    assert [row[1] for row in table.rows] == ["是", "否", "是"]
    assert table.rows[1][2] == "已转让"
    assert table.rows[0][4] == "=先讲应用"  # a text cell, no quote needed
    # The shortlist imports as patents, too.
    empty = open_database(f"sqlite:///{tmp_path / 'e.sqlite3'}")
    try:
        assert import_patents(empty, out).inserted == 3
    finally:
        empty.dispose()


def test_shortlist_of_the_latest_event_by_default(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    make_event(db)
    assert export(db, "shortlist", tmp_path / "s.csv") == 3


def test_registry_has_every_kind_of_the_cli() -> None:
    from roadshow_desk.cli_commands.exchange import EXPORT_KINDS

    assert set(EXPORTERS) == set(EXPORT_KINDS)
    for kind in EXPORTERS:
        assert callable(exporter_for(kind))


def test_legal_status_and_type_round_trip_every_value(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with db.session() as session:
        for index, status in enumerate(LegalStatus):
            session.add(
                Patent(
                    application_no=number(f"2021{1 + index % 3}{index:07d}"),
                    title=f"专利{index}",
                    legal_status=status,
                    patent_type=list(PatentType)[index % 3],
                )
            )
    out = tmp_path / "all.csv"
    export(db, "patents", out)
    empty = open_database(f"sqlite:///{tmp_path / 'e.sqlite3'}")
    try:
        import_patents(empty, out)
        copied = {k: (p.legal_status, p.patent_type) for k, p in patents(empty).items()}
    finally:
        empty.dispose()
    assert copied == {k: (p.legal_status, p.patent_type) for k, p in patents(db).items()}


def test_unknown_suffix_is_refused(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from roadshow_desk.errors import InputError

    with pytest.raises(InputError, match=r"\.xlsx or \.csv"):
        export(db, "patents", tmp_path / "out.pdf")
    assert not (tmp_path / "out.pdf").exists()
