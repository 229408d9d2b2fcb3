"""The search indexer: catches the search index up in the background after a bulk write.

An import only queues its patents for the search index (see
:mod:`roadshow_desk.store.search_index`); searches stay exact meanwhile by scanning the
queued patents, but an indexed search is much faster. After an import finishes, and when
the window opens, :class:`SearchIndexer` indexes the queue on a worker thread with its own
database connection, in short transactions (each a batch of patents sized so that it
holds the write lock about :data:`TARGET_SECONDS`, committed without waiting for the
disk -- the index is derived data, see
:func:`~roadshow_desk.store.search_index.catch_up_commits` -- then at least
:data:`PAUSE_SECONDS` without the lock, in
which writers waiting for the database get it; the tokens of the next batch are cut then,
outside the transaction), so a desk recording an intention waits a fraction of a second
at most. The status bar shows "Preparing search: 12,000 of 100,000
patents" with a button to stop; closing the window stops the worker and waits for it.
Whatever is left in the queue is indexed the next time (a search never needs it). When a
run fails, the status bar says so (the error's text in the tooltip) until the next run
starts, and the error goes to the log (``logging``, with its traceback).

The worker never touches widgets, nor this object (the window may be deleting it): it
reports through :func:`roadshow_desk.ui.gui_thread.deliver`.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLocale, QObject, Signal
from PySide6.QtWidgets import QLabel, QToolButton

from roadshow_desk.i18n import fmt
from roadshow_desk.store.search_index import (
    catch_up_commits,
    index_pending,
    pending_count,
    prepare_pending,
)
from roadshow_desk.ui.gui_thread import deliver, keeper

if TYPE_CHECKING:
    from roadshow_desk.ui.main_window import MainWindow

TARGET_SECONDS = 0.25  # each transaction holds the write lock about this long: batches follow
# the time under the lock. The commit counts: without its fsync (catch_up_commits) it is still
# FTS5 writing the tokens it buffered into segments, measured about half of the lock's time.
# The worker lets go of the database at least this long between transactions (cutting the
# next batch's tokens, then waiting). SQLite's locks are not fair: a writer waiting for the
# lock polls it (every 100 ms at most, once it has waited a while), and without a pause it
# would keep missing the instants between two batches (measured: writes waiting 2-7 s during
# a 100,000-patent catch-up; with the pause, under half a second).
PAUSE_SECONDS = 0.11
FIRST_BATCH = 1000
MIN_BATCH = 100
MAX_BATCH = 2000

log = logging.getLogger(__name__)


def next_batch(batch: int, seconds: float) -> int:
    """The batch size that should take :data:`TARGET_SECONDS`, given the last one's time."""
    wanted = int(batch * TARGET_SECONDS / max(seconds, 0.001))
    return max(MIN_BATCH, min(MAX_BATCH, wanted, batch * 2))


