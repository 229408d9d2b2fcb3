"""What a print shop and a reader check in a PDF: fonts embedded, text, outline, QR codes."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

FONT_FILES = ("/FontFile", "/FontFile2", "/FontFile3")


def _font_dicts(resources: Any, seen: set[int]) -> list[Any]:
    """Font dictionaries of a resource dictionary, including those of its form XObjects."""
    found: list[Any] = []
    if resources is None:
        return found
    resources = resources.get_object()
    for font in (resources.get("/Font") or {}).values():
        found.append(font.get_object())
    for xobject in (resources.get("/XObject") or {}).values():
        obj = xobject.get_object()
        key = id(obj)
        if key in seen or obj.get("/Subtype") != "/Form":
            continue
        seen.add(key)
        found += _font_dicts(obj.get("/Resources"), seen)
    return found


def fonts(pdf: Path) -> dict[str, bool]:
    """Every font the pages use: base name -> whether its program is embedded."""
    from pypdf import PdfReader

    result: dict[str, bool] = {}
    seen: set[int] = set()
    for page in PdfReader(pdf).pages:
        for font in _font_dicts(page.get("/Resources"), seen):
            base = str(font.get("/BaseFont"))
            target = font
            if "/DescendantFonts" in font:
                target = font["/DescendantFonts"][0].get_object()
            descriptor = target.get("/FontDescriptor")
            embedded = descriptor is not None and any(
                key in descriptor.get_object() for key in FONT_FILES
            )
            result[base] = embedded
    return result


def assert_only_embedded_cjk(pdf: Path) -> None:
    """Every font of ``pdf`` is an embedded subset of the CJK font (reportlab writes one
    subset per 256 glyphs), so a print shop gets what the screen showed."""
    from roadshow_desk.documents.fonts import require_cjk_font

    used = fonts(pdf)
    assert used, "no fonts at all"
    assert all(used.values()), f"not embedded: {[n for n, e in used.items() if not e]}"
    faces = {name.split("+", 1)[-1] for name in used}
    assert all("+" in name for name in used), used  # subsets carry a tag
    family = require_cjk_font().family_name.replace(" ", "")
    assert all(face.startswith(family) for face in faces), faces


def page_texts(pdf: Path) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() or "" for page in PdfReader(pdf).pages]


def outline(pdf: Path) -> list[tuple[int, str, int]]:
    """The bookmarks as (depth, title, 1-based page number), in order."""
    from pypdf import PdfReader

    reader = PdfReader(pdf)
    result: list[tuple[int, str, int]] = []

    def walk(items: list[Any], depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                result.append(
                    (depth, str(item.title), reader.get_destination_page_number(item) + 1)
                )

    walk(reader.outline, 0)
    return result


def page_sizes(pdf: Path) -> list[tuple[float, float]]:
    from pypdf import PdfReader

    return [
        (float(page.mediabox.width), float(page.mediabox.height)) for page in PdfReader(pdf).pages
    ]


def rasterise(
    pdf: Path, out_dir: Path, dpi: int = 150, pages: list[int] | None = None
) -> list[Path]:
    """Greyscale images (PGM: no PNG compression, fast) of the pages, as a print shop's RIP
    or a phone camera would see them (anti-aliased). ``pages``: 1-based numbers, or all."""
    out_dir.mkdir(parents=True, exist_ok=True)
    if pages is None:
        subprocess.run(
            ["pdftoppm", "-r", str(dpi), "-gray", str(pdf), str(out_dir / "p")], check=True
        )
        return sorted(out_dir.glob("p-*.pgm"), key=lambda p: int(p.stem.split("-")[-1]))
    images: list[Path] = []
    for number in pages:
        prefix = out_dir / f"q{number}"
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                str(dpi),
                "-gray",
                "-f",
                str(number),
                "-l",
                str(number),
                "-singlefile",
                str(pdf),
                str(prefix),
            ],
            check=True,
        )
        images.append(prefix.with_suffix(".pgm"))
    return images


def qr_codes(image: Path) -> list[str]:
    """The texts of every QR code zxing-cpp reads in an image."""
    import zxingcpp
    from PIL import Image

    with Image.open(image) as picture:
        results = zxingcpp.read_barcodes(picture, formats=zxingcpp.BarcodeFormat.QRCode)
    return [r.text for r in results if r.valid]
