"""Saving a rubric (and making it the active one, rescoring the library) so that it can be
taken back: :func:`save_rubric_undoably` returns a :class:`RubricChange` with what the
rubrics were before, :func:`take_back_rubric_change` puts them back (the previous points of
an overwritten rubric, no rubric where the save created one, the previously active rubric)
and rescores under the rubric active again. Saving again is :func:`save_rubric_undoably`
once more. The rescore is :func:`roadshow_desk.store.scoring.rescore`'s one statement.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from roadshow_desk.domain.models import Rubric
from roadshow_desk.domain.rubric import RubricSpec
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


def take_back_rubric_change(
    session: Session, change: RubricChange, *, today: dt.date | None = None
) -> int:
    """Put the rubrics back as they were before ``change``; returns how many scores the
    rescore under the active rubric changed (0 when the change had not activated one)."""
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
    return scoring.rescore(session, scoring.active_spec(session), today=today)
