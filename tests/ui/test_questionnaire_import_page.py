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
