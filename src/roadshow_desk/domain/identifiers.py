"""Identifier rules: Chinese patent application numbers, credit codes, phone numbers.

Everything here is pure Python and cheap to import. Each ``normalize_*`` function either
returns the one canonical spelling of an identifier or raises a :class:`ValueError` subclass
whose message is one clear English sentence and whose ``reason`` is a stable code that a
caller can map to a translated sentence (rejects report, CLI, form validation).

Application numbers (专利申请号, standard ZC 0006-2003)
    * from 2003-10-01: ``YYYY T NNNNNNN . C`` -- filing year, type digit, 7-digit serial;
    * 1985 to 2003-09-30: ``YY T NNNNN . C`` -- two-digit year, type digit, 5-digit serial;
    * ``T``: 1 invention, 2 utility model, 3 design, 8 PCT invention entering China,
      9 PCT utility model entering China;
    * ``C``: ``sum(digit_i * weight_i) mod 11`` with weights 2,3,4,5,6,7,8,9,2,3,4,5
      (the first eight for the old form); 10 is written ``X``.

    Accepted spellings: ``CN``/``ZL`` prefix in any case, full-width characters, spaces,
    the dot missing (``2022100166321``, ``99115509.2`` written ``991155092``), the check
    character missing (it is computed, as real exports such as ``CN85105156`` need), an
    ideographic full stop ``。`` for the dot, and Excel's text-forcing ``'...`` or ``="..."``.
    Publication numbers (``CN114399933A``, ``CN1234567C``) are rejected with their own
    reason, never read as application numbers.
"""

from __future__ import annotations

import enum
import re
from datetime import date
from operator import mul
from typing import Final

from roadshow_desk.domain.enums import PatentType

__all__ = [
    "ApplicationNumberProblem",
    "CreditCodeProblem",
    "InvalidApplicationNumber",
    "InvalidCreditCode",
    "InvalidIdentifier",
    "InvalidPhone",
    "PhoneProblem",
    "application_year",
    "check_character",
    "is_valid_application_number",
    "is_valid_credit_code",
    "is_valid_phone",
    "make_credit_code",
    "normalize_application_number",
    "normalize_credit_code",
    "normalize_phone",
    "patent_type_from_application_number",
    "to_halfwidth",
]


# --------------------------------------------------------------------------- full width

_HALFWIDTH: Final[dict[int, int]] = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_HALFWIDTH[0x3000] = 0x20


def to_halfwidth(text: str) -> str:
    """Return ``text`` with full-width ASCII (U+FF01–U+FF5E) and U+3000 made half-width.

    ``"ＣＮ２０２２　１"`` becomes ``"CN2022 1"``; every other character is kept as it is
    (CJK text, ``。``, ``、`` are untouched).
    """
    return text.translate(_HALFWIDTH)


# Characters that copy-and-paste leaves in a cell and that never carry meaning here.
_INVISIBLE = re.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff]+")


def _compact(text: str) -> str:
    """Half-width, no whitespace or invisible characters, no Excel text wrapper, upper case."""
    compact = _INVISIBLE.sub("", to_halfwidth(text))
    if compact.startswith('="') and compact.endswith('"') and len(compact) >= 3:
        compact = compact[2:-1]
    elif compact.startswith("'"):
        compact = compact[1:]
    return compact.upper()


def _shown(text: str) -> str:
    """The user's input as quoted in a message (trimmed, shortened)."""
    shown = " ".join(text.split())
    return shown if len(shown) <= 40 else shown[:39] + "…"


# --------------------------------------------------------------------------- errors


class InvalidIdentifier(ValueError):
    """An identifier that cannot be used; ``str(error)`` is one English sentence.

    ``text`` is the input as given, ``reason`` a stable machine code (a ``StrEnum`` member of
    the subclass's problem type) for callers that show a translated sentence instead.
    """

    reason: enum.StrEnum

    def __init__(self, text: str, reason: enum.StrEnum, message: str) -> None:
        super().__init__(text, reason, message)
        self.text = text
        self.reason = reason
        self.message = message

    def __str__(self) -> str:
        return self.message


class ApplicationNumberProblem(enum.StrEnum):
    """Why a text is not a Chinese patent application number."""

    EMPTY = "empty"
    PUBLICATION_NUMBER = "publication_number"
    UNRECOGNISED_FORMAT = "unrecognised_format"
    WRONG_LENGTH = "wrong_length"
    INVALID_YEAR = "invalid_year"
    INVALID_TYPE = "invalid_type"
    WRONG_CHECK_CHARACTER = "wrong_check_character"


