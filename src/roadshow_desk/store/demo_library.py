"""The demo patent library: people, institutions and patents from seeded generators.

Part of :mod:`roadshow_desk.store.demo`. Every patent comes from one seeded stream, one after
the other, so the first N patents of a larger library are the N patents of a smaller one.
Numbers follow CNIPA practice: application serials grow with the filing date through the
year, publication numbers fall in the range CNIPA used in the publication year (invention
``CN…A`` then ``CN…B`` on grant with the same digits, utility model ``CN…U``).
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Table, insert

from roadshow_desk.domain.enums import ConversionMode, InstitutionKind, LegalStatus, PatentType
from roadshow_desk.domain.identifiers import check_character
from roadshow_desk.domain.models import LIST_SEPARATOR, Base
from roadshow_desk.store.demo_data import DemoData, InstitutionSpec, NamePools, Topic

STATION = "A"  # the organiser's laptop; desk B records some check-ins and intentions
LIBRARY_DATE = dt.date(2026, 8, 31)  # the institutes exported their inventories that day
IMPORTED_AT = dt.datetime(2026, 9, 1, 2, 30)  # 10:30 Beijing time
EVENT_POOL = 60  # the event draws on these first patents only

_BEIJING = dt.timedelta(hours=8)
# Choices with cumulative weights (precomputed: they are drawn for every patent).
_INVENTION_YEARS = tuple(range(2011, 2027))
_INVENTION_CUMULATIVE = tuple(
    itertools.accumulate((1, 2, 2, 3, 3, 4, 5, 6, 7, 8, 9, 9, 8, 6, 4, 1))
)
_UTILITY_YEARS = tuple(range(2017, 2027))
_UTILITY_CUMULATIVE = tuple(itertools.accumulate((2, 3, 4, 6, 8, 9, 9, 8, 6, 2)))
_GRADES = (1, 2, 3, 4, 5)
_GRADE_CUMULATIVE = tuple(itertools.accumulate((5, 15, 35, 30, 15)))
_TEAM_SIZES = (2, 3, 4, 5, 6)
_TEAM_CUMULATIVE = tuple(itertools.accumulate((2, 3, 3, 2, 1)))
# Serials a year's applications use, by type digit (invention, utility model, PCT entry).
_YEARLY_SERIALS = {"1": 1_600_000, "2": 2_400_000, "8": 110_000}
# First publication number of each year (CN…A inventions, CN…U utility models).
_A_FROM_YEAR = {
    2011: 101_950_000, 2012: 102_400_000, 2013: 102_900_000, 2014: 103_500_000,
    2015: 104_300_000, 2016: 105_200_000, 2017: 106_300_000, 2018: 107_500_000,
    2019: 109_100_000, 2020: 110_600_000, 2021: 112_200_000, 2022: 113_900_000,
    2023: 115_600_000, 2024: 117_300_000, 2025: 119_200_000, 2026: 121_000_000,
    2027: 122_700_000,
}  # fmt: skip
_U_FROM_YEAR = {
    2017: 206_000_000, 2018: 207_400_000, 2019: 208_900_000, 2020: 210_500_000,
    2021: 212_500_000, 2022: 214_900_000, 2023: 217_900_000, 2024: 220_100_000,
    2025: 222_000_000, 2026: 223_600_000, 2027: 225_000_000,
}  # fmt: skip


def table(name: str) -> Table:
    return Base.metadata.tables[name]


def insert_rows(connection: Connection, name: str, rows: Sequence[Mapping[str, Any]]) -> None:
    """One executemany INSERT (Core, no ORM objects: fast for 100,000 rows)."""
    if rows:
        connection.execute(insert(table(name)), list(rows))


def new_uuid(rng: random.Random) -> str:
    return uuid.UUID(int=rng.getrandbits(128), version=4).hex


def synced(rng: random.Random, at: dt.datetime, station: str = STATION) -> dict[str, Any]:
    """The columns every Synced record carries."""
    return {"uuid": new_uuid(rng), "updated_at": at, "station": station, "deleted_at": None}


def utc(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    """Naive UTC of a Beijing wall-clock time (what timestamp columns store)."""
    return dt.datetime.combine(day, dt.time(hour, minute)) - _BEIJING


def office_hours(rng: random.Random, day: dt.date, first: int = 9, last: int = 17) -> dt.datetime:
    """A time on ``day`` between ``first`` and ``last`` o'clock Beijing time."""
    return utc(day, rng.randint(first, last - 1), rng.randrange(0, 60, 5))


