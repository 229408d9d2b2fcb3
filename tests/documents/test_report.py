"""The event report PDF of the demo fair: every chart and table title as text, only the
embedded CJK font, a stable page count, charts as vector drawings, contacts left out."""

from __future__ import annotations

import dataclasses
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
        "Each intention counts in the region of the station that recorded it",
        "Intentions by enterprise region",
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


def _long_table(rows: int) -> Any:
    from roadshow_desk.domain.results_tables import ResultTable

    header = ["企业", "申请号", "专利", "类型", "阶段", "负责人", "下次行动"]
    body = [
        [
            f"宁波市第{n}号精密机械制造有限公司",
            f"2023{n:08d}.X",
            f"一种\n用于高速切削的自适应冷却装置及其控制方法（第{n}型）"  # a line break kept
            if n % 40 == 5
            else f"一种用于高速切削的自适应冷却装置及其控制方法（第{n}型）",
            "转让",
            "洽谈中",
            "王老师" if n % 3 else "",
            None,
        ]
        for n in range(rows)
    ]
    return ResultTable("leads", "Leads in follow-up", "Leads", header, body, one_line=True)


def _draw_pages(flowables: list[Any], lk: Any, out: Path) -> int:
    from reportlab.pdfgen.canvas import Canvas

    from roadshow_desk.documents.pages import paginate, stack

    canvas = Canvas(str(out), pagesize=(lk.page_width, lk.page_height), pageCompression=0)
    pages = paginate(flowables, lk.frame_width, [lk.frame_height])
    for items in pages:
        stack(canvas, items, lk.margin, lk.page_height - lk.margin)
        canvas.showPage()
    canvas.save()
    return len(pages)


def test_long_table_text_is_one_text_object_a_piece(font: str, tmp_path: Path) -> None:
    """The leads list of a big fair has thousands of rows: its cells are written as one
    text object a table piece, not one a cell (which made report_pdf_10k miss its target)."""
    from pypdf import PdfReader

    from roadshow_desk.documents.report import data_table
    from roadshow_desk.documents.styles import look

    lk = look("A4", font)
    count = _draw_pages(data_table(_long_table(300), lk), lk, tmp_path / "t.pdf")
    assert count >= 5
    text = "".join(page.extract_text() for page in PdfReader(tmp_path / "t.pdf").pages)
    assert "宁波市第299号" in squash(text)
    for page in PdfReader(tmp_path / "t.pdf").pages:
        content = page.get_contents().get_data()
        # Header cells are paragraphs (one text object each); the body is one or two more.
        assert content.count(b"BT") <= 7 * 2 + 4, content.count(b"BT")


