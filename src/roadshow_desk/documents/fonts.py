"""Find a Chinese (CJK) TrueType font on this computer, for PDFs and for the window.

Fonts come from the system, never from the package. The search order is:

1. a file the user chose (``preferred``: the font setting of the app),
2. the ``ROADSHOW_DESK_FONT`` environment variable (a file path, ``path#index`` for a
   collection member),
3. the fonts each system ships: Microsoft YaHei / SimSun / SimHei / DengXian on Windows,
   STHeiti / Songti / Arial Unicode / PingFang on macOS, WenQuanYi Micro Hei / Zen Hei /
   AR PL UMing / UKai / Droid Sans Fallback on Linux, then any other ``.ttf``/``.ttc`` in the
   font folders.

A usable font has TrueType (``glyf``) outlines — reportlab cannot embed PostScript (CFF)
outlines, which is why the popular Noto Sans CJK ``.otf``/``.ttc`` files are refused — and
maps common Simplified Chinese characters. The check here reads only the font's table
directory and ``cmap`` (pure Python, a few milliseconds), so the window can use it at
start-up; :func:`register_reportlab_font` then loads the font into reportlab, which embeds
a subset of the glyphs used in every PDF.
"""

from __future__ import annotations

import functools
import os
import struct
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from roadshow_desk.errors import InputError
from roadshow_desk.i18n import translate

ENV_VAR = "ROADSHOW_DESK_FONT"

# Characters every brochure prints: a font lacking them is not a Simplified Chinese font.
_REQUIRED_CHARS = "中文专利页码联系"

_TRUETYPE_VERSIONS = (0x00010000, 0x74727565)  # 1.0 and 'true'
_CFF_VERSION = 0x4F54544F  # 'OTTO'
_TTC_TAG = b"ttcf"
_SIGNATURES = (_TTC_TAG, b"OTTO", b"\x00\x01\x00\x00", b"true")


class FontNotFound(InputError):
    """No usable CJK TrueType font; the message says what to install or choose."""


@dataclass(frozen=True)
class CjkFont:
    """A usable CJK TrueType font: a file and, for a collection (``.ttc``), the member."""

    path: Path
    subfont_index: int
    family_name: str
    source: str
    """Where it came from: ``"preferred"``, ``"environment"`` or ``"system"``."""


# --- reading the font file (pure Python) --------------------------------------------------


def _read(handle: BinaryIO, offset: int, size: int) -> bytes:
    handle.seek(offset)
    data = handle.read(size)
    if len(data) != size:
        raise struct.error("truncated")
    return data


def _table_directory(handle: BinaryIO, offset: int) -> tuple[int, dict[bytes, tuple[int, int]]]:
    version, num_tables = struct.unpack(">IH", _read(handle, offset, 6))
    tables: dict[bytes, tuple[int, int]] = {}
    raw = _read(handle, offset + 12, 16 * num_tables)
    for i in range(num_tables):
        tag, _checksum, table_offset, length = struct.unpack(">4sIII", raw[16 * i : 16 * i + 16])
        tables[tag] = (table_offset, length)
    return version, tables


def _subfont_offsets(handle: BinaryIO) -> list[int]:
    head = _read(handle, 0, 4)
    if head != _TTC_TAG:
        return [0]
    _version, count = struct.unpack(">II", _read(handle, 4, 8))
    return list(struct.unpack(f">{count}I", _read(handle, 12, 4 * count)))


def _family_name(handle: BinaryIO, tables: dict[bytes, tuple[int, int]]) -> str:
    if b"name" not in tables:
        return ""
    offset, length = tables[b"name"]
    data = _read(handle, offset, length)
    _fmt, count, string_offset = struct.unpack(">HHH", data[:6])
    best: tuple[int, str] | None = None
    for i in range(count):
        platform, encoding, language, name_id, size, start = struct.unpack(
            ">HHHHHH", data[6 + 12 * i : 18 + 12 * i]
        )
        if name_id != 1:
            continue
        raw = data[string_offset + start : string_offset + start + size]
        if platform in (0, 3):
            text = raw.decode("utf-16-be", "replace")
            rank = 0 if (platform == 3 and language == 0x0409) else 1
        elif platform == 1 and encoding == 0:
            text = raw.decode("latin-1")
            rank = 2
        else:
            continue
        if best is None or rank < best[0]:
            best = (rank, text)
    return best[1] if best else ""


