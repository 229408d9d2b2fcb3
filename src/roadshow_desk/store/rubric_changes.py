"""Saving a rubric (and making it the active one, rescoring the library) so that it can be
taken back: :func:`save_rubric_undoably` returns a :class:`RubricChange` with what the
rubrics were before, :func:`take_back_rubric_change` puts them back (the previous points of
an overwritten rubric, no rubric where the save created one, the previously active rubric)
and rescores under the rubric active again. Saving again is :func:`save_rubric_undoably`
once more. The rescore is :func:`roadshow_desk.store.scoring.rescore`'s one statement, or,
for a worker that reports progress and may be cancelled, :func:`rescore_stepwise`'s slices
of patents (still one transaction: a cancel keeps nothing).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from roadshow_desk.domain.models import Patent, Rubric
from roadshow_desk.domain.progress import NO_PROGRESS, Progress
from roadshow_desk.domain.rubric import RubricSpec
from roadshow_desk.i18n import translate
from roadshow_desk.store import scoring


@dataclasses.dataclass(frozen=True)
class RubricChange:
    """One save of a rubric, and what it replaced."""

    rubric_id: int
    name: str
    activated: bool
    previous_weights: dict[str, Any] | None
    """The overwritten rubric's points; None when the save created the rubric."""
    previous_active_id: int | None
    rescored: int = 0
    """How many scores the save changed (0 when it did not activate the rubric)."""


def save_rubric_undoably(
    session: Session,
    name: str,
    spec: RubricSpec,
    *,
    activate: bool = False,
    today: dt.date | None = None,
) -> RubricChange:
    """:func:`~roadshow_desk.store.scoring.save_rubric` (raises its
    :class:`~roadshow_desk.store.scoring.RubricError`); when ``activate``, the rubric becomes
    the active one and every patent is rescored."""
    remember = rubrics_before(session)
    rubric = scoring.save_rubric(session, name, spec, activate=activate)
    rescored = scoring.rescore(session, spec, today=today) if activate else 0
    return remember(rubric, activated=activate, rescored=rescored)


def rubrics_before(session: Session) -> Callable[..., RubricChange]:
    """Note the rubrics as they are now, before a save; the function returned makes the
    :class:`RubricChange` of the saved ``rubric`` (``activated``, ``rescored`` as keywords).
    The rubric dialog's worker (:func:`roadshow_desk.store.rubrics.apply_rubric`) uses it
    too, so what it did can be taken back the same way."""
    previous_active_id = session.scalar(select(Rubric.id).where(Rubric.is_active.is_(True)))
    before = {rubric.id: dict(rubric.weights or {}) for rubric in session.scalars(select(Rubric))}

    def change(rubric: Rubric, *, activated: bool, rescored: int) -> RubricChange:
        return RubricChange(
            rubric_id=rubric.id,
            name=rubric.name,
            activated=activated,
            previous_weights=before.get(rubric.id),
            previous_active_id=previous_active_id,
            rescored=rescored,
        )

    return change


def rescore_stepwise(
    session: Session,
    spec: RubricSpec,
    *,
    step: int,
    today: dt.date | None = None,
    progress: Progress = NO_PROGRESS,
) -> int:
    """Rescore every patent under ``spec``, ``step`` patents per statement, counting them on
    ``progress`` (which raises :class:`~roadshow_desk.domain.progress.Cancelled` when asked
    to stop: the caller's transaction then keeps nothing); how many scores changed."""
    day = today or dt.date.today()
    size = max(1, step)
    ids = list(session.scalars(select(Patent.id).order_by(Patent.id)))
    progress.start(len(ids), translate("Rubric", "Recomputing the scores…"))
    changed = 0
    for start in range(0, len(ids), size):
        part = ids[start : start + size]
        changed += scoring.rescore(session, spec, today=day, patent_ids=part)
        progress.step(len(part))
    return changed


def take_back_rubric_change(
    session: Session,
    change: RubricChange,
    *,
    today: dt.date | None = None,
    progress: Progress = NO_PROGRESS,
    step: int | None = None,
) -> int:
    """Put the rubrics back as they were before ``change``; returns how many scores the
    rescore under the active rubric changed (0 when the change had not activated one).
    With ``step``, the rescore goes :func:`rescore_stepwise` (``progress`` may cancel)."""
    rubric = session.get(Rubric, change.rubric_id)
    if rubric is not None:
        if change.previous_weights is None:
            session.delete(rubric)
        else:
            rubric.weights = change.previous_weights
        session.flush()
    if not change.activated:
        return 0
    previous = (
        session.get(Rubric, change.previous_active_id)
        if change.previous_active_id is not None
        else None
    )
    if previous is not None:
        scoring.activate_rubric(session, previous.id)
    spec = scoring.active_spec(session)
    if step is None:
        return scoring.rescore(session, spec, today=today)
    return rescore_stepwise(session, spec, step=step, today=today, progress=progress)
