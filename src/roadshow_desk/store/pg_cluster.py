"""Setting up a PostgreSQL server for a venue: an organiser's job, not a DBA's.

:func:`init_server` makes a cluster in a folder with Debian's ``postgresql`` binaries,
starts it, and creates one database and one database user for the event:

- no trust authentication anywhere: the server's own account logs in over the local socket
  by ``peer`` (the operating-system user), every network login needs a password checked by
  ``scram-sha-256``, and only from the server's own subnets (``samenet``: the venue's LAN);
- the event's user owns its database and nothing else (no superuser, no CREATEDB, no
  CREATEROLE); its password is random, and only its SCRAM verifier is sent to the server
  (computed here), so the password never appears in a server log;
- the desks' URL, with the password, is written to ``desk-url.txt`` in the folder, readable by
  its owner only; what is printed hides the password.

PostgreSQL refuses to run as root: as root the cluster belongs to ``--os-user`` (default
``postgres``, which Debian's package creates).
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import os
import re
import secrets
import shutil
import socket
import subprocess
from dataclasses import dataclass
from pathlib import Path

from roadshow_desk.errors import InputError
from roadshow_desk.i18n import translate

URL_FILE = "desk-url.txt"
DATA = "data"
_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,40}$")


def find_bindir() -> Path | None:
    """The folder with ``initdb`` and ``pg_ctl`` (Debian keeps them out of ``PATH``)."""
    candidates: list[Path] = []
    pg_config = shutil.which("pg_config")
    if pg_config:
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            out = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True)
            candidates.append(Path(out.stdout.strip()))
    candidates += sorted(
        Path("/usr/lib/postgresql").glob("*/bin"),
        key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
        reverse=True,
    )
    initdb = shutil.which("initdb")
    if initdb:
        candidates.append(Path(initdb).resolve().parent)
    for folder in candidates:
        if (folder / "initdb").is_file() and (folder / "pg_ctl").is_file():
            return folder
    return None


def scram_verifier(password: str, iterations: int = 4096) -> str:
    """The SCRAM-SHA-256 verifier PostgreSQL stores for ``password`` (RFC 7677)."""
    salt = secrets.token_bytes(16)
    salted = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, iterations)
    client_key = hmac.new(salted, b"Client Key", "sha256").digest()
    stored_key = hashlib.sha256(client_key).digest()
    server_key = hmac.new(salted, b"Server Key", "sha256").digest()

    def b64(data: bytes) -> str:
        return base64.b64encode(data).decode()

    return f"SCRAM-SHA-256${iterations}:{b64(salt)}${b64(stored_key)}:{b64(server_key)}"


def lan_address() -> str:
    """This machine's address on the LAN (the route to a private address), else loopback."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.255.255.255", 1))
            return str(probe.getsockname()[0])
        except OSError:
            return "127.0.0.1"


@dataclass(frozen=True)
class ServerSetup:
    folder: Path
    url: str  # with the password: for the desks, never printed
    shown_url: str  # the password hidden
    url_file: Path
    port: int


def _not_installed() -> InputError:
    return InputError(
        translate(
            "Server",
            "PostgreSQL is not installed on this computer (Debian: apt-get install postgresql).",
        )
    )


