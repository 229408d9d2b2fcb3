"""Matching on the demo event: every suggestion explained, every reason true."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from roadshow_desk.domain.matching import Match, fold, ipc_key, ipc_under
from roadshow_desk.domain.models import Enterprise, Patent, ShortlistEntry, split_list
from roadshow_desk.exchange.invitations import export_invitations, invitation_header
from roadshow_desk.store import matching
from roadshow_desk.store.db import Database


def _check_reasons(session, found: Match) -> None:  # type: ignore[no-untyped-def]
    patent = session.get(Patent, found.patent_id)
    firm = session.get(Enterprise, found.enterprise_id)
    text = fold(
        "\n".join([patent.title, patent.abstract, patent.application_scenarios, patent.advantages])
    )
    assert found.explanation()
    for keyword in found.keywords:
        assert keyword in firm.keywords and fold(keyword) in text
    for part in found.shared_parts:
        assert fold(part) in text
        assert any(fold(part) in fold(k) for k in split_list(firm.keywords))
    codes = [ipc_key(c) for c in [*split_list(patent.ipc_all), patent.ipc_main] if c]
    for shown in found.ipc:
        assert any(ipc_under(code, ipc_key(shown)) for code in codes)
    for shared in found.industry:
        assert shared in firm.industry
        assert shared in (patent.technical_field or "") + (patent.strategic_emerging_industry or "")


def test_every_demo_enterprise_gets_explained_patents(demo_db: Database) -> None:
    with demo_db.session() as session:
        firms = list(session.scalars(select(Enterprise).where(Enterprise.keywords != "")))
        assert len(firms) >= 10
        for firm in firms:
            found = matching.patents_for_enterprise(session, firm.id, limit=5)
            assert found, firm.name
            assert [m.points for m in found] == sorted((m.points for m in found), reverse=True)
            assert len({m.patent_id for m in found}) == len(found)
            for suggestion in found:
                assert suggestion.enterprise_id == firm.id
                _check_reasons(session, suggestion)
        # The strongest suggestion of a specialised firm shares its own words.
        best = [matching.patents_for_enterprise(session, f.id, limit=1)[0] for f in firms]
        assert sum(1 for m in best if m.keywords) >= 0.8 * len(best)


def test_every_shortlisted_patent_gets_explained_enterprises(demo_db: Database) -> None:
    with demo_db.session() as session:
        listed = list(
            session.scalars(select(ShortlistEntry.patent_id).where(ShortlistEntry.event_id == 1))
        )
        assert listed
        with_suggestions = 0
        for patent_id in listed:
            found = matching.enterprises_for_patent(session, patent_id, limit=5)
            with_suggestions += bool(found)
            for suggestion in found:
                assert suggestion.patent_id == patent_id
                _check_reasons(session, suggestion)
        assert with_suggestions >= 0.8 * len(listed)


def test_invitation_list_file(demo_db: Database, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = tmp_path / "invitations.xlsx"
    written = export_invitations(demo_db, path, event_id=1, per_patent=3)
    with demo_db.session() as session:
        rows = matching.invitations(session, 1, per_patent=3)
        consenting = {e.name: e.consent_to_contact for e in session.scalars(select(Enterprise))}
    assert written == len(rows) > 0
    sheet = load_workbook(path).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0] == invitation_header()
    assert len(values) == written + 1
    for line, row in zip(values[1:], rows, strict=True):
        assert line[0] == row.application_no and line[2] == row.enterprise
        assert line[4] == row.reasons and row.reasons
        if not consenting[row.enterprise]:
            assert not line[5] and not line[6]  # no contact details without consent


def test_names_of_the_suggested_records(demo_db: Database) -> None:
    with demo_db.session() as session:
        patents = list(session.scalars(select(Patent).order_by(Patent.id).limit(3)))
        firms = list(session.scalars(select(Enterprise).order_by(Enterprise.id).limit(2)))
        titles = matching.patent_titles(session, [p.id for p in patents] + [10_000_000])
        names = matching.enterprise_names(session, (f.id for f in firms))
        assert titles == {p.id: p.title for p in patents}
        assert names == {f.id: f.name for f in firms}
        assert matching.patent_titles(session, []) == {}
