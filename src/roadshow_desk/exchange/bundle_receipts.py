"""Reading bundle receipts and stations for the Stations view (no Qt)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from roadshow_desk.domain.models import BundleReceipt, Station

if TYPE_CHECKING:
    from roadshow_desk.store.db import Database


@dataclass(frozen=True)
class ReceiptRow:
    merged_at: dt.datetime
    station: str
    region: str
    covers_to: dt.datetime | None
    records: int
    file_name: str
    sha256: str


@dataclass(frozen=True)
class StationRow:
    name: str
    region: str
    merged_up_to: dt.datetime | None
    merged_at: dt.datetime | None
    bundles: int
    unexported: int | None
    is_this: bool


def _records(counts: dict[str, Any]) -> int:
    return sum(
        int(c.get("new", 0)) + int(c.get("updated", 0)) + int(c.get("unchanged", 0))
        for table, c in (counts or {}).items()
        if table != "patent" and isinstance(c, dict)
    )


def list_receipts(database: Database) -> list[ReceiptRow]:
    """Every bundle merged here, newest first."""
    with database.session() as session:
        return [
            ReceiptRow(
                r.merged_at,
                r.station,
                r.region,
                r.covers_to,
                _records(r.counts),
                r.file_name,
                r.sha256,
            )
            for r in session.scalars(
                select(BundleReceipt).order_by(
                    BundleReceipt.merged_at.desc(), BundleReceipt.id.desc()
                )
            )
        ]


def list_stations(database: Database, this_station: str) -> list[StationRow]:
    """This station first, then every other station known here, by name."""
    from roadshow_desk.exchange.bundle_export import unexported_count

    receipts = list_receipts(database)
    with database.session() as session:
        regions = {s.name: s.region for s in session.scalars(select(Station))}
    names = sorted({*regions, *(r.station for r in receipts)} - {this_station})
    rows = []
    for name in [this_station, *names]:
        mine = [r for r in receipts if r.station == name]
        rows.append(
            StationRow(
                name=name,
                region=regions.get(name, ""),
                merged_up_to=max((r.covers_to for r in mine if r.covers_to), default=None),
                merged_at=max((r.merged_at for r in mine), default=None),
                bundles=len(mine),
                unexported=unexported_count(database, name) if name == this_station else None,
                is_this=name == this_station,
            )
        )
    return rows


def takes_part_in_bundles(database: Database, station: str) -> bool:
    """Whether this laptop exchanges bundles: it has exported one, or merged one."""
    with database.session() as session:
        exported = session.scalar(select(Station.last_bundle_at).where(Station.name == station))
        merged = session.scalar(select(BundleReceipt.id).limit(1))
    return exported is not None or merged is not None
