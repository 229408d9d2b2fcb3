"""Chinese full-text search over the patent library: exact, indexed, composable in SQL.

What a query finds
    A query is split on whitespace into terms; a patent matches when every term is a
    substring of one of its searched fields (title, abstract, applicants, inventors, IPC
    codes, application and publication numbers), both sides *normalised*: full-width ASCII
    made half-width and lower case (:func:`normalize_text`). A term that spells an
    application number in any form (``202210016632.1``, ``CN202210016632``, full-width)
    also matches the patent with that number. Deleted (tombstoned) patents never match.
    That is the whole definition: the index makes it fast, it never changes the answer.
    Hits are ranked by how many terms their title holds ("title hits first").

How it is fast (SQLite)
    The index (:mod:`roadshow_desk.store.search_index`) holds, for every patent, the
    characters and character pairs of its CJK text and its words of letters and digits. A
    query term becomes token constraints that every patent containing it meets — its
    characters or pairs, its inner words, the words that begin with (``"abc"*``), end with
    or contain its edge words (from the word list) — and the candidates are then *verified*
    by a substring check on the stored normalised text, unless the constraints are exact by
    themselves (one or two CJK characters; a term of only letters and digits). A term with
    nothing to index (``-``) is checked by a scan of the normalised text, still exact.

Queued patents (never stale)
    Patents written since they were last indexed wait in the index's queue (see
    :mod:`roadshow_desk.store.search_index`); their index entries may be missing or stale.
    A search with at most :data:`INLINE_LIMIT` queued patents indexes them first, in its
    own transaction. With more (after a bulk import, while the GUI's search indexer
    catches up), it indexes nothing: the index answers for the patents that are not
    queued, and the queued ones are checked by a scan of their columns with the same
    definition (``rs_normalize(column)``, :func:`normalize_text` registered on the
    connection, then a substring test; application numbers and the title rank alike). A
    term of characters that normalising neither changes nor produces (CJK text) is looked
    for in the raw columns, which gives the same answer without calling Python. Each query
    reads the queue and the index in one statement, so a worker indexing meanwhile never
    makes a patent count twice or go missing.

PostgreSQL
    The same definition, answered by a GIN index over each patent's character pairs and
    word n-grams in a side table kept by a trigger, then checked by ``strpos``; a bulk
    import's patents are queued and scanned, as here: :mod:`roadshow_desk.store.search_pg`.
    Other databases evaluate it by a substring scan of the columns (exact, not indexed).

Functions take a SQLAlchemy ``Connection`` or ``Session`` and may write (they index a short
queue): commit afterwards (``Database.session()`` does), and keep the transaction short.
"""

from __future__ import annotations

import itertools
import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Integer,
    and_,
    bindparam,
    case,
    func,
    literal,
    or_,
    select,
)
from sqlalchemy import column as sql_column
from sqlalchemy import text as sql_text
from sqlalchemy.orm import Session

from roadshow_desk.domain.identifiers import (
    InvalidApplicationNumber,
    normalize_application_number,
)
from roadshow_desk.domain.models import Patent
from roadshow_desk.store.search_index import (
    FTS_TABLE,
    INDEX_VERSION,
    PENDING_TABLE,
    SEARCHED_FIELDS,
    SQL_NORMALIZE,
    TEXT_TABLE,
    TITLE_FIELD,
    TITLE_FTS_TABLE,
    WORD_TABLE,
    connection_of,
    ensure_search_schema,
    index_patents,
    index_pending,
    normalize_text,
    pending_count,
    rebuild_index,
    register_functions,
    tokens,
)

__all__ = [
    "INDEX_VERSION",
    "INLINE_LIMIT",
    "SEARCHED_FIELDS",
    "SearchCondition",
    "TermPlan",
    "count_hits",
    "ensure_search_schema",
    "ids_condition",
    "index_patents",
    "index_pending",
    "normalize_text",
    "pending_count",
    "plan_query",
    "query_terms",
    "rebuild_index",
    "search_condition",
    "search_ids",
    "tokens",
]

#: Edge words of a term are expanded through the word list up to this many words.
MAX_EXPANSION = 200
#: A search indexes a queue of at most this many patents itself; it scans a longer one.
INLINE_LIMIT = 2000