class InvalidApplicationNumber(InvalidIdentifier):
    """Not a valid Chinese patent application number.

    ``expected_check`` holds the correct check character when ``reason`` is
    ``WRONG_CHECK_CHARACTER`` (so a message can say which one the digits need).
    """

    reason: ApplicationNumberProblem

    def __init__(
        self,
        text: str,
        reason: ApplicationNumberProblem,
        message: str,
        expected_check: str | None = None,
    ) -> None:
        super().__init__(text, reason, message)
        self.args = (text, reason, message, expected_check)
        self.expected_check = expected_check


class CreditCodeProblem(enum.StrEnum):
    """Why a text is not a unified social credit code (统一社会信用代码)."""

    EMPTY = "empty"
    WRONG_LENGTH = "wrong_length"
    INVALID_CHARACTERS = "invalid_characters"
    WRONG_CHECK_CHARACTER = "wrong_check_character"


class InvalidCreditCode(InvalidIdentifier):
    """Not a valid unified social credit code."""

    reason: CreditCodeProblem


class PhoneProblem(enum.StrEnum):
    """Why a text is not a usable Chinese phone number."""

    EMPTY = "empty"
    INVALID_CHARACTERS = "invalid_characters"
    MISSING_AREA_CODE = "missing_area_code"
    UNRECOGNISED = "unrecognised"


class InvalidPhone(InvalidIdentifier):
    """Not a Chinese mobile, landline or 400/800 service number."""

    reason: PhoneProblem


# --------------------------------------------------------------------------- application numbers

_WEIGHTS: Final = (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)
_CHECK: Final = "0123456789X"  # the check character of each remainder
_TYPE_DIGITS: Final[dict[str, PatentType]] = {
    "1": PatentType.INVENTION,
    "8": PatentType.INVENTION,  # PCT invention application entering the national phase
    "2": PatentType.UTILITY_MODEL,
    "9": PatentType.UTILITY_MODEL,  # PCT utility-model application entering the national phase
    "3": PatentType.DESIGN,
}
_FIRST_NEW_FORM_YEAR: Final = 2003  # 12-digit numbers from 2003-10-01
# The newest filing year accepted is next year or later: a laptop whose clock has fallen
# back (dead CMOS battery) must still accept this year's numbers.
_KNOWN_YEAR: Final = 2026
_EXAMPLE: Final = "CN202210016632.1"

_DIGITS = re.compile(r"[0-9]+")
_WITH_DOT = re.compile(r"([0-9]+)\.([0-9X])")
_DIGITS_THEN_X = re.compile(r"([0-9]+)X")
# Publication (announcement) numbers: CN + 7 to 9 digits + kind code A/B/C/U/Y/S/D.
_PUBLICATION = re.compile(r"[0-9]{7,12}[ABCDSUY][0-9]?")


def _latest_year() -> int:
    return max(date.today().year, _KNOWN_YEAR) + 1


def _problem(
    text: str,
    reason: ApplicationNumberProblem,
    message: str,
    expected_check: str | None = None,
) -> InvalidApplicationNumber:
    return InvalidApplicationNumber(text, reason, message, expected_check)


def check_character(digits: str) -> str:
    """The check character (``"0"``–``"9"`` or ``"X"``) of 12 or 8 application-number digits.

    >>> check_character("202210016632")
    '1'
    >>> check_character("00129265")
    'X'
    """
    if not _DIGITS.fullmatch(digits) or len(digits) not in (8, 12):
        raise _problem(
            digits,
            ApplicationNumberProblem.WRONG_LENGTH,
            f'"{_shown(digits)}" is not 12 or 8 digits, so it has no application-number '
            "check character.",
        )
    return _check(digits)


def _check(digits: str) -> str:
    """:func:`check_character` of digits known to be 12 or 8 of them."""
    return _CHECK[sum(map(mul, map(int, digits), _WEIGHTS)) % 11]


