"""The capture page's import reads an online-form export (腾讯问卷) as it reads a paper
sheet's transcription, and says how it read it."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from fairday_data import make_fair_day
from roadshow_desk.domain.agenda import build_from_shortlist
from roadshow_desk.domain.models import Intention

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "questionnaires"


@pytest.fixture
def fair(db):  # type: ignore[no-untyped-def]
    day = make_fair_day(db)
    with db.session() as session:
        build_from_shortlist(session, day.event_id, "新能源专场")
    return day


def test_the_capture_page_imports_a_questionnaire_export(  # type: ignore[no-untyped-def]
    qtbot, app_context, english, db, fair, tmp_path, monkeypatch
) -> None:
    import shutil

    from PySide6.QtWidgets import QMessageBox

    from roadshow_desk.ui.capture.page import CapturePage

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: shown.append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    app_context.current_event_id = fair.event_id
    page = CapturePage(app_context)
    qtbot.addWidget(page)
    export = shutil.copy(FIXTURES / "tencent_1.csv", tmp_path / "腾讯问卷导出.csv")
    task = page.import_sheet(Path(export))
    with qtbot.waitSignal(task.finished, timeout=20000):
        pass
    assert shown and shown[0].startswith("2 new, 0 updated, 0 unchanged, 3 rejected.")
    assert "Read as: Tencent Survey (腾讯问卷) export" in shown[0]
    assert (tmp_path / "腾讯问卷导出-rejects.xlsx").exists()
    with db.session() as session:
        assert session.scalar(select(func.count(Intention.id))) == 2


def test_an_online_form_s_walk_in_reaches_the_check_in_desk(  # type: ignore[no-untyped-def]
    qtbot, app_context, english, db, fair, tmp_path, monkeypatch
) -> None:
    """The walk-in an online answer creates is signed up: the desk's count and list say so."""
    import shutil

    from PySide6.QtWidgets import QMessageBox

    from roadshow_desk.ui.capture.page import CapturePage
    from roadshow_desk.ui.event.page import EventPage

    monkeypatch.setattr(QMessageBox, "information", lambda *_args: None)
    app_context.current_event_id = fair.event_id
    desk = EventPage(app_context)
    qtbot.addWidget(desk)
    desk.show()
    desk.activate()
    desk.show_checkin()
    assert desk.checkin.label_attendance.text() == "Checked in: 0 of 0 signed up"
    page = CapturePage(app_context)
    qtbot.addWidget(page)
    export = shutil.copy(FIXTURES / "wjx_1.xlsx", tmp_path / "问卷星导出.xlsx")
    task = page.import_sheet(Path(export))
    with qtbot.waitSignal(task.finished, timeout=20000):
        pass
    assert desk.checkin.label_attendance.text() == "Checked in: 0 of 1 signed up"
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    desk.checkin.edit_search.setFocus()
    typed = QInputMethodEvent()
    typed.setCommitString("浙江新来")  # as a pinyin input method commits it
    QApplication.sendEvent(desk.checkin.edit_search, typed)
    found = [desk.checkin.list_found.item(n).text() for n in range(desk.checkin.list_found.count())]
    assert len(found) == 1 and "浙江新来的科技有限公司" in found[0]
    assert "signed up" in found[0], found
