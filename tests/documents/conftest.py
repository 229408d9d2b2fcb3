"""Fixtures for the printed documents: the registered font, and a small event database."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from samples import MARKUP_TITLE, fill_print_db  # noqa: F401 - re-exported for the tests

from roadshow_desk import i18n


@pytest.fixture(scope="session")
def font() -> str:
    from roadshow_desk.documents.fonts import register_reportlab_font, require_cjk_font

    return register_reportlab_font(require_cjk_font())


@pytest.fixture
def chinese() -> Iterator[None]:
    """Translate through the zh_CN catalogues (as a Chinese system does)."""
    from roadshow_desk.ui.translations import install_translation_hook

    install_translation_hook("zh_CN")
    yield
    i18n.install_hook(None)


@pytest.fixture
def print_db(db: Any) -> tuple[Any, dict[str, Any]]:
    return db, fill_print_db(db)
