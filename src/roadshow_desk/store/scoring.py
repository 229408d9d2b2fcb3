"""Scores in the database: named rubrics, and every patent's score recomputed in one statement.

The ``patent_score`` table (:class:`~roadshow_desk.domain.models.PatentScore`, read as
``Patent.score``) caches each patent's score under the active rubric so the library sorts
and filters by it in SQL. :func:`rescore` recomputes it with a single ``INSERT ... SELECT
<sum of CASE expressions> ... ON CONFLICT DO UPDATE`` built from the rubric
(:func:`score_expression`), the same arithmetic as
:func:`roadshow_desk.domain.rubric.score_lines`. Only scores that change are written.

Why a table of its own: a weight change alters most scores, and SQLite rewrites a whole
record to change one column of it; the patent rows carry abstracts and other long texts
(kilobytes each), the score rows 16 bytes. The rubric's inputs are read from the covering
index ``ix_patent_high_value``, so a rescore does not read the wide rows either. The patent
rows (and their ``updated_at``) are never touched: a score is derived data, not an edit a
station must send to the others.

Enterprise interest counts the patent's intentions that are not "no demand" and not
deleted.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Integer,
    Select,
    and_,
    case,
    column,
    func,
    literal,
    literal_column,
    or_,
    select,
    true,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.sql.dml import Insert

from roadshow_desk.domain.enums import ConversionMode, IntentionKind, LegalStatus, PatentType
from roadshow_desk.domain.models import Intention, Patent, PatentScore, Rubric, utcnow
from roadshow_desk.domain.rubric import (
    ALIVE,
    DESIGN_15_YEARS_FROM,
    IN_FORCE,
    Criterion,
    PatentFacts,
    RubricSpec,
    ScoreLine,
    Threshold,
    cutoffs,
    score_lines,
)
from roadshow_desk.errors import InputError
from roadshow_desk.i18n import translate
from roadshow_desk.store.search import ids_condition

__all__ = [
    "activate_rubric",
    "active_rubric",
    "active_spec",
    "breakdown",
    "delete_rubric",
    "interest_count",
    "interest_expression",
    "rescore",
    "save_rubric",
    "score_expression",
]


class RubricError(InputError):
    """A rubric operation that cannot be done; the message is one sentence for the user."""


def _connection(bind: Connection | Session) -> Connection:
    return bind.connection() if isinstance(bind, Session) else bind


# --------------------------------------------------------------------------- SQL arithmetic


def interest_expression() -> ColumnElement[int]:
    """Correlated count of the patent's intentions that show interest."""
    return (
        select(func.count(Intention.id))
        .where(
            Intention.patent_id == Patent.id,
            Intention.deleted_at.is_(None),
            Intention.kind != IntentionKind.NO_DEMAND,
        )
        .scalar_subquery()
    )


def capped_interest_expression(cap: int) -> ColumnElement[int]:
    """The count of :func:`interest_expression`, but counting no further than ``cap``: the
    rubric gives nothing past the cap, and a patent with thousands of intentions is then
    rescored by reading ``cap`` of them (``LIMIT`` in a correlated subquery)."""
    shown = (
        select(literal(1))
        .where(
            Intention.patent_id == Patent.id,
            Intention.deleted_at.is_(None),
            Intention.kind != IntentionKind.NO_DEMAND,
        )
        .correlate(Patent)
        .limit(max(int(cap), 0))
        .subquery()
    )
    return select(func.count()).select_from(shown).scalar_subquery()


def _filled(column: Any) -> ColumnElement[bool]:
    return func.coalesce(column, "") != ""


def _contains(column: Any, value: str, dialect: str) -> ColumnElement[bool]:
    position = func.strpos if dialect == "postgresql" else func.instr
    return position(func.coalesce(column, ""), value) > 0


