"""The search index (SQLite): tokens, tables, triggers, and keeping it current.

In the manner of Lucene's CJK analyser, text is cut into *tokens*: every run of non-ASCII
characters gives its characters and its overlapping pairs (``锂电池`` → ``锂 电 池 锂电
电池``), every run of ASCII letters and digits one word (``H01M`` → ``h01m``). The tokens of
each patent go into a contentless FTS5 table (``detail=none``: which patents hold a token,
compressed), the title's tokens into a second one for ranking; the normalised text is kept
beside them (verification of longer terms, ranking, and the tokens to remove when a patent
changes), and the letters-and-digits words in a word list (for partial words).

Triggers on ``patent`` queue every inserted, edited, tombstoned or deleted patent; every
search first indexes the queue (:func:`index_pending`), so the index cannot be stale
whatever code wrote the patents. :func:`index_patents` does that work up front (the importer
calls it inside its transaction). The tables are made on first use, and rebuilt when
missing, made by another tokeniser version, or when the triggers were lost (a migration
that rebuilt ``patent``). Only patents that are not tombstoned are indexed.

The queries over this index are in :mod:`roadshow_desk.store.search`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from operator import add
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.orm import Session

#: Bump when tokens or normalisation change: existing indexes are then rebuilt.
INDEX_VERSION = "1"

TITLE_FIELD = "title"
BODY_FIELDS: tuple[str, ...] = (
    "abstract",
    "applicants",
    "inventors",
    "ipc_main",
    "ipc_all",
    "application_no",
    "publication_no",
)
SEARCHED_FIELDS: tuple[str, ...] = (TITLE_FIELD, *BODY_FIELDS)
_BATCH = 500
#: FTS5 buffers new tokens in memory up to this size before writing a segment (its default,
#: 1 MB, writes and merges many small segments in a bulk index: measured ~20-40 % slower).
_FTS_HASH_SIZE = 16 * 1024 * 1024

TEXT_TABLE = "patent_search_text"
FTS_TABLE = "patent_search_fts"
TITLE_FTS_TABLE = "patent_search_title_fts"
WORD_TABLE = "patent_search_word"
_PENDING = "patent_search_pending"
_META = "patent_search_meta"

_WORD = re.compile(r"[a-z0-9]+")
_RUN = re.compile(r"[^\x00-\x7f\s]+")
_FULL_WIDTH_CHAR = re.compile("[\uff01-\uff5e\u3000]")


# --------------------------------------------------------------------------- text


def _half(match: re.Match[str]) -> str:
    char = match.group()
    return " " if char == "\u3000" else chr(ord(char) - 0xFEE0)


def normalize_text(text: str | None) -> str:
    """The form searched: full-width ASCII and U+3000 made half-width, then lower case.

    The same mapping as :func:`roadshow_desk.domain.identifiers.to_halfwidth`, done with a
    regular expression because it runs over every patent when the index is built.
    """
    if not text:
        return ""
    return _FULL_WIDTH_CHAR.sub(_half, text).lower()


def tokens(normalised: str) -> set[str]:
    """The index tokens of normalised text: CJK characters and pairs, Latin/digit words."""
    return _tokens_and_words(normalised)[0]


def _tokens_and_words(normalised: str) -> tuple[set[str], list[str]]:
    """(:func:`tokens`, the letters-and-digits words among them, possibly repeated)."""
    words = _WORD.findall(normalised)
    found = set(words)
    for run in _RUN.findall(normalised):
        found.update(run, map(add, run, run[1:]))  # its characters and overlapping pairs
    return found, words


def _document_tokens(title: str, body: str) -> tuple[set[str], set[str], list[str]]:
    """(tokens of title and body, tokens of the title, words) of a normalised document.

    The tokens of ``title + "\n" + body`` are those of the title and of the body (a line
    break ends every word and run), so the title is cut once for both FTS tables.
    """
    title_tokens, words = _tokens_and_words(title)
    body_tokens, body_words = _tokens_and_words(body)
    body_tokens |= title_tokens
    words += body_words
    return body_tokens, title_tokens, words


def _document(row: Sequence[Any]) -> tuple[str, str]:
    """(normalised title, normalised body) of a row of :data:`SEARCHED_FIELDS` values.

    The body joins the fields with a line break: terms never contain whitespace, so no
    term can match across two fields.
    """
    return normalize_text(row[0]), "\n".join(normalize_text(value) for value in row[1:])


# --------------------------------------------------------------------------- schema


def connection_of(bind: Connection | Session) -> Connection:
    return bind.connection() if isinstance(bind, Session) else bind


_COLUMNS = ", ".join(SEARCHED_FIELDS)
_TRIGGERS = {
    "patent_search_on_insert": (
        "CREATE TRIGGER IF NOT EXISTS patent_search_on_insert AFTER INSERT ON patent "
        f"BEGIN INSERT OR IGNORE INTO {_PENDING}(patent_id) VALUES (new.id); END"
    ),
    "patent_search_on_update": (
        "CREATE TRIGGER IF NOT EXISTS patent_search_on_update AFTER UPDATE OF "
        f"id, deleted_at, {_COLUMNS} ON patent BEGIN "
        f"INSERT OR IGNORE INTO {_PENDING}(patent_id) VALUES (old.id); "
        f"INSERT OR IGNORE INTO {_PENDING}(patent_id) VALUES (new.id); END"
    ),
    "patent_search_on_delete": (
        "CREATE TRIGGER IF NOT EXISTS patent_search_on_delete AFTER DELETE ON patent "
        f"BEGIN INSERT OR IGNORE INTO {_PENDING}(patent_id) VALUES (old.id); END"
    ),
}
_TABLES = {
    _META: f"CREATE TABLE IF NOT EXISTS {_META} (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    TEXT_TABLE: (
        f"CREATE TABLE IF NOT EXISTS {TEXT_TABLE} (patent_id INTEGER PRIMARY KEY, "
        "title TEXT NOT NULL, body TEXT NOT NULL)"
    ),
    WORD_TABLE: f"CREATE TABLE IF NOT EXISTS {WORD_TABLE} (word TEXT PRIMARY KEY) WITHOUT ROWID",
    _PENDING: f"CREATE TABLE IF NOT EXISTS {_PENDING} (patent_id INTEGER PRIMARY KEY)",
    FTS_TABLE: (
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
        "terms, content='', detail=none, tokenize='ascii')"
    ),
    TITLE_FTS_TABLE: (
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {TITLE_FTS_TABLE} USING fts5("
        "terms, content='', detail=none, tokenize='ascii')"
    ),
}


def ensure_search_schema(bind: Connection | Session) -> bool:
    """Create the index tables and triggers if needed; ``False`` when not on SQLite.

    A missing or outdated index, or missing triggers, empty the index and queue every
    patent (edits made while the triggers were missing were not seen).
    """
    connection = connection_of(bind)
    if connection.dialect.name != "sqlite":
        return False
    names = {
        row[0]
        for row in connection.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE name LIKE 'patent_search%'"
        )
    }
    version = None
    if _META in names:
        version = connection.exec_driver_sql(
            f"SELECT value FROM {_META} WHERE key = 'version'"
        ).scalar()
    if set(_TABLES) | set(_TRIGGERS) <= names and version == INDEX_VERSION:
        return True
    for name in (FTS_TABLE, TITLE_FTS_TABLE, TEXT_TABLE, WORD_TABLE):
        if name in names:
            connection.exec_driver_sql(f"DROP TABLE {name}")
    for statement in (*_TABLES.values(), *_TRIGGERS.values()):
        connection.exec_driver_sql(statement)
    connection.exec_driver_sql(
        f"INSERT OR REPLACE INTO {_META}(key, value) VALUES ('version', ?)", (INDEX_VERSION,)
    )
    connection.exec_driver_sql(f"INSERT OR IGNORE INTO {_PENDING}(patent_id) SELECT id FROM patent")
    return True


# --------------------------------------------------------------------------- indexing


def raw_cursor(connection: Connection) -> Any:
    return connection.connection.driver_connection.cursor()  # type: ignore[union-attr]


def _chunks(ids: Sequence[int], size: int = _BATCH) -> Iterator[Sequence[int]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def _use_large_buffer(cursor: Any) -> None:
    """Set the FTS tables' token buffer to :data:`_FTS_HASH_SIZE` (kept in their config)."""
    for name in (FTS_TABLE, TITLE_FTS_TABLE):
        row = cursor.execute(f"SELECT v FROM {name}_config WHERE k = 'hashsize'").fetchone()
        if row is None or row[0] != _FTS_HASH_SIZE:
            cursor.execute(
                f"INSERT INTO {name}({name}, rank) VALUES ('hashsize', {_FTS_HASH_SIZE})"
            )


