"""Regression tests for fixes in the text screening and the phonenumbers boundary."""

from __future__ import annotations

import pytest

import smscheck
from smscheck import Code, _phone
from smscheck._normalize import screen


@pytest.mark.parametrize(
    "text",
    [
        "Phone: +1 650 253 0000",
        "Mobile: +1 650 253 0000",
        "тел：+1 650 253 0000",
        "Тел.: +1 650 253 0000",
        "Mob.: +1 650 253 0000",
        "Direct: +1 650 253 0000",
        "\uff34\uff25\uff2c\uff1a+1 650 253 0000",  # full-width TEL：
        "電話 +1 650 253 0000",
        "电话：+1 650 253 0000",
        "Call +1 650 253 0000",
        # After the number, a label in brackets is a comment on it.
        "+1 650 253 0000 (mobile)",
        "+1 650 253 0000 [Cell]",
        "+1 650 253 0000 (WhatsApp)",
        "+1 650 253 0000 (моб.)",
    ],
)
def test_a_label_colon_is_not_an_invalid_character(text: str) -> None:
    """A label such as "Phone:" and its dot or colon are no part of the number, nor letters."""
    report = smscheck.check(text)
    assert Code.INVALID_CHARACTERS not in report.codes
    assert Code.LINE_TYPE_UNKNOWN in report.codes
    assert report.number is not None
    assert report.number.e164 == "+16502530000"


def test_a_bare_word_after_the_digits_is_still_spelled_on_the_keypad() -> None:
    """Only a bracketed label after a number is a comment: "1-800-555-CELL" dials C-E-L-L."""
    report = smscheck.check("1-800-555-CELL", region="US")
    assert Code.VANITY_LETTERS in report.codes
    assert report.number is not None
    assert report.number.e164 == "+18005552355"


@pytest.mark.parametrize(
    ("text", "region", "e164"),
    [
        # Prose around the number (libphonenumber-js's tests of finding numbers in text).
        ("The phone number is 231354125.", "FR", "+33231354125"),
        ("The number is +7 (800) 555-35-35 as written in the document.", None, "+78005553535"),
        # Words after an extension word, a "#", or a semicolon after a whole number.
        ("2134567890 ext. abc", "US", "+12134567890"),
        ("+1 (713) 555-1212 ; abc", None, "+17135551212"),  # from phonelib's tests
    ],
)
def test_words_outside_the_number_are_not_vanity_letters(
    text: str, region: str | None, e164: str
) -> None:
    """Keypad letters stand inside a number: words of prose before it, or after the number's
    end, are characters that do not belong, and the digits are read without them."""
    report = smscheck.check(text, region=region)
    assert Code.VANITY_LETTERS not in report.codes
    assert Code.INVALID_CHARACTERS in report.codes
    assert report.number is not None
    assert report.number.e164 == e164


def test_a_vanity_number_after_its_digits_is_still_read() -> None:
    """``800 SIX-flag ext. 1234``: the letters come before the extension word, inside."""
    report = smscheck.check("800 SIX-flag ext. 1234", region="US")
    assert Code.VANITY_LETTERS in report.codes
    assert report.number is not None
    assert report.number.e164 == "+18007493524"
    assert report.number.extension == "1234"


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("+1 (650) 253-0000 / +1 (650) 253-0001", "+1 (650) 253-0000"),
        ("089/1234567 / 089/7654321", "089/1234567"),
        ("+7 916 123 45 67 +7 916 123 45 68", "+7 916 123 45 67"),
    ],
)
def test_spaced_slash_and_second_plus_separate_numbers(text: str, first: str) -> None:
    """A spaced slash or a second + starts another number; empty pieces do not count."""
    screened = screen(text)
    assert [f.code for f in screened.findings] == [Code.MULTIPLE_NUMBERS]
    assert screened.digits == "".join(ch for ch in first if ch.isdigit())


