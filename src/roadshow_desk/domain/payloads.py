"""What the app prints in QR codes and reads back from a scanner: one versioned format.

Payloads (format version 1)
    ``RSD1:E:<uuid>``
        An enterprise badge. ``<uuid>`` is the enterprise's ``uuid`` as stored: 32 lower-case
        hex digits, no dashes (``RSD1:E:3f2a…``). The uuid, not the local integer id, because
        badges printed on one laptop are scanned on another.
    ``RSD1:P:<application number>``
        A patent, by its normalised application number (``RSD1:P:CN202210016632.1``).

    ``RSD1`` names the format and its version; a reader refuses a higher version with its own
    sentence ("printed by a newer version") instead of misreading it. The payloads are short
    (≤ 39 characters, upper-case letters, digits and ``:``/``.``) so the QR codes stay small
    and scan from a brochure page.

What :func:`parse_payload` accepts (what a USB scanner really types)
    * surrounding whitespace, a trailing CR/LF/tab, zero-width characters;
    * any letter case (Caps Lock inverts a scanner's case: ``rsd1:e:…``);
    * full-width characters and ``：``/``。`` from a Chinese input method that was left on;
    * a uuid written with dashes;
    * a sign-up link printed on a brochure or sheet (``https://…?event=…&patent=CN…``): it
      is read as that patent when exactly one query parameter or path segment of the link is
      a valid application number. Given the current event's uuid, a link that carries event
      uuids none of which is the current event's is refused ("for another event"): the
      template puts ``{event}`` in every link, so a link printed for another fair says so.

    Everything else raises :class:`InvalidPayload` (a ``ValueError``) whose message is one
    translated sentence.

Sign-up links
    :func:`signup_url` fills an event's sign-up link template. Placeholders: ``{event}`` — the
    event's ``uuid`` (stable on every laptop; the local id is not); ``{patent}`` and
    ``{application_no}`` — the patent's normalised application number. Values are
    percent-encoded, and so is any non-ASCII character in the template itself, so the result
    is a plain ASCII URL that every QR reader opens. :func:`signup_template_problem` checks a
    template before it is saved.
"""

from __future__ import annotations

import re
import uuid as uuid_module
from dataclasses import dataclass
from typing import Final, Protocol
from urllib.parse import parse_qsl, quote, unquote, urlsplit

from roadshow_desk.domain.identifiers import (
    InvalidApplicationNumber,
    normalize_application_number,
    to_halfwidth,
)
from roadshow_desk.i18n import fmt, translate

__all__ = [
    "FORMAT_VERSION",
    "PREFIX",
    "EnterprisePayload",
    "InvalidPayload",
    "PatentPayload",
    "Payload",
    "begins_payload",
    "could_begin_payload",
    "enterprise_payload",
    "parse_payload",
    "patent_payload",
    "signup_template_problem",
    "signup_url",
]

FORMAT_VERSION: Final = 1
PREFIX: Final = f"RSD{FORMAT_VERSION}"
_ENTERPRISE: Final = "E"
_PATENT: Final = "P"
PLACEHOLDERS: Final = ("event", "patent", "application_no")

_INVISIBLE = re.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff]+")
_HEADER = re.compile(r"RSD([0-9]+):([A-Z]):(.*)", re.DOTALL)
_UUID = re.compile(r"[0-9a-f]{32}|[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}")
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
# Characters left as they are when a filled template is made ASCII: the URL delimiters.
_URL_SAFE = ":/?#[]@!$&'()*+,;=%~-._"


class InvalidPayload(ValueError):
    """A scanned or typed text that is not one of our payloads; ``str()`` is one sentence."""


@dataclass(frozen=True, slots=True)
class EnterprisePayload:
    """An enterprise badge: the enterprise's uuid (32 lower-case hex digits)."""

    uuid: str

    @property
    def text(self) -> str:
        return enterprise_payload(self.uuid)


@dataclass(frozen=True, slots=True)
class PatentPayload:
    """A patent: its normalised application number."""

    application_no: str

    @property
    def text(self) -> str:
        return patent_payload(self.application_no)


