"""The roadshow page (pick a session, options, start and leave) and the shot views."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage

from roadshow_desk.domain.models import Slot
from roadshow_desk.ui.roadshow.page import RoadshowPage


@pytest.fixture
def page(qtbot, context, day):  # type: ignore[no-untyped-def]
    widget = RoadshowPage(context)
    qtbot.addWidget(widget)
    widget.activate()
    yield widget
    if widget.controller is not None:
        widget.controller.stop()


def test_the_page_lists_the_sessions_and_previews_the_projector(page, plan) -> None:  # type: ignore[no-untyped-def]
    assert page.session_combo.currentText() == plan.session_title
    assert page.slot_tree.topLevelItemCount() == len(plan.slots)
    assert page.slot_tree.topLevelItem(1).text(1) == plan.slots[1].heading
    assert "7 slots" in page.message.text()
    assert not page.preview.pixmap().isNull()
    assert page.start_button.isEnabled()


def test_start_runs_the_show_and_leaving_offers_to_resume(page, qtbot, db, plan) -> None:  # type: ignore[no-untyped-def]
    page.start_spin.setValue(2)
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    controller = page.controller
    assert controller is not None and controller.run.running
    assert not page.start_button.isEnabled()  # one show at a time
    if controller.options.title_cards:
        qtbot.keyClick(controller.display, Qt.Key.Key_PageDown)
    assert controller.run.index == 1
    qtbot.keyClick(controller.display, Qt.Key.Key_PageDown)
    qtbot.keyClick(controller.display, Qt.Key.Key_PageDown)
    qtbot.keyClick(controller.display, Qt.Key.Key_Escape)  # asks
    with qtbot.waitSignal(controller.finished):
        qtbot.keyClick(controller.display, Qt.Key.Key_Escape)
    qtbot.wait(1)
    assert page.controller is None and page.start_button.isEnabled()
    with db.session() as session:
        started = session.get(Slot, plan.slots[1].slot_id).actual_start
    assert started is not None
    assert page.slot_tree.topLevelItem(1).text(4) != ""  # the actual start is listed
    assert page.start_spin.value() in (3, 4)  # resume after the last slot presented


def test_options_are_kept_in_the_settings_and_checked(page, context) -> None:  # type: ignore[no-untyped-def]
    page.theme_combo.setCurrentIndex(page.theme_combo.findData("light"))
    page.warning_spin.setValue(3)
    page.final_spin.setValue(1)
    page.title_cards.setChecked(False)
    assert context.settings.value("roadshow/theme") == "light"
    assert context.settings.value("roadshow/warning_seconds") == 180
    assert context.settings.value("roadshow/final_seconds") == 60
    assert context.settings.value("roadshow/title_cards") is False
    page.final_spin.setValue(5)  # red before yellow makes no sense
    assert page.start_show() is None
    assert "red warning" in page.message.text()
    assert page.controller is None


def cli(*args: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, ROADSHOW_DESK_DATA_DIR=str(tmp_path / "data"))
    env.pop("QT_QPA_PLATFORM", None)
    return subprocess.run(
        [sys.executable, "-m", "roadshow_desk", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


@pytest.mark.slow
@pytest.mark.parametrize("view", ["audience", "presenter"])
def test_shot_views_render_the_demo_session(tmp_path, demo_db_file, view) -> None:  # type: ignore[no-untyped-def]
    for width, height in ((1024, 768), (1920, 1080)):
        out = tmp_path / f"{view}-{width}.png"
        result = cli(
            "shot",
            str(out),
            "--db",
            str(demo_db_file),
            "--view",
            view,
            "--size",
            f"{width}x{height}",
            "--lang",
            "zh_CN",
            tmp_path=tmp_path,
        )
        assert result.returncode == 0, result.stderr
        image = QImage(str(out))
        assert (image.width(), image.height()) == (width, height)
        if view == "audience":  # the dark theme: black with light text and a white QR
            assert QColor(image.pixel(3, 3)).name() == "#000000"
            light = sum(
                QColor(image.pixel(x, y)).lightness() > 200
                for x in range(0, width, 8)
                for y in range(0, height, 8)
            )
            assert light > 0.03 * (width // 8) * (height // 8)


def test_shot_of_an_empty_database_says_what_to_do(tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = cli(
        "shot",
        str(tmp_path / "a.png"),
        "--db",
        str(tmp_path / "empty.sqlite3"),
        "--view",
        "audience",
        "--lang",
        "en",
        tmp_path=tmp_path,
    )
    assert result.returncode == 1
    assert "roadshow-desk demo" in result.stderr


def test_a_shortlist_change_elsewhere_does_not_redraw_the_hidden_preview(  # type: ignore[no-untyped-def]
    qtbot, demo_db, ui_settings, english, monkeypatch
) -> None:
    """Adding patents to the shortlist on the library page froze the window for more than
    half a second: the hidden roadshow page rebuilt its projector preview (and its QR code)
    on every change. It reads the plan when it is shown."""
    from PySide6.QtWidgets import QApplication

    from roadshow_desk.domain.models import ShortlistEntry
    from roadshow_desk.ui.main_window import MainWindow
    from roadshow_desk.ui.roadshow.audience import AudienceDisplay
    from roadshow_desk.ui.workflow import AppContext

    context = AppContext(demo_db, ui_settings, "desk-1")
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    drawn: list[object] = []
    show_slide = AudienceDisplay.show_slide
    monkeypatch.setattr(
        AudienceDisplay,
        "show_slide",
        lambda self, slide: drawn.append(slide) or show_slide(self, slide),
    )

    def entries() -> int:
        with demo_db.session() as session:
            return session.query(ShortlistEntry).count()

    before = entries()
    library = window.page("library")
    qtbot.waitUntil(lambda: library.model.rowCount() > 0)
    window.show_page("library")
    library.table.setFocus()
    qtbot.keyClick(library.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(library.table, Qt.Key.Key_Up, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(
        QApplication.focusWidget(),
        Qt.Key.Key_L,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert entries() > before
    assert drawn == []
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    roadshow = window.current_page()
    assert roadshow.view_name == "roadshow"
    assert drawn and not roadshow.preview.pixmap().isNull()
    context.undo_stack.clear()
