"""``enterprises import`` and ``intentions import``: registration lists and paper sheets.

    roadshow-desk enterprises import FILE [--db URL] [--json] [--rejects OUT.xlsx]
                                  [--event ID | --registry-only]
    roadshow-desk intentions import FILE [--db URL] [--event ID] [--json] [--rejects OUT.xlsx]

Both print a one-line summary (``--json``: one object with ``inserted``, ``updated``,
``unchanged``, ``rejected``, ``conflicts``). A file that cannot be used (unreadable, no
enterprise column, no patent column, no event) is one sentence on standard error, exit
status 1, nothing written. Rows that cannot be used go to ``--rejects`` with their reasons.
The station written on records is this laptop's station name (``--station``,
``$ROADSHOW_DESK_STATION``, Settings ▸ Station, else the host name: ``roadshow_desk.station``).

An enterprise list is a sign-up list: its firms are registered for ``--event`` (default the
most recent event), so their badges print and the desk finds them signed up;
``--registry-only`` only adds them to the registry (and is needed while there is no event).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from roadshow_desk.cli_commands import add_event_option, import_file, opened, report_import, station
from roadshow_desk.i18n import fmt

if TYPE_CHECKING:
    from roadshow_desk.store.db import Database


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    imports = _import_action(
        subparsers,
        common,
        "enterprises",
        (
            "the enterprise registry (import registration lists)",
            "Work with the enterprise registry.",
        ),
        (
            "import a registration list (.xlsx, .xls, .csv)",
            "Import a sign-up list of enterprises: the firms are signed up for the event and added "
            "to the registry; a re-import updates the matching firms (credit code, else name) and "
            "never overwrites a local edit.",
        ),
    )
    target = imports.add_mutually_exclusive_group()
    target.add_argument(
        "--event",
        metavar="ID",
        default=None,
        help="sign the firms up for this event, its id or uuid (default: the most recent)",
    )
    target.add_argument(
        "--registry-only",
        action="store_true",
        help="only add the firms to the registry; sign them up for no event",
    )
    imports.set_defaults(func=run_enterprise_import)

    sheet = _import_action(
        subparsers,
        common,
        "intentions",
        ("intentions (import transcribed paper sheets)", "Work with recorded intentions."),
        (
            "import intentions typed from paper sign-up sheets",
            "Import intentions transcribed from paper sheets; firms and patents are matched by "
            "credit code, name, application number or title; unmatched rows go to the rejects "
            "report.",
        ),
    )
    add_event_option(sheet)
    sheet.set_defaults(func=run_intention_import)


def _import_action(
    subparsers: Any,
    common: argparse.ArgumentParser,
    noun: str,
    texts: tuple[str, str],
    import_texts: tuple[str, str],
) -> argparse.ArgumentParser:
    """The command ``noun`` with its one action ``import FILE`` (returned, for its options);
    ``texts`` and ``import_texts``: the help and description of each."""
    group = subparsers.add_parser(noun, help=texts[0], description=texts[1])
    actions = group.add_subparsers(dest=f"{noun}_command", metavar="ACTION")
    group.set_defaults(func=_usage(group))
    imports: argparse.ArgumentParser = actions.add_parser(
        "import", parents=[common], help=import_texts[0], description=import_texts[1]
    )
    _file_options(imports)
    return imports


def _file_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", type=Path, help="the file to import")
    parser.add_argument("--json", action="store_true", help="print the counts as one JSON object")
    parser.add_argument(
        "--rejects", metavar="OUT.xlsx", type=Path, default=None, help="write unusable rows here"
    )


def _usage(parser: argparse.ArgumentParser) -> Any:
    def show(_args: argparse.Namespace) -> int:
        parser.print_usage()
        return 2

    return show


def _counts(result: Any) -> dict[str, Any]:
    keys = ("inserted", "updated", "unchanged", "rejected", "conflicts")
    return {key: result.counts()[key] for key in keys}


def run_enterprise_import(args: argparse.Namespace) -> int:
    from roadshow_desk.exchange.enterprise_import import import_enterprises
    from roadshow_desk.i18n import translate

    with opened(args) as db:
        event_id = None if args.registry_only else _sign_up_event(db, args.event)
        result = import_enterprises(
            db,
            args.file,
            rejects_path=args.rejects,
            station=station(args),
            event_id=event_id,
        )
    payload = _counts(result)
    if result.event_id is not None:
        payload.update(
            event_id=result.event_id,
            signed_up=result.signed_up,
            already_signed_up=result.already_signed_up,
        )
    status = report_import(result, args, payload)
    if result.event_id is not None and not args.json:
        print(
            fmt(
                translate("Cli", "%1 firms newly signed up for “%2” (%3 already were)."),
                str(result.signed_up),
                result.event_name,
                str(result.already_signed_up),
            )
        )
    return status


def _sign_up_event(db: Database, ref: str | None) -> int:
    """The event a sign-up list is for (``--event``, default the most recent)."""
    from roadshow_desk.domain.events import list_events, resolve_event
    from roadshow_desk.errors import InputError
    from roadshow_desk.i18n import translate

    with db.session() as session:
        if ref is None and not list_events(session):
            raise InputError(
                translate(
                    "Cli",
                    "There is no event to sign these firms up for; create the event first, "
                    "or import them with --registry-only.",
                )
            )
        return resolve_event(session, ref).id


def run_intention_import(args: argparse.Namespace) -> int:
    from roadshow_desk.exchange.intention_import import import_intentions

    result = import_file(args, import_intentions, event_id=args.event)
    return report_import(result, args, _counts(result))
