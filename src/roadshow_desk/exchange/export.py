"""Exports: the patent library and an event's shortlist to ``.xlsx``/``.csv``; the registry.

``EXPORTERS`` maps each kind of the CLI's ``export`` subcommand to its function,
``"module:function"`` (imported when used, so ``--help`` stays fast). Every exporter has the
signature::

    def export_<kind>(database, path, *, event_id: int | str | None = None) -> int  # rows

and writes through :func:`roadshow_desk.exchange.writers.write_table` (format from the
suffix, text neutralised against formulas, file written atomically). Another workflow
plugs in a kind with one line in :data:`EXPORTERS` (or :func:`register_exporter` at run
time). ``enterprises`` and ``intentions`` are the fair-day exports
(:mod:`roadshow_desk.exchange.fairday_export`).

Patents
    One column per field with the header the importer knows first for it (Chinese), so an
    export imported into an empty database gives the same records: application number,
    title, type (发明/实用新型/外观设计), legal status (one Chinese word each: 有效, 审中,
    失效, ...), applicants/inventors/IPC joined with ``"; "``, dates ``yyyy-mm-dd``, flags
    是/否, conversion modes 转让/许可/... and the institution's name. Tombstoned patents are
    left out.

Shortlist
    The event's shortlist in the organiser's order: 序号, then 入选 (是/否), 排除原因,
    标签, 路演备注, 评分, then the patent's columns as above.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from roadshow_desk.domain.enums import ConversionMode
from roadshow_desk.domain.models import (
    PATENT_DATA_FIELDS,
    Institution,
    Patent,
    split_list,
)
from roadshow_desk.exchange.normalize import (
    CONVERSION_MODE_LABELS,
    LEGAL_STATUS_LABELS,
    PATENT_TYPE_LABELS,
)
from roadshow_desk.exchange.patent_fields import PATENT_SPEC
from roadshow_desk.exchange.writers import write_table

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from roadshow_desk.store.db import Database

Exporter = Callable[..., int]

#: Kind → ``"module:function"`` (or the function itself).
EXPORTERS: dict[str, str | Exporter] = {
    "patents": "roadshow_desk.exchange.export:export_patents",
    "shortlist": "roadshow_desk.exchange.export:export_shortlist",
    "enterprises": "roadshow_desk.exchange.fairday_export:export_enterprises",
    "intentions": "roadshow_desk.exchange.fairday_export:export_intentions",
}

#: The patent columns of an export, in the field spec's reading order (application number,
#: title, type, status, parties, dates, numbers, classification, offer, abstract last).
PATENT_EXPORT_FIELDS: tuple[str, ...] = tuple(field.name for field in PATENT_SPEC.fields)
assert set(PATENT_EXPORT_FIELDS) == {"application_no", *PATENT_DATA_FIELDS}
INSTITUTION_HEADER = "所属机构"
SHORTLIST_HEADER: tuple[str, ...] = ("序号", "入选", "排除原因", "标签", "路演备注", "评分")
_WIDTHS = {"专利名称": 40.0, "摘要": 60.0, "申请人": 30.0, "发明人": 24.0, "路演备注": 40.0}


def register_exporter(kind: str, exporter: str | Exporter) -> None:
    """Add (or replace) the exporter of ``kind``."""
    EXPORTERS[kind] = exporter


def exporter_for(kind: str) -> Exporter:
    """The function exporting ``kind`` (:class:`KeyError` for an unknown kind)."""
    target = EXPORTERS[kind]
    if callable(target):
        return target
    module, _, name = target.partition(":")
    function: Exporter = getattr(importlib.import_module(module), name)
    return function


def export(
    database: Database, kind: str, path: str | Path, *, event_id: int | str | None = None
) -> int:
    """Export ``kind`` to ``path``; returns the number of rows written."""
    return exporter_for(kind)(database, Path(path), event_id=event_id)


# --------------------------------------------------------------------------- patents


def patent_header() -> list[str]:
    """The patent columns' headers (the importer's first synonym of each field)."""
    return [PATENT_SPEC.field(name).export_header for name in PATENT_EXPORT_FIELDS] + [
        INSTITUTION_HEADER
    ]


def _cell(name: str, value: Any) -> Any:
    if value is None:
        return None
    if name == "legal_status":
        return LEGAL_STATUS_LABELS.get(value, "")
    if name == "patent_type":
        return PATENT_TYPE_LABELS.get(value, "")
    if name == "conversion_modes":
        return "; ".join(_mode_label(item) for item in split_list(value))
    return value


def _mode_label(value: str) -> str:
    try:
        return CONVERSION_MODE_LABELS[ConversionMode(value)]
    except ValueError:
        return value


def patent_cells(patent: Patent, institution: str) -> list[Any]:
    """One patent's cells in :func:`patent_header` order."""
    return [_cell(name, getattr(patent, name)) for name in PATENT_EXPORT_FIELDS] + [institution]


def _institution_names(session: Session) -> dict[int, str]:
    return dict(session.execute(select(Institution.id, Institution.name)).all())


def _patent_rows(session: Session) -> Iterator[list[Any]]:
    names = _institution_names(session)
    query = (
        select(Patent)
        .where(Patent.deleted_at.is_(None))
        .order_by(Patent.application_no)
        .execution_options(yield_per=2000)
    )
    for patent in session.scalars(query):
        yield patent_cells(patent, names.get(patent.institution_id or 0, ""))


def export_patents(
    database: Database, path: str | Path, *, event_id: int | str | None = None
) -> int:
    """Write every patent of the library to ``path``; returns the number of rows.

    ``event_id`` is accepted for the common signature and ignored.
    """
    counter = _Counter()
    with database.session() as session:
        write_table(
            Path(path),
            patent_header(),
            counter.count(_patent_rows(session)),
            sheet_name="专利",
            widths=_WIDTHS,
        )
    return counter.rows


# --------------------------------------------------------------------------- shortlist


def shortlist_rows(session: Session, event_id: int) -> list[list[Any]]:
    """The shortlist of ``event_id`` in order, as export rows."""
    from roadshow_desk.domain.shortlist import shortlist_in_order

    names = _institution_names(session)
    rows = []
    for number, entry in enumerate(shortlist_in_order(session, event_id), start=1):
        patent = entry.patent
        rows.append(
            [
                number,
                entry.included,
                entry.exclusion_reason,
                "; ".join(split_list(entry.tags)),
                entry.presenter_notes,
                patent.score,
                *patent_cells(patent, names.get(patent.institution_id or 0, "")),
            ]
        )
    return rows


def export_shortlist(
    database: Database, path: str | Path, *, event_id: int | str | None = None
) -> int:
    """Write the shortlist of the event (default: the most recent) to ``path``; row count."""
    from roadshow_desk.domain.events import resolve_event

    with database.session() as session:
        event = resolve_event(session, event_id)
        rows = shortlist_rows(session, event.id)
    write_table(
        Path(path),
        [*SHORTLIST_HEADER, *patent_header()],
        rows,
        sheet_name="路演清单",
        widths=_WIDTHS,
    )
    return len(rows)


class _Counter:
    def __init__(self) -> None:
        self.rows = 0

    def count(self, rows: Iterator[list[Any]]) -> Iterator[list[Any]]:
        for row in rows:
            self.rows += 1
            yield row
