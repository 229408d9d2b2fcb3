"""The app-wide change signal (``AppContext.data_changed``): every kind a page listens for is
emitted by some action, and the pages follow the changes they show (issue #16, item 1).

The first test reads the source of ``ui/``: the kinds named in a ``data_changed`` handler
against the kinds handed to ``data_changed.emit`` (directly, through a ``*_KINDS`` tuple a
loop emits, through a parameter a caller passes, or for other desks' changes through
``store.live.WATCHED``). The others drive the real window.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest
from keyboard import focus, press, type_text
from PySide6.QtCore import Qt

from fairday_data import make_fair_day
from roadshow_desk.domain.agenda import list_sessions
from roadshow_desk.store.live import WATCHED
from roadshow_desk.ui.main_window import MainWindow
from roadshow_desk.ui.workflow import DataKind

UI = Path(__file__).resolve().parents[2] / "src" / "roadshow_desk" / "ui"


def _modules() -> Iterator[tuple[Path, ast.Module]]:
    for path in sorted(UI.rglob("*.py")):
        yield path, ast.parse(path.read_text(encoding="utf-8"), str(path))


def _kinds_in(node: ast.AST) -> set[DataKind]:
    """The ``DataKind.X`` named anywhere in ``node`` (all of them for ``tuple(DataKind)``)."""
    found: set[DataKind] = set()
    for sub in ast.walk(node):
        if (
            isinstance(sub, ast.Attribute)
            and isinstance(sub.value, ast.Name)
            and sub.value.id == "DataKind"
        ):
            found.add(DataKind[sub.attr])
        elif (
            isinstance(sub, ast.Call)
            and isinstance(sub.func, ast.Name)
            and sub.func.id in ("tuple", "list", "set")
            and [getattr(arg, "id", None) for arg in sub.args] == ["DataKind"]
        ):
            found |= set(DataKind)
    return found


def _is_signal_call(node: ast.AST, method: str) -> bool:
    """``<...>.data_changed.<method>(...)``."""
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == method
        and isinstance(node.func.value, ast.Attribute)
        and node.func.value.attr == "data_changed"
    )


def _called_name(call: ast.Call) -> str | None:
    func = call.func
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else None


def _passed_to(module: ast.Module, function: ast.FunctionDef, parameter: str) -> set[DataKind]:
    """The kinds that reach ``parameter`` of ``function``: its default, what callers in the
    module pass (following a caller's own parameter one level further up)."""
    arguments = function.args
    positional = [arg.arg for arg in arguments.posonlyargs + arguments.args]
    found: set[DataKind] = set()
    defaults = dict(zip(reversed(positional), reversed(arguments.defaults), strict=False))
    if parameter in defaults:
        found |= _kinds_in(defaults[parameter])
    offset = 1 if positional and positional[0] == "self" else 0
    index = positional.index(parameter) - offset if parameter in positional else None
    for caller in ast.walk(module):
        if not isinstance(caller, ast.FunctionDef) or caller is function:
            continue
        for call in ast.walk(caller):
            if not isinstance(call, ast.Call) or _called_name(call) != function.name:
                continue
            passed = [kw.value for kw in call.keywords if kw.arg == parameter]
            if index is not None and index < len(call.args):
                passed.append(call.args[index])
            for value in passed:
                found |= _kinds_in(value)
                caller_parameters = [arg.arg for arg in caller.args.args]
                if isinstance(value, ast.Name) and value.id in caller_parameters:
                    found |= _passed_to(module, caller, value.id)
    return found


def command_kinds() -> set[DataKind]:
    """The kinds the undo commands (``ui/undo.py``) emit: their ``KINDS`` and what their
    ``changed_kinds`` overrides return."""
    found: set[DataKind] = set()
    for _path, module in _modules():
        for node in ast.walk(module):
            if isinstance(node, ast.ClassDef):
                for statement in node.body:
                    targets = statement.targets if isinstance(statement, ast.Assign) else []
                    if any(isinstance(t, ast.Name) and t.id == "KINDS" for t in targets):
                        found |= _kinds_in(statement)
            elif isinstance(node, ast.FunctionDef) and node.name == "changed_kinds":
                found |= _kinds_in(node)
    return found


def emitted_kinds() -> dict[DataKind, list[str]]:
    """Each kind some action emits, with where."""
    where: dict[DataKind, list[str]] = {}

    def note(kinds: set[DataKind], place: str) -> None:
        for kind in kinds:
            where.setdefault(kind, []).append(place)

    for path, module in _modules():
        constants = {
            target.id: statement.value
            for statement in module.body
            if isinstance(statement, ast.Assign)
            for target in statement.targets
            if isinstance(target, ast.Name)
        }
        for function in ast.walk(module):
            if not isinstance(function, ast.FunctionDef):
                continue
            parameters = {arg.arg for arg in function.args.args}
            loops = {
                loop.target.id: loop.iter
                for loop in ast.walk(function)
                if isinstance(loop, ast.For) and isinstance(loop.target, ast.Name)
            }
            for call in ast.walk(function):
                if not _is_signal_call(call, "emit"):
                    continue
                assert isinstance(call, ast.Call) and len(call.args) == 1
                argument = call.args[0]
                place = f"{path.relative_to(UI)}:{call.lineno}"
                kinds = _kinds_in(argument)
                if isinstance(argument, ast.Name) and argument.id in loops:
                    source = loops[argument.id]
                    if isinstance(source, ast.Name) and source.id in constants:
                        source = constants[source.id]
                    kinds = _kinds_in(source)
                elif isinstance(argument, ast.Name) and argument.id in parameters:
                    kinds = _passed_to(module, function, argument.id)
                elif path.name == "live_view.py":  # DataKind(kind): other desks' changes
                    kinds = {DataKind(kind) for kind in WATCHED.values()}
                if path.name == "undo.py":  # each command's KINDS / changed_kinds()
                    kinds = command_kinds()
                assert kinds, f"{place} emits a kind this test cannot follow"
                note(kinds, place)
    return where


def listened_kinds() -> dict[DataKind, list[str]]:
    """Each kind some handler of ``data_changed`` picks out, with where."""
    handlers: set[str] = set()
    for path, module in _modules():
        for call in ast.walk(module):
            if not _is_signal_call(call, "connect"):
                continue
            assert isinstance(call, ast.Call)
            slot = call.args[0]
            if isinstance(slot, ast.Lambda):  # refreshes on any kind
                continue
            name = slot.attr if isinstance(slot, ast.Attribute) else getattr(slot, "id", None)
            assert name and "data_changed" in name, (
                f"{path.relative_to(UI)}:{call.lineno}: name a data_changed handler *data_changed*"
            )
            handlers.add(name)
    where: dict[DataKind, list[str]] = {}
    for path, module in _modules():
        for function in ast.walk(module):
            if isinstance(function, ast.FunctionDef) and function.name in handlers:
                place = f"{path.relative_to(UI)}:{function.name}"
                for compare in ast.walk(function):  # a kind spelt as a string escapes the scan
                    if isinstance(compare, ast.Compare):
                        strings = [
                            sub.value
                            for sub in ast.walk(compare)
                            if isinstance(sub, ast.Constant) and isinstance(sub.value, str)
                        ]
                        assert not strings, f"{place} compares the kind with {strings}"
                for kind in _kinds_in(function):
                    where.setdefault(kind, []).append(place)
    return where


def test_every_kind_a_page_listens_for_is_emitted_by_some_action() -> None:
    listened, emitted = listened_kinds(), emitted_kinds()
    assert {DataKind.AGENDA, DataKind.PATENT, DataKind.BUNDLE_SETTINGS} <= set(listened)
    never_sent = {kind: places for kind, places in listened.items() if kind not in emitted}
    assert never_sent == {}
    # Each kind is both sent and heard: a kind nobody listens for is a refresh forgotten.
    assert set(emitted) == set(DataKind)
    assert set(listened) == set(DataKind)


def test_the_scan_sees_the_emitters_that_pass_kinds_along() -> None:
    emitted = emitted_kinds()
    assert any(place.startswith("importing/controller.py") for place in emitted[DataKind.PATENT])
    assert any(
        place.startswith("importing/controller.py") for place in emitted[DataKind.ENTERPRISE]
    )
    assert any(place.startswith("bundles/controller.py") for place in emitted[DataKind.AGENDA])
    assert any(place.startswith("live_view.py") for place in emitted[DataKind.AGENDA])
    assert any(place.startswith("backups.py") for place in emitted[DataKind.BUNDLE_SETTINGS])


def test_other_desks_changes_are_kinds_the_pages_know() -> None:
    assert {DataKind(kind) for kind in WATCHED.values()} <= set(DataKind)


# --------------------------------------------------------------------------- behaviour


@pytest.fixture
def window(qtbot, app_context, english) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(app_context)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def _sessions_offered(window: MainWindow) -> list[str]:
    roadshow = window.page("roadshow")
    combo = roadshow.session_combo  # type: ignore[union-attr]
    return [combo.itemText(row) for row in range(combo.count())]


def test_the_roadshow_page_follows_an_agenda_edit_and_its_undo(
    qtbot, window: MainWindow, app_context, db
) -> None:
    fair = make_fair_day(db)
    app_context.current_event_id = fair.event_id
    app_context.event_changed.emit(fair.event_id)
    assert window.show_page("roadshow")
    offered = _sessions_offered(window)
    assert not any("上午场" in text for text in offered)

    assert window.show_page("event")
    event_page = window.current_page()
    agenda = event_page.agenda  # type: ignore[union-attr]
    event_page.tabs.setCurrentWidget(agenda)  # type: ignore[union-attr]
    window.activateWindow()
    agenda.edit_title.setFocus()
    qtbot.waitUntil(lambda: focus() is agenda.edit_title)
    type_text(qtbot, "上午场")
    qtbot.mouseClick(agenda.button_build, Qt.MouseButton.LeftButton)
    with db.session() as session:
        assert [s.title for s in list_sessions(session, fair.event_id)] == ["上午场"]

    assert window.show_page("roadshow")
    assert any("上午场" in text for text in _sessions_offered(window))
    # Undo the build while the roadshow page is the one shown: it must not offer the
    # session any more (it listened for "session" and "slot", the agenda sent "agenda").
    window.activateWindow()
    window.page("roadshow").setFocus()  # type: ignore[union-attr]
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    with db.session() as session:
        assert list_sessions(session, fair.event_id) == []
    assert not any("上午场" in text for text in _sessions_offered(window))
    press(qtbot, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert any("上午场" in text for text in _sessions_offered(window))


@pytest.mark.postgresql
@pytest.mark.parametrize("db_engine", ["postgresql"], indirect=True)
def test_another_desks_slot_change_shows_in_the_agenda(qtbot, app_context, english, db) -> None:  # type: ignore[no-untyped-def]
    """The live view told "slot" and the agenda listened for "agenda": another desk's edit
    of a slot never showed in the sessions tab (both are DataKind.AGENDA now)."""
    from roadshow_desk.domain.agenda import build_from_shortlist, list_slots, set_planned_minutes
    from roadshow_desk.store.db import open_database
    from roadshow_desk.ui.event.page import EventPage

    fair = make_fair_day(db)
    with db.session() as session:
        built = build_from_shortlist(session, fair.event_id, "上午场", planned_minutes=6)
        session_id = built.id
        first_slot = list_slots(session, session_id)[0].id
    app_context.current_event_id = fair.event_id
    page = EventPage(app_context)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    page.activate()
    agenda = page.agenda
    page.tabs.setCurrentWidget(agenda)
    agenda.reload()
    assert agenda.label_total.text() == "4 slots, 24 minutes planned"
    assert app_context.live_view.active
    qtbot.wait(1200)  # the first marks are read
    other_desk = open_database(db.url)
    try:
        with other_desk.session() as session:
            set_planned_minutes(session, first_slot, 10)
        qtbot.waitUntil(
            lambda: agenda.label_total.text() == "4 slots, 28 minutes planned", timeout=3000
        )
    finally:
        other_desk.dispose()
