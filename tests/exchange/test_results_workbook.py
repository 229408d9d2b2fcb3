"""The report workbook: one sheet per table plus the raw intentions, cells typed (numbers are
numbers, dates are dates), formula-looking enterprise names kept as text, contacts left out
unless asked."""

from __future__ import annotations

import datetime as dt
import sqlite3
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from roadshow_desk.cli_commands.report import write_report

FORMULA = '=HYPERLINK("http://evil.example","点我")'


@pytest.mark.sqlite_only("the independent counts read the SQLite file with sqlite3")
def test_sheets_typed_cells_and_neutralised_names(demo_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from roadshow_desk.domain.models import Enterprise, Intention

    with demo_db.session() as session:
        firm = session.get(Enterprise, session.get(Intention, 1).enterprise_id)
        firm.name = FORMULA
        session.commit()
    out = write_report(demo_db, tmp_path / "report.xlsx", event=1, lang="en")
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == [
        "Headline",
        "Kind",
        "Technical field",
        "Institution",
        "Enterprise type",
        "Region",
        "Enterprise region",
        "Roadshow session",
        "Most interest",
        "No interest",
        "Funnel",
        "Leads",
        "Intentions",
    ]
    headline = book["Headline"]
    assert "left out" in headline["A3"].value
    values = {row[0].value: row[1] for row in headline.iter_rows(min_row=6) if row[0].value}
    with sqlite3.connect(demo_db.engine.url.database) as connection:
        live = "event_id = 1 AND deleted_at IS NULL AND kind != 'no_demand'"
        (intentions,) = connection.execute(
            f"SELECT COUNT(*) FROM intention WHERE {live}"
        ).fetchone()
        (amount,) = connection.execute(
            f"SELECT SUM(deal_amount) FROM intention WHERE {live} AND stage IN "
            "('contract_signed', 'transfer_registered', 'licence_filed')"
        ).fetchone()
    assert values["Intentions"].data_type == "n" and values["Intentions"].value == intentions
    assert Decimal(str(values["Contract amount (yuan)"].value)) == Decimal(str(amount))

    raw = book["Intentions"]
    header = [cell.value for cell in raw[1]]
    assert "联系人" not in header and "联系电话" not in header
    rows = list(raw.iter_rows(min_row=2))
    assert len(rows) == 25  # every intention, no-demand answers too
    firm_cells = [row[header.index("企业名称")] for row in rows]
    evil = [cell for cell in firm_cells if cell.value == FORMULA]
    assert evil and all(cell.data_type == "s" for cell in evil)
    captured = next(i for i, name in enumerate(header) if name.startswith("登记时间"))
    assert all(isinstance(row[captured].value, dt.datetime) for row in rows)
    amounts = [
        row[header.index("合同金额（元）")]
        for row in rows
        if row[header.index("合同金额（元）")].value
    ]
    assert amounts and all(cell.data_type == "n" for cell in amounts)
    signed = [row[header.index("签约日期")] for row in rows if row[header.index("签约日期")].value]
    assert signed and all(cell.is_date for cell in signed)

    # What "by region" counts is said above its header; the event's own region comes first.
    region = book["Region"]
    assert region["A1"].value.startswith("Each intention counts in the region of the station")
    assert [cell.value for cell in region[3]] == ["Region", "Intentions", "Share (%)"]
    assert region["A4"].value == "浙江省宁波市" and region["B4"].data_type == "n"

    kinds = book["Kind"]
    assert all(row[1].data_type == "n" for row in kinds.iter_rows(min_row=2))
    funnel = book["Funnel"]
    assert funnel["A2"].value == "Shortlisted"


def test_contacts_only_when_asked(demo_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = write_report(demo_db, tmp_path / "r.xlsx", event=1, lang="en", contacts=True)
    book = openpyxl.load_workbook(out)
    header = [cell.value for cell in book["Intentions"][1]]
    assert "联系电话" in header
    assert "Phone" in [cell.value for cell in book["Leads"][1]]
    assert "included" in book["Headline"]["A3"].value
