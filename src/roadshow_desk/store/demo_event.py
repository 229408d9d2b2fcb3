"""The demo event: enterprises, shortlist, sessions, sign-ups, check-ins and intentions.

Part of :mod:`roadshow_desk.store.demo`. The event is built from the first patents of the
library only (:data:`~roadshow_desk.store.demo_library.EVENT_POOL`), from its own seeded
streams, so a library of 60 or of 100,000 patents gets the same event. The fair took place
on 24–25 September 2026; the organiser followed its leads up until
:data:`~roadshow_desk.store.demo_intentions.FOLLOW_UP_UNTIL`, so some next actions are
overdue and others lie ahead.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
import re
import unicodedata
from collections.abc import Mapping
from typing import Any

from sqlalchemy import Connection, select

from roadshow_desk.domain.enums import (
    ConversionMode,
    LegalStatus,
    PatentType,
)
from roadshow_desk.domain.identifiers import make_credit_code
from roadshow_desk.domain.models import LIST_SEPARATOR
from roadshow_desk.store.demo_data import DemoData, EnterpriseSpec, SessionSpec
from roadshow_desk.store.demo_intentions import EVENT_DAY, IntentionBuilder
from roadshow_desk.store.demo_library import (
    IMPORTED_AT,
    STATION,
    Institutions,
    People,
    insert_rows,
    offers,
    office_hours,
    synced,
    table,
    utc,
)

_OFFERED = (LegalStatus.GRANTED, LegalStatus.PENDING)
_ORG_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # the characters of a credit code
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)  # GB 11714 organisation-code check
_NAME_SUFFIXES = ("股份有限公司", "有限责任公司", "有限公司", "集团")


def enterprise_name_key(name: str) -> str:
    """A firm's name reduced for duplicate detection.

    Full-width characters become half-width (NFKC), spaces go, and legal-form suffixes
    (股份有限公司, 有限责任公司, 有限公司, 集团) are removed, so that
    "宁波甬辉智能装备股份有限公司" and "宁波甬辉智能装备" share a key.
    """
    key = re.sub(r"\s+", "", unicodedata.normalize("NFKC", name)).lower()
    stripped = True
    while stripped:
        stripped = False
        for suffix in _NAME_SUFFIXES:
            if key.endswith(suffix) and len(key) > len(suffix):
                key = key[: -len(suffix)]
                stripped = True
    return key


def organisation_code(rng: random.Random, founded: int) -> str:
    """A 9-character organisation code (GB 11714) with its check character."""
    if founded < 2015:
        body = str(rng.randint(1, 7)) + "".join(rng.choices("0123456789", k=7))
    else:  # codes issued with the unified credit codes from 2015 on, e.g. MA2GQ8XY4
        body = "MA2" + "".join(rng.choices(_ORG_ALPHABET, k=5))
    total = sum(
        _ORG_ALPHABET.index(char) * weight for char, weight in zip(body, _ORG_WEIGHTS, strict=True)
    )
    check = 11 - total % 11
    return body + ("X" if check == 10 else "0" if check == 11 else str(check))


class EventBuilder:
    """The event, enterprises, shortlist, sessions, sign-ups and intentions."""

    def __init__(
        self,
        data: DemoData,
        institutions: Institutions,
        pool: list[dict[str, Any]],
        seed: int,
    ) -> None:
        self.data = data
        self.spec = data.event
        self.institutions = institutions
        self.pool = pool
        self.rng = random.Random(f"roadshow-demo:{seed}:event")
        self.people = People(data.names, random.Random(f"roadshow-demo:{seed}:enterprises"))
        self.stations = ("A", "B")

    def write(self, connection: Connection) -> dict[str, int]:
        existing = set(connection.execute(select(table("station").c.name)).scalars())
        stations = [
            {"name": name, "created_at": dt.datetime(2026, 9, 20, 1, 0), "last_bundle_at": None}
            for name in self.stations
            if name not in existing
        ]
        insert_rows(connection, "station", stations)
        enterprises = self._enterprises()
        insert_rows(connection, "enterprise", enterprises)
        insert_rows(connection, "event", [self._event()])
        shortlist, groups = self._shortlist()
        insert_rows(connection, "shortlist_entry", shortlist)
        sessions, slots = self._sessions(groups)
        insert_rows(connection, "roadshow_session", sessions)
        insert_rows(connection, "slot", slots)
        registrations = self._registrations(enterprises)
        insert_rows(connection, "registration", registrations)
        checked = [row for row in registrations if row["checked_in_at"] is not None]
        intentions, log = self._intentions(enterprises, checked, slots, shortlist)
        insert_rows(connection, "intention", intentions)
        insert_rows(connection, "follow_up_entry", log)
        return {
            "enterprises": len(enterprises),
            "registrations": len(registrations),
            "checked_in": len(checked),
            "shortlist": len(shortlist),
            "sessions": len(sessions),
            "slots": len(slots),
            "intentions": len(intentions),
            "follow_up_entries": len(log),
        }

    # ------------------------------------------------------------------ event and firms

    def _event(self) -> dict[str, Any]:
        spec = self.spec
        return {
            "id": 1,
            **synced(self.rng, dt.datetime(2026, 9, 18, 8, 30)),
            "name": spec["name"],
            "starts_on": dt.date.fromisoformat(spec["starts_on"]),
            "ends_on": dt.date.fromisoformat(spec["ends_on"]),
            "venue": spec["venue"],
            "region": spec["region"],
            "partner_regions": LIST_SEPARATOR.join(spec["partner_regions"]),
            "organisers": LIST_SEPARATOR.join(spec["organisers"]),
            "signup_url_template": spec["signup_url_template"],
            "foreword": spec["foreword"],
            "created_at": dt.datetime(2026, 8, 20, 1, 0),
        }

    def _enterprises(self) -> list[dict[str, Any]]:
        rng = self.people.rng
        rows = []
        for number, spec in enumerate(self.data.enterprises, start=1):
            rows.append(self._enterprise(rng, number, spec))
        return rows

    def _enterprise(self, rng: random.Random, number: int, spec: EnterpriseSpec) -> dict[str, Any]:
        credit_code = None
        address = ""
        email = ""
        if not spec.walk_in:
            organisation = organisation_code(rng, spec.founded)
            credit_code = make_credit_code(f"91{spec.division}{organisation}")
            road = rng.choice(self.data.names.roads[spec.district])
            address = f"{spec.city}{spec.district}{road}{rng.randint(1, 999)}号"
            email = f"{rng.choice(('bd', 'ip', 'info', 'tech', 'market'))}@{spec.slug}.example.cn"
        station = rng.choice(self.stations) if spec.walk_in else STATION
        if spec.walk_in:  # typed in at a desk when the firm turned up
            at = utc(EVENT_DAY, 9, 40) + dt.timedelta(minutes=rng.randrange(50))
        else:  # from the organiser's list of invited firms
            at = IMPORTED_AT + dt.timedelta(days=5)
        return {
            "id": number,
            **synced(rng, at, station),
            "name": spec.name,
            "name_key": enterprise_name_key(spec.name),
            "credit_code": credit_code,
            "tags": LIST_SEPARATOR.join(spec.tags),
            "industry": spec.industry,
            "keywords": LIST_SEPARATOR.join(spec.keywords),
            "ipc_interests": LIST_SEPARATOR.join(spec.ipc),
            "region": spec.city,
            "address": address,
            "contact_person": self.people.name(rng),
            "phone": self.people.mobile(rng),
            "email": email,
            "consent_to_contact": spec.walk_in or rng.random() < 0.9,
            "is_walk_in": spec.walk_in,
            "notes": "现场登记，未提前报名；会后核对企业全称和统一社会信用代码。"
            if spec.walk_in
            else "",
            "imported_values": {},
            "local_edits": {},
        }

    def _registrations(self, enterprises: list[dict[str, Any]]) -> list[dict[str, Any]]:
        rng = self.rng
        spec = self.spec
        regular = [row for row in enterprises if not row["is_walk_in"]]
        walk_ins = [row for row in enterprises if row["is_walk_in"]]
        # A walk-in that shares its name key with a registered firm which never checked in
        # is the duplicate the desk staff will reconcile after the fair.
        keys = {row["name_key"] for row in walk_ins}
        twins = [row for row in regular if row["name_key"] in keys]
        others = [row for row in regular if row["name_key"] not in keys]
        rng.shuffle(others)
        registered = twins + others[: int(spec["registrations"]) - len(twins)]
        checked_ids = {
            row["id"]
            for row in rng.sample(others[: len(registered) - len(twins)], k=int(spec["checked_in"]))
        }
        rows = []
        for enterprise in sorted(registered, key=lambda row: row["id"]):
            signed_up = office_hours(rng, dt.date(2026, 9, 1) + dt.timedelta(rng.randrange(22)))
            checked_in = None
            station = ""
            if enterprise["id"] in checked_ids:
                checked_in = utc(EVENT_DAY, 8, 20) + dt.timedelta(minutes=rng.randrange(80))
                station = rng.choice(self.stations)
            rows.append(self._registration(rng, enterprise, signed_up, checked_in, station))
        for enterprise in walk_ins:
            at = enterprise["updated_at"]
            rows.append(self._registration(rng, enterprise, at, at, enterprise["station"]))
        for number, row in enumerate(rows, start=1):
            row["id"] = number
        return rows

    def _registration(
        self,
        rng: random.Random,
        enterprise: Mapping[str, Any],
        signed_up: dt.datetime,
        checked_in: dt.datetime | None,
        station: str,
    ) -> dict[str, Any]:
        same_person = rng.random() < 0.7
        return {
            **synced(rng, checked_in or signed_up, station or STATION),
            "event_id": 1,
            "enterprise_id": enterprise["id"],
            "signed_up_at": signed_up,
            "attendee_name": enterprise["contact_person"] if same_person else self.people.name(rng),
            "attendee_phone": enterprise["phone"] if same_person else self.people.mobile(rng),
            "checked_in_at": checked_in,
            "checked_in_station": station if checked_in else "",
        }

    # ------------------------------------------------------------------ shortlist, sessions

    def _shortlist(self) -> tuple[list[dict[str, Any]], list[list[dict[str, Any]]]]:
        """Entries of every session's group, and each group's included patents."""
        rng = self.rng
        usable = [row for row in self.pool if row["legal_status"] in _OFFERED]
        groups: list[list[dict[str, Any]]] = []
        taken: set[int] = set()
        for session in self.data.sessions:
            group = self._pick_group(session, [row for row in usable if row["id"] not in taken])
            taken.update(row["id"] for row in group)
            groups.append(group)
        reasons = list(self.spec["exclusion_reasons"])
        excluded: dict[int, str] = {}
        for group, reason in zip(groups, reasons, strict=False):
            # A patent under an open licence cannot be held back for an exclusive deal.
            closed = [row for row in group if not offers(row, ConversionMode.OPEN_LICENCE)]
            if len(group) > 1 and closed:
                excluded[max(closed, key=_quality)["id"]] = reason
        entries: list[dict[str, Any]] = []
        for row in itertools.chain.from_iterable(groups):
            open_licence = offers(row, ConversionMode.OPEN_LICENCE)
            tags = ["开放许可"] if open_licence else []
            if row["strategic_emerging_industry"] or row["overseas_family"] or row["patent_award"]:
                tags.append("高价值专利")
            if rng.random() < 0.35:
                tags.append(rng.choice(self.spec["tags"]))
            note = ""
            if open_licence:
                note = self.spec["open_licence_note"]
            elif rng.random() < 0.45:
                note = rng.choice(self.spec["presenter_notes"])
            at = dt.datetime(2026, 9, 15, 2, 0) + dt.timedelta(minutes=3 * len(entries))
            entries.append(
                {
                    "id": len(entries) + 1,
                    **synced(rng, at),
                    "event_id": 1,
                    "patent_id": row["id"],
                    "position": len(entries),
                    "included": row["id"] not in excluded,
                    "exclusion_reason": excluded.get(row["id"], ""),
                    "tags": LIST_SEPARATOR.join(dict.fromkeys(tags)),
                    "presenter_notes": note,
                }
            )
        return entries, [[row for row in group if row["id"] not in excluded] for group in groups]

    def _pick_group(
        self, session: SessionSpec, usable: list[dict[str, Any]]
    ) -> list[dict[str, Any]]:
        """The best patents of the session's fields: 2 per secondary field, the rest primary."""
        wanted = int(self.spec["shortlist_per_session"])
        fields = session.primary + session.secondary
        queues = {
            field: sorted((row for row in usable if row["technical_field"] == field), key=_quality)
            for field in fields
        }
        quota = dict.fromkeys(session.secondary, 2)
        share = (wanted - 2 * len(session.secondary)) // max(1, len(session.primary))
        quota.update(dict.fromkeys(session.primary, share))
        picked = [row for field in fields for row in queues[field][: quota[field]]]
        spare = sorted(
            (row for field in fields for row in queues[field][quota[field] :]), key=_quality
        )
        picked += spare[: max(0, wanted - len(picked))]
        spare = spare[max(0, wanted - len(picked)) :]
        # Show at least two open licences per session when the library has them.
        spare_open = [row for row in spare if offers(row, ConversionMode.OPEN_LICENCE)]
        while spare_open and sum(offers(r, ConversionMode.OPEN_LICENCE) for r in picked) < 2:
            closed = [row for row in picked if not offers(row, ConversionMode.OPEN_LICENCE)]
            picked[picked.index(max(closed, key=_quality))] = spare_open.pop(0)
        return sorted(picked, key=lambda row: (fields.index(row["technical_field"]), _quality(row)))

    def _sessions(
        self, groups: list[list[dict[str, Any]]]
    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        rng = self.rng
        sessions: list[dict[str, Any]] = []
        slots: list[dict[str, Any]] = []
        institution_keys = {number: key for key, number in self.institutions.ids.items()}
        planned_at = dt.datetime(2026, 9, 18, 9, 0)
        for position, (spec, group) in enumerate(zip(self.data.sessions, groups, strict=True)):
            hour, minute = (int(part) for part in spec.starts_at.split(":"))
            number = position + 1
            sessions.append(
                {
                    "id": number,
                    **synced(rng, planned_at),
                    "event_id": 1,
                    "title": spec.title,
                    "position": position,
                    "starts_at": utc(EVENT_DAY, hour, minute),
                    "room": spec.room,
                    "host": spec.host,
                }
            )
            for slot_position, row in enumerate(_programme(spec, group)):
                key = institution_keys[row["institution_id"]]
                presenter = row["inventors"].split(LIST_SEPARATOR)[0]
                if rng.random() < 0.3:
                    presenter = self.institutions.contacts[key][0]  # the transfer officer
                slots.append(
                    {
                        "id": len(slots) + 1,
                        **synced(rng, planned_at),
                        "session_id": number,
                        "position": slot_position,
                        "patent_id": row["id"],
                        "presenter": presenter,
                        "institution_id": row["institution_id"],
                        "planned_minutes": _minutes(rng, row["self_grade"]),
                        "actual_start": None,
                        "actual_end": None,
                    }
                )
        return sessions, slots

    def _intentions(
        self,
        enterprises: list[dict[str, Any]],
        checked: list[dict[str, Any]],
        slots: list[dict[str, Any]],
        shortlist: list[dict[str, Any]],
    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        by_id = {row["id"]: row for row in self.pool}
        firms = {
            row["id"]: (row, spec)
            for row, spec in zip(enterprises, self.data.enterprises, strict=True)
        }
        builder = IntentionBuilder(
            self.rng,
            self.spec,
            firms,
            {row["enterprise_id"]: row for row in checked},
            [by_id[entry["patent_id"]] for entry in shortlist if entry["included"]],
            {slot["patent_id"]: slot["session_id"] for slot in slots},
        )
        return builder.build()


def _quality(row: Mapping[str, Any]) -> tuple[int, int, int]:
    """Sort key, best first: granted inventions, then the institute's own grade."""
    if row["legal_status"] is LegalStatus.GRANTED:
        rank = 0 if row["patent_type"] is PatentType.INVENTION else 1
    else:
        rank = 2
    return rank, -row["self_grade"], row["id"]


def _minutes(rng: random.Random, grade: int) -> int:
    """Flagship patents get longer slots; 6 to 10 minutes."""
    minutes = {5: 10, 4: 8}.get(grade, 6)
    if rng.random() < 0.3:
        minutes += rng.choice((-2, 2))
    return max(6, min(10, minutes))


def _programme(spec: SessionSpec, group: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The session's slots: its primary fields taking turns, then the others, by field."""
    fields = spec.primary + spec.secondary
    queues = [[row for row in group if row["technical_field"] == field] for field in fields]
    chosen: list[dict[str, Any]] = []
    for tier in (queues[: len(spec.primary)], queues[len(spec.primary) :]):
        for row in itertools.chain.from_iterable(itertools.zip_longest(*tier)):
            if row is not None and len(chosen) < spec.slots:
                chosen.append(row)
    return sorted(chosen, key=lambda row: fields.index(row["technical_field"]))
