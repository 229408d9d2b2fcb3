"""QR codes: a valid symbol with the best mask, drawn as vectors, decodable at 150 dpi."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pdfcheck
import pytest
import qrcode
from qrcode import util

from roadshow_desk.documents.qr import (
    QUIET_ZONE,
    draw_qr,
    penalties,
    qr_matrix,
    qr_text,
)

PAYLOADS = [
    "RSD1:P:CN202210016632.1",
    "RSD1:E:3f2a9c0e4b5d4e6f8a7b9c0d1e2f3a4b",
    "https://signup.example.cn/s?e=0f3c9a7e5b2d4c1e8a6f0b9d7c5e3a12&p=CN202210016632.1",
    "https://x.cn/路演/报名?活动=长三角&p=CN201910016632.X",
    "a",
    "https://signup.example.cn/" + "x" * 180,
]


def _random_texts(count: int, seed: int = 3) -> list[str]:
    rng = random.Random(seed)
    alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789:/?=&.-_"
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 120))) for _ in range(count)]


def test_penalty_rules_agree_with_qrcode_on_every_mask() -> None:
    for text in PAYLOADS[:3] + _random_texts(12):
        code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M)
        code.add_data(text.encode())
        code.make()
        for mask in range(8):
            code.makeImpl(False, mask)
            symbol = np.array(code.modules, dtype=bool)[None]
            assert int(penalties(symbol)[0]) == util.lost_point(code.modules), (text, mask)


@pytest.mark.parametrize("text", PAYLOADS + _random_texts(20))
def test_symbol_is_qrcodes_own_with_the_lowest_penalty_mask(text: str) -> None:
    matrix = qr_matrix(text)
    encoded = qr_text(text)
    scores = []
    symbols = []
    for mask in range(8):
        code = qrcode.QRCode(
            error_correction=qrcode.constants.ERROR_CORRECT_M, mask_pattern=mask, border=0
        )
        code.add_data(encoded.encode())
        code.make()
        symbol = np.array(code.modules, dtype=bool)
        symbols.append(symbol)
        scores.append(int(penalties(symbol[None])[0]))
    assert matrix.mask == int(np.argmin(scores))
    assert np.array_equal(np.array(matrix.rows()), symbols[matrix.mask])


def test_non_ascii_in_urls_is_percent_encoded() -> None:
    assert qr_text("https://x.cn/路演?a=长三角&b=1") == (
        "https://x.cn/%E8%B7%AF%E6%BC%94?a=%E9%95%BF%E4%B8%89%E8%A7%92&b=1"
    )
    assert qr_text("https://x.cn/a%20b?c=d") == "https://x.cn/a%20b?c=d"
    assert qr_matrix("https://x.cn/路演").text.isascii()
    assert qr_text("RSD1:P:CN202210016632.1") == "RSD1:P:CN202210016632.1"


def test_error_correction_is_m_or_higher() -> None:
    assert (
        qr_matrix("RSD1:P:CN202210016632.1", "H").version
        >= qr_matrix("RSD1:P:CN202210016632.1", "M").version
    )
    with pytest.raises(ValueError, match="M, Q or H"):
        qr_matrix("abc", "L")


def test_codes_drawn_as_vectors_decode_from_a_150_dpi_raster(tmp_path: Path) -> None:
    from reportlab.pdfgen.canvas import Canvas

    texts = PAYLOADS + _random_texts(14, seed=11)
    pdf = tmp_path / "codes.pdf"
    canvas = Canvas(str(pdf), pagesize=(595, 842))
    size = 120.0  # points, quiet zone included (about 42 mm)
    for index, text in enumerate(texts):
        column, row = index % 4, index // 4
        draw_qr(canvas, text, 20 + column * 142, 842 - 150 - row * 150, size)
    canvas.save()
    from pypdf import PdfReader

    resources = PdfReader(pdf).pages[0]["/Resources"]
    assert "/XObject" not in resources  # vectors, not pictures
    (image,) = pdfcheck.rasterise(pdf, tmp_path / "png", 150)
    assert sorted(pdfcheck.qr_codes(image)) == sorted(qr_text(t) for t in texts)


def test_quiet_zone_is_painted_white(tmp_path: Path) -> None:
    from PIL import Image
    from reportlab.pdfgen.canvas import Canvas

    pdf = tmp_path / "grey.pdf"
    canvas = Canvas(str(pdf), pagesize=(200, 200))
    canvas.setFillColorRGB(0.5, 0.5, 0.5)
    canvas.rect(0, 0, 200, 200, stroke=0, fill=1)  # a grey band behind the code
    matrix = qr_matrix("RSD1:P:CN202210016632.1")
    size = 2.0 * (matrix.size + 2 * QUIET_ZONE)  # 2 pt a module
    draw_qr(canvas, "RSD1:P:CN202210016632.1", 50, 50, size)
    canvas.save()
    (image,) = pdfcheck.rasterise(pdf, tmp_path / "img", 72)
    with Image.open(image) as picture:
        pixels = picture.convert("L").load()
        # a pixel inside the quiet zone (one module in from the edge) is white
        assert pixels[50 + 3, 150 - 3] > 245
        assert pixels[20, 20] < 140  # the grey band around it
    assert pdfcheck.qr_codes(image) == ["RSD1:P:CN202210016632.1"]
