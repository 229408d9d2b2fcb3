"""``roadshow-desk shot``: a real PNG of a view, Chinese drawn as Chinese, every language."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from library_data import add_patents
from PySide6.QtGui import QColor, QFont, QFontDatabase, QImage, QTextLayout

from roadshow_desk.store.db import open_database
from roadshow_desk.ui.library.model import COLUMN_INDEX


def cli(*args: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, ROADSHOW_DESK_DATA_DIR=str(tmp_path / "data"))
    env.pop("QT_QPA_PLATFORM", None)  # the command must set offscreen itself
    return subprocess.run(
        [sys.executable, "-m", "roadshow_desk", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


@pytest.fixture(scope="module")
def library_db(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("shot") / "library.sqlite3"
    database = open_database(f"sqlite:///{path}")
    add_patents(database, 300)
    database.dispose()
    return str(path)


def ink_fraction(image: QImage) -> float:
    """Share of pixels noticeably darker than the background (text, lines, icons)."""
    dark = 0
    step = 3
    total = 0
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            total += 1
            if QColor(image.pixel(x, y)).lightness() < 140:
                dark += 1
    return dark / total


def difference(first: QImage, second: QImage) -> float:
    changed = 0
    total = 0
    for y in range(0, first.height(), 2):
        for x in range(0, first.width(), 2):
            total += 1
            if first.pixel(x, y) != second.pixel(x, y):
                changed += 1
    return changed / total


def test_library_shot_in_chinese_and_english(tmp_path: Path, library_db: str) -> None:
    shots = {}
    for lang in ("zh_CN", "en"):
        out = tmp_path / f"library-{lang}.png"
        result = cli(
            "shot",
            str(out),
            "--db",
            library_db,
            "--view",
            "library",
            "--size",
            "1280x800",
            "--lang",
            lang,
            tmp_path=tmp_path,
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == str(out)
        assert "propagateSizeHints" not in result.stderr
        image = QImage(str(out))
        assert (image.width(), image.height()) == (1280, 800)
        assert 0.02 < ink_fraction(image) < 0.5  # a window full of text, not a blank
        shots[lang] = image
    # The same data in another language: menus, headers and labels differ.
    assert difference(shots["zh_CN"], shots["en"]) > 0.01


def test_dialog_views(tmp_path: Path, library_db: str) -> None:
    out = tmp_path / "about.png"
    result = cli(
        "shot",
        str(out),
        "--db",
        library_db,
        "--view",
        "about",
        "--lang",
        "zh_CN",
        tmp_path=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert image.width() > 300 and image.height() > 200
    assert ink_fraction(image) > 0.01


def test_unknown_view_lists_the_views(tmp_path: Path) -> None:
    result = cli(
        "shot", str(tmp_path / "x.png"), "--view", "nowhere", "--lang", "en", tmp_path=tmp_path
    )
    assert result.returncode == 2
    assert "nowhere" in result.stderr
    assert "library" in result.stderr and "about" in result.stderr
    assert not (tmp_path / "x.png").exists()


def missing_glyphs(text: str, font: QFont) -> list[str]:
    """Characters of ``text`` that ``font`` (with Qt's fallbacks) draws as the empty box.

    Glyph 0 of a font is ``.notdef``, the box drawn for a character no font has.
    """
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    indexes = [index for run in layout.glyphRuns() for index in run.glyphIndexes()]
    drawn = [char for char in text if not char.isspace()]
    assert len(indexes) >= len(drawn)
    return [char for char, index in zip(text, indexes, strict=False) if index == 0]


def test_chinese_text_has_real_glyphs(qtbot, qapp, app_context) -> None:
    """Every Chinese text of the window draws with real glyphs, none as boxes."""
    from roadshow_desk.ui.app import install_cjk_font
    from roadshow_desk.ui.main_window import MainWindow
    from roadshow_desk.ui.translations import install_translators

    install_translators(qapp, "zh_CN")
    try:
        install_cjk_font(qapp, "", "zh_CN")
        add_patents(app_context.database, 20)
        window = MainWindow(app_context)
        qtbot.addWidget(window)
        window.show()
        page = window.page("library")
        header = page.table.horizontalHeader()
        texts = [page.model.headerData(c, header.orientation()) for c in range(header.count())]
        assert texts[COLUMN_INDEX["application_no"]] == "申请号"
        texts += [window.navigation.item(r).text() for r in range(window.navigation.count())]
        texts += [action.text() for action in window.menuBar().actions()]
        texts += [page.model.index(r, COLUMN_INDEX["title"]).data() for r in range(20)]
        texts.append(page.detail.browser.toPlainText())
        assert any("专利" in text for text in texts)
        for text in texts:
            assert missing_glyphs(text, window.font()) == [], text
        # The test itself can fail: a Latin-only font without fallback draws boxes.
        chinese = QFontDatabase.WritingSystem.SimplifiedChinese
        latin = [
            f for f in QFontDatabase.families() if chinese not in QFontDatabase.writingSystems(f)
        ]
        if latin:
            latin_only = QFont(latin[0])
            latin_only.setStyleStrategy(QFont.StyleStrategy.NoFontMerging)
            assert missing_glyphs("申请号", latin_only) == ["申", "请", "号"]
    finally:
        install_translators(qapp, "en")
