"""``search``: the patents matching a query, as the library's search box finds them.

    roadshow-desk search QUERY [--db URL] [--json] [--limit N]

Terms are separated by spaces and all must occur (substrings of the title, abstract,
applicants, inventors, IPC codes or numbers; case and full width ignored); an application
number may be written in any form. Title hits come first. ``--limit 0`` lists every hit
(default 20). Prints one line per hit (application number, title); ``--json`` prints one
object: ``query``, ``total`` and ``hits``, each with ``application_no`` and ``title`` (and
``id``, ``technical_field``, ``legal_status``, ``score``).
"""

from __future__ import annotations

import argparse
from typing import Any

from roadshow_desk.cli_commands import opened, print_json
from roadshow_desk.i18n import fmt, translate

DEFAULT_LIMIT = 20


def _limit(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(f"expected 0 or a positive number, got {text!r}")
    return value


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "search",
        parents=[common],
        help="list the patents matching a query (Chinese, English, application numbers)",
        description="Search the patent library: every space-separated term must occur in the "
        "title, abstract, applicants, inventors, IPC codes or numbers (one or two Chinese "
        "characters work); application numbers may be written in any form. Title hits first.",
    )
    parser.add_argument("query", metavar="QUERY", help="the words to look for")
    parser.add_argument("--json", action="store_true", help="print the hits as one JSON object")
    parser.add_argument(
        "--limit",
        metavar="N",
        type=_limit,
        default=DEFAULT_LIMIT,
        help=f"at most N hits, 0 for all (default {DEFAULT_LIMIT})",
    )
    parser.set_defaults(func=run_search)


def run_search(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from roadshow_desk.domain.models import Patent
    from roadshow_desk.errors import InputError
    from roadshow_desk.store.search import count_hits, query_terms, search_ids

    if not query_terms(args.query):
        raise InputError(translate("Cli", "The search query is empty; give a word to look for."))
    with opened(args, backup=False) as db, db.session() as session:
        ids = search_ids(session, args.query, limit=args.limit)
        total = count_hits(session, args.query) if args.limit else len(ids)
        rows = {
            row.id: row
            for row in session.execute(
                select(
                    Patent.id,
                    Patent.application_no,
                    Patent.title,
                    Patent.technical_field,
                    Patent.legal_status,
                    Patent.score,
                ).where(Patent.id.in_(ids))
            )
        }
    hits = [rows[patent_id] for patent_id in ids if patent_id in rows]
    if args.json:
        print_json(
            {
                "query": args.query,
                "total": total,
                "hits": [
                    {
                        "id": row.id,
                        "application_no": row.application_no,
                        "title": row.title,
                        "technical_field": row.technical_field,
                        "legal_status": str(row.legal_status),
                        "score": row.score,
                    }
                    for row in hits
                ],
            }
        )
        return 0
    for row in hits:
        print(f"{row.application_no}\t{row.title}")
    if total > len(hits):
        message = translate("Cli", "%1 of %2 hits shown; --limit 0 lists them all.")
        print(fmt(message, str(len(hits)), str(total)))
    elif not hits:
        print(translate("Cli", "No patent matches."))
    return 0
