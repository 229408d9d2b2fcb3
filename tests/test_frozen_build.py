"""The frozen one-folder build (issue #19): built once per session from this checkout with
PyInstaller (packaging/roadshow-desk.spec), then run from inside the bundle, offscreen, as a
desk would: --version, selfcheck, demo, import of real exports, brochure, a Chinese shot, the
upgrade of an old database, and the size budget. Marked ``frozen``; skipped without
PyInstaller (``tools/bootstrap.sh --test`` installs it)."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
import tomllib
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
REALDATA = REPO.parent / "shared" / "realdata"
VERSION = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["version"]
SIZE_BUDGET_MB = 250
FONT_SUFFIXES = (".ttf", ".ttc", ".otf", ".otc", ".pfb", ".woff", ".woff2")

pytestmark = [pytest.mark.frozen, pytest.mark.slow]


@pytest.fixture(scope="session")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """dist/roadshow-desk/ built from the checkout (into a temporary folder), once a session."""
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.skip("PyInstaller is not installed (pip install -e '.[build]')")
    out = tmp_path_factory.mktemp("frozen")
    started = time.perf_counter()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(out / "dist"),
            "--workpath",
            str(out / "work"),
            str(REPO / "packaging" / "roadshow-desk.spec"),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    seconds = time.perf_counter() - started
    assert result.returncode == 0, result.stderr[-4000:]
    print(f"\nfrozen build: {seconds:.0f} s", file=sys.stderr)
    shutil.rmtree(out / "work", ignore_errors=True)
    yield out / "dist" / "roadshow-desk"
    shutil.rmtree(out, ignore_errors=True)  # 230 MB: not kept among pytest's last sessions


def executable(bundle: Path) -> Path:
    """The command-line executable (on Windows the console twin of the windowed app)."""
    if sys.platform.startswith("win"):
        return bundle / "roadshow-desk-cli.exe"
    return bundle / "roadshow-desk"


def environment(tmp_path: Path) -> dict[str, str]:
    """Offscreen, private data folder and settings file, nothing of Python's or ours leaking."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTHON", "VIRTUAL_ENV", "ROADSHOW_DESK_"))
    }
    env.update(
        QT_QPA_PLATFORM="offscreen",
        ROADSHOW_DESK_DATA_DIR=str(tmp_path / "data"),
        ROADSHOW_DESK_SETTINGS=str(tmp_path / "settings.ini"),
    )
    return env


def run(
    bundle: Path, *args: str, tmp_path: Path, timeout: int = 300, **extra_env: str
) -> subprocess.CompletedProcess[str]:
    """Run the frozen app outside the checkout, with no Python environment leaking in."""
    env = environment(tmp_path)
    env.update(extra_env)
    return subprocess.run(
        [str(executable(bundle)), *args],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=timeout,
        check=False,
    )


