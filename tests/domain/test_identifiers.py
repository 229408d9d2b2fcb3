"""Application numbers, credit codes, phone numbers and full-width text."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from roadshow_desk.domain.enums import PatentType
from roadshow_desk.domain.identifiers import (
    ApplicationNumberProblem,
    CreditCodeProblem,
    InvalidApplicationNumber,
    InvalidCreditCode,
    InvalidPhone,
    PhoneProblem,
    application_year,
    check_character,
    is_valid_application_number,
    is_valid_credit_code,
    is_valid_phone,
    make_credit_code,
    normalize_application_number,
    normalize_credit_code,
    normalize_phone,
    patent_type_from_application_number,
    to_halfwidth,
)

# --------------------------------------------------------------------------- helpers


def spec_check_character(digits: str) -> str:
    """The check rule as ZC 0006-2003 states it, written out independently of the module."""
    weights = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5][: len(digits)]
    remainder = sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11
    return "0123456789X"[remainder]


def fullwidth(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


new_form_digits = st.builds(
    lambda year, kind, serial: f"{year}{kind}{serial:07d}",
    st.integers(2003, date.today().year),
    st.sampled_from("12389"),
    st.integers(0, 9_999_999),
)
old_form_digits = st.builds(
    lambda year, kind, serial: f"{year % 100:02d}{kind}{serial:05d}",
    st.integers(1985, 2003),
    st.sampled_from("12389"),
    st.integers(0, 99_999),
)
application_digits = st.one_of(new_form_digits, old_form_digits)


# --------------------------------------------------------------------------- check character


@pytest.mark.parametrize(
    ("digits", "check"),
    [
        ("202210016632", "1"),  # CN202210016632.1, Patentics export
        ("202121889167", "X"),  # CN202121889167.X
        ("00129265", "X"),  # CN00129265.X, old 8-digit form
        ("200910127753", "8"),  # CN200910127753.8
        ("201710601862", "3"),  # worked example of a public explanation
        ("95115608", "X"),  # ZL95115608.X, worked example (sum 186)
        ("96121602", "6"),  # CN96121602.6, GBK scrape
        ("99115509", "2"),  # CN99115509.2
    ],
)
def test_check_character_of_real_numbers(digits: str, check: str) -> None:
    assert check_character(digits) == check


@pytest.mark.parametrize("digits", ["", "2022100166", "2022100166321", "20221001663a", "２０２２"])
def test_check_character_needs_8_or_12_ascii_digits(digits: str) -> None:
    with pytest.raises(InvalidApplicationNumber) as caught:
        check_character(digits)
    assert caught.value.reason is ApplicationNumberProblem.WRONG_LENGTH


@given(application_digits)
def test_check_character_follows_the_standard(digits: str) -> None:
    assert check_character(digits) == spec_check_character(digits)


# --------------------------------------------------------------------------- normalising


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("CN202210016632.1", "CN202210016632.1"),
        ("cn202210016632.1", "CN202210016632.1"),
        ("ZL202210016632.1", "CN202210016632.1"),
        ("zl 2022 1 0016632.1", "CN202210016632.1"),
        ("202210016632.1", "CN202210016632.1"),
        ("2022100166321", "CN202210016632.1"),  # 13 digits, dot dropped
        ("202210016632", "CN202210016632.1"),  # check character computed
        ("ＣＮ２０２２１００１６６３２．１", "CN202210016632.1"),  # full width
        ("ＺＬ２０２２　１　００１６６３２", "CN202210016632.1"),  # ideographic spaces
        ("CN202210016632。1", "CN202210016632.1"),  # Chinese IME full stop
        ("  CN202210016632.1\n", "CN202210016632.1"),
        ("\ufeffCN202210016632.1\u200b", "CN202210016632.1"),
        ("'CN202210016632.1", "CN202210016632.1"),  # Excel text prefix
        ('="CN202210016632.1"', "CN202210016632.1"),  # Excel text-forcing formula
        ("CN202121889167.X", "CN202121889167.X"),
        ("CN202121889167.x", "CN202121889167.X"),
        ("202121889167X", "CN202121889167.X"),
        ("CN200510020170", "CN200510020170.7"),  # real export row without check digit
        ("CN85105156", "CN85105156.1"),  # 1985 record without check digit
        ("CN96121602.6", "CN96121602.6"),
        ("CN00129265.X", "CN00129265.X"),
        ("00129265X", "CN00129265.X"),  # old form, dot dropped
        ("CN99115509.2", "CN99115509.2"),
        ("991155092", "CN99115509.2"),  # 9 digits: 8 + check character
        ("ZL95115608.X", "CN95115608.X"),
        ("CN03123456", f"CN03123456.{spec_check_character('03123456')}"),  # 2003, old form
    ],
)
def test_normalize_accepts_real_spellings(text: str, expected: str) -> None:
    assert normalize_application_number(text) == expected
    assert is_valid_application_number(text)


@pytest.mark.parametrize(
    "text",
    [
        "CN114399933A",
        "CN216391212U",
        "CN1234567C",
        "CN2345678U",
        "CN2345678Y",
        "CN3456789S",
        "CN306123456S",
        "CN3456789D",
        "CN101234567B",
        "cn114399933a",
        "ＣＮ１１４３９９９３３Ａ",
        "CN85100001A",  # 1985–88 publications reused the application number
        "CN114399933",  # kind code missing
        "CN216391212",
        "CN301234567",
        "CN1234567",
        "216391212",
    ],
)
def test_publication_numbers_are_never_application_numbers(text: str) -> None:
    with pytest.raises(InvalidApplicationNumber) as caught:
        normalize_application_number(text)
    assert caught.value.reason is ApplicationNumberProblem.PUBLICATION_NUMBER
    assert "publication number" in str(caught.value)
    assert not is_valid_application_number(text)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", ApplicationNumberProblem.EMPTY),
        ("  \u3000 ", ApplicationNumberProblem.EMPTY),
        ("CN", ApplicationNumberProblem.UNRECOGNISED_FORMAT),
        ("US1234567", ApplicationNumberProblem.UNRECOGNISED_FORMAT),
        ("PCT/CN2021/123456", ApplicationNumberProblem.UNRECOGNISED_FORMAT),
        ("CN202210016632.12", ApplicationNumberProblem.UNRECOGNISED_FORMAT),
        ("CN2022.10016632.1", ApplicationNumberProblem.UNRECOGNISED_FORMAT),
        ("CN202210016632.1A", ApplicationNumberProblem.UNRECOGNISED_FORMAT),
        ("CN2022100166.3", ApplicationNumberProblem.WRONG_LENGTH),
        ("CN20221001663", ApplicationNumberProblem.WRONG_LENGTH),  # 11 digits
        ("CN20221001663211", ApplicationNumberProblem.WRONG_LENGTH),
        ("CN1234", ApplicationNumberProblem.WRONG_LENGTH),
        ("CN200210016632.1", ApplicationNumberProblem.INVALID_YEAR),  # 12 digits before 2003
        ("CN199910016632", ApplicationNumberProblem.INVALID_YEAR),
        ("CN50123456", ApplicationNumberProblem.INVALID_YEAR),  # 8 digits from 2050
        ("CN04123456", ApplicationNumberProblem.INVALID_YEAR),  # 8 digits after 2003
        ("CN202250016632", ApplicationNumberProblem.INVALID_TYPE),
        ("CN202200016632", ApplicationNumberProblem.INVALID_TYPE),
        ("CN99415509", ApplicationNumberProblem.INVALID_TYPE),
    ],
)
def test_rejects_say_why(text: str, reason: ApplicationNumberProblem) -> None:
    with pytest.raises(InvalidApplicationNumber) as caught:
        normalize_application_number(text)
    assert caught.value.reason is reason
    assert caught.value.text == text


def test_thirteen_digits_are_twelve_plus_check() -> None:
    assert normalize_application_number("2022100166321") == "CN202210016632.1"
    with pytest.raises(InvalidApplicationNumber) as caught:
        normalize_application_number("2022100166322")
    assert caught.value.reason is ApplicationNumberProblem.WRONG_CHECK_CHARACTER


def test_wrong_check_character_is_rejected_with_the_right_one() -> None:
    with pytest.raises(InvalidApplicationNumber) as caught:
        normalize_application_number("CN202210016632.2")
    error = caught.value
    assert issubclass(InvalidApplicationNumber, ValueError)
    assert error.reason is ApplicationNumberProblem.WRONG_CHECK_CHARACTER
    assert error.reason == "wrong_check_character"
    assert error.expected_check == "1"
    assert str(error) == (
        '"CN202210016632.2" has the check character 2, but these digits need 1; '
        "one of the digits or the check character is mistyped."
    )


def test_wrong_x_is_rejected() -> None:
    with pytest.raises(InvalidApplicationNumber) as caught:
        normalize_application_number("CN202210016632.X")
    assert caught.value.expected_check == "1"
    assert not is_valid_application_number("CN00129265.0")


@pytest.mark.parametrize(
    "text",
    ["", "US1234567", "CN114399933A", "CN2022100166.3", "CN200210016632.1", "CN202250016632",
     "CN202210016632.2", "x" * 200],
)  # fmt: skip
def test_messages_are_one_english_sentence(text: str) -> None:
    with pytest.raises(InvalidApplicationNumber) as caught:
        normalize_application_number(text)
    message = str(caught.value)
    assert message.endswith(".")
    assert "\n" not in message
    assert len(message) < 200
    assert message[0].isupper() or message.startswith('"')
    if text and len(text) <= 40:
        assert f'"{text}"' in message


def test_year_bounds_follow_the_calendar() -> None:
    this_year = date.today().year
    assert is_valid_application_number(f"CN{this_year}10000001")
    assert is_valid_application_number("CN200310000001")
    assert not is_valid_application_number(f"CN{max(this_year, 2026) + 2}10000001")


# --------------------------------------------------------------------------- type and year


@pytest.mark.parametrize(
    ("text", "patent_type", "year"),
    [
        ("CN202210016632.1", PatentType.INVENTION, 2022),
        ("CN202121889167.X", PatentType.UTILITY_MODEL, 2021),
        ("CN202130012345", PatentType.DESIGN, 2021),
        ("CN201880012345", PatentType.INVENTION, 2018),  # PCT invention entering China
        ("CN201890012345", PatentType.UTILITY_MODEL, 2018),  # PCT utility model
        ("CN85105156.1", PatentType.INVENTION, 1985),
        ("CN00129265.X", PatentType.INVENTION, 2000),
        ("CN99215509", PatentType.UTILITY_MODEL, 1999),
        ("CN03312345", PatentType.DESIGN, 2003),
        ("CN98805123", PatentType.INVENTION, 1998),
        ("zl 2022 1 0016632", PatentType.INVENTION, 2022),  # not yet normalised
    ],
)
def test_type_and_year_come_from_the_number(text: str, patent_type: PatentType, year: int) -> None:
    assert patent_type_from_application_number(text) is patent_type
    assert application_year(text) == year


def test_type_values_are_the_stored_strings() -> None:
    assert patent_type_from_application_number("CN202210016632.1") == "invention"
    assert patent_type_from_application_number("CN202121889167.X") == "utility_model"
    assert patent_type_from_application_number("CN202130012345") == "design"


@pytest.mark.parametrize("text", ["", "CN114399933A", "CN202210016632.2", "nonsense"])
def test_type_and_year_of_invalid_numbers_are_none(text: str) -> None:
    assert patent_type_from_application_number(text) is None
    assert application_year(text) is None


# --------------------------------------------------------------------------- properties

separator = st.sampled_from(["", " ", "\u3000", "  "])


@given(
    digits=application_digits,
    prefix=st.sampled_from(["", "CN", "cn", "ZL", "zl", "Cn", "CN ", "ZL "]),
    dot=st.sampled_from([".", "", "．", "。", " . "]),
    with_check=st.booleans(),
    wide=st.booleans(),
    after_prefix=separator,
    spaces=st.lists(st.tuples(st.integers(0, 12), separator), max_size=3),
    lower_x=st.booleans(),
)
@example(  # the ideographic space (U+3000) of a Chinese IME, between prefix and digits too
    digits="202210016632",
    prefix="ZL",
    dot="",
    with_check=False,
    wide=False,
    after_prefix="\u3000",
    spaces=[(4, "\u3000"), (5, "\u3000")],
    lower_x=False,
)
def test_written_variants_round_trip(
    digits: str,
    prefix: str,
    dot: str,
    with_check: bool,
    wide: bool,
    after_prefix: str,
    spaces: list[tuple[int, str]],
    lower_x: bool,
) -> None:
    check = check_character(digits)
    canonical = f"CN{digits}.{check}"
    body = digits
    for position, gap in sorted(spaces, reverse=True):
        body = body[:position] + gap + body[position:]
    text = prefix + after_prefix + body
    if with_check:
        text += dot + (check.lower() if lower_x else check)
    if wide:
        text = fullwidth(text)
    assert normalize_application_number(text) == canonical
    assert normalize_application_number(canonical) == canonical


@given(st.text(max_size=30))
@example("CN202210016632.1")
@example("ZL 2022 1 0016632")
@example("９９１１５５０９２")
def test_normalize_is_idempotent_and_only_raises_its_own_error(text: str) -> None:
    try:
        normalised = normalize_application_number(text)
    except InvalidApplicationNumber as error:
        assert isinstance(error.reason, ApplicationNumberProblem)
        assert not is_valid_application_number(text)
        return
    assert normalize_application_number(normalised) == normalised
    assert is_valid_application_number(text)


@given(st.text(alphabet="CNZL0123456789.Xx ", max_size=18))
def test_normalize_is_idempotent_on_number_like_text(text: str) -> None:
    try:
        normalised = normalize_application_number(text)
    except InvalidApplicationNumber:
        return
    assert normalize_application_number(normalised) == normalised
    digits, check = normalised[2:].split(".")
    assert check == spec_check_character(digits)


@given(application_digits, st.data())
def test_one_changed_digit_is_always_caught(digits: str, data: st.DataObject) -> None:
    check = check_character(digits)
    position = data.draw(st.integers(0, len(digits) - 1), label="position")
    replacement = data.draw(
        st.sampled_from([d for d in "0123456789" if d != digits[position]]), label="digit"
    )
    typo = digits[:position] + replacement + digits[position + 1 :]
    assert check_character(typo) != check
    with pytest.raises(InvalidApplicationNumber):
        normalize_application_number(f"CN{typo}.{check}")


@given(application_digits, st.data())
def test_swapped_neighbours_are_always_caught(digits: str, data: st.DataObject) -> None:
    position = data.draw(st.integers(0, len(digits) - 2), label="position")
    assume(digits[position] != digits[position + 1])
    swapped = digits[:position] + digits[position + 1] + digits[position] + digits[position + 2 :]
    assert not is_valid_application_number(f"CN{swapped}.{check_character(digits)}")


# --------------------------------------------------------------------------- full width


def test_to_halfwidth() -> None:
    assert to_halfwidth("ＣＮ２０２２１００１６６３２．１") == "CN202210016632.1"
    assert to_halfwidth("（１）Ｐ１　ａｂｃ～！") == "(1)P1 abc~!"
    assert to_halfwidth("联想（北京）有限公司") == "联想(北京)有限公司"
    assert to_halfwidth("句号。顿号、") == "句号。顿号、"  # CJK punctuation stays


@given(st.text())
def test_to_halfwidth_leaves_no_fullwidth_ascii(text: str) -> None:
    result = to_halfwidth(text)
    assert len(result) == len(text)
    assert not any("\uff01" <= c <= "\uff5e" or c == "\u3000" for c in result)
    assert to_halfwidth(result) == result


@given(st.text(alphabet=st.characters(min_codepoint=0x21, max_codepoint=0x7E)))
def test_to_halfwidth_inverts_fullwidth(text: str) -> None:
    assert to_halfwidth(fullwidth(text)) == text
    assert to_halfwidth(text) == text


# --------------------------------------------------------------------------- credit codes

# Published codes: the python-stdnum example, Huawei Technologies, Alibaba (China), Tencent.
REAL_CREDIT_CODES = [
    "91110000600037341L",
    "914403001922038216",
    "91330100716105852F",
    "9144030071526726XG",
]


@pytest.mark.parametrize("code", REAL_CREDIT_CODES)
def test_real_credit_codes_are_valid(code: str) -> None:
    assert normalize_credit_code(code) == code
    assert is_valid_credit_code(code)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("9111 0000 6000 3734 1L", "91110000600037341L"),
        ("91110000600037341l", "91110000600037341L"),
        ("９１１１００００６０００３７３４１Ｌ", "91110000600037341L"),
        ("911100-00600037341L", "91110000600037341L"),
        (" 9144030071526726xg\u3000", "9144030071526726XG"),
    ],
)
def test_credit_code_spellings(text: str, expected: str) -> None:
    assert normalize_credit_code(text) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", CreditCodeProblem.EMPTY),
        ("   ", CreditCodeProblem.EMPTY),
        ("91110000600037341K", CreditCodeProblem.WRONG_CHECK_CHARACTER),
        ("91110000600037342L", CreditCodeProblem.WRONG_CHECK_CHARACTER),
        ("110108000000016", CreditCodeProblem.WRONG_LENGTH),  # old 15-digit registration no.
        ("91110000600037341LL", CreditCodeProblem.WRONG_LENGTH),
        ("A1110000600037341L", CreditCodeProblem.INVALID_CHARACTERS),
        ("91110000600O37341L", CreditCodeProblem.INVALID_CHARACTERS),  # letter O
        ("9111000060003734IL", CreditCodeProblem.INVALID_CHARACTERS),  # letter I
    ],
)
def test_credit_code_rejects_say_why(text: str, reason: CreditCodeProblem) -> None:
    with pytest.raises(InvalidCreditCode) as caught:
        normalize_credit_code(text)
    assert caught.value.reason is reason
    assert isinstance(caught.value, ValueError)
    assert str(caught.value).endswith(".")
    assert not is_valid_credit_code(text)


def test_make_credit_code_completes_a_real_code() -> None:
    for code in REAL_CREDIT_CODES:
        assert make_credit_code(code[:17]) == code


credit_seeds = st.builds(
    lambda head, tail: head + tail,
    st.text(alphabet="0123456789", min_size=8, max_size=8),
    st.text(alphabet="0123456789ABCDEFGHJKLMNPQRTUWXY", min_size=9, max_size=9),
)


@given(credit_seeds)
def test_made_credit_codes_are_valid_and_unique_to_their_check(seed: str) -> None:
    code = make_credit_code(seed)
    assert code[:17] == seed
    assert len(code) == 18
    assert normalize_credit_code(code) == code
    for other in "0123456789ABCDEFGHJKLMNPQRTUWXY":
        if other != code[-1]:
            assert not is_valid_credit_code(seed + other)


@pytest.mark.parametrize(
    ("seed", "reason"),
    [
        ("9111000060003734", CreditCodeProblem.WRONG_LENGTH),
        ("A1110000600037341", CreditCodeProblem.INVALID_CHARACTERS),
        ("9111000060003734O", CreditCodeProblem.INVALID_CHARACTERS),
    ],
)
def test_make_credit_code_rejects_bad_seeds(seed: str, reason: CreditCodeProblem) -> None:
    with pytest.raises(InvalidCreditCode) as caught:
        make_credit_code(seed)
    assert caught.value.reason is reason


# --------------------------------------------------------------------------- phone numbers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("13812345678", "13812345678"),
        ("138 1234 5678", "13812345678"),
        ("138-1234-5678", "13812345678"),
        ("+86 138 1234 5678", "13812345678"),
        ("+8613812345678", "13812345678"),
        ("(+86)13812345678", "13812345678"),
        ("0086 13812345678", "13812345678"),
        ("8613812345678", "13812345678"),
        ("013812345678", "13812345678"),  # trunk 0 before a mobile number
        ("１３８１２３４５６７８", "13812345678"),
        ("19912345678", "19912345678"),
        ("010-12345678", "010-12345678"),
        ("01012345678", "010-12345678"),
        ("(010) 8888 6666", "010-88886666"),
        ("(021)12345678", "021-12345678"),
        ("（０２１）１２３４５６７８", "021-12345678"),
        ("0755 8888 8888", "0755-88888888"),
        ("0755-8888-8888", "0755-88888888"),
        ("0371-6543210", "0371-6543210"),  # 7-digit local number
        ("0755-88888888-123", "0755-88888888-123"),
        ("0755 8888 8888转123", "0755-88888888-123"),
        ("0755-88888888 转 8001", "0755-88888888-8001"),
        ("010-12345678分机45", "010-12345678-45"),
        ("010-12345678 ext. 45", "010-12345678-45"),
        ("010-12345678x45", "010-12345678-45"),
        ("010-12345678#45", "010-12345678-45"),
        ("+86 10 12345678", "010-12345678"),
        ("+86 (0)10 1234 5678", "010-12345678"),
        ("+86-755-8888 8888", "0755-88888888"),
        ("+86 10 12345678-123", "010-12345678-123"),
        ("400-820-8820", "400-820-8820"),
        ("4008208820", "400-820-8820"),
        ("800 810 8888", "800-810-8888"),
    ],
)
def test_phone_spellings(text: str, expected: str) -> None:
    assert normalize_phone(text) == expected
    assert normalize_phone(expected) == expected
    assert is_valid_phone(text)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", PhoneProblem.EMPTY),
        ("  ", PhoneProblem.EMPTY),
        ("12345678", PhoneProblem.MISSING_AREA_CODE),
        ("8888-8888", PhoneProblem.MISSING_AREA_CODE),
        ("6543210", PhoneProblem.MISSING_AREA_CODE),
        ("1381234567", PhoneProblem.UNRECOGNISED),  # 10 digits
        ("138123456789", PhoneProblem.UNRECOGNISED),  # 12 digits
        ("12812345678", PhoneProblem.UNRECOGNISED),  # no 12x mobile numbers
        ("010-1234567", PhoneProblem.UNRECOGNISED),  # Beijing has 8-digit numbers
        ("0123-1234567", PhoneProblem.UNRECOGNISED),  # no area code 01xx but 010
        ("0755-888888", PhoneProblem.UNRECOGNISED),
        ("+1 415 555 1234", PhoneProblem.UNRECOGNISED),
        ("0044 20 7946 0000", PhoneProblem.UNRECOGNISED),
        ("13812345678转12", PhoneProblem.UNRECOGNISED),  # mobiles have no extension
        ("13812345678/13912345678", PhoneProblem.INVALID_CHARACTERS),
        ("138 1234 5678；010-12345678", PhoneProblem.INVALID_CHARACTERS),
        ("电话13812345678", PhoneProblem.INVALID_CHARACTERS),
        ("138+12345678", PhoneProblem.INVALID_CHARACTERS),
    ],
)
def test_phone_rejects_say_why(text: str, reason: PhoneProblem) -> None:
    with pytest.raises(InvalidPhone) as caught:
        normalize_phone(text)
    assert caught.value.reason is reason
    assert str(caught.value).endswith(".")
    assert not is_valid_phone(text)


mobiles = st.builds(
    lambda second, rest: f"1{second}{rest:09d}",
    st.sampled_from("3456789"),
    st.integers(0, 999_999_999),
)
landlines = st.one_of(
    st.builds(
        lambda area, local: (area, f"{local}"),
        st.sampled_from(["010", "020", "021", "022", "023", "024", "025", "027", "028", "029"]),
        st.integers(10_000_000, 99_999_999),
    ),
    st.builds(
        lambda area, local: (f"0{area}", f"{local}"),
        st.integers(300, 999),
        st.one_of(st.integers(1_000_000, 9_999_999), st.integers(10_000_000, 99_999_999)),
    ),
)


@given(mobiles, st.sampled_from(["", "+86 ", "0086-", "(+86) ", "86"]), st.booleans())
def test_mobile_variants(mobile: str, prefix: str, split: bool) -> None:
    body = f"{mobile[:3]} {mobile[3:7]} {mobile[7:]}" if split else mobile
    assert normalize_phone(prefix + body) == mobile
    assert normalize_phone(fullwidth(prefix + body)) == mobile


@given(
    landlines,
    st.sampled_from(["{a}-{l}", "{a} {l}", "({a}){l}", "{a}{l}", "+86 {a1} {l}"]),
    st.one_of(st.none(), st.integers(1, 999_999).map(str)),
    st.sampled_from(["-", "转", " ext ", "#"]),
)
def test_landline_variants(
    landline: tuple[str, str], layout: str, extension: str | None, marker: str
) -> None:
    area, local = landline
    text = layout.format(a=area, a1=area[1:], l=local)
    expected = f"{area}-{local}"
    if extension is not None:
        text += marker + extension
        expected += "-" + extension
    assert normalize_phone(text) == expected
    assert normalize_phone(expected) == expected
