"""QR codes for the screen: the matrix of :mod:`roadshow_desk.documents.qr`, drawn crisp.

A code is drawn at a whole number of pixels per module (never scaled afterwards, so every
module stays sharp on a projector) with its white quiet zone, dark on white whatever the
theme (inverted codes defeat many phone readers). Pixmaps are cached per (payload, side), so
switching back and forth between slots never rebuilds a code; :meth:`QrCache.warm` builds the
codes of a whole session before the show starts.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter, QPixmap

from roadshow_desk.documents.qr import QUIET_ZONE, qr_matrix


def module_scale(modules: int, target_side: int, minimum_side: int = 0) -> int:
    """Pixels per module so that the code is at most ``target_side`` (and at least
    ``minimum_side`` when that is larger)."""
    scale = max(1, target_side // modules)
    if minimum_side:
        scale = max(scale, math.ceil(minimum_side / modules))
    return scale


def qr_qimage(payload: str, target_side: int, minimum_side: int = 0) -> QImage:
    """The QR code of ``payload`` as an image (quiet zone included)."""
    matrix = qr_matrix(payload)
    modules = matrix.size + 2 * QUIET_ZONE
    scale = module_scale(modules, target_side, minimum_side)
    side = modules * scale
    image = QImage(side, side, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    for row, col, length in matrix.runs:
        painter.fillRect(
            (col + QUIET_ZONE) * scale,
            (row + QUIET_ZONE) * scale,
            length * scale,
            scale,
            Qt.GlobalColor.black,
        )
    painter.end()
    return image


class QrCache:
    """Pixmaps of QR codes by (payload, target side, minimum side), least recently used out."""

    def __init__(self, capacity: int = 256) -> None:
        self.capacity = capacity
        self._items: OrderedDict[tuple[str, int, int], QPixmap] = OrderedDict()
        self.hits = 0
        self.misses = 0

    def pixmap(self, payload: str, target_side: int, minimum_side: int = 0) -> QPixmap:
        key = (payload, target_side, minimum_side)
        found = self._items.get(key)
        if found is not None:
            self.hits += 1
            self._items.move_to_end(key)
            return found
        self.misses += 1
        pixmap = QPixmap.fromImage(qr_qimage(payload, target_side, minimum_side))
        self._items[key] = pixmap
        if len(self._items) > self.capacity:
            self._items.popitem(last=False)
        return pixmap

    def warm(self, payloads: Iterable[str], target_side: int, minimum_side: int = 0) -> None:
        """Build the codes of ``payloads`` now (before the show) so no switch waits for one."""
        for payload in payloads:
            if payload:
                self.pixmap(payload, target_side, minimum_side)

    def clear(self) -> None:
        self._items.clear()
        self.hits = self.misses = 0

    def __len__(self) -> int:
        return len(self._items)


#: The cache the roadshow windows share.
QR_CACHE = QrCache()
