"""Text helpers: data is never markup; long texts are cut at a sentence end."""

from __future__ import annotations

from pathlib import Path

import pytest

from roadshow_desk.documents.styles import escape, look, paper_size, para, shorten
from roadshow_desk.errors import InputError


def test_escape_keeps_markup_characters_literal() -> None:
    assert escape("<b>电池</b> & 储能") == "&lt;b&gt;电池&lt;/b&gt; &amp; 储能"
    assert escape("a\nb\r\n\nc") == "a<br/>b<br/>c"
    assert escape("x\x00y\x07z") == "xyz"
    assert escape(None) == ""


def test_paragraph_of_markup_prints_it_literally(tmp_path: Path, font: str) -> None:
    from pypdf import PdfReader
    from reportlab.pdfgen.canvas import Canvas

    title = "<b>加粗</b> & <font color=red>红</font> &amp; <br/> <unclosed"
    lk = look("A4", font)
    pdf = tmp_path / "t.pdf"
    canvas = Canvas(str(pdf), initialFontName=font)
    paragraph = para(title, lk.styles["body"])
    paragraph.wrap(400, 100)
    paragraph.drawOn(canvas, 50, 700)
    canvas.save()
    text = PdfReader(pdf).pages[0].extract_text()
    assert title in text


def test_shorten_cuts_at_a_sentence_end() -> None:
    text = "第一句话说明了背景。第二句话给出了方法，并且很长很长很长。第三句。"
    assert shorten(text, 100) == text
    cut = shorten(text, 30)
    assert len(cut) <= 30
    assert cut.endswith("。") or cut.endswith("……")
    assert shorten(text, 12) == "第一句话说明了背景。"
    assert shorten("没有句号的一段很长的文字" * 5, 20).endswith("……")
    assert len(shorten("没有句号的一段很长的文字" * 5, 20)) == 20
    assert shorten("abc", 0) == ""


def test_paper_sizes() -> None:
    assert [round(v) for v in paper_size("A4")] == [595, 842]
    assert [round(v) for v in paper_size("a5")] == [420, 595]
    assert [round(v) for v in paper_size("A4", landscape=True)] == [842, 595]
    with pytest.raises(InputError, match="A4 or A5"):
        paper_size("Letter")