def _split(text: str) -> tuple[str, str | None]:
    """The digits before the check character and the check character (``None`` if absent)."""
    body = _compact(text.replace("。", "."))
    if not body:
        raise _problem(text, ApplicationNumberProblem.EMPTY, "The application number is empty.")
    if body[:2] in ("CN", "ZL"):
        body = body[2:]
    if _PUBLICATION.fullmatch(body):
        raise _problem(
            text,
            ApplicationNumberProblem.PUBLICATION_NUMBER,
            f'"{_shown(text)}" is a publication number, not an application number '
            f"(application numbers look like {_EXAMPLE}).",
        )
    if match := _WITH_DOT.fullmatch(body):
        digits, check = match.group(1), match.group(2)
    elif match := _DIGITS_THEN_X.fullmatch(body):
        digits, check = match.group(1), "X"
    elif _DIGITS.fullmatch(body):
        if len(body) in (9, 13):
            digits, check = body[:-1], body[-1]
        else:
            digits, check = body, None
        if len(body) == 7 or (len(body) == 9 and body[0] in "123"):
            # CN1234567 (1985–2007) and CN114399933 (from 2007) without their kind code.
            raise _problem(
                text,
                ApplicationNumberProblem.PUBLICATION_NUMBER,
                f'"{_shown(text)}" looks like a publication number without its kind code, '
                f"not an application number (application numbers look like {_EXAMPLE}).",
            )
    else:
        raise _problem(
            text,
            ApplicationNumberProblem.UNRECOGNISED_FORMAT,
            f'"{_shown(text)}" is not a Chinese patent application number '
            f"(expected CN, 12 or 8 digits, a dot and a check character, like {_EXAMPLE}).",
        )
    if len(digits) not in (8, 12):
        raise _problem(
            text,
            ApplicationNumberProblem.WRONG_LENGTH,
            f'"{_shown(text)}" has {len(digits)} digits before the check character, '
            "but an application number has 12 (8 before October 2003).",
        )
    return digits, check


def _validate_year_and_type(text: str, digits: str) -> None:
    if len(digits) == 12:
        latest = _latest_year()
        if not _FIRST_NEW_FORM_YEAR <= int(digits[:4]) <= latest:
            raise _problem(
                text,
                ApplicationNumberProblem.INVALID_YEAR,
                f'"{_shown(text)}" cannot be an application number: 12-digit numbers start '
                f"with a filing year from 2003 to {latest}, not {digits[:4]}.",
            )
        type_digit = digits[4]
    else:
        if _old_form_year(digits) is None:
            raise _problem(
                text,
                ApplicationNumberProblem.INVALID_YEAR,
                f'"{_shown(text)}" cannot be an application number: 8-digit numbers start '
                f"with a filing year from 85 (1985) to 03 (2003), not {digits[:2]}.",
            )
        type_digit = digits[2]
    if type_digit not in _TYPE_DIGITS:
        raise _problem(
            text,
            ApplicationNumberProblem.INVALID_TYPE,
            f'"{_shown(text)}" cannot be an application number: its patent-type digit is '
            f"{type_digit}, but it must be 1, 2, 3, 8 or 9.",
        )


def _old_form_year(digits: str) -> int | None:
    """The filing year of an 8-digit number (1985–2003), or ``None`` if impossible."""
    two = int(digits[:2])
    if two >= 85:
        return 1900 + two
    if two <= 3:
        return 2000 + two
    return None


# The form most files write (``CN202210016632.1``, ``202210016632.1``): taken apart with one
# pattern instead of the general clean-up of :func:`_split` (the checks below are the same).
_USUAL = re.compile(r"(?:CN)?([0-9]{12})\.([0-9X])")


def normalize_application_number(text: str) -> str:
    """The canonical form ``CN`` + digits + ``.`` + check character of an application number.

    ``"ZL 2022 1 0016632.1"``, ``"ｃｎ２０２２１００１６６３２"`` and ``"2022100166321"`` all
    give ``"CN202210016632.1"``; ``"CN85105156"`` gives ``"CN85105156.1"``.

    Raises :class:`InvalidApplicationNumber` (a :class:`ValueError`) with a ``reason``.
    """
    usual = _USUAL.fullmatch(text)
    digits, given = usual.groups() if usual is not None else _split(text)
    _validate_year_and_type(text, digits)
    expected = _check(digits)
    if given is not None and given != expected:
        raise _problem(
            text,
            ApplicationNumberProblem.WRONG_CHECK_CHARACTER,
            f'"{_shown(text)}" has the check character {given}, but these digits need '
            f"{expected}; one of the digits or the check character is mistyped.",
            expected_check=expected,
        )
    return f"CN{digits}.{expected}"


def is_valid_application_number(text: str) -> bool:
    """Whether ``text`` normalises to an application number (see the module notes)."""
    try:
        normalize_application_number(text)
    except InvalidApplicationNumber:
        return False
    return True