_SEGMENT = re.compile(r"(?P<word>[a-z0-9]+)|(?P<run>[^\x00-\x7f\s]+)|[\x00-\x7f]")
_DIGIT = re.compile(r"[0-9]")


def query_terms(query: str) -> list[str]:
    """The normalised terms of a query (whitespace-separated, duplicates dropped)."""
    return list(dict.fromkeys(normalize_text(query).split()))


# --------------------------------------------------------------------------- planning


@dataclass(frozen=True)
class TermPlan:
    """How one normalised query term is found.

    ``match`` is an FTS5 expression that every patent containing the term satisfies
    (``None``: nothing to index, scan); ``exact`` says its candidates need no substring
    check; ``application_no`` is the application number the term spells, if any.
    """

    term: str
    match: str | None
    exact: bool
    application_no: str | None = None


def _quote(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


def _expand(connection: Connection, sql: str, value: str) -> list[str] | None:
    """Words of the word list selected by ``sql``; ``None`` when there are too many."""
    words = [row[0] for row in connection.exec_driver_sql(sql, (value, MAX_EXPANSION + 1))]
    return None if len(words) > MAX_EXPANSION else words


def _any_of(words: list[str]) -> str:
    if not words:
        return '""'  # no indexed word fits: matches nothing
    return "(" + " OR ".join(_quote(word) for word in words) + ")"


def application_number_in(term: str) -> str | None:
    """The normalised application number ``term`` spells, or ``None``."""
    if len(_DIGIT.findall(term)) < 8:
        return None
    try:
        return normalize_application_number(term)
    except InvalidApplicationNumber:
        return None


def segments(term: str) -> list[tuple[str, str]]:
    """The parts of a normalised term: ``("word", letters and digits)``, ``("run", non-ASCII
    characters)``, ``("", one other ASCII character)``."""
    return [(m.lastgroup or "", m.group()) for m in _SEGMENT.finditer(term)]


def plan_term(connection: Connection, term: str) -> TermPlan:
    """The token constraints of one normalised term (see the module notes).

    Soundness: a CJK run of the term lies inside a run of any text that contains the term,
    so its characters and pairs are tokens of that text; a word of the term with
    non-word characters on both sides is a whole word of the text; a word at the term's end
    begins a word of the text, one at its start ends one, a term that is one word lies
    inside one.
    """
    application_no = application_number_in(term)
    segments = [(m.lastgroup, m.group(), m.start(), m.end()) for m in _SEGMENT.finditer(term)]
    constraints: list[str] = []
    for kind, text, start, end in segments:
        if kind == "run":
            if len(text) == 1:
                constraints.append(_quote(text))
            else:
                constraints.extend(_quote(a + b) for a, b in itertools.pairwise(text))
        elif kind == "word":
            at_start, at_end = start == 0, end == len(term)
            words: list[str] | None
            if not at_start and not at_end:
                constraints.append(_quote(text))
                continue
            if at_end and not at_start:
                constraints.append(_quote(text) + "*")
                continue
            if at_start and not at_end:
                words = _expand(
                    connection,
                    f"SELECT word FROM {WORD_TABLE} WHERE substr(word, -length(?1)) = ?1 LIMIT ?2",
                    text,
                )
            else:
                words = _expand(
                    connection,
                    f"SELECT word FROM {WORD_TABLE} WHERE instr(word, ?1) > 0 LIMIT ?2",
                    text,
                )
            if words is not None:
                constraints.append(_any_of(words))
    if not constraints:
        return TermPlan(term, None, False, application_no)
    only = segments[0][0] if len(segments) == 1 else None
    exact = (only == "run" and len(term) <= 2) or only == "word"
    return TermPlan(term, " AND ".join(dict.fromkeys(constraints)), exact, application_no)


def plan_query(bind: Connection | Session, query: str) -> list[TermPlan]:
    """The plan of every term of a query (diagnostics and tests)."""
    connection = connection_of(bind)
    ensure_search_schema(connection)
    return [plan_term(connection, term) for term in query_terms(query)]


# --------------------------------------------------------------------------- SQL


_names = itertools.count()


def _hits_sql(plan: TermPlan, params: dict[str, Any], title_only: bool = False) -> str:
    """SQL selecting the ids of (not deleted) patents whose fields (or title) hold the term."""
    key = f"rs_search_{next(_names)}"
    if title_only:
        fts, check = TITLE_FTS_TABLE, f"instr(title, :{key}_t) > 0"
    else:
        fts, check = FTS_TABLE, f"(instr(title, :{key}_t) > 0 OR instr(body, :{key}_t) > 0)"
    if plan.match is None:
        params[key + "_t"] = plan.term
        sql = f"SELECT patent_id FROM {TEXT_TABLE} WHERE {check}"
    else:
        params[key + "_m"] = plan.match
        sql = f"SELECT rowid AS patent_id FROM {fts} WHERE {fts} MATCH :{key}_m"
        if not plan.exact:
            params[key + "_t"] = plan.term
            sql = f"SELECT patent_id FROM {TEXT_TABLE} WHERE patent_id IN ({sql}) AND {check}"
    if plan.application_no and not title_only:
        params[key + "_a"] = plan.application_no
        sql += (
            " UNION SELECT id AS patent_id FROM patent"
            f" WHERE application_no = :{key}_a AND deleted_at IS NULL"
        )
    return sql


# --------------------------------------------------------------------------- the queue


def _scan_queue(connection: Connection) -> bool:
    """Index a short queue now; ``True`` when the queue is long and must be scanned."""
    count = pending_count(connection)
    if count == 0:
        return False
    if count <= INLINE_LIMIT:
        index_pending(connection)
        return False
    found = connection.exec_driver_sql(
        "SELECT 1 FROM pragma_function_list WHERE name = ?", (SQL_NORMALIZE,)
    ).first()
    if found is None:  # a connection not made by store.db (which registers it)
        register_functions(connection.connection.driver_connection)
    return True


def stable_char(char: str) -> bool:
    """Whether normalising leaves ``char`` as it is and makes it from no other character.

    Not ASCII, not full width, without case (``lower`` and ``upper`` both give it back) and
    not a combining mark (``"İ".lower()`` ends with U+0307): CJK characters and punctuation.
    A term of such characters is a substring of the normalised text exactly when it is one
    of the raw text, since normalising maps the characters one by one and each of these
    comes only from itself.
    """
    return (
        char > "\x7f"
        and not ("\uff01" <= char <= "\uff5e" or char == "\u3000")
        and char.lower() == char == char.upper()
        and unicodedata.category(char)[0] != "M"
    )


def _stable_part(term: str) -> str:
    """The longest run of :func:`stable_char` characters in ``term`` (``""``: none)."""
    runs = "".join(char if stable_char(char) else " " for char in term).split()
    return max(runs, key=len, default="")


def _scan_check(plan: TermPlan, params: dict[str, Any], title_only: bool) -> str:
    """SQL true when the row ``p`` of ``patent`` holds the term (the definition, unindexed).

    ``rs_normalize(column)`` holds the term; when the term has a stable part, the raw
    column must hold that part too (a cheap test first, and enough for a stable term).
    """
    key = f"rs_scan_{next(_names)}"
    params[key] = plan.term
    stable = _stable_part(plan.term)
    if stable and stable != plan.term:
        params[key + "_s"] = stable
    parts = []
    for name in (TITLE_FIELD,) if title_only else SEARCHED_FIELDS:
        normalised = f"instr({SQL_NORMALIZE}(p.{name}), :{key}) > 0"
        if stable == plan.term:
            parts.append(f"instr(p.{name}, :{key}) > 0")
        elif stable:
            parts.append(f"(instr(p.{name}, :{key}_s) > 0 AND {normalised})")
        else:
            parts.append(normalised)
    if plan.application_no and not title_only:
        params[key + "_a"] = plan.application_no
        parts.append(f"p.application_no = :{key}_a")
    return "(" + " OR ".join(parts) + ")"


def _split_sql(plans: Sequence[TermPlan], params: dict[str, Any], title_only: bool = False) -> str:
    """SQL selecting the ids of patents holding every term, for a long queue: the index
    answers for the patents not queued, a scan of the columns for the queued ones."""
    indexed = " INTERSECT ".join(_hits_sql(plan, params, title_only) for plan in plans)
    checks = " AND ".join(_scan_check(plan, params, title_only) for plan in plans)
    return (
        f"SELECT patent_id FROM ({indexed})"
        f" WHERE patent_id NOT IN (SELECT patent_id FROM {PENDING_TABLE})"
        f" UNION SELECT q.patent_id FROM {PENDING_TABLE} AS q JOIN patent AS p"
        f" ON p.id = q.patent_id WHERE p.deleted_at IS NULL AND {checks}"
    )


def _all_hits_sql(
    plans: Sequence[TermPlan], params: dict[str, Any], scan: bool, title_only: bool = False
) -> str:
    """SQL selecting the ids of the patents that hold every term (in the title)."""
    if scan:
        return _split_sql(plans, params, title_only)
    return " INTERSECT ".join(_hits_sql(plan, params, title_only) for plan in plans)


@dataclass(frozen=True)
class SearchCondition:
    """A query as SQL to combine with other filters on ``patent``.

    ``where`` selects the matching patents; ``rank`` counts the terms found in the title:
    order by ``rank.desc()`` for "title hits first".
    """

    terms: tuple[str, ...]
    where: ColumnElement[bool]
    rank: ColumnElement[int]


def _in(plan: TermPlan, scan: bool, title_only: bool = False) -> ColumnElement[bool]:
    params: dict[str, Any] = {}
    sql = _all_hits_sql([plan], params, scan, title_only)
    subquery = sql_text(sql).bindparams(**params).columns(sql_column("patent_id"))
    return Patent.id.in_(subquery)


_FULL_WIDTH = "".join(chr(code) for code in range(0xFF01, 0xFF5F)) + "\u3000"
_HALF_WIDTH = "".join(chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)) + " "


