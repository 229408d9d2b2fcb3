"""``roadshow-desk server init DIR``: a ready server, database and user for a venue's desks,
password authentication (scram-sha-256, never trust), a user without superuser rights, and
the password never printed."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from sqlalchemy import text

from pg_server import free_port, missing_reason
from roadshow_desk.store.db import open_database
from roadshow_desk.store.pg_cluster import scram_verifier

pytestmark = pytest.mark.postgresql


@pytest.fixture
def folder() -> object:
    reason = missing_reason()
    if reason is not None:
        pytest.skip(reason)
    parent = Path(tempfile.mkdtemp(prefix="roadshow-init-"))
    os.chmod(parent, 0o755)  # the server's own user must reach its folder
    yield parent / "server"
    cli(["server", "stop", str(parent / "server"), *os_user()])
    shutil.rmtree(parent, ignore_errors=True)


def os_user() -> list[str]:
    return ["--os-user", "nobody"] if os.geteuid() == 0 else []


def cli(args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "roadshow_desk", "--lang", "en", *args],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip


def test_server_init_makes_a_ready_password_protected_database(folder: Path) -> None:
    port = free_port()
    result = cli(["server", "init", str(folder), "--port", str(port), "--host", "127.0.0.1",
                  "--database", "fair2026", "--user", "fair_desk", *os_user()])  # fmt: skip
    assert result.returncode == 0, result.stderr
    url_file = folder / "desk-url.txt"
    url = url_file.read_text().strip()
    password = url.split(":")[2].split("@")[0]
    assert len(password) >= 20
    assert stat.S_IMODE(url_file.stat().st_mode) == 0o600
    assert f"postgresql://fair_desk:***@127.0.0.1:{port}/fair2026" in result.stdout
    assert str(url_file) in result.stdout
    assert password not in result.stdout + result.stderr
    assert password not in (folder / "server.log").read_text()
    # The desks' URL opens a Roadshow Desk database, as a user without special rights.
    database = open_database(url)
    try:
        with database.engine.connect() as connection:
            rights = connection.execute(
                text(
                    "SELECT rolsuper, rolcreatedb, rolcreaterole FROM pg_roles "
                    "WHERE rolname = current_user"
                )
            ).one()
            assert tuple(rights) == (False, False, False)
            assert connection.execute(text("SHOW password_encryption")).scalar() == (
                "scram-sha-256"
            )
    finally:
        database.dispose()
    hba = (folder / "data" / "pg_hba.conf").read_text()
    methods = {line.split()[-1] for line in hba.splitlines() if line and line[0] != "#"}
    assert "trust" not in methods and methods <= {"peer", "scram-sha-256"}
    # A wrong password is refused.
    # (A password that starts with "x" made "x" + the rest the right one: 1 run in 60.)
    wrong = url.replace(password, ("y" if password[0] == "x" else "x") + password[1:])
    with pytest.raises(Exception, match="password authentication failed"):
        open_database(wrong)


def test_server_init_refuses_a_folder_that_is_not_empty(folder: Path) -> None:
    folder.mkdir()
    (folder / "notes.txt").write_text("keep me")
    result = cli(["server", "init", str(folder), *os_user()])
    assert result.returncode == 1
    assert "not empty" in result.stderr
    assert (folder / "notes.txt").read_text() == "keep me"


def test_the_scram_verifier_has_postgresqls_form() -> None:
    verifier = scram_verifier("secret")
    head, keys = verifier.split("$", 1)[1].split("$")
    assert verifier.startswith("SCRAM-SHA-256$4096:") and len(keys.split(":")) == 2
    assert "secret" not in verifier and head.startswith("4096:")
