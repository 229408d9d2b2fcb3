"""The search indexer: indexes the queue in the background with progress in the status bar,
after imports and at start, stops on request and when the window closes; searches stay
exact while it runs."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import insert, text

from roadshow_desk.domain.identifiers import check_character
from roadshow_desk.domain.models import Patent
from roadshow_desk.store import search
from roadshow_desk.ui import search_indexer

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"
COUNT = 300


def number(serial: int) -> str:
    digits = f"20231{serial:07d}"
    return f"CN{digits}.{check_character(digits)}"


def add_patents(database, count: int, start: int = 0) -> None:  # type: ignore[no-untyped-def]
    with database.session() as session:
        search.ensure_search_schema(session)  # so that the triggers queue them
        session.execute(
            insert(Patent),
            [
                dict(
                    station="t",
                    application_no=number(serial),
                    title=f"电池管理系统{serial}",
                    abstract="储能" if serial % 2 else "芯片",
                )
                for serial in range(start, start + count)
            ],
        )


def queued(database) -> int:  # type: ignore[no-untyped-def]
    with database.session() as session:
        return search.pending_count(session)


def reference(database, term: str) -> set[int]:  # type: ignore[no-untyped-def]
    sql = (
        "SELECT id FROM patent WHERE deleted_at IS NULL"
        " AND (instr(title, :t) OR instr(abstract, :t))"
    )
    with database.session() as session:
        return set(session.scalars(text(sql), {"t": term}))


@pytest.fixture
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    """Batches of 40 patents, so a run takes several transactions."""
    monkeypatch.setattr(search_indexer, "FIRST_BATCH", 40)
    monkeypatch.setattr(search_indexer, "MAX_BATCH", 40)
    monkeypatch.setattr(search_indexer, "MIN_BATCH", 40)


@pytest.fixture
def window(qtbot, app_context, english):  # type: ignore[no-untyped-def]
    from roadshow_desk.ui.main_window import MainWindow

    window = MainWindow(app_context)
    qtbot.addWidget(window)
    return window


def test_indexes_the_queue_at_start_with_progress_in_the_status_bar(  # type: ignore[no-untyped-def]
    qtbot, app_context, english, small_batches, monkeypatch
) -> None:
    from roadshow_desk.ui.main_window import MainWindow

    monkeypatch.setattr(search, "INLINE_LIMIT", 0)  # searches meanwhile scan the queue
    database = app_context.database
    add_patents(database, COUNT)
    assert queued(database) == COUNT
    window = MainWindow(app_context)
    qtbot.addWidget(window)
    indexer = window.search_indexer
    seen: list[tuple[str, bool]] = []
    exact: list[bool] = []

    def on_progress(done: int, total: int) -> None:
        seen.append((indexer.label.text(), indexer.label.isHidden()))
        with database.session() as session:  # a search while the worker runs
            exact.append(set(search.search_ids(session, "储能", 0)) == reference(database, "储能"))

    indexer.progressed.connect(on_progress)
    with qtbot.waitSignal(indexer.finished, timeout=30000) as finished:
        pass
    assert finished.args == [COUNT] and indexer.error is None
    assert seen[0] == ("Preparing search: 40 of 300 patents", False)
    assert seen[-1] == ("Preparing search: 300 of 300 patents", False)
    assert len(seen) == COUNT // 40 + 1 and all(exact)
    assert indexer.label.isHidden() and indexer.label.text() == ""
    assert indexer.cancel_button.isHidden() and not indexer.running
    assert queued(database) == 0
    with database.session() as session:
        assert set(search.search_ids(session, "芯片", 0)) == reference(database, "芯片")


def test_an_import_starts_it(qtbot, window, app_context, small_batches) -> None:  # type: ignore[no-untyped-def]
    from roadshow_desk.exchange.patent_import import import_patents

    indexer = window.search_indexer
    assert indexer.wait(10)  # the start-up run: nothing queued
    qtbot.waitUntil(lambda: not indexer.running)
    source = FIXTURES / "patentics_ragged.csv"
    result = import_patents(app_context.database, source, station="t")
    assert result.inserted == 6
    add_patents(app_context.database, 50)  # queued by the triggers, as by any bulk write
    waiting = queued(app_context.database)  # with the import's own, once it only queues
    assert waiting >= 50
    with qtbot.waitSignal(indexer.finished, timeout=30000) as finished:
        window.import_controller.import_finished.emit(result)
    assert finished.args == [waiting]
    assert queued(app_context.database) == 0


def test_it_follows_imports_whatever_the_order_of_the_controllers(  # type: ignore[no-untyped-def]
    qtbot, app_context, english, small_batches, monkeypatch
) -> None:
    from roadshow_desk.exchange.patent_import import import_patents
    from roadshow_desk.ui import main_window

    controllers = list(main_window.WINDOW_CONTROLLERS)
    indexer_spec = "roadshow_desk.ui.search_indexer:install"
    controllers.remove(indexer_spec)
    controllers.insert(0, indexer_spec)  # installed before the importer this time
    monkeypatch.setattr(main_window, "WINDOW_CONTROLLERS", controllers)
    window = main_window.MainWindow(app_context)
    qtbot.addWidget(window)
    indexer = window.search_indexer
    assert indexer.wait(10)
    qtbot.waitUntil(lambda: not indexer.running)
    result = import_patents(app_context.database, FIXTURES / "patentics_ragged.csv", station="t")
    add_patents(app_context.database, 50)
    waiting = queued(app_context.database)
    assert waiting >= 50
    with qtbot.waitSignal(indexer.finished, timeout=30000) as finished:
        window.import_controller.import_finished.emit(result)
    assert finished.args == [waiting]
    assert queued(app_context.database) == 0


def test_closing_the_window_stops_the_worker(  # type: ignore[no-untyped-def]
    qtbot, app_context, english, small_batches, monkeypatch
) -> None:
    from roadshow_desk.ui.main_window import MainWindow

    add_patents(app_context.database, COUNT)
    batches: list[int] = []
    first = threading.Event()
    index_pending = search_indexer.index_pending

    def slow(session, limit, prepared):  # type: ignore[no-untyped-def]
        time.sleep(0.05)
        batches.append(limit)
        first.set()
        return index_pending(session, limit, prepared)

    monkeypatch.setattr(search_indexer, "index_pending", slow)
    window = MainWindow(app_context)
    qtbot.addWidget(window)
    indexer = window.search_indexer
    assert indexer.running and first.wait(10)
    window.close()
    assert not indexer.running  # closed: the worker was stopped and joined
    assert indexer.label.isHidden()
    left = queued(app_context.database)
    assert 0 < left < COUNT  # it stopped between batches, keeping what it had indexed
    assert left == COUNT - 40 * len(batches)
    qtbot.wait(50)
    assert queued(app_context.database) == left  # and nothing runs any more


def test_the_stop_button_cancels(qtbot, window, app_context, small_batches, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    indexer = window.search_indexer
    assert indexer.wait(10)
    qtbot.waitUntil(lambda: not indexer.running)
    add_patents(app_context.database, COUNT)
    index_pending = search_indexer.index_pending
    monkeypatch.setattr(
        search_indexer,
        "index_pending",
        lambda *args: (time.sleep(0.05), index_pending(*args))[1],
    )
    with qtbot.waitSignal(indexer.progressed, timeout=10000):
        assert indexer.start()
    assert not indexer.cancel_button.isHidden()
    with qtbot.waitSignal(indexer.finished, timeout=10000):
        indexer.cancel_button.click()
    assert indexer.label.isHidden() and not indexer.running
    assert 0 < queued(app_context.database) < COUNT
    with app_context.database.session() as session:  # still exact
        assert set(search.search_ids(session, "储能", 0)) == reference(app_context.database, "储能")


def test_batches_follow_the_time_they_take() -> None:
    assert search_indexer.next_batch(1000, search_indexer.TARGET_SECONDS) == 1000
    assert search_indexer.next_batch(1000, 1.0) == 250
    assert search_indexer.next_batch(1000, 0.01) == 2000  # at most doubled, and capped
    assert search_indexer.next_batch(150, 10.0) == search_indexer.MIN_BATCH


def test_a_failed_run_is_shown_in_the_status_bar_and_logged(  # type: ignore[no-untyped-def]
    qtbot, window, app_context, small_batches, monkeypatch, caplog
) -> None:
    import sqlite3

    indexer = window.search_indexer
    assert indexer.wait(10)
    qtbot.waitUntil(lambda: not indexer.running)
    add_patents(app_context.database, COUNT)
    index_pending = search_indexer.index_pending
    calls: list[int] = []

    def locked_on_the_second_batch(*args):  # type: ignore[no-untyped-def]
        calls.append(1)
        if len(calls) == 2:
            raise sqlite3.OperationalError("database is locked")
        return index_pending(*args)

    monkeypatch.setattr(search_indexer, "index_pending", locked_on_the_second_batch)
    caplog.set_level("ERROR", logger=search_indexer.__name__)
    with qtbot.waitSignal(indexer.finished, timeout=10000) as finished:
        assert indexer.start()
    assert finished.args == [40] and isinstance(indexer.error, sqlite3.OperationalError)
    status = window.statusBar()
    label = status.findChild(type(indexer.label), "label_search_indexer")
    assert label is indexer.label and not label.isHidden()
    assert label.text() == (
        "Preparing search failed: database is locked. Searches still find everything, more slowly."
    )
    assert label.toolTip() == "database is locked"
    assert indexer.cancel_button.isHidden() and not indexer.running
    [record] = [r for r in caplog.records if r.name == search_indexer.__name__]
    assert record.levelname == "ERROR" and "after 40 patents" in record.getMessage()
    assert record.exc_info is not None and record.exc_info[1] is indexer.error
    with app_context.database.session() as session:  # the queue stays: searches are exact
        assert set(search.search_ids(session, "储能", 0)) == reference(app_context.database, "储能")
    monkeypatch.setattr(search_indexer, "index_pending", index_pending)
    with qtbot.waitSignal(indexer.finished, timeout=30000):  # the next run clears the message
        assert indexer.start()
    assert indexer.error is None and label.isHidden() and label.toolTip() == ""
    assert queued(app_context.database) == 0


@pytest.mark.postgresql
def test_on_postgresql_it_indexes_an_imports_queue(  # type: ignore[no-untyped-def]
    qtbot, qapp, pg_db_url, ui_settings, english, small_batches, monkeypatch, tmp_path
) -> None:
    """A large import on PostgreSQL queues its patents (COPY, no tokens): the window's
    indexer catches up, and searches equal the scan before, during and after."""
    from roadshow_desk.exchange.patent_import import import_patents
    from roadshow_desk.store import pg_bulk
    from roadshow_desk.store.db import open_database
    from roadshow_desk.ui.main_window import MainWindow
    from roadshow_desk.ui.workflow import AppContext

    monkeypatch.setattr(pg_bulk, "INDEX_AT_ONCE", 0)
    database = open_database(pg_db_url)
    lines = ["申请号,专利名称,摘要"] + [
        f"{number(serial)},电池管理系统{serial},{'储能' if serial % 2 else '芯片'}"
        for serial in range(120)
    ]
    (tmp_path / "p.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    import_patents(database, tmp_path / "p.csv", station="A")
    assert queued(database) == 120
    with database.session() as session:
        assert len(search.search_ids(session, "储能", 0)) == 60
    context = AppContext(database, ui_settings, "test-station")
    try:
        window = MainWindow(context)
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.search_indexer.finished, timeout=30000) as finished:
            pass
        assert finished.args == [120] and window.search_indexer.error is None
        assert queued(database) == 0
        with database.session() as session:
            assert len(search.search_ids(session, "储能", 0)) == 60
            assert len(search.search_ids(session, "芯片", 0)) == 60
        window.close()
    finally:
        context.undo_stack.clear()
        database.dispose()
