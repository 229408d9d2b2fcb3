"""Importing intentions: transcribed paper sign-up sheets and online-form exports
(``intentions import``).

    result = import_intentions(database, path, event_id=None, rejects_path=None)

The same machinery as the other importers (:mod:`.tables`, :mod:`.columns` with
:data:`INTENTION_SPEC`, :mod:`.rejects`); each row is checked by the capture rules
(``domain.capture.validated_draft``: a kind is required, "no demand" needs a 1–5 rating).
The app's own sign-up form (``domain.signup_form``: the printed sheet and its transcription
workbook) and the exports of 问卷星, 腾讯问卷 and 金数据 are read as they come
(:mod:`.intention_forms`: numbered question headers, "other" columns, multi-choice cells).

Matching
    * the enterprise by its credit code when the row has one, else by its normalised name
      (``domain.enterprises.name_key``: ``（北京）`` and ``(北京)``, 有限公司 and 股份有限公司
      are one firm; the firm written exactly so wins, then a registered firm over a walk-in);
      on a paper sheet a firm not in the registry is rejected ("register it first"), never
      invented from a handwritten name; an online form's new firm comes in as a walk-in to
      reconcile;
    * the patent by its application number, by the form's patent column (an application
      number, a session's slot number, a booth number or a title), else by its exact title
      (ignoring spaces); a title that several patents share is rejected as ambiguous;
    * several kinds or patents in one cell (``1、3``, ``转让┋许可``) make one intention each.

Re-importing
    A row with a time that matches an intention of the event (same firm, patent, kind and
    time to the second) is that intention -- so an exported file imports back to the same
    records. Otherwise each intention gets a stable uuid from the event, the firm, the
    patent, the kind and the written time (an online form's: the service's answer number,
    else its submission time, and the firm), so importing the same file twice -- or a later
    export of the same form -- adds only what is new:
    an identical row counts as unchanged, a row whose other cells were corrected updates
    its intention (rating, budget, timeline, contact, notes -- never the follow-up stage).
    An intention removed at the desk stays removed.

Times
    A time column (登记时间, 提交答卷时间, 提交时间) is read as the venue's time (the event's
    time zone, whatever the laptop's); a date alone is taken as noon of that day; without a
    time column the import time is used. The station is the sheet's station column, else
    ``paper`` (or the questionnaire service's name).

Everything is written in one transaction with an ``ImportBatch`` row, after a backup.
"""

from __future__ import annotations

import datetime as dt
import time
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from roadshow_desk.domain.capture import DETAIL_FIELDS, InvalidIntention
from roadshow_desk.domain.enums import ImportKind
from roadshow_desk.domain.events import resolve_event
from roadshow_desk.domain.models import Intention, utcnow
from roadshow_desk.domain.progress import NO_PROGRESS, Progress
from roadshow_desk.domain.venue_time import from_venue
from roadshow_desk.errors import InputError
from roadshow_desk.exchange.columns import ColumnMapping, RowRejected, parse_row
from roadshow_desk.exchange.import_core import (
    ImportResult,
    add_batch,
    back_up_before,
    finish,
    read_and_map,
)
from roadshow_desk.exchange.intention_fields import INTENTION_SPEC, read_intention_table
from roadshow_desk.exchange.intention_match import RowMatcher, moment
from roadshow_desk.exchange.rejects import Reject
from roadshow_desk.exchange.tables import Table, cell_text, fmt
from roadshow_desk.i18n import translate
from roadshow_desk.store.intentions import interest_changed

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from roadshow_desk.store.db import Database

PAPER_STATION = "paper"


_CONTENT = ("enterprise", "credit_code", "patent", "application_no", "title", "kind")


def _blank(row: Any, mapping: ColumnMapping) -> bool:
    """Whether every content column of ``row`` is empty (numbering and session aside)."""
    return not any(
        cell_text(row[column]).strip()
        for name, column in mapping.columns.items()
        if name in _CONTENT and column < len(row)
    )


def _require_patent_column(mapping: ColumnMapping, path: Path) -> None:
    if not {"application_no", "title", "patent"} & set(mapping.columns):
        raise InputError(
            fmt(
                translate(
                    "Import",
                    "“%1” has no column naming the patent (专利申请号 or 专利名称); nothing was "
                    "imported.",
                ),
                path.name,
            )
        )