def _year_fraction(day: dt.date) -> float:
    return (day - dt.date(day.year, 1, 1)).days / 366


class People:
    """Realistic Chinese names and mobile numbers from the name pools."""

    def __init__(self, names: NamePools, rng: random.Random) -> None:
        self.names = names
        self.rng = rng
        self._cumulative = tuple(itertools.accumulate(names.surname_weights))

    def name(self, rng: random.Random | None = None) -> str:
        rng = rng or self.rng
        pools = self.names
        surname = rng.choices(pools.surnames, cum_weights=self._cumulative)[0]
        if rng.random() < 0.3:
            return surname + rng.choice(pools.given_single)
        first = rng.choice(pools.given_first)
        second = rng.choice(pools.given_second)
        while second == first:
            second = rng.choice(pools.given_second)
        return surname + first + second

    def mobile(self, rng: random.Random | None = None) -> str:
        rng = rng or self.rng
        return rng.choice(self.names.mobile_prefixes) + f"{rng.randrange(10**8):08d}"


class Institutions:
    """Institution rows and, per institution and field, its principal investigators."""

    def __init__(self, data: DemoData, people: People) -> None:
        rng = people.rng
        self.specs: dict[str, InstitutionSpec] = {}
        self.ids: dict[str, int] = {}
        self.contacts: dict[str, tuple[str, str]] = {}
        self.rows: list[dict[str, Any]] = []
        for number, spec in enumerate(data.institutions, start=1):
            person = people.name()
            phone = f"{spec.phone_prefix}{rng.randrange(10**4):04d}"
            self.specs[spec.key] = spec
            self.ids[spec.key] = number
            self.contacts[spec.key] = (person, phone)
            self.rows.append(
                {
                    "id": number,
                    **synced(rng, IMPORTED_AT),
                    "name": spec.name,
                    "short_name": spec.key,
                    "kind": InstitutionKind(spec.kind),
                    "region": spec.region,
                    "contact_person": person,
                    "contact_phone": phone,
                    "contact_email": f"tto@{spec.mail_domain}",
                }
            )
        self.investigators: dict[tuple[str, str], list[str]] = {
            (spec.key, field.name): [people.name() for _ in range(3)]
            for spec in data.institutions
            for field in data.fields
        }

    def public_contact(self, key: str) -> str:
        """The technology-transfer office as a brochure prints it (public information)."""
        person, phone = self.contacts[key]
        return f"{self.specs[key].office} {person[0]}老师 {phone}"


class Numbers:
    """Unique numbers that grow with a date through its year, like CNIPA's."""

    def __init__(self) -> None:
        self._used: dict[tuple[int, str], set[int]] = {}

    def _unique(self, year: int, kind: str, number: int) -> int:
        used = self._used.setdefault((year, kind), set())
        while number in used:
            number += 1
        used.add(number)
        return number

    def application(self, rng: random.Random, filed: dt.date, type_digit: str) -> str:
        """``CN`` + year + type digit + 7-digit serial + ``.`` + check character."""
        yearly = _YEARLY_SERIALS[type_digit]
        serial = int(_year_fraction(filed) * yearly) + rng.randrange(1, 3000)
        serial = self._unique(filed.year, type_digit, serial)
        digits = f"{filed.year}{type_digit}{serial:07d}"
        return f"CN{digits}.{check_character(digits)}"

    def publication(self, rng: random.Random, published: dt.date, utility: bool) -> int:
        table = _U_FROM_YEAR if utility else _A_FROM_YEAR
        first, following = table[published.year], table[published.year + 1]
        number = first + int(_year_fraction(published) * (following - first))
        number += rng.randrange(2000)
        return self._unique(published.year, "U" if utility else "A", number)