def test_version_comes_from_pyproject(bundle: Path, tmp_path: Path) -> None:
    result = run(bundle, "--version", tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"roadshow-desk {VERSION}"


def test_selfcheck_from_the_bundle(bundle: Path, tmp_path: Path) -> None:
    result = run(bundle, "--lang", "zh_CN", "selfcheck", "--json", tmp_path=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(result.stdout)
    checks = {check["name"]: check for check in report["checks"]}
    assert report["ok"] and report["version"] == VERSION
    # The database goes to the per-user data folder, never beside the executable.
    location = Path(checks["database"]["details"]["location"])
    assert location.parent == tmp_path / "data"
    assert checks["font"]["status"] == "ok"
    assert not str(checks["font"]["details"]["file"]).startswith(str(bundle))  # the system's
    shipped = sorted(p.name for p in (REPO / "resources" / "i18n").glob("*.qm"))
    assert checks["translations"]["details"]["catalogues"] == shipped
    assert checks["translations"]["details"]["qt"] == "qtbase_zh_CN.qm"
    assert checks["font"]["label"] == "中文字体"
    text = run(bundle, "--lang", "en", "selfcheck", tmp_path=tmp_path)
    assert text.returncode == 0 and "Ready: every required check passed." in text.stdout


def test_demo_brochure_and_chinese_shot(bundle: Path, tmp_path: Path) -> None:
    from pdfcheck import assert_only_embedded_cjk, qr_codes, rasterise
    from PIL import Image, ImageChops

    fair = tmp_path / "fair.sqlite3"
    demo = run(bundle, "demo", "--db", str(fair), tmp_path=tmp_path)
    assert demo.returncode == 0, demo.stderr
    assert demo.stdout.startswith(f"Demo fair written to {fair}: 60 patents")

    pdf = tmp_path / "brochure.pdf"
    brochure = run(bundle, "brochure", str(pdf), "--db", str(fair), tmp_path=tmp_path)
    assert brochure.returncode == 0, brochure.stderr
    assert_only_embedded_cjk(pdf)  # the system's font, embedded
    (cover,) = rasterise(pdf, tmp_path / "pages", dpi=150, pages=[1])
    assert [code for code in qr_codes(cover) if code.strip()], "the cover's QR code decodes"

    frozen_png = tmp_path / "frozen.png"
    shot = run(
        bundle,
        "shot",
        str(frozen_png),
        "--view",
        "library",
        "--lang",
        "zh_CN",
        "--db",
        str(fair),
        tmp_path=tmp_path,
    )
    assert shot.returncode == 0, shot.stderr
    assert shot.stderr.strip() == "", "no font warning"
    # The same view from the virtual environment: the bundle draws exactly what it draws
    # (the same Qt and the system's CJK font), so no Chinese character became a box.
    venv_png = tmp_path / "venv.png"
    shot_args = ["--view", "library", "--lang", "zh_CN", "--db", str(fair)]
    reference = subprocess.run(
        [sys.executable, "-m", "roadshow_desk", "shot", str(venv_png), *shot_args],
        capture_output=True,
        text=True,
        env=environment(tmp_path),
        timeout=300,
        check=False,
    )
    assert reference.returncode == 0, reference.stderr
    with Image.open(frozen_png) as frozen, Image.open(venv_png) as venv:
        assert frozen.size == venv.size
        diff = ImageChops.difference(frozen.convert("RGB"), venv.convert("RGB")).convert("L")
        changed = sum(diff.histogram()[41:])
    assert changed / (frozen.size[0] * frozen.size[1]) < 0.005


def test_import_of_real_exports(bundle: Path, tmp_path: Path) -> None:
    if not REALDATA.is_dir():
        pytest.skip("../shared/realdata is not present")
    database = tmp_path / "real.sqlite3"
    for name, inserted in (
        ("cn_patentics_exports/patentics_china21_banma_full.xlsx", 20),  # calamine
        ("cn_gbk_title_abstract/A01B_first200_gbk.csv", 200),  # GBK
    ):
        result = run(
            bundle, "import", str(REALDATA / name), "--json", "--db", str(database),
            tmp_path=tmp_path,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout)["inserted"] == inserted


def test_an_old_database_upgrades_from_inside_the_build(bundle: Path, tmp_path: Path) -> None:
    """Alembic's script_location works frozen: a 0001 database is migrated to head."""
    from sqlalchemy import create_engine, text

    from roadshow_desk.store import db as store
    from roadshow_desk.store.migrations import HEAD_REVISION, KNOWN_REVISIONS

    path = tmp_path / "old.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    store.migrate(engine, str(engine.url), target=KNOWN_REVISIONS[0])
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO institution (name, short_name, kind, region, contact_person, "
                "contact_phone, contact_email, uuid, updated_at, station) VALUES "
                "('哈尔滨工业大学', '', 'university', '', '', '', '', 'u1', '2026-01-01', 'A')"
            )
        )
    engine.dispose()
    check = run(bundle, "selfcheck", "--json", "--db", str(path), tmp_path=tmp_path)
    schema = next(c for c in json.loads(check.stdout)["checks"] if c["name"] == "schema")
    assert schema["details"] == {"revision": KNOWN_REVISIONS[0], "head": HEAD_REVISION}
    out = tmp_path / "patents.csv"
    result = run(bundle, "export", "patents", str(out), "--db", str(path), tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == (
            HEAD_REVISION,
        )
        assert connection.execute("SELECT name FROM institution").fetchall() == [
            ("哈尔滨工业大学",)
        ]
    assert out.is_file()


def test_results_charts_report_and_case_from_the_bundle(bundle: Path, tmp_path: Path) -> None:
    """What the trimmed bundle still needs: matplotlib's charts on the Results page, the
    event report (PDF and workbook) and the typical case (python-docx on lxml)."""
    from pdfcheck import assert_only_embedded_cjk

    fair = tmp_path / "fair.sqlite3"
    assert run(bundle, "demo", "--db", str(fair), tmp_path=tmp_path).returncode == 0
    png = tmp_path / "results.png"
    shot = run(
        bundle, "shot", str(png), "--view", "results", "--lang", "zh_CN", "--db", str(fair),
        tmp_path=tmp_path,
    )  # fmt: skip
    assert shot.returncode == 0 and shot.stderr.strip() == "", shot.stderr
    assert png.stat().st_size > 10_000
    for name in ("report.pdf", "report.xlsx"):
        report = run(bundle, "report", str(tmp_path / name), "--db", str(fair), tmp_path=tmp_path)
        assert report.returncode == 0, report.stderr
        assert zipfile.is_zipfile(tmp_path / name) == name.endswith(".xlsx")
    assert_only_embedded_cjk(tmp_path / "report.pdf")
    with sqlite3.connect(fair) as connection:
        (signed,) = connection.execute(
            "SELECT id FROM intention WHERE stage IN "
            "('contract_signed', 'transfer_registered', 'licence_filed') ORDER BY id LIMIT 1"
        ).fetchone()
    docx = tmp_path / "case.docx"
    case = run(
        bundle, "case", str(docx), "--intention", str(signed), "--db", str(fair),
        tmp_path=tmp_path,
    )  # fmt: skip
    assert case.returncode == 0, case.stderr
    assert "word/document.xml" in zipfile.ZipFile(docx).namelist()


def test_size_budget_and_contents(bundle: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = [p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()]
    total = sum(p.stat().st_size for p in files)
    parts: dict[Path, int] = {}
    internal = bundle / "_internal"
    for path in files:
        relative = path.relative_to(bundle)
        part = bundle / relative.parts[0]
        if part == internal and len(relative.parts) > 2:
            part = internal / relative.parts[1]
        parts[part] = parts.get(part, 0) + path.stat().st_size
    largest = sorted(parts.items(), key=lambda item: -item[1])[:10]
    with capsys.disabled():
        print(f"\nfrozen bundle: {total / 2**20:.1f} MB; the ten largest parts:")
        for part, size in largest:
            label = str(part.relative_to(bundle))
            if part == internal:
                label += " (its own files: libpython, system libraries)"
            print(f"  {size / 2**20:7.1f} MB  {label}")
    assert total < SIZE_BUDGET_MB * 2**20
    names = [str(p.relative_to(bundle)).replace("\\", "/") for p in files]
    assert not [n for n in names if n.lower().endswith(FONT_SUFFIXES)], "no font ships"
    unused = ("QtQml", "QtQuick", "QtWebEngine", "Qt6Qml", "Qt6Quick", "Qt6WebEngine")
    assert not [n for n in names if any(u in n for u in unused)]
    assert not [n for n in names if "/pytest" in n or "/_pytest/" in n or "/hypothesis/" in n]
    for wanted in (
        "roadshow_desk/resources/i18n/ui_zh_CN.qm",
        "roadshow_desk/forms/about_dialog.ui",
        "roadshow_desk/resources/icons/print.svg",
        "roadshow_desk/resources/demo/names.json",
        "roadshow_desk/store/migrations/env.py",
        "roadshow_desk/store/migrations/versions/0001_schema.py",
        "qtbase_zh_CN.qm",
        "pypdfium2_raw/",
    ):
        assert any(wanted in name for name in names), wanted
    platforms = {n.rsplit("/", 1)[-1] for n in names if "/plugins/platforms/" in n}
    assert any("offscreen" in p for p in platforms) and any(
        "xcb" in p or "windows" in p for p in platforms
    )


def test_the_window_opens_from_the_bundle(bundle: Path, tmp_path: Path) -> None:
    """The GUI entry (no subcommand) shows the main window and gets ready, in Chinese."""
    fair = tmp_path / "fair.sqlite3"
    assert run(bundle, "demo", "--db", str(fair), tmp_path=tmp_path).returncode == 0
    result = run(
        bundle,
        "--lang",
        "zh_CN",
        "--db",
        str(fair),
        tmp_path=tmp_path,
        timeout=120,
        ROADSHOW_DESK_QUIT_WHEN_READY="1",
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.splitlines()[-1])["ready"] > 0
    assert "Traceback" not in result.stderr
