"""The tables behind the results (:mod:`roadshow_desk.domain.results`), labelled for a
reader: the report's PDF and workbook and the Results page show the same tables.

Each :class:`ResultTable` has a key, a title, a short name (a sheet's name), a header and
rows of plain values (``int``, ``Decimal``, ``date``, text); ``chart`` says which column a
bar chart draws (``None``: no chart); ``note``, when given, says what the table counts (the
report prints it under the title, the workbook above the header, the page as the chart's
tooltip). Contact persons and phone numbers appear only when ``contacts`` is asked for;
:func:`privacy_note` says which way it went.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from roadshow_desk.domain.enums import FollowUpStage, IntentionKind
from roadshow_desk.domain.labels import label
from roadshow_desk.domain.models import Enterprise, Intention, Patent
from roadshow_desk.domain.results import (
    HEADLINE,
    Bucket,
    PatentInterest,
    Results,
    bucket_label,
    funnel_label,
    headline_label,
)
from roadshow_desk.i18n import fmt, translate


@dataclasses.dataclass(frozen=True)
class ResultTable:
    key: str
    title: str
    short: str
    header: list[str]
    rows: list[list[Any]]
    chart: int | None = None  # the column of the values a bar chart draws
    one_line: bool = False  # on paper, each row on one line (long texts cut): long lists
    row_ids: tuple[int, ...] = ()  # the intention of each row (lists of intentions only)
    note: str = ""  # one sentence saying what the table counts ("": its title says it)


def privacy_note(contacts: bool) -> str:
    if contacts:
        return translate(
            "Results", "Contact persons and phone numbers are included, as the organiser asked."
        )
    return translate("Results", "Contact persons and phone numbers are left out of this report.")


def region_note() -> str:
    """What "Intentions by region" counts (the report, the workbook and the page say it)."""
    return translate(
        "Results",
        "Each intention counts in the region of the station that recorded it; intentions "
        "recorded at a station without a region count in the event's own region.",
    )


def _breakdown(
    key: str, table: str, title: str, short: str, buckets: list[Bucket], note: str = ""
) -> ResultTable:
    total = sum(b.count for b in buckets) or 1
    rows: list[list[Any]] = [
        [bucket_label(table, b.key), b.count, round(100 * b.count / total, 1)] for b in buckets
    ]
    return ResultTable(
        key,
        title,
        short,
        [short, translate("Results", "Intentions"), translate("Results", "Share (%)")],
        rows,
        1,
        note=note,
    )


def _patents(key: str, title: str, short: str, patents: list[PatentInterest]) -> ResultTable:
    header = [
        translate("Results", "Application no."),
        translate("Results", "Title"),
        translate("Results", "Institution"),
        translate("Results", "Intentions"),
    ]
    rows: list[list[Any]] = [
        [p.application_no, p.title, p.institution, p.intentions] for p in patents
    ]
    return ResultTable(key, title, short, header, rows)


def result_tables(
    session: Session, results: Results, *, contacts: bool = False
) -> list[ResultTable]:
    """Every table of the report, in its order."""
    headline_rows: list[list[Any]] = [
        [headline_label(key), results.headline[key]] for key, _label in HEADLINE
    ]
    tables = [
        ResultTable(
            "headline",
            translate("Results", "Headline figures"),
            translate("Results", "Headline"),
            [translate("Results", "Figure"), translate("Results", "Value")],
            headline_rows,
        ),
        _breakdown(
            "kind",
            "kind",
            translate("Results", "Intentions by kind"),
            translate("Results", "Kind"),
            results.by_kind,
        ),
        _breakdown(
            "field",
            "field",
            translate("Results", "Intentions by technical field"),
            translate("Results", "Technical field"),
            results.by_field,
        ),
        _breakdown(
            "institution",
            "institution",
            translate("Results", "Intentions by institution"),
            translate("Results", "Institution"),
            results.by_institution,
        ),
        _breakdown(
            "type",
            "type",
            translate("Results", "Intentions by enterprise type"),
            translate("Results", "Enterprise type"),
            results.by_enterprise_type,
        ),
        _breakdown(
            "region",
            "region",
            translate("Results", "Intentions by region"),
            translate("Results", "Region"),
            results.by_region,
            region_note(),
        ),
        _breakdown(
            "enterprise_region",
            "enterprise_region",
            translate("Results", "Intentions by enterprise region"),
            translate("Results", "Enterprise region"),
            results.by_enterprise_region,
        ),
        _breakdown(
            "session",
            "session",
            translate("Results", "Intentions by roadshow session"),
            translate("Results", "Roadshow session"),
            results.by_session,
        ),
        _patents(
            "top",
            translate("Results", "Patents with the most interest"),
            translate("Results", "Most interest"),
            results.top_patents,
        ),
        _patents(
            "without",
            translate("Results", "Patents presented with no intention"),
            translate("Results", "No interest"),
            results.presented_without_interest,
        ),
        ResultTable(
            "funnel",
            translate("Results", "From shortlist to contract"),
            translate("Results", "Funnel"),
            [
                translate("Results", "Step"),
                translate("Results", "Patents"),
                translate("Results", "Intentions"),
                translate("Results", "Drop"),
            ],
            [[funnel_label(s.key), s.patents, s.intentions, s.drop] for s in results.funnel],
            1,
        ),
        lead_table(session, results, contacts=contacts),
    ]
    return tables


def lead_table(session: Session, results: Results, *, contacts: bool = False) -> ResultTable:
    """The leads still in follow-up, latest stage first."""
    return intentions_table(
        session,
        results.lead_ids,
        contacts=contacts,
        key="leads",
        title=translate("Results", "Leads in follow-up"),
        short=translate("Results", "Leads"),
    )


def intentions_table(
    session: Session,
    intention_ids: Iterable[int],
    *,
    contacts: bool = False,
    key: str = "list",
    title: str = "",
    short: str = "",
) -> ResultTable:
    """The intentions ``intention_ids`` (a chart's bar, the leads), latest stage first."""
    header = [
        translate("Results", "Enterprise"),
        translate("Results", "Application no."),
        translate("Results", "Patent"),
        translate("Results", "Kind"),
        translate("Results", "Stage"),
        translate("Results", "Owner"),
        translate("Results", "Next action"),
    ]
    if contacts:
        header += [translate("Results", "Contact person"), translate("Results", "Phone")]
    rows: list[list[Any]] = []
    ids = list(intention_ids)
    found: list[Any] = []
    for start in range(0, len(ids), 500):
        found += session.execute(
            select(Intention, Enterprise.name, Patent.application_no, Patent.title)
            .join(Enterprise, Intention.enterprise_id == Enterprise.id)
            .join(Patent, Intention.patent_id == Patent.id)
            .where(Intention.id.in_(ids[start : start + 500]))
        ).all()
    order = list(FollowUpStage)
    found.sort(key=lambda r: (-order.index(FollowUpStage(r[0].stage)), r[0].captured_at, r[0].id))
    row_ids = tuple(r[0].id for r in found)
    for intention, firm, number, patent_title in found:
        row: list[Any] = [
            firm,
            number,
            patent_title,
            label(IntentionKind(intention.kind)),
            label(FollowUpStage(intention.stage)),
            intention.owner,
            intention.next_action_on,
        ]
        if contacts:
            row += [intention.contact_person, intention.contact_phone]
        rows.append(row)
    return ResultTable(key, title, short, header, rows, one_line=True, row_ids=row_ids)


def scope_text(results: Results) -> str:
    """One line naming what the figures cover."""
    scope = results.scope
    if scope.date_from is None and scope.date_to is None:
        return "、".join(scope.names)
    start = scope.date_from.isoformat() if scope.date_from else "…"
    end = scope.date_to.isoformat() if scope.date_to else "…"
    return fmt(
        translate("Results", "%1 events from %2 to %3"), str(len(scope.event_ids)), start, end
    )


def plain_number(value: Any) -> Any:
    """A cell's value for a spreadsheet: ``Decimal`` as a float, the rest unchanged."""
    if isinstance(value, Decimal):
        return float(value)
    return value
