"""A station's region in a cross-regional event (#13.5).

The window's File ▸ Station region… and ``roadshow-desk bundle export --region`` keep it in
the ``station`` table; every later bundle of the station carries it (see
:func:`roadshow_desk.exchange.bundle_export.export_bundle`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import insert, select, update

from roadshow_desk.domain.events import resolve_event
from roadshow_desk.domain.models import Station, split_list
from roadshow_desk.errors import InputError
from roadshow_desk.i18n import translate

if TYPE_CHECKING:
    from roadshow_desk.store.db import Database


def region_choices(database: Database, event_id: int | str | None = None) -> list[str]:
    """The regions a station of the event may be in: the event's own, then its partners'."""
    with database.session() as session:
        event = resolve_event(session, event_id)
        names = [event.region.strip(), *split_list(event.partner_regions)]
    return list(dict.fromkeys(name for name in names if name))


def station_region(database: Database, station: str) -> str:
    """The region ``station`` is in (``""``: none set)."""
    with database.session() as session:
        return session.scalar(select(Station.region).where(Station.name == station)) or ""


def set_station_region(database: Database, station: str, region: str) -> None:
    """Keep ``station``'s region (``""``: none) for its later bundles."""
    region = region.strip()
    if len(region) > 100:
        raise InputError(translate("Bundles", "A region name has at most 100 characters."))
    with database.session() as session:
        connection = session.connection()
        found = connection.execute(select(Station.id).where(Station.name == station)).scalar()
        if found is None:
            connection.execute(insert(Station).values(name=station, region=region))
        else:
            connection.execute(update(Station).where(Station.id == found).values(region=region))
