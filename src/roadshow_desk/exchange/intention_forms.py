"""What ``intentions import`` needs to read the app's own sign-up form and the exports of the
online questionnaires that its QR codes lead to (问卷星, 腾讯问卷, 金数据).

Headers
    Questionnaire exports number their questions (``1、企业名称``, ``Q2.统一社会信用代码``,
    ``3.您感兴趣的专利``): :func:`strip_question_number` takes the number off before the
    headers are matched. A column headed "other" (``其他``, ``3.合作意向(其他)``, ``…_其他``)
    right after a question holds that question's "other" answer: :func:`merge_other_columns`
    puts the text into the question's cell in place of its ``其他`` choice.

Services
    Each service is recognised by the columns only it writes (:data:`ONLINE_PRESETS`, the
    importer's presets): its answer number and submission time are then the answer's
    identity, firms not in the registry come in as walk-ins to reconcile, and the station of
    the intentions is the service's name.

Multi-choice answers
    ``转让┋许可`` (问卷星), ``转让|许可`` (腾讯问卷, 金数据), and on the transcribed sheet
    ``1、3``: :func:`split_choices` gives each choice; each kind and each patent named makes
    one intention.

Patents
    :class:`PatentResolver` reads the patent column of the form: an application number
    anywhere in the cell, a session's slot number (``3``, ``3. title (CN…)``), a booth
    number on the event sheet (the patent's place among the included shortlist, as the
    booth cards count), or a title.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from roadshow_desk.domain import signup_form as form
from roadshow_desk.domain.models import Patent, RoadshowSession, Slot
from roadshow_desk.domain.shortlist import shortlist_in_order
from roadshow_desk.exchange.columns import Preset, RowRejected, header_key
from roadshow_desk.exchange.normalize import clean_text
from roadshow_desk.exchange.tables import Table, cell_text, fmt
from roadshow_desk.i18n import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

_QUESTION_NUMBER = re.compile(r"^\s*(?:[Qq]|第)?\s*\d{1,3}\s*(?:[、.．:：)）]|题)\s*")


def strip_question_number(header: Any) -> Any:
    """``1、企业名称`` → ``企业名称``; other headers unchanged."""
    if not isinstance(header, str):
        return header
    stripped = _QUESTION_NUMBER.sub("", header, count=1)
    return stripped if stripped.strip() else header


#: The questionnaire services, recognised by the columns only they write.
ONLINE_PRESETS: tuple[Preset, ...] = (
    Preset(
        "wjx",
        QT_TRANSLATE_NOOP("Presets", "Wenjuanxing (问卷星) export"),
        markers=("提交答卷时间", "所用时间", "来源详情", "来自IP"),
        synonyms={"answer_no": ("序号",), "captured_at": ("提交答卷时间",)},
    ),
    Preset(
        "tencent",
        QT_TRANSLATE_NOOP("Presets", "Tencent Survey (腾讯问卷) export"),
        markers=("开始答题时间", "结束答题时间", "答题时长"),
        synonyms={"answer_no": ("编号",), "captured_at": ("结束答题时间", "提交时间")},
    ),
    Preset(
        "jinshuju",
        QT_TRANSLATE_NOOP("Presets", "Jinshuju (金数据) export"),
        markers=("填写设备", "提交人", "修改时间", "微信昵称"),
        synonyms={"answer_no": ("序号",), "captured_at": ("提交时间",)},
    ),
)
ONLINE = {preset.name for preset in ONLINE_PRESETS}

_OTHER_KEYS = {header_key(word) for word in ("其他", "其它", "其他请注明", "other")}
_OTHER_SUFFIX = re.compile(r"[\s(（〖【_\-:：]*(其他|其它|other)[^)）〗】]*[)）〗】]?\s*$", re.I)


def _is_other_column(header: str, previous: str) -> bool:
    if header_key(header) in _OTHER_KEYS:
        return True
    match = _OTHER_SUFFIX.search(header)
    if match is None or match.start() == 0:
        return False
    return header_key(header[: match.start()]) == header_key(previous)


_OTHER_CHOICE = re.compile(r"(其他|其它|other)\s*(〖[^〗]*〗)?", re.I)


def merge_other_columns(table: Table) -> None:
    """Fold each "other" column into the question before it (see the module notes)."""
    header = table.header
    merged = [
        index
        for index in range(1, len(header))
        if _is_other_column(str(header[index]), str(header[index - 1]))
    ]
    if not merged:
        return
    for row in table.rows:
        for index in merged:
            other = cell_text(row[index]).strip() if index < len(row) else ""
            if not other or index - 1 >= len(row):
                continue
            question = cell_text(row[index - 1])
            if _OTHER_CHOICE.search(question):
                row[index - 1] = _OTHER_CHOICE.sub(other.replace("\\", "\\\\"), question, count=1)
            else:
                row[index - 1] = f"{question}┋{other}" if question.strip() else other
    for index in reversed(merged):
        del table.header[index]
        for row in table.rows:
            if index < len(row):
                del row[index]


_INLINE_OTHER = re.compile(r"(?:其他|其它)\s*〖([^〗]*)〗")


def split_choices(value: Any) -> list[str]:
    """The choices of a multi-choice cell (``┋``, ``|``, ``、``, ``;``, ``，`` or lines);
    问卷星's ``其他〖text〗`` gives its text."""
    text = _INLINE_OTHER.sub(lambda match: match.group(1), cell_text(value))
    return [part.strip() for part in re.split(r"[┋|｜、;；,，\n]+", text) if part.strip()]


