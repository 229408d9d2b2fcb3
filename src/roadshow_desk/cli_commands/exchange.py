"""``import`` (patent files, re-import as sync) and ``export`` (patents, shortlist, ...).

    roadshow-desk import FILE [--db URL] [--json] [--dry-run] [--rejects OUT.xlsx] [--sheet NAME]
    roadshow-desk export {patents,shortlist,enterprises,intentions} OUT.{xlsx,csv}
                         [--db URL] [--event ID]

``import`` prints a one-line summary (``--json``: one object with ``inserted``, ``updated``,
``unchanged``, ``rejected``, ``conflicts``, plus ``merged``, ``dry_run``, ``batch_id`` and
``rejects_file`` when written). ``--dry-run`` checks everything and writes nothing (the
rejects report is still written when asked for). A file that cannot be used (unreadable, no
application-number column, no rows) is one sentence on standard error, exit status 1,
nothing written.

``export`` kinds come from :data:`roadshow_desk.exchange.export.EXPORTERS`; another workflow
adds its kind there and the subcommand offers it.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from roadshow_desk.cli_commands import add_event_option, import_file, opened, report_import
from roadshow_desk.i18n import fmt, translate

#: The kinds ``export`` offers (kept in step with ``exchange.export.EXPORTERS`` by a test;
#: listed here so that ``--help`` does not import the exporters).
EXPORT_KINDS: tuple[str, ...] = ("patents", "shortlist", "enterprises", "intentions")


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    imports = subparsers.add_parser(
        "import",
        parents=[common],
        help="import a patent list (.xlsx, .xls, .csv); a re-import updates it",
        description="Import a patent list exported from the activation system, an institute "
        "or a patent database. Re-importing an updated file updates the matching patents "
        "(by application number) and never overwrites a field edited in Roadshow Desk.",
    )
    imports.add_argument("file", metavar="FILE", type=Path, help="the file to import")
    imports.add_argument("--json", action="store_true", help="print the counts as one JSON object")
    imports.add_argument(
        "--dry-run", action="store_true", help="check everything, write nothing to the database"
    )
    imports.add_argument(
        "--rejects", metavar="OUT.xlsx", type=Path, default=None, help="write unusable rows here"
    )
    imports.add_argument(
        "--sheet", metavar="NAME", default=None, help="the sheet to read (default: detected)"
    )
    imports.set_defaults(func=run_import)

    export = subparsers.add_parser(
        "export",
        parents=[common],
        help="export patents, the shortlist, enterprises or intentions (.xlsx, .csv)",
        description="Export to Excel (.xlsx) or CSV (UTF-8 with BOM); the format follows the "
        "file name. Cells that a spreadsheet would run as formulas are neutralised.",
    )
    export.add_argument("kind", choices=EXPORT_KINDS, help="what to export")
    export.add_argument("out", metavar="OUT", type=Path, help="the .xlsx or .csv file to write")
    add_event_option(export)
    export.set_defaults(func=run_export)


def run_import(args: argparse.Namespace) -> int:
    from roadshow_desk.exchange.patent_import import import_patents

    result = import_file(args, import_patents, sheet=args.sheet, dry_run=args.dry_run)
    counts = result.counts()
    return report_import(
        result, args, {**counts, "dry_run": result.dry_run, "batch_id": result.batch_id}
    )


def run_export(args: argparse.Namespace) -> int:
    from roadshow_desk.exchange.export import export

    with opened(args, backup=False) as db:
        rows = export(db, args.kind, args.out, event_id=args.event)
    print(fmt(translate("Cli", "%1 rows written to %2."), str(rows), str(args.out)))
    return 0
