"""``bundle export``, ``bundle merge`` and ``demo --stations`` on the command line (#13)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from roadshow_desk.cli import main
from roadshow_desk.station import ENV_STATION


@pytest.fixture(autouse=True)
def _station(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(ENV_STATION, "")
    monkeypatch.setenv("ROADSHOW_DESK_SETTINGS", str(tmp_path / "settings.ini"))


def test_demo_stations_then_dry_run_merge_and_merge_again(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "demo.sqlite3"
    assert main(["demo", "--db", str(db), "--stations", "2"]) == 0
    out = capsys.readouterr().out
    bundles = sorted(tmp_path.glob("demo-station-*.rsdb"))
    assert [p.name for p in bundles] == ["demo-station-C.rsdb", "demo-station-D.rsdb"]
    assert str(bundles[0]) in out
    before = db.read_bytes()
    args = ["bundle", "merge", *map(str, bundles), "--db", str(db)]
    assert main([*args, "--dry-run", "--json"]) == 0
    preview = json.loads(capsys.readouterr().out)
    assert preview["dry_run"] is True
    assert preview["counts"]["intention"]["new"] == 16
    assert preview["counts"]["enterprise"]["possible_duplicates"] >= 1
    assert [b["station"] for b in preview["bundles"]] == ["C", "D"]
    assert db.read_bytes() == before
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "Intentions: 16 new" in out and "Backup before the merge" in out
    assert main([*args, "--json"]) == 0
    again = json.loads(capsys.readouterr().out)
    assert again["rows_written"] == 0
    assert all(b["already_merged"] for b in again["bundles"])


def test_export_with_the_station_option_and_a_refused_merge(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "demo.sqlite3"
    assert main(["demo", "--db", str(db)]) == 0
    capsys.readouterr()
    out = tmp_path / "desk-A.rsdb"
    assert main(["bundle", "export", str(out), "--db", str(db), "--station", "A"]) == 0
    assert "of station A written to" in capsys.readouterr().out
    assert out.exists()
    damaged = tmp_path / "damaged.rsdb"
    damaged.write_bytes(out.read_bytes()[:-40])
    before = db.read_bytes()
    assert main(["bundle", "merge", str(damaged), "--db", str(db)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("“damaged.rsdb”") and "\n" not in err
    assert db.read_bytes() == before
    with pytest.raises(SystemExit) as usage:
        main(["bundle"])
    assert usage.value.code == 2


def test_regions_and_the_event_passphrase(tmp_path: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import shutil
    import sqlite3
    import zipfile

    db = tmp_path / "demo.sqlite3"
    assert main(["demo", "--db", str(db)]) == 0
    secret = tmp_path / "secret.txt"
    secret.write_text("杭州 2026\n", encoding="utf-8")
    assert main(["bundle", "passphrase", "--db", str(db), "--passphrase-file", str(secret)]) == 0
    capsys.readouterr()
    organiser = tmp_path / "organiser.sqlite3"
    shutil.copyfile(db, organiser)
    bundle = tmp_path / "hz.rsdb"
    assert (
        main(
            ["bundle", "export", str(bundle), "--db", str(db), "--station", "A", "--region", "杭州"]
        )
        == 0
    )
    with zipfile.ZipFile(bundle) as archive:
        manifest = archive.read("manifest.json").decode()
        assert "records/intention.jsonl" not in archive.namelist()  # encrypted
    assert '"region": "杭州"' in manifest and '"AES-256-GCM"' in manifest
    monkeypatch.delenv("ROADSHOW_DESK_PASSPHRASE", raising=False)
    assert main(["bundle", "merge", str(bundle), "--db", str(organiser), "--station", "O"]) == 1
    assert "encrypted" in capsys.readouterr().err
    monkeypatch.setenv("ROADSHOW_DESK_PASSPHRASE", "杭州 2026")
    assert main(["bundle", "merge", str(bundle), "--db", str(organiser), "--station", "O"]) == 0
    connection = sqlite3.connect(organiser)
    try:
        assert connection.execute("SELECT region FROM bundle_receipt").fetchall() == [("杭州",)]
        assert connection.execute("SELECT region FROM station WHERE name = 'A'").fetchall() == [
            ("杭州",)
        ]
    finally:
        connection.close()
