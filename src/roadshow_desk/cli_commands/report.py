"""``report``: the event report for the provincial IP office.

    roadshow-desk report OUT.pdf|OUT.xlsx [--db URL] [--event ID | --from DATE --to DATE]
                         [--lang zh_CN|en] [--contacts]

The PDF has a cover, the headline figures, a chart and a table for each breakdown, the
funnel and the leads in follow-up; the workbook one sheet per table and the raw intentions.
Both speak the event's document language unless ``--lang`` says otherwise. Contact persons
and phone numbers are left out unless ``--contacts`` is given (the report says which). No
event in scope, or a bad output name: one sentence on standard error, exit status 1, no file.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from roadshow_desk.cli_commands import opened
from roadshow_desk.i18n import translate

if TYPE_CHECKING:
    from roadshow_desk.store.db import Database


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "report",
        parents=[common],
        help="the event report (figures, charts, tables) as PDF or Excel",
        description="Write the results of one event, or of every event starting in a period, "
        "as a PDF report or a workbook.",
    )
    parser.add_argument("out", metavar="OUT.pdf|OUT.xlsx", type=Path, help="the file to write")
    scope = parser.add_mutually_exclusive_group()
    scope.add_argument("--event", metavar="ID", default=None, help="the event's id or uuid")
    scope.add_argument(
        "--from",
        dest="date_from",
        metavar="DATE",
        type=_date,
        default=None,
        help="every event starting on or after DATE (YYYY-MM-DD)",
    )
    parser.add_argument(
        "--to",
        dest="date_to",
        metavar="DATE",
        type=_date,
        default=None,
        help="every event starting on or before DATE (YYYY-MM-DD)",
    )
    _document_options(parser, "the report's", "contact persons and phone numbers")
    parser.set_defaults(func=run_report)

    case = subparsers.add_parser(
        "case",
        parents=[common],
        help="a signed deal written up as a typical case (.docx or PDF)",
        description="Write up the signed intention ID as a typical case: an editable Word "
        "document (.docx) or a PDF.",
    )
    case.add_argument("out", metavar="OUT.docx|OUT.pdf", type=Path, help="the file to write")
    case.add_argument("--intention", metavar="ID", type=int, required=True, help="the intention")
    case.add_argument(
        "--text", metavar="FILE", type=Path, default=None, help="the story, a UTF-8 text file"
    )
    _document_options(case, "the write-up's", "the contact person and phone")
    case.set_defaults(func=run_case)


def _document_options(parser: argparse.ArgumentParser, whose: str, contacts: str) -> None:
    """``--lang`` (``whose`` language) and ``--contacts`` (include ``contacts``)."""
    parser.add_argument(
        "--lang",
        choices=("zh_CN", "en"),
        default=argparse.SUPPRESS,
        help=f"{whose} language (default: the event's document language)",
    )
    parser.add_argument("--contacts", action="store_true", help=f"include {contacts}")


def run_report(args: argparse.Namespace) -> int:
    from roadshow_desk.errors import InputError
    from roadshow_desk.exchange.tables import fmt

    suffix = args.out.suffix.lower()
    if suffix not in (".pdf", ".xlsx"):
        raise InputError(
            fmt(translate("Results", "“%1” must end in .xlsx or .pdf."), args.out.name)
        )
    if args.event is not None and args.date_to is not None:
        raise InputError(translate("Results", "Give either an event or a period, not both."))
    with opened(args, backup=False) as db:
        written = write_report(
            db,
            args.out,
            event=args.event,
            date_from=args.date_from,
            date_to=args.date_to,
            lang=getattr(args, "lang", None),
            contacts=args.contacts,
        )
    print(fmt(translate("Cli", "Wrote %1."), str(written)))
    return 0


def write_report(
    db: Database,
    out: Path,
    *,
    event: str | int | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    lang: str | None = None,
    contacts: bool = False,
    font: str | Path | None = None,
) -> Path:
    """Write the report (PDF or workbook by the suffix of ``out``); returns its path."""
    from roadshow_desk.domain.models import Event
    from roadshow_desk.domain.results import compute_results, scope_for
    from roadshow_desk.i18n import language

    with db.session() as session:
        scope = scope_for(session, event, date_from, date_to)
        first = session.get(Event, scope.event_ids[0])
        with language(lang or (first.document_language if first else None)):
            results = compute_results(session, scope)
            if out.suffix.lower() == ".xlsx":
                from roadshow_desk.exchange.results_workbook import write_results_workbook

                return write_results_workbook(session, results, out, contacts=contacts)
            from roadshow_desk.documents.report import write_report_pdf

            return write_report_pdf(session, results, out, contacts=contacts, font=font).path


def run_case(args: argparse.Namespace) -> int:
    from roadshow_desk.errors import InputError
    from roadshow_desk.exchange.tables import fmt

    suffix = args.out.suffix.lower()
    if suffix not in (".docx", ".pdf"):
        raise InputError(
            fmt(translate("TypicalCase", "“%1” must end in .docx or .pdf."), args.out.name)
        )
    story = ""
    if args.text is not None:
        try:
            story = args.text.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            raise InputError(
                fmt(translate("TypicalCase", "“%1” cannot be read as UTF-8 text."), args.text.name)
            ) from None
    with opened(args, backup=False) as db:
        path = write_case(
            db,
            args.out,
            args.intention,
            story=story,
            lang=getattr(args, "lang", None),
            contacts=args.contacts,
        )
    print(fmt(translate("Cli", "Wrote %1."), str(path)))
    return 0


def write_case(db: Database, out: Path, intention_id: int, **options: Any) -> Path:
    """The ``case`` command's writer (:func:`roadshow_desk.documents.typical_case.write_case`)."""
    from roadshow_desk.documents.typical_case import write_case as write

    return write(db, out, intention_id, **options)
