"""``roadshow-desk report``: a PDF or a workbook for an event or a period; bad input is one
sentence and no file."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from roadshow_desk.cli import main


def _url(database) -> str:  # type: ignore[no-untyped-def]
    return database.engine.url.render_as_string(hide_password=False)


def test_report_for_a_period(demo_db, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "period.xlsx"
    code = main(
        [
            "--db",
            _url(demo_db),
            "report",
            str(out),
            "--from",
            "2026-01-01",
            "--to",
            "2026-12-31",
            "--lang",
            "en",
        ]
    )
    assert code == 0, capsys.readouterr().err
    book = openpyxl.load_workbook(out)
    assert "1 events from 2026-01-01 to 2026-12-31" in book["Headline"]["A2"].value
    pdf = tmp_path / "event.pdf"
    assert main(["--db", _url(demo_db), "report", str(pdf), "--event", "1"]) == 0
    assert pdf.read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["out.docx"], ".xlsx or .pdf"),
        (["out.pdf", "--from", "1990-01-01", "--to", "1990-12-31"], "No event starts"),
        (["out.pdf", "--from", "2026-12-31", "--to", "2026-01-01"], "ends before it starts"),
        (["out.pdf", "--event", "1", "--to", "2026-01-01"], "not both"),
        (["out.pdf", "--event", "999"], "999"),
    ],
)
def test_bad_input_is_one_sentence(  # type: ignore[no-untyped-def]
    demo_db, tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], words: str
) -> None:
    args = [str(tmp_path / args[0]), *args[1:]]
    assert main(["--db", _url(demo_db), "--lang", "en", "report", *args]) == 1
    err = capsys.readouterr().err.strip()
    assert words in err and "\n" not in err
    assert not list(tmp_path.glob("out.*"))
