"""QR payloads: what we print scans back to the same record; garbage is refused."""

from __future__ import annotations

import uuid

import pytest
from hypothesis import given
from hypothesis import strategies as st

from roadshow_desk.domain.payloads import (
    EnterprisePayload,
    InvalidPayload,
    PatentPayload,
    begins_payload,
    could_begin_payload,
    enterprise_payload,
    parse_payload,
    patent_payload,
    signup_template_problem,
    signup_url,
)

APPLICATION_NO = "CN202210016632.1"


def test_enterprise_payload_is_compact_and_round_trips() -> None:
    value = uuid.uuid4().hex
    text = enterprise_payload(value)
    assert text == f"RSD1:E:{value}"
    assert parse_payload(text) == EnterprisePayload(value)


def test_patent_payload_normalises_the_number_and_round_trips() -> None:
    text = patent_payload("ZL 2022 1 0016632.1")
    assert text == "RSD1:P:CN202210016632.1"
    assert parse_payload(text) == PatentPayload(APPLICATION_NO)
    assert parse_payload(text).text == text


@given(st.uuids())
def test_any_enterprise_uuid_round_trips(value: uuid.UUID) -> None:
    assert parse_payload(enterprise_payload(str(value))) == EnterprisePayload(value.hex)


@given(st.integers(min_value=0, max_value=9_999_999), st.sampled_from("12389"))
def test_any_application_number_round_trips(serial: int, type_digit: str) -> None:
    digits = f"2021{type_digit}{serial:07d}"
    payload = parse_payload(patent_payload(digits))
    assert isinstance(payload, PatentPayload)
    assert payload.application_no.startswith(f"CN{digits}.")


@pytest.mark.parametrize(
    "scanned",
    [
        "  RSD1:P:CN202210016632.1\r\n",
        "rsd1:p:cn202210016632.1",
        "ＲＳＤ１：Ｐ：ＣＮ２０２２１００１６６３２．１",
        "RSD1:P:CN202210016632。1",
        "RSD1:P:2022100166321",
        "\u200bRSD1:P:CN202210016632.1\t",
    ],
)
def test_scanner_quirks_are_accepted(scanned: str) -> None:
    assert parse_payload(scanned) == PatentPayload(APPLICATION_NO)


def test_uuid_with_dashes_and_upper_case_is_accepted() -> None:
    value = uuid.uuid4()
    assert parse_payload(f"rsd1:e:{str(value).upper()}") == EnterprisePayload(value.hex)


def test_signup_link_on_a_brochure_reads_as_its_patent() -> None:
    link = "https://fair.example.cn/signup?event=abc&patent=CN202210016632.1"
    assert parse_payload(link) == PatentPayload(APPLICATION_NO)
    assert parse_payload("https://x.cn/p/CN202210016632.1/join") == PatentPayload(APPLICATION_NO)


@pytest.mark.parametrize(
    "garbage",
    [
        "",
        "   ",
        "hello",
        "RSD1:E:not-a-uuid",
        "RSD1:E:" + "g" * 32,
        "RSD1:P:CN202210016632.2",  # wrong check digit
        "RSD1:P:CN114399933A",  # a publication number
        "RSD1:X:whatever",
        "RSD0:P:CN202210016632.1",
        "https://example.cn/signup?event=abc",
        "6901234567892",  # an EAN barcode from a product
        "RSD1:P:CN202210016632.1RSD1:P:CN202210016632.1",
    ],
)
def test_garbage_is_refused_with_a_sentence(garbage: str) -> None:
    with pytest.raises(InvalidPayload) as caught:
        parse_payload(garbage)
    message = str(caught.value)
    assert message.endswith(".")
    assert "\n" not in message


def test_a_newer_format_says_so() -> None:
    with pytest.raises(InvalidPayload, match="newer version"):
        parse_payload("RSD2:P:CN202210016632.1")


@given(st.text(max_size=80))
def test_arbitrary_text_parses_or_raises_invalid_payload(text: str) -> None:
    try:
        payload = parse_payload(text)
    except InvalidPayload as error:
        assert str(error)
    else:
        # Whatever passes is a real payload that re-reads to itself.
        assert parse_payload(payload.text) == payload


