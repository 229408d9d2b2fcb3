"""The architecture and the package as shipped."""

from __future__ import annotations

import os
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
    """A wheel built from the repo carries the top-level resources/ and forms/ inside the
    package (hatch force-include), the migrations, and finds them once installed."""
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(REPO)],
        check=True,
        capture_output=True,
    )
    wheel = next(tmp_path.glob("roadshow_desk-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    for folder in ("resources", "forms"):
        shipped = {n for n in names if n.startswith(f"roadshow_desk/{folder}/")}
        in_repo = {
            f"roadshow_desk/{p.relative_to(REPO).as_posix()}"
            for p in (REPO / folder).rglob("*")
            if p.is_file() and "__pycache__" not in p.parts
        }
        assert in_repo and shipped == in_repo, folder
    assert any(n.startswith("roadshow_desk/resources/i18n/") and n.endswith(".qm") for n in names)
    assert "roadshow_desk/resources/i18n/ui_zh_CN.qm" in names
    assert "roadshow_desk/forms/library/patent_dialog.ui" in names
    assert not [n for n in names if n.startswith(("resources/", "forms/", "src/"))]
    assert any(n.startswith("roadshow_desk/store/migrations/versions/") for n in names)
    assert "roadshow_desk/store/migrations/script.py.mako" in names
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert (
        "roadshow-desk = roadshow_desk.cli:main"
        in zipfile.ZipFile(wheel).read(entry_points).decode()
    )
    # Installed (unpacked ahead of the checkout on the path): the helper finds the package's
    # own copies, and the demo tables read through it.
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    code = (
        "import roadshow_desk, roadshow_desk.paths as p\n"
        "from roadshow_desk.store.demo_data import load_demo_data\n"
        "load_demo_data()\n"
        "print(roadshow_desk.__file__)\n"
        "print(p.resource_path('i18n', 'ui_zh_CN.qm'))\n"
        "print(p.forms_path('about_dialog.ui'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(site)},
    )
    package = site / "roadshow_desk"
    module, qm, form = result.stdout.splitlines()
    assert Path(module) == package / "__init__.py"
    assert Path(qm) == package / "resources" / "i18n" / "ui_zh_CN.qm" and Path(qm).is_file()
    assert Path(form) == package / "forms" / "about_dialog.ui" and Path(form).is_file()
