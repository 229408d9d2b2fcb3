"""The brochure cover breaks a long title as Chinese typesetting does (issue 12.6): an
opening bracket never hangs alone at a line's end."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pdfcheck
from samples import sample_event, sample_patents

from roadshow_desk.documents.brochure import build_brochure
from roadshow_desk.documents.styles import MM, look


def test_an_opening_bracket_stays_with_what_follows(font: str) -> None:
    from roadshow_desk.documents.styles import break_lines

    # Four characters a line: "一二三（" would leave the bracket hanging.
    assert break_lines("一二三（四五）六七", font, 10, 45) == ["一二三", "（四五）", "六七"]
    # Nor does a line start with a closing bracket or a comma.
    assert break_lines("一二三四）五，六七八", font, 10, 45) == ["一二三", "四）五，", "六七八"]
    # A number stays whole where it fits.
    assert break_lines("ab 2026 cd", font, 10, 25) == ["ab", "2026", "cd"]


def cover_title(font: str) -> str:
    """A title whose "（" falls exactly at the end of the cover's first line."""
    lk = look("A4", font)
    size = lk.styles["cover_title"].fontSize
    per_line = int((lk.frame_width - 20 * MM) // size)  # CJK characters are square
    base = "浙江省高校院所专利转化运用暨知识产权运营服务对接活动专场路演推介会议"
    return base[: per_line - 1] + "（宁波站·生物医药专场）"


def test_the_brochure_cover_keeps_the_bracket_with_its_words(tmp_path: Path, font: str) -> None:
    event = dataclasses.replace(sample_event(), name=cover_title(font))
    out = tmp_path / "brochure.pdf"
    build_brochure(event, sample_patents(3, event), out, font)
    cover = pdfcheck.page_texts(out)[0]
    title_lines = [line.strip() for line in cover.splitlines() if line.strip()][1:3]
    assert "".join(title_lines).startswith(event.name[:10])
    assert not title_lines[0].endswith("（"), title_lines
    assert title_lines[1].startswith("（") or "（" in title_lines[0]