@pytest.mark.parametrize("text", ["089/1234567", "+7 916 / 123 45 67", "089 / 1234567"])
def test_area_code_slash_is_one_number(text: str) -> None:
    """A slash after an area code does not split the number."""
    assert Code.MULTIPLE_NUMBERS not in [f.code for f in screen(text).findings]


def test_control_characters_are_named_as_such() -> None:
    """NUL and other C0 controls have no Unicode name: they are called control characters."""
    (finding,) = screen("+7916\x00\x1b1234567").findings
    assert finding.params == (("characters", "U+0000 control character, U+001B control character"),)


def test_non_geographic_example_numbers_and_lengths() -> None:
    """+800 and friends have metadata under "001": examples and lengths are found there."""
    assert "12345678" in _phone.example_national_numbers(800)
    assert _phone.possible_lengths(800, None) == (8,)
    report = smscheck.check("+800 1234 5678")
    assert report.codes[:2] == (Code.TOLL_FREE, Code.EXAMPLE_NUMBER)
    assert smscheck.check("+800 123").diagnostics[0].param("missing") == 5


@pytest.mark.parametrize("text", ["|tel:٣|tel:٣", "1-800-FL!WERS", "+1 800 FL|WERS"])
def test_lookalike_symbols_inside_words_are_not_vanity_letters(text: str) -> None:
    """A word mixing letters with | or ! is not a vanity number, and never reaches the keypad."""
    report = smscheck.check(text, region="US")
    assert Code.VANITY_LETTERS not in report.codes


def test_split_country_code_refuses_non_digits() -> None:
    """The boundary refuses anything but ASCII digits instead of raising."""
    assert _phone.split_country_code("|8353") is None
    assert _phone.split_country_code("٣٣1234") is None
    assert _phone.split_country_code("79161234567") == (7, "9161234567")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("2012-01-02 08:00", "date"),
        ("2012-01-02T08:00:59", "date"),
        ("02.01.2012", "date"),
        ("12/31/1999", "date"),
        ("08:00", "time"),
        ("23:59:59", "time"),
        ("192.168.0.1", "ip_address"),
        ("10.0.0.1", "ip_address"),
        ("\u200b2012-01-02", "date"),  # behind an invisible character, via the full screening
        # Shapes from libphonenumber's matcher tests of things that are no phone number:
        ("10/12/82", "date"),  # a two-digit year between slashes
        ("20120102 08:00", "date"),  # a date run together, with a clock
        ("2014-04-12 04:04 PM", "date"),
        ("2014-04-12  04:04 PM", "date"),
        ("2014-04-12 &nbsp;04:04 PM", "date"),  # an HTML space, copied from a page
        ("19 November 2020", "date"),  # a month's name is no vanity number
        ("Nov 19, 2020", "date"),
        ("november 19", "date"),
        ("19-Nov-2020", "date"),
        ("8:00 pm", "time"),
    ],
)
def test_dates_times_and_addresses_are_no_phone_numbers(text: str, kind: str) -> None:
    """A date, a time or an IPv4 address in the phone field is said as such, never read."""
    report = smscheck.check(text, region="US")
    assert report.number is None
    assert Code.DATE_TIME_OR_ADDRESS in report.codes
    diagnostic = next(d for d in report.diagnostics if d.code is Code.DATE_TIME_OR_ADDRESS)
    assert diagnostic.param("kind") == kind
    assert diagnostic.message == (
        "The text looks like a date, a time or an IP address, not a phone number."
    )


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("212.555.1234", "US"),  # North American dots
        ("22.50.12.34", "TD"),  # four pairs: Chad
        ("070.123.45.67", "SE"),  # a leading zero is no address byte
        ("2012-13-02", "US"),  # month 13: not a date
        ("25:61", "US"),  # no such time
        ("300.1.1.1", "US"),  # no such address
        ("1899-01-01", "US"),  # outside the years people type
        ("70.123.10.10", "SN"),  # an address shape, but a valid Senegalese mobile
        ("30.101.10.10", "SN"),  # and a valid Senegalese landline
        ("12/34/56", "US"),  # no day and month between the slashes
        ("20120102", "US"),  # a date run together, but no clock: eight digits
        ("1-800-FLOWERS", "US"),  # letters that spell no month
        ("1-800-MAY-2020", "US"),  # a month's name inside a number
        ("0123/456789", "PL"),  # one slash
    ],
)
def test_number_shapes_are_not_taken_for_dates_or_addresses(text: str, region: str) -> None:
    """Dotted and dashed numbers, and out-of-range parts, stay numbers (or plain errors)."""
    assert Code.DATE_TIME_OR_ADDRESS not in smscheck.check(text, region=region).codes


