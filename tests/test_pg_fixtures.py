"""The PostgreSQL test fixtures themselves: a missing server skips with the reason, and on
CI a skipped postgresql test fails the run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parent

_SAMPLE = """
def test_on_the_server(pg_server):
    assert pg_server.port
"""


def _run_sample(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    (tmp_path / "test_sample.py").write_text(_SAMPLE)
    environment = {k: v for k, v in os.environ.items() if k != "CI"}
    environment.update(env, PYTHONPATH=str(TESTS), ROADSHOW_PG_BINDIR=str(tmp_path / "none"))
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "pg_fixtures", "-q", "-rs", "-p", "no:cacheprovider",
         "--rootdir", str(tmp_path), str(tmp_path / "test_sample.py")],
        capture_output=True, text=True, env=environment, cwd=tmp_path, timeout=120,
    )  # fmt: skip


def test_without_server_binaries_a_postgresql_test_skips_with_the_reason(tmp_path: Path) -> None:
    result = _run_sample(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 skipped" in result.stdout
    assert "apt-get install postgresql" in result.stdout


def test_on_ci_a_skipped_postgresql_test_fails_the_run(tmp_path: Path) -> None:
    result = _run_sample(tmp_path, CI="true")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "1 error" in result.stdout or "1 failed" in result.stdout
    assert "skipped on CI" in result.stdout
