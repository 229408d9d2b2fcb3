"""Documents speak the event's language (Chinese by default) even on a machine whose locale
is English; the event's setting chooses English, and the CLI's ``--lang`` overrides it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pdfcheck
import pytest

from roadshow_desk.domain.models import Event


def _agenda(url: str, out: Path, *lang: str) -> str:
    env = {**os.environ, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
    env.pop("LANGUAGE", None)
    done = subprocess.run(
        [sys.executable, "-m", "roadshow_desk.cli", "--db", url, *lang, "agenda", str(out)],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr
    return "".join(pdfcheck.page_texts(out))


@pytest.mark.parametrize(
    ("setting", "lang", "chinese"),
    [
        ("zh_CN", (), True),  # the default, on an English locale
        ("en", (), False),  # an international fair
        ("zh_CN", ("--lang", "en"), False),  # --lang overrides
        ("en", ("--lang", "zh_CN"), True),
    ],
)
def test_agenda_in_the_events_language_with_an_english_locale(
    print_db: tuple[Any, dict[str, Any]],
    tmp_path: Path,
    setting: str,
    lang: tuple[str, ...],
    chinese: bool,
) -> None:
    database, _expected = print_db
    with database.session() as session:
        for event in session.query(Event):
            assert event.document_language == "zh_CN"  # what a new event gets
            event.document_language = setting
    text = _agenda(str(database.url), tmp_path / "agenda.pdf", *lang)
    assert "新能源与新材料专场" in text  # the content is the content
    if chinese:
        assert "时间" in text and "路演人" in text
        assert "Presenter" not in text and "Minutes" not in text
    else:
        assert "Presenter" in text and "Minutes" in text
        assert "时间" not in text
