"""The event report PDF of the demo fair: every chart and table title as text, only the
embedded CJK font, a stable page count, charts as vector drawings, contacts left out."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pdfcheck
import pytest

from roadshow_desk.cli_commands.report import write_report
from roadshow_desk.domain.results import FUNNEL_STEPS, HEADLINE


def squash(text: str) -> str:
    return "".join(text.split())


@pytest.fixture(scope="module")
def report(demo_db_file: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    from roadshow_desk.store.db import open_database

    folder = tmp_path_factory.mktemp("report")
    database = open_database(f"sqlite:///{demo_db_file}", backup=False)
    try:
        first = write_report(database, folder / "a.pdf", event=1, lang="en")
        again = write_report(database, folder / "b.pdf", event=1, lang="en")
        contacts = write_report(database, folder / "c.pdf", event=1, lang="en", contacts=True)
    finally:
        database.dispose()
    return {"pdf": first, "again": again, "contacts": contacts}


def test_titles_and_figures_extract_as_text(report: dict[str, Any]) -> None:
    pages = pdfcheck.page_texts(report["pdf"])
    text = squash("\n".join(pages))
    assert "Resultsofthefair" in squash(pages[0])
    assert "2026年浙江省高校专利转化对接会" in squash(pages[0])
    for title in (
        "Headline figures",
        "Intentions by kind",
        "Intentions by technical field",
        "Intentions by institution",
        "Intentions by enterprise type",
        "Intentions by region",
        "Intentions by roadshow session",
        "Patents with the most interest",
        "Patents presented with no intention",
        "From shortlist to contract",
        "Leads in follow-up",
    ):
        assert squash(title) in text, title
    for _key, label in HEADLINE + FUNNEL_STEPS:
        assert squash(label) in text, label
    # The contract total is in the figures, formatted as yuan.
    assert "1,470,000.00" in text


def test_fonts_embedded_and_page_count_stable(report: dict[str, Any]) -> None:
    pdfcheck.assert_only_embedded_cjk(report["pdf"])
    pdfcheck.assert_only_embedded_cjk(report["contacts"])
    count = len(pdfcheck.page_texts(report["pdf"]))
    assert count == len(pdfcheck.page_texts(report["again"]))
    assert count >= 4


def test_charts_are_vector_graphics(report: dict[str, Any]) -> None:
    from pypdf import PdfReader

    page = PdfReader(report["pdf"]).pages[2]
    assert not (page.get("/Resources") or {}).get("/XObject")  # no images
    content = page.get_contents().get_data()
    assert content.count(b" re") >= 10  # the bars are rectangles drawn in the page


def test_contacts_are_left_out_unless_asked(report: dict[str, Any], demo_db_file: Path) -> None:
    with sqlite3.connect(demo_db_file) as connection:
        phones = [
            phone
            for (phone,) in connection.execute(
                "SELECT contact_phone FROM intention WHERE stage NOT IN "
                "('transfer_registered', 'licence_filed', 'dropped') AND kind != 'no_demand' "
                "AND contact_phone != ''"
            )
        ]
    assert phones
    plain = squash("\n".join(pdfcheck.page_texts(report["pdf"])))
    asked = squash("\n".join(pdfcheck.page_texts(report["contacts"])))
    assert "leftoutofthisreport" in plain
    assert not any(squash(phone) in plain for phone in phones)
    assert any(squash(phone) in asked for phone in phones)
    assert "areincluded" in asked
