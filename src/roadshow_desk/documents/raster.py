"""PDF pages to pixels (pypdfium2), for the print preview and for printing through Qt.

QtPdf is not part of PySide6-Essentials, so the window renders our PDFs with PDFium through
pypdfium2 (one small wheel, no Qt coupling). PDFium must not be called from two threads at
once: every call here holds one lock, so the preview (GUI thread) and a print job (worker)
can share it safely.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from roadshow_desk.errors import InputError
from roadshow_desk.i18n import translate

_LOCK = threading.RLock()


@dataclass(frozen=True)
class Raster:
    """A rendered page: 4 bytes a pixel in the order B, G, R, unused (on a little-endian
    machine: Qt's ``QImage.Format_RGB32``)."""

    width: int
    height: int
    stride: int
    data: bytes


class PdfPages:
    """A PDF's page sizes and page rendering.

    The file is opened when a page is rendered and stays open until :meth:`close` (or the
    end of a ``with`` block); the sizes stay known after closing, and a later
    :meth:`render` opens it again. A preview closes it after each repaint, so no file is
    held open (and locked, on Windows) between repaints.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._document: Any = None
        with _LOCK:
            document = self._open()
            pages = (document[i] for i in range(len(document)))
            self.sizes: list[tuple[float, float]] = [
                (float(w), float(h)) for w, h in (page.get_size() for page in pages)
            ]

    def _open(self) -> Any:
        import pypdfium2 as pdfium

        if self._document is None:
            try:
                self._document = pdfium.PdfDocument(str(self.path))
            except (pdfium.PdfiumError, OSError) as exc:
                raise InputError(
                    translate("Documents", "The PDF {path} cannot be opened ({error}).").format(
                        path=self.path, error=exc
                    )
                ) from exc
        return self._document

    def __len__(self) -> int:
        return len(self.sizes)

    def __enter__(self) -> PdfPages:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        with _LOCK:
            if self._document is not None:
                self._document.close()
                self._document = None

    def render(self, index: int, width_px: int) -> Raster:
        """Page ``index`` scaled to ``width_px`` pixels wide (white paper, anti-aliased)."""
        width_pt, _height_pt = self.sizes[index]
        scale = max(width_px, 1) / width_pt
        with _LOCK:
            page = self._open()[index]
            bitmap = page.render(scale=scale, prefer_bgrx=True)  # 4 bytes a pixel, B G R X
            raster = Raster(bitmap.width, bitmap.height, bitmap.stride, bytes(bitmap.buffer))
            page.close()
        return raster