def score_expression(
    spec: RubricSpec, today: dt.date, dialect: str = "sqlite"
) -> ColumnElement[float]:
    """The rubric as one SQL expression over a ``patent`` row."""
    weight = spec.weight
    limits = cutoffs(spec, today)
    filed = Patent.application_date
    parts: list[ColumnElement[float]] = []

    def when(condition: ColumnElement[bool], criterion: Criterion) -> None:
        points = weight(criterion)
        if points:
            parts.append(case((condition, literal(points)), else_=literal(0.0)))

    when(Patent.patent_type == PatentType.INVENTION, Criterion.INVENTION)
    when(Patent.patent_type == PatentType.UTILITY_MODEL, Criterion.UTILITY_MODEL)
    when(Patent.patent_type == PatentType.DESIGN, Criterion.DESIGN)
    when(Patent.legal_status == LegalStatus.GRANTED, Criterion.GRANTED)
    when(Patent.legal_status == LegalStatus.PENDING, Criterion.PENDING)
    when(_filled(Patent.strategic_emerging_industry), Criterion.STRATEGIC_EMERGING)
    when(Patent.overseas_family == true(), Criterion.OVERSEAS_FAMILY)
    when(
        and_(Patent.legal_status.in_(IN_FORCE), filed <= limits.maintained_before),
        Criterion.MAINTAINED,
    )
    when(Patent.pledge_financing == true(), Criterion.PLEDGE_FINANCING)
    when(_filled(Patent.patent_award), Criterion.PATENT_AWARD)
    ten_year = or_(
        Patent.patent_type.is_(None),
        Patent.patent_type.not_in((PatentType.INVENTION, PatentType.DESIGN)),
        and_(Patent.patent_type == PatentType.DESIGN, filed < DESIGN_15_YEARS_FROM),
    )
    when(
        and_(
            Patent.legal_status.in_(ALIVE),
            or_(
                and_(
                    Patent.patent_type == PatentType.INVENTION, filed >= limits.remaining_from[20]
                ),
                and_(
                    Patent.patent_type == PatentType.DESIGN,
                    filed >= DESIGN_15_YEARS_FROM,
                    filed >= limits.remaining_from[15],
                ),
                and_(ten_year, filed >= limits.remaining_from[10]),
            ),
        ),
        Criterion.REMAINING_TERM,
    )
    when(Patent.claims_count >= spec.threshold(Threshold.CLAIMS), Criterion.CLAIMS)
    stars = weight(Criterion.SELF_GRADE)
    if stars:
        parts.append(
            case(
                (Patent.self_grade >= 5, literal(5 * stars)),
                (Patent.self_grade >= 1, Patent.self_grade * literal(stars)),
                else_=literal(0.0),
            )
        )
    open_licence = or_(
        _contains(Patent.conversion_modes, ConversionMode.OPEN_LICENCE.value, dialect),
        _filled(Patent.open_licence_terms),
    )
    when(open_licence, Criterion.OPEN_LICENCE)
    per_intention = weight(Criterion.ENTERPRISE_INTEREST)
    if per_intention:
        cap = spec.threshold(Threshold.INTEREST_CAP)
        parts.append(literal(per_intention) * capped_interest_expression(cap))
    if not parts:
        return literal(0.0)
    total = parts[0]
    for part in parts[1:]:
        total = total + part
    return total


def rescore(
    bind: Connection | Session,
    spec: RubricSpec | None = None,
    *,
    today: dt.date | None = None,
    patent_ids: Iterable[int] | None = None,
) -> int:
    """Recompute the scores (of all patents, or of these) with ``spec`` (default: the active
    rubric); returns how many scores changed (new ones included).

    Any number of ``patent_ids`` (an import's 100,000) is one bound parameter on SQLite.
    Objects already loaded in a session keep their old ``score`` until refreshed.
    """
    connection = _connection(bind)
    if connection.dialect.name == "sqlite":
        if isinstance(bind, Session):
            bind.flush()  # the statement reads patents and intentions the session changed
        sql = _sqlite_rescore_sql(bind, spec, today or dt.date.today(), patent_ids is None)
        parameters = () if patent_ids is None else (json.dumps(list(patent_ids)),)
        return int(connection.exec_driver_sql(sql, parameters).rowcount or 0)
    if connection.dialect.name == "postgresql" and spec is None and patent_ids is not None:
        if isinstance(bind, Session):
            bind.flush()
        from roadshow_desk.store.pg_rescore import rescore_ids

        return rescore_ids(bind, connection, today or dt.date.today(), sorted(set(patent_ids)))
    if spec is None:
        spec = active_spec(bind)
    which = true() if patent_ids is None else ids_condition(connection, list(patent_ids))
    statement = _upsert_scores(spec, today or dt.date.today(), connection.dialect.name, which)
    # An INSERT's rowcount is kept only when asked for (SQLAlchemy drops it otherwise).
    result = connection.execute(statement.execution_options(preserve_rowcount=True))
    return int(result.rowcount or 0)


