"""Which firm and which patents a row of an intention sheet names, the intentions it makes,
and their stable uuids (the rules are in :mod:`.intention_import`, which writes them)."""

from __future__ import annotations

import datetime as dt
import re
import uuid as uuid_module
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from roadshow_desk.domain.capture import IntentionDraft, validated_draft
from roadshow_desk.domain.enterprises import clean_name, name_key
from roadshow_desk.domain.enums import IntentionKind
from roadshow_desk.domain.models import Enterprise, Event, Patent
from roadshow_desk.domain.signups import sign_up_firms
from roadshow_desk.exchange.columns import ColumnMapping, RowRejected
from roadshow_desk.exchange.intention_forms import ONLINE, PatentResolver, is_booth_header
from roadshow_desk.exchange.normalize import clean_text
from roadshow_desk.exchange.tables import Table, fmt
from roadshow_desk.i18n import translate

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

# Intentions' stable uuids are uuid5 of this namespace (see :meth:`RowMatcher.uuids`).
_NAMESPACE = uuid_module.UUID("5b0e6f0c-1f1a-4bb8-9a53-6d2f3c1f0a77")


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


class RowMatcher:
    """The firm, the patents and the checked intentions (column values) of a sheet's row.

    On an online form (``online``) a firm not in the registry comes in as a walk-in signed
    up for the event; on a paper sheet it is rejected.
    """

    def __init__(
        self, session: Session, event: Event, table: Table, mapping: ColumnMapping, station: str
    ) -> None:
        self.session = session
        self.event = event
        self.station = station
        self.online = mapping.preset in ONLINE
        self.registry = Registry(session)
        patent_column = mapping.column_of("patent")
        self.resolver = PatentResolver(
            session,
            event.id,
            booth_header=patent_column is not None
            and is_booth_header(str(table.header[patent_column])),
        )

    def match(
        self, record: dict[str, Any]
    ) -> tuple[Enterprise, list[Patent], list[dict[str, Any]]]:
        """Raises :class:`RowRejected` or :class:`InvalidIntention` with the reason."""
        firm = self.registry.enterprise(record, walk_in=self._walk_in if self.online else None)
        patents = self.resolver.patents(record.get("patent"), record.get("session") or "")
        if record.get("application_no") or record.get("title") or not patents:
            named = self.registry.patent(record)
            if named not in patents:
                patents.append(named)
        drafts = [
            validated_draft(
                IntentionDraft(
                    enterprise_id=firm.id,
                    patent_id=patent.id,
                    kind=kind,
                    prospect_rating=record.get("rating"),
                    budget_band=record.get("budget"),
                    timeline=record.get("timeline"),
                    contact_person=record.get("contact_person") or "",
                    contact_phone=record.get("contact_phone") or "",
                    notes=record.get("notes") or "",
                    event_id=self.event.id,
                )
            )
            for patent in patents
            for kind in record.get("kind") or [None]
        ]
        return firm, patents, drafts

    def _walk_in(self, record: dict[str, Any]) -> Enterprise:
        session = self.session
        code = record.get("credit_code") or None
        if code is not None and session.scalar(
            select(Enterprise.id).where(Enterprise.credit_code == code)
        ):
            code = None  # a removed firm keeps its code; reconciliation sorts it out
        firm = Enterprise(
            name=clean_name(record["enterprise"]),
            name_key=name_key(record["enterprise"]),
            credit_code=code,
            contact_person=record.get("contact_person") or "",
            phone=record.get("contact_phone") or "",
            is_walk_in=True,
            station=self.station,
        )
        session.add(firm)
        session.flush()
        # it answered the event's form: signed up for the event (badge, check-in list)
        sign_up_firms(session, self.event.id, [firm.id], station=self.station)
        return firm

    def uuids(
        self,
        record: dict[str, Any],
        firm: Enterprise,
        patents: list[Patent],
        drafts: list[dict[str, Any]],
        captured_at: dt.datetime | None,
        preset: str,
    ) -> list[str]:
        """The stable uuid of each draft: from the event, the firm, the patent, the kind and
        the written time; on an online form from the service's answer (its number, else its
        submission time and the firm) instead of the time."""
        written = captured_at.isoformat() if captured_at else ""
        answer = str(record.get("answer_no") or "").strip()
        answer_key = answer or (written + "|" + firm.name_key)
        found: list[str] = []
        for values in drafts:
            patent_no = next(p.application_no for p in patents if p.id == values["patent_id"])
            kind_value = values["kind"].value
            if self.online:
                # the firm too: two forms of one service both have an answer number 1
                parts = [self.event.uuid, preset, answer_key, firm.uuid, patent_no, kind_value]
            else:
                parts = [self.event.uuid, firm.uuid, patent_no, kind_value, written]
            found.append(uuid_module.uuid5(_NAMESPACE, "|".join(parts)).hex)
        return found
