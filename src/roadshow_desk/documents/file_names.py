"""File names the app suggests for what it writes: readable, in the user's words, and valid
on every system (Windows is the strictest)."""

from __future__ import annotations

import re

_WINDOWS_DEVICES = {"CON", "PRN", "AUX", "NUL"} | {
    f"{kind}{digit}" for kind in ("COM", "LPT") for digit in range(1, 10)
}


def safe_file_name(text: str, *, limit: int = 120) -> str:
    """``text`` usable as a file name (without its extension) on every system: no characters
    Windows forbids, no trailing dot or space, not a device name, at most ``limit`` long."""
    cleaned = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", text)
    cleaned = re.sub(r"\s+", " ", cleaned).strip(" .")[:limit].rstrip(" .")
    if cleaned.split(".")[0].upper() in _WINDOWS_DEVICES:
        cleaned = f"_{cleaned}"
    return cleaned or "document"
