"""The command line: the same operations as the window, without one.

The contract (subcommands, options, exit statuses, ``--json`` shapes) is in DESIGN.md and is
stable: tests and scripts rely on it. Each group of subcommands lives in a module of
``roadshow_desk.cli_commands`` with a ``register(subparsers, common)`` function; the modules
are listed in :data:`COMMAND_MODULES` and imported when the parser is built (they import
their heavy dependencies inside the command functions, so ``--help`` stays fast).

Exit status: 0 success; 1 a problem with the input or the data (one sentence on standard
error, nothing written); 2 wrong usage.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from roadshow_desk.errors import InputError
from roadshow_desk.i18n import translate

COMMAND_MODULES: tuple[str, ...] = (
    "roadshow_desk.cli_commands.app",
    "roadshow_desk.cli_commands.printing",
    "roadshow_desk.cli_commands.fairday",
    "roadshow_desk.cli_commands.exchange",
    "roadshow_desk.cli_commands.search",
    "roadshow_desk.cli_commands.backups",
    "roadshow_desk.cli_commands.server",
    "roadshow_desk.cli_commands.bundles",
    "roadshow_desk.cli_commands.report",
    "roadshow_desk.cli_commands.selfcheck",
)


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        metavar="URL",
        default=argparse.SUPPRESS,
        help="database URL or SQLite file (default: $ROADSHOW_DESK_DB or the user data folder)",
    )
    common.add_argument(
        "--station",
        metavar="NAME",
        default=argparse.SUPPRESS,
        help="this laptop's station name (default: $ROADSHOW_DESK_STATION, Settings, host name)",
    )
    parser = argparse.ArgumentParser(
        prog="roadshow-desk",
        description="Roadshow Desk: patent matchmaking fairs, from library to follow-up.",
    )
    parser.add_argument("--db", metavar="URL", default=None, help=common._actions[0].help)
    parser.add_argument("--station", metavar="NAME", default=None, help=common._actions[1].help)
    parser.add_argument(
        "--lang", choices=("zh_CN", "en"), default=None, help="user interface language"
    )
    from roadshow_desk.version import app_version

    parser.add_argument("--version", action="version", version=f"roadshow-desk {app_version()}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from roadshow_desk.cli_commands import install_cli_translations

    install_cli_translations(args.lang)
    if getattr(args, "station", None):  # one station name for the whole process (window too)
        from roadshow_desk.station import ENV_STATION

        os.environ[ENV_STATION] = args.station.strip()
    func = getattr(args, "func", None)
    if func is None:
        from roadshow_desk.cli_commands.app import open_window

        func = open_window
    try:
        return int(func(args) or 0)
    except InputError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(translate("Cli", "Interrupted; nothing was written."), file=sys.stderr)
        return 1
    except Exception as exc:
        from roadshow_desk.store.db import DatabaseError

        if isinstance(exc, DatabaseError):
            print(str(exc), file=sys.stderr)
            return 1
        raise


if __name__ == "__main__":
    raise SystemExit(main())
