"""Subcommands of ``roadshow-desk``; see ``roadshow_desk.cli``.

Helpers shared by the command modules live here.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any


def database(args: argparse.Namespace, *, backup: bool = True) -> Any:
    """Open the database named by ``--db`` (or the default) for a command."""
    from roadshow_desk.store.db import open_database

    return open_database(getattr(args, "db", None), backup=backup)


def print_json(payload: Any) -> None:
    """Print one JSON object (UTF-8, Chinese left readable)."""
    sys.stdout.write(json.dumps(payload, ensure_ascii=False, default=str) + "\n")


def install_cli_translations(lang: str | None) -> None:
    """Translate CLI messages with the app's Qt catalogues (QtCore only, no display)."""
    from roadshow_desk.ui.translations import install_translation_hook

    install_translation_hook(lang)
