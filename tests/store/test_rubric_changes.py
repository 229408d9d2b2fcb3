"""A rubric save (and apply) taken back puts rubrics and scores back (#16 items 2 and 4)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import select

from roadshow_desk.domain.enums import PatentType
from roadshow_desk.domain.models import Institution, Patent, Rubric
from roadshow_desk.domain.progress import Cancelled, Progress
from roadshow_desk.domain.rubric import Criterion, RubricSpec
from roadshow_desk.store import rubrics, scoring
from roadshow_desk.store.db import Database
from roadshow_desk.store.rubric_changes import save_rubric_undoably, take_back_rubric_change

TODAY = dt.date(2026, 12, 1)


def _scores(db: Database) -> dict[int, float | None]:
    with db.session() as session:
        return dict(session.execute(select(Patent.id, Patent.score)).all())


def _library(db: Database) -> None:
    with db.session() as session:
        institution = Institution(name="东南理工大学")
        session.add(institution)
        session.flush()
        for number, kind in enumerate([PatentType.INVENTION, PatentType.DESIGN] * 3):
            session.add(
                Patent(
                    application_no=f"20231000{number:04d}",
                    title=f"专利{number}",
                    patent_type=kind,
                    institution_id=institution.id,
                )
            )
        session.flush()
        scoring.rescore(session, scoring.active_spec(session), today=TODAY)


def test_apply_overwriting_the_active_rubric_is_taken_back_with_its_scores(db: Database) -> None:
    _library(db)
    before = _scores(db)
    with db.session() as session:
        standard = scoring.active_rubric(session)
        name, weights = standard.name, dict(standard.weights)
    spec = RubricSpec().with_weight(Criterion.DESIGN, 20)
    with db.session() as session:
        change = save_rubric_undoably(session, name, spec, activate=True, today=TODAY)
    assert change.rescored == 3 and _scores(db) != before
    with db.session() as session:
        assert take_back_rubric_change(session, change, today=TODAY) == 3
    assert _scores(db) == before
    with db.session() as session:
        assert dict(scoring.active_rubric(session).weights) == weights


def test_a_new_rubric_applied_then_taken_back_is_gone_and_the_old_one_active(db: Database) -> None:
    _library(db)
    before = _scores(db)
    with db.session() as session:
        standard_id = scoring.active_rubric(session).id
    spec = RubricSpec().with_weight(Criterion.DESIGN, 20)
    with db.session() as session:
        change = save_rubric_undoably(session, "严格", spec, activate=True, today=TODAY)
        assert change.previous_weights is None and change.previous_active_id == standard_id
    with db.session() as session:
        take_back_rubric_change(session, change, today=TODAY)
    with db.session() as session:
        assert [r.name for r in session.scalars(select(Rubric))] == [
            scoring.active_rubric(session).name
        ]
        assert scoring.active_rubric(session).id == standard_id
    assert _scores(db) == before
    with db.session() as session:  # saved again (redo), without activating: scores stay
        again = save_rubric_undoably(session, "严格", spec, today=TODAY)
        assert again.rescored == 0 and not again.activated
    assert _scores(db) == before


def test_an_apply_taken_back_in_steps_counts_them_and_a_cancel_keeps_it(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window's undo of Apply (``take_back_applied`` on a worker): slices of patents,
    counted on the progress; cancelled part of the way, the rubric and scores stay applied."""
    _library(db)
    before = _scores(db)
    with db.session() as session:
        rubric_before = dict(scoring.active_rubric(session).weights)
    spec = RubricSpec().with_weight(Criterion.DESIGN, 20)
    applied = rubrics.apply_rubric(db, "严格", spec, today=TODAY, step=2)
    after = _scores(db)
    assert applied.changed == 3 and after != before

    counted: list[tuple[int, int]] = []
    stopping = Progress(lambda done, total, _text: counted.append((done, total)))
    real = scoring.rescore

    def rescore_then_stop(*args: Any, **kwargs: Any) -> int:
        changed = real(*args, **kwargs)
        stopping.cancel()  # the user clicks Cancel after the first slice
        return changed

    monkeypatch.setattr(scoring, "rescore", rescore_then_stop)
    with pytest.raises(Cancelled):
        rubrics.take_back_applied(db, applied.change, today=TODAY, progress=stopping, step=2)
    monkeypatch.setattr(scoring, "rescore", real)
    assert counted == [(0, 6), (2, 6)]
    assert _scores(db) == after
    with db.session() as session:
        assert scoring.active_rubric(session).name == "严格"

    counted.clear()
    steps = Progress(lambda done, total, _text: counted.append((done, total)))
    assert rubrics.take_back_applied(db, applied.change, today=TODAY, progress=steps, step=4) == 3
    assert counted == [(0, 6), (4, 6), (6, 6)]
    assert _scores(db) == before
    with db.session() as session:
        assert dict(scoring.active_rubric(session).weights) == rubric_before
        assert "严格" not in [r.name for r in session.scalars(select(Rubric))]
