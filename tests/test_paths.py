"""roadshow_desk.paths: the one look-up of resources/ and forms/ in a checkout, an installed
wheel and a frozen build."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from roadshow_desk import paths

REPO = Path(__file__).resolve().parents[1]


def test_a_checkout_finds_the_top_level_folders() -> None:
    """From the repository (the editable install the tests run in): resources/ beside src/."""
    assert paths.data_root() == REPO
    assert paths.resource_path("i18n", "ui_zh_CN.qm") == REPO / "resources/i18n/ui_zh_CN.qm"
    assert paths.resource_path("i18n", "ui_zh_CN.qm").is_file()
    assert paths.resource_path("demo", "names.json").is_file()
    assert paths.resource_path("icons").is_dir()
    assert paths.forms_path("about_dialog.ui") == REPO / "forms" / "about_dialog.ui"
    assert paths.forms_path("library", "patent_dialog.ui").is_file()
    assert not (REPO / "src" / "roadshow_desk" / "resources").exists()
    assert not (REPO / "src" / "roadshow_desk" / "forms").exists()


def test_a_frozen_build_looks_inside_the_bundle(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """PyInstaller sets sys.frozen and sys._MEIPASS (the _internal folder of the one-folder
    build); the spec puts the files under roadshow_desk/ there."""
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.data_root() == tmp_path / "roadshow_desk"
    assert paths.resource_path("i18n") == tmp_path / "roadshow_desk" / "resources" / "i18n"
    assert paths.forms_path("event", "event_form.ui") == (
        tmp_path / "roadshow_desk" / "forms" / "event" / "event_form.ui"
    )


def test_an_installed_wheel_looks_inside_the_package(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The wheel carries resources/ and forms/ inside the package folder (force-include)."""
    package = tmp_path / "site-packages" / "roadshow_desk"
    (package / "resources" / "i18n").mkdir(parents=True)
    (package / "forms").mkdir()
    monkeypatch.setattr(paths, "PACKAGE_DIR", package)
    monkeypatch.delattr(sys, "frozen", raising=False)
    assert paths.data_root() == package
    assert paths.resource_path("i18n") == package / "resources" / "i18n"
    assert paths.forms_path() == package / "forms"


def test_every_look_up_goes_through_the_helper() -> None:
    """No module finds resources/ or forms/ relative to its own file any more."""
    offenders = []
    for module in (REPO / "src" / "roadshow_desk").rglob("*.py"):
        text = module.read_text(encoding="utf-8")
        if (
            module.name != "paths.py"
            and "__file__" in text
            and ('"resources"' in text or '"forms"' in text)
        ):
            offenders.append(str(module.relative_to(REPO)))
    assert offenders == []
