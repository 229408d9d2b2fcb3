"""This laptop's station name: one function for the window and the command line.

The name is chosen, first found first: ``--station NAME`` on any command (the CLI puts it in
``$ROADSHOW_DESK_STATION`` for the rest of the process, the window included), then the
``ROADSHOW_DESK_STATION`` environment variable, then Settings ▸ Station (the ``configured``
value the caller read from its settings), then the computer's host name. Every record a
station writes carries the name, and its bundles are named after it.
"""

from __future__ import annotations

import os

ENV_STATION = "ROADSHOW_DESK_STATION"
#: The ``station`` columns hold at most this many characters.
STATION_MAX = 64


def host_station_name() -> str:
    """This computer's host name (``socket`` only where ``os`` cannot tell)."""
    name = os.uname().nodename if hasattr(os, "uname") else os.environ.get("COMPUTERNAME", "")
    if not name:
        import socket

        name = socket.gethostname()
    return name or "station"


def resolve_station(explicit: str | None = None, configured: str = "") -> str:
    """The station name: ``explicit`` (``--station``), else ``$ROADSHOW_DESK_STATION``, else
    ``configured`` (Settings ▸ Station), else the host name."""
    for candidate in (explicit, os.environ.get(ENV_STATION), configured):
        if candidate and candidate.strip():
            return candidate.strip()[:STATION_MAX]
    return host_station_name()[:STATION_MAX]