def _digits_of(text: str) -> str | None:
    """The digits before the check character, or ``None`` if ``text`` is not valid."""
    try:
        normalised = normalize_application_number(text)
    except InvalidApplicationNumber:
        return None
    return normalised[2:-2]


def patent_type_from_application_number(normalised: str) -> PatentType | None:
    """The patent type the number's type digit gives, or ``None`` for an invalid number.

    Type digit 1 or 8 (PCT) is an invention, 2 or 9 (PCT) a utility model, 3 a design; it
    is the fifth digit of a 12-digit number and the third of an 8-digit one. The result is
    a :class:`PatentType` (a ``str``: ``"invention"``, ``"utility_model"``, ``"design"``).
    """
    digits = _digits_of(normalised)
    if digits is None:
        return None
    return _TYPE_DIGITS.get(digits[4] if len(digits) == 12 else digits[2])


def application_year(normalised: str) -> int | None:
    """The year in the number (filing year; year of national entry for PCT), or ``None``.

    Divisional applications carry the year they were filed, which can be later than the
    application date they inherit from their parent.
    """
    digits = _digits_of(normalised)
    if digits is None:
        return None
    return int(digits[:4]) if len(digits) == 12 else _old_form_year(digits)


# --------------------------------------------------------------------------- credit codes


_CREDIT_ALPHABET: Final = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def _credit_compact(text: str) -> str:
    return _compact(text).replace("-", "")


def normalize_credit_code(text: str) -> str:
    """The 18-character unified social credit code, upper case, without spaces.

    Full-width characters and spaces or dashes are accepted (``"９１１１ 0000 ..."``).
    Raises :class:`InvalidCreditCode` with a ``reason``.
    """
    from stdnum import exceptions as stdnum_exceptions  # ~20 ms: imported when first needed
    from stdnum.cn import uscc

    code = _credit_compact(text)
    if not code:
        raise InvalidCreditCode(
            text, CreditCodeProblem.EMPTY, "The unified social credit code is empty."
        )
    try:
        return str(uscc.validate(code))
    except stdnum_exceptions.InvalidLength:
        raise InvalidCreditCode(
            text,
            CreditCodeProblem.WRONG_LENGTH,
            f'"{_shown(text)}" has {len(code)} characters, but a unified social credit code '
            "has 18.",
        ) from None
    except stdnum_exceptions.InvalidChecksum:
        raise InvalidCreditCode(
            text,
            CreditCodeProblem.WRONG_CHECK_CHARACTER,
            f'"{_shown(text)}" is not a valid unified social credit code: its last character '
            "does not match the others, so one of them is mistyped.",
        ) from None
    except stdnum_exceptions.ValidationError:
        raise _bad_credit_characters(text) from None


def _bad_credit_characters(text: str) -> InvalidCreditCode:
    return InvalidCreditCode(
        text,
        CreditCodeProblem.INVALID_CHARACTERS,
        f'"{_shown(text)}" is not a valid unified social credit code: the first 8 characters '
        "must be digits and the rest digits or capital letters other than I, O, S, V and Z.",
    )


def is_valid_credit_code(text: str) -> bool:
    """Whether ``text`` normalises to a valid unified social credit code."""
    try:
        normalize_credit_code(text)
    except InvalidCreditCode:
        return False
    return True


def make_credit_code(seed_digits: str) -> str:
    """A valid credit code: the 17 given characters plus their check character.

    ``make_credit_code("91110000600037341")`` gives ``"91110000600037341L"``. Used to make
    demo and test data; raises :class:`InvalidCreditCode` if the seed cannot start a code.
    """
    seed = _credit_compact(seed_digits)
    if len(seed) != 17:
        raise InvalidCreditCode(
            seed_digits,
            CreditCodeProblem.WRONG_LENGTH,
            f'"{_shown(seed_digits)}" has {len(seed)} characters, but a credit code needs '
            "17 before its check character.",
        )
    if not (_DIGITS.fullmatch(seed[:8]) and all(char in _CREDIT_ALPHABET for char in seed[8:])):
        raise _bad_credit_characters(seed_digits)
    from stdnum.cn import uscc

    return seed + str(uscc.calc_check_digit(seed))


# --------------------------------------------------------------------------- phone numbers