def _pg_condition(connection: Connection, terms: list[str]) -> SearchCondition:
    """The definition on PostgreSQL, through its index (:mod:`search_pg`)."""
    from roadshow_desk.store import search_pg

    params: dict[str, Any] = {}
    where, _rank = search_pg.hits_sql(
        [(term, application_number_in(term)) for term in terms],
        params,
        f"rs_c{next(_names)}",
        search_pg.has_pending(connection),
    )
    used = set(re.findall(r":(\w+)", where))  # the rank's parameters are not in ``where``
    subquery = sql_text(f"SELECT p.id FROM patent AS p WHERE {where}").bindparams(
        **{name: value for name, value in params.items() if name in used}
    )
    rank: ColumnElement[int] = literal(0)
    for term in terms:
        in_title = func.strpos(func.rs_normalize(Patent.title), bindparam(None, term)) > 0
        rank = rank + case((in_title, 1), else_=0)
    return SearchCondition(
        tuple(terms), Patent.id.in_(subquery.columns(sql_column("id", Integer))), rank
    )


def _pg_ids(connection: Connection, terms: list[str], limit: int, count: bool = False) -> Any:
    from roadshow_desk.store import search_pg

    params: dict[str, Any] = {}
    query = search_pg.hits_query(
        [(term, application_number_in(term)) for term in terms],
        params,
        queued=search_pg.has_pending(connection),
    )
    if count:
        sql = f"SELECT count(*) FROM ({query}) AS h"
        return int(connection.execute(sql_text(sql), params).scalar() or 0)
    sql = f"SELECT h.id FROM ({query}) AS h ORDER BY h.rank DESC, h.id"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return connection.execute(sql_text(sql), params).scalars().all()


