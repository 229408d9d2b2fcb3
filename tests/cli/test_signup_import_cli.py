"""An imported sign-up list signs its firms up, so their badges print before the fair (#12.1)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from sqlalchemy import func, select

from fairday_data import credit_code, make_fair_day
from roadshow_desk.cli import main
from roadshow_desk.documents.data import load_badges, load_event
from roadshow_desk.domain.models import Enterprise, Event, Registration
from roadshow_desk.domain.signups import registered_ids
from roadshow_desk.exchange.writers import write_table

HEADER = ["企业名称", "统一社会信用代码", "联系人", "联系电话"]


def sign_up_list(path: Path) -> Path:
    return write_table(
        path,
        HEADER,
        [
            ["宁德储能科技有限公司", credit_code(1), "林工", "13800000001"],  # in the registry
            ["华东精密机械股份有限公司", "", "周经理", "021-55556666"],  # matched by name
            ["海宁新材料有限公司", "", "沈总", "13700001234"],  # new
        ],
    )


def badge_names(db, event_id: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [badge.name for badge in load_badges(db, load_event(db, event_id))]


def test_a_sign_up_list_signs_up_and_badges_print(db, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    fair = make_fair_day(db)
    source = sign_up_list(tmp_path / "报名表.xlsx")
    assert main(["badges", str(tmp_path / "before.pdf"), "--db", db.url]) == 1
    assert "registered" in capsys.readouterr().err  # nobody signed up yet
    assert main(["enterprises", "import", str(source), "--db", db.url]) == 0
    out = capsys.readouterr().out
    assert "3 firms newly signed up for “长三角专利转化路演对接会” (0 already were)." in out
    with db.session() as session:
        new_id = session.scalar(
            select(Enterprise.id).where(Enterprise.name == "海宁新材料有限公司")
        )
        assert registered_ids(session, fair.event_id) == {
            fair.enterprise_ids[0],
            fair.enterprise_ids[1],
            new_id,
        }
        assert (
            session.scalar(
                select(func.count())
                .select_from(Registration)
                .where(Registration.checked_in_at.is_not(None))
            )
            == 0
        )  # signed up, not arrived
    badges = tmp_path / "badges.pdf"
    assert main(["badges", str(badges), "--db", db.url]) == 0
    assert badges.stat().st_size > 0
    capsys.readouterr()
    assert sorted(badge_names(db, fair.event_id)) == sorted(
        ["宁德储能科技有限公司", "华东精密机械股份有限公司", "海宁新材料有限公司"]
    )
    # The same list again: nothing new, everybody already signed up.
    assert main(["enterprises", "import", str(source), "--db", db.url, "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert (payload["signed_up"], payload["already_signed_up"]) == (0, 3)
    assert payload["event_id"] == fair.event_id


def test_event_option_and_registry_only(db, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    fair = make_fair_day(db)
    with db.session() as session:
        later = Event(name="秋季专场", starts_on=dt.date(2027, 9, 1))
        session.add(later)
        session.flush()
        later_id = later.id
    source = sign_up_list(tmp_path / "list.csv")
    args = ["enterprises", "import", str(source), "--db", db.url, "--json"]
    assert main([*args, "--registry-only"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["inserted"] == 1 and "signed_up" not in payload
    with db.session() as session:
        assert registered_ids(session, fair.event_id) == set()
        assert registered_ids(session, later_id) == set()
    assert main([*args, "--event", str(fair.event_id)]) == 0  # not the most recent one
    assert json.loads(capsys.readouterr().out)["signed_up"] == 3
    with db.session() as session:
        assert len(registered_ids(session, fair.event_id)) == 3
        assert registered_ids(session, later_id) == set()
    assert main([*args, "--event", "999"]) == 1
    assert "999" in capsys.readouterr().err


def test_without_an_event_only_registry_only(db, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    source = sign_up_list(tmp_path / "list.xlsx")
    assert main(["enterprises", "import", str(source), "--db", db.url]) == 1
    err = capsys.readouterr().err.strip()
    assert "--registry-only" in err and "\n" not in err
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Enterprise)) == 0
