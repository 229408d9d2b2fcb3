"""Derived library data brought up to date in one call: the search index and the scores.

Bulk writers that bypass the importer (the demo generator, a restore) call
:func:`prepare_library` inside their transaction, after the patents and intentions are
written, so that the first search and the library's score column need no catching up.
"""

from __future__ import annotations

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from roadshow_desk.store.scoring import rescore
from roadshow_desk.store.search import rebuild_index


def prepare_library(bind: Connection | Session) -> None:
    """Rebuild the search index and score every patent with the active rubric."""
    rebuild_index(bind)
    rescore(bind)
