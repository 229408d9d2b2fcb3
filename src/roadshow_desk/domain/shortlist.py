"""An event's shortlist: which patents, in what order, included or not, tags and notes.

Every change is a plain function on a ``Session`` (the caller commits) that returns what
its inverse needs, so an undo command is two calls:

============================  ===================================================
do                            undo
============================  ===================================================
``add_patents``               ``remove_patents`` of the patents it returned
``remove_patents``            ``restore_entries`` of the snapshots it returned
``move_patents``              ``set_order`` of the order it returned
``group_by_field``            ``set_order`` of the order it returned
``set_inclusion``             ``set_inclusion`` with the old values it returned
``set_tags``                  ``set_tags`` with the old tags it returned
``set_presenter_notes``       ``set_presenter_notes`` with the old notes
============================  ===================================================

Entries are never deleted (bundles merge by uuid): removing one tombstones it, adding the
patent again revives the same row. Live entries keep dense positions 0, 1, 2, …
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, contains_eager

from roadshow_desk.domain.models import (
    Event,
    Patent,
    ShortlistEntry,
    join_list,
    split_list,
    utcnow,
)
from roadshow_desk.domain.records import live, set_deleted
from roadshow_desk.errors import InputError
from roadshow_desk.i18n import translate

CONTEXT = "Shortlist"


class ShortlistError(InputError):
    """A shortlist change that cannot be made (one sentence for the user)."""


@dataclass(frozen=True)
class EntrySnapshot:
    """Everything the organiser set on an entry, to put it back after a removal."""

    patent_id: int
    position: int
    included: bool
    exclusion_reason: str
    tags: str
    presenter_notes: str


# --------------------------------------------------------------------------- reading


def shortlist_in_order(
    session: Session, event_id: int, *, included_only: bool = False
) -> list[ShortlistEntry]:
    """The event's shortlist as everyone shows it: live entries of live patents, in order.

    The one reading of "the event's shortlist" for the page, the export, the brochure and
    cards, the roadshow sessions built from it, the invitations and the intention forms'
    booth numbers. An entry whose patent was deleted (a tombstone merged from another
    station) is left out everywhere; ``included_only`` also leaves out the patents the
    organiser excluded. Each entry comes with its ``patent`` (and the patent's
    ``institution``) loaded.
    """
    statement = (
        select(ShortlistEntry)
        .join(Patent, Patent.id == ShortlistEntry.patent_id)
        .where(
            ShortlistEntry.event_id == event_id,
            ShortlistEntry.deleted_at.is_(None),
            Patent.deleted_at.is_(None),
        )
        .order_by(ShortlistEntry.position, ShortlistEntry.id)
        .options(contains_eager(ShortlistEntry.patent).selectinload(Patent.institution))
    )
    if included_only:
        statement = statement.where(ShortlistEntry.included.is_(True))
    return list(session.scalars(statement))


def live_entries(session: Session, event_id: int) -> list[ShortlistEntry]:
    """The event's live entries in the organiser's order, as the page shows them.

    The same list as :func:`shortlist_in_order` (an entry of a deleted patent is not
    there), so a row of the page is a position here: moves, drops and positions count
    what the organiser sees. A hidden entry keeps its old position and comes back near it
    if its patent is restored."""
    return shortlist_in_order(session, event_id)


def order(session: Session, event_id: int) -> list[int]:
    """Patent ids of the live entries, in order."""
    return [entry.patent_id for entry in live_entries(session, event_id)]


def entry(session: Session, event_id: int, patent_id: int) -> ShortlistEntry:
    found = session.scalar(
        select(ShortlistEntry).where(
            ShortlistEntry.event_id == event_id,
            ShortlistEntry.patent_id == patent_id,
            ShortlistEntry.deleted_at.is_(None),
        )
    )
    if found is None:
        raise ShortlistError(translate("Shortlist", "That patent is not on the shortlist."))
    return found


def _event(session: Session, event_id: int) -> Event:
    event = live(session, Event, event_id)
    if event is None:
        raise ShortlistError(translate("Shortlist", "The event no longer exists."))
    return event


def _renumber(entries: Sequence[ShortlistEntry], station: str) -> None:
    for position, item in enumerate(entries):
        if item.position != position:
            item.position = position
            item.station = station or item.station


# --------------------------------------------------------------------------- membership


@dataclass(frozen=True)
class Addition:
    """What putting some patents on the shortlist did, counted for the person who asked."""

    added: list[int]
    """The patents now put on it (a later undo takes these off again)."""
    already_listed: int
    """How many of those asked for were on the shortlist already."""
    unavailable: int
    """How many were deleted (or unknown) and so not added."""


def add_patents_counted(
    session: Session,
    event_id: int,
    patent_ids: Iterable[int],
    *,
    position: int | None = None,
    station: str = "",
) -> Addition:
    """:func:`add_patents`, also counting what was asked for but not added and why."""
    asked = list(dict.fromkeys(patent_ids))
    listed = set(order(session, event_id))
    added = add_patents(session, event_id, asked, position=position, station=station)
    already = sum(1 for pid in asked if pid in listed)
    return Addition(added, already, len(asked) - already - len(added))


def add_patents(
    session: Session,
    event_id: int,
    patent_ids: Iterable[int],
    *,
    position: int | None = None,
    station: str = "",
) -> list[int]:
    """Put patents on the shortlist at ``position`` (default: the end), in the given order.

    Patents already listed, deleted or unknown are skipped; returns the ids added.
    """
    _event(session, event_id)
    entries = live_entries(session, event_id)
    listed = {item.patent_id for item in entries}
    wanted = list(dict.fromkeys(pid for pid in patent_ids if pid not in listed))
    if not wanted:
        return []
    live_patents = set(
        session.scalars(select(Patent.id).where(Patent.id.in_(wanted), Patent.deleted_at.is_(None)))
    )
    wanted = [pid for pid in wanted if pid in live_patents]
    if not wanted:
        return []
    tombstoned = {
        item.patent_id: item
        for item in session.scalars(
            select(ShortlistEntry).where(
                ShortlistEntry.event_id == event_id,
                ShortlistEntry.patent_id.in_(wanted),
                ShortlistEntry.deleted_at.is_not(None),
            )
        )
    }
    new_items = []
    for patent_id in wanted:
        item = tombstoned.get(patent_id)
        if item is None:
            item = ShortlistEntry(event_id=event_id, patent_id=patent_id, station=station)
            session.add(item)
        else:  # the same row comes back, as a fresh entry
            set_deleted(item, False, station=station)
            item.included = True
            item.exclusion_reason = ""
            item.tags = ""
            item.presenter_notes = ""
        new_items.append(item)
    at = len(entries) if position is None else max(0, min(position, len(entries)))
    _renumber([*entries[:at], *new_items, *entries[at:]], station)
    session.flush()
    return wanted


def remove_patents(
    session: Session, event_id: int, patent_ids: Iterable[int], *, station: str = ""
) -> list[EntrySnapshot]:
    """Take patents off the shortlist (tombstones); returns what :func:`restore_entries`
    needs to put them back exactly."""
    entries = live_entries(session, event_id)
    doomed = set(patent_ids)
    snapshots = []
    now = utcnow()
    for position, item in enumerate(entries):
        if item.patent_id in doomed:
            snapshots.append(
                EntrySnapshot(
                    item.patent_id,
                    position,
                    item.included,
                    item.exclusion_reason,
                    item.tags,
                    item.presenter_notes,
                )
            )
            set_deleted(item, True, station=station, now=now)
    _renumber([item for item in entries if item.patent_id not in doomed], station)
    session.flush()
    return snapshots


def restore_entries(
    session: Session, event_id: int, snapshots: Sequence[EntrySnapshot], *, station: str = ""
) -> None:
    """Put removed entries back at their positions with their settings (undo of remove)."""
    if not snapshots:
        return
    add_patents(session, event_id, [s.patent_id for s in snapshots], station=station)
    by_patent = {item.patent_id: item for item in live_entries(session, event_id)}
    for snapshot in snapshots:
        item = by_patent[snapshot.patent_id]
        item.included = snapshot.included
        item.exclusion_reason = snapshot.exclusion_reason
        item.tags = snapshot.tags
        item.presenter_notes = snapshot.presenter_notes
    rest = [pid for pid in order(session, event_id) if pid not in {s.patent_id for s in snapshots}]
    for snapshot in sorted(snapshots, key=lambda s: s.position):
        rest.insert(min(snapshot.position, len(rest)), snapshot.patent_id)
    set_order(session, event_id, rest, station=station)


# --------------------------------------------------------------------------- order


def set_order(
    session: Session, event_id: int, patent_ids: Sequence[int], *, station: str = ""
) -> list[int]:
    """Put the live entries in this order (ids not listed keep their relative order at the
    end); returns the previous order."""
    entries = live_entries(session, event_id)
    previous = [item.patent_id for item in entries]
    rank = {pid: index for index, pid in enumerate(patent_ids)}
    entries.sort(key=lambda item: (rank.get(item.patent_id, len(rank)), item.position))
    _renumber(entries, station)
    session.flush()
    return previous


def move_patents(
    session: Session,
    event_id: int,
    patent_ids: Sequence[int],
    to_row: int,
    *,
    station: str = "",
) -> list[int]:
    """Move patents (kept in their current relative order) so they start at row ``to_row``
    of the list as it is *before* the move (drag-and-drop semantics: dropping on row r puts
    them before the patent now at row r); returns the previous order."""
    current = order(session, event_id)
    moving = [pid for pid in current if pid in set(patent_ids)]
    if not moving:
        return current
    to_row = max(0, min(to_row, len(current)))
    before = current[:to_row]
    after = current[to_row:]
    staying_before = [pid for pid in before if pid not in moving]
    staying_after = [pid for pid in after if pid not in moving]
    return set_order(session, event_id, staying_before + moving + staying_after, station=station)


def group_by_field(session: Session, event_id: int, *, station: str = "") -> list[int]:
    """Order the shortlist by technical field (fields in order of first appearance, the
    organiser's order kept within a field); returns the previous order."""
    fields = dict(
        session.execute(
            select(Patent.id, Patent.technical_field).where(Patent.id.in_(order(session, event_id)))
        ).all()
    )
    current = order(session, event_id)
    first_seen: dict[str, int] = {}
    for pid in current:
        first_seen.setdefault(fields.get(pid) or "", len(first_seen))
    grouped = sorted(
        current,
        key=lambda pid: (
            (fields.get(pid) or "") == "",  # patents without a field go last
            first_seen[fields.get(pid) or ""],
        ),
    )
    return set_order(session, event_id, grouped, station=station)


@dataclass(frozen=True)
class FieldGroup:
    field: str
    patent_ids: list[int]


def groups(session: Session, event_id: int) -> list[FieldGroup]:
    """The live entries grouped by technical field, in list order of each field's first
    entry (for the brochure and the grouped view)."""
    current = order(session, event_id)
    fields = dict(
        session.execute(
            select(Patent.id, Patent.technical_field).where(Patent.id.in_(current))
        ).all()
    )
    grouped: dict[str, list[int]] = {}
    for pid in current:
        grouped.setdefault(fields.get(pid) or "", []).append(pid)
    return [FieldGroup(field, ids) for field, ids in grouped.items()]


# --------------------------------------------------------------------------- settings


def set_inclusion(
    session: Session,
    event_id: int,
    patent_id: int,
    included: bool,
    reason: str = "",
    *,
    station: str = "",
) -> tuple[bool, str]:
    """Include or exclude a patent (with a reason when excluded); returns the old pair."""
    item = entry(session, event_id, patent_id)
    previous = (item.included, item.exclusion_reason)
    item.included = included
    item.exclusion_reason = "" if included else " ".join(reason.split())
    item.station = station or item.station
    session.flush()
    return previous


def normalise_tags(tags: Iterable[str]) -> list[str]:
    """Tags trimmed, without blanks or repeats (first spelling kept), in the given order."""
    seen: dict[str, str] = {}
    for tag in tags:
        for part in str(tag).replace("；", ";").replace("，", ";").replace(",", ";").split(";"):
            clean = " ".join(part.split())
            if clean and clean.casefold() not in seen:
                seen[clean.casefold()] = clean
    return list(seen.values())


def set_tags(
    session: Session, event_id: int, patent_id: int, tags: Iterable[str], *, station: str = ""
) -> list[str]:
    """Replace a patent's tags; returns the old ones."""
    item = entry(session, event_id, patent_id)
    previous = split_list(item.tags)
    item.tags = join_list(normalise_tags(tags))
    item.station = station or item.station
    session.flush()
    return previous


def set_presenter_notes(
    session: Session, event_id: int, patent_id: int, notes: str, *, station: str = ""
) -> str:
    """Replace the presenter's notes of a patent; returns the old notes."""
    item = entry(session, event_id, patent_id)
    previous = item.presenter_notes
    item.presenter_notes = notes.strip()
    item.station = station or item.station
    session.flush()
    return previous


def all_tags(session: Session, event_id: int) -> list[str]:
    """Every tag used on the event's shortlist (for completion), sorted."""
    found: set[str] = set()
    for item in live_entries(session, event_id):
        found.update(split_list(item.tags))
    return sorted(found)
