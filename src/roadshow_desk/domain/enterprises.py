"""The enterprise registry: validation, duplicates, walk-ins and their reconciliation.

Rules
    * The unified social credit code is optional (a walk-in rarely knows it) but, when given,
      valid (``identifiers.normalize_credit_code``, python-stdnum) and unique.
    * The phone is optional but, when given, a Chinese number (``identifiers.normalize_phone``).
    * Duplicates: the same credit code, or the same
      :func:`~roadshow_desk.domain.enterprise_names.name_key` -- the name with
      full-width characters made half-width, brackets and spaces removed, case folded and
      the legal-form suffix (有限公司, 股份有限公司, 有限责任公司, 集团有限公司, Co., Ltd. ...)
      dropped, so ``联想（北京）有限公司`` and ``联想(北京)股份有限公司`` are one firm.
      :func:`register_enterprise` refuses a duplicate with :class:`DuplicateEnterprise`
      (which names the existing record) unless the caller confirms a same-name firm.
    * Type tags are the five :class:`~roadshow_desk.domain.enums.EnterpriseTag` values.
    * A walk-in is registered at the desk with a name and a phone only, flagged
      ``is_walk_in``; later the organiser either merges it into the registered firm it really
      is (:func:`merge_walk_in`: registrations and intentions move over, the walk-in becomes a
      tombstone) or confirms it as a new firm (:func:`confirm_walk_in`).
    * Sync (the same agreement as patents, ``domain.edits``): ``imported_values`` holds what
      the last import wrote (``{field: json value}``), ``local_edits`` the fields the
      organiser changed since (``{field: {"at": ISO time, "value": json value}}``, recorded
      by :func:`update_enterprise`), so a re-import never silently overwrites a local edit.

Every function takes an SQLAlchemy ``Session`` and leaves committing to the caller (short
sessions: ``with database.session() as session: ...``).

Names and type tags as people write them are in :mod:`~roadshow_desk.domain.enterprise_names`,
the look-up as someone types in :mod:`~roadshow_desk.domain.enterprise_search`; this module
re-exports the four of their names (``name_key``, ``clean_name``, ``tags_text``,
``search_enterprises``) that modules written before the split import from here.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session

from roadshow_desk.domain import check_in_log
from roadshow_desk.domain.enterprise_names import clean_name as clean_name
from roadshow_desk.domain.enterprise_names import name_key as name_key
from roadshow_desk.domain.enterprise_names import tag_of
from roadshow_desk.domain.enterprise_names import tags_text as tags_text
from roadshow_desk.domain.enterprise_search import search_enterprises as search_enterprises
from roadshow_desk.domain.enums import EnterpriseTag
from roadshow_desk.domain.identifiers import (
    CreditCodeProblem,
    InvalidCreditCode,
    InvalidPhone,
    PhoneProblem,
    normalize_credit_code,
    normalize_phone,
)
from roadshow_desk.domain.models import (
    Enterprise,
    Intention,
    Registration,
    join_list,
    split_list,
    utcnow,
)
from roadshow_desk.domain.records import live, set_deleted, stamp
from roadshow_desk.errors import InputError
from roadshow_desk.i18n import fmt, translate

#: Fields of an enterprise that a registration list may set and the organiser may edit.
ENTERPRISE_DATA_FIELDS: tuple[str, ...] = (
    "name",
    "credit_code",
    "tags",
    "industry",
    "keywords",
    "ipc_interests",
    "region",
    "address",
    "contact_person",
    "phone",
    "email",
    "consent_to_contact",
    "notes",
)


class EnterpriseInvalid(InputError):
    """An enterprise record that cannot be saved; the message is one translated sentence."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.field = field


class DuplicateEnterprise(EnterpriseInvalid):
    """The registry already holds this firm (same credit code or same normalised name)."""

    def __init__(self, message: str, existing: Enterprise, same_code: bool) -> None:
        super().__init__(message, "credit_code" if same_code else "name")
        self.existing_id = existing.id
        self.existing_name = existing.name
        self.same_code = same_code


# --------------------------------------------------------------------------- validation


def credit_code_message(error: InvalidCreditCode) -> str:
    """One translated sentence for an invalid credit code."""
    shown = " ".join(error.text.split())[:40]
    if error.reason is CreditCodeProblem.WRONG_LENGTH:
        text = translate(
            "Enterprises", "“%1” is not a unified social credit code: it must have 18 characters."
        )
    elif error.reason is CreditCodeProblem.WRONG_CHECK_CHARACTER:
        text = translate(
            "Enterprises",
            "“%1” is not a valid unified social credit code: its last character does not "
            "match, so one character is mistyped.",
        )
    elif error.reason is CreditCodeProblem.EMPTY:
        return translate("Enterprises", "The unified social credit code is empty.")
    else:
        text = translate(
            "Enterprises",
            "“%1” is not a valid unified social credit code: it may contain only digits and "
            "capital letters other than I, O, S, V and Z.",
        )
    return fmt(text, shown)


