"""Regenerate the newest *unreleased* migration from the models.

While a revision has not shipped (its docstring says ``UNRELEASED``), schema changes are
folded into it rather than stacked as new files: edit ``domain/models.py``, then run

    .venv/bin/python tools/regen_migration.py

Once a revision ships, remove ``UNRELEASED`` from it, add the next id to
``store/migrations/__init__.py::KNOWN_REVISIONS`` and run this again to create that file.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine

from roadshow_desk.store.migrations import HEAD_REVISION, KNOWN_REVISIONS, alembic_config

VERSIONS = Path(__file__).resolve().parents[1] / "src/roadshow_desk/store/migrations/versions"
MESSAGES = {
    "0001": "Whole schema of the first release",
    "0002": "Search, screening, fair-day and print additions",
}


def main() -> int:
    existing = {
        m.group(1): path
        for path in VERSIONS.glob("*.py")
        if (m := re.search(r"^revision: str = ['\"]([^'\"]+)['\"]", path.read_text(), re.M))
    }
    head_file = existing.get(HEAD_REVISION)
    if head_file is not None:
        if "UNRELEASED" not in head_file.read_text():
            print(f"Revision {HEAD_REVISION} is released; add a new revision id first.")
            return 1
        head_file.unlink()
    index = KNOWN_REVISIONS.index(HEAD_REVISION)
    down = KNOWN_REVISIONS[index - 1] if index else None
    with tempfile.TemporaryDirectory() as folder:
        engine = create_engine(f"sqlite:///{folder}/regen.sqlite3")
        with engine.begin() as connection:
            config = alembic_config(connection)
            if down is not None:
                command.upgrade(config, down)
            message = MESSAGES.get(HEAD_REVISION, f"Revision {HEAD_REVISION}") + " (UNRELEASED)"
            command.revision(config, message=message, autogenerate=True, rev_id=HEAD_REVISION)
        engine.dispose()
    script = ScriptDirectory.from_config(alembic_config())
    new_file = Path(script.get_revision(HEAD_REVISION).path)  # type: ignore[union-attr]
    target = VERSIONS / f"{HEAD_REVISION}_schema.py"
    if target.exists():
        target.unlink()
    new_file.rename(target)
    ruff = Path(sys.executable).with_name("ruff")
    subprocess.run(
        [str(ruff), "check", "--fix", "-q", str(target)], check=False, capture_output=True
    )
    subprocess.run([str(ruff), "format", "-q", str(target)], check=False)
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