def _upsert_scores(
    spec: RubricSpec, today: dt.date, dialect: str, which: ColumnElement[bool]
) -> Insert:
    """``INSERT INTO patent_score SELECT id, <score> FROM patent WHERE <which> ON CONFLICT
    DO UPDATE`` (only scores that change are written).

    ``which`` is never left out: SQLite reads "INSERT ... SELECT ... ON CONFLICT" right
    only with a WHERE in the SELECT.
    """
    computed = select(Patent.id, score_expression(spec, today, dialect)).where(which)
    dialect_insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = dialect_insert(PatentScore).from_select(
        [PatentScore.patent_id, PatentScore.score], computed
    )
    return statement.on_conflict_do_update(
        index_elements=[PatentScore.patent_id],
        set_={"score": statement.excluded.score},
        where=PatentScore.score.is_distinct_from(statement.excluded.score),
    )


#: Rescore statements for SQLite as text, by (rubric JSON, day, all patents or given ones):
#: building and compiling the rubric's expression costs milliseconds, running it for one
#: patent microseconds (a recorded intention rescores its patent; see ``store.intentions``).
_SQLITE_RESCORE: dict[tuple[str, dt.date, bool], str] = {}
_ACTIVE_WEIGHTS = "SELECT weights FROM rubric WHERE is_active = 1 ORDER BY id LIMIT 1"


def _sqlite_rescore_sql(
    bind: Connection | Session, spec: RubricSpec | None, today: dt.date, all_patents: bool
) -> str:
    """The rescore statement with every value written into it (``literal_binds``) but the
    patent ids: one ``?`` taking a JSON array (none when ``all_patents``)."""
    weights: str | None = None
    if spec is None:
        stored = _connection(bind).exec_driver_sql(_ACTIVE_WEIGHTS).scalar()
        if stored is None:  # no active rubric yet: make the standard one
            spec = active_spec(bind)
        else:
            weights = str(stored)
    if weights is None:
        assert spec is not None
        weights = json.dumps(spec.to_json(), sort_keys=True)
    key = (weights, today, all_patents)
    sql = _SQLITE_RESCORE.get(key)
    if sql is not None:
        return sql
    if spec is None:
        spec = RubricSpec.from_json(json.loads(weights))
    which: ColumnElement[bool] = true()
    if not all_patents:
        ids = select(column("value", Integer)).select_from(func.json_each(literal_column("?")))
        which = Patent.id.in_(ids)
    statement = _upsert_scores(spec, today, "sqlite", which)
    sql = str(statement.compile(dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True}))
    if len(_SQLITE_RESCORE) >= 32:
        _SQLITE_RESCORE.clear()
    _SQLITE_RESCORE[key] = sql
    return sql


_PG_RESCORE: dict[tuple[str, dt.date], str] = {}


def _pg_rescore_sql(bind: Connection | Session, today: dt.date) -> str:
    """The rescore of given patents under the active rubric for PostgreSQL, compiled once per
    (rubric, day) like SQLite's: the ids are one ``%(ids)s`` array (a capture rescores its
    patent, and compiling the rubric's expression costs more than running it)."""
    from sqlalchemy.dialects.postgresql import psycopg as pg_psycopg

    stored = (
        _connection(bind)
        .exec_driver_sql("SELECT weights FROM rubric WHERE is_active ORDER BY id LIMIT 1")
        .scalar()
    )
    spec = RubricSpec.from_json(stored) if stored is not None else active_spec(bind)
    key = (json.dumps(spec.to_json(), sort_keys=True), today)
    sql = _PG_RESCORE.get(key)
    if sql is None:
        which = Patent.id == func.any(literal_column("CAST(rs_patent_ids AS integer[])"))
        statement = _upsert_scores(spec, today, "postgresql", which)
        dialect = pg_psycopg.dialect()  # type: ignore[no-untyped-call]  # unannotated __init__
        sql = str(
            statement.compile(dialect=dialect, compile_kwargs={"literal_binds": True})
        ).replace("rs_patent_ids", "%(ids)s")  # after compiling (which doubles a % sign)
        if len(_PG_RESCORE) >= 32:
            _PG_RESCORE.clear()
        _PG_RESCORE[key] = sql
    return sql


