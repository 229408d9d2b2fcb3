"""Every document rendered from an event database, and the CLI commands that write them."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path
from typing import Any

import pdfcheck
import pytest
from samples import MARKUP_TITLE

from roadshow_desk.cli import main as cli_main
from roadshow_desk.documents.data import local_time, other_field
from roadshow_desk.documents.render import KINDS, PrintOptions, render_document
from roadshow_desk.domain.payloads import enterprise_payload, patent_payload, signup_url
from roadshow_desk.errors import InputError


def squash(text: str) -> str:
    return "".join(text.split())


def _all_codes(pdf: Path, folder: Path) -> list[list[str]]:
    return [sorted(pdfcheck.qr_codes(image)) for image in pdfcheck.rasterise(pdf, folder, 150)]


def test_brochure_follows_the_shortlist(
    print_db: tuple[Any, dict[str, Any]], tmp_path: Path
) -> None:
    database, expected = print_db
    out = tmp_path / "brochure.pdf"
    written = render_document("brochure", database, out, PrintOptions(paper="A5", per_page=2))
    assert written.pages == len(pdfcheck.page_texts(out))
    pdfcheck.assert_only_embedded_cjk(out)
    outline = pdfcheck.outline(out)
    shortlist = expected["shortlist"]
    # fields in order of first appearance on the shortlist, patents in shortlist order
    fields: dict[str, list[str]] = {}
    for _number, title, field in shortlist:
        fields.setdefault(field or other_field(), []).append(title)
    assert [t for d, t, _p in outline if d == 1] == [t for ts in fields.values() for t in ts]
    assert [t for d, t, _p in outline if d == 0 and t in fields] == list(fields)
    text = squash("".join(pdfcheck.page_texts(out)))
    assert squash(MARKUP_TITLE) in text
    template = "https://signup.example.cn/路演/{event}?patent={application_no}"
    codes = [c for page in _all_codes(out, tmp_path / "img") for c in page]
    expected_codes = [signup_url(template, expected["event_uuid"], n) for n, _t, _f in shortlist]
    assert sorted(codes) == sorted([*expected_codes, signup_url(template, expected["event_uuid"])])


def test_excluded_and_deleted_entries_are_not_printed(
    print_db: tuple[Any, dict[str, Any]], tmp_path: Path
) -> None:
    database, expected = print_db
    from sqlalchemy import select

    from roadshow_desk.domain.models import Patent, ShortlistEntry

    with database.session() as session:
        left_out = session.scalars(
            select(Patent.application_no)
            .join(ShortlistEntry, ShortlistEntry.patent_id == Patent.id)
            .where((ShortlistEntry.included.is_(False)) | (ShortlistEntry.deleted_at.is_not(None)))
        ).all()
    assert len(left_out) == 2
    out = tmp_path / "cards.pdf"
    written = render_document("cards", database, out)
    assert written.pages == len(expected["shortlist"])
    text = "".join(pdfcheck.page_texts(out))
    for number in left_out:
        assert number not in text


def test_booth_cards_both_faces_decode(
    print_db: tuple[Any, dict[str, Any]], tmp_path: Path
) -> None:
    database, expected = print_db
    out = tmp_path / "cards.pdf"
    render_document("cards", database, out)
    pdfcheck.assert_only_embedded_cjk(out)
    texts = pdfcheck.page_texts(out)
    template = "https://signup.example.cn/路演/{event}?patent={application_no}"
    codes = _all_codes(out, tmp_path / "img")
    assert len(codes) == len(expected["shortlist"])
    for page_codes, text, (number, title, _f) in zip(
        codes, texts, expected["shortlist"], strict=True
    ):
        link = signup_url(template, expected["event_uuid"], number)
        assert page_codes == [link, link]  # the upright face and the one turned over
        assert squash(title) in squash(text)
        assert number in text
    assert pdfcheck.page_sizes(out)[0] == pytest.approx((841.89, 595.28), abs=0.1)


def test_badges_for_registered_or_checked_in(
    print_db: tuple[Any, dict[str, Any]], tmp_path: Path
) -> None:
    database, expected = print_db
    out = tmp_path / "badges.pdf"
    render_document("badges", database, out)
    pdfcheck.assert_only_embedded_cjk(out)
    codes = [c for page in _all_codes(out, tmp_path / "a") for c in page]
    assert sorted(codes) == sorted(enterprise_payload(u) for u in expected["enterprise_uuids"])
    text = squash("".join(pdfcheck.page_texts(out)))
    assert squash("浙江<某某>&新材料有限公司") in text
    render_document("badges", database, out, PrintOptions(checked_in_only=True))
    codes = [c for page in _all_codes(out, tmp_path / "b") for c in page]
    assert sorted(codes) == sorted(enterprise_payload(u) for u in expected["checked_in_uuids"])


def test_signup_sheets_for_the_event_and_a_session(
    print_db: tuple[Any, dict[str, Any]], tmp_path: Path
) -> None:
    database, expected = print_db
    link = signup_url(
        "https://signup.example.cn/路演/{event}?patent={application_no}", expected["event_uuid"]
    )
    out = tmp_path / "event.pdf"
    written = render_document("signup-sheet", database, out, PrintOptions(signup_pages=2))
    assert written.pages == 2
    pdfcheck.assert_only_embedded_cjk(out)
    assert _all_codes(out, tmp_path / "a") == [[link], [link]]
    texts = pdfcheck.page_texts(out)
    assert "Page 2 of 2" in texts[1]
    assert link in squash(texts[0])  # the link printed for those who type it
    session_id = expected["session_ids"][1]
    out = tmp_path / "session.pdf"
    render_document("signup-sheet", database, out, PrintOptions(session_id=session_id))
    assert _all_codes(out, tmp_path / "b") == [[link]]
    text = pdfcheck.page_texts(out)[0]
    assert "生物医药与<智能>制造专场" in text
    assert f"{local_time(dt.datetime(2025, 3, 14, 13, 30)):%H:%M}" in text
    with pytest.raises(InputError, match="no roadshow session 999"):
        render_document("signup-sheet", database, out, PrintOptions(session_id=999))


def test_signup_sheet_needs_a_link(db: Any, tmp_path: Path) -> None:
    from samples import fill_print_db

    fill_print_db(db, signup=False)
    out = tmp_path / "s.pdf"
    with pytest.raises(InputError, match="no sign-up link"):
        render_document("signup-sheet", db, out)
    assert not out.exists()
    # the brochure then carries the patents' own codes for the desk scanners
    render_document("brochure", db, out)
    codes = [c for page in _all_codes(out, tmp_path / "i") for c in page]
    assert codes and all(c.startswith("RSD1:P:CN") for c in codes)
    for code in codes:
        assert patent_payload(code.split(":", 2)[2]) == code


def test_agenda_lists_sessions_and_slot_times(
    print_db: tuple[Any, dict[str, Any]], tmp_path: Path
) -> None:
    database, _expected = print_db
    out = tmp_path / "agenda.pdf"
    render_document("agenda", database, out, PrintOptions(paper="A5"))
    pdfcheck.assert_only_embedded_cjk(out)
    texts = pdfcheck.page_texts(out)
    text = "".join(texts)
    outline = [t for _d, t, _p in pdfcheck.outline(out)]
    assert outline == ["新能源与新材料专场", "生物医药与<智能>制造专场"]
    # stored in UTC, printed in local time: the start, then 8, 9, 10, 11, 12 planned minutes
    first = local_time(dt.datetime(2025, 3, 14, 9, 30))
    for minutes in (0, 8, 17, 27, 38, 50):
        assert f"{first + dt.timedelta(minutes=minutes):%H:%M}" in text
    assert f"{first:%H:%M}–{first + dt.timedelta(minutes=50):%H:%M}" in text
    assert f"{first + dt.timedelta(hours=4):%H:%M}" in text
    assert all(f"Page {n} of {len(texts)}" in t for n, t in enumerate(texts, start=1))
    assert pdfcheck.page_sizes(out)[0] == pytest.approx((419.53, 595.28), abs=0.1)


def test_nothing_to_print_is_one_sentence(db: Any, tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    for kind in KINDS:
        with pytest.raises(InputError) as caught:
            render_document(kind, db, out)
        assert "\n" not in str(caught.value)
    assert not out.exists()
    with pytest.raises(InputError, match="no document called"):
        render_document("poster", db, out)


# --------------------------------------------------------------------------- the CLI


@pytest.mark.parametrize(
    ("command", "extra"),
    [
        ("brochure", []),
        ("signup-sheet", []),
        ("cards", []),
        ("badges", []),
        ("agenda", []),
    ],
)
def test_cli_writes_each_document(
    print_db: tuple[Any, dict[str, Any]],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    command: str,
    extra: list[str],
) -> None:
    database, expected = print_db
    out = tmp_path / f"{command}.pdf"
    status = cli_main(
        ["--db", database.url, command, str(out), "--event", str(expected["event_id"]), *extra]
    )
    assert status == 0
    assert out.stat().st_size > 1000
    pages = len(pdfcheck.page_texts(out))
    assert f"(pages: {pages})" in capsys.readouterr().out


def test_cli_signup_sheet_for_a_session(
    print_db: tuple[Any, dict[str, Any]], tmp_path: Path
) -> None:
    database, expected = print_db
    out = tmp_path / "s.pdf"
    assert (
        cli_main(
            [
                "--db",
                database.url,
                "signup-sheet",
                str(out),
                "--session",
                str(expected["session_ids"][0]),
            ]
        )
        == 0
    )
    assert "新能源与新材料专场" in pdfcheck.page_texts(out)[0]


def test_cli_without_event_exits_1_and_writes_nothing(
    db: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "b.pdf"
    assert cli_main(["--db", db.url, "brochure", str(out)]) == 1
    error = capsys.readouterr().err.strip()
    assert error and "\n" not in error
    assert not out.exists()


def test_cli_without_a_font_exits_1_naming_what_to_install(
    print_db: tuple[Any, dict[str, Any]],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from roadshow_desk.documents import fonts

    database, _expected = print_db
    monkeypatch.setattr(fonts, "_font_dirs", lambda: [tmp_path / "none"])
    monkeypatch.setattr(fonts.sys, "platform", "linux")
    monkeypatch.delenv(fonts.ENV_VAR, raising=False)
    fonts._system_font.cache_clear()
    out = tmp_path / "b.pdf"
    try:
        assert cli_main(["--db", database.url, "cards", str(out)]) == 1
    finally:
        fonts._system_font.cache_clear()
    assert "fonts-wqy-microhei" in capsys.readouterr().err
    assert not out.exists()
    monkeypatch.setenv(fonts.ENV_VAR, str(tmp_path / "missing.ttf"))
    assert cli_main(["--db", database.url, "cards", str(out)]) == 1
    assert "missing.ttf does not exist" in capsys.readouterr().err


def test_cli_unknown_event_exits_1(
    print_db: tuple[Any, dict[str, Any]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database, _expected = print_db
    out = tmp_path / "a.pdf"
    assert cli_main(["--db", database.url, "agenda", str(out), "--event", "4711"]) == 1
    assert "4711" in capsys.readouterr().err
    assert not out.exists()


def test_page_count_of_badges(print_db: tuple[Any, dict[str, Any]], tmp_path: Path) -> None:
    database, expected = print_db
    written = render_document("badges", database, tmp_path / "b.pdf")
    assert written.pages == math.ceil(len(expected["enterprise_uuids"]) / 8)
