"""How two versions of one record become one: the merge rules, as pure functions.

A record version is its fields in bundle form (JSON values) and its field clock
(``{field: [time, station, base]}``, see :mod:`roadshow_desk.domain.sync_clock`).
:func:`merge_record` is symmetric in its two versions, so merging bundles in any order gives
the same record, and merging a version into itself (or into a record that already holds
it) gives the record back, so merging twice changes nothing. Per field:

* equal values: kept, with the newer clock entry;
* only one side edited the field (has a clock entry): that side's value;
* neither side has a clock entry (a write the clock did not see): the newer record's value;
* both edited it on the same station: the later edit;
* one edit was made from the other's value (its ``base``): that later edit;
* otherwise two stations changed the same field differently: a **conflict** -- the value of
  the later edit stands (so every order gives the same database) and the other value is
  kept in the conflict for review.

Special fields: a check-in (``checked_in_at``, ``checked_in_station``) -- the first one
that was not taken back wins: both versions' check-ins and their logs (``check_ins``) are
joined and settled by :mod:`roadshow_desk.domain.check_in_log`, so an undo at a desk wins
over the check-in it took back in whatever order the bundles come, and a version without a
log (an older bundle) merges as before; an intention's capture time and station never
change. A record deleted on one station
and edited on another *after* the deletion is kept (``kept_after_delete``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from roadshow_desk.domain import check_in_log
from roadshow_desk.domain.bundle_schema import TableSpec

Clock = dict[str, list[Any]]
#: Field pairs merged as one: the earliest non-empty pair wins.
FIRST_WINS: dict[str, tuple[str, str]] = {
    "intention": ("captured_at", "captured_station"),
}
#: A registration's check-in and its log: the earliest check-in not taken back wins.
CHECK_IN = ("checked_in_at", "checked_in_station", "check_ins")


@dataclass
class Merged:
    record: dict[str, Any]
    clock: Clock
    conflicts: list[tuple[str, Any, Any]] = field(default_factory=list)
    """(field, the value that stands, the other value)."""
    kept_after_delete: bool = False
    second_check_in: tuple[Any, Any] | None = None
    """(time, station) of a later check-in that lost to the first one."""


def _entry_key(entry: list[Any]) -> tuple[str, str, str]:
    return (str(entry[0]), str(entry[1]), repr(entry[2]))


def _newer_entry(a: list[Any] | None, b: list[Any] | None) -> list[Any] | None:
    if a is None:
        return b
    if b is None:
        return a
    return a if _entry_key(a) >= _entry_key(b) else b


def _record_key(record: dict[str, Any]) -> tuple[str, str]:
    return (str(record.get("updated_at") or ""), str(record.get("station") or ""))


def _value_key(value: Any) -> str:
    return repr(value)


def merge_record(
    spec: TableSpec,
    local: dict[str, Any],
    local_clock: Clock,
    incoming: dict[str, Any],
    incoming_clock: Clock,
) -> Merged:
    """One record from two versions of it (see the module)."""
    record: dict[str, Any] = {"uuid": min(local["uuid"], incoming["uuid"])}
    clock: Clock = {}
    conflicts: list[tuple[str, Any, Any]] = []
    newer_record = local if _record_key(local) >= _record_key(incoming) else incoming
    pair = FIRST_WINS.get(spec.name, ())
    special = CHECK_IN if spec.name == "registration" else pair
    for name in spec.data_fields:
        if name in special:  # their own rules below; a clock entry says nothing more
            continue
        lv, iv = local.get(name), incoming.get(name)
        lc, ic = local_clock.get(name), incoming_clock.get(name)
        if lv == iv:
            value, entry = lv, _newer_entry(lc, ic)
        elif lc is None and ic is None:
            if _record_key(local) != _record_key(incoming):
                value, entry = newer_record.get(name), None
            else:  # same time and station: any fixed rule
                value, entry = max(lv, iv, key=_value_key), None
        elif ic is None:
            value, entry = lv, lc
        elif lc is None:
            value, entry = iv, ic
        elif lc[1] == ic[1]:  # one station's later edit
            value, entry = (lv, lc) if _entry_key(lc) >= _entry_key(ic) else (iv, ic)
        elif ic[2] == lv and lc[2] != iv:  # the incoming edit was made from our value
            value, entry = iv, ic
        elif lc[2] == iv and ic[2] != lv:  # ours was made from theirs
            value, entry = lv, lc
        else:
            if (_entry_key(lc), _value_key(lv)) >= (_entry_key(ic), _value_key(iv)):
                value, entry, other = lv, lc, iv
            else:
                value, entry, other = iv, ic, lv
            if name != "deleted_at":  # two deletions (or a deletion and a restore): the later
                conflicts.append((name, value, other))
        record[name] = value
        if entry is not None:
            clock[name] = entry
    second: tuple[Any, Any] | None = None
    if pair:
        at, where = pair
        candidates = sorted(
            {
                (str(v[at]), str(v.get(where) or ""))
                for v in (local, incoming)
                if v.get(at) is not None
            }
        )
        if candidates:
            record[at], record[where] = candidates[0]
            if len(candidates) > 1:
                second = candidates[1]
        else:
            record[at], record[where] = None, ""
    if spec.name == "registration":
        second = _settle_check_in(record, local, incoming)
    newest = max(_record_key(local), _record_key(incoming))
    record["updated_at"], record["station"] = newest[0] or None, newest[1]
    kept = False
    deleted_at = record.get("deleted_at")
    if deleted_at is not None:
        edits = [str(e[0]) for f, e in clock.items() if f != "deleted_at"]
        if edits and max(edits) > str(deleted_at):
            record["deleted_at"] = None
            kept = True
    return Merged(record, clock, conflicts, kept, second)


def _settle_check_in(
    record: dict[str, Any], local: dict[str, Any], incoming: dict[str, Any]
) -> tuple[Any, Any] | None:
    """Write the registration's check-in and log into ``record``; return a later check-in
    of the other version that lost to the one that stands (to report), if any."""
    at, where, log_name = CHECK_IN
    states = [
        check_in_log.state_of(v.get(at), v.get(where), v.get(log_name)) for v in (local, incoming)
    ]
    joined = check_in_log.join(*states)
    record[at], record[where], record[log_name] = check_in_log.settle(joined)
    shown = {
        (check_in_log.iso(v.get(at)), str(v.get(where) or ""))
        for v in (local, incoming)
        if v.get(at) is not None
    }
    alive = set(check_in_log.live(joined))
    losers = sorted(key for key in shown if key in alive and key != (record[at], record[where]))
    return losers[0] if losers and len(shown) > 1 else None
