"""``brochure``, ``signup-sheet``, ``cards``, ``badges``, ``agenda``: the printed documents.

Each writes one PDF for an event (``--event``: its id or uuid; default the most recent one).
No event, an empty shortlist, no sign-up link or no Chinese font: one sentence on standard
error, exit status 1, no file written. The font is found on the system, or named by the
``ROADSHOW_DESK_FONT`` environment variable.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from roadshow_desk.cli_commands import add_event_option, opened, stderr_progress
from roadshow_desk.i18n import fmt, translate


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    brochure = subparsers.add_parser(
        "brochure",
        parents=[common],
        help="the patent brochure of an event as PDF",
        description="Write the patent brochure of an event: cover, foreword, contents, the "
        "shortlisted patents by technical field with QR codes, an index by institution.",
    )
    brochure.add_argument("out", metavar="OUT.pdf", type=Path, help="the PDF to write")
    add_event_option(brochure)
    brochure.set_defaults(func=run_print, kind="brochure")

    signup = subparsers.add_parser(
        "signup-sheet",
        parents=[common],
        help="a QR sign-up sheet for an event or a session as PDF",
        description="Write a sign-up sheet: a large QR code to the event's sign-up link and "
        "ruled rows to write on.",
    )
    signup.add_argument("out", metavar="OUT.pdf", type=Path, help="the PDF to write")
    add_event_option(signup)
    signup.add_argument(
        "--session", metavar="ID", type=int, default=None, help="a roadshow session's sheet"
    )
    signup.add_argument(
        "--template",
        metavar="OUT.xlsx",
        type=Path,
        default=None,
        help="also write the matching transcription workbook (same columns, drop-down lists)",
    )
    signup.set_defaults(func=run_print, kind="signup-sheet")

    for kind, help_text in (
        ("cards", "booth cards (a folded A4 table tent per patent) as PDF"),
        ("badges", "badges with QR codes for the registered enterprises as PDF"),
        ("agenda", "the agenda of the roadshow sessions as PDF"),
    ):
        parser = subparsers.add_parser(
            kind, parents=[common], help=help_text, description=help_text
        )
        parser.add_argument("out", metavar="OUT.pdf", type=Path, help="the PDF to write")
        add_event_option(parser)
        parser.set_defaults(func=run_print, kind=kind)


def run_print(args: argparse.Namespace) -> int:
    from roadshow_desk.documents.render import PrintOptions, render_document

    options = PrintOptions(
        event=args.event,
        session_id=getattr(args, "session", None),
        language=getattr(args, "lang", None),  # --lang overrides the event's document language
    )
    progress = stderr_progress()
    with opened(args, backup=False) as db:
        written = render_document(args.kind, db, args.out, options, progress)
        if sys.stderr.isatty():
            sys.stderr.write("\r\x1b[K")
    message = translate("Cli", "Wrote %1 (pages: %2).")
    print(fmt(message, str(written.path), str(written.pages)))
    template = getattr(args, "template", None)
    if template is not None:
        from roadshow_desk.exchange.signup_template import write_signup_template

        with opened(args, backup=False) as db:
            path = write_signup_template(
                db, template, event=args.event, session_id=args.session, lang=options.language
            )
        print(fmt(translate("Cli", "Wrote %1."), str(path)))
    return 0