def _delete_documents(cursor: Any, documents: list[tuple[int, str, str]]) -> None:
    """Remove indexed documents (contentless FTS5 needs the tokens that were inserted)."""
    rows = []
    title_rows = []
    for patent_id, title, body in documents:
        found, title_found, _words = _document_tokens(title, body)
        rows.append((patent_id, " ".join(found)))
        title_rows.append((patent_id, " ".join(title_found)))
    cursor.executemany(
        f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, terms) VALUES ('delete', ?, ?)", rows
    )
    cursor.executemany(
        f"INSERT INTO {TITLE_FTS_TABLE}({TITLE_FTS_TABLE}, rowid, terms) VALUES ('delete', ?, ?)",
        title_rows,
    )
    cursor.executemany(
        f"DELETE FROM {TEXT_TABLE} WHERE patent_id = ?", [(d[0],) for d in documents]
    )


def _insert_documents(cursor: Any, documents: list[tuple[int, str, str]]) -> None:
    rows = []
    title_rows = []
    words: set[str] = set()
    for patent_id, title, body in documents:
        found, title_found, document_words = _document_tokens(title, body)
        rows.append((patent_id, " ".join(found)))  # each token once: detail=none
        title_rows.append((patent_id, " ".join(title_found)))
        words.update(document_words)
    cursor.executemany(f"INSERT INTO {FTS_TABLE}(rowid, terms) VALUES (?, ?)", rows)
    cursor.executemany(f"INSERT INTO {TITLE_FTS_TABLE}(rowid, terms) VALUES (?, ?)", title_rows)
    cursor.executemany(
        f"INSERT INTO {TEXT_TABLE}(patent_id, title, body) VALUES (?, ?, ?)", documents
    )
    cursor.executemany(
        f"INSERT OR IGNORE INTO {WORD_TABLE}(word) VALUES (?)", [(w,) for w in words]
    )


