"""Station bundles in the window: export from the File menu, two bundles dropped on the
window, the preview, the merge, the Stations view, the status bar and the close guard."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from keyboard import press, type_text
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QMessageBox
from sqlalchemy import func, select

from bundle_data import Base, make_base, station_copy
from roadshow_desk.domain.capture import IntentionDraft, record_intention
from roadshow_desk.domain.enums import IntentionKind
from roadshow_desk.domain.models import BundleReceipt, Intention
from roadshow_desk.exchange.bundle_export import export_bundle
from roadshow_desk.store.db import open_database
from roadshow_desk.ui.workflow import DataKind


@pytest.fixture
def base(tmp_path: Path) -> Base:
    return make_base(tmp_path / "base")


def _window(qtbot, monkeypatch, base: Base, folder: Path, station: str, ui_settings):  # type: ignore[no-untyped-def]
    from roadshow_desk.ui import main_window as main_window_module
    from roadshow_desk.ui.main_window import MainWindow
    from roadshow_desk.ui.workflow import AppContext

    monkeypatch.setattr(
        main_window_module,
        "WINDOW_CONTROLLERS",
        ["roadshow_desk.ui.bundles.controller:install"],
        raising=True,
    )
    target = folder / f"{station}.sqlite3"
    shutil.copyfile(base.path, target)
    database = open_database(f"sqlite:///{target}", backup=False)
    context = AppContext(database, ui_settings, station)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    return window


def _capture(database, base: Base, station: str, firm: int = 0) -> str:  # type: ignore[no-untyped-def]
    return record_intention(
        database,
        IntentionDraft(
            enterprise_id=base.enterprise_ids[firm],
            patent_id=base.patent_ids[firm],
            kind=IntentionKind.TRANSFER,
            event_id=base.event_id,
        ),
        station=station,
    ).uuid


def _action(window, name: str) -> QAction:  # type: ignore[no-untyped-def]
    found = window.findChild(QAction, name)
    assert found is not None and found in window.file_menu.actions()
    return found


def test_export_from_the_file_menu_and_the_status_bar(  # type: ignore[no-untyped-def]
    qtbot, monkeypatch, base, tmp_path, ui_settings, english
) -> None:
    window = _window(qtbot, monkeypatch, base, tmp_path, "A", ui_settings)
    controller = window.bundle_controller
    _capture(window.context.database, base, "A")
    window.context.data_changed.emit(DataKind.INTENTION)
    qtbot.waitUntil(lambda: controller.status_label.text() == "Not exported: 1 record(s)")
    target = tmp_path / "desk-A"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    with qtbot.waitSignal(controller.exported, timeout=10000) as exported:
        _action(window, "action_export_bundle").trigger()
    assert exported.args[0].path == tmp_path / "desk-A.rsdb"
    assert (tmp_path / "desk-A.rsdb").exists()
    assert controller.status_label.text() == "All records exported"
    assert "2 records written to desk-A.rsdb." in window.statusBar().currentMessage()
    window.context.database.dispose()


def _drop(window, paths: list[Path]) -> None:  # type: ignore[no-untyped-def]
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    enter = QDragEnterEvent(
        QPoint(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    assert QApplication.sendEvent(window, enter) and enter.isAccepted()
    event = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, event)


def test_two_dropped_bundles_preview_merge_and_stations_view(  # type: ignore[no-untyped-def]
    qtbot, monkeypatch, base, tmp_path, ui_settings, english
) -> None:
    bundles = []
    captured = []
    for index, name in enumerate(("A", "B")):
        desk = station_copy(base, tmp_path, f"desk-{name}")
        captured.append(_capture(desk, base, name, firm=index + 2))
        bundles.append(
            export_bundle(
                desk, tmp_path / f"{name}.rsdb", station=name, event_id=base.event_id
            ).path
        )
        desk.dispose()
    window = _window(qtbot, monkeypatch, base, tmp_path, "organiser", ui_settings)
    controller = window.bundle_controller
    database = window.context.database
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    _drop(window, bundles)
    qtbot.waitUntil(lambda: controller.preview_dialog is not None or bool(warnings), timeout=10000)
    assert warnings == []
    dialog = controller.preview_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.counts_of("intention")["new"] == 2
    labels = [
        dialog.table_counts.item(row, 0).text() for row in range(dialog.table_counts.rowCount())
    ]
    assert "Intentions" in labels
    row = labels.index("Intentions")
    assert dialog.table_counts.item(row, 1).text() == "2"
    assert [dialog.table_bundles.item(r, 1).text() for r in range(2)] == ["A", "B"]
    with database.session() as session:  # the preview wrote nothing
        assert session.scalar(select(func.count()).select_from(BundleReceipt)) == 0
    merge_button = dialog.button_box.button(QDialogButtonBox.StandardButton.Ok)
    with qtbot.waitSignal(controller.merged, timeout=10000):
        qtbot.mouseClick(merge_button, Qt.MouseButton.LeftButton)
    with database.session() as session:
        uuids = set(session.scalars(select(Intention.uuid)))
        assert set(captured) <= uuids
        assert session.scalar(select(func.count()).select_from(BundleReceipt)) == 2
    assert "Merged: 2 new" in window.statusBar().currentMessage()
    stations = controller.show_stations()
    qtbot.waitUntil(stations.isVisible)
    names = [
        stations.table_stations.item(r, 0).text() for r in range(stations.table_stations.rowCount())
    ]
    assert names == ["organiser (this laptop)", "A", "B"]
    assert stations.table_stations.item(1, 4).text() == "1"  # one bundle merged from A
    files = {
        stations.table_receipts.item(r, 5).text() for r in range(stations.table_receipts.rowCount())
    }
    assert files == {"A.rsdb", "B.rsdb"}
    stations.close()

    # Now that the event has other stations, closing with unexported work asks first.
    _capture(database, base, "organiser", firm=1)
    asked: list[str] = []

    def answer(role: QMessageBox.ButtonRole):  # type: ignore[no-untyped-def]
        def exec_(box: QMessageBox) -> int:
            asked.append(box.text())
            next(b for b in box.buttons() if box.buttonRole(b) == role).click()
            return 0

        return exec_

    monkeypatch.setattr(QMessageBox, "exec", answer(QMessageBox.ButtonRole.RejectRole))
    assert window.close() is False
    assert window.isVisible()
    # The organiser's two base intentions and the one just captured.
    assert asked == ["3 record(s) of this station have not been exported to a bundle yet."]
    monkeypatch.setattr(QMessageBox, "exec", answer(QMessageBox.ButtonRole.DestructiveRole))
    assert window.close() is True
    database.dispose()


def test_a_refused_bundle_says_one_sentence(  # type: ignore[no-untyped-def]
    qtbot, monkeypatch, base, tmp_path, ui_settings, english
) -> None:
    window = _window(qtbot, monkeypatch, base, tmp_path, "organiser", ui_settings)
    bad = tmp_path / "stick.rsdb"
    bad.write_bytes(b"not a zip at all")
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    _drop(window, [bad])
    qtbot.waitUntil(lambda: bool(warnings), timeout=10000)
    assert warnings == ["“stick.rsdb” is not a station bundle; nothing was merged."]
    assert window.bundle_controller.preview_dialog is None
    window.context.database.dispose()


def test_a_lost_connection_shows_in_the_status_and_raises_nothing(  # type: ignore[no-untyped-def]
    qtbot, monkeypatch, base, tmp_path, ui_settings, english
) -> None:
    from sqlalchemy.exc import OperationalError

    from roadshow_desk.ui.bundles import controller as module

    window = _window(qtbot, monkeypatch, base, tmp_path, "A", ui_settings)
    _capture(window.context.database, base, "A")

    down = [True]
    count = module.unexported_count

    def server_gone(database, station):  # type: ignore[no-untyped-def]
        if down[0]:
            raise OperationalError("SELECT", {}, Exception("connection refused"))
        return count(database, station)

    monkeypatch.setattr(module, "unexported_count", server_gone)
    controller = window.bundle_controller
    controller._periodic.setInterval(10)  # the 15-second refresh, sooner
    with qtbot.waitSignal(controller._periodic.timeout, timeout=5000):
        pass  # an exception in the timer's slot would fail the test (pytest-qt)
    qtbot.wait(20)
    assert controller.status_label.text() == "Not exported: unknown (no database connection)"
    down[0] = False  # the server is back
    assert controller.refresh_status() == 1
    assert controller.status_label.text() == "Not exported: 1 record(s)"
    window.context.database.dispose()


def test_a_lone_laptop_closes_without_asking(  # type: ignore[no-untyped-def]
    qtbot, monkeypatch, base, tmp_path, ui_settings, english
) -> None:
    window = _window(qtbot, monkeypatch, base, tmp_path, "A", ui_settings)
    _capture(window.context.database, base, "A")
    assert window.bundle_controller.refresh_status() == 1
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: asked.append(box.text()) or 0)
    assert window.close() is True  # never exported nor merged a bundle: nothing to remind
    assert asked == []
    window.context.database.dispose()


def test_an_encrypted_bundle_asks_for_the_passphrase(  # type: ignore[no-untyped-def]
    qtbot, monkeypatch, base, tmp_path, ui_settings, english
) -> None:
    from PySide6.QtWidgets import QInputDialog

    monkeypatch.delenv("ROADSHOW_DESK_PASSPHRASE", raising=False)
    desk = station_copy(base, tmp_path, "desk-A")
    uuid = _capture(desk, base, "A", firm=3)
    bundle = export_bundle(
        desk, tmp_path / "A.rsdb", station="A", event_id=base.event_id, passphrase="东区"
    ).path
    desk.dispose()
    window = _window(qtbot, monkeypatch, base, tmp_path, "organiser", ui_settings)
    controller = window.bundle_controller
    answers = iter([("西区", True), ("东区", True)])  # a wrong one first
    prompts: list[str] = []

    def get_text(parent, title, label, echo):  # type: ignore[no-untyped-def]
        prompts.append(label.splitlines()[0])
        return next(answers)

    monkeypatch.setattr(QInputDialog, "getText", get_text)
    _drop(window, [bundle])
    qtbot.waitUntil(lambda: controller.preview_dialog is not None, timeout=15000)
    assert prompts == [
        "“A.rsdb” is encrypted: give the event's bundle passphrase (or set "
        "ROADSHOW_DESK_PASSPHRASE); nothing was merged.",
        "The passphrase does not open “A.rsdb” (or the file is damaged); nothing was merged.",
    ]
    dialog = controller.preview_dialog
    assert dialog.counts_of("intention")["new"] == 1
    with qtbot.waitSignal(controller.merged, timeout=10000):
        qtbot.mouseClick(
            dialog.button_box.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
        )
    with window.context.database.session() as session:
        assert session.scalar(select(Intention.id).where(Intention.uuid == uuid)) is not None
    # This laptop has merged a bundle and holds unexported work: closing asks; close anyway.
    monkeypatch.setattr(
        QMessageBox,
        "exec",
        lambda box: (
            next(
                b
                for b in box.buttons()
                if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole
            ).click()
            or 0
        ),
    )
    assert window.close() is True
    window.context.database.dispose()


def _answer(role: QMessageBox.ButtonRole, asked: list[str]):  # type: ignore[no-untyped-def]
    def exec_(box: QMessageBox) -> int:
        asked.append(box.text())
        next(b for b in box.buttons() if box.buttonRole(b) == role).click()
        return 0

    return exec_


def test_a_new_event_with_unexported_work_asks_first(  # type: ignore[no-untyped-def]
    qtbot, monkeypatch, base, tmp_path, ui_settings, english
) -> None:
    from PySide6.QtWidgets import QPushButton

    window = _window(qtbot, monkeypatch, base, tmp_path, "A", ui_settings)
    controller = window.bundle_controller
    with qtbot.waitSignal(controller.exported, timeout=10000):
        controller.export(tmp_path / "A.rsdb")  # this laptop exchanges bundles now
    _capture(window.context.database, base, "A")
    window.show_page("event")
    page = next(page for page in window.pages if page.view_name == "event")
    setup = page.setup
    name = setup.edit_name.text()
    assert name
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", _answer(QMessageBox.ButtonRole.RejectRole, asked))
    button = setup.findChild(QPushButton, "button_new_event")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert asked == ["1 record(s) of this station have not been exported to a bundle yet."]
    assert setup.edit_name.text() == name  # stayed on the event
    monkeypatch.setattr(QMessageBox, "exec", _answer(QMessageBox.ButtonRole.DestructiveRole, asked))
    page.findChild(QAction, "action_new_event").trigger()
    assert len(asked) == 2
    assert setup.edit_name.text() == ""  # the form for the new event
    assert QApplication.focusWidget() is setup.edit_name
    window.context.database.dispose()


def test_the_passphrase_is_set_changed_and_cleared_on_the_event_form(  # type: ignore[no-untyped-def]
    qtbot, monkeypatch, base, tmp_path, ui_settings, english
) -> None:
    from PySide6.QtWidgets import QInputDialog, QLabel, QLineEdit, QWidget

    from roadshow_desk.exchange.bundle_export import event_passphrase
    from roadshow_desk.exchange.bundle_format import is_encrypted, read_manifest

    window = _window(qtbot, monkeypatch, base, tmp_path, "A", ui_settings)
    database = window.context.database
    window.show_page("event")
    page = next(page for page in window.pages if page.view_name == "event")
    setup = page.setup
    state = setup.control_passphrase.label_passphrase_state
    assert state.text() == "No passphrase: this event's bundles are plain"
    assert not setup.control_passphrase.button_passphrase_clear.isEnabled()
    answers: list[str] = []
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: (answers.pop(0), True))

    def push(name: str) -> None:
        window.activateWindow()
        button = setup.findChild(QWidget, name)
        button.setFocus()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is button)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)

    answers[:] = ["会场口令 2026", "会场口令 2026"]
    push("button_passphrase_change")
    assert event_passphrase(database, base.event_id) == "会场口令 2026"
    assert state.text() == "Passphrase set: this event's bundles are encrypted"
    texts = [w.text() for w in setup.findChildren(QLineEdit) + setup.findChildren(QLabel)]
    assert not any("会场口令" in text for text in texts)  # never shown in clear
    with qtbot.waitSignal(window.bundle_controller.exported, timeout=10000) as exported:
        window.bundle_controller.export(tmp_path / "A.rsdb")
    assert is_encrypted(read_manifest(exported.args[0].path))

    answers[:] = ["新口令", "新口林"]  # a typo the second time: nothing changes
    push("button_passphrase_change")
    assert setup.label_message.text() == "The two passphrases differ; nothing was changed."
    assert event_passphrase(database, base.event_id) == "会场口令 2026"

    push("button_passphrase_clear")
    assert event_passphrase(database, base.event_id) is None
    assert state.text() == "No passphrase: this event's bundles are plain"

    answers[:] = ["菜单口令"]  # File ▸ Bundle passphrase… shows on the form too
    _action(window, "action_bundle_passphrase").trigger()
    assert event_passphrase(database, base.event_id) == "菜单口令"
    assert state.text() == "Passphrase set: this event's bundles are encrypted"
    database.dispose()


def test_the_station_region_is_offered_from_the_event_and_carried_by_bundles(  # type: ignore[no-untyped-def]
    qtbot, monkeypatch, base, tmp_path, ui_settings, english
) -> None:
    from PySide6.QtWidgets import QInputDialog

    from roadshow_desk.exchange.bundle_format import read_manifest

    window = _window(qtbot, monkeypatch, base, tmp_path, "A", ui_settings)
    controller = window.bundle_controller
    infos: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: infos.append(text))
    offered: list[list[str]] = []
    monkeypatch.setattr(
        QInputDialog,
        "getItem",
        lambda parent, title, label, items, current, editable: (
            offered.append(list(items)) or ("成都", True)
        ),
    )
    window.show_page("event")
    setup = next(page for page in window.pages if page.view_name == "event").setup
    window.activateWindow()

    def type_in(edit, text: str) -> None:  # type: ignore[no-untyped-def]
        edit.setFocus()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is edit)
        if edit.text():
            press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
            press(qtbot, Qt.Key.Key_Backspace)
        type_text(qtbot, text)
        assert edit.text() == text

    def save() -> None:
        setup.button_save_event.setFocus()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is setup.button_save_event)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
        qtbot.waitUntil(lambda: not setup.pending_edits())

    type_in(setup.edit_region, "")  # an event that names no region
    save()
    _action(window, "action_station_region").trigger()
    assert infos == [
        "This event names no region; enter its region and partner regions on the event form first."
    ]
    assert offered == []
    # The organiser types the regions on the event form and saves.
    type_in(setup.edit_region, "重庆")
    type_in(setup.edit_partner_regions, "成都；贵阳")
    save()
    changed: list[DataKind] = []
    window.context.data_changed.connect(changed.append)
    _action(window, "action_station_region").trigger()
    assert offered == [["(no region)", "重庆", "成都", "贵阳"]]
    # The Results page counts this desk's intentions in the region: it is told.
    assert DataKind.BUNDLE_SETTINGS in changed
    with qtbot.waitSignal(controller.exported, timeout=10000) as exported:
        controller.export(tmp_path / "A.rsdb")
    assert read_manifest(exported.args[0].path)["region"] == "成都"
    # The next time the dialog opens at the region kept.
    monkeypatch.setattr(
        QInputDialog,
        "getItem",
        lambda parent, title, label, items, current, editable: (
            offered.append([items[current]]) or ("(no region)", True)
        ),
    )
    _action(window, "action_station_region").trigger()
    assert offered[-1] == ["成都"]
    with qtbot.waitSignal(controller.exported, timeout=10000) as exported:
        controller.export(tmp_path / "A2.rsdb")
    assert read_manifest(exported.args[0].path)["region"] == ""
    window.context.undo_stack.clear()  # the event's save is undoable; none left at teardown
    window.context.database.dispose()
