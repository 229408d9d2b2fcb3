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

The tokens of each patent that is not tombstoned are kept in a side table,
``patent_search_tokens``: its id, its normalised title and body (the other fields) and the
tokens, a ``text[]`` in the "C" collation under a GIN index. A trigger on ``patent`` keeps
a patent's row current whenever one is inserted, its searched fields change or it is
tombstoned or restored (any writer, any desk, in the writer's transaction); a hard delete
removes it (a foreign key with ``ON DELETE CASCADE``). The tokens made by SQL cost about
2 ms a patent and a GIN insertion per token, too much for a bulk import: the importer
(:mod:`roadshow_desk.store.pg_bulk`) switches the trigger off for its own transaction
(:func:`tokens_suspended`) and either cuts the same tokens in Python
(:func:`document_tokens`) and loads them with ``COPY`` (a small import), or queues the
patents in ``patent_search_pending`` for the search indexer (:func:`index_pending`, run by
the window's worker as on SQLite); queued patents are found by a scan of their columns
meanwhile. The tables are derived data, made here rather than by a migration, like
SQLite's index tables.

A term asks the index for the tokens every document holding it must hold (the characters or
pairs of its CJK runs, the 1-, 2- or 3-grams of its words: ``tokens @> ARRAY[...]``, a GIN
lookup), then the candidates are checked with ``strpos`` on the normalised text kept beside
the tokens: exact, whatever the tokens. The search reads the side table alone (no join with
the wide ``patent`` rows; the rank, terms in the title, comes from it too). One or two CJK
characters, or a word of up to three letters and digits, need no check: holding the tokens
is holding the term. A term with nothing to index (``-``) is checked by a ``strpos`` scan of
that text; a term that spells an application number also matches ``application_no`` (its
unique index).

Normalisation uses the server's ``lower()`` in the trigger and Python's ``str.lower()`` in
bulk writes and for the terms. For CJK text, ASCII and full-width ASCII (the patent data)
the two agree (``İ`` is mapped as the server maps it); for a few exotic letters they may
differ.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from operator import add
from typing import Any

from sqlalchemy import Connection, text

from roadshow_desk.store.search_index import SEARCHED_FIELDS, TITLE_FIELD, normalize_text

INDEX_NAME = "ix_patent_search_tokens"
#: Bump when the functions or the index change: they are then replaced.
PG_SEARCH_VERSION = "2"

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
TOKENS_TABLE = "patent_search_tokens"
#: Patents written by a bulk import and not indexed yet (no row in :data:`TOKENS_TABLE`).
PENDING_TABLE = "patent_search_pending"
_PENDING = f"CREATE TABLE IF NOT EXISTS {PENDING_TABLE} (patent_id integer PRIMARY KEY)"
#: The session setting that switches the trigger off (for one transaction: ``SET LOCAL``).
SUSPEND_SETTING = "roadshow_desk.search_tokens_suspended"
_TABLE = (
    f"CREATE TABLE IF NOT EXISTS {TOKENS_TABLE} ("
    "patent_id integer PRIMARY KEY REFERENCES patent (id) ON DELETE CASCADE ON UPDATE CASCADE, "
    'title text NOT NULL, body text NOT NULL, tokens text[] COLLATE "C" NOT NULL)'
)
INDEX_SQL = f"CREATE INDEX IF NOT EXISTS {INDEX_NAME} ON {TOKENS_TABLE} USING gin (tokens)"
_NEW_BODY = " || E'\\n' || ".join(
    f"coalesce(rs_normalize(NEW.{name}), '')" for name in SEARCHED_FIELDS[1:]
)
_SYNC = (
    "CREATE OR REPLACE FUNCTION rs_patent_search_sync() RETURNS trigger "
    "LANGUAGE plpgsql AS $rs$ DECLARE v_title text; v_body text; BEGIN "
    f"IF current_setting('{SUSPEND_SETTING}', true) = 'on' THEN RETURN NULL; END IF; "
    "IF NEW.deleted_at IS NOT NULL THEN "
    f"DELETE FROM {TOKENS_TABLE} WHERE patent_id = NEW.id; RETURN NULL; END IF; "
    "v_title := coalesce(rs_normalize(NEW.title), ''); "
    f"v_body := {_NEW_BODY}; "
    f"INSERT INTO {TOKENS_TABLE} (patent_id, title, body, tokens) "
    "VALUES (NEW.id, v_title, v_body, rs_search_tokens(v_title || E'\\n' || v_body)) "
    "ON CONFLICT (patent_id) DO UPDATE SET title = EXCLUDED.title, body = EXCLUDED.body, "
    "tokens = EXCLUDED.tokens; RETURN NULL; END $rs$"
)
_WATCHED = (*SEARCHED_FIELDS, "deleted_at")
_FIELDS = ", ".join(_WATCHED)
_CHANGED = " OR ".join(f"OLD.{name} IS DISTINCT FROM NEW.{name}" for name in _WATCHED)
_TRIGGERS = (
    "DROP TRIGGER IF EXISTS patent_search_on_insert ON patent",
    "CREATE TRIGGER patent_search_on_insert AFTER INSERT ON patent "
    "FOR EACH ROW EXECUTE FUNCTION rs_patent_search_sync()",
    "DROP TRIGGER IF EXISTS patent_search_on_update ON patent",
    f"CREATE TRIGGER patent_search_on_update AFTER UPDATE OF {_FIELDS} ON patent "
    f"FOR EACH ROW WHEN ({_CHANGED}) EXECUTE FUNCTION rs_patent_search_sync()",
)


def ensure_pg_search(connection: Connection) -> None:
    """Create (or update) the search functions, the tokens table, its index and the
    triggers; cheap when they are current. An outdated version is replaced and the tokens
    of every patent written again.

    Run where the schema is made or opened (``store.db.open_database``), by the database's
    owner.
    """
    if _current(connection):
        return
    connection.execute(text("SELECT pg_advisory_xact_lock(7042017)"))  # one desk at a time
    if _current(connection):
        return
    connection.exec_driver_sql(f"DROP TABLE IF EXISTS {TOKENS_TABLE}")
    connection.exec_driver_sql(f"DROP INDEX IF EXISTS {INDEX_NAME}")  # version 1: on patent
    for statement in (_NORMALISE, _DOCUMENT, _TOKENS, _TABLE, _PENDING, _SYNC, *_TRIGGERS):
        connection.exec_driver_sql(statement.replace("%", "%%"))  # no parameters
    connection.exec_driver_sql(INDEX_SQL)
    # every patent is searched by a scan until the indexer (or the next search) catches up
    connection.exec_driver_sql(
        f"INSERT INTO {PENDING_TABLE} (patent_id) SELECT id FROM patent ON CONFLICT DO NOTHING"
    )
    connection.exec_driver_sql(
        f"COMMENT ON TABLE {TOKENS_TABLE} IS 'roadshow-desk search {PG_SEARCH_VERSION}'"
    )


def _current(connection: Connection) -> bool:
    sql = (
        "SELECT obj_description(to_regclass(:table), 'pg_class') = :comment "
        "AND to_regclass(:index) IS NOT NULL"
    )
    comment = f"roadshow-desk search {PG_SEARCH_VERSION}"
    found = connection.execute(
        text(sql), {"table": TOKENS_TABLE, "comment": comment, "index": INDEX_NAME}
    ).scalar()
    return bool(found)


# --------------------------------------------------------------------------- tokens


_PG_RUN = re.compile(r"[^\x01-\x7f]+")
_PG_WORD = re.compile(r"[a-z0-9]+")


def search_document(values: Sequence[str | None]) -> tuple[str, str]:
    """(title, body) as the trigger writes them, for the :data:`SEARCHED_FIELDS` values of
    one patent: each field normalised, the body's joined by line breaks. ``İ`` is the one
    letter whose lower case differs: ``i`` on the server, two characters in Python."""
    title, *body = (normalize_text(value and value.replace("İ", "i")) for value in values)
    return title, "\n".join(body)


def tokens_of(document: str) -> list[str]:
    """``rs_search_tokens(document)`` in Python (the same tokens as the trigger makes;
    sorted)."""
    found: set[str] = set()
    for run in _PG_RUN.findall(document):
        found.update(run)
        found.update(map(add, run, run[1:]))
    for word in _PG_WORD.findall(document):
        found.update(word)
        found.update(map(add, word, word[1:]))
        found.update(map(add, map(add, word, word[1:]), word[2:]))
    return sorted(found)


def document_tokens(values: Sequence[str | None]) -> list[str]:
    """The tokens of one patent's :data:`SEARCHED_FIELDS` values."""
    return tokens_of("\n".join(search_document(values)))


def _array_literal(found: list[str]) -> str:
    """A ``text[]`` literal in COPY's text format (tokens hold no whitespace... but may hold
    any other character: each element is quoted and escaped)."""
    return "{" + ",".join('"' + _escape(token) + '"' for token in found) + "}"


def _escape(token: str) -> str:
    if "\\" in token or '"' in token:
        token = token.replace("\\", "\\\\").replace('"', '\\"')
    return token


@contextmanager
def tokens_suspended(connection: Connection) -> Iterator[None]:
    """Inside the block, writing patents does not write their tokens (the caller writes them
    with :func:`write_tokens`); for the rest of the caller's transaction at most."""
    connection.exec_driver_sql(f"SELECT set_config('{SUSPEND_SETTING}', 'on', true)")
    try:
        yield
    finally:
        connection.exec_driver_sql(f"SELECT set_config('{SUSPEND_SETTING}', 'off', true)")


def write_tokens(
    connection: Connection,
    rows: Iterable[tuple[int, Sequence[str | None]]],
    *,
    new: bool = False,
) -> int:
    """Write the tokens of patents, ``(id, SEARCHED_FIELDS values)``, with ``COPY``; returns
    how many. ``new``: none of them has tokens yet (straight into the table); otherwise
    theirs are replaced (through a temporary table and one upsert)."""
    driver: Any = connection.connection.driver_connection
    count = 0
    target = TOKENS_TABLE if new else "rs_tokens_load"
    with driver.cursor() as cursor:
        if not new:
            cursor.execute(
                "CREATE TEMPORARY TABLE IF NOT EXISTS rs_tokens_load "
                '(patent_id integer, title text, body text, tokens text[] COLLATE "C") '
                "ON COMMIT DELETE ROWS"
            )
        with cursor.copy(f"COPY {target} (patent_id, title, body, tokens) FROM STDIN") as copy:
            for patent_id, values in rows:
                title, body = search_document(values)
                literal = _array_literal(tokens_of(title + "\n" + body))
                copy.write(
                    f"{patent_id}\t{_copy_text(title)}\t{_copy_text(body)}\t{_copy_text(literal)}\n"
                )
                count += 1
        if not new:
            cursor.execute(
                f"INSERT INTO {TOKENS_TABLE} (patent_id, title, body, tokens) "
                "SELECT patent_id, title, body, tokens FROM rs_tokens_load "
                "ON CONFLICT (patent_id) DO UPDATE SET title = EXCLUDED.title, "
                "body = EXCLUDED.body, tokens = EXCLUDED.tokens"
            )
            cursor.execute("TRUNCATE rs_tokens_load")
    return count


def _copy_text(value: str) -> str:
    """``value`` escaped for COPY's text format (backslash, tab, line breaks)."""
    if "\\" in value or "\t" in value or "\n" in value or "\r" in value:
        value = (
            value.replace("\\", "\\\\")
            .replace("\t", "\\t")
            .replace("\n", "\\n")
            .replace("\r", "\\r")
        )
    return value


def queue_new_patents(connection: Connection, ids: Sequence[int]) -> None:
    """Queue patents written with :func:`tokens_suspended` for the index (one ``COPY``)."""
    driver: Any = connection.connection.driver_connection
    with (
        driver.cursor() as cursor,
        cursor.copy(f"COPY {PENDING_TABLE} (patent_id) FROM STDIN") as copy,
    ):
        copy.write("".join(f"{patent_id}\n" for patent_id in ids))


def reindex(connection: Connection, ids: Sequence[int], *, at_once: bool) -> None:
    """Patents ``ids`` were written with :func:`tokens_suspended`: index them now
    (``at_once``, in the caller's transaction) or drop their tokens and queue them."""
    if at_once:
        columns = ", ".join(SEARCHED_FIELDS)
        rows = connection.exec_driver_sql(
            f"SELECT id, deleted_at, {columns} FROM patent WHERE id = ANY(%(ids)s)",
            {"ids": list(ids)},
        ).fetchall()
    connection.exec_driver_sql(
        f"DELETE FROM {TOKENS_TABLE} WHERE patent_id = ANY(%(ids)s)", {"ids": list(ids)}
    )
    if at_once:
        write_tokens(connection, ((row[0], row[2:]) for row in rows if row[1] is None), new=True)
    else:
        connection.exec_driver_sql(
            f"INSERT INTO {PENDING_TABLE} (patent_id) SELECT unnest(%(ids)s::integer[]) "
            "ON CONFLICT DO NOTHING",
            {"ids": list(ids)},
        )


def pending_count(connection: Connection) -> int:
    return int(connection.exec_driver_sql(f"SELECT count(*) FROM {PENDING_TABLE}").scalar() or 0)


#: A catch-up of at least this many patents, and of more than are indexed, builds the GIN
#: index afresh (one sort) instead of growing it.
REBUILD_INDEX_FROM = 10_000
#: Memory for building the GIN index (this transaction only; the server's default is 64 MB).
_INDEX_MEMORY = "256MB"


def index_pending(connection: Connection, limit: int | None = None) -> int:
    """Index queued patents (all, or the ``limit`` lowest ids) in the caller's transaction;
    returns how many were taken off the queue.

    The queue rows are taken with ``SKIP LOCKED`` (two desks catching up share the work)
    and the patents read ``FOR SHARE``: an edit committed meanwhile is read as edited, and
    one made later waits for this transaction and then writes its own tokens (the trigger).
    """
    bound = "" if limit is None else f" LIMIT {max(int(limit), 0)}"
    ids = [
        row[0]
        for row in connection.exec_driver_sql(
            f"DELETE FROM {PENDING_TABLE} WHERE patent_id IN (SELECT patent_id FROM "
            f"{PENDING_TABLE} ORDER BY patent_id{bound} FOR UPDATE SKIP LOCKED) "
            "RETURNING patent_id"
        )
    ]
    if not ids:
        return 0
    rebuild = len(ids) >= REBUILD_INDEX_FROM and len(ids) > int(
        connection.exec_driver_sql(f"SELECT count(*) FROM {TOKENS_TABLE}").scalar() or 0
    )
    if rebuild:
        connection.exec_driver_sql(f"DROP INDEX IF EXISTS {INDEX_NAME}")
    columns = ", ".join(SEARCHED_FIELDS)
    rows = connection.exec_driver_sql(
        f"SELECT id, deleted_at, {columns} FROM patent WHERE id = ANY(%(ids)s) "
        "ORDER BY id FOR SHARE",
        {"ids": ids},
    ).fetchall()
    connection.exec_driver_sql(
        f"DELETE FROM {TOKENS_TABLE} WHERE patent_id = ANY(%(ids)s)", {"ids": ids}
    )  # written again below if not tombstoned (an edit may have indexed one meanwhile)
    live = ((row[0], row[2:]) for row in rows if row[1] is None)
    write_tokens(connection, live, new=True)
    if rebuild:
        connection.exec_driver_sql(f"SET LOCAL maintenance_work_mem = '{_INDEX_MEMORY}'")
        connection.exec_driver_sql(INDEX_SQL)
    return len(ids)


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


#: The searched fields, shortest first: a term is looked for in one after the other until
#: found (the same hits in any order; the long abstract is read last).
_CHECK_ORDER = (
    "application_no", "publication_no", "ipc_main", "ipc_all", "applicants", "inventors",
    "title", "abstract",
)  # fmt: skip


def _check_sql(alias: str, term: str, key: str) -> str:
    """SQL true when the patent row ``alias`` holds ``term`` (the definition, no index)."""
    parts = (
        f"strpos({normalised_sql(f'{alias}.{name}', term)}, :{key}) > 0" for name in _CHECK_ORDER
    )
    return "(" + " OR ".join(parts) + ")"


def _term_sql(
    term: str, application_no: str | None, params: dict[str, Any], key: str
) -> tuple[str, str]:
    """(SQL true when the indexed row ``t`` holds ``term``, the same for the queued patent
    ``s``: its columns checked)."""
    params[key] = term
    text_check = f"(strpos(t.title, :{key}) > 0 OR strpos(t.body, :{key}) > 0)"
    found = term_tokens(term)
    if found:
        params[key + "_k"] = found
        indexed = f't.tokens @> CAST(:{key}_k AS text[]) COLLATE "C"'
        if not _exact(term):
            indexed = f"({indexed} AND {text_check})"
    else:
        indexed = text_check  # nothing to look up: a scan of the index's text
    queued = _check_sql("s", term, key)
    if application_no:
        params[key + "_a"] = application_no
        number = f"(SELECT n.id FROM patent AS n WHERE n.application_no = :{key}_a)"
        indexed = f"({indexed} OR t.patent_id = {number})"
        queued = f"({queued} OR s.application_no = :{key}_a)"
    return indexed, queued


def hits_query(
    terms: Sequence[tuple[str, str | None]],
    params: dict[str, Any],
    prefix: str = "rs_pg",
    queued: bool = True,
) -> str:
    """SQL selecting ``id, rank`` of the (not deleted) patents holding every term (with
    the application number it spells, if any): ``rank`` counts the terms in the title.

    Indexed patents are answered from :data:`TOKENS_TABLE` alone (tokens, then ``strpos``
    on the normalised text kept there, unless the tokens are exact). Patents queued for
    the index (:data:`PENDING_TABLE`: a bulk import's) are checked on their columns;
    ``queued=False`` leaves them out (the queue is empty: :func:`has_pending`), which
    spares the planner a join it cannot cost well.
    """
    indexed, checked, rank_t, rank_s = [], [], ["0"], ["0"]
    for number, (term, application_no) in enumerate(terms):
        key = f"{prefix}_{number}"
        on_index, on_columns = _term_sql(term, application_no, params, key)
        indexed.append(on_index)
        checked.append(on_columns)
        rank_t.append(f"(CASE WHEN strpos(t.title, :{key}) > 0 THEN 1 ELSE 0 END)")
        title = normalised_sql(f"s.{TITLE_FIELD}", term)
        rank_s.append(f"(CASE WHEN strpos({title}, :{key}) > 0 THEN 1 ELSE 0 END)")
    sql = (
        f"SELECT t.patent_id AS id, {' + '.join(rank_t)} AS rank FROM {TOKENS_TABLE} AS t "
        f"WHERE {' AND '.join(indexed)}"
    )
    if queued:
        sql += (
            f" UNION ALL SELECT s.id, {' + '.join(rank_s)} FROM {PENDING_TABLE} AS q "
            "JOIN patent AS s ON s.id = q.patent_id WHERE s.deleted_at IS NULL AND NOT EXISTS "
            f"(SELECT 1 FROM {TOKENS_TABLE} AS u WHERE u.patent_id = s.id) "
            f"AND {' AND '.join(checked)}"
        )
    return sql


def title_sql(term: str, params: dict[str, Any], key: str) -> str:
    """SQL 1 when the title of row ``p`` holds ``term``, else 0 (the rank)."""
    params[key + "_t"] = term
    title = normalised_sql(f"p.{TITLE_FIELD}", term)
    return f"(CASE WHEN strpos({title}, :{key}_t) > 0 THEN 1 ELSE 0 END)"


def has_pending(connection: Connection) -> bool:
    """Whether patents are queued for the index (one cheap statement)."""
    sql = f"SELECT EXISTS (SELECT 1 FROM {PENDING_TABLE})"
    return bool(connection.exec_driver_sql(sql).scalar())


def hits_sql(
    terms: Sequence[tuple[str, str | None]],
    params: dict[str, Any],
    prefix: str = "rs_pg",
    queued: bool = True,
) -> tuple[str, str]:
    """(WHERE condition, rank expression) over ``patent AS p`` for the terms
    (:func:`hits_query`)."""
    query = hits_query(terms, params, prefix, queued)
    where = f"p.deleted_at IS NULL AND p.id IN (SELECT h.id FROM ({query}) AS h)"
    ranks = ["0"]
    for number, (term, _number) in enumerate(terms):
        ranks.append(title_sql(term, params, f"{prefix}_{number}"))
    return where, " + ".join(ranks)
