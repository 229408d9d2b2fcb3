"""The errors log: traces of errors nothing caught, in the user's data folder.

``ui/error_hook.py`` appends to it; the self-check says how many it holds and when the last
one happened, so a support question starts with it. Kept under :data:`LOG_LIMIT` bytes: a
full log is moved to ``errors.log.1`` (one older file kept).
"""

from __future__ import annotations

import datetime as dt
import traceback
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from roadshow_desk.store.db import data_dir

LOG_NAME = "errors.log"
LOG_LIMIT = 1_000_000
"""Bytes of ``errors.log`` before it is moved to ``errors.log.1``."""
ENTRY = "--- "
"""How an entry starts (then its local time, ISO 8601)."""


def log_path() -> Path:
    return data_dir() / LOG_NAME


def write_log(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> Path:
    """Append the traceback to the log (moving a full log aside first); returns its path."""
    path = log_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() and path.stat().st_size > LOG_LIMIT:
        path.replace(path.with_name(LOG_NAME + ".1"))
    stamp = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    text = "".join(traceback.format_exception(kind, error, trace))
    with path.open("a", encoding="utf-8") as stream:
        stream.write(f"{ENTRY}{stamp}\n{text}\n")
    return path


@dataclass(frozen=True)
class RecordedErrors:
    count: int
    last_at: str
    """The last entry's time as written (local, ISO 8601); "" when there is none."""
    last_line: str
    """The last entry's final line (``ValueError: …``)."""
    path: Path


def recorded_errors() -> RecordedErrors:
    """What the current log holds (no file: none)."""
    path = log_path()
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return RecordedErrors(0, "", "", path)
    entries = [part for part in text.split("\n" + ENTRY) if part.strip()]
    if not entries:
        return RecordedErrors(0, "", "", path)
    last = entries[-1].removeprefix(ENTRY)
    lines = [line for line in last.splitlines() if line.strip()]
    return RecordedErrors(len(entries), lines[0] if lines else "", lines[-1] if lines else "", path)
