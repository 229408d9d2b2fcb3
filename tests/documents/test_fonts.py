"""CJK font discovery: the system font is found, bad choices are refused with a sentence."""

from __future__ import annotations

import os
from pathlib import Path

import pdfcheck
import pytest

from roadshow_desk.documents import fonts
from roadshow_desk.documents.fonts import (
    FontNotFound,
    find_cjk_font,
    inspect_font,
    register_reportlab_font,
    require_cjk_font,
)
from roadshow_desk.errors import InputError

WQY = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


@pytest.fixture(autouse=True)
def _no_env_font(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv(fonts.ENV_VAR, raising=False)
    fonts._system_font.cache_clear()
    yield
    fonts._system_font.cache_clear()


def _cff_font() -> Path | None:
    """A real PostScript-outlined (CFF) OpenType font installed on this system, if any."""
    for folder in (Path("/usr/share/fonts"), Path("/usr/local/share/fonts")):
        if not folder.is_dir():
            continue
        for root, _dirs, files in os.walk(folder):
            for name in files:
                if name.lower().endswith((".otf", ".ttc")):
                    path = Path(root) / name
                    with path.open("rb") as handle:
                        head = handle.read(4)
                    if head == b"OTTO":
                        return path
    return None


def test_system_font_is_found_on_this_machine() -> None:
    assert WQY.is_file(), "install fonts-wqy-microhei (the test machine needs a CJK font)"
    font = find_cjk_font()
    assert font is not None
    assert font.path == WQY
    assert font.subfont_index == 0
    assert font.family_name == "WenQuanYi Micro Hei"
    assert font.source == "system"
    assert require_cjk_font() == font


def test_reportlab_embeds_a_subset_and_text_is_extractable(tmp_path: Path) -> None:
    from pypdf import PdfReader
    from reportlab.pdfgen.canvas import Canvas

    font = require_cjk_font()
    name = register_reportlab_font(font)
    assert register_reportlab_font(font) == name  # registered once
    out = tmp_path / "zh.pdf"
    canvas = Canvas(str(out), initialFontName=name)
    canvas.setFont(name, 14)
    canvas.drawString(72, 700, "一种锂离子电池正极材料及其制备方法 CN202210016632.1")
    canvas.save()
    reader = PdfReader(out)
    assert "一种锂离子电池正极材料及其制备方法" in reader.pages[0].extract_text()
    used = pdfcheck.fonts(out)
    assert len(used) == 1
    ((base, embedded),) = used.items()
    assert embedded
    assert base.split("+", 1)[0].isupper() and "+" in base  # a subset's tag, e.g. /ABCDEF+...
    # a subset, not the 5 MB collection
    assert out.stat().st_size < 200_000


def test_subfont_of_a_collection_can_be_chosen_through_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(fonts.ENV_VAR, f"{WQY}#1")
    font = require_cjk_font()
    assert (font.path, font.subfont_index, font.source) == (WQY, 1, "environment")
    assert font.family_name == "WenQuanYi Micro Hei Mono"


def test_preferred_font_wins_over_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(fonts.ENV_VAR, f"{WQY}#1")
    font = require_cjk_font(WQY)
    assert (font.subfont_index, font.source) == (0, "preferred")


def test_bogus_path_is_refused_with_a_sentence(tmp_path: Path) -> None:
    missing = tmp_path / "nope.ttf"
    with pytest.raises(FontNotFound) as caught:
        require_cjk_font(missing)
    assert isinstance(caught.value, InputError)
    assert str(caught.value) == f"The font file {missing} does not exist."
    # the window still gets the system font
    found = find_cjk_font(missing)
    assert found is not None and found.path == WQY


def test_a_text_file_is_not_a_font(tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.ttf"
    bogus.write_text("this is not a font\n")
    with pytest.raises(FontNotFound, match=r"is not a font file\.$"):
        require_cjk_font(bogus)


def test_truncated_font_is_refused(tmp_path: Path) -> None:
    cut = tmp_path / "cut.ttc"
    cut.write_bytes(WQY.read_bytes()[:20])
    with pytest.raises(FontNotFound, match="is not a font that can be read"):
        inspect_font(cut)


def test_latin_only_truetype_font_is_refused() -> None:
    if not DEJAVU.is_file():
        pytest.skip("DejaVu Sans is not installed")
    with pytest.raises(FontNotFound, match="not a TrueType font with Simplified Chinese"):
        require_cjk_font(DEJAVU)


def test_cff_opentype_font_is_refused_by_us_and_by_reportlab() -> None:
    cff = _cff_font()
    if cff is None:
        pytest.skip("no CFF-outlined OpenType font installed (e.g. fonts-cantarell)")
    with pytest.raises(FontNotFound, match=r"PostScript \(CFF\) outlines"):
        require_cjk_font(cff)
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    with pytest.raises(TTFError, match="postscript outlines"):
        TTFont("cff-check", str(cff))


def test_no_font_on_the_system_names_what_to_install(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(fonts, "_font_dirs", lambda: [tmp_path])
    monkeypatch.setattr(fonts.sys, "platform", "linux")
    assert find_cjk_font() is None
    with pytest.raises(FontNotFound) as caught:
        require_cjk_font()
    message = str(caught.value)
    assert "fonts-wqy-microhei" in message
    assert message.count(".") >= 1 and "\n" not in message


def test_unknown_font_files_in_font_folders_are_scanned(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    folder = tmp_path / "fonts" / "custom"
    folder.mkdir(parents=True)
    (folder / "a-latin.ttf").write_bytes(DEJAVU.read_bytes() if DEJAVU.is_file() else b"junk")
    (folder / "zz-chinese.ttc").write_bytes(WQY.read_bytes())
    monkeypatch.setattr(fonts, "_font_dirs", lambda: [tmp_path / "fonts"])
    font = find_cjk_font()
    assert font is not None
    assert font.path == (folder / "zz-chinese.ttc").resolve()


def test_windows_candidates_are_looked_up_under_windir(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    fonts_dir = tmp_path / "Fonts"
    fonts_dir.mkdir()
    (fonts_dir / "simsun.ttc").write_bytes(WQY.read_bytes())
    monkeypatch.setattr(fonts.sys, "platform", "win32")
    monkeypatch.setenv("WINDIR", str(tmp_path))
    monkeypatch.delenv("LOCALAPPDATA", raising=False)
    font = find_cjk_font()
    assert font is not None and font.path.name == "simsun.ttc"
    monkeypatch.setenv("WINDIR", str(tmp_path / "empty"))
    fonts._system_font.cache_clear()
    with pytest.raises(FontNotFound, match="Microsoft YaHei or SimSun"):
        require_cjk_font()
