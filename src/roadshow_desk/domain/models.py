"""The whole data model of Roadshow Desk (SQLAlchemy 2 typed declarative, no Qt).

Conventions:

* Every table has an integer ``id`` primary key for local joins.
* Every record a station can create mixes in :class:`Synced`: a ``uuid`` that is the same on
  every laptop, ``updated_at``, the ``station`` that last wrote it, and ``deleted_at`` as a
  tombstone (rows are never deleted, so bundles merge without losing anything).
* Multi-valued bibliographic fields (applicants, inventors, IPC codes) are stored as text
  joined with ``"; "`` (:data:`LIST_SEPARATOR`): they are searched as substrings and shown as
  they are; :func:`split_list` and :func:`join_list` convert.
* Enums are stored as their string values (``native_enum=False``), so a new member needs no
  schema change on SQLite or PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
import uuid as uuid_module
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    ColumnElement,
    Date,
    DateTime,
    Enum,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Numeric,
    String,
    Text,
    UniqueConstraint,
    select,
)
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    column_property,
    mapped_column,
    relationship,
)

from roadshow_desk.domain.enums import (
    BudgetBand,
    ConflictResolution,
    DealKind,
    FollowUpStage,
    ImportKind,
    InstitutionKind,
    IntentionKind,
    LegalStatus,
    PatentType,
    PaymentMethod,
    Timeline,
)

LIST_SEPARATOR = "; "

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def split_list(text: str | None) -> list[str]:
    """Split a stored multi-value field into its items."""
    if not text:
        return []
    return [item.strip() for item in text.split(";") if item.strip()]


def join_list(items: list[str] | tuple[str, ...]) -> str:
    """Join items for storage in a multi-value field (empty items dropped)."""
    return LIST_SEPARATOR.join(item.strip() for item in items if item and item.strip())


def utcnow() -> dt.datetime:
    """Naive UTC now: what every timestamp column stores."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def new_uuid() -> str:
    return uuid_module.uuid4().hex


_VARIANT = {f"{n:x}": f"{8 | (n & 3):x}" for n in range(16)}


def new_uuids(count: int) -> list[str]:
    """``count`` values of :func:`new_uuid` at once (random version-4 UUIDs, as hex): one
    read of the system's random source instead of one a value (bulk imports)."""
    import os

    pool = os.urandom(16 * count).hex()
    return [
        f"{pool[i : i + 12]}4{pool[i + 13 : i + 16]}{_VARIANT[pool[i + 16]]}{pool[i + 17 : i + 32]}"
        for i in range(0, 32 * count, 32)
    ]


def _enum(enum_class: type[Any]) -> Enum:
    return Enum(
        enum_class,
        native_enum=False,
        create_constraint=False,
        length=32,
        values_callable=lambda members: [member.value for member in members],
        validate_strings=True,
    )


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Synced:
    """Columns of every record that a station can create, for bundles and merge."""

    uuid: Mapped[str] = mapped_column(String(32), unique=True, default=new_uuid)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    station: Mapped[str] = mapped_column(String(64), default="")
    deleted_at: Mapped[dt.datetime | None] = mapped_column(DateTime, default=None)

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None


# --------------------------------------------------------------------------- stations


class Station(Base):
    """A laptop (or shared server client) that records data for an event."""

    __tablename__ = "station"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    last_bundle_at: Mapped[dt.datetime | None] = mapped_column(DateTime, default=None)
    region: Mapped[str] = mapped_column(String(100), default="")  # a cross-regional event's


# --------------------------------------------------------------------------- library


class Institution(Synced, Base):
    """A university, research institute or other patent owner."""

    __tablename__ = "institution"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    short_name: Mapped[str] = mapped_column(String(64), default="")
    kind: Mapped[InstitutionKind] = mapped_column(
        _enum(InstitutionKind), default=InstitutionKind.UNIVERSITY
    )
    region: Mapped[str] = mapped_column(String(100), default="")
    contact_person: Mapped[str] = mapped_column(String(100), default="")
    contact_phone: Mapped[str] = mapped_column(String(40), default="")
    contact_email: Mapped[str] = mapped_column(String(200), default="")

    patents: Mapped[list[Patent]] = relationship(back_populates="institution")


