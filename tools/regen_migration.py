"""Regenerate the newest *unreleased* migration from the models.

While a revision has not shipped (its docstring says ``UNRELEASED``), schema changes are
folded into it rather than stacked as new files: edit ``domain/models.py``, then run

    .venv/bin/python tools/regen_migration.py

Once a revision ships, remove ``UNRELEASED`` from it, add the next id to
``store/migrations/__init__.py::KNOWN_REVISIONS`` and run this again to create that file.

Hand-written steps (moving data before a column goes) survive regeneration when they are
fenced like this inside ``upgrade()`` or ``downgrade()``::

    # >>> hand-written: kept by tools/regen_migration.py, before the line that follows
    op.execute("INSERT INTO patent_score (patent_id, score) SELECT id, score FROM patent ...")
    # <<< hand-written
    with op.batch_alter_table("patent", schema=None) as batch_op:

The block goes back right before the first line of the same function that reads like the
line after it (its anchor). When the regenerated file has no such line, nothing is
changed: the old file stays, the new one is written beside it as ``*.py.regenerated``.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
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
BLOCK_START = "# >>> hand-written"
BLOCK_END = "# <<< hand-written"


@dataclass(frozen=True)
class Block:
    """A hand-written block of a migration: its function, lines and anchor line."""

    function: str
    lines: list[str]
    anchor: str


def _function_of(line: str, current: str) -> str:
    match = re.match(r"def (\w+)\(", line)
    return match.group(1) if match else current


def hand_written_blocks(text: str) -> list[Block]:
    """The fenced blocks of a migration file, each with the line that follows it."""
    lines = text.splitlines()
    blocks: list[Block] = []
    function = ""
    index = 0
    while index < len(lines):
        function = _function_of(lines[index], function)
        if not lines[index].strip().startswith(BLOCK_START):
            index += 1
            continue
        end = next(
            (i for i in range(index, len(lines)) if lines[i].strip().startswith(BLOCK_END)), None
        )
        if end is None:
            raise ValueError(f"line {index + 1}: {BLOCK_START!r} without {BLOCK_END!r}")
        anchor = next((line for line in lines[end + 1 :] if line.strip()), "")
        blocks.append(Block(function, lines[index : end + 1], anchor.strip()))
        index = end + 1
    return blocks


def put_back(text: str, blocks: list[Block]) -> tuple[str, list[Block]]:
    """``text`` with each block before its anchor; the blocks whose anchor is missing."""
    lines = text.splitlines()
    missing = []
    for block in blocks:
        function = ""
        for index, line in enumerate(lines):
            function = _function_of(line, function)
            if function == block.function and block.anchor and line.strip() == block.anchor:
                lines[index:index] = block.lines
                break
        else:
            missing.append(block)
    return "\n".join(lines) + "\n", missing


def _tidy(path: Path) -> None:
    ruff = Path(sys.executable).with_name("ruff")
    subprocess.run([str(ruff), "check", "--fix", "-q", str(path)], check=False, capture_output=True)
    subprocess.run([str(ruff), "format", "-q", str(path)], check=False)


def main() -> int:
    existing = {
        m.group(1): path
        for path in VERSIONS.glob("*.py")
        if (m := re.search(r"^revision: str = ['\"]([^'\"]+)['\"]", path.read_text(), re.M))
    }
    head_file = existing.get(HEAD_REVISION)
    old_text = ""
    if head_file is not None:
        old_text = head_file.read_text()
        if "UNRELEASED" not in old_text:
            print(f"Revision {HEAD_REVISION} is released; add a new revision id first.")
            return 1
    blocks = hand_written_blocks(old_text)  # before the file goes: a broken fence stops here
    if head_file is not None:
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
    _tidy(target)  # formatted first, so that the anchors read as in the old file
    text, missing = put_back(target.read_text(), blocks)
    if missing:
        rejected = target.with_name(target.name + ".regenerated")
        rejected.write_text(text)
        target.unlink()
        (head_file or target).write_text(old_text)
        for block in missing:
            print(f"No line {block.anchor!r} in {block.function}() for the hand-written block:")
            print("\n".join(block.lines))
        print(f"Kept the old migration; the regenerated one is {rejected}: move the blocks.")
        return 1
    target.write_text(text)
    _tidy(target)
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
