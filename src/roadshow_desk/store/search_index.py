"""The search index (SQLite): tokens, tables, triggers, the queue, and keeping it current.

In the manner of Lucene's CJK analyser, text is cut into *tokens*: every run of non-ASCII
characters gives its characters and its overlapping pairs (``锂电池`` → ``锂 电 池 锂电
电池``), every run of ASCII letters and digits one word (``H01M`` → ``h01m``). The tokens of
each patent go into a contentless FTS5 table (``detail=none``: which patents hold a token,
compressed), the title's tokens into a second one for ranking; the normalised text is kept
beside them (verification of longer terms, ranking, and the tokens to remove when a patent
changes), and the letters-and-digits words in a word list (for partial words).

The queue
    Triggers on ``patent`` queue every inserted, edited, tombstoned or deleted patent in
    ``patent_search_pending``; a bulk writer (the importer) may instead suspend the insert
    trigger (:func:`insert_trigger_suspended`) and queue its patents at once
    (:func:`queue_patents`). The index entries of a queued patent may be stale, so the
    search (:mod:`roadshow_desk.store.search`) never trusts them: it indexes a short queue
    first, and checks the patents of a long one by a scan of their columns. Nothing that
    writes patents has to index them.

Catching up
    :func:`index_pending` indexes the queue (all of it, or the ``limit`` lowest ids, so a
    background worker can go in short transactions: the GUI's search indexer does), in one
    write transaction that it opens before reading (``BEGIN IMMEDIATE``), so a patent
    edited meanwhile cannot be dequeued with its old text. :func:`prepare_pending` cuts the
    tokens of the next batch ahead, without the lock (used only where the patent still
    reads the same). :func:`index_patents` indexes given patents inside the caller's
    transaction. The whole queue into an empty index takes the bulk path of
    :func:`rebuild_index`.

The tables are made on first use, and rebuilt when missing, made by another tokeniser
version, or when the triggers were lost (a migration that rebuilt ``patent``): the index is
then emptied and every patent queued. Only patents that are not tombstoned are indexed.
:func:`register_functions` adds ``rs_normalize(text)`` (:func:`normalize_text`) to an SQLite
connection, for the scan of queued patents.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
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
PENDING_TABLE = "patent_search_pending"
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


#: The SQL name of :func:`normalize_text` on connections set up by :func:`register_functions`.
SQL_NORMALIZE = "rs_normalize"


def register_functions(dbapi_connection: Any) -> None:
    """Add ``rs_normalize(text)`` (:func:`normalize_text`) to an ``sqlite3`` connection."""
    dbapi_connection.create_function(SQL_NORMALIZE, 1, normalize_text, deterministic=True)


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
        f"BEGIN INSERT OR IGNORE INTO {PENDING_TABLE}(patent_id) VALUES (new.id); END"
    ),
    "patent_search_on_update": (
        "CREATE TRIGGER IF NOT EXISTS patent_search_on_update AFTER UPDATE OF "
        f"id, deleted_at, {_COLUMNS} ON patent BEGIN "
        f"INSERT OR IGNORE INTO {PENDING_TABLE}(patent_id) VALUES (old.id); "
        f"INSERT OR IGNORE INTO {PENDING_TABLE}(patent_id) VALUES (new.id); END"
    ),
    "patent_search_on_delete": (
        "CREATE TRIGGER IF NOT EXISTS patent_search_on_delete AFTER DELETE ON patent "
        f"BEGIN INSERT OR IGNORE INTO {PENDING_TABLE}(patent_id) VALUES (old.id); END"
    ),
}
_TABLES = {
    _META: f"CREATE TABLE IF NOT EXISTS {_META} (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    TEXT_TABLE: (
        f"CREATE TABLE IF NOT EXISTS {TEXT_TABLE} (patent_id INTEGER PRIMARY KEY, "
        "title TEXT NOT NULL, body TEXT NOT NULL)"
    ),
    WORD_TABLE: f"CREATE TABLE IF NOT EXISTS {WORD_TABLE} (word TEXT PRIMARY KEY) WITHOUT ROWID",
    PENDING_TABLE: f"CREATE TABLE IF NOT EXISTS {PENDING_TABLE} (patent_id INTEGER PRIMARY KEY)",
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
    patent (edits made while the triggers were missing were not seen). That is done in a
    write transaction opened first, so two connections (the search indexer and a search)
    never rebuild at the same time: the second finds the index made.
    """
    connection = connection_of(bind)
    if connection.dialect.name != "sqlite":
        return False
    names = _schema_names(connection)
    if _schema_current(connection, names):
        return True
    _begin_write(connection)
    names = _schema_names(connection)
    if _schema_current(connection, names):
        return True
    for name in (FTS_TABLE, TITLE_FTS_TABLE, TEXT_TABLE, WORD_TABLE):
        if name in names:
            connection.exec_driver_sql(f"DROP TABLE {name}")
    for statement in (*_TABLES.values(), *_TRIGGERS.values()):
        connection.exec_driver_sql(statement)
    connection.exec_driver_sql(
        f"INSERT OR REPLACE INTO {_META}(key, value) VALUES ('version', ?)", (INDEX_VERSION,)
    )
    connection.exec_driver_sql(
        f"INSERT OR IGNORE INTO {PENDING_TABLE}(patent_id) SELECT id FROM patent"
    )
    return True


