"""``bundle export`` and ``bundle merge``: several laptops, one event (docs/BUNDLES.md).

    roadshow-desk bundle export OUT.rsdb [--db URL] [--station NAME] [--since LAST|all]
                                         [--event ID]
    roadshow-desk bundle merge FILE... [--db URL] [--dry-run] [--json]

``export`` writes everything this station wrote for the event (cumulative by default;
``--since last``: what changed since its previous export). ``merge`` merges bundles in one
transaction after a backup and prints, per record kind, the new, updated, unchanged,
conflicting, kept-after-delete and possibly duplicated records (``--json``: one object, see
:meth:`roadshow_desk.exchange.bundle_merge.MergeResult.to_json`). A file that cannot be
merged is one sentence on standard error, exit status 1, nothing written. An encrypted
bundle (an event with a bundle passphrase) reads the passphrase from
``ROADSHOW_DESK_PASSPHRASE``, or ``--passphrase-file``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from roadshow_desk.cli_commands import opened, print_json, station
from roadshow_desk.i18n import fmt, translate


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    bundle = subparsers.add_parser(
        "bundle",
        parents=[common],
        help="export this station's bundle, or merge other stations' bundles",
        description="Station bundles carry one laptop's records of an event to another.",
    )
    actions = bundle.add_subparsers(dest="bundle_action", metavar="ACTION", required=True)
    export = actions.add_parser(
        "export",
        parents=[common],
        help="write this station's records of the event to a bundle file",
    )
    export.add_argument("out", metavar="OUT.rsdb", type=Path, help="the bundle file to write")
    export.add_argument(
        "--since",
        default="all",
        metavar="LAST|all",
        help="all (default: cumulative), last (since the previous export) or an ISO time",
    )
    export.add_argument("--event", metavar="ID", default=None, help="the event (default: latest)")
    export.add_argument(
        "--passphrase-file",
        metavar="FILE",
        type=Path,
        default=None,
        help="encrypt with the passphrase in FILE (default: the event's, or none)",
    )
    export.add_argument(
        "--region",
        metavar="NAME",
        default=None,
        help="this station's region in a cross-regional event (kept for later exports)",
    )
    export.set_defaults(func=run_export)
    secret = actions.add_parser(
        "passphrase",
        parents=[common],
        help="set or clear the passphrase that encrypts the event's bundles",
    )
    secret.add_argument("--event", metavar="ID", default=None, help="the event (default: latest)")
    group = secret.add_mutually_exclusive_group(required=True)
    group.add_argument(
        "--passphrase-file", metavar="FILE", type=Path, help="the passphrase, in a text file"
    )
    group.add_argument("--clear", action="store_true", help="plain bundles from now on")
    secret.set_defaults(func=run_passphrase)
    merge = actions.add_parser(
        "merge", parents=[common], help="merge station bundles into this database"
    )
    merge.add_argument("files", metavar="FILE", type=Path, nargs="+", help="bundle files")
    merge.add_argument(
        "--dry-run", action="store_true", help="show what would change, write nothing"
    )
    merge.add_argument("--json", action="store_true", help="print the result as one JSON object")
    merge.add_argument(
        "--passphrase-file",
        metavar="FILE",
        type=Path,
        default=None,
        help="the bundle passphrase (default: $ROADSHOW_DESK_PASSPHRASE)",
    )
    merge.set_defaults(func=run_merge)


def _passphrase(args: argparse.Namespace) -> str | None:
    path = getattr(args, "passphrase_file", None)
    if path is None:
        return None
    return path.read_text(encoding="utf-8").strip() or None


def run_export(args: argparse.Namespace) -> int:
    from roadshow_desk.exchange.bundle_export import event_passphrase, export_bundle

    since = str(args.since).strip()
    since = since.lower() if since.lower() in ("all", "last") else since
    with opened(args, backup=False) as db:
        passphrase = _passphrase(args) or event_passphrase(db, args.event)
        result = export_bundle(
            db,
            args.out,
            station=station(args),
            event_id=args.event,
            since=since,
            passphrase=passphrase,
            region=args.region,
        )
    print(
        fmt(
            translate("Cli", "%1 records of station %2 written to %3."),
            str(result.records),
            result.station,
            str(result.path),
        )
    )
    return 0


def run_passphrase(args: argparse.Namespace) -> int:
    from roadshow_desk.exchange.bundle_export import set_event_passphrase

    text = "" if args.clear else (_passphrase(args) or "")
    with opened(args, backup=False) as db:
        set_event_passphrase(db, args.event, text)
    if text:
        print(translate("Cli", "Bundles of this event will be encrypted with the passphrase."))
    else:
        print(translate("Cli", "Bundles of this event will be plain."))
    return 0


def summary_lines(result: Any) -> list[str]:
    """The merge's counts per record kind, and its warnings, as sentences."""
    from roadshow_desk.exchange.bundle_labels import kind_label

    lines = []
    text = translate(
        "Cli",
        "%1: %2 new, %3 updated, %4 unchanged, %5 conflicts, %6 kept after delete, "
        "%7 possible duplicates.",
    )
    for table, counts in result.totals().items():
        values = [
            kind_label(table),
            counts.new,
            counts.updated,
            counts.unchanged,
            counts.conflicts,
            counts.kept_after_delete,
            counts.possible_duplicates,
        ]
        line = text
        for number, value in enumerate(values, start=1):
            line = line.replace(f"%{number}", str(value))
        lines.append(line)
    for report in result.bundles:
        if report.already_merged_at is not None:
            lines.append(
                fmt(translate("Cli", "%1 was already merged; nothing changed."), report.file)
            )
        lines.extend(report.warnings)
        lines.extend(report.notes)
    return lines


def run_merge(args: argparse.Namespace) -> int:
    from roadshow_desk.exchange.bundle_merge import merge_bundles, read_bundles

    bundles = read_bundles(args.files, _passphrase(args))  # refuse before opening the db
    with opened(args, backup=False) as db:
        result = merge_bundles(db, bundles, dry_run=args.dry_run, station=station(args))
    if args.json:
        print_json(result.to_json())
        return 0
    for line in summary_lines(result):
        print(line)
    if args.dry_run:
        print(translate("Cli", "Dry run: nothing was written to the database."))
    elif not result.rows_written:
        print(translate("Cli", "Nothing to merge: the database already holds all of it."))
    elif result.backup_path is not None:
        print(fmt(translate("Cli", "Backup before the merge: %1"), str(result.backup_path)))
    sys.stdout.flush()
    return 0
