"""Which firm and which patents a row of an intention sheet names, and which intention of
the event it is (the matching rules are in :mod:`.intention_import`)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from roadshow_desk.domain.enterprises import clean_name, name_key
from roadshow_desk.domain.enums import IntentionKind
from roadshow_desk.domain.models import Enterprise, Patent
from roadshow_desk.exchange.columns import RowRejected
from roadshow_desk.exchange.normalize import clean_text
from roadshow_desk.exchange.tables import fmt
from roadshow_desk.i18n import translate

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


class Registry:
    """Firms and patents of the database, looked up the way sheets name them."""

    def __init__(self, session: Session) -> None:
        self.by_code: dict[str, Enterprise] = {}
        self.by_key: dict[str, list[Enterprise]] = {}
        for firm in session.scalars(select(Enterprise).where(Enterprise.deleted_at.is_(None))):
            if firm.credit_code:
                self.by_code[firm.credit_code] = firm
            self.by_key.setdefault(firm.name_key, []).append(firm)
        self.by_number: dict[str, Patent] = {}
        self.by_title: dict[str, list[Patent]] = {}
        for patent in session.scalars(select(Patent).where(Patent.deleted_at.is_(None))):
            self.by_number[patent.application_no] = patent
            self.by_title.setdefault(title_key(patent.title), []).append(patent)

    def enterprise(
        self,
        record: dict[str, Any],
        *,
        walk_in: Callable[[dict[str, Any]], Enterprise] | None = None,
    ) -> Enterprise:
        """The firm a row names; an unknown firm is rejected, or (``walk_in``: a function
        that creates one) comes in as a walk-in to reconcile."""
        code = record.get("credit_code") or ""
        name = record.get("enterprise") or ""
        if code and code in self.by_code:
            return self.by_code[code]
        if name:
            found = [
                firm
                for firm in self.by_key.get(name_key(name), [])
                if not (code and firm.credit_code and firm.credit_code != code)
            ]
            exact = [firm for firm in found if firm.name == clean_name(name)]
            registered = exact or [firm for firm in found if not firm.is_walk_in] or found
            if registered:
                return registered[0]
        shown = name or code
        if not shown:
            raise RowRejected(translate("Import", "The row names no enterprise."))
        if walk_in is not None and name:
            firm: Enterprise = walk_in(record)
            if firm.credit_code:
                self.by_code[firm.credit_code] = firm
            self.by_key.setdefault(firm.name_key, []).append(firm)
            return firm
        raise RowRejected(
            fmt(
                translate(
                    "Import",
                    "“%1” is not in the enterprise registry; register it (or import the "
                    "registration list) and import this row again.",
                ),
                shown,
            )
        )

    def patent(self, record: dict[str, Any]) -> Patent:
        number = record.get("application_no") or ""
        title = record.get("title") or ""
        if number:
            patent = self.by_number.get(number)
            if patent is None:
                raise RowRejected(
                    fmt(translate("Import", "The patent %1 is not in the library."), number)
                )
            return patent
        if not title:
            raise RowRejected(
                translate("Import", "The row names no patent (no application number or title).")
            )
        found = self.by_title.get(title_key(title), [])
        if len(found) == 1:
            return found[0]
        if found:
            raise RowRejected(
                fmt(
                    translate(
                        "Import",
                        "Several patents are titled “%1”; write the application number.",
                    ),
                    title,
                )
            )
        raise RowRejected(
            fmt(translate("Import", "No patent in the library is titled “%1”."), title)
        )


def moment(
    enterprise_id: int, patent_id: int, kind: Any, at: dt.datetime
) -> tuple[int, int, str, dt.datetime]:
    return (enterprise_id, patent_id, str(IntentionKind(kind).value), at.replace(microsecond=0))


def title_key(title: str) -> str:
    return re.sub(r"\s+", "", clean_text(title)).casefold()


#: Fields of which one must be filled for a row to count (else it is an unused row).
