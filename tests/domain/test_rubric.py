"""Rubric arithmetic: points, thresholds, dates, breakdown text, stored form."""

from __future__ import annotations

import datetime as dt

import pytest

from roadshow_desk.domain.enums import LegalStatus, PatentType
from roadshow_desk.domain.rubric import (
    Criterion,
    PatentFacts,
    RubricSpec,
    Threshold,
    add_years,
    breakdown_text,
    offers_open_licence,
    score,
    score_lines,
    term_years,
)

TODAY = dt.date(2024, 6, 1)
STRONG = PatentFacts(
    patent_type=PatentType.INVENTION,
    legal_status=LegalStatus.GRANTED,
    application_date=dt.date(2013, 3, 1),
    overseas_family=True,
    claims_count=12,
    self_grade=4,
    interest=3,
)


def earned(spec: RubricSpec, facts: PatentFacts) -> set[Criterion]:
    return {line.criterion for line in score_lines(spec, facts, TODAY)}


def test_breakdown_of_a_strong_invention_adds_up() -> None:
    spec = RubricSpec()
    lines = score_lines(spec, STRONG, TODAY)
    assert breakdown_text(lines) == (
        "+15 invention, +10 granted, +10 overseas family, +10 maintained 11 years, "
        "+5 8 years of term left, +5 12 claims, +8 self-grade 4 stars, "
        "+6 3 enterprise intentions"
    )
    assert score(spec, STRONG, TODAY) == 15 + 10 + 10 + 10 + 5 + 5 + 8 + 6 == 69


def test_each_weight_moves_the_score_by_its_points() -> None:
    spec = RubricSpec()
    base = score(spec, STRONG, TODAY)
    assert score(spec.with_weight(Criterion.INVENTION, 20), STRONG, TODAY) == base + 5
    assert score(spec.with_weight(Criterion.SELF_GRADE, 3), STRONG, TODAY) == base + 4
    assert score(spec.with_weight(Criterion.ENTERPRISE_INTEREST, 0), STRONG, TODAY) == base - 6
    assert score(spec.with_weight(Criterion.DESIGN, 50), STRONG, TODAY) == base  # not a design
    negative = spec.with_weight(Criterion.GRANTED, -4)
    assert score(negative, STRONG, TODAY) == base - 14
    assert "-4 granted" in breakdown_text(score_lines(negative, STRONG, TODAY))


def test_thresholds() -> None:
    spec = RubricSpec()
    stricter = spec.with_threshold(Threshold.MAINTAINED_YEARS, 12)
    assert Criterion.MAINTAINED not in {
        line.criterion for line in score_lines(stricter, STRONG, TODAY)
    }
    fewer_claims = spec.with_threshold(Threshold.CLAIMS, 13)
    assert score(fewer_claims, STRONG, TODAY) == score(spec, STRONG, TODAY) - 5
    capped = spec.with_threshold(Threshold.INTEREST_CAP, 2)
    lines = {line.criterion: line for line in score_lines(capped, STRONG, TODAY)}
    assert lines[Criterion.ENTERPRISE_INTEREST].points == 4  # 3 intentions, 2 counted
    assert lines[Criterion.ENTERPRISE_INTEREST].reason == "3 enterprise intentions"
    longer = spec.with_threshold(Threshold.REMAINING_YEARS, 9)
    assert Criterion.REMAINING_TERM not in {
        line.criterion for line in score_lines(longer, STRONG, TODAY)
    }


def test_maintained_counts_from_the_anniversary() -> None:
    spec = RubricSpec()
    on_day = PatentFacts(
        patent_type=PatentType.INVENTION,
        legal_status=LegalStatus.GRANTED,
        application_date=dt.date(2014, 6, 1),
    )
    day_after = PatentFacts(
        patent_type=PatentType.INVENTION,
        legal_status=LegalStatus.GRANTED,
        application_date=dt.date(2014, 6, 2),
    )
    assert "+10 maintained 10 years" in breakdown_text(score_lines(spec, on_day, TODAY))
    assert "maintained" not in breakdown_text(score_lines(spec, day_after, TODAY))
    lapsed = PatentFacts(
        patent_type=PatentType.INVENTION,
        legal_status=LegalStatus.LAPSED,
        application_date=dt.date(2000, 1, 1),
    )
    assert score_lines(spec, lapsed, TODAY)[0].criterion == Criterion.INVENTION
    assert score(spec, lapsed, TODAY) == 15  # no status, maintained or term points


