"""Open the window (no subcommand), ``demo`` (fill a demo fair), ``shot`` (a view to PNG)."""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path
from typing import Any

from roadshow_desk.cli_commands import opened, stderr_progress
from roadshow_desk.errors import InputError
from roadshow_desk.i18n import fmt, translate

LANGUAGES = ("zh_CN", "en")


def _size(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"\s*(\d{2,5})\s*[xX×]\s*(\d{2,5})\s*", text)
    if not match:
        raise argparse.ArgumentTypeError(f"{text!r} is not a size like 1280x800")
    return int(match.group(1)), int(match.group(2))


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    demo = subparsers.add_parser(
        "demo",
        parents=[common],
        help="fill an empty database with a realistic demo fair",
        description="Fill an empty database with a realistic demo fair: institutions, patents, "
        "enterprises, an event with roadshow sessions, a shortlist and intentions.",
    )
    demo.add_argument(
        "--patents",
        type=int,
        default=None,
        metavar="N",
        help="how many patents (default: the demo's own set; up to 100000 for benchmarks)",
    )
    demo.add_argument(
        "--stations",
        type=int,
        default=0,
        metavar="N",
        help="also write the bundles of N more desks beside the database, to try a merge",
    )
    demo.set_defaults(func=run_demo)

    shot = subparsers.add_parser(
        "shot",
        parents=[common],
        help="render one view offscreen to a PNG",
        description="Render one view of the app offscreen to a PNG, for documentation and checks.",
    )
    shot.add_argument("out", metavar="OUT.png", type=Path, help="the PNG file to write")
    shot.add_argument(
        "--view", default="library", metavar="NAME", help="the view to render (default: library)"
    )
    shot.add_argument(
        "--size", type=_size, default=(1280, 800), metavar="WxH", help="window size in pixels"
    )
    shot.add_argument(
        "--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help="user interface language"
    )
    shot.set_defaults(func=take_shot)


def open_window(args: argparse.Namespace) -> int:
    """No subcommand: open the main window."""
    from roadshow_desk.ui.app import run

    return run(getattr(args, "db", None), getattr(args, "lang", None))


def run_demo(args: argparse.Namespace) -> int:
    """Fill an empty database with the demo fair; one line says what was written."""
    from roadshow_desk.store.demo import fill_demo

    with opened(args) as db:
        options: dict[str, Any] = {"progress": stderr_progress()}
        if args.patents is not None:
            options["patents"] = args.patents
        try:
            summary = fill_demo(db, **options)
        finally:
            if sys.stderr.isatty():
                sys.stderr.write("\n")
        line = translate(
            "Cli",
            "Demo fair written to %1: %2 patents from %3 institutions, %4 enterprises, "
            "the event “%5” with %6 roadshow sessions, %7 intentions.",
        )
        values = [
            db.path or db.url,
            summary.patents,
            summary.institutions,
            summary.enterprises,
            summary.event_name,
            summary.sessions,
            summary.intentions,
        ]
        for number, value in enumerate(values, start=1):
            line = line.replace(f"%{number}", str(value))
        print(line)
        if getattr(args, "stations", 0):
            from roadshow_desk.exchange.bundle_demo import demo_station_bundles

            for path in demo_station_bundles(db, args.stations):
                print(fmt(translate("Cli", "Bundle of another desk: %1"), str(path)))
            print(translate("Cli", "Merge them with: roadshow-desk bundle merge FILE..."))
    return 0


def take_shot(args: argparse.Namespace) -> int:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before any QApplication exists
    from PySide6.QtCore import QSize

    from roadshow_desk.ui.shot import ShotError, available_views, render_shot

    views = available_views()
    if args.view not in views:
        message = translate("Cli", "Unknown view “%1”; choose one of: %2.")
        print(fmt(message, args.view, ", ".join(views)), file=sys.stderr)
        return 2
    width, height = args.size
    try:
        out, font_warning = render_shot(
            args.out,
            view=args.view,
            size=QSize(width, height),
            db=getattr(args, "db", None),
            lang=getattr(args, "lang", None),
        )
    except ShotError as exc:
        raise InputError(str(exc)) from exc
    if font_warning:
        print(font_warning, file=sys.stderr)
    print(out)
    return 0
