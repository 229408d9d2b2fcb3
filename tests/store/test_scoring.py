"""Scores in SQL equal the rubric's Python arithmetic; named rubrics; rescoring."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from sqlalchemy import func, select, text

from roadshow_desk.domain.enums import IntentionKind, LegalStatus, PatentType
from roadshow_desk.domain.identifiers import check_character
from roadshow_desk.domain.models import Enterprise, Intention, Patent, Rubric
from roadshow_desk.domain.rubric import (
    Criterion,
    PatentFacts,
    RubricSpec,
    Threshold,
    breakdown_text,
    score,
)
from roadshow_desk.store import scoring
from roadshow_desk.store.db import Database

TODAY = dt.date(2024, 2, 29)


def number(serial: int) -> str:
    digits = f"2019{1 + serial % 3}{serial:07d}"
    return f"CN{digits}.{check_character(digits)}"


def _random_patents(database: Database, count: int = 400, seed: int = 3) -> None:
    rng = random.Random(seed)
    edge_dates = [
        dt.date(2014, 2, 28),
        dt.date(2014, 3, 1),
        dt.date(2004, 2, 29),
        dt.date(2021, 5, 31),
        dt.date(2021, 6, 1),
        dt.date(2019, 2, 28),
        None,
    ]
    with database.session() as session:
        firm = Enterprise(name="测试企业", station="t")
        session.add(firm)
        for n in range(count):
            date = (
                rng.choice(edge_dates)
                if n % 3 == 0
                else dt.date(1995, 1, 1) + dt.timedelta(days=rng.randrange(30 * 365))
            )
            patent = Patent(
                station="t",
                application_no=number(n),
                title=f"专利{n}",
                patent_type=rng.choice([*PatentType, None]),
                legal_status=rng.choice(list(LegalStatus)),
                application_date=date,
                strategic_emerging_industry=rng.choice(["", "  ", "\u3000", "新材料产业"]),
                overseas_family=rng.random() < 0.3,
                pledge_financing=rng.random() < 0.2,
                patent_award=rng.choice(["", "中国专利金奖", " "]),
                claims_count=rng.choice([None, 0, 5, 9, 10, 11, 30]),
                self_grade=rng.choice([None, 0, 1, 3, 5, 7]),
                conversion_modes=rng.choice(
                    [
                        "",
                        "transfer",
                        "licence; open_licence",
                        "OPEN_LICENCE,transfer",
                        "open-licence",
                    ]
                ),
                open_licence_terms=rng.choice(["", "", "  ", "普通许可，年费 3 万元"]),
            )
            session.add(patent)
            session.flush()
            for _ in range(rng.choice([0, 0, 1, 2, 7])):
                session.add(
                    Intention(
                        station="t",
                        enterprise_id=firm.id,
                        patent_id=patent.id,
                        kind=rng.choice(list(IntentionKind)),
                        deleted_at=dt.datetime(2024, 1, 1) if rng.random() < 0.1 else None,
                    )
                )


def _python_scores(database: Database, spec: RubricSpec) -> dict[int, float]:
    with database.session() as session:
        return {
            patent.id: score(
                spec, PatentFacts.of(patent, scoring.interest_count(session, patent.id)), TODAY
            )
            for patent in session.scalars(select(Patent))
        }


def _sql_scores(database: Database) -> dict[int, float]:
    with database.session() as session:
        return {pid: value for pid, value in session.execute(select(Patent.id, Patent.score))}


SPECS = [
    RubricSpec(),
    RubricSpec()
    .with_weight(Criterion.DESIGN, 7)
    .with_weight(Criterion.GRANTED, -3)
    .with_weight(Criterion.SELF_GRADE, 2.5)
    .with_threshold(Threshold.MAINTAINED_YEARS, 5)
    .with_threshold(Threshold.REMAINING_YEARS, 12)
    .with_threshold(Threshold.INTEREST_CAP, 1)
    .with_threshold(Threshold.CLAIMS, 11),
    RubricSpec({}),  # every weight zero
]


@pytest.mark.parametrize("spec", SPECS)
def test_sql_scores_equal_the_rubric_arithmetic(db: Database, spec: RubricSpec) -> None:
    _random_patents(db)
    with db.session() as session:
        changed = scoring.rescore(session, spec, today=TODAY)
    expected = _python_scores(db, spec)
    got = _sql_scores(db)
    assert changed == sum(1 for value in expected.values() if value is not None)
    assert got.keys() == expected.keys()
    for patent_id, value in expected.items():
        assert got[patent_id] == pytest.approx(value, abs=1e-9), patent_id
    assert len(set(got.values())) > (1 if spec.to_json()["weights"]["invention"] else 0)


def test_rescoring_after_a_weight_change_writes_only_what_changed(db: Database) -> None:
    _random_patents(db, 200)
    with db.session() as session:
        scoring.rescore(session, RubricSpec(), today=TODAY)
        stamps = dict(session.execute(select(Patent.id, Patent.updated_at)).all())
        assert scoring.rescore(session, RubricSpec(), today=TODAY) == 0
        designs = session.scalar(
            select(func.count(Patent.id)).where(Patent.patent_type == PatentType.DESIGN)
        )
        spec = RubricSpec().with_weight(Criterion.DESIGN, 9)
        assert scoring.rescore(session, spec, today=TODAY) == designs
    with db.session() as session:
        # A score is derived data: no patent looks edited to the bundle merge.
        assert dict(session.execute(select(Patent.id, Patent.updated_at)).all()) == stamps


def test_named_rubrics(db: Database) -> None:
    with db.session() as session:
        standard = scoring.active_rubric(session)
        assert standard.is_active and RubricSpec.from_json(standard.weights) == RubricSpec()
        strict = scoring.save_rubric(
            session, " 严格  筛选 ", RubricSpec().with_weight(Criterion.CLAIMS, 20)
        )
        assert strict.name == "严格 筛选" and not strict.is_active
        scoring.activate_rubric(session, strict.id)
        assert scoring.active_spec(session).weight(Criterion.CLAIMS) == 20
        assert [r.name for r in scoring.list_rubrics(session)].count("严格 筛选") == 1
        scoring.save_rubric(session, "严格 筛选", RubricSpec().with_weight(Criterion.CLAIMS, 1))
        assert scoring.active_spec(session).weight(Criterion.CLAIMS) == 1
        scoring.delete_rubric(session, strict.id)
        assert scoring.active_rubric(session).id == standard.id
        with pytest.raises(scoring.RubricError):
            scoring.delete_rubric(session, standard.id)
        with pytest.raises(scoring.RubricError):
            scoring.save_rubric(session, "  ", RubricSpec())
        assert session.scalar(select(func.count(Rubric.id))) == 1


def test_breakdown_of_a_stored_patent(db: Database) -> None:
    with db.session() as session:
        firm = Enterprise(name="宁德某某", station="t")
        patent = Patent(
            station="t",
            application_no=number(1),
            title="一种电池",
            patent_type=PatentType.INVENTION,
            legal_status=LegalStatus.GRANTED,
            application_date=dt.date(2012, 5, 1),
            claims_count=10,
        )
        session.add_all([firm, patent])
        session.flush()
        for kind in (IntentionKind.LICENCE, IntentionKind.TRANSFER, IntentionKind.NO_DEMAND):
            session.add(Intention(station="t", enterprise=firm, patent=patent, kind=kind))
        session.flush()
        lines = scoring.breakdown(session, patent.id, today=TODAY)
        assert breakdown_text(lines) == (
            "+15 invention, +10 granted, +10 maintained 11 years, +5 8 years of term left, "
            "+5 10 claims, +4 2 enterprise intentions"
        )
        scoring.rescore(session, today=TODAY)
        session.refresh(patent)
        assert patent.score == 49


def test_demo_library_comes_indexed_and_scored(demo_db: Database) -> None:
    with demo_db.session() as session:
        unscored = session.scalar(select(func.count(Patent.id)).where(Patent.score.is_(None)))
        assert unscored == 0
        assert scoring.rescore(session) == 0  # already current under the active rubric
        if demo_db.path is None:  # PostgreSQL: written patents are indexed by the trigger
            pending = session.execute(text("SELECT count(*) FROM patent_search_pending")).scalar()
            indexed = session.execute(text("SELECT count(*) FROM patent_search_tokens")).scalar()
            patents = session.scalar(
                select(func.count(Patent.id)).where(Patent.deleted_at.is_(None))
            )
            assert pending == 0 and indexed == patents
            return
        pending = session.execute(text("SELECT count(*) FROM patent_search_pending")).scalar()
        indexed = session.execute(text("SELECT count(*) FROM patent_search_text")).scalar()
        patents = session.scalar(select(func.count(Patent.id)))
    assert pending == 0 and indexed == patents
