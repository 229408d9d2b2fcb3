"""``server``: set up (and stop) a PostgreSQL server for a venue's desks.

    roadshow-desk server init DIR [--database NAME] [--user NAME] [--port N] [--host ADDRESS]
                                  [--os-user USER]
    roadshow-desk server stop DIR [--os-user USER]

``init`` creates a cluster in the new folder DIR, starts it, and creates the event's database
and its user (password authentication with scram-sha-256, no superuser rights, LAN only);
it prints the desks' URL with the password hidden and the file (readable by you only) that
holds the full URL. See :mod:`roadshow_desk.store.pg_cluster`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from roadshow_desk.i18n import fmt, translate


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "server",
        help="set up a PostgreSQL server for the desks of a venue",
        description="Set up a PostgreSQL server shared by the desks on a LAN.",
    )
    actions = parser.add_subparsers(dest="server_command", metavar="ACTION", required=True)
    init = actions.add_parser(
        "init",
        help="create a server, its database and user in a new folder, start it, print the URL",
    )
    init.add_argument("folder", metavar="DIR", type=Path, help="a new, empty folder")
    init.add_argument("--database", default="roadshow", help="database name (default roadshow)")
    init.add_argument("--user", default="roadshow_desk", help="database user for the desks")
    init.add_argument("--port", type=int, default=5432, help="TCP port (default 5432)")
    init.add_argument("--host", default=None, help="address the desks use (default: this LAN's)")
    init.add_argument(
        "--os-user", default=None, help="when run as root: the system user owning the server"
    )
    init.set_defaults(func=run_init)
    stop = actions.add_parser("stop", help="stop the server made in DIR")
    stop.add_argument("folder", metavar="DIR", type=Path)
    stop.add_argument("--os-user", default=None)
    stop.set_defaults(func=run_stop)


def run_init(args: argparse.Namespace) -> int:
    from roadshow_desk.store.pg_cluster import init_server

    setup = init_server(
        args.folder,
        database=args.database,
        user=args.user,
        port=args.port,
        host=args.host,
        os_user=args.os_user,
    )
    out = sys.stdout
    out.write(fmt(translate("Server", "The server is running in %1."), str(setup.folder)))
    out.write("\n")
    out.write(fmt(translate("Server", "Desks connect with: %1"), setup.shown_url) + "\n")
    out.write(
        fmt(
            translate(
                "Server", "The full URL, with its password, is in %1 (readable by you only)."
            ),
            str(setup.url_file),
        )
        + "\n"
    )
    return 0


def run_stop(args: argparse.Namespace) -> int:
    from roadshow_desk.store.pg_cluster import stop_server

    stop_server(args.folder, os_user=args.os_user)
    return 0
