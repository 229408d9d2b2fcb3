"""Child processes of the bundle SIGKILL test: merge a bundle until killed.

Usage: ``python bundle_merge_child.py BUNDLE``

A *zygote*: it imports the store and the merge once, then for every ``go DB_PATH`` line on
its standard input forks a merger and prints ``pid <pid>``. The merger opens the database,
prints ``ready``, merges the bundle (backup, one transaction, commit) and prints ``done``.
The test kills it with SIGKILL at a random moment; the zygote reaps it and prints
``dead <pid>``.
"""

from __future__ import annotations

import os
import sys


def merge_once(path: str, bundle: str) -> None:
    from roadshow_desk.exchange.bundle_merge import merge_bundles
    from roadshow_desk.store.db import open_database

    database = open_database(f"sqlite:///{path}", backup=False)
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    merge_bundles(database, [bundle], station="O")
    sys.stdout.write("done\n")
    sys.stdout.flush()


def main() -> None:
    bundle = sys.argv[1]
    from sqlalchemy.orm import configure_mappers

    import roadshow_desk.exchange.bundle_merge
    import roadshow_desk.store.db  # noqa: F401

    configure_mappers()
    for line in sys.stdin:
        command, _, path = line.strip().partition(" ")
        if command != "go":
            break
        sys.stdout.flush()
        pid = os.fork()
        if pid == 0:
            try:
                merge_once(path, bundle)
            finally:
                os._exit(0)
        sys.stdout.write(f"pid {pid}\n")
        sys.stdout.flush()
        os.waitpid(pid, 0)
        sys.stdout.write(f"dead {pid}\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
