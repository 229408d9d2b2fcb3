"""The organiser's week on an empty database, in the real window (issue 12, "Done means"):
import a patent list, screen it, put patents on the shortlist, create the event with its
dates, plan a session with a start time, import a sign-up list (which registers the firms),
then save the badges and the agenda from the print page -- and read the PDFs back: the
agenda prints the planned times, and there is one badge (one QR code) per registered firm."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QMessageBox,
    QWidget,
)
from sqlalchemy import select

from roadshow_desk.domain.models import Enterprise, RoadshowSession, ShortlistEntry
from roadshow_desk.domain.signups import registered_ids
from roadshow_desk.exchange.writers import write_table
from roadshow_desk.ui.importing.signup_dialog import SignUpTargetDialog
from roadshow_desk.ui.importing.summary_dialog import ImportSummaryDialog
from roadshow_desk.ui.main_window import MainWindow
from roadshow_desk.ui.screening.library import screening_of

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"
TIMEOUT = 60_000
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window(qtbot, app_context, english) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(app_context)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    return window


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has focus"
    return widget


def type_then(qtbot, text: str, key: Qt.Key = Qt.Key.Key_Tab) -> None:  # type: ignore[no-untyped-def]
    """Type into whatever has focus, then press ``key`` there."""
    qtbot.keyClicks(focused(), text)
    qtbot.keyClick(focused(), key)


def qr_codes(pdf: Path, folder: Path) -> list[str]:
    import zxingcpp
    from PIL import Image

    folder.mkdir()
    subprocess.run(["pdftoppm", "-r", "150", "-gray", str(pdf), str(folder / "p")], check=True)
    codes: list[str] = []
    for image in sorted(folder.glob("p-*.pgm")):
        with Image.open(image) as picture:
            codes += [r.text for r in zxingcpp.read_barcodes(picture) if r.valid]
    return codes


def pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)


def test_the_organisers_week_from_an_empty_database(  # type: ignore[no-untyped-def]
    qtbot, window, app_context, monkeypatch, tmp_path: Path
) -> None:
    database = app_context.database
    opened: list[Path] = []

    def open_file(*_args: Any, **_kwargs: Any) -> tuple[str, str]:
        return str(opened.pop(0)), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", open_file)

    # 1. Import the institutes' patent list: Ctrl+I, the mapping dialog, Enter.
    patents_file = tmp_path / "专利清单.csv"
    shutil.copy(FIXTURES / "patentics_ragged.csv", patents_file)
    opened.append(patents_file)
    controller = window.import_controller
    library = window.page("library")
    assert window.current_page() is library
    qtbot.keyClick(focused(), Qt.Key.Key_I, CTRL)
    qtbot.waitUntil(lambda: controller.mapping_dialog is not None, timeout=TIMEOUT)
    dialog = controller.mapping_dialog
    qtbot.waitUntil(lambda: dialog.check_result is not None, timeout=TIMEOUT)
    assert dialog.label_check.text().startswith("6 new")
    ok = dialog.button_box.button(QDialogButtonBox.StandardButton.Ok)
    ok.setFocus()
    with qtbot.waitSignal(controller.import_finished, timeout=TIMEOUT) as finished:
        qtbot.keyClick(ok, Qt.Key.Key_Return)
    assert finished.args[0].inserted == 6
    summary = controller.summary_dialog
    assert summary is not None
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)  # the summary closes
    qtbot.waitUntil(lambda: not summary.isVisible())
    window.activateWindow()  # as the window manager gives it back
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.waitUntil(lambda: library.model.total == 6, timeout=TIMEOUT)

    # 2. The event, with its dates typed as Chinese users type them (the new date editor).
    assert window.show_page("event")
    event_page = window.page("event")
    event_page.empty.button("button_create_event").click()
    setup = event_page.setup
    assert focused() is setup.edit_name
    qtbot.keyClicks(focused(), "Chip fair")
    setup.date_starts.setFocus()
    type_then(qtbot, "2026-12-18")
    setup.date_ends.setFocus()
    type_then(qtbot, "20261219")
    qtbot.mouseClick(setup.button_save_event, Qt.MouseButton.LeftButton)
    assert setup.label_message.text() == "Event “Chip fair” created."
    event_id = setup.event_id
    assert event_id is not None

    # 3. Screen: search the library for chips, keep the three in force, add them (Ctrl+Shift+L).
    assert window.show_page("library")
    screening = screening_of(library)
    qtbot.waitUntil(lambda: screening._shown, timeout=TIMEOUT)
    screening.search_box.setFocus()
    for character in "芯片":  # as an input method commits them
        screening.search_box.insert(character)
    qtbot.waitUntil(lambda: library.model.total == 5, timeout=TIMEOUT)  # not the 老式编号 one
    table = library.table
    table.setFocus()
    in_force = [
        row
        for row in range(library.model.rowCount())
        if library.model.patent_id(row) is not None
        and _status(database, library.model.patent_id(row)) == "granted"
    ]
    assert len(in_force) >= 2
    table.clearSelection()
    for row in in_force:
        table.selectionModel().select(
            library.model.index(row, 0),
            table.selectionModel().SelectionFlag.Select | table.selectionModel().SelectionFlag.Rows,
        )
    chosen = {library.model.patent_id(row) for row in in_force}
    qtbot.keyClick(table, Qt.Key.Key_L, CTRL | SHIFT)
    with database.session() as session:
        on_list = set(
            session.scalars(
                select(ShortlistEntry.patent_id).where(ShortlistEntry.event_id == event_id)
            )
        )
    assert on_list == chosen
    assert window.show_page("shortlist")
    shortlist = window.page("shortlist")
    qtbot.waitUntil(lambda: shortlist.model.rowCount() == len(chosen), timeout=TIMEOUT)

    # 4. A session built from the shortlist, starting at 09:30 at the venue, in room A.
    assert window.show_page("event")
    agenda = event_page.agenda
    event_page.tabs.setCurrentWidget(agenda)
    agenda.edit_title.setFocus()
    qtbot.keyClicks(focused(), "Chips morning")
    agenda.spin_minutes.setFocus()
    agenda.spin_minutes.selectAll()
    qtbot.keyClicks(focused(), "12")
    qtbot.mouseClick(agenda.button_build, Qt.MouseButton.LeftButton)
    session_id = agenda.current_session_id()
    assert session_id is not None
    details = agenda.session_details
    details.edit_start.setFocus()
    type_then(qtbot, "9:30")
    assert focused() is details.edit_room
    type_then(qtbot, "A hall")
    with database.session() as session:
        stored = session.get(RoadshowSession, session_id)
        assert stored is not None
        assert stored.starts_at == dt.datetime(2026, 12, 18, 1, 30)  # 09:30 in Beijing
        assert stored.room == "A hall"
    times = [f"{dt.datetime(2026, 12, 18, 9, 30) + dt.timedelta(minutes=12 * n):%H:%M}"
             for n in range(len(chosen))]  # fmt: skip

    # 5. The sign-up list: 活动 › 企业 › 导入报名表 registers the firms for the event.
    signups_file = write_table(
        tmp_path / "报名表.xlsx",
        ["企业名称", "统一社会信用代码", "联系人", "联系电话"],
        [
            ["宁波芯测科技有限公司", "", "林工", "13800000001"],
            ["杭州微流控生物有限公司", "", "沈总", "13700001234"],
            ["苏州晶圆装备股份有限公司", "", "王经理", "0512-66668888"],
        ],
    )
    opened.append(signups_file)
    named: list[str] = []

    def accept(target: SignUpTargetDialog) -> int:
        named.append(target.combo_event.currentText())
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(SignUpTargetDialog, "exec", accept)
    monkeypatch.setattr(ImportSummaryDialog, "open", lambda _dialog: None)
    event_page.tabs.setCurrentWidget(event_page.registry)
    with qtbot.waitSignal(controller.import_finished, timeout=TIMEOUT):
        qtbot.mouseClick(event_page.registry.button_import, Qt.MouseButton.LeftButton)
    assert named == ["Chip fair"]
    with database.session() as session:
        registered = registered_ids(session, event_id)
        firms = {
            firm.name: firm.uuid
            for firm in session.scalars(select(Enterprise).where(Enterprise.id.in_(registered)))
        }
    assert sorted(firms) == sorted(["宁波芯测科技有限公司", "杭州微流控生物有限公司",
                                    "苏州晶圆装备股份有限公司"])  # fmt: skip

    # 6. Print: badges and the agenda saved as PDF from the print page.
    assert window.show_page("print")
    printing = window.page("print")
    assert printing.combo_event.currentData() == event_id
    saved_to: list[Path] = []

    def save_as(*_args: Any, **_kwargs: Any) -> tuple[str, str]:
        return str(saved_to[-1]), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    problems: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: problems.append(args[2]))
    for kind in ("badges", "agenda"):
        printing.combo_kind.setCurrentIndex(printing.combo_kind.findData(kind))
        saved_to.append(tmp_path / f"{kind}.pdf")
        qtbot.mouseClick(printing.button_save, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: bool(problems) or saved_to[-1].exists(), timeout=TIMEOUT)
        assert problems == [], kind
    badges_pdf, agenda_pdf = saved_to

    # The agenda prints the session's start and every slot's planned time.
    text = pdf_text(agenda_pdf)
    assert "Chips morning" in text
    assert "A hall" in text
    positions = [text.find(time) for time in times]
    assert all(position >= 0 for position in positions), (times, text)
    assert positions == sorted(positions)  # in the order of the slots
    # One badge per registered firm: each firm's QR code, once.
    codes = qr_codes(badges_pdf, tmp_path / "badges")
    assert sorted(codes) == sorted(f"RSD1:E:{uuid}" for uuid in firms.values())
    badge_text = "".join(pdf_text(badges_pdf).split())  # a long name takes two lines
    for name in firms:
        assert badge_text.count(name) == 1, name


def _status(database: Any, patent_id: int) -> str:
    from roadshow_desk.domain.models import Patent

    with database.session() as session:
        patent = session.get(Patent, patent_id)
        assert patent is not None
        return str(patent.legal_status)