def test_remaining_term_by_patent_type() -> None:
    assert term_years(PatentType.INVENTION, dt.date(2020, 1, 1)) == 20
    assert term_years(PatentType.UTILITY_MODEL, dt.date(2020, 1, 1)) == 10
    assert term_years(PatentType.DESIGN, dt.date(2021, 5, 31)) == 10
    assert term_years(PatentType.DESIGN, dt.date(2021, 6, 1)) == 15
    spec = RubricSpec()

    def term_points(kind: PatentType, filed: dt.date) -> bool:
        facts = PatentFacts(
            patent_type=kind, legal_status=LegalStatus.GRANTED, application_date=filed
        )
        return Criterion.REMAINING_TERM in {
            line.criterion for line in score_lines(spec, facts, TODAY)
        }

    assert term_points(PatentType.UTILITY_MODEL, dt.date(2019, 6, 1))  # ends 2029-06-01: 5 left
    assert not term_points(PatentType.UTILITY_MODEL, dt.date(2019, 5, 31))
    spec = spec.with_threshold(Threshold.REMAINING_YEARS, 7)
    assert term_points(PatentType.DESIGN, dt.date(2021, 6, 1))  # 15 years: ends 2036
    assert not term_points(PatentType.DESIGN, dt.date(2021, 5, 31))  # 10 years: ends 2031


def test_leap_day_dates() -> None:
    assert add_years(dt.date(2024, 2, 29), -10) == dt.date(2014, 2, 28)
    assert add_years(dt.date(2024, 2, 29), 4) == dt.date(2028, 2, 29)
    facts = PatentFacts(
        patent_type=PatentType.INVENTION,
        legal_status=LegalStatus.GRANTED,
        application_date=dt.date(2014, 2, 28),
    )
    text = breakdown_text(score_lines(RubricSpec(), facts, dt.date(2024, 2, 29)))
    assert "maintained 10 years" in text


def test_categories_and_offers() -> None:
    facts = PatentFacts(
        strategic_emerging_industry="新一代信息技术产业",
        pledge_financing=True,
        patent_award="中国专利优秀奖",
        open_licence=True,
        self_grade=9,  # clamped to 5 stars
    )
    text = breakdown_text(score_lines(RubricSpec(), facts, TODAY))
    assert text == (
        "+10 strategic emerging industry (新一代信息技术产业), +5 pledge financing, "
        "+5 award: 中国专利优秀奖, +10 self-grade 5 stars, +5 open licence"
    )
    assert breakdown_text(score_lines(RubricSpec(), PatentFacts(), TODAY)) == "no points"
    assert offers_open_licence("transfer; open_licence", "")
    assert offers_open_licence("licence,open_licence", None)
    assert not offers_open_licence("licence; transfer", "")
    assert offers_open_licence("", "年费 5 万元，一次性支付")


def test_stored_form_round_trips_and_tolerates_garbage() -> None:
    spec = RubricSpec().with_weight(Criterion.CLAIMS, 7.5).with_threshold(Threshold.CLAIMS, 15)
    assert RubricSpec.from_json(spec.to_json()) == spec
    assert RubricSpec.from_json(None) == RubricSpec()
    read = RubricSpec.from_json(
        {
            "weights": {"claims": "lots", "invention": 1000, "bogus": 3, "design": True},
            "thresholds": {"claims": -5, "maintained_years": 8},
        }
    )
    assert read.weight(Criterion.INVENTION) == 100  # clamped
    assert read.weight(Criterion.CLAIMS) == 5  # default kept
    assert read.weight(Criterion.DESIGN) == 0
    assert read.threshold(Threshold.CLAIMS) == 1
    assert read.threshold(Threshold.MAINTAINED_YEARS) == 8


def test_maximum_of_the_default_rubric_is_100() -> None:
    assert RubricSpec().maximum() == 100
    assert RubricSpec().with_weight(Criterion.DESIGN, 40).maximum() == 125


@pytest.mark.parametrize("points", [0, 1, 2.5, 30])
def test_score_is_linear_in_self_grade(points: float) -> None:
    spec = RubricSpec({Criterion.SELF_GRADE: points})
    for stars in range(6):
        assert score(spec, PatentFacts(self_grade=stars), TODAY) == points * stars


def test_breakdown_reads_in_chinese() -> None:
    from roadshow_desk import i18n
    from roadshow_desk.ui.translations import install_translation_hook

    install_translation_hook("zh_CN")
    try:
        text = breakdown_text(score_lines(RubricSpec(), STRONG, TODAY))
    finally:
        i18n.install_hook(None)
    assert text == (
        "+15 发明，+10 有效，+10 海外同族，+10 已维持 11 年，+5 剩余保护期 8 年，"
        "+5 权利要求 12 项，+8 自评 4 星，+6 企业意向 3 条"
    )
