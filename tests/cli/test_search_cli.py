"""``roadshow-desk search`` per the CLI contract."""

from __future__ import annotations

import json

import pytest

from roadshow_desk.cli import main
from roadshow_desk.domain.identifiers import check_character
from roadshow_desk.domain.models import Patent
from roadshow_desk.store.db import Database

TITLES = ["一种固态锂电池电解质", "储能电站的电池管理系统", "芯片封装结构", "电池", "陶瓷烧结方法"]


@pytest.fixture
def library(db: Database) -> Database:
    with db.session() as session:
        for n, title in enumerate(TITLES):
            digits = f"20221{n:07d}"
            session.add(
                Patent(
                    station="t",
                    application_no=f"CN{digits}.{check_character(digits)}",
                    title=title,
                    abstract="用于电池" if n == 4 else "",
                )
            )
    return db


def test_json_hits_title_first(library: Database, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "电池", "--db", library.url, "--json", "--limit", "0"]) == 0
    payload = json.loads(capsys.readouterr().out)
    titles = [hit["title"] for hit in payload["hits"]]
    assert payload["total"] == 4 and len(titles) == 4
    assert titles[-1] == "陶瓷烧结方法"  # only its abstract holds 电池
    assert set(titles[:3]) == {"一种固态锂电池电解质", "储能电站的电池管理系统", "电池"}
    assert all(hit["application_no"].startswith("CN2022") for hit in payload["hits"])


def test_limit_and_plain_output(library: Database, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "电池", "--db", library.url, "--limit", "2"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3 and "2 of 4" in lines[-1]
    number, title = lines[0].split("\t")
    assert number.startswith("CN") and "电池" in title


def test_application_number_in_any_form(
    library: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    digits = "202210000002"
    query = "".join(chr(ord(c) + 0xFEE0) for c in digits)  # full width, no check digit
    assert main(["search", query, "--db", library.url, "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)["hits"]
    assert [hit["title"] for hit in hits] == ["芯片封装结构"]
    assert hits[0]["application_no"] == f"CN{digits}.{check_character(digits)}"


def test_no_hit_and_bad_input(library: Database, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "不存在", "--db", library.url]) == 0
    assert capsys.readouterr().out.strip() == "No patent matches."
    assert main(["search", "   ", "--db", library.url]) == 1
    assert "empty" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exited:
        main(["search", "电池", "--db", library.url, "--limit", "-3"])
    assert exited.value.code == 2