def test_a_date_wins_over_a_landline_that_reads_out_of_it() -> None:
    """02.01.2012 in a German form is a date, though its digits are a valid landline there."""
    report = smscheck.check("02.01.2012", region="DE")
    assert report.number is None
    assert report.codes == (Code.DATE_TIME_OR_ADDRESS,)


@pytest.mark.parametrize(
    ("text", "digits", "extension"),
    [
        ("+12679000000,,123456789012345#", "12679000000", "123456789012345#"),
        ("+12679000000,123", "12679000000", "123"),
        ("+12679000000;123", "12679000000", "123"),
        ("+1 267 900 0000p123", "12679000000", "123"),
        ("+1 267 900 0000P123", "12679000000", "123"),
        ("+1 267 900 0000w123#", "12679000000", "123#"),
        ("+1 267 900 0000W1,2", "12679000000", "1,2"),
        ("+1 267 900 0000pp12345678", "12679000000", "12345678"),
        ("tel:+1-267-900-0000,,123#", "12679000000", "123#"),
        # Spaces around a comma (from libphonenumber's tests).
        ("+1 306-555-1234   ,  78", "13065551234", "78"),
    ],
)
def test_dial_pauses_are_not_a_second_number(text: str, digits: str, extension: str) -> None:
    """Digits after a dial pause are tones sent once the call connects: an extension."""
    screened = screen(text)
    assert (screened.digits, screened.plus, screened.extension) == (digits, True, extension)
    assert [f.code for f in screened.findings] == [Code.HAS_EXTENSION]
    report = smscheck.check(text)
    assert report.number is not None
    assert report.number.e164 == "+" + digits
    assert report.number.extension == extension


@pytest.mark.parametrize(
    "text",
    [
        "79161234567,79161234568",  # a list of numbers, not a pause
        "79161234567;79161234568",
        "79161234567,,79161234568",  # no "#": a whole number after the commas
    ],
)
def test_a_whole_number_after_a_comma_is_a_second_number(text: str) -> None:
    """Commas and semicolons are pauses only before tones, never before a whole number."""
    report = smscheck.check(text, region="RU")
    assert report.codes == (Code.MULTIPLE_NUMBERS,)
    assert report.number is not None
    assert report.number.e164 == "+79161234567"


@pytest.mark.parametrize(
    ("text", "extension"),
    [
        ("(800) 901-3355 , ext 7246433", "7246433"),
        ("(800) 901-3355; x 12", "12"),
        ("(800) 901-3355 | \uff45\uff58\uff54. 12", "12"),  # full-width ext.
        ("+1 650 253 0000 ~ 630", "630"),
        ("+1 650 253 0000 \uff5e630", "630"),  # full-width tilde
        ("+1 650 253 0000 转630", "630"),
        ("+1 650 253 0000 (ramal 630)", "630"),
        ("+1 650 253 0000 EXTENSIO\u0301N 630", "630"),
    ],
)
def test_extension_labels(text: str, extension: str) -> None:
    """Extension labels are matched after NFKC folding, whatever separator comes before."""
    screened = screen(text)
    assert screened.extension == extension
    assert [f.code for f in screened.findings] == [Code.HAS_EXTENSION]