def _schema_names(connection: Connection) -> set[str]:
    sql = "SELECT name FROM sqlite_master WHERE name LIKE 'patent_search%'"
    return {row[0] for row in connection.exec_driver_sql(sql)}


def _schema_current(connection: Connection, names: set[str]) -> bool:
    if not set(_TABLES) | set(_TRIGGERS) <= names:
        return False
    sql = f"SELECT value FROM {_META} WHERE key = 'version'"
    return bool(connection.exec_driver_sql(sql).scalar() == INDEX_VERSION)


# --------------------------------------------------------------------------- the queue


@contextmanager
def insert_trigger_suspended(bind: Connection | Session) -> Iterator[None]:
    """Inside the block, inserting patents does not queue them (the caller queues them at
    once with :func:`queue_patents`): the per-row trigger costs more than the insert itself
    in a bulk import. The trigger is dropped and re-created inside the caller's transaction,
    so a rollback restores it and no other connection ever sees the database without it.
    """
    connection = connection_of(bind)
    if connection.dialect.name != "sqlite":
        yield
        return
    exists = connection.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = 'patent_search_on_insert'"
    ).first()
    if exists is None:  # no index yet: creating it queues every patent
        yield
        return
    connection.exec_driver_sql("DROP TRIGGER patent_search_on_insert")
    try:
        yield
    finally:
        connection.exec_driver_sql(_TRIGGERS["patent_search_on_insert"])


def queue_patents(bind: Connection | Session, patent_ids: Iterable[int]) -> None:
    """Queue patents for indexing (what the triggers do row by row), if the index exists."""
    connection = connection_of(bind)
    if connection.dialect.name != "sqlite":
        return
    exists = connection.exec_driver_sql(
        f"SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '{PENDING_TABLE}'"
    ).first()
    if exists is not None:
        cursor = raw_cursor(connection)
        try:
            cursor.executemany(
                f"INSERT OR IGNORE INTO {PENDING_TABLE}(patent_id) VALUES (?)",
                [(patent_id,) for patent_id in patent_ids],
            )
        finally:
            cursor.close()


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


Tokenized = tuple[str, str, list[str]]
"""The tokens of a document as the FTS tables take them (each once: ``detail=none``), the
tokens of its title, and its words."""
Prepared = dict[int, tuple[tuple[str, str], Tokenized]]
"""Patents' normalised (title, body) and their tokens, cut ahead (:func:`prepare_pending`)."""


def _tokenized(title: str, body: str) -> Tokenized:
    found, title_found, words = _document_tokens(title, body)
    return " ".join(found), " ".join(title_found), words


