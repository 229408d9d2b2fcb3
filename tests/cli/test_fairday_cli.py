"""``enterprises import`` and ``intentions import`` on the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fairday_data import make_fair_day
from roadshow_desk.cli import main
from roadshow_desk.exchange.tables import read_table
from roadshow_desk.exchange.writers import write_table


def test_enterprises_import_json_and_rejects(db, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    source = write_table(
        tmp_path / "list.xlsx",
        ["企业名称", "统一社会信用代码", "联系电话"],
        [["甲科技有限公司", "", "13800001111"], ["乙公司", "123", ""]],
    )
    report = tmp_path / "rejects.xlsx"
    code = main(
        [
            *("enterprises", "import", str(source), "--db", db.url, "--json"),
            *("--rejects", str(report), "--registry-only"),
        ]
    )
    assert code == 0
    payload = json.loads(capsys.readouterr().out)
    assert {
        k: payload[k] for k in ("inserted", "updated", "unchanged", "rejected", "conflicts")
    } == {
        "inserted": 1,
        "updated": 0,
        "unchanged": 0,
        "rejected": 1,
        "conflicts": 0,
    }
    assert read_table(report).rows[0][0] == "乙公司"


def test_intentions_import_summary_and_bad_file(db, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    day = make_fair_day(db)
    source = write_table(
        tmp_path / "sheet.xlsx",
        ["企业名称", "专利申请号", "意向类型"],
        [["宁德储能科技有限公司", "2022100166321", "转让"], ["无名氏", "2022100166321", "转让"]],
    )
    code = main(["intentions", "import", str(source), "--db", db.url, "--event", str(day.event_id)])
    assert code == 0
    out = capsys.readouterr().out
    assert "1 new" in out and "1 rejected" in out and "--rejects" in out
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"\x00\x01not a workbook")
    assert main(["intentions", "import", str(bad), "--db", db.url]) == 1
    err = capsys.readouterr().err.strip()
    assert err and "\n" not in err


def test_missing_action_or_file_is_usage(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["enterprises"]) == 2
    assert "usage" in capsys.readouterr().out
    with pytest.raises(SystemExit) as caught:
        main(["intentions", "import"])
    assert caught.value.code == 2


def test_export_intentions_and_enterprises(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from roadshow_desk.domain.capture import IntentionDraft, record_intention
    from roadshow_desk.domain.enums import IntentionKind

    day = make_fair_day(db)
    record_intention(
        db,
        IntentionDraft(
            enterprise_id=day.enterprise_ids[0],
            patent_id=day.patent_ids[0],
            kind=IntentionKind.TRANSFER,
            event_id=day.event_id,
        ),
        station="desk A",
    )
    out = tmp_path / "intentions.xlsx"
    assert main(["export", "intentions", str(out), "--db", db.url]) == 0
    table = read_table(out)
    assert table.header[:3] == ["企业名称", "统一社会信用代码", "企业类型"]
    assert [row[6] for row in table.rows] == ["转让"]
    firms = tmp_path / "enterprises.csv"
    assert main(["export", "enterprises", str(firms), "--db", db.url]) == 0
    assert len(read_table(firms).rows) == 4
    assert main(["export", "intentions", str(out), "--db", db.url, "--event", "999"]) == 1
