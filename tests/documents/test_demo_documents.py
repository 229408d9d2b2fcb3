"""Every document of the demo fair, in Chinese, checked as a print shop and a reader would:
every QR code on every page read back from a 150 dpi raster, titles as text, fonts embedded,
bookmarks, page numbers, A4 and A5."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pdfcheck
import pytest

from roadshow_desk import i18n
from roadshow_desk.documents import data
from roadshow_desk.documents.render import PrintOptions, render_document


def squash(text: str) -> str:
    return "".join(text.split())


@pytest.fixture(scope="module")
def demo(demo_db_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """The five documents (and an A5 brochure) of the demo event, written in Chinese."""
    from roadshow_desk.store.db import open_database
    from roadshow_desk.ui.translations import install_translation_hook

    folder = tmp_path_factory.mktemp("demo-print")
    database = open_database(f"sqlite:///{demo_db_file}", backup=False)
    install_translation_hook("zh_CN")
    try:
        event = data.load_event(database)
        result: dict[str, Any] = {
            "event": event,
            "patents": data.load_shortlist(database, event),
            "sessions": data.load_sessions(database, event),
            "badge_records": data.load_badges(database, event),
            "folder": folder,
        }
        jobs = {
            "brochure": ("brochure", PrintOptions()),
            "brochure_a5": ("brochure", PrintOptions(paper="A5", per_page=2)),
            "cards": ("cards", PrintOptions()),
            "badges": ("badges", PrintOptions()),
            "signup": ("signup-sheet", PrintOptions()),
            "agenda": ("agenda", PrintOptions(paper="A5")),
        }
        for name, (kind, options) in jobs.items():
            written = render_document(kind, database, folder / f"{name}.pdf", options)
            result[name] = written.path
    finally:
        i18n.install_hook(None)
        database.dispose()
    yield result


def _codes_per_page(pdf: Path, folder: Path) -> list[list[str]]:
    return [sorted(pdfcheck.qr_codes(p)) for p in pdfcheck.rasterise(pdf, folder, 150)]


def _fields(patents: list[data.PatentInfo]) -> dict[str, list[data.PatentInfo]]:
    groups: dict[str, list[data.PatentInfo]] = {}
    for patent in patents:
        groups.setdefault(patent.field, []).append(patent)
    return groups


@pytest.mark.parametrize("name", ["brochure", "brochure_a5"])
def test_brochure(demo: dict[str, Any], name: str, tmp_path: Path) -> None:
    pdf: Path = demo[name]
    patents: list[data.PatentInfo] = demo["patents"]
    assert len(patents) >= 10
    texts = pdfcheck.page_texts(pdf)
    total = len(texts)
    pdfcheck.assert_only_embedded_cjk(pdf)
    size = pdfcheck.page_sizes(pdf)[0]
    assert size == pytest.approx((595.28, 841.89) if name == "brochure" else (419.53, 595.28), 0.01)
    # "第 x 页 / 共 y 页" on every page after the cover
    for number, text in enumerate(texts[1:], start=2):
        assert f"第 {number} 页 / 共 {total} 页" in text
    # bookmarks: contents, the fields with their patents in shortlist order, the index
    outline = pdfcheck.outline(pdf)
    groups = _fields(patents)
    top = [title for depth, title, _p in outline if depth == 0]
    assert top[-1] == "机构索引" and "目录" in top
    assert [t for t in top if t in groups] == list(groups)
    ordered = [p for members in groups.values() for p in members]
    marks = [(title, page) for depth, title, page in outline if depth == 1]
    assert [title for title, _page in marks] == [p.title for p in ordered]
    # each title is text on its page, with its application number
    for patent, (_title, page) in zip(ordered, marks, strict=True):
        assert squash(patent.title) in squash(texts[page - 1])
        assert patent.application_no in texts[page - 1]
    # every QR code on every page decodes to what that page promises
    expected: dict[int, list[str]] = {1: [data.event_signup_link(demo["event"])]}
    for patent, (_title, page) in zip(ordered, marks, strict=True):
        expected.setdefault(page, []).append(patent.qr)
    codes = _codes_per_page(pdf, tmp_path)
    assert len(codes) == total
    for number, page_codes in enumerate(codes, start=1):
        assert page_codes == sorted(expected.get(number, [])), f"page {number}"


def test_booth_cards(demo: dict[str, Any], tmp_path: Path) -> None:
    pdf: Path = demo["cards"]
    patents: list[data.PatentInfo] = demo["patents"]
    pdfcheck.assert_only_embedded_cjk(pdf)
    texts = pdfcheck.page_texts(pdf)
    codes = _codes_per_page(pdf, tmp_path)
    assert len(texts) == len(codes) == len(patents)
    for patent, text, page_codes in zip(patents, texts, codes, strict=True):
        assert squash(patent.title) in squash(text)
        assert page_codes == [patent.qr, patent.qr]
    assert [t for _d, t, _p in pdfcheck.outline(pdf)] == [p.title for p in patents]


def test_badges(demo: dict[str, Any], tmp_path: Path) -> None:
    pdf: Path = demo["badges"]
    badges: list[data.BadgeInfo] = demo["badge_records"]
    pdfcheck.assert_only_embedded_cjk(pdf)
    codes = [c for page in _codes_per_page(pdf, tmp_path) for c in page]
    assert sorted(codes) == sorted(b.payload for b in badges)
    assert all(code.startswith("RSD1:E:") for code in codes)
    text = squash("".join(pdfcheck.page_texts(pdf)))
    for badge in badges:
        assert squash(badge.name) in text


def test_signup_sheet(demo: dict[str, Any], tmp_path: Path) -> None:
    pdf: Path = demo["signup"]
    pdfcheck.assert_only_embedded_cjk(pdf)
    link = data.event_signup_link(demo["event"])
    assert link.startswith("http") and link.isascii()
    assert _codes_per_page(pdf, tmp_path) == [[link]]
    text = pdfcheck.page_texts(pdf)[0]
    assert "第 1 页 / 共 1 页" in text
    for heading in ("企业名称", "联系人", "电话", "签名", "转让", "开放许可"):
        assert heading in text


def test_agenda(demo: dict[str, Any], tmp_path: Path) -> None:
    pdf: Path = demo["agenda"]
    sessions: list[data.SessionInfo] = demo["sessions"]
    assert len(sessions) >= 2
    pdfcheck.assert_only_embedded_cjk(pdf)
    texts = pdfcheck.page_texts(pdf)
    text = squash("".join(texts))
    assert [t for _d, t, _p in pdfcheck.outline(pdf)] == [s.title for s in sessions]
    for session in sessions:
        for slot in session.slots:
            assert squash(slot.title) in text
            assert slot.starts_at is None or f"{slot.starts_at:%H:%M}" in text
    for number, page in enumerate(texts, start=1):
        assert f"第 {number} 页 / 共 {len(texts)} 页" in page
    assert _codes_per_page(pdf, tmp_path) == [[] for _ in texts]