def _scan_condition(terms: list[str]) -> SearchCondition:
    """The definition evaluated on the columns, for databases other than SQLite."""

    def normalised(name: str) -> ColumnElement[str]:
        return func.lower(func.translate(getattr(Patent, name), _FULL_WIDTH, _HALF_WIDTH))

    conditions = []
    rank: ColumnElement[int] = literal(0)
    for term in terms:
        parts = [
            func.strpos(normalised(name), bindparam(None, term)) > 0 for name in SEARCHED_FIELDS
        ]
        if number := application_number_in(term):
            parts.append(Patent.application_no == number)
        conditions.append(or_(*parts))
        in_title = func.strpos(normalised(TITLE_FIELD), bindparam(None, term)) > 0
        rank = rank + case((in_title, 1), else_=0)
    where = and_(Patent.deleted_at.is_(None), *conditions)
    return SearchCondition(tuple(terms), where, rank)


def search_condition(bind: Connection | Session, query: str) -> SearchCondition | None:
    """The query as SQL conditions on ``patent``, or ``None`` for an empty query.

    Indexes a short queue first (see the module notes). Usage::

        condition = search_condition(session, "锂电池 H01M")
        rows = session.scalars(select(Patent).where(condition.where, other_filters)
                               .order_by(condition.rank.desc(), Patent.score.desc()))
    """
    connection = connection_of(bind)
    terms = query_terms(query)
    if not terms:
        return None
    if connection.dialect.name == "postgresql":
        return _pg_condition(connection, terms)
    if not ensure_search_schema(connection):
        return _scan_condition(terms)
    scan = _scan_queue(connection)
    plans = [plan_term(connection, term) for term in terms]
    where = and_(*(_in(plan, scan) for plan in plans))
    rank: ColumnElement[int] = literal(0)
    for plan in plans:
        rank = rank + case((_in(plan, scan, title_only=True), 1), else_=0)
    return SearchCondition(tuple(terms), where, rank)


