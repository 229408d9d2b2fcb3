"""The brochure as a reader and a print shop check it (records in, PDF out; no database)."""

from __future__ import annotations

import dataclasses
import itertools
import math
import re
from pathlib import Path

import pdfcheck
import pytest
from samples import sample_event, sample_patents

from roadshow_desk.documents.brochure import build_brochure
from roadshow_desk.documents.data import PatentInfo
from roadshow_desk.documents.pages import page_label
from roadshow_desk.domain.progress import Cancelled, Progress
from roadshow_desk.errors import InputError

MARKUP = "<b>加粗</b> & <font color=red>红色</font> 一种&amp;测试<br/>方法 <i>"


def squash(text: str) -> str:
    return "".join(text.split())


def _patents(count: int = 14) -> list[PatentInfo]:
    patents = sample_patents(count, sample_event())
    patents[2] = dataclasses.replace(patents[2], title=MARKUP)
    patents[5] = dataclasses.replace(patents[5], technical_field="")  # grouped as "Other fields"
    return patents


def _groups(patents: list[PatentInfo]) -> dict[str, list[PatentInfo]]:
    groups: dict[str, list[PatentInfo]] = {}
    for patent in patents:
        groups.setdefault(patent.field, []).append(patent)
    return groups


def _contents(texts: list[str]) -> dict[int, int]:
    """Patent number -> page number, as the contents pages print them."""
    found: dict[int, int] = {}
    for text in texts:
        lines = text.splitlines()
        for line, following in itertools.pairwise(lines):
            match = re.match(r"\s*(\d{2}) ", line)
            if match and following.strip().isdigit():
                found.setdefault(int(match.group(1)), int(following))
    return found


@pytest.mark.parametrize(("paper", "per_page"), [("A4", 1), ("A5", 2), ("A4", 2), ("A5", 1)])
def test_brochure_reads_right(tmp_path: Path, font: str, paper: str, per_page: int) -> None:
    event = sample_event()
    patents = _patents()
    out = tmp_path / "brochure.pdf"
    written = build_brochure(event, patents, out, font, paper=paper, per_page=per_page)
    texts = pdfcheck.page_texts(out)
    assert written.pages == len(texts)
    groups = _groups(patents)
    patent_pages = sum(math.ceil(len(members) / per_page) for members in groups.values())

    # paper size on every page
    width, height = pdfcheck.page_sizes(out)[0]
    expected = {"A4": (595.3, 841.9), "A5": (419.5, 595.3)}[paper]
    assert all((round(w, 1), round(h, 1)) == expected for w, h in pdfcheck.page_sizes(out)), (
        width,
        height,
    )

    # every font embedded (subsets of the one CJK font), no standard font used
    pdfcheck.assert_only_embedded_cjk(out)

    # footers: "Page x of y" on every page but the cover
    assert page_label(1, written.pages) not in texts[0]
    for number, text in enumerate(texts[1:], start=2):
        assert page_label(number, written.pages) in text

    # outline: foreword, contents, each field with its patents in shortlist order, index
    outline = pdfcheck.outline(out)
    top = [title for depth, title, _page in outline if depth == 0]
    assert top == ["Foreword", "Contents", *groups, "Index by institution"]
    nested: dict[str, list[str]] = {}
    current = ""
    for depth, title, _page in outline:
        if depth == 0:
            current = title
        else:
            nested.setdefault(current, []).append(title)
    assert nested == {name: [p.title for p in members] for name, members in groups.items()}

    # each patent: its title as text on the page its bookmark and the contents point at
    ordered = [p for members in groups.values() for p in members]
    marks = [(title, page) for depth, title, page in outline if depth == 1]
    contents = _contents(texts)
    assert len(marks) == len(ordered) == len(contents)
    for number, (patent, (title, page)) in enumerate(zip(ordered, marks, strict=True), start=1):
        assert title == patent.title
        assert squash(patent.title) in squash(texts[page - 1]), patent.title
        assert patent.application_no in texts[page - 1]
        assert contents[number] == page
    pages = [page for _title, page in marks]
    assert pages == sorted(pages)
    first_patent_page, last_patent_page = pages[0], pages[-1]
    assert last_patent_page - first_patent_page + 1 == patent_pages

    # the index lists every patent under its institution, with its page
    index_text = squash("".join(texts[last_patent_page:]))
    for patent in patents:
        assert patent.application_no in index_text
        assert squash(patent.institution) in index_text

    # cover: the event, its dates and organisers
    assert squash(event.name) in squash(texts[0])
    assert "浙江省知识产权局" in texts[0]


