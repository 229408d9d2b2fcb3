"""The capture panel on a PostgreSQL server that goes away in the middle of a capture: one
clear sentence, the typed intention stays in the panel, and it is saved once (not twice)
when the server is back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select
from test_capture_panel import fair as fair_fixture
from test_capture_panel import focus, press, type_text
from test_capture_panel import panel as panel_fixture

from roadshow_desk.domain.enums import IntentionKind
from roadshow_desk.domain.models import Intention

fair = fair_fixture  # the capture panel tests' fixtures, on a PostgreSQL database here
panel = panel_fixture

pytestmark = [
    pytest.mark.postgresql,
    pytest.mark.parametrize("db_engine", ["postgresql"], indirect=True),
]


def test_a_capture_while_the_server_is_down_is_kept_and_saved_once_it_is_back(
    qtbot,
    panel,
    app_context,
    fair,
    db,
    pg_server,
) -> None:  # type: ignore[no-untyped-def]
    app_context.patent_on_stage.emit(fair.patent_ids[1])
    press(qtbot, Qt.Key.Key_F2)
    type_text(qtbot, "5555")
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Tab)
    qtbot.keyClick(focus(), "2")  # licence
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "张工")
    pg_server.pause()
    try:
        press(qtbot, Qt.Key.Key_Return)
        assert "cannot be reached" in panel.label_message.text()
        assert "not saved" in panel.label_message.text()
        # Everything typed is still there.
        assert panel.field_enterprise.chosen_id == fair.enterprise_ids[1]
        assert panel.field_patent.chosen_id == fair.patent_ids[1]
        assert panel.chooser_kind.value is IntentionKind.LICENCE
        assert panel.edit_contact.text() == "张工"
    finally:
        pg_server.resume()
    focus_before = focus()
    press(qtbot, Qt.Key.Key_Return)  # save again, wherever the focus was put
    assert "Saved" in panel.label_message.text(), (panel.label_message.text(), focus_before)
    with db.session() as session:
        saved = list(session.scalars(select(Intention)))
    assert len(saved) == 1
    assert saved[0].contact_person == "张工" and saved[0].kind is IntentionKind.LICENCE
    assert panel.field_enterprise.chosen_id is None  # cleared for the next enterprise
