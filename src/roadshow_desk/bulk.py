"""Helpers for work over many rows at once (imports)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause Python's cycle collector for a block that builds many objects (an import's
    100,000 rows of lists and dicts): it would otherwise walk all of them again and again
    (measured: 1–2 s of an 8 s import). Nothing is lost: cycles made meanwhile are
    collected once the block ends. Nested blocks are fine; the outermost one resumes.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
