"""A throwaway PostgreSQL cluster for the tests (and benchmarks): initdb + pg_ctl.

The cluster lives in a fresh temporary directory, listens on a free localhost port only,
uses password authentication (scram-sha-256, never trust) and is stopped and removed at the
end. PostgreSQL refuses to run as root, and CI runs as root: as root the server runs as an
unprivileged user (``$ROADSHOW_PG_USER``, else ``nobody``) through ``runuser``.

Databases for tests are created from a template (``CREATE DATABASE ... TEMPLATE``): a
migrated, empty one for ``db``, and one holding the demo fair for ``demo_db``, so a fresh
database costs a file copy, not a migration.
"""

from __future__ import annotations

import atexit
import contextlib
import itertools
import os
import secrets
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

SUPERUSER = "roadshow_test"
ENV_USER = "ROADSHOW_PG_USER"


def find_bindir() -> Path | None:
    """The folder holding ``initdb`` and ``pg_ctl``, or ``None`` where PostgreSQL is absent."""
    override = os.environ.get("ROADSHOW_PG_BINDIR")  # only this folder (tests of the skip)
    if override:
        folder = Path(override)
        return folder if (folder / "initdb").is_file() else None
    candidates: list[Path] = []
    pg_config = shutil.which("pg_config")
    if pg_config:
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            out = subprocess.run(
                [pg_config, "--bindir"], capture_output=True, text=True, check=True
            )
            candidates.append(Path(out.stdout.strip()))
    versions = sorted(
        Path("/usr/lib/postgresql").glob("*/bin"),
        key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
        reverse=True,
    )
    candidates.extend(versions)
    initdb = shutil.which("initdb")
    if initdb:
        candidates.append(Path(initdb).resolve().parent)
    for folder in candidates:
        if (folder / "initdb").is_file() and (folder / "pg_ctl").is_file():
            return folder
    return None


def missing_reason() -> str | None:
    """Why no test server can be started here (``None``: it can)."""
    if find_bindir() is None:
        return (
            "PostgreSQL server binaries (initdb, pg_ctl) are not installed: "
            "apt-get install postgresql (tools/bootstrap.sh does it as root)"
        )
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "psycopg is not installed: pip install 'psycopg[binary]'"
    return None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _server_user() -> str | None:
    """The unprivileged user to run the server as (``None``: run as ourselves)."""
    if os.geteuid() != 0:
        return None
    return os.environ.get(ENV_USER, "nobody")


@dataclass
class PgServer:
    """A running cluster; :meth:`url` names a database on it."""

    bindir: Path
    folder: Path
    port: int
    password: str
    user: str | None
    _names: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    _templates: set[str] = field(default_factory=set)

    # ----------------------------------------------------------------- life cycle

    @classmethod
    def start(cls) -> PgServer:
        reason = missing_reason()
        if reason is not None:
            raise RuntimeError(reason)
        bindir = find_bindir()
        assert bindir is not None
        user = _server_user()
        folder = Path(tempfile.mkdtemp(prefix="roadshow-pg-"))
        password = secrets.token_urlsafe(18)
        pwfile = folder / "pw"
        pwfile.write_text(password + "\n")
        if user is not None:
            import pwd

            entry = pwd.getpwnam(user)
            for path in (folder, pwfile):
                os.chown(path, entry.pw_uid, entry.pw_gid)
        os.chmod(pwfile, 0o600)
        server = cls(bindir, folder, 0, password, user)
        data = folder / "data"
        server._run(
            "initdb",
            "-D",
            str(data),
            "-U",
            SUPERUSER,
            "--auth=scram-sha-256",
            f"--pwfile={pwfile}",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        )
        pwfile.unlink()
        # Test cluster only: no durability, it is thrown away (speed on a loaded machine).
        settings = (
            "listen_addresses = '127.0.0.1'\n"
            f"unix_socket_directories = '{folder}'\n"
            "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n"
            "max_connections = 200\nshared_buffers = 64MB\n"
        )
        for attempt in range(5):
            server.port = free_port()
            conf = data / "postgresql.auto.conf"
            server._append_conf(conf, settings + f"port = {server.port}\n")
            try:
                server._run(
                    "pg_ctl", "-D", str(data), "-l", str(folder / "log"), "-w", "-t", "60", "start"
                )
                break
            except subprocess.CalledProcessError:
                if attempt == 4:
                    raise
        atexit.register(server.stop)
        return server

    def _append_conf(self, path: Path, text: str) -> None:
        with path.open("a") as handle:
            handle.write(text)

    def _run(self, program: str, *args: str) -> None:
        command = [str(self.bindir / program), *args]
        if self.user is not None:
            command = ["runuser", "-u", self.user, "--", *command]
        subprocess.run(command, check=True, capture_output=True, cwd=str(self.folder), timeout=120)

    def stop(self) -> None:
        if not self.folder.exists():
            return
        data = self.folder / "data"
        with contextlib.suppress(Exception):
            self._run("pg_ctl", "-D", str(data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)

    def pause(self) -> None:
        """Stop the server (keeping its data), to test a dropped connection."""
        self._run("pg_ctl", "-D", str(self.folder / "data"), "-m", "fast", "-w", "stop")

    def resume(self) -> None:
        self._run(
            "pg_ctl", "-D", str(self.folder / "data"), "-l", str(self.folder / "log"), "-w",
            "start",
        )  # fmt: skip

    # ----------------------------------------------------------------- databases

    def url(self, database: str = "postgres", *, driver: str = "postgresql+psycopg") -> str:
        return f"{driver}://{SUPERUSER}:{self.password}@127.0.0.1:{self.port}/{database}"

    def admin(self, sql: str, *params: object) -> list[tuple[object, ...]]:
        """Run one statement on the maintenance database (autocommit)."""
        import psycopg

        with psycopg.connect(self.url(driver="postgresql"), autocommit=True) as connection:
            cursor = connection.execute(sql, params or None)  # type: ignore[arg-type]
            return list(cursor.fetchall()) if cursor.description else []

    def new_database_name(self, prefix: str = "t") -> str:
        return f"{prefix}_{os.getpid()}_{next(self._names)}"

    def create_database(self, template: str | None = None) -> str:
        """A new database (a copy of ``template`` when given); returns its URL."""
        name = self.new_database_name()
        suffix = f" TEMPLATE {template} STRATEGY FILE_COPY" if template else ""
        self.admin(f"CREATE DATABASE {name}{suffix}")
        return self.url(name)

    def drop_database(self, url: str) -> None:
        name = url.rsplit("/", 1)[1]
        with contextlib.suppress(Exception):
            self.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def template(self, name: str, fill: object = None) -> str:
        """A template database made once: opened (migrated) and, if given, ``fill(db)``."""
        if name not in self._templates:
            from roadshow_desk.store.db import open_database

            self.admin(f"CREATE DATABASE {name}")
            database = open_database(self.url(name))
            try:
                if callable(fill):
                    fill(database)
            finally:
                database.dispose()
            self.admin(f"ALTER DATABASE {name} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false")
            self._templates.add(name)
        return name


_server: PgServer | None = None


def shared_server() -> PgServer:
    """The one server of this process, started on first use (tests, benchmarks)."""
    global _server
    if _server is None:
        started = time.perf_counter()
        _server = PgServer.start()
        _server.startup_seconds = time.perf_counter() - started  # type: ignore[attr-defined]
    return _server


def stop_shared_server() -> None:
    global _server
    if _server is not None:
        _server.stop()
        _server = None