Payload = EnterprisePayload | PatentPayload


def _uuid_hex(value: str) -> str:
    """The 32-hex-digit form of a uuid given with or without dashes (ValueError otherwise)."""
    compact = value.strip().lower()
    if not _UUID.fullmatch(compact):
        raise ValueError(value)
    return uuid_module.UUID(compact).hex


def enterprise_payload(enterprise_uuid: str) -> str:
    """``RSD1:E:<uuid hex>`` for an enterprise badge (the uuid with or without dashes)."""
    try:
        return f"{PREFIX}:{_ENTERPRISE}:{_uuid_hex(enterprise_uuid)}"
    except ValueError:
        raise InvalidPayload(
            fmt(
                translate("Payloads", "“%1” is not an enterprise identifier."),
                _shown(enterprise_uuid),
            )
        ) from None


def patent_payload(application_no: str) -> str:
    """``RSD1:P:CN202210016632.1`` for a patent (the number is normalised first)."""
    try:
        return f"{PREFIX}:{_PATENT}:{normalize_application_number(application_no)}"
    except InvalidApplicationNumber:
        raise InvalidPayload(
            fmt(
                translate("Payloads", "“%1” is not a Chinese patent application number."),
                _shown(application_no),
            )
        ) from None


def _shown(text: str) -> str:
    shown = " ".join(text.split())
    return shown if len(shown) <= 40 else shown[:39] + "…"


def _garbage(text: str) -> InvalidPayload:
    return InvalidPayload(
        fmt(
            translate(
                "Payloads",
                "“%1” is not a Roadshow Desk badge or patent code.",
            ),
            _shown(text),
        )
    )


def parse_payload(text: str, *, event_uuid: str | None = None) -> Payload:
    """The enterprise or patent a scanned text names (see the module notes for what passes).

    With ``event_uuid`` (the current event's), a sign-up link of another event is refused.
    Raises :class:`InvalidPayload` with one translated sentence for anything else.
    """
    cleaned = _INVISIBLE.sub("", to_halfwidth(text).replace("。", "."))
    if not cleaned:
        raise InvalidPayload(translate("Payloads", "The scanned code is empty."))
    upper = cleaned.upper()
    match = _HEADER.fullmatch(upper)
    if match is not None:
        version, kind, body = int(match.group(1)), match.group(2), match.group(3)
        if version > FORMAT_VERSION:
            raise InvalidPayload(
                translate(
                    "Payloads",
                    "This code was printed by a newer version of Roadshow Desk; update the app "
                    "to read it.",
                )
            )
        if version == FORMAT_VERSION:
            if kind == _ENTERPRISE:
                try:
                    return EnterprisePayload(_uuid_hex(body))
                except ValueError:
                    raise _garbage(text) from None
            if kind == _PATENT:
                try:
                    return PatentPayload(normalize_application_number(body))
                except InvalidApplicationNumber:
                    raise _garbage(text) from None
        raise _garbage(text)
    if "://" in cleaned:
        application_no = _application_no_in_url(cleaned)
        if application_no is not None:
            if event_uuid is not None:
                _refuse_other_event(cleaned, event_uuid)
            return PatentPayload(application_no)
    raise _garbage(text)


_HEADER_DONE = re.compile(r"RSD[0-9]+:")
_HEADER_PART = re.compile(r"R(?:S(?:D[0-9]*)?)?")
_LINK_STARTS = ("HTTP://", "HTTPS://")


def begins_payload(text: str) -> bool:
    """Whether ``text`` starts like one of our codes: a full ``RSD<n>:`` header (any case,
    full-width too) or an ``http://``/``https://`` link. What a scanner detector needs to
    know that a burst is a code before its Enter arrives."""
    upper = to_halfwidth(text).upper()
    return bool(_HEADER_DONE.match(upper)) or upper.startswith(_LINK_STARTS)


