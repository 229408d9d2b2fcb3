"""Subcommands of ``roadshow-desk``; see ``roadshow_desk.cli``.

Helpers shared by the command modules live here.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from roadshow_desk.i18n import fmt

if TYPE_CHECKING:
    from roadshow_desk.store.db import Database


def database(args: argparse.Namespace, *, backup: bool = True) -> Database:
    """Open the database named by ``--db`` (or the default) for a command."""
    from roadshow_desk.store.db import open_database

    return open_database(getattr(args, "db", None), backup=backup)


@contextmanager
def opened(args: argparse.Namespace, *, backup: bool = True) -> Iterator[Database]:
    """:func:`database` for the length of a ``with`` block, disposed of at its end."""
    db = database(args, backup=backup)
    try:
        yield db
    finally:
        db.dispose()


def add_event_option(parser: argparse.ArgumentParser) -> None:
    """``--event ID``: the event a command works on (default: the most recent)."""
    parser.add_argument(
        "--event",
        metavar="ID",
        default=None,
        help="the event's id or uuid (default: the most recent)",
    )


def stderr_progress() -> Any:
    """A :class:`~roadshow_desk.domain.progress.Progress` that shows a percentage on standard
    error when it is a terminal (none otherwise)."""
    from roadshow_desk.domain.progress import NO_PROGRESS, Progress

    if not sys.stderr.isatty():
        return NO_PROGRESS

    def show(done: int, total: int, text: str) -> None:
        if total:
            sys.stderr.write(f"\r{text} {min(done, total) * 100 // total:3d}%\x1b[K")
            sys.stderr.flush()

    return Progress(show)


def station(args: argparse.Namespace) -> str:
    """This laptop's station name for a command (``--station``, ``$ROADSHOW_DESK_STATION``,
    Settings ▸ Station, host name: :func:`roadshow_desk.station.resolve_station`)."""
    from roadshow_desk.station import resolve_station

    configured = ""
    try:  # the window's setting (QtCore only, no display)
        from roadshow_desk.ui.settings import Settings

        configured = str(Settings().value("general/station_name"))
    except ImportError:  # pragma: no cover - Qt missing: host name
        pass
    return resolve_station(getattr(args, "station", None), configured)


def print_json(payload: Any) -> None:
    """Print one JSON object (UTF-8, Chinese left readable)."""
    sys.stdout.write(json.dumps(payload, ensure_ascii=False, default=str) + "\n")


def install_cli_translations(lang: str | None) -> None:
    """Translate CLI messages with the app's Qt catalogues (QtCore only, no display)."""
    from roadshow_desk.ui.translations import install_translation_hook

    install_translation_hook(lang)


def import_file(args: argparse.Namespace, importer: Any, **options: Any) -> Any:
    """Run ``importer`` (``import_patents``, ``import_intentions``…) on ``args.file``: the
    rejects report to ``--rejects``, stamped with this laptop's station; returns its result."""
    with opened(args) as db:
        return importer(db, args.file, rejects_path=args.rejects, station=station(args), **options)


def report_import(result: Any, args: argparse.Namespace, payload: dict[str, Any]) -> int:
    """Print what an import did: ``payload`` (plus the rejects file) as JSON with ``--json``,
    otherwise the counts and what became of merged and rejected rows, as sentences."""
    from roadshow_desk.i18n import translate

    if args.json:
        if result.rejects_path is not None:
            payload = {**payload, "rejects_file": str(result.rejects_path)}
        print_json(payload)
        return 0
    counts = result.counts()
    text = translate(
        "Cli", "%1 new, %2 updated, %3 unchanged, %4 rejected, %5 conflicts to review."
    )
    for number, key in enumerate(
        ("inserted", "updated", "unchanged", "rejected", "conflicts"), start=1
    ):
        text = text.replace(f"%{number}", str(counts[key]))
    print(text)
    if getattr(result, "merged", 0):
        print(
            fmt(
                translate(
                    "Cli",
                    "%1 rows were later publications of a patent above and were merged into it.",
                ),
                str(result.merged),
            )
        )
    if getattr(result, "dry_run", False):
        print(translate("Cli", "Dry run: nothing was written to the database."))
    if result.rejects_path is not None:
        print(
            fmt(translate("Cli", "Rejected rows and their reasons: %1"), str(result.rejects_path))
        )
    elif result.rejects:
        print(
            translate("Cli", "Use --rejects OUT.xlsx to get the rejected rows and their reasons.")
        )
    return 0