def preview_scores(
    bind: Connection | Session, spec: RubricSpec, today: dt.date | None = None
) -> Select[int, float]:
    """``SELECT id, score`` under ``spec`` without writing (the rubric dialog's live view)."""
    connection = _connection(bind)
    expression = score_expression(spec, today or dt.date.today(), connection.dialect.name)
    return select(Patent.id, expression.label("score")).where(Patent.deleted_at.is_(None))


# --------------------------------------------------------------------------- one patent


def interest_count(session: Session, patent_id: int) -> int:
    statement = select(func.count(Intention.id)).where(
        Intention.patent_id == patent_id,
        Intention.deleted_at.is_(None),
        Intention.kind != IntentionKind.NO_DEMAND,
    )
    return int(session.scalar(statement) or 0)


def breakdown(
    session: Session, patent_id: int, spec: RubricSpec | None = None, today: dt.date | None = None
) -> list[ScoreLine]:
    """The points a patent earns under ``spec`` (default: the active rubric)."""
    patent = session.get(Patent, patent_id)
    if patent is None:
        return []
    facts = PatentFacts.of(patent, interest_count(session, patent_id))
    return score_lines(spec or active_spec(session), facts, today or dt.date.today())


# --------------------------------------------------------------------------- named rubrics


def active_rubric(session: Session) -> Rubric:
    """The active rubric, creating the standard one when there is none."""
    rubric = session.scalar(select(Rubric).where(Rubric.is_active.is_(True)).limit(1))
    if rubric is not None:
        return rubric
    rubric = session.scalar(select(Rubric).order_by(Rubric.id).limit(1))
    if rubric is None:
        rubric = _new_standard_rubric(session)
    rubric.is_active = True
    session.flush()
    return rubric


def _new_standard_rubric(session: Session) -> Rubric:
    """The standard rubric, added; on a server, another desk may add it at the same moment
    (its first capture): then that one is used (a savepoint keeps the caller's work)."""
    rubric = Rubric(name=translate("Rubric", "Standard"), weights=RubricSpec().to_json())
    if session.get_bind().dialect.name != "postgresql":
        session.add(rubric)
        return rubric
    try:
        with session.begin_nested():
            session.add(rubric)
    except IntegrityError:
        found = session.scalar(select(Rubric).order_by(Rubric.id).limit(1))
        assert found is not None
        return found
    return rubric


def active_spec(bind: Connection | Session) -> RubricSpec:
    if isinstance(bind, Session):
        return RubricSpec.from_json(active_rubric(bind).weights)
    with Session(bind=bind) as session:
        spec = RubricSpec.from_json(active_rubric(session).weights)
        session.flush()
    return spec


def save_rubric(session: Session, name: str, spec: RubricSpec, *, activate: bool = False) -> Rubric:
    """Create or overwrite the rubric called ``name``."""
    clean = " ".join(name.split())
    if not clean:
        raise RubricError(translate("Rubric", "A rubric needs a name."))
    rubric = session.scalar(select(Rubric).where(Rubric.name == clean))
    if rubric is None:
        rubric = Rubric(name=clean, weights=spec.to_json(), is_active=False)
        session.add(rubric)
    else:
        rubric.weights = spec.to_json()
        rubric.updated_at = utcnow()
    session.flush()
    if activate:
        activate_rubric(session, rubric.id)
    return rubric


def activate_rubric(session: Session, rubric_id: int) -> Rubric:
    """Make a rubric the active one (does not rescore: call :func:`rescore`)."""
    rubric = session.get(Rubric, rubric_id)
    if rubric is None:
        raise RubricError(translate("Rubric", "That rubric no longer exists."))
    for other in session.scalars(select(Rubric).where(Rubric.is_active.is_(True))):
        other.is_active = False
    rubric.is_active = True
    session.flush()
    return rubric


def delete_rubric(session: Session, rubric_id: int) -> None:
    """Delete a rubric; the last one cannot go, and another becomes active if needed."""
    rubric = session.get(Rubric, rubric_id)
    if rubric is None:
        return
    others = list(session.scalars(select(Rubric).where(Rubric.id != rubric_id).order_by(Rubric.id)))
    if not others:
        raise RubricError(translate("Rubric", "The last rubric cannot be deleted."))
    was_active = rubric.is_active
    session.delete(rubric)
    session.flush()
    if was_active:
        activate_rubric(session, others[0].id)


def list_rubrics(session: Session) -> list[Rubric]:
    active_rubric(session)
    return list(session.scalars(select(Rubric).order_by(Rubric.name)))