# --------------------------------------------------------------------------- patents

_APPLICATION = re.compile(r"(?:CN|ZL)?\s*(\d{8}(?:\d{4})?)\s*[.．·]?\s*([\dXx])", re.I)
_NUMBERED = re.compile(r"^\s*(?:第|No\.?\s*)?(\d{1,3})\s*(?:号|[.．、:：)）\s]\s*(.*))?$", re.I)


def _title_key(title: str) -> str:
    return re.sub(r"\s+", "", clean_text(title)).casefold()


class PatentResolver:
    """The patents a form's patent cell names (see the module notes)."""

    def __init__(self, session: Session, event_id: int, booth_header: bool) -> None:
        self.booth_header = booth_header
        self.by_number: dict[str, Patent] = {}
        self.by_title: dict[str, list[Patent]] = {}
        for patent in session.scalars(select(Patent).where(Patent.deleted_at.is_(None))):
            self.by_number[patent.application_no] = patent
            self.by_title.setdefault(_title_key(patent.title), []).append(patent)
        booths = [e.patent_id for e in shortlist_in_order(session, event_id, included_only=True)]
        by_id = {patent.id: patent for patent in self.by_number.values()}
        self.booths = {number: by_id[pid] for number, pid in enumerate(booths, 1) if pid in by_id}
        self.sessions: dict[str, dict[int, Patent]] = {}
        roadshows = session.scalars(
            select(RoadshowSession)
            .where(RoadshowSession.event_id == event_id, RoadshowSession.deleted_at.is_(None))
            .order_by(RoadshowSession.position, RoadshowSession.id)
        ).all()
        for roadshow in roadshows:
            slots = session.scalars(
                select(Slot)
                .where(Slot.session_id == roadshow.id, Slot.deleted_at.is_(None))
                .order_by(Slot.position, Slot.id)
            ).all()
            self.sessions[_title_key(roadshow.title)] = {
                number: by_id[slot.patent_id]
                for number, slot in enumerate(slots, 1)
                if slot.patent_id in by_id
            }

    def _slots(self, session_title: str) -> dict[int, Patent] | None:
        if session_title:
            found = self.sessions.get(_title_key(session_title))
            if found is None:
                raise RowRejected(
                    fmt(
                        translate("Import", "The event has no roadshow session “%1”."),
                        session_title,
                    )
                )
            return found
        if len(self.sessions) == 1 and not self.booth_header:
            return next(iter(self.sessions.values()))
        return None

    def _by_number(self, text: str) -> Patent | None:
        match = _APPLICATION.search(text.replace(" ", ""))
        if match is None:
            return None
        from roadshow_desk.exchange.normalize import CellProblem
        from roadshow_desk.exchange.patent_fields import parse_application_number

        try:
            number = parse_application_number(match.group(0))
        except (CellProblem, ValueError):
            return None
        patent = self.by_number.get(number)
        if patent is None:
            message = translate("Import", "The patent %1 is not in the library.")
            raise RowRejected(fmt(message, number))
        return patent

    def _by_title(self, title: str) -> Patent | None:
        found = self.by_title.get(_title_key(title), [])
        if len(found) > 1:
            raise RowRejected(
                fmt(
                    translate(
                        "Import", "Several patents are titled “%1”; write the application number."
                    ),
                    title,
                )
            )
        return found[0] if found else None

    def _one(self, text: str, session_title: str) -> Patent:
        patent = self._by_number(text)
        if patent is not None:
            return patent
        match = _NUMBERED.match(text)
        if match is not None:
            rest = (match.group(2) or "").strip()
            if rest:
                by_title = self._by_title(rest)
                if by_title is not None:
                    return by_title
            number = int(match.group(1))
            slots = self._slots(session_title)
            if slots is not None:
                if number in slots:
                    return slots[number]
                raise RowRejected(
                    fmt(translate("Import", "The session has no slot %1."), str(number))
                )
            if number in self.booths:
                return self.booths[number]
            raise RowRejected(fmt(translate("Import", "The event has no booth %1."), str(number)))
        patent = self._by_title(text)
        if patent is not None:
            return patent
        message = translate("Import", "No patent in the library is titled “%1”.")
        raise RowRejected(fmt(message, text))

    def patents(self, value: Any, session_title: str = "") -> list[Patent]:
        """Every patent the cell names, in order, each once; raises :class:`RowRejected`."""
        text = cell_text(value).strip()
        if not text:
            return []
        parts = [m.group(0) for m in _APPLICATION.finditer(text.replace(" ", ""))]
        if not parts:
            whole = self._by_title(text)
            if whole is not None:
                return [whole]
            parts = split_choices(text)
        found: list[Patent] = []
        for part in parts:
            patent = self._one(part, session_title)
            if patent not in found:
                found.append(patent)
        return found


def is_booth_header(header: str) -> bool:
    """Whether a patent column's header is the event sheet's (numbers are booth numbers)."""
    key = header_key(header)
    return key in {
        header_key(form.EVENT_PATENT_HEADING),
        header_key(translate(form.CONTEXT, form.EVENT_PATENT_HEADING)),
        header_key("专利号/展位号"),
    }
