"""Editing a patent's fields by hand: validated, recorded as local edits, and undoable.

:func:`edit_patent` checks and converts the new values, writes them, records each as a local
edit (so a re-import shows a conflict instead of overwriting it), and returns a
:class:`PatentEdit` that :func:`revert_patent_edit` uses to put back the previous values and
local-edit marks exactly. The window's undo command calls these two; so can the CLI and tests.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Boolean, Date, Enum, Integer, String
from sqlalchemy.orm import Session

from roadshow_desk.domain.edits import record_local_edit
from roadshow_desk.domain.enums import ConversionMode, LegalStatus, PatentType
from roadshow_desk.domain.labels import field_label
from roadshow_desk.domain.models import PATENT_DATA_FIELDS, Patent, join_list, split_list
from roadshow_desk.domain.records import live
from roadshow_desk.errors import InputError
from roadshow_desk.i18n import fmt, translate

#: Fields holding several items joined with "; ".
LIST_FIELDS = frozenset({"ipc_all", "applicants", "current_owners", "inventors"})
#: Fields that must not be empty.
REQUIRED_FIELDS = frozenset({"title"})


class PatentEditError(InputError):
    """A value cannot be stored; the message names the field and why."""


@dataclass(frozen=True)
class PatentEdit:
    """What an edit changed, with what is needed to undo it exactly."""

    patent_id: int
    changes: dict[str, Any]
    previous: dict[str, Any]
    previous_local: dict[str, Any] = field(default_factory=dict)
    """The fields' local-edit entries before the edit (``None``: the field had none)."""
    previous_station: str = ""


def _not_allowed() -> str:
    return translate("PatentEditing", "%1 has a value that is not allowed.")


def _error(field_name: str, message: str, *more: object) -> PatentEditError:
    """``message`` with the field's label as ``%1`` (and ``more`` as ``%2``…)."""
    return PatentEditError(fmt(message, field_label(field_name), *more))


def coerce_value(field_name: str, value: Any) -> Any:
    """``value`` checked and converted to the type ``field_name`` stores.

    Raises :class:`PatentEditError` with one sentence for a value that cannot be stored.
    """
    if field_name not in PATENT_DATA_FIELDS:
        raise _error(field_name, translate("PatentEditing", "“%1” cannot be edited."))
    column_type = Patent.__table__.c[field_name].type
    if isinstance(column_type, Enum):
        enum_class = PatentType if field_name == "patent_type" else LegalStatus
        if value is None or value == "":
            if field_name == "legal_status":
                return LegalStatus.UNKNOWN
            return None
        try:
            return enum_class(value)
        except ValueError:
            raise _error(field_name, _not_allowed()) from None
    if isinstance(column_type, Boolean):
        return bool(value)
    if isinstance(column_type, Date):
        if value is None or value == "":
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value).strip())
        except ValueError:
            raise _error(
                field_name, translate("PatentEditing", "%1 is not a date (YYYY-MM-DD).")
            ) from None
    if isinstance(column_type, Integer):
        if value is None or value == "":
            return None
        try:
            number = int(value)
        except (TypeError, ValueError):
            raise _error(
                field_name, translate("PatentEditing", "%1 is not a whole number.")
            ) from None
        if field_name == "self_grade" and not 1 <= number <= 5:
            raise _error(field_name, translate("PatentEditing", "%1 must be from 1 to 5 stars."))
        if number < 0:
            raise _error(field_name, translate("PatentEditing", "%1 cannot be negative."))
        return number
    # Text
    if field_name == "conversion_modes":
        items = split_list(value) if isinstance(value, str) else [str(v) for v in value or []]
        try:
            modes = [ConversionMode(item) for item in items]
        except ValueError:
            raise _error(field_name, _not_allowed()) from None
        return join_list([mode.value for mode in ConversionMode if mode in modes])
    text = "" if value is None else str(value).strip()
    if field_name in LIST_FIELDS:
        text = join_list(split_list(text.replace("；", ";")))
    if field_name in REQUIRED_FIELDS and not text:
        raise _error(field_name, translate("PatentEditing", "%1 cannot be empty."))
    length = getattr(column_type, "length", None) if isinstance(column_type, String) else None
    if length is not None and len(text) > length:
        message = translate("PatentEditing", "%1 is longer than %2 characters.")
        raise _error(field_name, message, length)
    return text


def edit_patent(
    session: Session, patent_id: int, changes: dict[str, Any], *, station: str = ""
) -> PatentEdit | None:
    """Write ``changes`` ({field: value}) to the patent as local edits.

    Every value is checked first, so a bad one changes nothing. Returns ``None`` when no
    value differs from what is stored.
    """
    patent = live(session, Patent, patent_id)
    if patent is None:
        raise PatentEditError(translate("PatentEditing", "The patent no longer exists."))
    coerced = {name: coerce_value(name, value) for name, value in changes.items()}
    effective = {name: value for name, value in coerced.items() if getattr(patent, name) != value}
    if not effective:
        return None
    local = patent.local_edits or {}
    edit = PatentEdit(
        patent_id=patent_id,
        changes=effective,
        previous={name: getattr(patent, name) for name in effective},
        previous_local={name: local.get(name) for name in effective},
        previous_station=patent.station,
    )
    for name, value in effective.items():
        record_local_edit(session, patent, name, value)
    if station:
        patent.station = station
    session.flush()
    return edit


def revert_patent_edit(session: Session, edit: PatentEdit) -> None:
    """Put back the values and local-edit marks that ``edit`` replaced."""
    patent = session.get(Patent, edit.patent_id)
    if patent is None:
        raise PatentEditError(translate("PatentEditing", "The patent no longer exists."))
    for name, value in edit.previous.items():
        setattr(patent, name, value)
    local = dict(patent.local_edits or {})
    for name, entry in edit.previous_local.items():
        if entry is None:
            local.pop(name, None)
        else:
            local[name] = entry
    patent.local_edits = local
    patent.station = edit.previous_station
    session.flush()


def patent_values(session: Session, patent_id: int) -> dict[str, Any]:
    """The editable fields of a patent, plus ``application_no`` (for an edit form)."""
    patent = live(session, Patent, patent_id)
    if patent is None:
        raise PatentEditError(translate("PatentEditing", "The patent no longer exists."))
    values = {name: getattr(patent, name) for name in PATENT_DATA_FIELDS}
    values["application_no"] = patent.application_no
    return values
