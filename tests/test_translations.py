"""Simplified Chinese is complete and current: every source string has a translation, the
catalogues hold exactly the strings the code has, and the compiled .qm match the .ts."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[1]


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("i18n_tool", REPO / "tools" / "i18n.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


tool = _tool()
CATALOGUES = sorted(tool.I18N.glob("*_zh_CN.ts"))

pytestmark = pytest.mark.skipif(
    shutil.which("pyside6-lupdate", path=str(tool.BIN)) is None, reason="pyside6-lupdate missing"
)


def sources(ts: Path) -> set[tuple[str, str]]:
    if not ts.exists():
        return set()
    return {(context, source) for context, source, _message in tool.messages(ts)}


def test_there_are_catalogues() -> None:
    names = {ts.name for ts in CATALOGUES}
    assert {"core_zh_CN.ts", "ui_zh_CN.ts", "ui_library_zh_CN.ts"} <= names


@pytest.mark.parametrize("ts", CATALOGUES, ids=lambda path: path.stem)
def test_every_source_string_has_a_chinese_translation(ts: Path) -> None:
    missing = tool.untranslated(ts)
    shown = "\n".join(f"  {context}: {source}" for context, source in missing[:30])
    assert not missing, (
        f"{len(missing)} untranslated in {ts.name} (python tools/i18n.py missing):\n{shown}"
    )


@pytest.mark.parametrize("area", sorted(tool.areas()), ids=str)
def test_catalogue_holds_exactly_the_strings_of_the_code(area: str, tmp_path: Path) -> None:
    files = tool.areas()[area]
    fresh = tool.extract(area, files, "zh_CN", target=tmp_path / f"{area}_zh_CN.ts")
    committed = tool.ts_path(area, "zh_CN")
    expected = sources(fresh)
    actual = sources(committed)
    assert actual == expected, (
        f"{committed.name} is stale: run python tools/i18n.py; "
        f"new in the code: {sorted(expected - actual)[:10]}; gone: {sorted(actual - expected)[:10]}"
    )


@pytest.mark.parametrize("ts", CATALOGUES, ids=lambda path: path.stem)
def test_compiled_catalogue_is_current(ts: Path) -> None:
    """The shipped .qm gives every translation the .ts has (else the app shows English)."""
    from PySide6.QtCore import QTranslator

    qm = ts.with_suffix(".qm")
    assert qm.exists(), f"{qm.name} missing: run python tools/i18n.py"
    translator = QTranslator()
    assert translator.load(str(qm))
    stale = []
    for context, source, message in tool.messages(ts):
        element = message.find("translation")
        if element is None or element.get("type") in ("unfinished", "vanished", "obsolete"):
            continue
        forms = element.findall("numerusform")
        expected = forms[0].text if forms else element.text
        n = 1 if forms else -1
        if expected and translator.translate(context, source, None, n) != expected:
            stale.append((context, source))
    assert not stale, f"{qm.name} is stale (run python tools/i18n.py): {stale[:10]}"