def test_markup_in_data_prints_literally(tmp_path: Path, font: str) -> None:
    patents = _patents(6)
    patents[0] = dataclasses.replace(
        patents[0], institution="<script>&lt;研究所</script>", abstract="a < b && c > d <br/>"
    )
    out = tmp_path / "b.pdf"
    build_brochure(sample_event(), patents, out, font)
    text = squash("".join(pdfcheck.page_texts(out)))
    assert squash(MARKUP) in text
    assert squash("<script>&lt;研究所</script>") in text
    assert squash("a < b && c > d <br/>") in text


def test_every_qr_code_decodes_to_its_patent_from_150_dpi(tmp_path: Path, font: str) -> None:
    event = sample_event()
    patents = _patents(10)
    out = tmp_path / "b.pdf"
    build_brochure(event, patents, out, font, paper="A5", per_page=2)
    outline = pdfcheck.outline(out)
    ordered = [p for members in _groups(patents).values() for p in members]
    marks = [page for depth, _title, page in outline if depth == 1]
    expected: dict[int, list[str]] = {}
    for patent, page in zip(ordered, marks, strict=True):
        expected.setdefault(page, []).append(patent.qr)
    images = pdfcheck.rasterise(out, tmp_path / "img", 150)
    from roadshow_desk.documents.data import event_signup_link

    for number, image in enumerate(images, start=1):
        codes = sorted(pdfcheck.qr_codes(image))
        if number == 1:
            assert codes == [event_signup_link(event)]
        else:
            assert codes == sorted(expected.get(number, [])), number
    assert all("%E8%B7%AF%E6%BC%94" in code for codes in expected.values() for code in codes)


def test_long_texts_are_shortened_to_fit_not_squeezed(tmp_path: Path, font: str) -> None:
    patents = _patents(6)
    long_abstract = "本发明涉及一种很长的摘要。" * 200
    patents[0] = dataclasses.replace(patents[0], abstract=long_abstract)
    out = tmp_path / "b.pdf"
    build_brochure(sample_event(), patents, out, font, paper="A5", per_page=2)
    texts = pdfcheck.page_texts(out)
    page = next(t for t in texts if squash(patents[0].title) in squash(t) and "Abstract" in t)
    assert "本发明涉及一种很长的摘要。" in page
    assert squash(long_abstract) not in squash(page)
    assert len(squash(page)) < len(long_abstract)


def test_without_foreword_and_without_signup_link(tmp_path: Path, font: str) -> None:
    event = dataclasses.replace(sample_event(signup=False), foreword="")
    patents = sample_patents(4, event)
    out = tmp_path / "b.pdf"
    build_brochure(event, patents, out, font)
    top = [title for depth, title, _p in pdfcheck.outline(out) if depth == 0]
    assert top[0] == "Contents"
    codes = pdfcheck.qr_codes(pdfcheck.rasterise(out, tmp_path / "i", 150, pages=[1])[0])
    assert codes == []  # no sign-up link: no code on the cover
    page = next(p for d, t, p in pdfcheck.outline(out) if d == 1)
    (image,) = pdfcheck.rasterise(out, tmp_path / "j", 150, pages=[page])
    assert pdfcheck.qr_codes(image) == [f"RSD1:P:{patents[0].application_no}"]


def test_cancel_leaves_no_file(tmp_path: Path, font: str) -> None:
    out = tmp_path / "b.pdf"
    progress = Progress()
    steps = []

    def cancel_soon(done: int, total: int, text: str) -> None:
        steps.append(done)
        if done >= 5:
            progress.cancel()

    progress._callback = cancel_soon
    with pytest.raises(Cancelled):
        build_brochure(sample_event(), _patents(8), out, font, progress=progress)
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []


def test_bad_options_are_refused(tmp_path: Path, font: str) -> None:
    with pytest.raises(InputError):
        build_brochure(sample_event(), _patents(6), tmp_path / "b.pdf", font, per_page=3)
    with pytest.raises(InputError, match="A4 or A5"):
        build_brochure(sample_event(), _patents(6), tmp_path / "b.pdf", font, paper="B5")
    with pytest.raises(InputError):
        build_brochure(sample_event(), [], tmp_path / "b.pdf", font)
    assert not (tmp_path / "b.pdf").exists()