_MOBILE = re.compile(r"1[3-9][0-9]{9}")
_SERVICE = re.compile(r"([48]00)([0-9]{3})([0-9]{4})")
# 010 and 02x have 8-digit local numbers; other area codes (0 + 3 digits) have 7 or 8.
_LANDLINE = re.compile(r"(010|02[0-9])([1-9][0-9]{7})|(0[3-9][0-9]{2})([1-9][0-9]{6,7})")
_LOCAL_ONLY = re.compile(r"[1-9][0-9]{6,7}")
_EXTENSION = re.compile(r"(?:转|分机|EXT\.?|X|#)\s*([0-9]{1,6})\s*$")
_PHONE_CHARS = re.compile(r"\(?\+?[0-9\s()\-.]*")


def _classify(digits: str) -> str | None:
    """The formatted number for ``digits`` (no country code, no extension), or ``None``."""
    if _MOBILE.fullmatch(digits):
        return digits
    if match := _SERVICE.fullmatch(digits):
        return "-".join(match.groups())
    if match := _LANDLINE.fullmatch(digits):
        area, local = (match.group(1), match.group(2)) if match.group(1) else match.group(3, 4)
        return f"{area}-{local}"
    return None


def normalize_phone(text: str) -> str:
    """A Chinese phone number in one canonical form.

    Mobile numbers become 11 digits (``"+86 138-1234-5678"`` → ``"13812345678"``);
    landlines ``area-local`` with an optional ``-extension`` (``"(021)12345678"`` →
    ``"021-12345678"``, ``"0755 8888 8888转123"`` → ``"0755-88888888-123"``); 400/800
    service numbers ``"400-820-8820"``. Raises :class:`InvalidPhone` with a ``reason``.
    """
    plain = to_halfwidth(text).strip().upper()
    if not plain:
        raise InvalidPhone(text, PhoneProblem.EMPTY, "The phone number is empty.")
    extension: str | None = None
    if match := _EXTENSION.search(plain):
        extension = match.group(1)
        plain = plain[: match.start()]
    if not _PHONE_CHARS.fullmatch(plain):
        raise InvalidPhone(
            text,
            PhoneProblem.INVALID_CHARACTERS,
            f'"{_shown(text)}" is not one phone number: it contains characters other than '
            "digits, spaces, dashes, brackets and a leading +.",
        )
    groups = re.findall(r"[0-9]+", plain)
    digits = "".join(groups)
    if "+" in plain or digits.startswith("00"):  # an international prefix: only +86 / 0086
        if digits.startswith("0086"):
            digits = digits[4:]
        elif "+" in plain and digits.startswith("86"):
            digits = digits[2:]
        else:
            raise _unrecognised_phone(text)
        if not digits.startswith("0") and not _MOBILE.fullmatch(digits):
            digits = "0" + digits  # +86 10 12345678 is 010-12345678
    elif digits.startswith("86") and _MOBILE.fullmatch(digits[2:]):
        digits = digits[2:]  # 8613812345678
    if digits.startswith("0") and _MOBILE.fullmatch(digits[1:]):
        digits = digits[1:]  # 013812345678: a trunk 0 dialled before a mobile number
    formatted: str | None = None
    if extension is None and len(groups) >= 2 and len(groups[-1]) <= 6:
        # "0371-6543210-1": a short last group after a complete landline is its extension
        # (a local number is never written split as 7 + 1 digits).
        rest = digits[: len(digits) - len(groups[-1])]
        if _LANDLINE.fullmatch(rest):
            formatted, extension = _classify(rest), groups[-1]
    if formatted is None:
        formatted = _classify(digits)
    if formatted is None:
        if _LOCAL_ONLY.fullmatch(digits):
            raise InvalidPhone(
                text,
                PhoneProblem.MISSING_AREA_CODE,
                f'"{_shown(text)}" has no area code; write landlines with it, like 010-12345678.',
            )
        raise _unrecognised_phone(text)
    if extension is not None:
        if not formatted.startswith("0"):
            raise InvalidPhone(
                text,
                PhoneProblem.UNRECOGNISED,
                f'"{_shown(text)}" gives an extension to a number that cannot have one; only '
                "landlines have extensions.",
            )
        formatted = f"{formatted}-{extension}"
    return formatted


def _unrecognised_phone(text: str) -> InvalidPhone:
    return InvalidPhone(
        text,
        PhoneProblem.UNRECOGNISED,
        f'"{_shown(text)}" is not a Chinese mobile number (11 digits starting with 13–19) '
        "or a landline with its area code (like 010-12345678).",
    )


def is_valid_phone(text: str) -> bool:
    """Whether ``text`` normalises to a Chinese phone number."""
    try:
        normalize_phone(text)
    except InvalidPhone:
        return False
    return True
