"""What may reach the projector: a public view of a patent, built from an allow-list.

The audience display is built only from :class:`PublicPatentView`. The view is a frozen
dataclass whose fields are copied one by one from the fields named in
:data:`PUBLIC_PATENT_FIELDS`; nothing else of the patent (and nothing of an enterprise, a
registration, an intention or a shortlist entry) is read, so private data cannot reach the
audience by accident — adding a field here is a deliberate, reviewed change.

Public (what the institute publishes for everyone, and what the patent register shows):
    application number, title, institution name, technical field, patent type, legal status,
    the institute's statement of advantages and application scenarios, the conversion modes
    it offers, and its open-licence terms (an open licence is published with its terms by
    law, so the terms are public by nature).

Deliberately NOT public on the projector:
    * ``price_guide`` — the institute's asking price is a negotiating position; it belongs
      in the brochure or a private talk, not on a wall in front of competing bidders;
    * ``public_contact`` — may carry a person's phone; the audience registers interest
      through the QR code instead;
    * inventors, applicant address, agency — personal data or irrelevant to the audience;
    * ``score``, ``self_grade``, screening data, local edits — the organiser's assessment;
    * the shortlist's presenter notes, tags and exclusion reasons; anything of an
      enterprise, registration or intention (these are not reachable from a patent at all).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from roadshow_desk.domain.enums import ConversionMode, LegalStatus, PatentType
from roadshow_desk.domain.models import split_list

if TYPE_CHECKING:
    from roadshow_desk.domain.models import Institution, Patent

#: The patent columns (and one relation attribute) the public view copies; nothing else is read.
PUBLIC_PATENT_FIELDS: Final[tuple[str, ...]] = (
    "application_no",
    "title",
    "institution.name",
    "technical_field",
    "patent_type",
    "legal_status",
    "advantages",
    "application_scenarios",
    "conversion_modes",
    "open_licence_terms",
)

#: Patent columns that must never reach the projector (checked by a test against the model).
PRIVATE_PATENT_FIELDS: Final[tuple[str, ...]] = (
    "price_guide",
    "public_contact",
    "inventors",
    "applicant_address",
    "agency",
    "score",
    "self_grade",
    "imported_values",
    "local_edits",
)


@dataclass(frozen=True, slots=True)
class PublicPatentView:
    """The public face of one patent: the only thing the audience display receives."""

    patent_id: int
    application_no: str
    title: str
    institution: str
    technical_field: str
    patent_type: PatentType | None
    legal_status: LegalStatus
    advantages: str
    application_scenarios: str
    conversion_modes: tuple[ConversionMode, ...]
    open_licence_terms: str

    @property
    def offers_open_licence(self) -> bool:
        return ConversionMode.OPEN_LICENCE in self.conversion_modes


def parse_conversion_modes(text: str | None) -> tuple[ConversionMode, ...]:
    """The known conversion modes of a stored ``"; "``-joined value, in declared order."""
    modes: list[ConversionMode] = []
    for item in split_list(text):
        try:
            mode = ConversionMode(item.strip().lower())
        except ValueError:
            continue
        if mode not in modes:
            modes.append(mode)
    return tuple(modes)


def _clean(text: str | None) -> str:
    return (text or "").strip()


def public_view(
    patent: Patent, fallback_institution: Institution | None = None
) -> PublicPatentView:
    """The public view of ``patent`` (reads exactly :data:`PUBLIC_PATENT_FIELDS`).

    ``fallback_institution`` (e.g. the institution of the roadshow slot) names the institution
    when the patent has none; only its name is read.
    """
    modes = parse_conversion_modes(patent.conversion_modes)
    terms = _clean(patent.open_licence_terms) if ConversionMode.OPEN_LICENCE in modes else ""
    institution = patent.institution or fallback_institution
    return PublicPatentView(
        patent_id=patent.id,
        application_no=_clean(patent.application_no),
        title=_clean(patent.title),
        institution=_clean(institution.name) if institution is not None else "",
        technical_field=_clean(patent.technical_field),
        patent_type=patent.patent_type,
        legal_status=patent.legal_status or LegalStatus.UNKNOWN,
        advantages=_clean(patent.advantages),
        application_scenarios=_clean(patent.application_scenarios),
        conversion_modes=modes,
        open_licence_terms=terms,
    )