def import_intentions(
    database: Database,
    path: str | Path,
    *,
    event_id: int | str | None = None,
    mapping: ColumnMapping | None = None,
    table: Table | None = None,
    dry_run: bool = False,
    rejects_path: str | Path | None = None,
    station: str = "",
    progress: Progress = NO_PROGRESS,
) -> ImportResult:
    """Import a transcribed sheet into the event (default: the most recent one)."""
    started = time.perf_counter()
    path = Path(path)
    read = partial(read_intention_table, progress=progress)
    table, mapping = read_and_map(
        database, path, INTENTION_SPEC, read, table, mapping, check=_require_patent_column
    )
    result = ImportResult(
        file=path, dry_run=dry_run, preset=mapping.preset, encoding=table.encoding
    )
    progress.start(len(table.rows), translate("Import", "Checking rows…"))
    with database.session() as session:
        event = resolve_event(session, event_id)
        matcher = RowMatcher(session, event, table, mapping, station)
        writer = _Writer(session, event.id, result, station)
        default_station = mapping.preset if matcher.online else PAPER_STATION
        for index, row in enumerate(table.rows):
            if index and index % 200 == 0:
                progress.step(200)
            try:
                record = parse_row(row, mapping, INTENTION_SPEC, table.header)
            except RowRejected as rejected:
                if _blank(row, mapping):
                    continue  # an unused row of the transcription workbook
                result.rejects.append(Reject.of(table, index, rejected.reason))
                continue
            if not any(record.get(name) for name in _CONTENT):
                continue  # an unused row of the transcription workbook
            try:
                firm, patents, drafts = matcher.match(record)
            except RowRejected as rejected:
                result.rejects.append(Reject.of(table, index, rejected.reason))
                continue
            except InvalidIntention as invalid:
                result.rejects.append(Reject.of(table, index, str(invalid)))
                continue
            captured_at = record.get("captured_at")
            if captured_at is not None:
                captured_at = from_venue(captured_at, event.time_zone)
            uuids = matcher.uuids(record, firm, patents, drafts, captured_at, mapping.preset)
            written_station = (record.get("station") or "").strip() or default_station
            for values, row_uuid in zip(drafts, uuids, strict=True):
                writer.write(values, row_uuid, firm.id, captured_at, written_station)
        progress.step(len(table.rows) % 200)
        result.rejected = len(result.rejects)
        if dry_run or not writer.wrote:
            session.rollback()
        else:
            session.flush()
            interest_changed(session, writer.touched)  # enterprise interest: in the score
            back_up_before(database, result, "before-intention-import")
            add_batch(session, ImportKind.INTENTIONS, path, mapping, station, result)
    return finish(result, table, rejects_path, started)


_UPDATABLE = DETAIL_FIELDS  # what a re-import updates


class _Writer:
    """Adds the event's new intentions to the session and updates the re-imported ones
    (see "Re-importing" above); counts them in ``result``."""

    def __init__(self, session: Session, event_id: int, result: ImportResult, station: str) -> None:
        self.session = session
        self.result = result
        self.station = station
        self.now = utcnow()
        self.wrote = False
        self.touched: set[int] = set()  # patents whose intentions the file adds or changes
        self.existing: dict[str, Intention] = {}
        self.by_moment: dict[tuple[int, int, str, dt.datetime], Intention] = {}
        for item in session.scalars(select(Intention).where(Intention.event_id == event_id)):
            self.existing[item.uuid] = item
            self.by_moment[
                moment(item.enterprise_id, item.patent_id, item.kind, item.captured_at)
            ] = item

    def write(
        self,
        values: dict[str, Any],
        row_uuid: str,
        firm_id: int,
        captured_at: dt.datetime | None,
        written_station: str,
    ) -> None:
        found = self.existing.get(row_uuid)
        if found is None and captured_at is not None:
            # The same intention exported from this or another laptop and imported back.
            found = self.by_moment.get(
                moment(firm_id, values["patent_id"], values["kind"], captured_at)
            )
        if found is not None:
            self._update(found, values)
            return
        intention = Intention(
            **values,
            uuid=row_uuid,
            captured_at=captured_at or self.now,
            captured_station=written_station,
            station=self.station or written_station,
            updated_at=self.now,
        )
        self.session.add(intention)
        self.existing[row_uuid] = intention
        self.result.inserted += 1
        self.touched.add(values["patent_id"])
        self.wrote = True

    def _update(self, found: Intention, values: dict[str, Any]) -> None:
        if found.deleted_at is not None:
            self.result.unchanged += 1
            return
        changes = {
            name: values[name] for name in _UPDATABLE if getattr(found, name) != values[name]
        }
        if not changes:
            self.result.unchanged += 1
            return
        for name, value in changes.items():
            setattr(found, name, value)
        found.updated_at = self.now
        found.station = self.station or found.station
        self.result.updated += 1
        self.touched.add(found.patent_id)
        self.wrote = True
