"""Getting the desk's look-ups ready before anyone types or scans.

The first enterprise search of two or more letters loads the pinyin tables and works out
every firm's initials: about a second, which froze the desk on the first keystroke and
could land in the middle of the first scanner burst. :func:`warm_lookups` does that work
once per database on a worker thread, started as soon as the event loop runs after a
capture panel is made (:func:`roadshow_desk.domain.enterprises.prepare_lookups`; the
worker opens its own session and touches no widget). Not at once: at start-up the panel
is made among the pages built before the window is ready, and loading the pinyin tables
meanwhile (pure Python, holding the interpreter's lock) delayed the ready window by
0.6-0.9 s (measured on the 20,000-patent demo); nobody can type before the loop runs.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTimer

from roadshow_desk.domain.progress import Progress
from roadshow_desk.store.db import Database
from roadshow_desk.ui.tasks import Task

_started: dict[str, Task] = {}


def _prepare(_progress: Progress, database: Database) -> int:
    from roadshow_desk.domain.enterprise_search import prepare_lookups

    with database.session() as session:
        return prepare_lookups(session)


def warm_lookups(database: Database) -> Task | None:
    """Start preparing the look-ups of ``database`` (once); the task, or ``None`` without
    an application. A failure only means the first look-up does the work itself."""
    task = _started.get(database.url)
    if task is not None:
        return task
    app = QCoreApplication.instance()
    if app is None:
        return None
    task = Task(_prepare, (database,), app)  # outlives any one panel
    _started[database.url] = task
    QTimer.singleShot(0, task, task.start)  # after the pages being built now (see above)
    return task
