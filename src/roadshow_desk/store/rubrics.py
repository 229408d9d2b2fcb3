"""What the rubric dialog reads and does, without Qt: the live preview and applying a rubric.

:func:`rubric_preview` is how the library's scores would spread over the score bands under
a rubric not yet saved, and one patent's breakdown (in SQL and for one patent, without
writing). :func:`apply_rubric` saves a rubric under its name, makes it the active one and
rescores every patent a slice of ids at a time, so a worker can report progress and stop:
a cancel rolls everything back (the old rubric stays active, every score stays as it was).
:func:`take_back_applied` undoes it the same way (the window's Ctrl+Z, on a worker).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import ColumnElement, case, func, select
from sqlalchemy.orm import Session

from roadshow_desk.domain.models import Patent, Rubric
from roadshow_desk.domain.progress import NO_PROGRESS, Progress
from roadshow_desk.domain.rubric import RubricSpec, ScoreLine
from roadshow_desk.store import scoring
from roadshow_desk.store.db import Database
from roadshow_desk.store.facets import NO_SCORE, band_of
from roadshow_desk.store.rubric_changes import (
    RubricChange,
    rescore_stepwise,
    rubrics_before,
    take_back_rubric_change,
)

RESCORE_STEP = 5000
"""Patents rescored per step of :func:`apply_rubric` and :func:`take_back_applied` (one
statement each)."""


@dataclass(frozen=True)
class RubricPreview:
    """The rubric dialog's live view of a rubric that is not saved."""

    band_counts: dict[int, int]
    """Live patents per score band (:data:`~roadshow_desk.store.facets.NO_SCORE` or 0–4)."""
    title: str | None
    """The chosen patent's title (None: no patent, or it no longer exists)."""
    lines: list[ScoreLine]
    """The points the chosen patent earns under the rubric."""


@dataclass(frozen=True)
class AppliedRubric:
    rubric_id: int
    changed: int
    """How many scores changed (new ones included)."""
    change: RubricChange
    """What the rubrics were before, to take the apply back (undo)."""


def band_counts(session: Session, spec: RubricSpec, today: dt.date) -> dict[int, int]:
    """How many live patents would fall in each score band under ``spec`` (bands with none
    are left out); nothing is written."""
    fresh = scoring.preview_scores(session, spec, today).subquery()
    whens: list[tuple[ColumnElement[bool], ColumnElement[int] | int]] = [
        (fresh.c.score.is_(None), NO_SCORE)
    ]
    band = case(*whens, else_=band_of(fresh.c.score))
    return {
        int(key): int(n) for key, n in session.execute(select(band, func.count()).group_by(band))
    }


def rubric_preview(
    session: Session, spec: RubricSpec, patent_id: int | None, today: dt.date
) -> RubricPreview:
    """The band counts under ``spec`` and the breakdown of ``patent_id`` (if any)."""
    counts = band_counts(session, spec, today)
    if patent_id is None:
        return RubricPreview(counts, None, [])
    title = session.scalar(select(Patent.title).where(Patent.id == patent_id))
    lines = scoring.breakdown(session, patent_id, spec, today) if title is not None else []
    return RubricPreview(counts, title, lines)


def rubric_spec(session: Session, rubric_id: int) -> RubricSpec:
    """The points and thresholds of a saved rubric (the standard ones if it is gone)."""
    rubric = session.get(Rubric, rubric_id)
    return RubricSpec.from_json(rubric.weights if rubric else None)


def apply_rubric(
    database: Database,
    name: str,
    spec: RubricSpec,
    *,
    today: dt.date | None = None,
    progress: Progress = NO_PROGRESS,
    step: int | None = None,
) -> AppliedRubric:
    """Save ``spec`` as the rubric ``name``, make it active and rescore every patent, in one
    transaction, :data:`RESCORE_STEP` patents (or ``step``) at a time; ``progress`` counts
    patents and may cancel (then nothing is kept)."""
    with database.session() as session:
        remember = rubrics_before(session)
        rubric = scoring.save_rubric(session, name, spec, activate=True)
        changed = rescore_stepwise(
            session, spec, step=step or RESCORE_STEP, today=today, progress=progress
        )
        return AppliedRubric(rubric.id, changed, remember(rubric, activated=True, rescored=changed))


def take_back_applied(
    database: Database,
    change: RubricChange,
    *,
    today: dt.date | None = None,
    progress: Progress = NO_PROGRESS,
    step: int | None = None,
) -> int:
    """Undo an :func:`apply_rubric` (its ``change``): the rubrics as they were and every
    patent rescored under the rubric active again, in one transaction, :data:`RESCORE_STEP`
    patents (or ``step``) at a time; ``progress`` may cancel (then nothing is kept). How many
    scores changed."""
    with database.session() as session:
        return take_back_rubric_change(
            session, change, today=today, progress=progress, step=step or RESCORE_STEP
        )
