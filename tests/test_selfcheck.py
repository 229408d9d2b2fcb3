"""``roadshow-desk --version`` and ``selfcheck``: what a desk is checked with before the doors
open, in the user's language, exit status 1 when a required check fails."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from roadshow_desk.documents.selfcheck import FAILED, OK, WARNING, run_selfcheck
from roadshow_desk.store.db import open_database
from roadshow_desk.store.migrations import HEAD_REVISION

REPO = Path(__file__).resolve().parents[1]
PYPROJECT_VERSION = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["version"]


def cli(*args: str, tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = dict(os.environ, ROADSHOW_DESK_DATA_DIR=str(tmp_path / "data"), **env)
    return subprocess.run(
        [sys.executable, "-m", "roadshow_desk", *args],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
    )


def test_version_is_the_one_in_pyproject(tmp_path: Path) -> None:
    result = cli("--version", tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"roadshow-desk {PYPROJECT_VERSION}"


def test_selfcheck_json_reports_every_check(tmp_path: Path) -> None:
    target = tmp_path / "fair.sqlite3"
    open_database(str(target)).dispose()
    result = cli("--lang", "zh_CN", "selfcheck", "--json", "--db", str(target), tmp_path=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(result.stdout)
    checks = {c["name"]: c for c in report["checks"]}
    assert list(checks) == [
        "version",
        "database",
        "schema",
        "font",
        "translations",
        "printers",
        "postgresql",
        "errors",
    ]
    assert report["ok"] is True and report["version"] == PYPROJECT_VERSION
    assert checks["database"]["details"] == {"engine": "sqlite", "location": str(target)}
    assert checks["schema"]["details"]["revision"] == HEAD_REVISION
    assert checks["font"]["status"] == OK and Path(checks["font"]["details"]["file"]).is_file()
    translations = checks["translations"]["details"]
    assert translations["language"] == "zh_CN" and "core_zh_CN.qm" in translations["catalogues"]
    assert translations["qt"] == "qtbase_zh_CN.qm"
    assert checks["printers"]["status"] in (OK, WARNING)
    # In the user's language: the labels are Chinese.
    assert checks["font"]["label"] == "中文字体"


def test_selfcheck_text_says_ready_without_writing(tmp_path: Path) -> None:
    target = tmp_path / "new.sqlite3"
    result = cli("--lang", "en", "selfcheck", "--db", str(target), tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "✓ Version: " + PYPROJECT_VERSION in result.stdout
    assert "not created yet" in result.stdout
    assert result.stdout.rstrip().endswith("Ready: every required check passed.")
    assert not target.exists(), "the self-check never creates a database"


def test_selfcheck_fails_without_a_font_and_says_what_to_install(tmp_path: Path) -> None:
    missing_font = tmp_path / "gone.ttf"
    result = cli(
        "--lang",
        "en",
        "selfcheck",
        "--db",
        str(tmp_path / "x.sqlite3"),
        tmp_path=tmp_path,
        ROADSHOW_DESK_FONT=str(missing_font),
    )
    assert result.returncode == 1
    assert "✗ Chinese font: " in result.stdout
    assert result.stdout.rstrip().endswith("Not ready: fix the checks marked ✗.")


def test_selfcheck_fails_on_a_database_of_a_newer_version(tmp_path: Path) -> None:
    target = tmp_path / "future.sqlite3"
    open_database(str(target)).dispose()
    with sqlite3.connect(target) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    report = run_selfcheck(str(target))
    database = next(c for c in report.checks if c.name == "database")
    assert database.status == FAILED and "newer version" in database.text
    assert not report.ok


def test_an_old_database_is_reported_as_upgraded_when_opened(tmp_path: Path) -> None:
    target = tmp_path / "old.sqlite3"
    open_database(str(target)).dispose()
    with sqlite3.connect(target) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0001'")
    report = run_selfcheck(str(target))
    schema = next(c for c in report.checks if c.name == "schema")
    assert schema.status == OK and schema.details == {"revision": "0001", "head": HEAD_REVISION}
    assert "upgraded to " + HEAD_REVISION in schema.text


def test_a_postgresql_database_needs_a_driver(tmp_path: Path) -> None:
    report = run_selfcheck("postgresql://desk@127.0.0.1:1/fair")
    postgresql = next(c for c in report.checks if c.name == "postgresql")
    database = next(c for c in report.checks if c.name == "database")
    assert database.status == FAILED  # no driver, or no server on port 1
    if postgresql.details["driver"] is None:
        assert postgresql.status == FAILED


def test_selfcheck_counts_the_errors_recorded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from roadshow_desk.store import error_log

    monkeypatch.setenv("ROADSHOW_DESK_DATA_DIR", str(tmp_path / "data"))
    target = tmp_path / "fair.sqlite3"
    open_database(str(target)).dispose()
    checks = {c.name: c for c in run_selfcheck(str(target)).checks}
    assert (checks["errors"].status, checks["errors"].text) == (OK, "None.")
    for message in ("first", "second"):
        try:
            raise ValueError(message)
        except ValueError as error:
            error_log.write_log(ValueError, error, error.__traceback__)
    report = run_selfcheck(str(target))
    errors = {c.name: c for c in report.checks}["errors"]
    assert errors.status == WARNING and report.ok  # worth knowing, not a failure
    assert errors.details["count"] == 2
    assert "ValueError: second" in errors.text and str(error_log.log_path()) in errors.text