@dataclass
class _Dates:
    type_digit: str
    filed: dt.date  # the date the number's year and serial come from (PCT: national entry)
    application: dt.date
    publication: dt.date
    grant: dt.date | None
    priority: dt.date | None


class PatentFactory:
    """Makes patent rows one at a time from one seeded stream."""

    def __init__(self, data: DemoData, institutions: Institutions, people: People, seed: int):
        self.data = data
        self.institutions = institutions
        self.people = people
        self.rng = random.Random(f"roadshow-demo:{seed}:patents")
        self.topics = data.topics
        self.order = self._interleaved_topics(random.Random(f"roadshow-demo:{seed}:topics"))
        self.numbers = Numbers()
        weights = {spec.key: spec.weight for spec in data.institutions}
        self.owner_weights = {  # by id(): topics hold dicts, so they are not hashable
            id(topic): tuple(itertools.accumulate(weights[owner] for owner in topic.owners))
            for topic in self.topics
        }
        self.pool: list[dict[str, Any]] = []  # the first EVENT_POOL rows

    def _interleaved_topics(self, rng: random.Random) -> list[Topic]:
        """Every topic once, the fields taking turns, so the first patents cover them all."""
        per_field = [list(field.topics) for field in self.data.fields]
        for topics in per_field:
            rng.shuffle(topics)
        rng.shuffle(per_field)
        order: list[Topic] = []
        while any(per_field):
            for topics in per_field:
                if topics:
                    order.append(topics.pop())
        return order

    def make(self, index: int) -> dict[str, Any]:
        rng = self.rng
        topic = self.order[index] if index < len(self.order) else rng.choice(self.topics)
        key = rng.choices(topic.owners, cum_weights=self.owner_weights[id(topic)])[0]
        spec = self.institutions.specs[key]
        utility = topic.device and rng.random() < 0.5
        overseas = not utility and rng.random() < 0.1
        values = _slot_values(topic, rng)
        title = rng.choice(topic.device_titles if utility else topic.titles).format_map(values)
        title = self._vary_ending(rng, title, utility)
        dates = self._dates(rng, utility, pct=overseas and rng.random() < 0.3)
        status = LegalStatus.PENDING if dates.grant is None else LegalStatus.GRANTED
        old = dates.application.year <= (2020 if utility else 2019)
        if status is LegalStatus.GRANTED and old and rng.random() < (0.15 if utility else 0.12):
            status = LegalStatus.LAPSED  # the annual fee was not paid
        publication = self.numbers.publication(rng, dates.publication, utility)
        ipc = list(dict.fromkeys(code.format_map(values) for code in topic.ipc))
        applicants = spec.name
        if rng.random() < 0.12:
            applicants += LIST_SEPARATOR + rng.choice(self.data.names.co_applicants[topic.field])
        modes = _modes(rng, status, utility)
        granted = status is LegalStatus.GRANTED
        age = LIBRARY_DATE.year - dates.application.year
        row: dict[str, Any] = {
            "id": index + 1,
            **synced(rng, IMPORTED_AT),
            "application_no": self.numbers.application(rng, dates.filed, dates.type_digit),
            "publication_no": f"CN{publication}{'U' if utility else 'A'}",
            "grant_no": (
                f"CN{publication}{'U' if utility else 'B'}" if dates.grant is not None else ""
            ),
            "title": title,
            "abstract": _abstract(rng, topic, values, title, utility),
            "patent_type": PatentType.UTILITY_MODEL if utility else PatentType.INVENTION,
            "ipc_main": ipc[0],
            "ipc_all": LIST_SEPARATOR.join(ipc),
            "technical_field": topic.field,
            "applicants": applicants,
            "current_owners": applicants,
            "inventors": LIST_SEPARATOR.join(self._inventors(rng, key, topic.field)),
            "applicant_address": spec.address,
            "agency": spec.agency,
            "institution_id": self.institutions.ids[key],
            "application_date": dates.application,
            "publication_date": dates.publication,
            "grant_date": dates.grant,
            "priority_date": dates.priority,
            "legal_status": status,
            "claims_count": (
                rng.randint(4, 10) if utility else max(3, min(20, round(rng.gauss(9, 3))))
            ),
            "family_size": rng.randint(2, 7) if overseas else (2 if rng.random() < 0.05 else 1),
            "cited_by_count": min(60, int(rng.expovariate(1.0 / (0.8 * age + 0.5)))),
            "strategic_emerging_industry": (
                topic.industry if not utility and topic.industry and rng.random() < 0.55 else ""
            ),
            "overseas_family": overseas,
            "pledge_financing": granted and rng.random() < 0.04,
            "patent_award": self._award(rng, spec, dates) if granted and not utility else "",
            "self_grade": rng.choices(_GRADES, cum_weights=_GRADE_CUMULATIVE)[0],
            "conversion_modes": LIST_SEPARATOR.join(mode.value for mode in modes),
            "open_licence_terms": (
                _open_licence_terms(rng, utility) if ConversionMode.OPEN_LICENCE in modes else ""
            ),
            "price_guide": _price_guide(rng, modes, utility),
            "public_contact": self.institutions.public_contact(key) if modes else "",
            "advantages": topic.advantages.format_map(values),
            "application_scenarios": topic.scenarios.format_map(values),
            "imported_values": {},
            "local_edits": {},
            "last_batch_id": None,
        }
        if index < EVENT_POOL:
            self.pool.append(row)
        return row

    def _vary_ending(self, rng: random.Random, title: str, utility: bool) -> str:
        """Half the time, swap the title's ending for one that real titles use alike."""
        for ending, alternatives in self.data.title_endings:
            if title.endswith(ending):
                usable = [alt for alt in alternatives if not utility or "方法" not in alt]
                if usable and rng.random() < 0.5:
                    return title[: -len(ending)] + rng.choice(usable)
                return title
        return title

    def _dates(self, rng: random.Random, utility: bool, pct: bool) -> _Dates:
        if utility:  # examined for form only: granted and published together
            year = rng.choices(_UTILITY_YEARS, cum_weights=_UTILITY_CUMULATIVE)[0]
            delay = dt.timedelta(days=rng.randint(110, 240))
            filed = min(
                dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(365)),
                LIBRARY_DATE - delay - dt.timedelta(days=rng.randrange(60)),
            )
            return _Dates("2", filed, filed, filed + delay, filed + delay, None)
        year = rng.choices(_INVENTION_YEARS, cum_weights=_INVENTION_CUMULATIVE)[0]
        application = dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(365))
        if pct:  # an international application entering the Chinese national phase
            entry = dt.timedelta(days=rng.randint(880, 930))
            to_publication = entry + dt.timedelta(days=rng.randint(60, 150))
        else:  # universities often ask for early publication
            entry = dt.timedelta(0)
            early = rng.random() < 0.55
            to_publication = dt.timedelta(
                days=rng.randint(95, 300) if early else rng.randint(540, 560)
            )
        latest = LIBRARY_DATE - to_publication
        if application > latest:
            application = latest - dt.timedelta(days=rng.randrange(120))
        publication = application + to_publication
        grant: dt.date | None = max(
            publication + dt.timedelta(days=rng.randint(60, 200)),
            application + entry + dt.timedelta(days=rng.randint(420, 1300)),
        )
        if grant is not None and grant > LIBRARY_DATE:
            grant = None  # still under substantive examination
        priority = application - dt.timedelta(days=rng.randint(300, 364)) if pct else None
        return _Dates(
            "8" if pct else "1", application + entry, application, publication, grant, priority
        )

    def _inventors(self, rng: random.Random, key: str, field: str) -> list[str]:
        """The lab's principal investigator first, then students and colleagues."""
        inventors = [rng.choice(self.institutions.investigators[(key, field)])]
        wanted = rng.choices(_TEAM_SIZES, cum_weights=_TEAM_CUMULATIVE)[0]
        while len(inventors) < wanted:
            name = self.people.name(rng)
            if name not in inventors:
                inventors.append(name)
        return inventors

    def _award(self, rng: random.Random, spec: InstitutionSpec, dates: _Dates) -> str:
        if dates.grant is None or dates.grant.year > 2024 or rng.random() >= 0.05:
            return ""
        names = self.data.names
        national = [name for year, name in names.national_awards if year > dates.grant.year]
        if national and rng.random() < 0.4:
            return rng.choice(national)
        year = rng.randint(dates.grant.year + 1, 2025)
        return rng.choice(names.provincial_awards).format(province=spec.province, year=year)


