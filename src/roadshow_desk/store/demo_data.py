"""The tables behind the demo event, read from ``resources/demo/*.json`` and checked once.

The JSON files hold everything that reads like a real fair: technical fields with patent
topics (title templates, abstract phrases, IPC codes, owners), institutions, enterprises,
name pools and the event itself. A topic's texts contain ``{slot}`` placeholders; each slot
lists alternatives, and a *linked* slot takes the same alternative index as the slot it
follows (``"herb_ipc"`` follows ``"herb"``), so that a combined title, abstract and IPC
code always agree. :func:`load_demo_data` validates all of this, so a typo in a table fails
at once rather than producing a half-filled placeholder in a brochure.
"""

from __future__ import annotations

import functools
import json
import string
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from roadshow_desk.paths import resource_path

DEMO_DIR = resource_path("demo")
FIELD_FILES = ("fields_energy_it_bio.json", "fields_equipment_materials_agri_env.json")


@dataclass(frozen=True)
class Topic:
    """One family of similar patents of a technical field."""

    field: str
    titles: tuple[str, ...]
    device_titles: tuple[str, ...]  # titles a utility model may carry (no methods)
    slots: Mapping[str, tuple[str, ...]]
    linked: Mapping[str, str]  # dependent slot -> the slot whose index it takes
    ipc: tuple[str, ...]
    method: str
    effect: str
    advantages: str
    scenarios: str
    owners: tuple[str, ...]
    device: bool
    industry: str  # strategic-emerging-industry category ("" if none)
    closings: tuple[str, ...]


@dataclass(frozen=True)
class FieldSpec:
    name: str
    industry: str
    topics: tuple[Topic, ...]


@dataclass(frozen=True)
class InstitutionSpec:
    key: str
    name: str
    kind: str
    province: str
    region: str
    address: str
    agency: str
    office: str
    phone_prefix: str
    mail_domain: str
    weight: int


@dataclass(frozen=True)
class EnterpriseSpec:
    name: str
    slug: str
    city: str
    district: str
    division: str
    industry: str
    fields: tuple[str, ...]
    keywords: tuple[str, ...]
    ipc: tuple[str, ...]
    tags: tuple[str, ...]
    founded: int
    walk_in: bool


@dataclass(frozen=True)
class NamePools:
    surnames: tuple[str, ...]
    surname_weights: tuple[float, ...]
    given_first: str
    given_second: str
    given_single: str
    mobile_prefixes: tuple[str, ...]
    co_applicants: Mapping[str, tuple[str, ...]]
    national_awards: tuple[tuple[int, str], ...]
    provincial_awards: tuple[str, ...]
    roads: Mapping[str, tuple[str, ...]]


@dataclass(frozen=True)
class SessionSpec:
    title: str
    primary: tuple[str, ...]
    secondary: tuple[str, ...]
    slots: int
    starts_at: str  # HH:MM, Beijing time
    room: str
    host: str


@dataclass(frozen=True)
class DemoData:
    fields: tuple[FieldSpec, ...]
    institutions: tuple[InstitutionSpec, ...]
    enterprises: tuple[EnterpriseSpec, ...]
    names: NamePools
    event: Mapping[str, Any]
    sessions: tuple[SessionSpec, ...]
    title_endings: tuple[tuple[str, tuple[str, ...]], ...]  # ending -> same-meaning endings

    @property
    def topics(self) -> tuple[Topic, ...]:
        return tuple(topic for field in self.fields for topic in field.topics)


