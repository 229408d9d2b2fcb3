"""More desks for the demo fair: bundles a new user can merge in one minute.

:func:`demo_station_bundles` sets up ``count`` more laptops from the demo database (a copy
each, as desks set up from one file), lets each work a little as a desk does -- check-ins,
intentions captured on shortlisted patents, a walk-in that is likely one of the registered
firms, an edit of a firm's contact -- and writes each desk's bundle beside the database.
``roadshow-desk demo --stations N`` calls it; then ``roadshow-desk bundle merge`` them.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from roadshow_desk.domain.capture import IntentionDraft, record_intention
from roadshow_desk.domain.checkin import check_in, check_in_walk_in
from roadshow_desk.domain.enterprises import EnterpriseFields, fields_of, update_enterprise
from roadshow_desk.domain.enums import IntentionKind
from roadshow_desk.domain.models import Enterprise, Registration, ShortlistEntry, utcnow
from roadshow_desk.errors import InputError
from roadshow_desk.exchange.bundle_export import export_bundle
from roadshow_desk.i18n import translate

if TYPE_CHECKING:
    from roadshow_desk.store.db import Database

CONTACTS = ("陈经理", "刘工", "赵总", "孙主任", "周博士")


def station_names(count: int) -> list[str]:
    """Names of the extra desks: 东区服务台 C, D, ... (the demo's own desks are A and B)."""
    return [f"{chr(ord('C') + n)}" for n in range(count)]


def demo_station_bundles(database: Database, count: int, *, seed: int = 2027) -> list[Path]:
    """Write the bundles of ``count`` more desks of the demo fair (see the module)."""
    from roadshow_desk.domain.events import latest_event
    from roadshow_desk.store.db import open_database

    path = database.path
    if path is None:
        raise InputError(translate("Bundles", "Demo stations need a database file (not a server)."))
    if not 0 < count <= 8:
        raise InputError(translate("Bundles", "The demo has between 1 and 8 more stations."))
    with database.session() as session:
        event = latest_event(session)
        if event is None:
            raise InputError(translate("Events", "There is no event yet; create one first."))
        event_id = event.id
        firms = list(
            session.scalars(
                select(Registration.enterprise_id).where(Registration.event_id == event_id)
            )
        )
        patents = list(
            session.scalars(
                select(ShortlistEntry.patent_id).where(ShortlistEntry.event_id == event_id)
            )
        )
        # The walk-in each desk registers bears the name of a firm that has not arrived yet:
        # the desk cannot know it is that firm (a checked-in one it would refuse, "已登记"),
        # the merge flags the two as likely duplicates.
        arrived = set(
            session.scalars(
                select(Registration.enterprise_id).where(
                    Registration.event_id == event_id, Registration.checked_in_at.is_not(None)
                )
            )
        )
        arrived_keys = set(
            session.scalars(select(Enterprise.name_key).where(Enterprise.id.in_(arrived)))
        )
        known = next(
            (
                firm
                for firm in session.scalars(
                    select(Enterprise)
                    .where(Enterprise.deleted_at.is_(None))
                    .order_by(Enterprise.id)
                )
                if firm.name_key not in arrived_keys
            ),
            None,
        )
        known_name = known.name if known is not None else "宁波示范科技有限公司"
        if known is not None:
            firms = [firm for firm in firms if firm != known.id]  # not checked in by a desk
    with database.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    rng = random.Random(seed)
    written: list[Path] = []
    kinds = [kind for kind in IntentionKind if kind is not IntentionKind.NO_DEMAND]
    with tempfile.TemporaryDirectory(prefix="roadshow-desk-demo-") as folder:
        for name in station_names(count):
            copy = Path(folder) / f"{name}.sqlite3"
            shutil.copyfile(path, copy)
            desk = open_database(f"sqlite:///{copy}", backup=False)
            try:
                start = utcnow() - dt.timedelta(hours=2)
                with desk.session() as session:
                    for number, firm in enumerate(rng.sample(firms, min(4, len(firms)))):
                        check_in(
                            session,
                            event_id,
                            firm,
                            station=name,
                            at=start + dt.timedelta(minutes=3 * number),
                        )
                    check_in_walk_in(
                        session,
                        event_id,
                        known_name,
                        f"1390000{rng.randrange(1000, 9999)}",
                        station=name,
                    )
                    if firms:
                        edited = session.get(Enterprise, rng.choice(firms))
                        if edited is not None:
                            fields = fields_of(edited)
                            update_enterprise(
                                session,
                                edited.id,
                                EnterpriseFields(
                                    **{**fields.__dict__, "contact_person": rng.choice(CONTACTS)}
                                ),
                                station=name,
                            )
                for number in range(8 if firms and patents else 0):
                    record_intention(
                        desk,
                        IntentionDraft(
                            enterprise_id=rng.choice(firms),
                            patent_id=rng.choice(patents),
                            kind=rng.choice(kinds),
                            event_id=event_id,
                            contact_person=rng.choice(CONTACTS),
                        ),
                        station=name,
                        captured_at=start + dt.timedelta(minutes=7 * number + 1),
                    )
                target = path.with_name(f"{path.stem}-station-{name}.rsdb")
                written.append(export_bundle(desk, target, station=name, event_id=event_id).path)
            finally:
                desk.dispose()
    return written