def test_table_text_drawn_as_reportlab_draws_it(
    font: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The report's long table (the row heights it gives, laid out a page at a time) draws
    the very same pages as one reportlab Table of all the rows, measuring every row and
    split across pages by reportlab with its header repeated (repeatRows): wrapped and cut
    cells, empty cells, paragraph headers, the header at the top of each page only."""
    import pypdfium2 as pdfium
    from PIL import ImageChops
    from reportlab.platypus import Paragraph, Table, TableStyle

    from roadshow_desk.documents import report
    from roadshow_desk.documents.styles import look, para

    lk = look("A4", font)
    table = _long_table(90)
    wide = dataclasses.replace(table, one_line=False)
    ours = [*report.data_table(table, lk), *report.data_table(wide, lk)]

    def measured_by_reportlab(
        data: Any, rowHeights: Any = None, cellStyles: Any = None, **options: Any
    ) -> Any:
        # Every row measured by reportlab itself, each cell styled by the report's commands.
        plain_table = Table(data, **options)
        everywhere = ((0, 0), (-1, -1))
        plain_table.setStyle(
            TableStyle(
                [
                    ("FONT", *everywhere, font, lk.size(9), lk.size(12.5)),
                    ("VALIGN", *everywhere, "TOP"),
                    ("TOPPADDING", *everywhere, 2),
                    ("BOTTOMPADDING", *everywhere, 3),
                    ("LEFTPADDING", *everywhere, 3),
                    ("RIGHTPADDING", *everywhere, 3),
                ]
            )
        )
        return plain_table

    monkeypatch.setattr(report, "text_table_class", lambda: measured_by_reportlab)
    monkeypatch.setattr(report, "header_cell", para)  # a plain paragraph, wrapped each time
    # One Table of the header and every row, split by reportlab.
    monkeypatch.setattr(
        report,
        "table_run_class",
        lambda: lambda part, _header, heights, _page: part(0, len(heights)),
    )
    plain = [*report.data_table(table, lk), *report.data_table(wide, lk)]
    assert type(ours[0]) is not Table and type(plain[0]) is Table
    assert type(plain[0]._cellvalues[0][0]) is Paragraph
    assert plain[0]._cellStyles[1][0] is not plain[0]._cellStyles[1][1]
    assert _draw_pages(ours, lk, tmp_path / "ours.pdf") == _draw_pages(
        plain, lk, tmp_path / "plain.pdf"
    )
    a, b = pdfium.PdfDocument(tmp_path / "ours.pdf"), pdfium.PdfDocument(tmp_path / "plain.pdf")
    for index in range(len(a)):
        assert a[index].get_textpage().get_text_range() == b[index].get_textpage().get_text_range()
        ours_page = a[index].render(scale=1).to_pil().convert("RGB")
        difference = ImageChops.difference(ours_page, b[index].render(scale=1).to_pil())
        # The same pixels, but for a shade: reportlab's split draws the rule under the
        # repeated header twice (a darker hairline); a row or a glyph moved would differ by far.
        assert max(high for _low, high in difference.convert("RGB").getextrema()) <= 16, index


def test_fit_line_keeps_the_longest_start_that_fits(font: str) -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from roadshow_desk.documents.report import fit_line

    texts = ["", "abc", "宁波市精密机械制造有限公司 Ningbo Precision", "一种 A/B 装置" * 4]
    for text in texts:
        for width in (5.0, 20.0, 47.5, 80.0, 200.0, 1000.0):
            line = fit_line(text, font, 9, width)
            if stringWidth(text, font, 9) <= width:
                assert line == text
                continue
            assert line.endswith("…") and text.startswith(line[:-1])
            if line != "…":  # the ellipsis alone when not even it fits
                assert stringWidth(line, font, 9) <= width + 1e-6
            longer = text[: len(line)] + "…"
            assert stringWidth(longer, font, 9) > width


def _heights_of(page: Any, word: str) -> list[float]:
    """The height (points from the bottom) of each place ``word`` is written on ``page``."""
    text = page.get_textpage()
    searcher = text.search(word, match_case=True)
    found = []
    while (match := searcher.get_next()) is not None:
        found.append(text.get_charbox(match[0])[3])
    return found


def test_a_long_table_reads_as_one_table_across_pages(
    demo_db_file: Path, font: str, tmp_path: Path
) -> None:
    """Issue #18: the leads of a big fair go on over many pages as one table. On each page
    it is on, its header row is written once, above all its rows there; never in the middle
    of the table (as when it was laid out in pieces of 48 rows, each with the header) nor
    alone at the bottom of a page. The same for a long table whose rows wrap."""
    import pypdfium2 as pdfium

    from roadshow_desk.documents.report import build_report
    from roadshow_desk.domain.results import results_for
    from roadshow_desk.domain.results_tables import result_tables
    from roadshow_desk.store.db import open_database

    database = open_database(f"sqlite:///{demo_db_file}", backup=False)
    try:
        with database.session() as session:
            results = results_for(session, 1)
            tables = result_tables(session, results)
    finally:
        database.dispose()
    assert tables[-1].key == "leads"
    leads = _long_table(400)
    wrapped = dataclasses.replace(
        _long_table(150),
        key="wrapped",
        title="Leads, every word",
        header=["单位", "专利号", "专利", "类型", "阶段", "负责人", "下次行动"],
        rows=[[str(row[0]).replace("宁波", "温州"), *row[1:]] for row in _long_table(150).rows],
        one_line=False,
    )
    written = build_report(results, [*tables[:-1], leads, wrapped], tmp_path / "r.pdf", font)
    document = pdfium.PdfDocument(written.path)
    for header_word, row_word in (("申请号", "宁波市第"), ("专利号", "温州市第")):
        pages_on = 0
        for index in range(len(document)):
            headers = _heights_of(document[index], header_word)
            rows = _heights_of(document[index], row_word)
            assert len(headers) <= 1, (header_word, index + 1, headers)
            assert bool(headers) == bool(rows), (header_word, index + 1)  # no lone header
            if rows:
                pages_on += 1
                assert headers[0] > max(rows), (header_word, index + 1)
        assert pages_on >= 3, header_word  # the check saw a table over pages
    assert "宁波市第399号" in squash("\n".join(pdfcheck.page_texts(written.path)))