def _insert_documents(
    cursor: Any, documents: list[tuple[int, str, str]], prepared: Prepared | None = None
) -> None:
    """Index documents; a prepared entry is used when its document is the same."""
    rows = []
    title_rows = []
    words: set[str] = set()
    for patent_id, title, body in documents:
        ready = prepared.get(patent_id) if prepared else None
        if ready is not None and ready[0] == (title, body):
            terms, title_terms, document_words = ready[1]
        else:
            terms, title_terms, document_words = _tokenized(title, body)
        rows.append((patent_id, terms))
        title_rows.append((patent_id, title_terms))
        words.update(document_words)
    cursor.executemany(f"INSERT INTO {FTS_TABLE}(rowid, terms) VALUES (?, ?)", rows)
    cursor.executemany(f"INSERT INTO {TITLE_FTS_TABLE}(rowid, terms) VALUES (?, ?)", title_rows)
    cursor.executemany(
        f"INSERT INTO {TEXT_TABLE}(patent_id, title, body) VALUES (?, ?, ?)", documents
    )
    cursor.executemany(
        f"INSERT OR IGNORE INTO {WORD_TABLE}(word) VALUES (?)", [(w,) for w in words]
    )


def _index_batch(cursor: Any, ids: Sequence[int], prepared: Prepared | None = None) -> None:
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
    _insert_documents(cursor, [(pid, *document) for pid, document in new.items()], prepared)


def index_patents(bind: Connection | Session, patent_ids: Iterable[int]) -> int:
    """Bring the index up to date for these patents (inserted, edited or deleted ones).

    Meant to run inside the transaction that changed them (cheap for unchanged patents).
    Returns how many patents were looked at.
    """
    connection = connection_of(bind)
    if not ensure_search_schema(connection):
        return 0
    return _index_ids(connection, sorted(set(patent_ids)))


def _index_ids(connection: Connection, ids: list[int], prepared: Prepared | None = None) -> int:
    cursor = raw_cursor(connection)
    try:
        if len(ids) > _BATCH:
            _use_large_buffer(cursor)
        for chunk in _chunks(ids):
            _index_batch(cursor, chunk, prepared)
            cursor.executemany(
                f"DELETE FROM {PENDING_TABLE} WHERE patent_id = ?", [(i,) for i in chunk]
            )
    finally:
        cursor.close()
    return len(ids)


def pending_count(bind: Connection | Session) -> int:
    """How many patents are queued for indexing (0 when neither SQLite nor PostgreSQL)."""
    connection = connection_of(bind)
    if connection.dialect.name == "postgresql":
        from roadshow_desk.store import search_pg

        return search_pg.pending_count(connection)
    if not ensure_search_schema(connection):
        return 0
    return int(connection.exec_driver_sql(f"SELECT count(*) FROM {PENDING_TABLE}").scalar() or 0)


def _begin_write(connection: Connection) -> None:
    """Start the write transaction now, before reading, unless one is already open.

    The driver starts a transaction only at the first write: without this, a patent edited
    between reading its text and writing the index would leave the queue with its old text
    indexed (the edit's trigger finds it queued already). ``BEGIN IMMEDIATE`` waits for the
    write lock (``busy_timeout``) and then nobody else writes until the commit.
    """
    driver = connection.connection.driver_connection
    if not getattr(driver, "in_transaction", True):
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def _queued_ids(connection: Connection, limit: int | None) -> list[int]:
    sql = f"SELECT patent_id FROM {PENDING_TABLE} ORDER BY patent_id"
    if limit is not None:
        sql += f" LIMIT {max(int(limit), 0)}"
    return [row[0] for row in connection.exec_driver_sql(sql)]


def prepare_pending(bind: Connection | Session, limit: int) -> Prepared:
    """Read the next ``limit`` queued patents and cut their tokens, without writing.

    Pass the result to :func:`index_pending` (same ``limit``): cutting tokens is the slow,
    pure-Python part of indexing, and done here it happens while other connections may
    still write. :func:`index_pending` reads the patents again under its write lock and
    uses a prepared entry only where the patent still reads the same.
    """
    connection = connection_of(bind)
    if not ensure_search_schema(connection):
        return {}  # PostgreSQL: cut while indexing (search_pg.index_pending)
    prepared: Prepared = {}
    cursor = raw_cursor(connection)
    try:
        for chunk in _chunks(_queued_ids(connection, limit)):
            marks = ",".join("?" * len(chunk))
            for row in cursor.execute(
                f"SELECT id, {_COLUMNS} FROM patent WHERE id IN ({marks}) AND deleted_at IS NULL",
                chunk,
            ).fetchall():
                document = _document(row[1:])
                prepared[row[0]] = (document, _tokenized(*document))
    finally:
        cursor.close()
    return prepared


