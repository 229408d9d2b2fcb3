"""QR codes for print: the module matrix, chosen fast, drawn as vectors.

``qrcode`` builds the matrix; its own mask choice tries the eight masks one after another in
pure Python (~5.8 ms a code), the largest cost of a brochure. Here the code is built once
with mask 0 (~1 ms), the unmasked data modules are recovered from it, and the eight masked
symbols (with their format information) are scored together with the ISO/IEC 18004 penalty
rules in numpy (~0.3 ms): the same symbol a careful encoder would choose, so nothing is lost
in decodability. Matrices are cached per text.

Every code keeps its quiet zone (four modules, painted white), uses error correction level
M or higher, and is drawn as filled rectangles (one path, one rectangle per run of dark
modules in a row), so it stays sharp at any print resolution. Text that is a URL has any
non-ASCII character percent-encoded first, so every phone's reader opens it.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

if TYPE_CHECKING:
    import numpy as np

QUIET_ZONE = 4
"""Modules of light margin around the symbol, as the standard requires."""

EC_M, EC_Q, EC_H = "M", "Q", "H"
_URL_SAFE = ":/?#[]@!$&'()*+,;=%~-._"


@dataclass(frozen=True)
class QrMatrix:
    """A QR symbol: its size in modules and its dark modules as runs per row."""

    text: str
    size: int
    """Modules per side, without the quiet zone."""
    runs: tuple[tuple[int, int, int], ...]
    """(row, first column, length) of every horizontal run of dark modules."""
    mask: int
    version: int

    def rows(self) -> list[list[bool]]:
        """The matrix as booleans (dark = True), for tests and previews."""
        grid = [[False] * self.size for _ in range(self.size)]
        for row, col, length in self.runs:
            for c in range(col, col + length):
                grid[row][c] = True
        return grid


def qr_text(text: str) -> str:
    """The text to encode: a URL with non-ASCII characters percent-encoded, else as it is."""
    stripped = text.strip()
    if "://" in stripped and not stripped.isascii():
        return quote(stripped, safe=_URL_SAFE)
    return stripped


def _ec_constant(level: str) -> int:
    from qrcode import constants

    levels: dict[str, int] = {
        EC_M: constants.ERROR_CORRECT_M,
        EC_Q: constants.ERROR_CORRECT_Q,
        EC_H: constants.ERROR_CORRECT_H,
    }
    try:
        return levels[level]
    except KeyError:
        raise ValueError(f"error correction must be M, Q or H, not {level!r}") from None


# --- the layers of a symbol that do not depend on the data (cached per version) ------------


@functools.lru_cache(maxsize=64)
def _function_layers(version: int, ec: int) -> tuple[np.ndarray, np.ndarray]:
    """(is-function-module mask, function module values for masks 0..7 as (8, n, n))."""
    import numpy as np
    import qrcode
    from qrcode.main import copy_2d_array, precomputed_qr_blanks

    code = qrcode.QRCode(version=version, error_correction=ec)
    code.modules_count = version * 4 + 17
    if version not in precomputed_qr_blanks:  # qrcode fills its cache in makeImpl
        code.add_data("0")
        code.makeImpl(True, 0)
    values = []
    function = None
    for mask in range(8):
        code.modules = copy_2d_array(precomputed_qr_blanks[version])
        code.setup_type_info(False, mask)
        if version >= 7:
            code.setup_type_number(False)
        grid = np.array([[m is not None for m in row] for row in code.modules], dtype=bool)
        function = grid if function is None else function
        values.append(np.array([[bool(m) for m in row] for row in code.modules], dtype=bool))
    assert function is not None
    return function, np.stack(values)


_MASKS: list[Any] = [
    lambda i, j: (i + j) % 2 == 0,
    lambda i, j: i % 2 == 0,
    lambda i, j: j % 3 == 0,
    lambda i, j: (i + j) % 3 == 0,
    lambda i, j: (i // 2 + j // 3) % 2 == 0,
    lambda i, j: (i * j) % 2 + (i * j) % 3 == 0,
    lambda i, j: ((i * j) % 2 + (i * j) % 3) % 2 == 0,
    lambda i, j: ((i * j) % 3 + (i + j) % 2) % 2 == 0,
]


@functools.lru_cache(maxsize=64)
def _mask_patterns(size: int) -> np.ndarray:
    """The eight mask patterns of a ``size``-module symbol, as (8, n, n) booleans."""
    import numpy as np

    i, j = np.indices((size, size))
    return np.stack([np.asarray(func(i, j), dtype=bool) for func in _MASKS])


# --- the penalty rules of ISO/IEC 18004 (section 7.8.3), for many symbols at once ----------

_FINDER_LIKE = (0b10111010000, 0b00001011101)


def penalties(symbols: np.ndarray) -> np.ndarray:
    """The penalty score of each symbol of a (k, n, n) boolean stack (dark = True)."""
    import numpy as np

    a = symbols.astype(bool)
    k = a.shape[0]
    score = np.zeros(k, dtype=np.int64)
    for grid in (a, a.transpose(0, 2, 1)):
        # N1: a run of L >= 5 same-coloured modules costs L - 2 = (L - 4 windows) + 2.
        same = grid[..., 1:] == grid[..., :-1]
        window = same[..., :-3] & same[..., 1:-2] & same[..., 2:-1] & same[..., 3:]
        starts = window.copy()
        starts[..., 1:] &= ~same[..., : window.shape[-1] - 1]
        score += window.sum(axis=(1, 2)) + 2 * starts.sum(axis=(1, 2))
        # N3: 1:1:3:1:1 finder-like pattern with four light modules on one side: read each
        # run of 11 modules as an 11-bit number and compare it with the two patterns.
        width = grid.shape[-1] - 10
        codes = np.zeros((*grid.shape[:-1], width), dtype=np.int16)
        for t in range(11):
            codes <<= 1
            codes |= grid[..., t : t + width]
        hits = (codes == _FINDER_LIKE[0]) | (codes == _FINDER_LIKE[1])
        score += 40 * hits.sum(axis=(1, 2))
    # N2: 2x2 blocks of one colour.
    top_left = a[:, :-1, :-1]
    block = (top_left == a[:, 1:, :-1]) & (top_left == a[:, :-1, 1:]) & (top_left == a[:, 1:, 1:])
    score += 3 * block.sum(axis=(1, 2))
    # N4: 10 points per full 5 % the dark share is away from 50 %.
    size = a.shape[1] * a.shape[2]
    percent = a.sum(axis=(1, 2)) * 100.0 / size
    score += (np.abs(percent - 50) // 5).astype(np.int64) * 10
    return score


# --- building ------------------------------------------------------------------------------


def _build(text: str, ec: int) -> tuple[np.ndarray, int, int]:
    """(best masked symbol, mask, version)."""
    import numpy as np
    import qrcode

    code = qrcode.QRCode(error_correction=ec, mask_pattern=0, border=0)
    code.add_data(text.encode("utf-8"))
    code.make(fit=True)
    version = code.version
    masked0 = np.array(code.modules, dtype=bool)
    function, function_values = _function_layers(version, ec)
    patterns = _mask_patterns(masked0.shape[0])
    data = ~function
    raw = masked0 ^ (patterns[0] & data)  # the data modules before masking
    symbols = np.where(function, function_values, (raw ^ patterns) & data)
    scores = penalties(symbols)
    mask = int(np.argmin(scores))  # ties: the lowest mask number, as qrcode does
    return symbols[mask], mask, version


@functools.lru_cache(maxsize=4096)
def qr_matrix(text: str, error_correction: str = EC_M) -> QrMatrix:
    """The QR symbol for ``text`` (see :func:`qr_text`), error correction M or higher."""
    import numpy as np

    encoded = qr_text(text)
    symbol, mask, version = _build(encoded, _ec_constant(error_correction))
    size = symbol.shape[0]
    runs: list[tuple[int, int, int]] = []
    padded = np.zeros((size, size + 2), dtype=np.int8)
    padded[:, 1:-1] = symbol
    edges = np.diff(padded, axis=1)
    for row in range(size):
        starts = np.flatnonzero(edges[row] == 1)
        ends = np.flatnonzero(edges[row] == -1)
        runs.extend((row, int(s), int(e - s)) for s, e in zip(starts, ends, strict=True))
    return QrMatrix(encoded, size, tuple(runs), mask, version)


# --- drawing -------------------------------------------------------------------------------


def draw_qr(
    canvas: Any,
    text: str,
    x: float,
    y: float,
    size: float,
    error_correction: str = EC_M,
) -> None:
    """Draw the code for ``text`` with its bottom-left corner at (x, y), ``size`` points wide
    including the quiet zone (four modules each side, painted white)."""
    matrix = qr_matrix(text, error_correction)
    draw_matrix(canvas, matrix, x, y, size)


def draw_matrix(canvas: Any, matrix: QrMatrix, x: float, y: float, size: float) -> None:
    modules = matrix.size + 2 * QUIET_ZONE
    unit = size / modules
    canvas.saveState()
    canvas.setFillColorRGB(1, 1, 1)
    canvas.rect(x, y, size, size, stroke=0, fill=1)
    canvas.setFillColorRGB(0, 0, 0)
    # Module coordinates: origin at the symbol's top-left corner, one unit a module, y down.
    canvas.transform(unit, 0, 0, -unit, x + QUIET_ZONE * unit, y + size - QUIET_ZONE * unit)
    canvas.addLiteral(_path_operators(matrix))
    canvas.restoreState()


@functools.lru_cache(maxsize=4096)
def _path_operators(matrix: QrMatrix) -> str:
    """The PDF path of the dark modules in module units, filled: one rectangle per run. Each
    is a hair taller than a module, so that anti-aliased rasters show no seams between rows."""
    rects = " ".join(f"{col} {row} {length} 1.02 re" for row, col, length in matrix.runs)
    return rects + " f"