def could_begin_payload(text: str) -> bool:
    """Whether ``text`` is the beginning of such a start (``"R"``, ``"rsd"``, ``"htt"``),
    or already one (:func:`begins_payload`)."""
    upper = to_halfwidth(text).upper()
    if not upper:
        return False
    if begins_payload(upper) or _HEADER_PART.fullmatch(upper):
        return True
    return any(start.startswith(upper) for start in _LINK_STARTS)


def _url_values(url: str) -> list[str]:
    """A link's query values and path segments (``[]`` when it is no link)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return []
    values = [value for _key, value in parse_qsl(parts.query, keep_blank_values=False)]
    return values + [unquote(segment) for segment in parts.path.split("/") if segment]


def _refuse_other_event(url: str, event_uuid: str) -> None:
    """Raise when the link names events (uuids) and the current one is not among them."""
    named = set()
    for value in _url_values(url):
        try:
            named.add(_uuid_hex(value))
        except ValueError:
            continue
    try:
        current = _uuid_hex(event_uuid)
    except ValueError:
        return
    if named and current not in named:
        raise InvalidPayload(
            translate(
                "Payloads",
                "This sign-up link is for another event, not this one; scan a code printed "
                "for this event.",
            )
        )


def _application_no_in_url(url: str) -> str | None:
    """The one application number among a link's query values and path segments."""
    candidates = _url_values(url)
    found: set[str] = set()
    for candidate in candidates:
        try:
            found.add(normalize_application_number(candidate))
        except InvalidApplicationNumber:
            continue
    return found.pop() if len(found) == 1 else None


class _HasUuid(Protocol):
    @property
    def uuid(self) -> str: ...


class _HasApplicationNo(Protocol):
    @property
    def application_no(self) -> str: ...


def signup_template_problem(template: str) -> str | None:
    """One translated sentence saying what is wrong with a sign-up link template, or ``None``.

    An empty template is fine (no sign-up link). Otherwise it must be an ``http(s)://`` link
    and use only the placeholders ``{event}``, ``{patent}`` and ``{application_no}``.
    """
    stripped = template.strip()
    if not stripped:
        return None
    if not re.match(r"https?://[^/\s]+", stripped, re.IGNORECASE):
        return translate(
            "Payloads", "The sign-up link must start with http:// or https:// and a host name."
        )
    unknown = [name for name in _PLACEHOLDER.findall(stripped) if name not in PLACEHOLDERS]
    if unknown:
        return fmt(
            translate(
                "Payloads",
                "The sign-up link uses the unknown placeholder {%1}; use {event}, {patent} or "
                "{application_no}.",
            ),
            unknown[0],
        )
    if stripped.count("{") != stripped.count("}"):
        return translate("Payloads", "The sign-up link has an unmatched brace.")
    return None


def signup_url(
    template: str, event: _HasUuid | str, patent: _HasApplicationNo | str | None = None
) -> str:
    """The sign-up link for ``event`` (an Event or its uuid) and ``patent`` (a Patent or its
    application number; ``None`` for an event-wide link, which fills patent placeholders with
    nothing).

    ``signup_url("https://x.cn/s?e={event}&p={application_no}", "ab12…", "2022100166321")``
    gives ``"https://x.cn/s?e=ab12…&p=CN202210016632.1"``. Raises :class:`InvalidPayload` for
    a template that :func:`signup_template_problem` refuses.
    """
    problem = signup_template_problem(template)
    if problem is not None:
        raise InvalidPayload(problem)
    event_uuid = event if isinstance(event, str) else event.uuid
    if patent is None:
        application_no = ""
    else:
        raw = patent if isinstance(patent, str) else patent.application_no
        try:
            application_no = normalize_application_number(raw)
        except InvalidApplicationNumber:
            application_no = raw.strip()
    values = {"event": event_uuid, "patent": application_no, "application_no": application_no}

    def fill(match: re.Match[str]) -> str:
        return quote(values[match.group(1)], safe="")

    filled = _PLACEHOLDER.sub(fill, template.strip())
    return quote(filled, safe=_URL_SAFE)