def test_printing_garbage_is_refused() -> None:
    with pytest.raises(InvalidPayload):
        enterprise_payload("12")
    with pytest.raises(InvalidPayload):
        patent_payload("CN114399933A")


def test_signup_url_fills_and_encodes() -> None:
    event_uuid = uuid.uuid4().hex
    url = signup_url(
        "https://报名.example.cn/signup?event={event}&patent={application_no}",
        event_uuid,
        "2022100166321",
    )
    assert url == (
        f"https://%E6%8A%A5%E5%90%8D.example.cn/signup?event={event_uuid}&patent=CN202210016632.1"
    )
    assert url.isascii()
    # The link scans back as the patent.
    assert parse_payload(url) == PatentPayload(APPLICATION_NO)


def test_signup_url_accepts_objects_and_patent_alias() -> None:
    class Event:
        uuid = "e" * 32

    class Patent:
        application_no = APPLICATION_NO

    assert (
        signup_url("https://x.cn/{event}/{patent}", Event(), Patent())
        == f"https://x.cn/{'e' * 32}/{APPLICATION_NO}"
    )
    assert signup_url("https://x.cn/?e={event}&p={patent}", "ab", None) == "https://x.cn/?e=ab&p="


@pytest.mark.parametrize(
    ("template", "bad"),
    [
        ("", False),
        ("https://x.cn/s?e={event}", False),
        ("ftp://x.cn/{event}", True),
        ("x.cn/{event}", True),
        ("https://x.cn/{evnet}", True),
        ("https://x.cn/{event", True),
    ],
)
def test_signup_template_problems(template: str, bad: bool) -> None:
    assert (signup_template_problem(template) is not None) is bad
    if bad:
        with pytest.raises(InvalidPayload):
            signup_url(template, "ab", APPLICATION_NO)


def test_signup_link_of_another_event_is_refused() -> None:
    this, other = "a" * 32, "b" * 32
    template = "https://fair.example.cn/s?event={event}&patent={patent}"
    own = signup_url(template, this, APPLICATION_NO)
    assert parse_payload(own, event_uuid=this) == PatentPayload(APPLICATION_NO)
    foreign = signup_url(template, other, APPLICATION_NO)
    with pytest.raises(InvalidPayload, match=r"^This sign-up link is for another event"):
        parse_payload(foreign, event_uuid=this)
    # Dashed uuids name the same event; a link that names no event cannot be checked.
    dashed = str(uuid.UUID(this))
    assert parse_payload(foreign.replace(other, dashed), event_uuid=this).application_no
    assert parse_payload(f"https://x.cn/{APPLICATION_NO}", event_uuid=this) == PatentPayload(
        APPLICATION_NO
    )
    assert parse_payload(foreign) == PatentPayload(APPLICATION_NO)  # no event to compare


@pytest.mark.parametrize(
    ("text", "begins", "could"),
    [
        ("R", False, True),
        ("rs", False, True),
        ("RSD", False, True),
        ("RSD1", False, True),
        ("RSD12", False, True),
        ("RSD1:", True, True),
        ("ｒｓｄ１：", True, True),  # full width, from a Chinese input method
        ("RSD1:E:abc", True, True),
        ("h", False, True),
        ("HTTPS:/", False, True),
        ("https://x.cn/s", True, True),
        ("http://", True, True),
        ("", False, False),
        ("S", False, False),
        ("Ro", False, False),
        ("RSX", False, False),
        ("hx", False, False),
        ("1", False, False),
    ],
)
def test_what_starts_like_a_code(text: str, begins: bool, could: bool) -> None:
    assert begins_payload(text) is begins
    assert could_begin_payload(text) is could


@given(st.text(max_size=12))
def test_every_prefix_of_a_code_could_begin_one(tail: str) -> None:
    for code in (patent_payload("CN202210016632.1") + tail, "https://fair.cn/s?p=1" + tail):
        for end in range(1, len(code) + 1):
            assert could_begin_payload(code[:end])
