"""A desk process of the concurrency test: captures intentions and races check-ins.

Usage: ``python pg_desk_child.py DB_URL STATION EVENT_ID CAPTURES PATENT_IDS BADGES_FILE``

Waits for a line on standard input (so all desks start together), then records ``CAPTURES``
intentions through the panel's path (``store.intentions.record_intention``: the insert and
the patent's rescore in one transaction), cycling over the enterprises of the badges and the
patents, and after every fifth capture scans the next badge of the file (the same badges, in
the same order, at every desk: each one is scanned by all desks in the same second). Prints
one JSON line: the intention uuids it was told were saved and the badges it checked in first.
"""

from __future__ import annotations

import json
import sys


def main() -> None:
    url, station, event_id, captures = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    patent_ids = [int(value) for value in sys.argv[5].split(",")]
    with open(sys.argv[6], encoding="utf-8") as handle:
        badges = json.load(handle)  # [[payload, enterprise_id], ...]

    from roadshow_desk.domain.capture import IntentionDraft
    from roadshow_desk.domain.checkin import check_in_by_scan
    from roadshow_desk.domain.enums import IntentionKind
    from roadshow_desk.store.db import open_database
    from roadshow_desk.store.intentions import record_intention

    database = open_database(url, backup=False)
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    sys.stdin.readline()
    saved: list[str] = []
    first: list[str] = []
    kinds = [kind for kind in IntentionKind if kind is not IntentionKind.NO_DEMAND]
    for number in range(captures):
        recorded = record_intention(
            database,
            IntentionDraft(
                enterprise_id=badges[number % len(badges)][1],
                patent_id=patent_ids[number % len(patent_ids)],
                kind=kinds[number % len(kinds)],
                notes=f"{station} #{number}",
                event_id=event_id,
            ),
            station=station,
        )
        saved.append(recorded.uuid)
        if number % 5 == 4:
            payload = badges[(number // 5) % len(badges)][0]
            with database.session() as session:
                result = check_in_by_scan(session, event_id, payload, station=station)
                if result.first:
                    first.append(payload)
    database.dispose()
    sys.stdout.write(json.dumps({"saved": saved, "first": first}) + "\n")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