def index_pending(
    bind: Connection | Session, limit: int | None = None, prepared: Prepared | None = None
) -> int:
    """Index the queued patents, lowest ids first: all of them, or at most ``limit``.

    Returns how many were dequeued. Runs in one write transaction (opened here unless the
    caller has one): commit afterwards; a background worker calls it with a ``limit`` of a
    thousand or two, each call its own short transaction, and may cut the tokens ahead with
    :func:`prepare_pending`. The whole queue into an empty index takes the bulk path of
    :func:`rebuild_index`.
    """
    connection = connection_of(bind)
    if connection.dialect.name == "postgresql":
        from roadshow_desk.store import search_pg

        return search_pg.index_pending(connection, limit)
    if not ensure_search_schema(connection):
        return 0
    _begin_write(connection)
    pending = _queued_ids(connection, limit)
    if not pending:
        return 0
    if limit is None and len(pending) > 2 * _BATCH and _index_is_empty(connection):
        return rebuild_index(connection)
    return _index_ids(connection, pending, prepared)


@contextmanager
def catch_up_commits(connection: Connection) -> Iterator[None]:
    """Within the block, commits on ``connection`` do not wait for the disk (fsync).

    For the background catch-up of the queue only (:func:`index_pending` with a ``limit``,
    committed in the block): the database runs with ``synchronous=FULL`` so that a recorded
    intention survives a power cut, and half of a catch-up transaction's time was that
    fsync. Here the connection commits with ``synchronous=NORMAL`` and is set back after.
    Why that loses nothing:

    - In WAL mode, ``NORMAL`` is durable against a crash of the app (a commit is in the
      WAL, in the operating system's hands, when it returns) and never corrupts the file;
      only a power cut or an OS crash can lose the *last* commits, those since the last
      fsync. The WAL is one ordered log, and every ``FULL`` commit of another connection
      syncs it all: so only a tail of catch-up transactions can be lost, never a user's
      write, and never a catch-up transaction that a user's write came after.
    - The index is derived data, and a catch-up transaction both writes the index entries
      of its patents and takes them off the queue (:func:`_index_ids`: the ``DELETE`` from
      the queue is in the same transaction as the inserts). A lost transaction is lost as a
      whole: its patents are still queued with their old index entries, exactly as before
      it ran; searches scan queued patents (exact), and the next run indexes them again.

    Elsewhere (not WAL: a rollback journal can be corrupted by a power cut under
    ``NORMAL``), nothing changes. An error in the block rolls back before setting back.
    """
    if connection.dialect.name != "sqlite":  # PostgreSQL: the server's settings stand
        try:
            yield
        except BaseException:
            connection.rollback()
            raise
        return
    driver = connection.connection.driver_connection
    cursor = raw_cursor(connection)
    try:
        mode = cursor.execute("PRAGMA journal_mode").fetchone()
        before = cursor.execute("PRAGMA synchronous").fetchone()
        relaxed = (
            mode is not None
            and str(mode[0]).lower() == "wal"
            and before is not None
            and int(before[0]) > 1
            and not getattr(driver, "in_transaction", True)
        )
        if relaxed:
            cursor.execute("PRAGMA synchronous=NORMAL")
        try:
            yield
        except BaseException:
            connection.rollback()
            raise
        finally:
            if relaxed:
                cursor.execute(f"PRAGMA synchronous={int(before[0])}")
    finally:
        cursor.close()


def _index_is_empty(connection: Connection) -> bool:
    return connection.exec_driver_sql(f"SELECT patent_id FROM {TEXT_TABLE} LIMIT 1").first() is None


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
        write.execute(f"DELETE FROM {PENDING_TABLE}")
        for name in (FTS_TABLE, TITLE_FTS_TABLE):
            write.execute(f"INSERT INTO {name}({name}) VALUES ('optimize')")
    finally:
        read.close()
        write.close()
    return count