def _cmap_lookup(handle: BinaryIO, tables: dict[bytes, tuple[int, int]], chars: str) -> bool:
    """Whether the font maps every character of ``chars`` to a glyph."""
    if b"cmap" not in tables:
        return False
    offset, length = tables[b"cmap"]
    data = _read(handle, offset, length)
    _version, count = struct.unpack(">HH", data[:4])
    subtables: dict[tuple[int, int], int] = {}
    for i in range(count):
        platform, encoding, sub_offset = struct.unpack(">HHI", data[4 + 8 * i : 12 + 8 * i])
        subtables[(platform, encoding)] = sub_offset
    for key in ((3, 10), (0, 4), (0, 6), (3, 1), (0, 3), (0, 1), (0, 0)):
        if key not in subtables:
            continue
        sub = subtables[key]
        (fmt,) = struct.unpack(">H", data[sub : sub + 2])
        if fmt == 12:
            return all(_format12_has(data, sub, ord(c)) for c in chars)
        if fmt == 4:
            return all(_format4_has(data, sub, ord(c)) for c in chars)
    return False


def _format12_has(data: bytes, sub: int, code: int) -> bool:
    (groups,) = struct.unpack(">I", data[sub + 12 : sub + 16])
    for i in range(groups):
        group: tuple[int, int, int] = struct.unpack(
            ">III", data[sub + 16 + 12 * i : sub + 28 + 12 * i]
        )
        start, end, glyph = group
        if start <= code <= end:
            return glyph + code - start != 0
    return False


def _format4_has(data: bytes, sub: int, code: int) -> bool:
    if code > 0xFFFF:
        return False
    (seg_x2,) = struct.unpack(">H", data[sub + 6 : sub + 8])
    segs = seg_x2 // 2
    ends = sub + 14
    starts = ends + seg_x2 + 2
    deltas = starts + seg_x2
    range_offsets = deltas + seg_x2
    for i in range(segs):
        (end,) = struct.unpack(">H", data[ends + 2 * i : ends + 2 * i + 2])
        if end < code:
            continue
        (start,) = struct.unpack(">H", data[starts + 2 * i : starts + 2 * i + 2])
        if start > code:
            return False
        delta: int = struct.unpack(">h", data[deltas + 2 * i : deltas + 2 * i + 2])[0]
        position = range_offsets + 2 * i
        (range_offset,) = struct.unpack(">H", data[position : position + 2])
        if range_offset == 0:
            return (code + delta) & 0xFFFF != 0
        address = position + range_offset + 2 * (code - start)
        glyph: int = struct.unpack(">H", data[address : address + 2])[0]
        return glyph != 0 and (glyph + delta) & 0xFFFF != 0
    return False


def inspect_font(path: str | Path, subfont_index: int | None = None, source: str = "") -> CjkFont:
    """Check that ``path`` is a CJK TrueType font; the first usable member of a collection.

    Raises :class:`FontNotFound` with one sentence naming the file and what is wrong.
    """
    path = Path(path).expanduser()
    if not path.is_file():
        raise FontNotFound(
            translate("Fonts", "The font file {path} does not exist.").format(path=path)
        )
    cff = False
    try:
        with path.open("rb") as handle:
            if _read(handle, 0, 4) not in _SIGNATURES:
                raise FontNotFound(
                    translate("Fonts", "The file {path} is not a font file.").format(path=path)
                )
            offsets = _subfont_offsets(handle)
            indices = range(len(offsets)) if subfont_index is None else [subfont_index]
            for index in indices:
                if not 0 <= index < len(offsets):
                    break
                version, tables = _table_directory(handle, offsets[index])
                if version == _CFF_VERSION or b"CFF " in tables or b"CFF2" in tables:
                    cff = True
                    continue
                if version not in _TRUETYPE_VERSIONS or b"glyf" not in tables:
                    continue
                if not _cmap_lookup(handle, tables, _REQUIRED_CHARS):
                    continue
                family = _family_name(handle, tables) or path.stem
                return CjkFont(path.resolve(), index, family, source)
    except (OSError, struct.error, ValueError) as exc:
        raise FontNotFound(
            translate("Fonts", "The file {path} is not a font that can be read ({error}).").format(
                path=path, error=exc
            )
        ) from exc
    if cff:
        raise FontNotFound(
            translate(
                "Fonts",
                "The font {path} has PostScript (CFF) outlines, which cannot be embedded in "
                "PDFs; choose a TrueType font (.ttf or .ttc) such as WenQuanYi Micro Hei, "
                "Microsoft YaHei or SimSun.",
            ).format(path=path)
        )
    raise FontNotFound(
        translate(
            "Fonts",
            "The font {path} is not a TrueType font with Simplified Chinese characters; "
            "choose one such as WenQuanYi Micro Hei, Microsoft YaHei or SimSun.",
        ).format(path=path)
    )