def search_ids(bind: Connection | Session, query: str, limit: int = 50) -> list[int]:
    """Ids of the (not deleted) patents matching ``query``, title hits first, then by id.

    Patents with more terms in their title come first; ``limit`` 0 returns every hit; an
    empty query returns nothing.
    """
    connection = connection_of(bind)
    terms = query_terms(query)
    if not terms:
        return []
    if connection.dialect.name == "postgresql":
        return list(_pg_ids(connection, terms, limit))
    if not ensure_search_schema(connection):
        condition = _scan_condition(terms)
        statement = select(Patent.id).where(condition.where)
        statement = statement.order_by(condition.rank.desc(), Patent.id)
        return list(connection.scalars(statement.limit(limit) if limit else statement))
    scan = _scan_queue(connection)
    plans = [plan_term(connection, term) for term in terms]
    params: dict[str, Any] = {}
    sql = f"SELECT patent_id FROM ({_all_hits_sql(plans, params, scan)}) ORDER BY 1"
    hits = [row[0] for row in connection.execute(sql_text(sql), params)]
    if not hits:
        return []
    rank = dict.fromkeys(hits, 0)
    for plan in plans:
        params = {}
        title_sql = _all_hits_sql([plan], params, scan, title_only=True)
        for row in connection.execute(sql_text(title_sql), params):
            if row[0] in rank:
                rank[row[0]] += 1
    best = len(plans)
    ordered: list[int] = []
    for level in range(best, -1, -1):
        ordered.extend(pid for pid in hits if rank[pid] == level)
        if limit and len(ordered) >= limit:
            break
    return ordered[:limit] if limit else ordered


def ids_condition(bind: Connection | Session, ids: Sequence[int]) -> ColumnElement[bool]:
    """``patent.id`` is one of ``ids``, in a single bound parameter (a JSON array read by
    ``json_each`` on SQLite), however many there are: search once, then filter and count
    with the hits many times."""
    connection = connection_of(bind)
    if connection.dialect.name != "sqlite":
        return Patent.id.in_(list(ids))
    values = select(sql_column("value", Integer)).select_from(
        func.json_each(bindparam(None, json.dumps(list(ids))))
    )
    return Patent.id.in_(values)


def count_hits(bind: Connection | Session, query: str) -> int:
    """How many (not deleted) patents match ``query``."""
    connection = connection_of(bind)
    terms = query_terms(query)
    if not terms:
        return 0
    if connection.dialect.name == "postgresql":
        return int(_pg_ids(connection, terms, 0, count=True))
    if not ensure_search_schema(connection):
        where = _scan_condition(terms).where
        return int(connection.scalar(select(func.count(Patent.id)).where(where)) or 0)
    scan = _scan_queue(connection)
    params: dict[str, Any] = {}
    plans = [plan_term(connection, term) for term in terms]
    sql = _all_hits_sql(plans, params, scan)
    return int(connection.execute(sql_text(f"SELECT count(*) FROM ({sql})"), params).scalar() or 0)