def phone_message(error: InvalidPhone) -> str:
    """One translated sentence for an invalid phone number."""
    shown = " ".join(error.text.split())[:40]
    if error.reason is PhoneProblem.MISSING_AREA_CODE:
        text = translate(
            "Enterprises", "“%1” has no area code; write landlines with it, like 010-12345678."
        )
    elif error.reason is PhoneProblem.EMPTY:
        return translate("Enterprises", "The phone number is empty.")
    else:
        text = translate(
            "Enterprises",
            "“%1” is not a Chinese mobile number (11 digits) or a landline with its area code.",
        )
    return fmt(text, shown)


def parse_tags(values: Iterable[str] | str) -> list[EnterpriseTag]:
    """Type tags from stored values, labels or the spellings registration lists use.

    A string is split on ``;``, ``；``, ``,``, ``，``, ``、``, ``/`` and line breaks.
    Raises :class:`EnterpriseInvalid` naming the first value that is not a type.
    """
    if isinstance(values, str):
        items = [part for part in re.split(r"[;；,，、/|\n]+", values) if part.strip()]
    else:
        items = [value for value in values if value and value.strip()]
    found: list[EnterpriseTag] = []
    for item in items:
        tag = tag_of(item)
        if tag is None:
            raise EnterpriseInvalid(
                fmt(
                    translate(
                        "Enterprises",
                        "“%1” is not an enterprise type; use IP-advantage demonstration, "
                        "specialised and new SME, high-tech, state-owned or IP protection centre.",
                    ),
                    item.strip(),
                ),
                "tags",
            )
        if tag not in found:
            found.append(tag)
    return found


@dataclasses.dataclass
class EnterpriseFields:
    """What a form, a registration list or a walk-in gives for one firm (unvalidated)."""

    name: str
    credit_code: str = ""
    tags: Sequence[str] | str = ()
    industry: str = ""
    keywords: str = ""
    ipc_interests: str = ""
    region: str = ""
    address: str = ""
    contact_person: str = ""
    phone: str = ""
    email: str = ""
    consent_to_contact: bool = False
    notes: str = ""


def validated_values(fields: EnterpriseFields) -> dict[str, Any]:
    """The column values for ``fields``, normalised; raises :class:`EnterpriseInvalid`."""
    name = clean_name(fields.name)
    if not name_key(name):
        raise EnterpriseInvalid(translate("Enterprises", "The enterprise name is empty."), "name")
    credit_code: str | None = None
    if fields.credit_code and fields.credit_code.strip():
        try:
            credit_code = normalize_credit_code(fields.credit_code)
        except InvalidCreditCode as error:
            raise EnterpriseInvalid(credit_code_message(error), "credit_code") from None
    phone = ""
    if fields.phone and fields.phone.strip():
        try:
            phone = normalize_phone(fields.phone)
        except InvalidPhone as error:
            raise EnterpriseInvalid(phone_message(error), "phone") from None
    email = fields.email.strip()
    if email and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", email):
        raise EnterpriseInvalid(
            fmt(translate("Enterprises", "“%1” is not an e-mail address."), email), "email"
        )
    return {
        "name": name,
        "name_key": name_key(name),
        "credit_code": credit_code,
        "tags": join_list([tag.value for tag in parse_tags(fields.tags)]),
        "industry": fields.industry.strip(),
        "keywords": fields.keywords.strip(),
        "ipc_interests": fields.ipc_interests.strip(),
        "region": fields.region.strip(),
        "address": fields.address.strip(),
        "contact_person": fields.contact_person.strip(),
        "phone": phone,
        "email": email,
        "consent_to_contact": bool(fields.consent_to_contact),
        "notes": fields.notes.strip(),
    }


# --------------------------------------------------------------------------- duplicates


def _live() -> ColumnElement[bool]:
    return Enterprise.deleted_at.is_(None)


def find_duplicates(
    session: Session,
    name: str,
    credit_code: str | None = None,
    *,
    exclude_id: int | None = None,
) -> list[tuple[Enterprise, bool]]:
    """Registered firms that ``name``/``credit_code`` would duplicate: ``(firm, same_code)``,
    same-code matches first."""
    conditions = [Enterprise.name_key == name_key(name)]
    code = None
    if credit_code:
        try:
            code = normalize_credit_code(credit_code)
        except InvalidCreditCode:
            code = None
        if code:
            conditions.append(Enterprise.credit_code == code)
    query = select(Enterprise).where(_live(), or_(*conditions))
    if exclude_id is not None:
        query = query.where(Enterprise.id != exclude_id)
    found = [(firm, bool(code) and firm.credit_code == code) for firm in session.scalars(query)]
    found.sort(key=lambda pair: (not pair[1], pair[0].id))
    return found


