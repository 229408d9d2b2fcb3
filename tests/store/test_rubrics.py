"""The rubric dialog's functions: the preview's band counts and breakdown, and applying a
rubric a slice at a time with progress, where a cancel keeps nothing."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from sqlalchemy import select

from roadshow_desk.domain.enums import LegalStatus, PatentType
from roadshow_desk.domain.identifiers import check_character
from roadshow_desk.domain.models import Patent, PatentScore, Rubric, utcnow
from roadshow_desk.domain.progress import Cancelled, Progress
from roadshow_desk.domain.rubric import Criterion, RubricSpec
from roadshow_desk.store import rubrics, scoring
from roadshow_desk.store.db import Database
from roadshow_desk.store.facets import BAND_EDGES, NO_SCORE

TODAY = dt.date(2026, 5, 1)
KINDS = [PatentType.INVENTION, PatentType.UTILITY_MODEL, PatentType.DESIGN]
STATUSES = [LegalStatus.GRANTED, LegalStatus.PENDING, LegalStatus.LAPSED]


def number(serial: int) -> str:
    digits = f"20201{serial:07d}"
    return f"CN{digits}.{check_character(digits)}"


def band(score: float | None) -> int:
    if score is None:
        return NO_SCORE
    return next((b for b, edge in enumerate(BAND_EDGES) if score < edge), len(BAND_EDGES))


@pytest.fixture
def library(db: Database) -> Database:
    with db.session() as session:
        for n in range(23):
            session.add(
                Patent(
                    station="t",
                    application_no=number(n),
                    title=f"专利{n}",
                    patent_type=KINDS[n % 3],
                    legal_status=STATUSES[n % len(STATUSES)],
                    application_date=dt.date(2012 + n % 12, 3, 1),
                    technical_field="新能源" if n % 2 else "",
                    deleted_at=utcnow() if n == 22 else None,
                )
            )
        session.flush()
        scoring.rescore(session, today=TODAY)
    return db


def scores(database: Database) -> dict[int, float | None]:
    with database.session() as session:
        return dict(session.execute(select(PatentScore.patent_id, PatentScore.score)).all())


def active(database: Database) -> tuple[str, RubricSpec]:
    with database.session() as session:
        rubric = scoring.active_rubric(session)
        return rubric.name, RubricSpec.from_json(rubric.weights)


def test_band_counts_are_the_preview_scores_banded_without_writing(library: Database) -> None:
    spec = RubricSpec().with_weight(Criterion.INVENTION, 60)
    before = scores(library)
    with library.session() as session:
        fresh = session.execute(scoring.preview_scores(session, spec, TODAY)).all()
        counts = rubrics.band_counts(session, spec, TODAY)
    assert counts == dict(Counter(band(score) for _, score in fresh))
    assert sum(counts.values()) == 22  # the deleted patent is not counted
    assert any(key >= 3 for key in counts)  # 60 points for an invention reach the top bands
    assert scores(library) == before


def test_the_preview_carries_the_patents_breakdown(library: Database) -> None:
    spec = RubricSpec().with_weight(Criterion.INVENTION, 33)
    with library.session() as session:
        invention = session.scalar(
            select(Patent.id).where(Patent.patent_type == PatentType.INVENTION).limit(1)
        )
        preview = rubrics.rubric_preview(session, spec, invention, TODAY)
        nothing = rubrics.rubric_preview(session, spec, None, TODAY)
        gone = rubrics.rubric_preview(session, spec, 10_000, TODAY)
    assert preview.title is not None and preview.title.startswith("专利")
    assert any(line.points == 33 for line in preview.lines)
    assert preview.band_counts == nothing.band_counts
    assert (nothing.title, nothing.lines) == (None, [])
    assert (gone.title, gone.lines) == (None, [])


def test_apply_saves_activates_and_rescores_in_steps(library: Database) -> None:
    spec = RubricSpec().with_weight(Criterion.INVENTION, 40)
    before = scores(library)
    reports: list[tuple[int, int]] = []
    progress = Progress(lambda done, total, _text: reports.append((done, total)))
    applied = rubrics.apply_rubric(
        library, "宽松方案", spec, today=TODAY, progress=progress, step=5
    )
    assert reports[0] == (0, 23) and reports[-1] == (23, 23) and len(reports) == 6
    assert active(library) == ("宽松方案", spec)
    with library.session() as session:
        expected = dict(session.execute(scoring.preview_scores(session, spec, TODAY)).all())
        assert rubrics.rubric_spec(session, applied.rubric_id) == spec
    now = scores(library)
    assert {pid: now[pid] for pid in expected} == expected
    assert applied.changed == sum(1 for pid in now if now[pid] != before.get(pid)) > 0


def test_a_cancel_keeps_the_old_rubric_and_every_score(library: Database) -> None:
    before, rubric_before = scores(library), active(library)
    steps: list[int] = []

    def on_progress(done: int, _total: int, _text: str) -> None:
        steps.append(done)
        if done >= 10:  # the user presses Cancel after two slices were rescored
            progress.cancel()

    progress = Progress(on_progress)
    spec = RubricSpec().with_weight(Criterion.INVENTION, 40)
    with pytest.raises(Cancelled):
        rubrics.apply_rubric(library, "宽松方案", spec, today=TODAY, progress=progress, step=5)
    assert steps == [0, 5, 10]
    assert scores(library) == before
    assert active(library) == rubric_before
    with library.session() as session:
        assert session.scalar(select(Rubric.id).where(Rubric.name == "宽松方案")) is None


def test_a_rubric_without_a_name_is_one_sentence_and_changes_nothing(library: Database) -> None:
    before = scores(library)
    with pytest.raises(scoring.RubricError, match="needs a name"):
        rubrics.apply_rubric(library, "  ", RubricSpec().with_weight(Criterion.INVENTION, 40))
    assert scores(library) == before
