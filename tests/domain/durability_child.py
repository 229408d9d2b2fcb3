"""Child processes of the durability test: record intentions until killed with SIGKILL.

Usage: ``python durability_child.py DB_URL ENTERPRISE_ID``

This process is a *zygote*: it imports the store and the capture module once, then for every
``go PATENT_ID`` line on its standard input forks a recorder and prints ``pid <pid>``. The
recorder opens the database, prints ``ready``, and then records intentions for that patent
one after another through :func:`roadshow_desk.store.intentions.record_intention` -- the
capture panel's code path, which rescores the patent in the same transaction -- printing
``ack <id> <uuid>`` (flushed) after each call returned, the moment the desk would show
"saved". The test kills the recorder at a
random moment; the zygote reaps it and prints ``dead <pid>``, so every line the recorder wrote
comes before that marker. Forking from a warm zygote makes each recorder start in
milliseconds, which keeps 200 kills within a minute.
"""

from __future__ import annotations

import os
import sys


def record_forever(url: str, station: str, enterprise_id: int, patent_id: int) -> None:
    from roadshow_desk.domain.capture import IntentionDraft
    from roadshow_desk.domain.enums import IntentionKind
    from roadshow_desk.store.db import open_database
    from roadshow_desk.store.intentions import record_intention

    database = open_database(url, backup=False)
    out = sys.stdout
    out.write("ready\n")
    out.flush()
    kinds = list(IntentionKind)
    number = 0
    while True:
        kind = kinds[number % len(kinds)]
        recorded = record_intention(
            database,
            IntentionDraft(
                enterprise_id=enterprise_id,
                patent_id=patent_id,
                kind=kind,
                prospect_rating=3 if kind is IntentionKind.NO_DEMAND else None,
                notes=f"{station} #{number}",
            ),
            station=station,
        )
        out.write(f"ack {recorded.id} {recorded.uuid}\n")
        out.flush()
        number += 1


def main() -> None:
    url, enterprise_id = sys.argv[1], int(sys.argv[2])
    # Warm up: import everything a recorder needs before forking.
    from sqlalchemy.orm import configure_mappers

    import roadshow_desk.store.db
    import roadshow_desk.store.intentions  # noqa: F401

    configure_mappers()

    for round_number, line in enumerate(sys.stdin, start=1):
        command, _, patent = line.strip().partition(" ")
        if command != "go":
            break
        patent_id = int(patent)
        sys.stdout.flush()
        pid = os.fork()
        if pid == 0:
            try:
                record_forever(url, f"kill-{round_number}", enterprise_id, patent_id)
            finally:
                os._exit(1)
        sys.stdout.write(f"pid {pid}\n")
        sys.stdout.flush()
        os.waitpid(pid, 0)
        sys.stdout.write(f"dead {pid}\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