def _check_duplicates(
    session: Session,
    values: dict[str, Any],
    *,
    exclude_id: int | None,
    allow_same_name: bool,
) -> None:
    for firm, same_code in find_duplicates(
        session, values["name"], values["credit_code"], exclude_id=exclude_id
    ):
        if same_code:
            raise DuplicateEnterprise(
                fmt(
                    translate("Enterprises", "The credit code %1 is already registered for “%2”."),
                    values["credit_code"],
                    firm.name,
                ),
                firm,
                True,
            )
        if allow_same_name:
            continue
        if values["credit_code"] and firm.credit_code and firm.credit_code != values["credit_code"]:
            continue  # same name, different codes: two real firms (e.g. branches)
        raise DuplicateEnterprise(
            fmt(
                translate("Enterprises", "“%1” is already registered as “%2”."),
                values["name"],
                firm.name,
            ),
            firm,
            False,
        )


# --------------------------------------------------------------------------- registry


def register_enterprise(
    session: Session,
    fields: EnterpriseFields,
    *,
    station: str = "",
    allow_same_name: bool = False,
    walk_in: bool = False,
) -> Enterprise:
    """Add a firm to the registry; raises :class:`EnterpriseInvalid` or
    :class:`DuplicateEnterprise` (``allow_same_name`` lets a confirmed same-name firm in; a
    same credit code is never allowed)."""
    values = validated_values(fields)
    _check_duplicates(session, values, exclude_id=None, allow_same_name=allow_same_name)
    enterprise = Enterprise(**values, station=station, is_walk_in=walk_in)
    session.add(enterprise)
    session.flush()
    return enterprise


def get_enterprise(session: Session, enterprise_id: int) -> Enterprise:
    enterprise = live(session, Enterprise, enterprise_id)
    if enterprise is None:
        raise EnterpriseInvalid(translate("Enterprises", "This enterprise no longer exists."))
    return enterprise


def enterprise_by_uuid(session: Session, uuid: str) -> Enterprise | None:
    return session.scalar(select(Enterprise).where(Enterprise.uuid == uuid, _live()))


def fields_of(enterprise: Enterprise) -> EnterpriseFields:
    """The editable fields of a stored firm (for a form)."""
    return EnterpriseFields(
        name=enterprise.name,
        credit_code=enterprise.credit_code or "",
        tags=split_list(enterprise.tags),
        industry=enterprise.industry,
        keywords=enterprise.keywords,
        ipc_interests=enterprise.ipc_interests,
        region=enterprise.region,
        address=enterprise.address,
        contact_person=enterprise.contact_person,
        phone=enterprise.phone,
        email=enterprise.email,
        consent_to_contact=enterprise.consent_to_contact,
        notes=enterprise.notes,
    )


def update_enterprise(
    session: Session,
    enterprise_id: int,
    fields: EnterpriseFields,
    *,
    station: str = "",
    allow_same_name: bool = False,
) -> list[str]:
    """Save the organiser's edit of a firm; returns the fields that changed.

    A changed field that an import wrote is recorded in ``local_edits`` so a later re-import
    shows a conflict instead of overwriting it.
    """
    enterprise = get_enterprise(session, enterprise_id)
    values = validated_values(fields)
    _check_duplicates(session, values, exclude_id=enterprise.id, allow_same_name=allow_same_name)
    changed: list[str] = []
    edits = dict(enterprise.local_edits or {})
    imported = enterprise.imported_values or {}
    edited_at = utcnow().isoformat(timespec="seconds")
    for name, value in values.items():
        if getattr(enterprise, name) == value:
            continue
        setattr(enterprise, name, value)
        if name == "name_key":
            continue
        changed.append(name)
        if name in imported:
            if imported[name] == value:
                edits.pop(name, None)  # set back to what the import wrote
            else:
                edits[name] = {"at": edited_at, "value": value}
    if changed:
        enterprise.local_edits = edits
        enterprise.station = station or enterprise.station
    return changed


def set_enterprise_deleted(
    session: Session, enterprise_id: int, deleted: bool, *, station: str = ""
) -> None:
    """Tombstone a firm (or bring it back): it leaves the lists, its intentions stay.

    The change is stamped with ``station`` and the time, so it travels in that station's
    bundle (``""`` keeps the station that last wrote the firm)."""
    enterprise = session.get(Enterprise, enterprise_id)
    if enterprise is None:
        raise EnterpriseInvalid(translate("Enterprises", "This enterprise no longer exists."))
    set_deleted(enterprise, deleted, station=station)


