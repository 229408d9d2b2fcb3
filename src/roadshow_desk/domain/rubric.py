"""The screening rubric: which facts of a patent earn points, and how many.

A rubric is a set of *criteria* with editable points and a few editable thresholds. Each
criterion is a yes/no test on the patent (``Criterion.INVENTION``: it is an invention
patent) except three that scale: the institute's self-grade (points per star), and
enterprise interest (points per recorded intention, up to a cap). A patent's score is the
sum of the points it earns; its *breakdown* lists them ("+15 invention, +10 maintained 11
years, …").

The CNIPA "high-value invention patent" categories are criteria of their own (strategic
emerging industry, overseas family, maintained more than N years, pledge financing, patent
award), beside legal status, remaining term, patent type, claims, self-grade, open licence
and enterprise interest. "Maintained" and "remaining term" count from the application date,
as patent terms do (invention 20 years, utility model 10, design 15 from 2021-06-01, else 10).

The same arithmetic runs in two places: :func:`score_lines` here (for the breakdown, one
patent at a time) and one SQL ``UPDATE`` in :mod:`roadshow_desk.store.scoring` (for all
patents at once); the date tests are expressed as cut-off dates (:func:`cutoffs`) so both
compare the application date with the same dates. A test checks they agree.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from roadshow_desk.domain.enums import ConversionMode, LegalStatus, PatentType
from roadshow_desk.i18n import QT_TRANSLATE_NOOP, fmt, translate

CONTEXT = "Rubric"
SCHEMA_VERSION = 1

#: Designs filed from this date are protected 15 years (10 before).
DESIGN_15_YEARS_FROM = dt.date(2021, 6, 1)
IN_FORCE = (LegalStatus.GRANTED,)
ALIVE = (LegalStatus.GRANTED, LegalStatus.PENDING)


class Criterion(enum.StrEnum):
    """What earns points (values are stored in the rubric's JSON)."""

    INVENTION = "invention"
    UTILITY_MODEL = "utility_model"
    DESIGN = "design"
    GRANTED = "granted"
    PENDING = "pending"
    STRATEGIC_EMERGING = "strategic_emerging"
    OVERSEAS_FAMILY = "overseas_family"
    MAINTAINED = "maintained"
    PLEDGE_FINANCING = "pledge_financing"
    PATENT_AWARD = "patent_award"
    REMAINING_TERM = "remaining_term"
    CLAIMS = "claims"
    SELF_GRADE = "self_grade"  # per star
    OPEN_LICENCE = "open_licence"
    ENTERPRISE_INTEREST = "enterprise_interest"  # per intention, up to a cap


class Threshold(enum.StrEnum):
    MAINTAINED_YEARS = "maintained_years"
    REMAINING_YEARS = "remaining_years"
    CLAIMS = "claims"
    INTEREST_CAP = "interest_cap"


#: Criteria whose points are multiplied by a count (stars, intentions).
PER_UNIT = (Criterion.SELF_GRADE, Criterion.ENTERPRISE_INTEREST)

#: The CNIPA high-value categories among the criteria.
HIGH_VALUE = (
    Criterion.STRATEGIC_EMERGING,
    Criterion.OVERSEAS_FAMILY,
    Criterion.MAINTAINED,
    Criterion.PLEDGE_FINANCING,
    Criterion.PATENT_AWARD,
)

DEFAULT_WEIGHTS: dict[Criterion, float] = {
    Criterion.INVENTION: 15,
    Criterion.UTILITY_MODEL: 5,
    Criterion.DESIGN: 0,
    Criterion.GRANTED: 10,
    Criterion.PENDING: 3,
    Criterion.STRATEGIC_EMERGING: 10,
    Criterion.OVERSEAS_FAMILY: 10,
    Criterion.MAINTAINED: 10,
    Criterion.PLEDGE_FINANCING: 5,
    Criterion.PATENT_AWARD: 5,
    Criterion.REMAINING_TERM: 5,
    Criterion.CLAIMS: 5,
    Criterion.SELF_GRADE: 2,
    Criterion.OPEN_LICENCE: 5,
    Criterion.ENTERPRISE_INTEREST: 2,
}
DEFAULT_THRESHOLDS: dict[Threshold, int] = {
    Threshold.MAINTAINED_YEARS: 10,
    Threshold.REMAINING_YEARS: 5,
    Threshold.CLAIMS: 10,
    Threshold.INTEREST_CAP: 5,
}
THRESHOLD_RANGES: dict[Threshold, tuple[int, int]] = {
    Threshold.MAINTAINED_YEARS: (1, 20),
    Threshold.REMAINING_YEARS: (0, 20),
    Threshold.CLAIMS: (1, 100),
    Threshold.INTEREST_CAP: (1, 100),
}
WEIGHT_RANGE = (-100.0, 100.0)

_CRITERION_LABELS: dict[Criterion, str] = {
    Criterion.INVENTION: QT_TRANSLATE_NOOP("Rubric", "Invention patent"),
    Criterion.UTILITY_MODEL: QT_TRANSLATE_NOOP("Rubric", "Utility model"),
    Criterion.DESIGN: QT_TRANSLATE_NOOP("Rubric", "Design"),
    Criterion.GRANTED: QT_TRANSLATE_NOOP("Rubric", "Granted, in force"),
    Criterion.PENDING: QT_TRANSLATE_NOOP("Rubric", "Pending application"),
    Criterion.STRATEGIC_EMERGING: QT_TRANSLATE_NOOP("Rubric", "Strategic emerging industry"),
    Criterion.OVERSEAS_FAMILY: QT_TRANSLATE_NOOP("Rubric", "Overseas family"),
    Criterion.MAINTAINED: QT_TRANSLATE_NOOP("Rubric", "Maintained for many years"),
    Criterion.PLEDGE_FINANCING: QT_TRANSLATE_NOOP("Rubric", "Pledge financing"),
    Criterion.PATENT_AWARD: QT_TRANSLATE_NOOP("Rubric", "Patent award"),
    Criterion.REMAINING_TERM: QT_TRANSLATE_NOOP("Rubric", "Long remaining term"),
    Criterion.CLAIMS: QT_TRANSLATE_NOOP("Rubric", "Many claims"),
    Criterion.SELF_GRADE: QT_TRANSLATE_NOOP("Rubric", "Self-grade (per star)"),
    Criterion.OPEN_LICENCE: QT_TRANSLATE_NOOP("Rubric", "Open licence offered"),
    Criterion.ENTERPRISE_INTEREST: QT_TRANSLATE_NOOP(
        "Rubric", "Enterprise interest (per intention)"
    ),
}
_THRESHOLD_LABELS: dict[Threshold, str] = {
    Threshold.MAINTAINED_YEARS: QT_TRANSLATE_NOOP("Rubric", "Maintained at least (years)"),
    Threshold.REMAINING_YEARS: QT_TRANSLATE_NOOP("Rubric", "Remaining term at least (years)"),
    Threshold.CLAIMS: QT_TRANSLATE_NOOP("Rubric", "Claims at least"),
    Threshold.INTEREST_CAP: QT_TRANSLATE_NOOP("Rubric", "Intentions counted at most"),
}


def criterion_label(criterion: Criterion) -> str:
    """The criterion's name in the user's language (the rubric dialog's rows)."""
    return translate(CONTEXT, _CRITERION_LABELS[criterion])


def threshold_label(threshold: Threshold) -> str:
    return translate(CONTEXT, _THRESHOLD_LABELS[threshold])


# --------------------------------------------------------------------------- the rubric


@dataclass(frozen=True)
class RubricSpec:
    """Points per criterion and the thresholds (immutable: edits make a new spec)."""

    weights: Mapping[Criterion, float] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    thresholds: Mapping[Threshold, int] = field(default_factory=lambda: dict(DEFAULT_THRESHOLDS))

    def weight(self, criterion: Criterion) -> float:
        return float(self.weights.get(criterion, 0.0))

    def threshold(self, threshold: Threshold) -> int:
        return int(self.thresholds.get(threshold, DEFAULT_THRESHOLDS[threshold]))

    def with_weight(self, criterion: Criterion, points: float) -> RubricSpec:
        low, high = WEIGHT_RANGE
        weights = dict(self.weights)
        weights[criterion] = min(max(float(points), low), high)
        return replace(self, weights=weights)

    def with_threshold(self, threshold: Threshold, value: int) -> RubricSpec:
        low, high = THRESHOLD_RANGES[threshold]
        thresholds = dict(self.thresholds)
        thresholds[threshold] = min(max(int(value), low), high)
        return replace(self, thresholds=thresholds)

    def maximum(self) -> float:
        """The highest score a patent can reach (for score bands and bars)."""
        best = {
            criterion: max(self.weight(criterion), 0.0)
            for criterion in Criterion
            if criterion not in PER_UNIT
        }
        types = max(
            best.pop(Criterion.INVENTION),
            best.pop(Criterion.UTILITY_MODEL),
            best.pop(Criterion.DESIGN),
        )
        status = max(best.pop(Criterion.GRANTED), best.pop(Criterion.PENDING))
        per_unit = 5 * max(self.weight(Criterion.SELF_GRADE), 0.0) + self.threshold(
            Threshold.INTEREST_CAP
        ) * max(self.weight(Criterion.ENTERPRISE_INTEREST), 0.0)
        return types + status + sum(best.values()) + per_unit

    def to_json(self) -> dict[str, Any]:
        return {
            "version": SCHEMA_VERSION,
            "weights": {str(c): self.weight(c) for c in Criterion},
            "thresholds": {str(t): self.threshold(t) for t in Threshold},
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | None) -> RubricSpec:
        """Read a stored rubric; missing or unknown entries fall back to the defaults."""
        spec = cls()
        if not isinstance(data, Mapping):
            return spec
        weights = data.get("weights")
        if isinstance(weights, Mapping):
            for key, value in weights.items():
                if key in Criterion.__members__.values() and _is_number(value):
                    spec = spec.with_weight(Criterion(key), float(value))
        thresholds = data.get("thresholds")
        if isinstance(thresholds, Mapping):
            for key, value in thresholds.items():
                if key in Threshold.__members__.values() and _is_number(value):
                    spec = spec.with_threshold(Threshold(key), int(value))
        return spec


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


# --------------------------------------------------------------------------- dates


def add_years(day: dt.date, years: int) -> dt.date:
    """``day`` moved by whole years (29 February becomes 28 February in other years)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def term_years(patent_type: PatentType | str | None, application_date: dt.date) -> int:
    """Years of protection from the application date."""
    if patent_type == PatentType.INVENTION:
        return 20
    if patent_type == PatentType.DESIGN:
        return 15 if application_date >= DESIGN_15_YEARS_FROM else 10
    return 10


def years_between(start: dt.date, end: dt.date) -> int:
    """Whole years from ``start`` to ``end`` (anniversaries count)."""
    years = end.year - start.year
    if (end.month, end.day) < (start.month, start.day):
        years -= 1
    return years


@dataclass(frozen=True)
class Cutoffs:
    """The date tests of a rubric on a given day, as application-date bounds.

    Maintained: ``application_date <= maintained_before``. Remaining term of ``T``-year
    patents: ``application_date >= remaining_from[T]``.
    """

    maintained_before: dt.date
    remaining_from: Mapping[int, dt.date]


def cutoffs(spec: RubricSpec, today: dt.date) -> Cutoffs:
    maintained = add_years(today, -spec.threshold(Threshold.MAINTAINED_YEARS))
    remaining = spec.threshold(Threshold.REMAINING_YEARS)
    return Cutoffs(
        maintained_before=maintained,
        remaining_from={years: add_years(today, remaining - years) for years in (10, 15, 20)},
    )


# --------------------------------------------------------------------------- scoring


@dataclass(frozen=True)
class PatentFacts:
    """What the rubric looks at (from a ``Patent`` and its intentions)."""

    patent_type: PatentType | None = None
    legal_status: LegalStatus = LegalStatus.UNKNOWN
    application_date: dt.date | None = None
    strategic_emerging_industry: str = ""
    overseas_family: bool = False
    pledge_financing: bool = False
    patent_award: str = ""
    claims_count: int | None = None
    self_grade: int | None = None
    open_licence: bool = False
    interest: int = 0

    @classmethod
    def of(cls, patent: Any, interest: int = 0) -> PatentFacts:
        """Facts of a ``Patent`` (any object with its attributes)."""
        return cls(
            patent_type=patent.patent_type,
            legal_status=patent.legal_status or LegalStatus.UNKNOWN,
            application_date=patent.application_date,
            strategic_emerging_industry=patent.strategic_emerging_industry or "",
            overseas_family=bool(patent.overseas_family),
            pledge_financing=bool(patent.pledge_financing),
            patent_award=patent.patent_award or "",
            claims_count=patent.claims_count,
            self_grade=patent.self_grade,
            open_licence=offers_open_licence(patent.conversion_modes, patent.open_licence_terms),
            interest=interest,
        )


def offers_open_licence(conversion_modes: str | None, open_licence_terms: str | None) -> bool:
    """Whether the institute offers an open licence: the mode is listed, or terms are written.

    ``conversion_modes`` holds ``ConversionMode`` values (``"transfer; open_licence"``); the
    test is the same cheap one the SQL side makes (the value occurs in the text).
    """
    return ConversionMode.OPEN_LICENCE.value in (conversion_modes or "") or bool(open_licence_terms)


@dataclass(frozen=True)
class ScoreLine:
    """One criterion a patent earned: its points and the reason shown to the user."""

    criterion: Criterion
    points: float
    reason: str

    def text(self) -> str:
        return f"{format_points(self.points)} {self.reason}"


def format_points(points: float) -> str:
    """``+20``, ``-5``, ``+2.5``."""
    return f"{points:+g}"


def score_lines(spec: RubricSpec, facts: PatentFacts, today: dt.date) -> list[ScoreLine]:
    """The criteria a patent earns points on (zero-point ones left out), in rubric order."""
    earned: list[tuple[Criterion, float, str]] = []

    def add(criterion: Criterion, reason: str, units: int = 1) -> None:
        points = spec.weight(criterion) * units
        if points:
            earned.append((criterion, points, reason))

    kind = (
        {
            PatentType.INVENTION: Criterion.INVENTION,
            PatentType.UTILITY_MODEL: Criterion.UTILITY_MODEL,
            PatentType.DESIGN: Criterion.DESIGN,
        }.get(facts.patent_type)
        if facts.patent_type
        else None
    )
    if kind is not None:
        add(kind, translate(CONTEXT, _SHORT[kind]))
    if facts.legal_status == LegalStatus.GRANTED:
        add(Criterion.GRANTED, translate("Rubric", "granted"))
    elif facts.legal_status == LegalStatus.PENDING:
        add(Criterion.PENDING, translate("Rubric", "pending"))
    if facts.strategic_emerging_industry:
        add(
            Criterion.STRATEGIC_EMERGING,
            fmt(
                translate("Rubric", "strategic emerging industry (%1)"),
                facts.strategic_emerging_industry,
            ),
        )
    if facts.overseas_family:
        add(Criterion.OVERSEAS_FAMILY, translate("Rubric", "overseas family"))
    limits = cutoffs(spec, today)
    filed = facts.application_date
    if filed is not None and facts.legal_status in IN_FORCE and filed <= limits.maintained_before:
        years = years_between(filed, today)
        add(Criterion.MAINTAINED, translate("Rubric", "maintained %n years", None, years))
    if facts.pledge_financing:
        add(Criterion.PLEDGE_FINANCING, translate("Rubric", "pledge financing"))
    if facts.patent_award:
        add(
            Criterion.PATENT_AWARD,
            fmt(translate("Rubric", "award: %1"), facts.patent_award),
        )
    if filed is not None and facts.legal_status in ALIVE:
        term = term_years(facts.patent_type, filed)
        if filed >= limits.remaining_from[term]:
            left = years_between(today, add_years(filed, term))
            add(Criterion.REMAINING_TERM, translate("Rubric", "%n years of term left", None, left))
    claims = facts.claims_count
    if claims is not None and claims >= spec.threshold(Threshold.CLAIMS):
        add(Criterion.CLAIMS, translate("Rubric", "%n claims", None, claims))
    if facts.self_grade:
        stars = min(max(facts.self_grade, 0), 5)
        add(Criterion.SELF_GRADE, translate("Rubric", "self-grade %n stars", None, stars), stars)
    if facts.open_licence:
        add(Criterion.OPEN_LICENCE, translate("Rubric", "open licence"))
    interest = facts.interest
    if interest > 0:
        counted = min(interest, spec.threshold(Threshold.INTEREST_CAP))
        reason = translate("Rubric", "%n enterprise intentions", None, interest)
        add(Criterion.ENTERPRISE_INTEREST, reason, counted)
    return [ScoreLine(criterion, points, reason) for criterion, points, reason in earned]


_SHORT: dict[Criterion, str] = {
    Criterion.INVENTION: QT_TRANSLATE_NOOP("Rubric", "invention"),
    Criterion.UTILITY_MODEL: QT_TRANSLATE_NOOP("Rubric", "utility model"),
    Criterion.DESIGN: QT_TRANSLATE_NOOP("Rubric", "design"),
}


def score(spec: RubricSpec, facts: PatentFacts, today: dt.date) -> float:
    """The patent's score: the sum of its points."""
    return float(sum(line.points for line in score_lines(spec, facts, today)))


def breakdown_text(lines: list[ScoreLine]) -> str:
    """``"+15 invention, +10 maintained 11 years"`` (translated separator)."""
    if not lines:
        return translate("Rubric", "no points")
    return translate("Rubric", ", ").join(line.text() for line in lines)
