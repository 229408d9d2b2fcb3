"""``brochure_200``: a 200-patent brochure with QR codes, vs bare reportlab on a canvas.

Ours: ``documents.brochure.build_brochure`` (A4, one patent per page) for 200 patents of the
demo library, from the records ``render_document`` reads: cover, foreword, contents with
page numbers and links, patents grouped by field with fitted texts and QR codes (mask
chosen by the standard's penalty), index by institution, "page x of y" footers, an outline
with a bookmark per field and patent, the CJK font subset embedded. The QR cache is
emptied before every run.

Baseline: bare reportlab doing the same drawing the simplest way: one canvas, each patent
on a page with the same texts (wrapped character by character with ``stringWidth``), a
vector QR code with a fixed mask (``qrcode`` with ``mask_pattern=0``, one rectangle per
dark run), the contents and index lines, the same font. Target: ≤ 3×. Also reported: page
count and file size of both.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from harness import Benchmark, cached_path

ROOT = Path(__file__).resolve().parents[1]


def _records(count: int) -> tuple[Any, list[Any]]:
    """The demo event and ``count`` patents of its library as print records."""
    from sqlalchemy import select
    from sqlalchemy.orm import selectinload

    from roadshow_desk.documents.data import load_event, patent_info
    from roadshow_desk.domain.models import Patent
    from roadshow_desk.store.db import open_database
    from roadshow_desk.store.demo import fill_demo

    path = cached_path(f"print-demo-{count}.sqlite3")
    if not path.exists():
        temp = path.with_suffix(".tmp")
        temp.unlink(missing_ok=True)
        database = open_database(f"sqlite:///{temp}")
        fill_demo(database, patents=max(count, 60))
        database.dispose()
        temp.rename(path)
    database = open_database(f"sqlite:///{path}")
    try:
        event = load_event(database)
        with database.session() as session:
            query = (
                select(Patent)
                .order_by(Patent.id)
                .limit(count)
                .options(selectinload(Patent.institution))
            )
            patents = [patent_info(p, event) for p in session.scalars(query)]
    finally:
        database.dispose()
    return event, patents


def _setup(count: int) -> dict[str, Any]:
    from roadshow_desk.documents.fonts import register_reportlab_font, require_cjk_font

    event, patents = _records(count)
    font = register_reportlab_font(require_cjk_font())
    folder = Path(tempfile.mkdtemp(prefix="print-bench-"))
    return {"event": event, "patents": patents, "font": font, "folder": folder}


def _ours(ctx: dict[str, Any]) -> dict[str, Any]:
    from roadshow_desk.documents import qr
    from roadshow_desk.documents.brochure import build_brochure

    qr.qr_matrix.cache_clear()
    qr._path_operators.cache_clear()
    out = ctx["folder"] / "ours.pdf"
    written = build_brochure(ctx["event"], ctx["patents"], out, ctx["font"])
    return {"pages": written.pages, "file_mb": round(out.stat().st_size / 1e6, 2)}


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines: list[str] = []
    line, used = "", 0.0
    for char in text:
        advance = stringWidth(char, font, size)
        if used + advance > width and line:
            lines.append(line)
            line, used = "", 0.0
        line += char
        used += advance
    if line:
        lines.append(line)
    return lines


def _baseline(ctx: dict[str, Any]) -> dict[str, Any]:
    import qrcode
    from reportlab.pdfgen.canvas import Canvas

    from roadshow_desk.documents.styles import shorten

    font, patents = ctx["font"], ctx["patents"]
    out = ctx["folder"] / "baseline.pdf"
    width, height = 595.27, 841.89
    margin = 48.0
    canvas = Canvas(str(out), pagesize=(width, height), initialFontName=font, pageCompression=1)

    def lines_page(lines: list[str]) -> None:
        y = height - margin
        canvas.setFont(font, 9.5)
        for line in lines:
            if y < margin:
                canvas.showPage()
                canvas.setFont(font, 9.5)
                y = height - margin
            canvas.drawString(margin, y, line)
            y -= 16.6
        canvas.showPage()

    canvas.drawString(margin, height / 2, ctx["event"].name)  # cover
    canvas.showPage()
    lines_page([f"{n:02d} {p.title}  {n + 5}" for n, p in enumerate(patents, start=1)])
    for number, patent in enumerate(patents, start=1):
        canvas.bookmarkPage(f"p{number}")
        canvas.addOutlineEntry(patent.title, f"p{number}", level=0)
        y = height - margin
        texts = [
            (patent.title, 17.0),
            (f"{patent.application_no} {patent.patent_type} {patent.legal_status}", 10.0),
            (patent.institution, 10.0),
            ("、".join(patent.inventors), 10.0),
            ("、".join(patent.conversion_modes), 10.0),
            (patent.price_guide, 10.0),
            (patent.contact, 10.0),
            (shorten(patent.abstract, 900), 10.0),
            (shorten(patent.advantages, 360), 10.0),
            (shorten(patent.application_scenarios, 360), 10.0),
            (shorten(patent.open_licence_terms, 240), 10.0),
        ]
        for text, size in texts:
            canvas.setFont(font, size)
            for line in _wrap(text, font, size, width - 2 * margin - 110):
                y -= size * 1.55
                canvas.drawString(margin, y, line)
        code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, mask_pattern=0)
        code.add_data(patent.qr)
        code.make()
        unit = 96.0 / (len(code.modules) + 8)
        left, top = width - margin - 96 + 4 * unit, height - margin - 4 * unit
        path = canvas.beginPath()
        for row, modules in enumerate(code.modules):
            col = 0
            while col < len(modules):
                if modules[col]:
                    start = col
                    while col < len(modules) and modules[col]:
                        col += 1
                    path.rect(
                        left + start * unit, top - (row + 1) * unit, (col - start) * unit, unit
                    )
                else:
                    col += 1
        canvas.drawPath(path, stroke=0, fill=1)
        canvas.setFont(font, 8)
        canvas.drawRightString(width - margin, margin / 2, f"第 {number} 页")
        canvas.showPage()
    lines_page([f"{p.institution} {p.title} {p.application_no}" for p in patents])
    canvas.save()
    return {"pages": canvas.getPageNumber() - 1, "file_mb": round(out.stat().st_size / 1e6, 2)}


def _teardown(ctx: dict[str, Any]) -> None:
    shutil.rmtree(ctx["folder"], ignore_errors=True)


def benchmarks(quick: bool) -> list[Benchmark]:
    count = 50 if quick else 200
    return [
        Benchmark(
            name=f"brochure_{count}",
            setup=lambda: _setup(count),
            ours=_ours,
            baseline=_baseline,
            teardown=_teardown,
            target=3.0,
            repeat=2 if quick else 3,
            note="A4, one patent a page, QR cache emptied each run",
        )
    ]


if __name__ == "__main__":  # pragma: no cover - run through benchmarks/run.py
    sys.exit("run: python benchmarks/run.py brochure")