def test_an_extension_follows_a_whole_number_its_letters_counted() -> None:
    """``#`` after a vanity number's letters marks an extension; ``x`` after four digits does
    not (``1650 x 253 - 1234`` is one number, from libphonenumber's tests)."""
    vanity = smscheck.check("+1 800-Go-Green #78")
    assert vanity.number is not None
    assert (vanity.number.e164, vanity.number.extension) == ("+18004647336", "78")
    one = smscheck.check("1650 x 253 - 1234", region="US")
    assert one.number is not None
    assert (one.number.e164, one.number.extension) == ("+16502531234", None)
    assert Code.HAS_EXTENSION not in one.codes
    assert Code.VANITY_LETTERS not in smscheck.check("12345 ext 67", region="US").codes


def test_a_dial_tone_tilde_is_not_an_extension() -> None:
    """The tilde of "8~10" follows one digit: it is a wait for the dial tone, as before."""
    for text in ("8~10 49 1512 3456788", "8 ~10 49 1512 3456788"):
        report = smscheck.check(text, region="RU")
        assert report.number is not None
        assert report.number.e164 == "+4915123456788"
        assert report.number.extension is None


@pytest.mark.parametrize(
    "text",
    [
        "wa.me/27123456789",
        "https://wa.me/27123456789",
        "http://www.wa.me/27123456789/",
        "https://wa.me/27123456789?text=Hello",
        "https://api.whatsapp.com/send?phone=%2B27123456789",
        "api.whatsapp.com/send?phone=%2b27123456789&text=Hi",
        "HTTPS://API.WHATSAPP.COM/SEND?PHONE=27123456789",
        "https://web.whatsapp.com/send?text=Hi&phone=27123456789",
        "whatsapp://send?phone=+27123456789",
    ],
)
def test_whatsapp_links_carry_an_international_number(text: str) -> None:
    """A WhatsApp link's number is international: it is read with a plus, whatever the form."""
    screened = screen(text)
    assert (screened.digits, screened.plus, screened.findings) == ("27123456789", True, ())
    report = smscheck.check(text, region="US")
    assert report.number is not None
    assert report.number.e164 == "+27123456789"


@pytest.mark.parametrize(
    "text", ["https://wa.me/", "wa.me/message/ABCDEF", "api.whatsapp.com/send?text=Hi"]
)
def test_whatsapp_links_without_a_number_have_no_number(text: str) -> None:
    """A link with no number in it is no number, and says so."""
    report = smscheck.check(text)
    assert report.number is None
    assert report.codes[0] in (Code.NOT_A_NUMBER, Code.INVALID_CHARACTERS)


@pytest.mark.parametrize(
    "text",
    [
        "03-331-6005;phone-context=+64",
        "03-331-6005 ; Phone-Context=+64",
        "tel:03-331-6005;phone-context=+64",
    ],
)
def test_rfc3966_parameters_without_the_scheme(text: str) -> None:
    """``;phone-context=`` is read as in a tel: URI, not as letters."""
    report = smscheck.check(text)
    assert Code.INVALID_CHARACTERS not in report.codes
    assert Code.VANITY_LETTERS not in report.codes
    assert report.number is not None
    assert report.number.e164 == "+6433316005"


def test_rfc3966_extension_without_the_scheme() -> None:
    """``;ext=`` outside a tel: URI is an extension, as inside one."""
    screened = screen("+7 916 123-45-67;ext=12")
    assert (screened.digits, screened.extension) == ("79161234567", "12")
    assert [f.code for f in screened.findings] == [Code.HAS_EXTENSION]


def test_a_doubled_plus_is_read_as_one() -> None:
    """``++49`` (the old print convention for "your international prefix") reads as +49,
    with an info finding that says so."""
    report = smscheck.check("++49 1512 3456788")
    assert report.number is not None
    assert report.number.e164 == "+4915123456788"
    assert report.codes == (Code.REPEATED_PLUS,)
    assert report.diagnostics[0].message == (
        "The number starts with 2 plus signs; it was read with one."
    )
    assert report.delivery.verdict.value == "likely"
    assert smscheck.check("+49 1512 3456788").codes == ()
