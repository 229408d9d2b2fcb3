"""The patent search on PostgreSQL: the same definition as on SQLite, answered by an index.

The definition (see :mod:`roadshow_desk.store.search`): every term of the query is a
substring of one of a patent's normalised searched fields, or spells its application
number. On PostgreSQL the normalised document is an SQL expression, ``rs_search_doc(...)``
(the fields, full-width ASCII made half-width, lower case, joined by line breaks: no term
holds whitespace, so none matches across two fields), and a GIN index is built over its
*tokens*, ``rs_search_tokens(doc)``:

- every run of non-ASCII characters gives its characters and overlapping pairs
  (``锂电池`` → ``锂 电 池 锂电 电池``), as the SQLite index does;
- every word of ASCII letters and digits gives its substrings of one, two and three
  characters (``h01m`` → ``h 0 1 m h0 01 1m h01 01m``), so a term that is part of a word
  (``01m``, ``2022100166``) is found through the index too.

A term asks the index for the tokens every document holding it must hold (the characters or
pairs of its CJK runs, the 1-, 2- or 3-grams of its words: ``tokens @> ARRAY[...]``, a GIN
lookup), then the candidates are checked with ``strpos`` on the document: exact, whatever
the tokens. One or two CJK characters, or a word of up to three letters and digits, need no
check: holding the tokens is holding the term. A term with nothing to index (``-``) is
checked by the ``strpos`` scan alone; a term that spells an application number also
matches ``application_no`` (its unique index).
The index is an expression index on ``patent`` itself: no side table, no queue, no trigger,
never stale, and safe with several desks writing at once.

Normalisation uses the server's ``lower()``. For CJK text, ASCII and full-width ASCII (the
patent data) it is Python's ``str.lower()``; for a few exotic letters (``İ``) the two may
differ.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, text

from roadshow_desk.store.search_index import SEARCHED_FIELDS, TITLE_FIELD

INDEX_NAME = "ix_patent_search_tokens"
#: Bump when the functions or the index change: they are then replaced.
PG_SEARCH_VERSION = "1"

_FULL = "".join(chr(code) for code in range(0xFF01, 0xFF5F)) + "\u3000"
_HALF = "".join(chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)) + " "


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


_NORMALISE = (
    "CREATE OR REPLACE FUNCTION rs_normalize(value text) RETURNS text "
    "LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURNS NULL ON NULL INPUT AS "
    f"$rs$ SELECT lower(translate(value, {_literal(_FULL)}, {_literal(_HALF)})) $rs$"
)
_ARGS = ", ".join(f"{name} text" for name in SEARCHED_FIELDS)
_DOCUMENT = (
    f"CREATE OR REPLACE FUNCTION rs_search_doc({_ARGS}) RETURNS text "
    "LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $rs$ SELECT "
    + " || E'\\n' || ".join(f"coalesce(rs_normalize({name}), '')" for name in SEARCHED_FIELDS)
    + " $rs$"
)
_TOKENS = (
    "CREATE OR REPLACE FUNCTION rs_search_tokens(doc text) RETURNS text[] "
    "LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $rs$ "
    "SELECT coalesce(array_agg(DISTINCT token), '{}') FROM ("
    # CJK (non-ASCII) runs: characters and overlapping pairs
    " SELECT substr(run[1], i, n) AS token"
    " FROM regexp_matches(doc, '[^\\x01-\\x7f]+', 'g') AS run,"
    " generate_series(1, length(run[1])) AS i, (VALUES (1), (2)) AS width(n)"
    " WHERE i + n - 1 <= length(run[1])"
    " UNION ALL"
    # words of letters and digits: their substrings of 1, 2 and 3 characters
    " SELECT substr(word[1], i, n)"
    " FROM regexp_matches(doc, '[a-z0-9]+', 'g') AS word,"
    " generate_series(1, length(word[1])) AS i, (VALUES (1), (2), (3)) AS width(n)"
    " WHERE i + n - 1 <= length(word[1])"
    ") AS tokens $rs$"
)
DOCUMENT_SQL = "rs_search_doc(" + ", ".join(f"p.{name}" for name in SEARCHED_FIELDS) + ")"
_INDEX = (
    f"CREATE INDEX IF NOT EXISTS {INDEX_NAME} ON patent USING gin "
    f"(rs_search_tokens({DOCUMENT_SQL.replace('p.', '')}))"
)


def ensure_pg_search(connection: Connection) -> None:
    """Create (or update) the search functions and the index; cheap when they are current.

    Run where the schema is made or opened (``store.db.open_database``), by the database's
    owner.
    """
    comment = connection.execute(
        text("SELECT obj_description('rs_search_tokens(text)'::regprocedure, 'pg_proc')")
        if _function_exists(connection)
        else text("SELECT NULL")
    ).scalar()
    if comment == f"roadshow-desk search {PG_SEARCH_VERSION}" and _index_exists(connection):
        return
    connection.execute(text("SELECT pg_advisory_xact_lock(7042017)"))  # one desk at a time
    if comment != f"roadshow-desk search {PG_SEARCH_VERSION}":
        connection.execute(text(f"DROP INDEX IF EXISTS {INDEX_NAME}"))
    for statement in (_NORMALISE, _DOCUMENT, _TOKENS, _INDEX):
        connection.exec_driver_sql(statement.replace("%", "%%"))  # no parameters
    connection.exec_driver_sql(
        f"COMMENT ON FUNCTION rs_search_tokens(text) IS 'roadshow-desk search {PG_SEARCH_VERSION}'"
    )


def _function_exists(connection: Connection) -> bool:
    sql = "SELECT to_regprocedure('rs_search_tokens(text)') IS NOT NULL"
    return bool(connection.execute(text(sql)).scalar())


def _index_exists(connection: Connection) -> bool:
    sql = "SELECT to_regclass(:name) IS NOT NULL"
    return bool(connection.execute(text(sql), {"name": INDEX_NAME}).scalar())


# --------------------------------------------------------------------------- queries


def term_tokens(term: str) -> list[str]:
    """The tokens every document holding the (normalised) ``term`` holds."""
    from roadshow_desk.store.search import segments

    found: list[str] = []
    for kind, part in segments(term):
        if kind == "run":
            found.extend(part if len(part) == 1 else [a + b for a, b in itertools.pairwise(part)])
        elif kind == "word":
            if len(part) <= 3:
                found.append(part)
            else:
                found.extend(part[i : i + 3] for i in range(len(part) - 2))
    return list(dict.fromkeys(found))


def _exact(term: str) -> bool:
    """Whether holding the term's tokens is holding the term: one or two non-ASCII
    characters (a character, or a pair cut from one run), or one word of at most three
    letters and digits (every 1-, 2- and 3-gram of every word is a token)."""
    from roadshow_desk.store.search import segments

    parts = segments(term)
    if len(parts) != 1:
        return False
    kind, part = parts[0]
    return (kind == "run" and len(part) <= 2) or (kind == "word" and len(part) <= 3)


def normalised_sql(column: str, term: str) -> str:
    """SQL for ``column`` normalised as far as matters for finding ``term`` in it.

    Normalising maps characters one to one, so the term is in the normalised text exactly
    when it is in the text with only the characters mapped that normalise to one of the
    term's: the full-width forms of its ASCII characters (``translate`` with a few
    characters instead of 95: the check costs a fraction), then ``lower`` when it has letters.
    CJK characters come only from themselves (``stable_char``): a term of them alone is
    looked for in the raw column. Other terms use the whole normalisation.
    """
    from roadshow_desk.store.search import stable_char

    if not all(char.isascii() or stable_char(char) for char in term):
        return f"rs_normalize({column})"
    ascii_chars = sorted({char for char in term if char.isascii()})
    if not ascii_chars:
        return column
    full, half = [], []
    for char in ascii_chars:
        forms = {char, char.upper()} if char.isalpha() else {char}
        for form in sorted(forms):
            if "!" <= form <= "~":
                full.append(chr(ord(form) + 0xFEE0))
                half.append(form)
    expression = f"translate({column}, {_literal(''.join(full))}, {_literal(''.join(half))})"
    if any(char.isalpha() for char in ascii_chars):
        expression = f"lower({expression})"
    return expression


def term_sql(term: str, application_no: str | None, params: dict[str, Any], key: str) -> str:
    """SQL true when the row ``p`` of ``patent`` holds ``term`` (index first, then exact)."""
    check = (
        "("
        + " OR ".join(
            f"strpos({normalised_sql('p.' + name, term)}, :{key}) > 0" for name in SEARCHED_FIELDS
        )
        + ")"
    )
    found = term_tokens(term)
    if found:
        params[key + "_k"] = found
        tokens = DOCUMENT_SQL.join(("rs_search_tokens(", ")"))
        if _exact(term):
            check = f"{tokens} @> CAST(:{key}_k AS text[])"
        else:
            check = f"({tokens} @> CAST(:{key}_k AS text[]) AND {check})"
    if f":{key})" in check:
        params[key] = term
    if application_no:
        params[key + "_a"] = application_no
        check = f"({check} OR p.application_no = :{key}_a)"
    return check


def title_sql(term: str, params: dict[str, Any], key: str) -> str:
    """SQL 1 when the title of row ``p`` holds ``term``, else 0 (the rank)."""
    params[key + "_t"] = term
    title = normalised_sql(f"p.{TITLE_FIELD}", term)
    return f"(CASE WHEN strpos({title}, :{key}_t) > 0 THEN 1 ELSE 0 END)"


def hits_sql(
    terms: Sequence[tuple[str, str | None]], params: dict[str, Any], prefix: str = "rs_pg"
) -> tuple[str, str]:
    """(WHERE condition, rank expression) over ``patent AS p`` for the terms."""
    conditions = ["p.deleted_at IS NULL"]
    ranks = ["0"]
    for number, (term, application_no) in enumerate(terms):
        key = f"{prefix}_{number}"
        conditions.append(term_sql(term, application_no, params, key))
        ranks.append(title_sql(term, params, key))
    return " AND ".join(conditions), " + ".join(ranks)