# --------------------------------------------------------------------------- walk-ins


def register_walk_in(session: Session, name: str, phone: str, *, station: str = "") -> Enterprise:
    """A firm that came without signing up: name and phone only, flagged for reconciliation.

    The same-name check is relaxed (the walk-in may well be a registered firm under another
    spelling; reconciliation decides), but the phone must be valid.
    """
    if not phone.strip():
        raise EnterpriseInvalid(
            translate(
                "Enterprises", "A walk-in needs a phone number so the organiser can reach it."
            ),
            "phone",
        )
    return register_enterprise(
        session,
        EnterpriseFields(name=name, phone=phone),
        station=station,
        allow_same_name=True,
        walk_in=True,
    )


def walk_ins(session: Session) -> list[Enterprise]:
    """Walk-ins still waiting for reconciliation, oldest first."""
    query = select(Enterprise).where(_live(), Enterprise.is_walk_in.is_(True))
    return list(session.scalars(query.order_by(Enterprise.id)))


def reconciliation_candidates(session: Session, walk_in_id: int) -> list[Enterprise]:
    """Registered firms a walk-in may be: same normalised name or same phone."""
    walk_in = get_enterprise(session, walk_in_id)
    conditions = [Enterprise.name_key == walk_in.name_key]
    if walk_in.phone:
        conditions.append(Enterprise.phone == walk_in.phone)
    query = select(Enterprise).where(
        _live(), Enterprise.id != walk_in.id, Enterprise.is_walk_in.is_(False), or_(*conditions)
    )
    return list(session.scalars(query.order_by(Enterprise.name)))


def merge_walk_in(session: Session, walk_in_id: int, into_id: int, *, station: str = "") -> None:
    """Merge a walk-in into the registered firm it is.

    Its intentions and event registrations move to the firm (where the firm was already
    registered for the same event, the earlier check-in is kept); the firm's empty contact
    fields take the walk-in's; the walk-in becomes a tombstone (never deleted, so a bundle
    from another laptop that still names it merges cleanly). Every record it writes is
    stamped with ``station``, so that station's bundle carries the merge.
    """
    walk_in = get_enterprise(session, walk_in_id)
    target = get_enterprise(session, into_id)
    if walk_in.id == target.id:
        raise EnterpriseInvalid(
            translate("Enterprises", "An enterprise cannot be merged into itself.")
        )
    if not walk_in.is_walk_in:
        raise EnterpriseInvalid(
            fmt(
                translate("Enterprises", "“%1” is not a walk-in; only walk-ins are merged."),
                walk_in.name,
            )
        )
    now = utcnow()
    for intention in session.scalars(
        select(Intention).where(Intention.enterprise_id == walk_in.id)
    ):
        intention.enterprise_id = target.id
        stamp(intention, station, now)
    existing = {
        reg.event_id: reg
        for reg in session.scalars(
            select(Registration).where(Registration.enterprise_id == target.id)
        )
    }
    for registration in list(
        session.scalars(select(Registration).where(Registration.enterprise_id == walk_in.id))
    ):
        kept = existing.get(registration.event_id)
        if kept is None:
            registration.enterprise_id = target.id
            stamp(registration, station, now)
            continue
        at, where, log = check_in_log.settle(  # the first check-in not taken back
            check_in_log.join(
                *(
                    check_in_log.state_of(r.checked_in_at, r.checked_in_station, r.check_ins)
                    for r in (kept, registration)
                )
            )
        )
        kept.checked_in_at, kept.checked_in_station = check_in_log.decoded(at), where
        kept.check_ins = log
        kept.attendee_name = kept.attendee_name or registration.attendee_name
        kept.attendee_phone = kept.attendee_phone or registration.attendee_phone
        stamp(kept, station, now)
        set_deleted(registration, True, station=station, now=now)
    if not target.phone:
        target.phone = walk_in.phone
    if not target.contact_person:
        target.contact_person = walk_in.contact_person
    note = fmt(translate("Enterprises", "Merged walk-in “%1” (%2)."), walk_in.name, walk_in.phone)
    target.notes = "\n".join(filter(None, [target.notes, note]))
    stamp(target, station, now)
    set_deleted(walk_in, True, station=station, now=now)
    walk_in.notes = "\n".join(filter(None, [walk_in.notes, f"merged-into:{target.uuid}"]))
    session.flush()


def confirm_walk_in(
    session: Session, walk_in_id: int, fields: EnterpriseFields, *, station: str = ""
) -> Enterprise:
    """Reconcile a walk-in as a new firm: save its full details and clear the flag."""
    update_enterprise(session, walk_in_id, fields, station=station)
    enterprise = get_enterprise(session, walk_in_id)
    enterprise.is_walk_in = False
    return enterprise