# --- where the systems keep their fonts ----------------------------------------------------


def _font_dirs() -> list[Path]:
    home = Path.home()
    if sys.platform.startswith("win"):
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        dirs = [windir / "Fonts"]
        local = os.environ.get("LOCALAPPDATA")
        if local:
            dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
        return dirs
    if sys.platform == "darwin":
        return [
            Path("/System/Library/Fonts"),
            Path("/System/Library/Fonts/Supplemental"),
            Path("/Library/Fonts"),
            home / "Library" / "Fonts",
        ]
    data_home = Path(os.environ.get("XDG_DATA_HOME", home / ".local" / "share"))
    return [
        Path("/usr/share/fonts"),
        Path("/usr/local/share/fonts"),
        data_home / "fonts",
        home / ".fonts",
    ]


# Known good fonts, best first, as (file name, member of a collection or None).
_KNOWN_WINDOWS = [
    ("msyh.ttc", 0),  # Microsoft YaHei
    ("msyh.ttf", None),
    ("simsun.ttc", 0),  # SimSun
    ("simhei.ttf", None),
    ("Deng.ttf", None),  # DengXian
    ("simkai.ttf", None),
    ("simfang.ttf", None),
]
_KNOWN_MAC = [
    ("STHeiti Medium.ttc", None),
    ("STHeiti Light.ttc", None),
    ("Songti.ttc", None),
    ("Arial Unicode.ttf", None),
    ("PingFang.ttc", None),
    ("Hiragino Sans GB.ttc", None),
]
_KNOWN_LINUX = [
    ("truetype/wqy/wqy-microhei.ttc", 0),
    ("wqy-microhei/wqy-microhei.ttc", 0),
    ("truetype/wqy/wqy-zenhei.ttc", 0),
    ("wqy-zenhei/wqy-zenhei.ttc", 0),
    ("truetype/arphic/uming.ttc", None),
    ("truetype/arphic/ukai.ttc", None),
    ("truetype/droid/DroidSansFallbackFull.ttf", None),
    ("google-droid-sans-fonts/DroidSansFallbackFull.ttf", None),
]


def _known_candidates() -> list[tuple[Path, int | None]]:
    if sys.platform.startswith("win"):
        known = _KNOWN_WINDOWS
    elif sys.platform == "darwin":
        known = _KNOWN_MAC
    else:
        known = _KNOWN_LINUX
    return [(folder / name, index) for folder in _font_dirs() for name, index in known]


def _scan_candidates() -> list[Path]:
    """Every other TrueType file in the font folders (looked at only when none is known)."""
    found: list[Path] = []
    for folder in _font_dirs():
        if not folder.is_dir():
            continue
        for root, _dirs, files in os.walk(folder):
            for name in sorted(files):
                if name.lower().endswith((".ttf", ".ttc")):
                    found.append(Path(root) / name)
    return found


@functools.lru_cache(maxsize=1)
def _system_font() -> CjkFont | None:
    seen: set[Path] = set()
    for path, index in _known_candidates():
        if not path.is_file():
            continue
        seen.add(path)
        try:
            return inspect_font(path, index, "system")
        except FontNotFound:
            continue
    for path in _scan_candidates():
        if path in seen:
            continue
        try:
            return inspect_font(path, None, "system")
        except FontNotFound:
            continue
    return None


