"""Venue time: every time is shown, printed and exported in the event's time zone.

Storage is unambiguous: every timestamp column holds naive UTC (``models.utcnow()``), and
so does ``RoadshowSession.starts_at``. What a person reads or types is the wall-clock time
of the venue, i.e. of the event's time zone (``Event.time_zone``, an IANA name, default
``Asia/Shanghai``) -- never the laptop's own zone, which is often wrong (an English Windows
image defaults to US Pacific time).

    to_venue(at, zone)      naive UTC -> naive wall-clock time of ``zone``
    from_venue(wall, zone)  naive wall-clock time of ``zone`` -> naive UTC
    venue_day_bounds(day, zone)  the naive-UTC start and end of a calendar day at the venue
    venue_today(zone)       the venue's date now (what "overdue" and "today" are measured by)

The zone data come from :mod:`zoneinfo` (the ``tzdata`` package where the system has none,
as on Windows). Should neither be there, China Standard Time (UTC+8, no daylight saving
since 1991) still works for the default zone.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import zoneinfo

from roadshow_desk.i18n import fmt, translate

DEFAULT_TIME_ZONE = "Asia/Shanghai"

#: The zones the event form offers first (any IANA name may be typed).
COMMON_TIME_ZONES: tuple[str, ...] = (
    "Asia/Shanghai",
    "Asia/Urumqi",
    "Asia/Hong_Kong",
    "Asia/Macau",
    "Asia/Taipei",
    "Asia/Singapore",
    "Asia/Tokyo",
    "Asia/Seoul",
    "Europe/London",
    "Europe/Berlin",
    "America/New_York",
    "America/Los_Angeles",
    "UTC",
)

_CHINA_STANDARD_TIME = dt.timezone(dt.timedelta(hours=8), "CST")


class InvalidTimeZone(ValueError):
    """A time-zone name that is not known; ``str()`` is one sentence."""


@functools.lru_cache(maxsize=64)
def _zone(name: str) -> dt.tzinfo:
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        if name in (DEFAULT_TIME_ZONE, "Asia/Chongqing", "Asia/Harbin", "PRC"):
            return _CHINA_STANDARD_TIME
        if name.upper() == "UTC":
            return dt.UTC
        raise


def zone(name: str | None) -> dt.tzinfo:
    """The tzinfo of an IANA zone name (``None`` or empty: the default zone)."""
    try:
        return _zone((name or "").strip() or DEFAULT_TIME_ZONE)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return _zone(DEFAULT_TIME_ZONE)


def check_time_zone(name: str) -> str:
    """``name`` cleaned when it is a known IANA zone; raises :class:`InvalidTimeZone`."""
    clean = name.strip() or DEFAULT_TIME_ZONE
    try:
        _zone(clean)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise InvalidTimeZone(
            fmt(
                translate("VenueTime", "“%1” is not a time zone; write one like Asia/Shanghai."),
                clean[:60],
            )
        ) from None
    return clean


def to_venue(at: dt.datetime, zone_name: str | None = None) -> dt.datetime:
    """A stored naive-UTC time as the venue's naive wall-clock time."""
    if at.tzinfo is None:
        at = at.replace(tzinfo=dt.UTC)
    return at.astimezone(zone(zone_name)).replace(tzinfo=None)


def from_venue(wall: dt.datetime, zone_name: str | None = None) -> dt.datetime:
    """The venue's wall-clock time ``wall`` (naive; an aware one is converted) as naive UTC."""
    if wall.tzinfo is None:
        wall = wall.replace(tzinfo=zone(zone_name))
    return wall.astimezone(dt.UTC).replace(tzinfo=None)


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def venue_today(zone_name: str | None = None) -> dt.date:
    """Today's date at the venue (not the laptop's: its clock's zone is often another)."""
    return to_venue(_utcnow(), zone_name).date()


def venue_day_bounds(day: dt.date, zone_name: str | None = None) -> tuple[dt.datetime, dt.datetime]:
    """The naive-UTC start and end of the venue's calendar day ``day``."""
    start = dt.datetime.combine(day, dt.time())
    return from_venue(start, zone_name), from_venue(start + dt.timedelta(days=1), zone_name)


def zone_label(zone_name: str | None) -> str:
    """The zone with its UTC offset now, for headers and forms (``Asia/Shanghai (UTC+08:00)``)."""
    name = (zone_name or "").strip() or DEFAULT_TIME_ZONE
    offset = dt.datetime.now(zone(name)).utcoffset() or dt.timedelta()
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    minutes = abs(minutes)
    return f"{name} (UTC{sign}{minutes // 60:02d}:{minutes % 60:02d})"


_WALL = re.compile(
    r"^\s*(?:(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*[T ]?\s*)?"
    r"(\d{1,2})\s*(?:[:：时点]\s*(\d{2})|(\d{2}))?\s*分?\s*$"
)


def parse_wall_time(text: str, day: dt.date | None) -> dt.datetime | None:
    """A typed start time at the venue: ``09:30``, ``9：30``, ``0930``, ``9点30`` on ``day``,
    or with its date (``2026-12-18 09:30``). Empty text: ``None``. Raises ValueError with
    one sentence when the text is not a time, or names no date and ``day`` is ``None``."""
    if not text.strip():
        return None
    match = _WALL.match(text)
    message = fmt(
        translate("VenueTime", "“%1” is not a time; write it like 09:30 or 2026-12-18 09:30."),
        text.strip()[:40],
    )
    if match is None:
        raise ValueError(message)
    year, month, mday, hour, minute, packed = match.groups()
    if hour is not None and packed is not None and minute is None:
        minute = packed
    try:
        when = dt.time(int(hour), int(minute or 0))
        on = dt.date(int(year), int(month), int(mday)) if year else day
    except ValueError:
        raise ValueError(message) from None
    if on is None:
        raise ValueError(
            translate(
                "VenueTime", "The event has no date yet; write the day too (2026-12-18 09:30)."
            )
        )
    return dt.datetime.combine(on, when)
