"""The print page's fixtures: the event database of the document tests."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "documents"))

from samples import fill_print_db


@pytest.fixture
def print_context(app_context: Any) -> tuple[Any, dict[str, Any]]:
    """The window's context over a database with an event ready to print."""
    expected = fill_print_db(app_context.database)
    return app_context, expected