def placeholders(template: str) -> set[str]:
    """The ``{slot}`` names a template uses."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def _read(name: str) -> Any:
    return json.loads((DEMO_DIR / name).read_text(encoding="utf-8"))


def _topic(field: Mapping[str, Any], raw: Mapping[str, Any]) -> Topic:
    slots = {name: tuple(values) for name, values in raw["slots"].items()}
    linked = dict(raw.get("linked", {}))
    titles = tuple(raw["titles"])
    topic = Topic(
        field=field["name"],
        titles=titles,
        device_titles=tuple(title for title in titles if "方法" not in title),
        slots=slots,
        linked=linked,
        ipc=tuple(raw["ipc"]),
        method=raw["method"],
        effect=raw["effect"],
        advantages=raw["advantages"],
        scenarios=raw["scenarios"],
        owners=tuple(raw["owners"]),
        device=bool(raw.get("device", False)),
        industry=raw.get("industry", field["industry"]),
        closings=tuple(field["closings"]),
    )
    _check_topic(topic)
    return topic


def _check_topic(topic: Topic) -> None:
    where = f"demo topic {topic.titles[0]!r}"
    used: set[str] = set()
    for text in (*topic.titles, *topic.ipc, topic.method, topic.effect):
        used |= placeholders(text)
    used |= placeholders(topic.advantages) | placeholders(topic.scenarios)
    missing = used - set(topic.slots)
    if missing:
        raise ValueError(f"{where} uses undefined slots {sorted(missing)}")
    for dependent, base in topic.linked.items():
        if base not in topic.slots or dependent not in topic.slots:
            raise ValueError(f"{where} links unknown slots {dependent!r} -> {base!r}")
        if base in topic.linked:
            raise ValueError(f"{where} links {dependent!r} to the linked slot {base!r}")
        if len(topic.slots[dependent]) != len(topic.slots[base]):
            raise ValueError(f"{where}: {dependent!r} and {base!r} differ in length")
    if any(not values for values in topic.slots.values()):
        raise ValueError(f"{where} has a slot without values")
    if topic.device and not topic.device_titles:
        raise ValueError(f"{where} is a device topic without a device title")


def _institution(raw: Mapping[str, Any]) -> InstitutionSpec:
    return InstitutionSpec(**{key: raw[key] for key in InstitutionSpec.__dataclass_fields__})


def _enterprise(raw: Mapping[str, Any]) -> EnterpriseSpec:
    return EnterpriseSpec(
        name=raw["name"],
        slug=raw["slug"],
        city=raw["city"],
        district=raw["district"],
        division=raw["division"],
        industry=raw["industry"],
        fields=tuple(raw["fields"]),
        keywords=tuple(raw["keywords"]),
        ipc=tuple(raw["ipc"]),
        tags=tuple(raw["tags"]),
        founded=int(raw.get("founded", 2015)),
        walk_in=bool(raw.get("walk_in", False)),
    )


def _names(raw: Mapping[str, Any]) -> NamePools:
    surnames: list[str] = []
    weights: list[float] = []
    for item in raw["surnames"].split():
        surnames.append(item[0])
        weights.append(float(item[1:]))
    return NamePools(
        surnames=tuple(surnames),
        surname_weights=tuple(weights),
        given_first=raw["given_first"],
        given_second=raw["given_second"],
        given_single=raw["given_single"],
        mobile_prefixes=tuple(raw["mobile_prefixes"].split()),
        co_applicants={key: tuple(value) for key, value in raw["co_applicants"].items()},
        national_awards=tuple((int(year), name) for year, name in raw["national_awards"]),
        provincial_awards=tuple(raw["provincial_awards"]),
        roads={key: tuple(value) for key, value in raw["roads"].items()},
    )


@functools.cache
def load_demo_data() -> DemoData:
    """All demo tables, parsed and cross-checked (cached: read once per process)."""
    fields: list[FieldSpec] = []
    for name in FIELD_FILES:
        for raw in _read(name):
            topics = tuple(_topic(raw, topic) for topic in raw["topics"])
            fields.append(FieldSpec(raw["name"], raw["industry"], topics))
    institutions = tuple(_institution(raw) for raw in _read("institutions.json"))
    enterprises = tuple(_enterprise(raw) for raw in _read("enterprises.json"))
    names = _names(_read("names.json"))
    event = _read("event.json")
    sessions = tuple(
        SessionSpec(
            title=raw["title"],
            primary=tuple(raw["primary"]),
            secondary=tuple(raw["secondary"]),
            slots=int(raw["slots"]),
            starts_at=raw["starts_at"],
            room=raw["room"],
            host=raw["host"],
        )
        for raw in event["sessions"]
    )
    endings = tuple((row[0], tuple(row[1:])) for row in _read("titles.json")["endings"])
    data = DemoData(tuple(fields), institutions, enterprises, names, event, sessions, endings)
    _cross_check(data)
    return data


def _cross_check(data: DemoData) -> None:
    keys = {institution.key for institution in data.institutions}
    field_names = {field.name for field in data.fields}
    for topic in data.topics:
        unknown = set(topic.owners) - keys
        if unknown:
            raise ValueError(f"demo topic {topic.titles[0]!r} has unknown owners {unknown}")
    for enterprise in data.enterprises:
        if set(enterprise.fields) - field_names:
            raise ValueError(f"demo enterprise {enterprise.name!r} has an unknown field")
        if enterprise.district and enterprise.district not in data.names.roads:
            raise ValueError(f"demo enterprise {enterprise.name!r}: no roads for its district")
    for session in data.sessions:
        if set(session.primary + session.secondary) - field_names:
            raise ValueError(f"demo session {session.title!r} has an unknown field")
    if set(data.names.co_applicants) != field_names:
        raise ValueError("demo co-applicants must list every technical field")
