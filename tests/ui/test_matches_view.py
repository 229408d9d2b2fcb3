"""The match suggestions beside a patent or an enterprise, when the server is away."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from roadshow_desk.domain.models import Patent
from roadshow_desk.store import matching
from roadshow_desk.ui.matches import MatchSuggestionsView


def test_a_lost_connection_empties_the_suggestions_with_a_sentence(
    qtbot: Any, demo_db: Any, english: Any, monkeypatch: Any
) -> None:
    view = MatchSuggestionsView(demo_db)
    qtbot.addWidget(view)
    with demo_db.session() as session:
        patent_id = session.scalars(select(Patent.id).limit(1)).one()
    down = [True]
    suggest = matching.enterprises_for_patent

    def server_gone(session, patent, limit):  # type: ignore[no-untyped-def]
        if down[0]:
            raise OperationalError("SELECT", {}, Exception("connection refused"))
        return suggest(session, patent, limit=limit)

    monkeypatch.setattr(matching, "enterprises_for_patent", server_gone)
    view.show_patent(patent_id)  # the suggestions come on a short timer, as on a click
    qtbot.waitUntil(lambda: "cannot be reached" in view.empty.text(), timeout=5000)
    assert view.empty.text() == "No suggestions: the database cannot be reached just now."
    assert view.model.rowCount() == 0
    down[0] = False  # the server is back: the next selection shows suggestions again
    view.show_patent(patent_id)
    qtbot.waitUntil(lambda: "cannot be reached" not in view.empty.text(), timeout=5000)
    qtbot.waitUntil(lambda: view.empty.text() != "Looking for matches…", timeout=5000)