def _slot_values(topic: Topic, rng: random.Random) -> dict[str, str]:
    chosen: dict[str, int] = {}
    values: dict[str, str] = {}
    for name, options in topic.slots.items():
        if name not in topic.linked:
            chosen[name] = rng.randrange(len(options))
            values[name] = options[chosen[name]]
    for name, base in topic.linked.items():
        values[name] = topic.slots[name][chosen[base]]
    return values


def _abstract(
    rng: random.Random, topic: Topic, values: dict[str, str], title: str, utility: bool
) -> str:
    """150 to 300 characters, in the order real abstracts follow."""
    lead = "本实用新型" if utility else "本发明"
    text = (
        f"{lead}公开了{title}。{topic.method.format_map(values)}。"
        f"{topic.effect.format_map(values)}。"
    )
    if len(text) < 150:
        text += f"可应用于{topic.scenarios.format_map(values)}"
    return text + rng.choice(topic.closings)


def _modes(rng: random.Random, status: LegalStatus, utility: bool) -> list[ConversionMode]:
    """How the institute offers the patent (nothing for a lapsed one)."""
    if status not in (LegalStatus.GRANTED, LegalStatus.PENDING):
        return []
    chances = {
        ConversionMode.TRANSFER: 0.8,
        ConversionMode.LICENCE: 0.65,
        # An open licence needs a granted patent.
        ConversionMode.OPEN_LICENCE: 0.25 if status is LegalStatus.GRANTED else 0.0,
        ConversionMode.INVESTMENT: 0.0 if utility else 0.12,
        ConversionMode.COOPERATION: 0.4,
    }
    modes = [mode for mode, chance in chances.items() if rng.random() < chance]
    return modes or [ConversionMode.TRANSFER]


