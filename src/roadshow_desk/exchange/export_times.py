"""The time zone of exported times, in one place.

Times are stored as naive UTC. An export writes them as wall-clock times of one zone and
says which in the column's header, e.g. ``登记时间 (UTC+08:00)``, so a reader in another
place (or a laptop set to another zone) knows what the figures mean. That zone is the
event's, the venue's (:mod:`~roadshow_desk.domain.venue_time`), whatever the laptop's own.
"""

from __future__ import annotations

import datetime as dt
from typing import Any


def export_zone(event: Any = None) -> dt.tzinfo:
    """The zone exported times of ``event`` are written in: the event's (the venue's) time
    zone; without an event, the default venue zone (Asia/Shanghai)."""
    from roadshow_desk.domain.venue_time import zone

    return zone(getattr(event, "time_zone", None))


def zone_name(zone: dt.tzinfo, at: dt.datetime | None = None) -> str:
    """``UTC+08:00``: the zone's offset from UTC (at ``at``, naive UTC; default now)."""
    moment = (at or dt.datetime.now(dt.UTC).replace(tzinfo=None)).replace(tzinfo=dt.UTC)
    offset = moment.astimezone(zone).utcoffset() or dt.timedelta()
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours:02d}:{rest:02d}"


def zoned_header(name: str, zone: dt.tzinfo) -> str:
    """A time column's header naming its zone: ``登记时间 (UTC+08:00)``."""
    return f"{name} ({zone_name(zone)})"


def in_zone(at: dt.datetime | None, zone: dt.tzinfo) -> dt.datetime | None:
    """A stored naive-UTC time as the wall-clock time of ``zone`` (naive, whole seconds)."""
    if at is None:
        return None
    local = at.replace(tzinfo=dt.UTC).astimezone(zone)
    return local.replace(tzinfo=None, microsecond=0)
