"""The CLI contract of ``import`` and ``export`` (DESIGN.md)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from patent_files import file_digest, fixture, write_csv

from roadshow_desk.cli import main
from roadshow_desk.exchange.tables import read_table


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_import_json_counts(capsys, db_url: str) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run(
        capsys, "import", str(fixture("patentics_ragged.csv")), "--db", db_url, "--json"
    )
    assert (code, err) == (0, "")
    payload = json.loads(out)
    assert {
        k: payload[k] for k in ("inserted", "updated", "unchanged", "rejected", "conflicts")
    } == {"inserted": 6, "updated": 0, "unchanged": 0, "rejected": 0, "conflicts": 0}
    code, out, _ = run(
        capsys, "import", str(fixture("patentics_ragged.csv")), "--db", db_url, "--json"
    )
    assert json.loads(out)["unchanged"] == 6


def test_import_summary_line_and_rejects(capsys, db_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = write_csv(
        tmp_path / "x.csv",
        ["申请号", "专利名称"],
        [["CN202210016632.1", "好"], ["CN202210016632.2", "坏"]],
    )
    code, out, _ = run(capsys, "import", str(source), "--db", db_url)
    assert code == 0
    assert (
        out.splitlines()[0] == "1 new, 0 updated, 0 unchanged, 1 rejected, 0 conflicts to review."
    )
    assert "--rejects" in out
    rejects = tmp_path / "rejects.xlsx"
    code, out, _ = run(
        capsys, "import", str(source), "--db", db_url, "--rejects", str(rejects), "--json"
    )
    assert json.loads(out)["rejects_file"] == str(rejects)
    assert read_table(rejects).rows[0][0] == "CN202210016632.2"


def test_dry_run_writes_nothing(capsys, db_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run(capsys, "import", str(fixture("semicolon.csv")), "--db", db_url)
    database_file = Path(db_url.removeprefix("sqlite:///"))
    digest = file_digest(database_file)
    code, out, _ = run(
        capsys,
        "import",
        str(fixture("patentics_ragged.csv")),
        "--db",
        db_url,
        "--dry-run",
        "--json",
    )
    payload = json.loads(out)
    assert (code, payload["inserted"], payload["dry_run"], payload["batch_id"]) == (
        0,
        6,
        True,
        None,
    )
    assert file_digest(database_file) == digest


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (b"", "is empty"),
        ("专利名称,申请日\n一种方法,2022-01-07\n".encode(), "申请号"),
        ("申请号,专利名称\n".encode(), "no rows"),
        (b"\x00\x01\x02binary\xff" * 50, "binary"),
    ],
)
def test_unusable_file_exit_1_one_sentence_nothing_written(
    capsys, db_url: str, tmp_path: Path, content: bytes, fragment: str
) -> None:  # type: ignore[no-untyped-def]
    run(capsys, "import", str(fixture("semicolon.csv")), "--db", db_url)
    database_file = Path(db_url.removeprefix("sqlite:///"))
    digest = file_digest(database_file)
    bad = tmp_path / "bad.csv"
    bad.write_bytes(content)
    code, out, err = run(capsys, "import", str(bad), "--db", db_url, "--json")
    assert (code, out) == (1, "")
    assert fragment in err and len(err.strip().splitlines()) == 1
    assert file_digest(database_file) == digest


def test_missing_file_is_exit_1(capsys, db_url: str) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run(capsys, "import", "/no/such/file.xlsx", "--db", db_url)
    assert code == 1 and "does not exist" in err


def test_chinese_message(capsys, db_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from roadshow_desk import i18n

    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"")
    try:
        code, _, err = run(capsys, "--lang", "zh_CN", "import", str(bad), "--db", db_url)
    finally:
        i18n.install_hook(None)
    assert code == 1 and "文件" in err, err


def test_export_kinds(capsys, db_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run(capsys, "import", str(fixture("patentics_ragged.csv")), "--db", db_url)
    out = tmp_path / "p.csv"
    code, stdout, _ = run(capsys, "export", "patents", str(out), "--db", db_url)
    assert code == 0 and "6" in stdout
    assert len(read_table(out).rows) == 6
    code, _, err = run(capsys, "export", "shortlist", str(tmp_path / "s.xlsx"), "--db", db_url)
    assert code == 1 and "event" in err
    with pytest.raises(SystemExit) as usage:
        main(["export", "nonsense", str(out), "--db", db_url])
    assert usage.value.code == 2
