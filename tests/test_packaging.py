"""The architecture and the package as shipped."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def test_qt_stays_in_ui_and_layers_point_inward() -> None:
    """The import-linter contracts in pyproject.toml hold."""
    result = subprocess.run(
        [str(BIN / "lint-imports")], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "broken" in result.stdout and "0 broken" in result.stdout


def test_domain_store_exchange_documents_import_without_qt() -> None:
    """A fresh interpreter imports every non-UI module without loading PySide6."""
    code = (
        "import importlib, pkgutil, sys\n"
        "import roadshow_desk\n"
        "for sub in ('domain', 'store', 'exchange', 'documents'):\n"
        "    pkg = importlib.import_module('roadshow_desk.' + sub)\n"
        "    for info in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
        "        if '.migrations.' in info.name:\n"
        "            continue\n"
        "        importlib.import_module(info.name)\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


@pytest.mark.slow
def test_wheel_ships_resources_and_forms(tmp_path: Path) -> None:
    """A wheel built from the repo carries translations, forms and migrations."""
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(REPO)],
        check=True,
        capture_output=True,
    )
    wheel = next(tmp_path.glob("roadshow_desk-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert any(n.startswith("roadshow_desk/resources/i18n/") and n.endswith(".qm") for n in names)
    assert any(n.startswith("roadshow_desk/store/migrations/versions/") for n in names)
    assert "roadshow_desk/store/migrations/script.py.mako" in names
    forms = [n for n in names if n.startswith("roadshow_desk/forms/") and n.endswith(".ui")]
    assert forms, "Designer forms are shipped"
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert (
        "roadshow-desk = roadshow_desk.cli:main"
        in zipfile.ZipFile(wheel).read(entry_points).decode()
    )
