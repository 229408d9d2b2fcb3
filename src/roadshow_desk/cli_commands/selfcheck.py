"""``selfcheck``: is this installation ready for the desk? (see ``documents.selfcheck``)."""

from __future__ import annotations

import argparse
import os
from typing import Any

from roadshow_desk.cli_commands import print_json


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    selfcheck = subparsers.add_parser(
        "selfcheck",
        parents=[common],
        help="check this installation: version, database, font, translations, printers",
        description="Check that this installation is ready: version, database engine and "
        "location, schema version, Chinese font, translations, printers, PostgreSQL driver. "
        "Exit status 1 when a required check fails.",
    )
    selfcheck.add_argument("--json", action="store_true", help="print the report as JSON")
    selfcheck.set_defaults(func=run_selfcheck_command)


def run_selfcheck_command(args: argparse.Namespace) -> int:
    # Qt only here, and without a display: the printers and the catalogues need no window.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication

    from roadshow_desk.ui.selfcheck import collect

    app = QCoreApplication.instance() or QCoreApplication([])
    report = collect(getattr(args, "db", None), getattr(args, "lang", None), None)
    del app
    if args.json:
        print_json(report.as_json())
    else:
        print(report.as_text())
    return 0 if report.ok else 1
