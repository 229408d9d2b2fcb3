"""Record ids carried by a drag: the rows dragged, written into and read from ``QMimeData``.

A drag names its records by id under a MIME type of its own (the shortlist's rows, the
agenda's slots, patents from the library); the ids travel as a JSON list.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from PySide6.QtCore import QByteArray, QMimeData, QModelIndex, QPersistentModelIndex


def dragged_rows(indexes: Iterable[QModelIndex | QPersistentModelIndex]) -> list[int]:
    """The rows of ``indexes`` (the cells a view drags), each once, top to bottom."""
    return sorted({index.row() for index in indexes if index.isValid()})


def encode_ids(mime: str, ids: list[int], data: QMimeData | None = None) -> QMimeData:
    """``ids`` under ``mime`` in ``data`` (a new ``QMimeData`` when none); returns it."""
    data = QMimeData() if data is None else data
    data.setData(mime, QByteArray(json.dumps(ids).encode()))
    return data


def decode_ids(data: QMimeData, mime: str) -> list[int]:
    """The ids ``data`` carries under ``mime``; none when it carries none or garbage."""
    if not data.hasFormat(mime):
        return []
    try:
        values = json.loads(bytes(data.data(mime).data()).decode())
    except (ValueError, UnicodeDecodeError):
        return []
    if not isinstance(values, list):
        return []
    return [int(v) for v in values if isinstance(v, int) and not isinstance(v, bool)]