def _split_env(value: str) -> tuple[Path, int | None]:
    """``path`` or ``path#index`` (the member of a collection)."""
    head, sep, tail = value.rpartition("#")
    if sep and tail.isdecimal():
        return Path(head), int(tail)
    return Path(value), None


def _explicit_choices(preferred: str | Path | None) -> list[tuple[Path, int | None, str]]:
    choices: list[tuple[Path, int | None, str]] = []
    if preferred:
        path, index = _split_env(str(preferred))
        choices.append((path, index, "preferred"))
    env = os.environ.get(ENV_VAR, "").strip()
    if env:
        path, index = _split_env(env)
        choices.append((path, index, "environment"))
    return choices


def find_cjk_font(preferred: str | Path | None = None) -> CjkFont | None:
    """The font to use: the user's choice, else ``ROADSHOW_DESK_FONT``, else a system font.

    An unusable choice is passed over (the window still gets a font); :func:`require_cjk_font`
    reports it instead. ``None`` when no usable font exists at all.
    """
    for path, index, source in _explicit_choices(preferred):
        try:
            return inspect_font(path, index, source)
        except FontNotFound:
            continue
    return _system_font()


def install_hint() -> str:
    """One sentence: what to install or choose on this system to get a usable font."""
    if sys.platform.startswith("win"):
        return translate(
            "Fonts",
            "No Chinese TrueType font was found; install Microsoft YaHei or SimSun (Windows "
            "Settings, Fonts) or choose a .ttf/.ttc font file in Settings.",
        )
    if sys.platform == "darwin":
        return translate(
            "Fonts",
            "No Chinese TrueType font was found; install STHeiti or Songti with Font Book, or "
            "choose a .ttf/.ttc font file in Settings.",
        )
    return translate(
        "Fonts",
        "No Chinese TrueType font was found; install one (Debian and Ubuntu: sudo apt install "
        "fonts-wqy-microhei; Fedora: sudo dnf install wqy-microhei-fonts) or choose a .ttf/.ttc "
        "font file in Settings or with ROADSHOW_DESK_FONT.",
    )


def require_cjk_font(preferred: str | Path | None = None) -> CjkFont:
    """Like :func:`find_cjk_font`, but a chosen font that cannot be used is an error.

    Raises :class:`FontNotFound` (an :class:`InputError`) with one translated sentence: why the
    chosen file is refused, or what to install when the system has no usable font.
    """
    for path, index, source in _explicit_choices(preferred):
        return inspect_font(path, index, source)
    font = _system_font()
    if font is None:
        raise FontNotFound(install_hint())
    return font


# --- reportlab ------------------------------------------------------------------------------

_registered: dict[tuple[Path, int], str] = {}
_register_lock = threading.Lock()


def register_reportlab_font(font: CjkFont) -> str:
    """Register ``font`` with reportlab once; returns the font name for canvases and styles.

    reportlab embeds a subset of a TrueType font (the glyphs used) in every PDF it writes.
    Raises :class:`FontNotFound` when reportlab cannot load the file after all.
    """
    key = (font.path, font.subfont_index)
    with _register_lock:
        name = _registered.get(key)
        if name is not None:
            return name
        from reportlab.lib.fonts import addMapping
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFError, TTFont

        name = f"RSD-CJK-{len(_registered)}"
        try:
            ttf = TTFont(name, str(font.path), subfontIndex=font.subfont_index)
        except (TTFError, OSError, ValueError) as exc:
            raise FontNotFound(
                translate("Fonts", "The font {path} cannot be embedded in PDFs ({error}).").format(
                    path=font.path, error=exc
                )
            ) from exc
        pdfmetrics.registerFont(ttf)
        # One face serves every style, so that a bold or italic request never falls back to
        # a Latin-only standard font.
        for bold in (0, 1):
            for italic in (0, 1):
                addMapping(name, bold, italic, name)
        _registered[key] = name
        return name