def _index_batch(cursor: Any, ids: Sequence[int]) -> None:
    marks = ",".join("?" * len(ids))
    old = {
        row[0]: (row[1], row[2])
        for row in cursor.execute(
            f"SELECT patent_id, title, body FROM {TEXT_TABLE} WHERE patent_id IN ({marks})", ids
        ).fetchall()
    }
    new = {
        row[0]: _document(row[1:])
        for row in cursor.execute(
            f"SELECT id, {_COLUMNS} FROM patent WHERE id IN ({marks}) AND deleted_at IS NULL",
            ids,
        ).fetchall()
    }
    stale = []
    for patent_id, document in old.items():
        if new.get(patent_id) == document:
            del new[patent_id]  # unchanged
        else:
            stale.append((patent_id, *document))
    _delete_documents(cursor, stale)
    _insert_documents(cursor, [(pid, *document) for pid, document in new.items()])


def index_patents(bind: Connection | Session, patent_ids: Iterable[int]) -> int:
    """Bring the index up to date for these patents (inserted, edited or deleted ones).

    Meant to run inside the transaction that changed them (cheap for unchanged patents).
    Returns how many patents were looked at.
    """
    connection = connection_of(bind)
    if not ensure_search_schema(connection):
        return 0
    ids = sorted(set(patent_ids))
    cursor = raw_cursor(connection)
    try:
        if len(ids) > _BATCH:
            _use_large_buffer(cursor)
        for chunk in _chunks(ids):
            _index_batch(cursor, chunk)
            cursor.executemany(f"DELETE FROM {_PENDING} WHERE patent_id = ?", [(i,) for i in chunk])
    finally:
        cursor.close()
    return len(ids)


def index_pending(bind: Connection | Session) -> int:
    """Index every patent the triggers queued; returns how many there were.

    When the index is empty and the queue long (a new or rebuilt index), the bulk path of
    :func:`rebuild_index` is taken.
    """
    connection = connection_of(bind)
    if not ensure_search_schema(connection):
        return 0
    pending = [row[0] for row in connection.exec_driver_sql(f"SELECT patent_id FROM {_PENDING}")]
    if not pending:
        return 0
    empty = (
        connection.exec_driver_sql(f"SELECT patent_id FROM {TEXT_TABLE} LIMIT 1").first() is None
    )
    if empty and len(pending) > 2 * _BATCH:
        return rebuild_index(connection)
    return index_patents(connection, pending)


def rebuild_index(bind: Connection | Session) -> int:
    """Rebuild the whole index from the patents (bulk speed); returns the patents indexed."""
    connection = connection_of(bind)
    if not ensure_search_schema(connection):
        return 0
    for name in (FTS_TABLE, TITLE_FTS_TABLE):
        connection.exec_driver_sql(f"INSERT INTO {name}({name}) VALUES ('delete-all')")
    connection.exec_driver_sql(f"DELETE FROM {TEXT_TABLE}")
    connection.exec_driver_sql(f"DELETE FROM {WORD_TABLE}")
    read = raw_cursor(connection)
    write = raw_cursor(connection)
    count = 0
    try:
        _use_large_buffer(write)
        read.execute(f"SELECT id, {_COLUMNS} FROM patent WHERE deleted_at IS NULL ORDER BY id")
        while batch := read.fetchmany(2000):
            _insert_documents(write, [(row[0], *_document(row[1:])) for row in batch])
            count += len(batch)
        write.execute(f"DELETE FROM {_PENDING}")
        for name in (FTS_TABLE, TITLE_FTS_TABLE):
            write.execute(f"INSERT INTO {name}({name}) VALUES ('optimize')")
    finally:
        read.close()
        write.close()
    return count