class PatentScore(Base):
    """A patent's score under the active rubric: derived data, recomputed in SQL.

    Kept out of the wide ``patent`` row so that a rescore of the whole library
    (:func:`roadshow_desk.store.scoring.rescore`) rewrites these small rows only. Read and
    set it as ``Patent.score``; a patent without a row here has no score yet.
    """

    __tablename__ = "patent_score"

    patent_id: Mapped[int] = mapped_column(
        ForeignKey("patent.id", ondelete="CASCADE"), primary_key=True
    )
    score: Mapped[float] = mapped_column()


class Patent(Synced, Base):
    """One patent with every field a real export or the activation system carries."""

    __tablename__ = "patent"
    __table_args__ = (
        Index("ix_patent_title", "title"),
        # Facet and sort columns with deleted_at: counts and the library's id list of live
        # patents read these indexes alone, never the wide rows (see store.facets).
        Index("ix_patent_technical_field", "technical_field", "deleted_at"),
        Index("ix_patent_application_date", "application_date", "deleted_at"),
        Index("ix_patent_legal_status", "legal_status", "deleted_at"),
        Index("ix_patent_patent_type", "patent_type", "deleted_at"),
        Index("ix_patent_institution_id", "institution_id", "deleted_at"),
        # Everything the high-value category facet and the rubric read, so the facet's
        # counts and a rescore (store.scoring) scan this index, never the wide rows.
        Index(
            "ix_patent_high_value",
            "overseas_family",
            "pledge_financing",
            "legal_status",
            "application_date",
            "strategic_emerging_industry",
            "patent_award",
            "deleted_at",
            "patent_type",
            "claims_count",
            "self_grade",
            "conversion_modes",
            "open_licence_terms",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # Identification
    application_no: Mapped[str] = mapped_column(String(24), unique=True)
    publication_no: Mapped[str] = mapped_column(String(32), default="")
    grant_no: Mapped[str] = mapped_column(String(32), default="")
    title: Mapped[str] = mapped_column(Text, default="")
    abstract: Mapped[str] = mapped_column(Text, default="")
    patent_type: Mapped[PatentType | None] = mapped_column(_enum(PatentType), default=None)
    # Classification
    ipc_main: Mapped[str] = mapped_column(String(40), default="")
    ipc_all: Mapped[str] = mapped_column(Text, default="")  # "; "-joined
    technical_field: Mapped[str] = mapped_column(String(100), default="")
    # Parties
    applicants: Mapped[str] = mapped_column(Text, default="")  # "; "-joined
    current_owners: Mapped[str] = mapped_column(Text, default="")  # "; "-joined
    inventors: Mapped[str] = mapped_column(Text, default="")  # "; "-joined
    applicant_address: Mapped[str] = mapped_column(Text, default="")
    agency: Mapped[str] = mapped_column(String(200), default="")
    institution_id: Mapped[int | None] = mapped_column(
        ForeignKey("institution.id", ondelete="SET NULL"), default=None
    )
    # Dates
    application_date: Mapped[dt.date | None] = mapped_column(Date, default=None)
    publication_date: Mapped[dt.date | None] = mapped_column(Date, default=None)
    grant_date: Mapped[dt.date | None] = mapped_column(Date, default=None)
    priority_date: Mapped[dt.date | None] = mapped_column(Date, default=None)
    # Status and strength
    legal_status: Mapped[LegalStatus] = mapped_column(
        _enum(LegalStatus), default=LegalStatus.UNKNOWN
    )
    claims_count: Mapped[int | None] = mapped_column(Integer, default=None)
    family_size: Mapped[int | None] = mapped_column(Integer, default=None)
    cited_by_count: Mapped[int | None] = mapped_column(Integer, default=None)
    # CNIPA high-value invention-patent categories
    strategic_emerging_industry: Mapped[str] = mapped_column(String(100), default="")
    overseas_family: Mapped[bool] = mapped_column(Boolean, default=False)
    pledge_financing: Mapped[bool] = mapped_column(Boolean, default=False)
    patent_award: Mapped[str] = mapped_column(String(200), default="")
    # The institute's own offer
    self_grade: Mapped[int | None] = mapped_column(Integer, default=None)  # 1..5 stars
    conversion_modes: Mapped[str] = mapped_column(String(200), default="")  # ConversionMode values
    open_licence_terms: Mapped[str] = mapped_column(Text, default="")
    price_guide: Mapped[str] = mapped_column(String(200), default="")
    public_contact: Mapped[str] = mapped_column(String(200), default="")
    advantages: Mapped[str] = mapped_column(Text, default="")
    application_scenarios: Mapped[str] = mapped_column(Text, default="")
    # Sync bookkeeping: what the last import wrote, and what the organiser edited since
    imported_values: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    local_edits: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    last_batch_id: Mapped[int | None] = mapped_column(
        ForeignKey("import_batch.id", ondelete="SET NULL"), default=None
    )

    institution: Mapped[Institution | None] = relationship(back_populates="patents")
    # Screening: the score under the active rubric, kept in the narrow patent_score table.
    # Read with the patent's row (a float, no extra object); written through score_entry.
    _score: Mapped[float | None] = column_property(
        select(PatentScore.score)
        .where(PatentScore.patent_id == id)
        .correlate_except(PatentScore)
        .scalar_subquery()
    )
    score_entry: Mapped[PatentScore | None] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )

    @hybrid_property
    def score(self) -> float | None:
        """The score under the active rubric (``None``: not scored yet); see PatentScore."""
        return self._score

    @score.inplace.setter
    def _score_setter(self, value: float | None) -> None:
        if value is None:
            self.score_entry = None
        elif self.score_entry is None:
            self.score_entry = PatentScore(score=value)
        else:
            self.score_entry.score = value
        self._score = value

    @score.inplace.expression
    @classmethod
    def _score_expression(cls) -> ColumnElement[float | None]:
        # A correlated subquery: a statement that names no other patent column needs
        # .select_from(Patent), else it reads one score of some patent.
        return cls._score.label("score")


#: Patent fields that an import may set and the organiser may edit (sync compares these).
PATENT_DATA_FIELDS: tuple[str, ...] = (
    "publication_no",
    "grant_no",
    "title",
    "abstract",
    "patent_type",
    "ipc_main",
    "ipc_all",
    "technical_field",
    "applicants",
    "current_owners",
    "inventors",
    "applicant_address",
    "agency",
    "application_date",
    "publication_date",
    "grant_date",
    "priority_date",
    "legal_status",
    "claims_count",
    "family_size",
    "cited_by_count",
    "strategic_emerging_industry",
    "overseas_family",
    "pledge_financing",
    "patent_award",
    "self_grade",
    "conversion_modes",
    "open_licence_terms",
    "price_guide",
    "public_contact",
    "advantages",
    "application_scenarios",
)


# The full-text search index (FTS5 postings, normalised text, triggers) is SQLite-specific
# and lives outside these models: see roadshow_desk.store.search, which creates it on use.


# --------------------------------------------------------------------------- screening


class Rubric(Base):
    """A named, tunable scoring rubric (weights and thresholds as JSON)."""

    __tablename__ = "rubric"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    weights: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    is_active: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


# --------------------------------------------------------------------------- event


class Event(Synced, Base):
    __tablename__ = "event"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    starts_on: Mapped[dt.date | None] = mapped_column(Date, default=None)
    ends_on: Mapped[dt.date | None] = mapped_column(Date, default=None)
    venue: Mapped[str] = mapped_column(String(200), default="")
    region: Mapped[str] = mapped_column(String(100), default="")
    partner_regions: Mapped[str] = mapped_column(Text, default="")  # "; "-joined
    organisers: Mapped[str] = mapped_column(Text, default="")  # "; "-joined
    signup_url_template: Mapped[str] = mapped_column(Text, default="")
    foreword: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    # The venue's IANA time zone: every time is shown, printed and exported in it (stored
    # times stay naive UTC), and the language of the printed documents.
    time_zone: Mapped[str] = mapped_column(
        String(64), default="Asia/Shanghai", server_default="Asia/Shanghai"
    )
    document_language: Mapped[str] = mapped_column(
        String(8), default="zh_CN", server_default="zh_CN"
    )

    shortlist: Mapped[list[ShortlistEntry]] = relationship(
        back_populates="event", order_by="ShortlistEntry.position"
    )
    sessions: Mapped[list[RoadshowSession]] = relationship(
        back_populates="event", order_by="RoadshowSession.position"
    )


class ShortlistEntry(Synced, Base):
    """A patent on an event's shortlist, in the organiser's order."""

    __tablename__ = "shortlist_entry"
    __table_args__ = (UniqueConstraint("event_id", "patent_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    patent_id: Mapped[int] = mapped_column(ForeignKey("patent.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    included: Mapped[bool] = mapped_column(Boolean, default=True)
    exclusion_reason: Mapped[str] = mapped_column(Text, default="")
    tags: Mapped[str] = mapped_column(Text, default="")  # "; "-joined
    presenter_notes: Mapped[str] = mapped_column(Text, default="")

    event: Mapped[Event] = relationship(back_populates="shortlist")
    patent: Mapped[Patent] = relationship()


class Enterprise(Synced, Base):
    """A firm that registers, listens and states intentions."""

    __tablename__ = "enterprise"
    __table_args__ = (Index("ix_enterprise_name", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    name_key: Mapped[str] = mapped_column(String(200), default="", index=True)  # for duplicates
    credit_code: Mapped[str | None] = mapped_column(String(18), unique=True, default=None)
    tags: Mapped[str] = mapped_column(String(200), default="")  # EnterpriseTag values, "; "
    industry: Mapped[str] = mapped_column(String(100), default="")
    keywords: Mapped[str] = mapped_column(Text, default="")  # "; "-joined
    ipc_interests: Mapped[str] = mapped_column(Text, default="")  # "; "-joined IPC prefixes
    region: Mapped[str] = mapped_column(String(100), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    contact_person: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    consent_to_contact: Mapped[bool] = mapped_column(Boolean, default=False)
    is_walk_in: Mapped[bool] = mapped_column(Boolean, default=False)  # to reconcile later
    notes: Mapped[str] = mapped_column(Text, default="")
    imported_values: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    local_edits: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class Registration(Synced, Base):
    """An enterprise signed up for an event, and its check-in (the first one that was not
    taken back wins)."""

    __tablename__ = "registration"
    __table_args__ = (UniqueConstraint("event_id", "enterprise_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    enterprise_id: Mapped[int] = mapped_column(
        ForeignKey("enterprise.id", ondelete="CASCADE"), index=True
    )
    signed_up_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    attendee_name: Mapped[str] = mapped_column(String(100), default="")
    attendee_phone: Mapped[str] = mapped_column(String(40), default="")
    checked_in_at: Mapped[dt.datetime | None] = mapped_column(DateTime, default=None)
    checked_in_station: Mapped[str] = mapped_column(String(64), default="")
    check_ins: Mapped[list[dict[str, Any]] | None] = mapped_column(
        JSON(none_as_null=True), default=None
    )
    """Every check-in seen and the ones taken back, when there is more to say than the one
    above (``domain.check_in_log``); ``None`` otherwise."""

    event: Mapped[Event] = relationship()
    enterprise: Mapped[Enterprise] = relationship()


class RoadshowSession(Synced, Base):
    """A roadshow session of an event with its ordered slots."""

    __tablename__ = "roadshow_session"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(Integer, default=0)
    starts_at: Mapped[dt.datetime | None] = mapped_column(DateTime, default=None)
    room: Mapped[str] = mapped_column(String(100), default="")
    host: Mapped[str] = mapped_column(String(100), default="")

    event: Mapped[Event] = relationship(back_populates="sessions")
    slots: Mapped[list[Slot]] = relationship(back_populates="session", order_by="Slot.position")


class Slot(Synced, Base):
    """One patent's turn in a session."""

    __tablename__ = "slot"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("roadshow_session.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    patent_id: Mapped[int | None] = mapped_column(
        ForeignKey("patent.id", ondelete="SET NULL"), default=None
    )
    presenter: Mapped[str] = mapped_column(String(100), default="")
    institution_id: Mapped[int | None] = mapped_column(
        ForeignKey("institution.id", ondelete="SET NULL"), default=None
    )
    planned_minutes: Mapped[int] = mapped_column(Integer, default=8)
    actual_start: Mapped[dt.datetime | None] = mapped_column(DateTime, default=None)
    actual_end: Mapped[dt.datetime | None] = mapped_column(DateTime, default=None)

    session: Mapped[RoadshowSession] = relationship(back_populates="slots")
    patent: Mapped[Patent | None] = relationship()
    institution: Mapped[Institution | None] = relationship()


# --------------------------------------------------------------------------- intentions


class Intention(Synced, Base):
    """Enterprise × patent × kind, recorded at a desk, then followed up."""

    __tablename__ = "intention"
    __table_args__ = (
        Index("ix_intention_stage", "stage"),
        Index("ix_intention_captured_at", "captured_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int | None] = mapped_column(
        ForeignKey("event.id", ondelete="SET NULL"), index=True, default=None
    )
    enterprise_id: Mapped[int] = mapped_column(
        ForeignKey("enterprise.id", ondelete="RESTRICT"), index=True
    )
    patent_id: Mapped[int] = mapped_column(ForeignKey("patent.id", ondelete="RESTRICT"), index=True)
    kind: Mapped[IntentionKind] = mapped_column(_enum(IntentionKind))
    prospect_rating: Mapped[int | None] = mapped_column(Integer, default=None)  # 1..5
    budget_band: Mapped[BudgetBand | None] = mapped_column(_enum(BudgetBand), default=None)
    budget_amount: Mapped[Decimal | None] = mapped_column(Numeric(14, 2), default=None)
    timeline: Mapped[Timeline | None] = mapped_column(_enum(Timeline), default=None)
    contact_person: Mapped[str] = mapped_column(String(100), default="")
    contact_phone: Mapped[str] = mapped_column(String(40), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    captured_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    captured_station: Mapped[str] = mapped_column(String(64), default="")
    # Follow-up
    stage: Mapped[FollowUpStage] = mapped_column(_enum(FollowUpStage), default=FollowUpStage.NEW)
    stage_changed_at: Mapped[dt.datetime | None] = mapped_column(DateTime, default=None)
    owner: Mapped[str] = mapped_column(String(100), default="")
    next_action_on: Mapped[dt.date | None] = mapped_column(Date, default=None)
    dropped_reason: Mapped[str] = mapped_column(Text, default="")
    # Contract outcome (domain.contract): set once the lead reaches contract signed
    deal_kind: Mapped[DealKind | None] = mapped_column(_enum(DealKind), default=None)
    deal_amount: Mapped[Decimal | None] = mapped_column(Numeric(14, 2), default=None)  # yuan
    payment_method: Mapped[PaymentMethod | None] = mapped_column(_enum(PaymentMethod), default=None)
    contract_signed_on: Mapped[dt.date | None] = mapped_column(Date, default=None)
    registration_no: Mapped[str] = mapped_column(String(64), default="", server_default="")

    event: Mapped[Event | None] = relationship()
    enterprise: Mapped[Enterprise] = relationship()
    patent: Mapped[Patent] = relationship()
    log: Mapped[list[FollowUpEntry]] = relationship(
        back_populates="intention", order_by="FollowUpEntry.at"
    )


class FollowUpEntry(Synced, Base):
    """A dated line in an intention's follow-up log (stage changes and notes)."""

    __tablename__ = "follow_up_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    intention_id: Mapped[int] = mapped_column(
        ForeignKey("intention.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    from_stage: Mapped[FollowUpStage | None] = mapped_column(_enum(FollowUpStage), default=None)
    to_stage: Mapped[FollowUpStage | None] = mapped_column(_enum(FollowUpStage), default=None)
    note: Mapped[str] = mapped_column(Text, default="")
    author: Mapped[str] = mapped_column(String(100), default="")

    intention: Mapped[Intention] = relationship(back_populates="log")


# --------------------------------------------------------------------------- file sync


class ImportBatch(Base):
    """One import of a file: what it was and what it did."""

    __tablename__ = "import_batch"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[ImportKind] = mapped_column(_enum(ImportKind), default=ImportKind.PATENTS)
    file_name: Mapped[str] = mapped_column(Text, default="")
    file_hash: Mapped[str] = mapped_column(String(64), default="")
    preset: Mapped[str] = mapped_column(String(100), default="")
    imported_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    station: Mapped[str] = mapped_column(String(64), default="")
    inserted: Mapped[int] = mapped_column(Integer, default=0)
    updated: Mapped[int] = mapped_column(Integer, default=0)
    unchanged: Mapped[int] = mapped_column(Integer, default=0)
    rejected: Mapped[int] = mapped_column(Integer, default=0)
    conflicts: Mapped[int] = mapped_column(Integer, default=0)


class FieldConflict(Base):
    """A field the organiser edited locally that a re-import would change."""

    __tablename__ = "field_conflict"
    __table_args__ = (Index("ix_field_conflict_record", "record_table", "record_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int | None] = mapped_column(
        ForeignKey("import_batch.id", ondelete="CASCADE"), default=None
    )
    record_table: Mapped[str] = mapped_column(String(32), default="patent")
    record_id: Mapped[int] = mapped_column(Integer)
    field: Mapped[str] = mapped_column(String(64))
    local_value: Mapped[str] = mapped_column(Text, default="")
    file_value: Mapped[str] = mapped_column(Text, default="")
    resolution: Mapped[ConflictResolution] = mapped_column(
        _enum(ConflictResolution), default=ConflictResolution.OPEN
    )
    resolved_at: Mapped[dt.datetime | None] = mapped_column(DateTime, default=None)


class MappingPreset(Base):
    """A user's saved column mapping for a kind of file."""

    __tablename__ = "mapping_preset"
    __table_args__ = (UniqueConstraint("kind", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[ImportKind] = mapped_column(_enum(ImportKind), default=ImportKind.PATENTS)
    name: Mapped[str] = mapped_column(String(100))
    mapping: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


# --------------------------------------------------------------------------- station bundles


class SyncClock(Base):
    """Which fields of a synced record were edited after its creation, when, where, and
    from which value: ``{field: [ISO time, station, base value as JSON]}``.

    Kept by :mod:`roadshow_desk.domain.sync_clock` for every ORM edit of a record that
    travels in station bundles, and read by the merge (:mod:`roadshow_desk.exchange.
    bundle_merge`) to tell a newer edit of another field from two edits of the same one.
    """

    __tablename__ = "sync_clock"

    record_uuid: Mapped[str] = mapped_column(String(32), primary_key=True)
    record_table: Mapped[str] = mapped_column(String(32), default="")
    fields: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class BundleReceipt(Base):
    """One station bundle merged into this database: who, what range, what it did."""

    __tablename__ = "bundle_receipt"

    id: Mapped[int] = mapped_column(primary_key=True)
    bundle_uuid: Mapped[str] = mapped_column(String(32), unique=True)
    station: Mapped[str] = mapped_column(String(64), default="", index=True)
    region: Mapped[str] = mapped_column(String(100), default="")
    event_uuid: Mapped[str] = mapped_column(String(32), default="")
    exported_at: Mapped[dt.datetime | None] = mapped_column(DateTime, default=None)
    covers_from: Mapped[dt.datetime | None] = mapped_column(DateTime, default=None)
    covers_to: Mapped[dt.datetime | None] = mapped_column(DateTime, default=None)
    sha256: Mapped[str] = mapped_column(String(64), default="")
    file_name: Mapped[str] = mapped_column(Text, default="")
    counts: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    warnings: Mapped[str] = mapped_column(Text, default="")
    merged_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    merged_by: Mapped[str] = mapped_column(String(64), default="")


class PossibleDuplicate(Base):
    """Two records created on different stations that look like one (flagged by a merge
    for review, never merged blindly); the uuids in sorted order."""

    __tablename__ = "possible_duplicate"
    __table_args__ = (UniqueConstraint("record_table", "first_uuid", "second_uuid"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    record_table: Mapped[str] = mapped_column(String(32))
    first_uuid: Mapped[str] = mapped_column(String(32))
    second_uuid: Mapped[str] = mapped_column(String(32))
    reason: Mapped[str] = mapped_column(String(200), default="")
    detected_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    reviewed: Mapped[bool] = mapped_column(Boolean, default=False)


class EventBundleSettings(Base):
    """An event's station-bundle settings: the passphrase its bundles are encrypted with
    (``""``: plain bundles). Kept beside ``event`` so the event's own table stays as it is."""

    __tablename__ = "event_bundle_settings"

    event_id: Mapped[int] = mapped_column(
        ForeignKey("event.id", ondelete="CASCADE"), primary_key=True
    )
    passphrase: Mapped[str] = mapped_column(String(200), default="")
