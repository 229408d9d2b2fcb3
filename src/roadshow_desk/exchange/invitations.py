"""The invitation list of an event: which enterprises to invite for each shortlisted patent.

Rows come from :func:`roadshow_desk.store.matching.invitations` (best enterprises per
included patent, with the reasons); the file is written by the shared table writer
(``.xlsx`` or ``.csv`` from the suffix, cells neutralised against formulas, atomic).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from roadshow_desk.i18n import translate

if TYPE_CHECKING:
    from roadshow_desk.store.db import Database


def invitation_header() -> list[str]:
    return [
        translate("Invitations", "Application number"),
        translate("Invitations", "Patent title"),
        translate("Invitations", "Enterprise"),
        translate("Invitations", "Fit"),
        translate("Invitations", "Why"),
        translate("Invitations", "Contact person"),
        translate("Invitations", "Phone"),
        translate("Invitations", "Agreed to be contacted"),
    ]


def export_invitations(
    database: Database,
    path: str | Path,
    *,
    event_id: int | str | None = None,
    per_patent: int = 10,
) -> int:
    """Write the invitation list of an event (default: the most recent); returns its rows."""
    from roadshow_desk.domain.events import resolve_event
    from roadshow_desk.exchange.writers import write_table
    from roadshow_desk.store.matching import invitations

    with database.session() as session:
        event = resolve_event(session, event_id)
        rows = invitations(session, event.id, per_patent=per_patent)
    yes, no = translate("Invitations", "yes"), translate("Invitations", "no")
    header = invitation_header()
    write_table(
        path,
        header,
        (
            [
                row.application_no,
                row.title,
                row.enterprise,
                row.points,
                row.reasons,
                row.contact_person,
                row.phone,
                yes if row.consent else no,
            ]
            for row in rows
        ),
        sheet_name=translate("Invitations", "Invitations"),
        widths={header[1]: 36.0, header[2]: 28.0, header[4]: 48.0},
    )
    return len(rows)
