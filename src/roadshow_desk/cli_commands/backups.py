"""``backups``: the database's backups, newest first, with what each preceded.

    roadshow-desk backups [--db URL] [--json]

One line per backup: the local time it was taken, what it preceded (an import, a merge, a
restore, an upgrade of the database) and its file. ``--json`` prints one object: ``folder``
and ``backups``, each with ``path``, ``taken_at`` (UTC, ISO 8601), ``local_time``, ``kind``,
``reason`` and ``size``. The database itself is not opened (nor upgraded).
"""

from __future__ import annotations

import argparse
from typing import Any

from roadshow_desk.cli_commands import print_json
from roadshow_desk.i18n import fmt, translate


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "backups",
        parents=[common],
        help="list the database's backups (made before imports, merges and upgrades)",
        description="List the backups of the database, newest first: when each was taken "
        "(local time), what it preceded, and its file.",
    )
    parser.add_argument("--json", action="store_true", help="print the list as one JSON object")
    parser.set_defaults(func=run_backups)


def run_backups(args: argparse.Namespace) -> int:
    from roadshow_desk.errors import InputError
    from roadshow_desk.store.backups import backups_folder, kind_label, list_backups
    from roadshow_desk.store.db import resolve_url

    url = resolve_url(getattr(args, "db", None))
    folder = backups_folder(url)
    if folder is None:
        raise InputError(
            translate("Cli", "Roadshow Desk makes backups only of a database file, not a server.")
        )
    backups = list_backups(url)
    if args.json:
        print_json(
            {
                "folder": str(folder),
                "backups": [
                    {
                        "path": str(backup.path),
                        "taken_at": backup.taken_at.isoformat(),
                        "local_time": backup.taken_at.astimezone().isoformat(timespec="seconds"),
                        "kind": backup.kind,
                        "reason": backup.reason,
                        "size": backup.size,
                    }
                    for backup in backups
                ],
            }
        )
        return 0
    if not backups:
        print(fmt(translate("Cli", "No backups yet in %1."), str(folder)))
        return 0
    for backup in backups:
        when = backup.taken_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        print(f"{when}  {kind_label(backup.kind)}  {backup.path}")
    return 0