def _open_licence_terms(rng: random.Random, utility: bool) -> str:
    fee = rng.choice((1, 2, 3) if utility else (2, 3, 5, 8, 10))
    share = rng.choice(("1", "1.5", "2", "3"))
    years = rng.choice((3, 5))
    return rng.choice(
        (
            f"开放许可使用费：首年{fee}万元，之后按产品销售额的{share}%提成；许可期限{years}年。",
            f"开放许可使用费：{fee}万元/年，按年支付；许可期限{years}年。",
            f"开放许可使用费：一次性支付{fee}万元；许可期限{years}年。",
            f"开放许可使用费：入门费{fee}万元，另按产品净销售额的{share}%逐年提成；"
            "许可期限至专利权期限届满。",
        )
    )


def _price_guide(rng: random.Random, modes: list[ConversionMode], utility: bool) -> str:
    if not modes:
        return ""
    if ConversionMode.TRANSFER in modes:
        if rng.random() < 0.3:
            return "转让价格面议"
        low = rng.choice((5, 8, 10, 15) if utility else (20, 30, 50, 80, 100, 150, 200))
        return f"转让参考价{low}万元～{low * 2}万元"
    if ConversionMode.LICENCE in modes:
        return "许可费面议，可分期支付"
    if ConversionMode.INVESTMENT in modes:
        return f"可作价入股，评估值约{rng.choice((200, 300, 500, 800))}万元"
    if ConversionMode.OPEN_LICENCE in modes:
        return "按开放许可声明的标准收费"
    return "面议"


def offers(row: Mapping[str, Any], mode: ConversionMode) -> bool:
    """Whether a patent row offers ``mode``."""
    return mode.value in row["conversion_modes"].split(LIST_SEPARATOR)