class SearchIndexer(QObject):
    """Indexes the search queue on a worker thread, with progress in the status bar."""

    progressed = Signal(int, int)
    """(patents indexed so far, patents to index in all) — on the GUI thread."""
    finished = Signal(int)
    """The worker ended (done, stopped or failed): how many patents it indexed."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.database = window.context.database
        self.error: BaseException | None = None
        """What stopped the last run, if it failed (the queue stays: searches scan it)."""
        self.indexed = 0
        """Patents indexed by the current or last run."""
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._again = False
        keeper()  # on the GUI thread, before a worker hands anything over

        status = window.statusBar()
        self.label = QLabel()
        self.label.setObjectName("label_search_indexer")
        self.label.hide()
        self.cancel_button = QToolButton()
        self.cancel_button.setObjectName("button_stop_search_indexer")
        self.cancel_button.setText(self.tr("Stop"))
        self.cancel_button.setAutoRaise(True)
        self.cancel_button.setToolTip(
            self.tr("Stop preparing the search (it goes on after the next import or start)")
        )
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        status.insertPermanentWidget(0, self.label)
        status.insertPermanentWidget(1, self.cancel_button)
        window.installEventFilter(self)

    # ------------------------------------------------------------------ control

    @property
    def running(self) -> bool:
        """A run started and its end was not yet handled (on the GUI thread)."""
        return self._thread is not None

    def start(self) -> bool:
        """Index whatever is queued (the worker ends at once when nothing is); False when a
        run is already going (it then checks the queue once more before ending)."""
        if self.database.engine.dialect.name not in ("sqlite", "postgresql"):
            return False  # PostgreSQL too: a bulk import's patents are queued
        if self._thread is not None:
            self._again = True
            return False
        self._stop.clear()
        self._again = False
        self.error = None
        self.indexed = 0
        self._show_error(None)
        self._thread = threading.Thread(target=self._run, name="search-indexer", daemon=True)
        self._thread.start()
        return True

    def cancel(self) -> None:
        """Stop after the current batch (already indexed patents stay indexed)."""
        self._again = False
        self._stop.set()

    def stop(self, timeout: float = 30.0) -> bool:
        """Stop and wait for the worker; True when it has ended."""
        self.cancel()
        thread = self._thread
        if thread is not None:
            thread.join(timeout)
            if thread.is_alive():
                return False
        self._finish()
        return True

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the worker ends by itself (tests); True when it has."""
        thread = self._thread
        if thread is not None:
            thread.join(timeout)
            return not thread.is_alive()
        return True

    def on_import_finished(self, _result: object) -> None:
        self.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.stop()
        return False

    # ------------------------------------------------------------------ the worker

    def _run(self) -> None:
        me = threading.current_thread()
        batch = FIRST_BATCH
        done = 0
        released = None  # when the last write transaction ended
        try:
            while not self._stop.is_set():
                with self.database.session() as session:  # reads only: others may write
                    prepared = prepare_pending(session, batch)
                if released is not None:  # let waiting writers in
                    rest = PAUSE_SECONDS - (time.monotonic() - released)
                    if self._stop.wait(max(rest, 0.0)):
                        break
                with self.database.engine.connect() as connection:
                    with catch_up_commits(connection):  # no fsync: see its notes
                        started = time.monotonic()
                        count = index_pending(connection, batch, prepared)
                        connection.commit()
                    released = time.monotonic()
                    worked = released - started  # the lock's time: what a writer waits
                    remaining = pending_count(connection)  # reads only
                if count == 0:
                    break
                done += count
                self.indexed = done
                deliver(self, self._on_batch_done, me, done, done + remaining)
                if remaining == 0:
                    break
                batch = next_batch(batch, worked)
        except BaseException as exc:  # the queue stays, searches scan it: report only
            self.error = exc
            log.error("Preparing the search index failed after %d patents", done, exc_info=exc)
        finally:
            deliver(self, self._on_worker_ended, me)

    # ------------------------------------------------------------------ on the GUI thread

    def _on_batch_done(self, thread: object, done: int, total: int) -> None:
        if thread is not self._thread:
            return  # a report that arrived after stop()
        locale = QLocale()
        self.label.setText(
            fmt(
                self.tr("Preparing search: %1 of %2 patents"),
                locale.toString(done),
                locale.toString(total),
            )
        )
        self.label.show()
        self.cancel_button.show()
        self.progressed.emit(done, total)

    def _on_worker_ended(self, thread: object) -> None:
        if thread is not self._thread or self._thread is None:
            return  # stop() finished that run already
        self._thread.join()
        again = self._again and not self._stop.is_set() and self.error is None
        self._finish()
        if again:
            self.start()

    def _finish(self) -> None:
        if self._thread is None:
            return
        self._thread = None
        self.cancel_button.hide()
        self._show_error(self.error)
        self.finished.emit(self.indexed)

    def _show_error(self, error: BaseException | None) -> None:
        """Say in the status bar that the last run failed (``None``: hide the label)."""
        if error is None:
            self.label.hide()
            self.label.clear()
            self.label.setToolTip("")
            self.label.setStyleSheet("")
            return
        detail = str(error).strip() or type(error).__name__
        self.label.setText(
            fmt(
                self.tr(
                    "Preparing search failed: %1. Searches still find everything, more slowly."
                ),
                detail.splitlines()[0][:200],
            )
        )
        self.label.setToolTip(detail)
        self.label.setStyleSheet("color: #b00020;")
        self.label.show()


def install(window: MainWindow) -> SearchIndexer:
    """Index the queue now and after every import (listed in ``WINDOW_CONTROLLERS``)."""
    indexer = SearchIndexer(window)
    window.search_indexer = indexer
    window.context.import_finished.connect(indexer.on_import_finished)  # any installer order
    indexer.start()
    return indexer
