"""Live view across desks on one PostgreSQL server: what another desk records shows in this
desk's capture panel (today's list and count) within two seconds, without touching it."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from test_capture_panel import fair as fair_fixture
from test_capture_panel import panel as panel_fixture

from roadshow_desk.domain.capture import IntentionDraft
from roadshow_desk.domain.checkin import check_in
from roadshow_desk.domain.enums import IntentionKind
from roadshow_desk.domain.models import Registration
from roadshow_desk.store.db import open_database
from roadshow_desk.store.intentions import record_intention
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