def init_server(
    folder: Path,
    *,
    database: str = "roadshow",
    user: str = "roadshow_desk",
    port: int = 5432,
    host: str | None = None,
    os_user: str | None = None,
) -> ServerSetup:
    """Create, configure and start a cluster in ``folder`` with the event's database and
    user (see the module notes); raises :class:`InputError` with one sentence."""
    bindir = find_bindir()
    if bindir is None:
        raise _not_installed()
    if not _NAME.match(database) or not _NAME.match(user):
        raise InputError(
            translate(
                "Server", "Database and user names may use lower-case letters, digits and _ only."
            )
        )
    folder = folder.expanduser().absolute()
    if folder.exists() and any(folder.iterdir()):
        raise InputError(
            translate("Server", "The folder is not empty; choose a new folder for the server.")
        )
    run_as = os_user if os.geteuid() == 0 else None
    if os.geteuid() == 0 and run_as is None:
        run_as = "postgres"
    uid_gid: tuple[int, int] | None = None
    if run_as is not None:
        import pwd

        try:
            entry = pwd.getpwnam(run_as)
        except KeyError:
            raise InputError(
                translate(
                    "Server",
                    "PostgreSQL does not run as root: name an existing user with --os-user.",
                )
            ) from None
        uid_gid = (entry.pw_uid, entry.pw_gid)
    folder.mkdir(parents=True, exist_ok=True)
    os.chmod(folder, 0o700)
    if uid_gid is not None:
        os.chown(folder, *uid_gid)

    def run(*command: str, stdin: str | None = None) -> str:
        full = [str(bindir / command[0]), *command[1:]]
        if run_as is not None:
            full = ["runuser", "-u", run_as, "--", *full]
        try:
            done = subprocess.run(
                full, input=stdin, capture_output=True, text=True, check=True,
                cwd=folder, timeout=300,
            )  # fmt: skip
        except subprocess.CalledProcessError as error:
            detail = (error.stderr or error.stdout or "").strip().splitlines()[-1:]
            raise InputError(
                translate("Server", "The server could not be set up: %1").replace(
                    "%1", " ".join(detail) or command[0]
                )
            ) from None
        return done.stdout

    data = folder / DATA
    run(
        "initdb", "-D", str(data), "--auth-local=peer", "--auth-host=scram-sha-256",
        "-E", "UTF8", "--locale=C.UTF-8",
    )  # fmt: skip
    with (data / "postgresql.auto.conf").open("a", encoding="utf-8") as conf:
        conf.write(
            "listen_addresses = '*'\n"
            f"port = {int(port)}\n"
            f"unix_socket_directories = '{folder}'\n"
            "password_encryption = 'scram-sha-256'\n"
        )
    with (data / "pg_hba.conf").open("a", encoding="utf-8") as hba:
        hba.write(
            "# Roadshow Desk: the event's user, with a password, from this machine's subnets\n"
            f"host {database} {user} samenet scram-sha-256\n"
        )
    run("pg_ctl", "-D", str(data), "-l", str(folder / "server.log"), "-w", "start")
    password = secrets.token_urlsafe(18)
    verifier = scram_verifier(password)
    script = (
        f"CREATE ROLE {user} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE "
        f"PASSWORD '{verifier}';\n"
        f"CREATE DATABASE {database} OWNER {user} ENCODING 'UTF8' TEMPLATE template0;\n"
        f"REVOKE ALL ON DATABASE {database} FROM PUBLIC;\n"
        f"GRANT CONNECT, TEMPORARY ON DATABASE {database} TO {user};\n"
    )
    run("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", str(folder), "-p", str(int(port)),
        "-d", "postgres", stdin=script)  # fmt: skip
    run(
        "psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", str(folder), "-p", str(int(port)),
        "-d", database, stdin=f"ALTER SCHEMA public OWNER TO {user};\n",
    )  # fmt: skip
    address = host or lan_address()
    url = f"postgresql://{user}:{password}@{address}:{int(port)}/{database}"
    shown = f"postgresql://{user}:***@{address}:{int(port)}/{database}"
    url_file = folder / URL_FILE
    descriptor = os.open(url_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(url + "\n")
    return ServerSetup(folder, url, shown, url_file, int(port))


def stop_server(folder: Path, *, os_user: str | None = None) -> None:
    """Stop the cluster made by :func:`init_server` in ``folder``."""
    bindir = find_bindir()
    if bindir is None:
        raise _not_installed()
    command = [str(bindir / "pg_ctl"), "-D", str(folder / DATA), "-m", "fast", "-w", "stop"]
    if os.geteuid() == 0:
        command = ["runuser", "-u", os_user or "postgres", "--", *command]
    subprocess.run(command, capture_output=True, check=False, timeout=120)
