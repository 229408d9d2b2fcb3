"""Live view across desks on one PostgreSQL server: what another desk records shows in this
desk's capture panel (today's list and count) within two seconds, without touching it."""

from __future__ import annotations

import gc
import threading
import weakref

import pytest
import shiboken6
from sqlalchemy import select
from test_capture_panel import fair as fair_fixture
from test_capture_panel import panel as panel_fixture

from roadshow_desk.domain.capture import IntentionDraft
from roadshow_desk.domain.checkin import check_in
from roadshow_desk.domain.enums import IntentionKind
from roadshow_desk.domain.models import Registration
from roadshow_desk.store.db import open_database
from roadshow_desk.store.intentions import record_intention
from roadshow_desk.ui.live_view import INTERVAL_MS
from roadshow_desk.ui.workflow import DataKind

fair = fair_fixture  # the capture panel tests' fixtures, on a PostgreSQL database here
panel = panel_fixture


@pytest.mark.postgresql
@pytest.mark.parametrize("db_engine", ["postgresql"], indirect=True)
def test_another_desks_intention_shows_here_within_two_seconds(
    qtbot, panel, app_context, fair, db
) -> None:  # type: ignore[no-untyped-def]
    assert app_context.live_view.active
    assert panel.model.rowCount() == 0
    qtbot.wait(1200)  # the first marks are read
    other_desk = open_database(db.url)
    try:
        record_intention(
            other_desk,
            IntentionDraft(
                enterprise_id=fair.enterprise_ids[0],
                patent_id=fair.patent_ids[0],
                kind=IntentionKind.LICENCE,
                event_id=fair.event_id,
            ),
            station="desk-B",
        )
        qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=2000)
        assert panel.label_count.text() == "Today: 1 intentions (0 at this desk)"
        with (
            qtbot.waitSignal(
                app_context.data_changed,
                timeout=2000,
                check_params_cb=lambda kind: kind is DataKind.CHECKIN,
            ),
            other_desk.session() as session,
        ):
            check_in(session, fair.event_id, fair.enterprise_ids[1], station="desk-B")
        with db.session() as session:
            assert session.scalar(select(Registration.checked_in_station).where(
                Registration.enterprise_id == fair.enterprise_ids[1])) == "desk-B"  # fmt: skip
    finally:
        other_desk.dispose()


def test_on_sqlite_the_live_view_stays_idle(qtbot, tmp_path, ui_settings) -> None:  # type: ignore[no-untyped-def]
    from roadshow_desk.ui.workflow import AppContext

    database = open_database(str(tmp_path / "one-desk.sqlite3"))
    try:
        assert not AppContext(database, ui_settings, "A").live_view.active
    finally:
        database.dispose()


def _collect_on_a_worker_thread() -> None:
    """What an import's worker does now and then: Python's cycle collector runs on whichever
    thread allocates, and frees every unreachable object there."""
    enabled = gc.isenabled()
    gc.disable()  # no collection on this thread meanwhile
    try:
        worker = threading.Thread(target=gc.collect, name="an import worker")
        worker.start()
        worker.join()
    finally:
        if enabled:
            gc.enable()


@pytest.mark.postgresql
@pytest.mark.parametrize("db_engine", ["postgresql"], indirect=True)
def test_a_context_freed_on_a_worker_thread_stops_polling_without_a_crash(
    qtbot, db, ui_settings
) -> None:  # type: ignore[no-untyped-def]
    """A context nobody holds any more (a window's, after it closed) is freed by the cycle
    collector, on a worker thread when one runs it: its live view's timer used to go with
    it there ("Timers cannot be stopped from another thread") and the next tick crashed the
    window's event loop (a segmentation fault)."""
    from roadshow_desk.ui.workflow import AppContext

    context = AppContext(db, ui_settings, "desk-A")
    view = context.live_view
    assert view.active
    timer = view._timer
    busy = view._busy
    qtbot.waitUntil(lambda: not busy.locked(), timeout=5000)  # the first poll has ended
    qtbot.wait(50)  # and its marks are handed over
    freed = weakref.ref(context)
    del context, view
    _collect_on_a_worker_thread()
    assert freed() is None
    qtbot.wait(2 * INTERVAL_MS + 200)  # two ticks of the event loop that used to crash
    assert not shiboken6.isValid(timer)  # gone, on the GUI thread
