"""Tables of inputs with their expected codes and exact English messages, and the API contract."""

from __future__ import annotations

import json
import string

import phonenumbers
import pytest
from hypothesis import assume, given

import smscheck
from smscheck import Code, LineType, Report, Severity
from smscheck._fictional import fictional_range
from smscheck._messages import LANGUAGES, catalog
from smscheck._normalize import MAX_INPUT_LENGTH
from smscheck._rules_schema import RULE_CODES

from .strategies import Example, mobile_numbers

_C = Code

# (input, region hint, expected codes in report order, code whose message is pinned, message)
ROWS: list[tuple[str, str | None, tuple[Code, ...], Code, str]] = [
    # The text itself.
    ("", None, (_C.EMPTY_INPUT,), _C.EMPTY_INPUT, "No phone number was entered."),
    ("   \t ", "RU", (_C.EMPTY_INPUT,), _C.EMPTY_INPUT, "No phone number was entered."),
    (
        "\u200b",
        None,
        (_C.EMPTY_INPUT, _C.INVISIBLE_CHARACTERS),
        _C.INVISIBLE_CHARACTERS,
        "Invisible characters were removed from the number: U+200B ZERO WIDTH SPACE.",
    ),
    (
        "hello",
        None,
        (_C.NOT_A_NUMBER,),
        _C.NOT_A_NUMBER,
        "The text does not contain a phone number.",
    ),
    ("+", "RU", (_C.NOT_A_NUMBER,), _C.NOT_A_NUMBER, "The text does not contain a phone number."),
    (
        "\ud800",
        None,
        (_C.INVALID_CHARACTERS, _C.NOT_A_NUMBER),
        _C.INVALID_CHARACTERS,
        (
            "The number contains characters that do not belong in a phone number: "
            "U+D800 lone surrogate."
        ),
    ),
    (
        "1" * (MAX_INPUT_LENGTH + 1),
        None,
        (_C.INPUT_TOO_LONG,),
        _C.INPUT_TOO_LONG,
        "The text is 257 characters long, far more than any phone number (at most 256).",
    ),
    (
        "+7 916 123-45-67 \u2713",
        None,
        (_C.INVALID_CHARACTERS,),
        _C.INVALID_CHARACTERS,
        ("The number contains characters that do not belong in a phone number: U+2713 CHECK MARK."),
    ),
    (
        "+7 916 123 45 67 \U0001f600\U0001f600",
        None,
        (_C.INVALID_CHARACTERS,),
        _C.INVALID_CHARACTERS,
        (
            "The number contains characters that do not belong in a phone number: "
            "U+1F600 GRINNING FACE."
        ),
    ),
    # Invisible characters, wherever they sit: start, middle, end; format and control.
    (
        "\u200b+79161234567",
        None,
        (_C.INVISIBLE_CHARACTERS,),
        _C.INVISIBLE_CHARACTERS,
        "Invisible characters were removed from the number: U+200B ZERO WIDTH SPACE.",
    ),
    (
        "+7916\u200d1234567",
        None,
        (_C.INVISIBLE_CHARACTERS,),
        _C.INVISIBLE_CHARACTERS,
        "Invisible characters were removed from the number: U+200D ZERO WIDTH JOINER.",
    ),
    (
        "+79161234567\u2069",
        None,
        (_C.INVISIBLE_CHARACTERS,),
        _C.INVISIBLE_CHARACTERS,
        "Invisible characters were removed from the number: U+2069 POP DIRECTIONAL ISOLATE.",
    ),
    (
        "\u202e+7916\x001234567\ufeff",
        None,
        (_C.INVISIBLE_CHARACTERS,),
        _C.INVISIBLE_CHARACTERS,
        (
            "Invisible characters were removed from the number: U+202E RIGHT-TO-LEFT OVERRIDE, "
            "U+0000 control character, U+FEFF ZERO WIDTH NO-BREAK SPACE."
        ),
    ),
    (
        "\u200b+7\u200c9\u200d1\u20606\ufeff1234567",
        None,
        (_C.INVISIBLE_CHARACTERS,),
        _C.INVISIBLE_CHARACTERS,
        (
            "Invisible characters were removed from the number: U+200B ZERO WIDTH SPACE, "
            "U+200C ZERO WIDTH NON-JOINER, U+200D ZERO WIDTH JOINER (+2 more)."
        ),
    ),
    # Extensions: SMS ignores them; the number is still read.
    (
        "+7 916 123-45-67 доб. 12",
        None,
        (_C.HAS_EXTENSION,),
        _C.HAS_EXTENSION,
        "The number has an extension (12), which text messages cannot reach.",
    ),
    (
        "+1 650 253 0000 ext. 123",
        None,
        (_C.LINE_TYPE_UNKNOWN, _C.HAS_EXTENSION),
        _C.HAS_EXTENSION,
        "The number has an extension (123), which text messages cannot reach.",
    ),
    (
        "tel:+79161234567;ext=89",
        None,
        (_C.HAS_EXTENSION,),
        _C.HAS_EXTENSION,
        "The number has an extension (89), which text messages cannot reach.",
    ),
    (
        "+79161234567 #5",
        None,
        (_C.HAS_EXTENSION,),
        _C.HAS_EXTENSION,
        "The number has an extension (5), which text messages cannot reach.",
    ),
    # Two numbers in one field.
    (
        "+7 916 123 45 67, +7 916 123 45 68",
        None,
        (_C.MULTIPLE_NUMBERS,),
        _C.MULTIPLE_NUMBERS,
        "The field holds 2 phone numbers; only the first one was checked.",
    ),
    (
        "+7 916 123 45 67 или 8 916 123 45 68; +7 916 123 45 69",
        "RU",
        (_C.MULTIPLE_NUMBERS,),
        _C.MULTIPLE_NUMBERS,
        "The field holds 3 phone numbers; only the first one was checked.",
    ),
    (
        "+1 (650) 253-0000 / +1 (650) 253-0001",
        None,
        (_C.MULTIPLE_NUMBERS, _C.LINE_TYPE_UNKNOWN),
        _C.MULTIPLE_NUMBERS,
        "The field holds 2 phone numbers; only the first one was checked.",
    ),
    (
        "089/1234567 / 089/7654321",
        "DE",
        (_C.MULTIPLE_NUMBERS, _C.LANDLINE),
        _C.MULTIPLE_NUMBERS,
        "The field holds 2 phone numbers; only the first one was checked.",
    ),
    # A separator before an extension label does not start a second number.
    (
        "(800) 901-3355 , ext 7246433",
        "US",
        (_C.TOLL_FREE, _C.HAS_EXTENSION),
        _C.HAS_EXTENSION,
        "The number has an extension (7246433), which text messages cannot reach.",
    ),
    (
        "(800) 901-3355 ,extensión 7246433",
        "US",
        (_C.TOLL_FREE, _C.HAS_EXTENSION),
        _C.HAS_EXTENSION,
        "The number has an extension (7246433), which text messages cannot reach.",
    ),
    # The accent as a combining character (e + U+0301).
    (
        "(800) 901-3355 ,extensio\u0301n 7246433",
        "US",
        (_C.TOLL_FREE, _C.HAS_EXTENSION),
        _C.HAS_EXTENSION,
        "The number has an extension (7246433), which text messages cannot reach.",
    ),
    (
        "8 (423) 202-25-11, доб. 100",
        "RU",
        (_C.LANDLINE, _C.HAS_EXTENSION),
        _C.HAS_EXTENSION,
        "The number has an extension (100), which text messages cannot reach.",
    ),
    # Dial pauses: what is dialled after them is post-dial tones, said as an extension.
    (
        "+12679000000,,123456789012345#",
        None,
        (_C.LINE_TYPE_UNKNOWN, _C.HAS_EXTENSION),
        _C.HAS_EXTENSION,
        "The number has an extension (123456789012345#), which text messages cannot reach.",
    ),
    # Extension labels in other forms and languages: full-width, tilde, Chinese, Polish.
    (
        "+1 650 253 0000 \uff58\uff54 123",
        None,
        (_C.LINE_TYPE_UNKNOWN, _C.HAS_EXTENSION),
        _C.HAS_EXTENSION,
        "The number has an extension (123), which text messages cannot reach.",
    ),
    (
        "+1 650 253 0000 \uff45\uff58\uff54\uff4e 123",
        None,
        (_C.LINE_TYPE_UNKNOWN, _C.HAS_EXTENSION),
        _C.HAS_EXTENSION,
        "The number has an extension (123), which text messages cannot reach.",
    ),
    (
        "+1 650 253 0000 xtn:630",
        None,
        (_C.LINE_TYPE_UNKNOWN, _C.HAS_EXTENSION),
        _C.HAS_EXTENSION,
        "The number has an extension (630), which text messages cannot reach.",
    ),
    (
        "+1 650 253 0000 ~630",
        None,
        (_C.LINE_TYPE_UNKNOWN, _C.HAS_EXTENSION),
        _C.HAS_EXTENSION,
        "The number has an extension (630), which text messages cannot reach.",
    ),
    (
        "+1 650 253 0000 分機630",
        None,
        (_C.LINE_TYPE_UNKNOWN, _C.HAS_EXTENSION),
        _C.HAS_EXTENSION,
        "The number has an extension (630), which text messages cannot reach.",
    ),
    (
        "22 123 45 67 wew. 123",
        "PL",
        (_C.LANDLINE, _C.HAS_EXTENSION),
        _C.HAS_EXTENSION,
        "The number has an extension (123), which text messages cannot reach.",
    ),
    (
        "22 123 45 67 (wewn 123)",
        "PL",
        (_C.LANDLINE, _C.HAS_EXTENSION),
        _C.HAS_EXTENSION,
        "The number has an extension (123), which text messages cannot reach.",
    ),
    # A word before the number is a label, not keypad letters.
    (
        "Direct: (888) 555-1212",
        "US",
        (_C.TOLL_FREE,),
        _C.TOLL_FREE,
        "This is a toll-free service number, not a personal phone.",
    ),
    (
        "Call 650-253-4561 -- 455-234-3451",
        "US",
        (_C.MULTIPLE_NUMBERS, _C.LINE_TYPE_UNKNOWN),
        _C.MULTIPLE_NUMBERS,
        "The field holds 2 phone numbers; only the first one was checked.",
    ),
    # WhatsApp links carry the number in international form, without its plus.
    (
        "https://wa.me/27123456789",
        None,
        (_C.LANDLINE,),
        _C.LANDLINE,
        "This is a landline number, which cannot receive text messages.",
    ),
    (
        "api.whatsapp.com/send?phone=%2B27123456789",
        None,
        (_C.LANDLINE,),
        _C.LANDLINE,
        "This is a landline number, which cannot receive text messages.",
    ),
    (
        "https://api.whatsapp.com/send/?text=Hi&phone=%2B27123456789&type=phone_number",
        None,
        (_C.LANDLINE,),
        _C.LANDLINE,
        "This is a landline number, which cannot receive text messages.",
    ),
    # RFC 3966 parameters without the tel: scheme are read as in a tel: URI.
    (
        "03-331-6005;phone-context=+64",
        None,
        (_C.LANDLINE,),
        _C.LANDLINE,
        "This is a landline number, which cannot receive text messages.",
    ),
    # A real letter number.
    (
        "1-800-FLOWERS",
        "US",
        (_C.TOLL_FREE, _C.VANITY_LETTERS),
        _C.VANITY_LETTERS,
        "The letters FLOWERS were read as the keypad digits they stand for.",
    ),
    # Spreadsheet damage: repaired when no digit was lost, reported when digits were lost.
    (
        "'+79161234567",
        None,
        (_C.SPREADSHEET_FORMATTING,),
        _C.SPREADSHEET_FORMATTING,
        "The number carried spreadsheet formatting ('+79161234567), which was removed.",
    ),
    (
        "79161234567.0",
        "RU",
        (_C.SPREADSHEET_FORMATTING,),
        _C.SPREADSHEET_FORMATTING,
        "The number carried spreadsheet formatting (79161234567.0), which was removed.",
    ),
    (
        '="+79161234567"',
        None,
        (_C.SPREADSHEET_FORMATTING,),
        _C.SPREADSHEET_FORMATTING,
        'The number carried spreadsheet formatting (="+79161234567"), which was removed.',
    ),
    (
        "7.9161234567E+10",
        "RU",
        (_C.SPREADSHEET_FORMATTING,),
        _C.SPREADSHEET_FORMATTING,
        "The number carried spreadsheet formatting (7.9161234567E+10), which was removed.",
    ),
    (
        "1.65E+10",
        "US",
        (_C.SCIENTIFIC_NOTATION,),
        _C.SCIENTIFIC_NOTATION,
        (
            "The number was turned into scientific notation (1.65E+10) by a spreadsheet and its "
            "last digits are lost."
        ),
    ),
    (
        "7.91612345671E+10",
        "RU",
        (_C.SCIENTIFIC_NOTATION,),
        _C.SCIENTIFIC_NOTATION,
        (
            "The number was turned into scientific notation (7.91612345671E+10) by a spreadsheet "
            "and its last digits are lost."
        ),
    ),
    # The number's structure.
    (
        "9161234567",
        None,
        (_C.MISSING_COUNTRY_CODE,),
        _C.MISSING_COUNTRY_CODE,
        "The number has no country code, and no country was given to read it in.",
    ),
    (
        "+999 123456",
        None,
        (_C.INVALID_COUNTRY_CODE,),
        _C.INVALID_COUNTRY_CODE,
        "The number does not start with a valid country code.",
    ),
    (
        "+7 916 123 45",
        None,
        (_C.TOO_SHORT,),
        _C.TOO_SHORT,
        "The number is too short for RU: 2 digit(s) missing.",
    ),
    (
        "8 916 123 45 6",
        "RU",
        (_C.TOO_SHORT,),
        _C.TOO_SHORT,
        "The number is too short for RU: 1 digit(s) missing.",
    ),
    (
        "+7 916 123 45 67 8",
        None,
        (_C.TOO_LONG,),
        _C.TOO_LONG,
        "The number is too long for RU: 1 digit(s) too many.",
    ),
    (
        # The trunk 8 is not counted: eleven digits after it where ten belong.
        "8 916 123 45 67 8",
        "RU",
        (_C.TOO_LONG,),
        _C.TOO_LONG,
        "The number is too long for RU: 1 digit(s) too many.",
    ),
    (
        # Too long for the form's country: the form's region is named, not a guess (KZ).
        "7912345678900",
        "RU",
        (_C.TOO_LONG,),
        _C.TOO_LONG,
        "The number is too long for RU: 3 digit(s) too many.",
    ),
    (
        # A lone country code is a number cut short, not "no number".
        "+7",
        None,
        (_C.TOO_SHORT,),
        _C.TOO_SHORT,
        "The number is too short for RU: 10 digit(s) missing.",
    ),
    (
        "+0",
        None,
        (_C.INVALID_COUNTRY_CODE,),
        _C.INVALID_COUNTRY_CODE,
        "The number does not start with a valid country code.",
    ),
    (
        "+7 916 123 45 67 899",
        None,
        (_C.TOO_LONG,),
        _C.TOO_LONG,
        "The number is too long for RU: 3 digit(s) too many.",
    ),
    (
        "+800 123",
        None,
        (_C.TOO_SHORT,),
        _C.TOO_SHORT,
        "The number is too short for +800: 5 digit(s) missing.",
    ),
    (
        "+1 123 456 7890",
        None,
        (_C.INVALID_NUMBER,),
        _C.INVALID_NUMBER,
        "The number has a possible length but no such number exists in US.",
    ),
    (
        "+7 012 345 67 89",
        None,
        (_C.INVALID_NUMBER,),
        _C.INVALID_NUMBER,
        "The number has a possible length but no such number exists in RU.",
    ),
    (
        "253 0000",
        "US",
        (_C.LOCAL_ONLY,),
        _C.LOCAL_ONLY,
        "The number can only be dialled locally in US: the area code is missing.",
    ),
    # Kinds of line that are not read from the number's digits alone.
    (
        "+1 650 253 0000",
        None,
        (_C.LINE_TYPE_UNKNOWN,),
        _C.LINE_TYPE_UNKNOWN,
        (
            "In US mobile and landline numbers share ranges, so the kind of line cannot be told "
            "from the number."
        ),
    ),
    (
        "112",
        "RU",
        (_C.SHORT_CODE,),
        _C.SHORT_CODE,
        (
            "This is a short service number (such as an emergency or operator number), not a "
            "subscriber's phone."
        ),
    ),
    (
        "911",
        "US",
        (_C.SHORT_CODE,),
        _C.SHORT_CODE,
        (
            "This is a short service number (such as an emergency or operator number), not a "
            "subscriber's phone."
        ),
    ),
    # Numbers that belong to nobody.
    (
        "+1 201 555 0123",
        None,
        (_C.FICTIONAL_NUMBER, _C.LINE_TYPE_UNKNOWN),
        _C.FICTIONAL_NUMBER,
        (
            "This number is reserved by NANPA for films, books and examples and is never assigned "
            "to anyone."
        ),
    ),
    (
        "(212) 555-0199",
        "US",
        (_C.FICTIONAL_NUMBER, _C.LINE_TYPE_UNKNOWN),
        _C.FICTIONAL_NUMBER,
        (
            "This number is reserved by NANPA for films, books and examples and is never assigned "
            "to anyone."
        ),
    ),
    (
        "020 7946 0123",
        "GB",
        (_C.LANDLINE, _C.FICTIONAL_NUMBER),
        _C.FICTIONAL_NUMBER,
        (
            "This number is reserved by Ofcom for films, books and examples and is never assigned "
            "to anyone."
        ),
    ),
    (
        "+7 912 345 67 89",
        None,
        (_C.EXAMPLE_NUMBER,),
        _C.EXAMPLE_NUMBER,
        "This is the sample number that phone forms show as a placeholder.",
    ),
]


@pytest.mark.parametrize(("text", "region", "codes", "code", "message"), ROWS)
def test_table(
    text: str, region: str | None, codes: tuple[Code, ...], code: Code, message: str
) -> None:
    """Each row gives exactly its codes, most severe first, and its exact English message."""
    report = smscheck.check(text, region=region)
    # Typo and rule codes (other issues) may join; this issue's codes must be exactly these.
    assert _own(report) == codes
    (diagnostic,) = [d for d in report.diagnostics if d.code is code]
    assert diagnostic.message == message
    assert diagnostic.severity is code.severity
    assert diagnostic.remedy
    ranks = [d.severity.rank for d in report.diagnostics]
    assert ranks == sorted(ranks)


def test_every_issue_2_code_has_a_row() -> None:
    """The table (with the line-type tests below) covers every code issue 2 defines."""
    line_codes = set(_LINE_TYPE_CODES.values())
    covered = {row[3] for row in ROWS} | {c for row in ROWS for c in row[2]} | line_codes
    assert set(_ISSUE_2_CODES) <= covered


def _own(report: Report) -> tuple[Code, ...]:
    """The report's codes that this issue defines, in order (typo and rule codes left out)."""
    return tuple(c for c in report.codes if c in _ISSUE_2_CODES)


_ISSUE_2_CODES = (
    _C.EMPTY_INPUT,
    _C.NOT_A_NUMBER,
    _C.INPUT_TOO_LONG,
    _C.INVALID_CHARACTERS,
    _C.INVISIBLE_CHARACTERS,
    _C.HAS_EXTENSION,
    _C.MULTIPLE_NUMBERS,
    _C.VANITY_LETTERS,
    _C.SPREADSHEET_FORMATTING,
    _C.SCIENTIFIC_NOTATION,
    _C.MISSING_COUNTRY_CODE,
    _C.INVALID_COUNTRY_CODE,
    _C.TOO_SHORT,
    _C.TOO_LONG,
    _C.INVALID_NUMBER,
    _C.LOCAL_ONLY,
    _C.LANDLINE,
    _C.LINE_TYPE_UNKNOWN,
    _C.VOIP,
    _C.TOLL_FREE,
    _C.PREMIUM_RATE,
    _C.SHARED_COST,
    _C.PERSONAL_NUMBER,
    _C.PAGER,
    _C.UAN,
    _C.VOICEMAIL,
    _C.SHORT_CODE,
    _C.FICTIONAL_NUMBER,
    _C.EXAMPLE_NUMBER,
)


@pytest.mark.parametrize(
    ("text", "count"),
    [("+7 916 123 45 67", 2), ("+7 916 123 45 67 8", 1), ("+7 916 123 45 67 890", 3)],
)
def test_too_short_and_too_long_count_digits(text: str, count: int) -> None:
    """too_short and too_long carry how many digits are missing or extra."""
    report = smscheck.check(text.replace(" 67", "", 1) if count == 2 else text)
    (diagnostic,) = [d for d in report.diagnostics if d.code in (Code.TOO_SHORT, Code.TOO_LONG)]
    key = "missing" if diagnostic.code is Code.TOO_SHORT else "extra"
    assert diagnostic.param(key) == count


@pytest.mark.parametrize("text", ["+44 7700 900123", "+44 1632 960123"])
def test_ofcom_drama_ranges_phonenumbers_calls_invalid(text: str) -> None:
    """The best-known drama numbers are fictional_number, not invalid_number."""
    assert Code.FICTIONAL_NUMBER in smscheck.check(text).codes


# Line types: the metadata's own example numbers, so monthly metadata releases keep CI green.
_LINE_TYPE_CODES = {
    LineType.FIXED_LINE: _C.LANDLINE,
    LineType.FIXED_LINE_OR_MOBILE: _C.LINE_TYPE_UNKNOWN,
    LineType.VOIP: _C.VOIP,
    LineType.TOLL_FREE: _C.TOLL_FREE,
    LineType.PREMIUM_RATE: _C.PREMIUM_RATE,
    LineType.SHARED_COST: _C.SHARED_COST,
    LineType.PERSONAL_NUMBER: _C.PERSONAL_NUMBER,
    LineType.PAGER: _C.PAGER,
    LineType.UAN: _C.UAN,
    LineType.VOICEMAIL: _C.VOICEMAIL,
}
_T = phonenumbers.PhoneNumberType
_EN = {
    _C.LANDLINE: "This is a landline number, which cannot receive text messages.",
    _C.VOIP: "This is an internet telephony (VoIP) number; many of them cannot receive "
    "verification texts.",
    _C.TOLL_FREE: "This is a toll-free service number, not a personal phone.",
    _C.PREMIUM_RATE: "This is a premium-rate service number, not a personal phone.",
    _C.SHARED_COST: "This is a shared-cost service number, not a personal phone.",
    _C.PERSONAL_NUMBER: "This is a personal (forwarding) number, which may not pass text "
    "messages on.",
    _C.PAGER: "This is a pager number; it may not receive the text message.",
    _C.UAN: "This is a company's universal access number, not a personal phone.",
    _C.VOICEMAIL: "This is a voicemail access number, not a phone.",
}


def _first_example(kind: int, line_type: LineType) -> tuple[str, phonenumbers.PhoneNumber]:
    """The first region (A to Z) whose example number of ``kind`` phonenumbers types as such."""
    for region in sorted(phonenumbers.SUPPORTED_REGIONS):
        number = phonenumbers.example_number_for_type(region, kind)
        if (
            number is not None
            and smscheck._phone._LINE_TYPES[phonenumbers.number_type(number)] is line_type
        ):
            return region, number
    pytest.fail(f"no region has an example {line_type} number")  # pragma: no cover


@pytest.mark.parametrize(
    ("kind", "line_type"),
    [
        (_T.FIXED_LINE, LineType.FIXED_LINE),
        (_T.VOIP, LineType.VOIP),
        (_T.TOLL_FREE, LineType.TOLL_FREE),
        (_T.PREMIUM_RATE, LineType.PREMIUM_RATE),
        (_T.SHARED_COST, LineType.SHARED_COST),
        (_T.PERSONAL_NUMBER, LineType.PERSONAL_NUMBER),
        (_T.PAGER, LineType.PAGER),
        (_T.UAN, LineType.UAN),
        (_T.VOICEMAIL, LineType.VOICEMAIL),
    ],
)
@pytest.mark.parametrize("fmt", ["e164", "national"])
def test_line_type_codes(kind: int, line_type: LineType, fmt: str) -> None:
    """A metadata example number of each kind gets its line-type code and exact message."""
    region, number = _first_example(kind, line_type)
    if fmt == "e164":
        text, hint = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164), None
    else:
        text = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
        hint = region
    report = smscheck.check(text, region=hint)
    code = _LINE_TYPE_CODES[line_type]
    assert report.number is not None
    assert report.number.line_type is line_type
    # Every metadata example number is also flagged as one.
    assert set(_own(report)) == {code, Code.EXAMPLE_NUMBER}
    (diagnostic,) = [d for d in report.diagnostics if d.code is code]
    assert diagnostic.message == _EN[code]
    assert report.ok is (code.severity is not Severity.ERROR)


def test_line_type_unknown_example() -> None:
    """North America: an example fixed line is fixed_line_or_mobile, an info."""
    region, number = _first_example(_T.FIXED_LINE, LineType.FIXED_LINE_OR_MOBILE)
    report = smscheck.check(phonenumbers.format_number(number, 0))
    assert report.number is not None
    assert report.number.line_type is LineType.FIXED_LINE_OR_MOBILE
    assert Code.LINE_TYPE_UNKNOWN in report.codes
    (diagnostic,) = [d for d in report.diagnostics if d.code is Code.LINE_TYPE_UNKNOWN]
    assert diagnostic.message == (
        f"In {region} mobile and landline numbers share ranges, so the kind of line cannot be "
        "told from the number."
    )


def _is_fictional(number: phonenumbers.PhoneNumber) -> bool:
    nsn = phonenumbers.national_significant_number(number)
    return fictional_range(int(number.country_code or 0), nsn) is not None


@pytest.mark.parametrize("region", sorted(phonenumbers.SUPPORTED_REGIONS))
def test_every_example_line_type_gets_its_code(region: str) -> None:
    """In every region, every example number's line type maps to the right code (or none)."""
    for kind in (
        _T.FIXED_LINE,
        _T.MOBILE,
        _T.TOLL_FREE,
        _T.PREMIUM_RATE,
        _T.SHARED_COST,
        _T.VOIP,
        _T.PERSONAL_NUMBER,
        _T.PAGER,
        _T.UAN,
        _T.VOICEMAIL,
    ):
        number = phonenumbers.example_number_for_type(region, kind)
        if number is None:
            continue
        report = smscheck.check(phonenumbers.format_number(number, 0))
        assert report.number is not None, (region, kind)
        expected = _LINE_TYPE_CODES.get(report.number.line_type)
        line_codes = set(report.codes) & set(_LINE_TYPE_CODES.values())
        assert line_codes == ({expected} if expected else set()), (region, kind)
        # A number in a fictional range (the US examples are 555-01xx) is flagged as that.
        flag = Code.FICTIONAL_NUMBER if _is_fictional(number) else Code.EXAMPLE_NUMBER
        assert flag in report.codes, (region, kind)


@given(example=mobile_numbers())
def test_a_valid_mobile_never_gets_an_error(example: Example) -> None:
    """The example mobile of any region reads as a mobile with no error diagnostic.

    Numbers in a regulator's fictional range (the US example, 201-555-0123) are not anyone's
    mobile: fictional_number is their one error.
    """
    _, _, number = example
    assume(not _is_fictional(number))
    report = smscheck.check(phonenumbers.format_number(number, 0))
    assert report.number is not None
    assert report.number.line_type in (LineType.MOBILE, LineType.FIXED_LINE_OR_MOBILE)
    assert [d for d in report.diagnostics if d.severity is Severity.ERROR] == []
    assert report.ok


@pytest.mark.parametrize("region", sorted(phonenumbers.SUPPORTED_REGIONS))
def test_a_valid_mobile_never_gets_an_error_in_any_region(region: str) -> None:
    """Exhaustively: every region's example mobile, in E.164 and national form, is ok."""
    number = phonenumbers.example_number_for_type(region, _T.MOBILE)
    if number is None:
        pytest.skip(f"{region} has no example mobile")
    if _is_fictional(number):
        assert smscheck.check(phonenumbers.format_number(number, 0)).codes[0] is (
            Code.FICTIONAL_NUMBER
        )
        return
    for text, hint in (
        (phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164), None),
        (phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL), region),
    ):
        report = smscheck.check(text, region=hint)
        assert report.ok, (text, hint, report.codes)
        assert report.number is not None
        assert report.number.line_type in (LineType.MOBILE, LineType.FIXED_LINE_OR_MOBILE)


# ok semantics.


def test_ok_needs_a_number_and_no_error() -> None:
    """ok is False without a number, False with an error, True with warnings or info only."""
    assert not smscheck.check("").ok
    assert not smscheck.check("+44 20 7946 0123").ok  # landline: an error, though read
    assert smscheck.check("+44 20 7946 0123").number is not None
    warned = smscheck.check("+7 912 345 67 89")  # the example number: a warning
    assert _own(warned) == (Code.EXAMPLE_NUMBER,)
    assert warned.ok
    clean = smscheck.check("+7 916 123 45 67")
    assert _own(clean) == ()
    assert clean.ok
    lookalike = smscheck.check("+7 916 123 45 6O")  # only a warning, but nothing was read
    assert lookalike.number is None
    assert not lookalike.ok


# to_dict.

_REPORT_KEYS = [
    "input",
    "region_hint",
    "ok",
    "delivery",
    "number",
    "diagnostics",
    "suggestions",
    "route",
    "sources",
]
_NUMBER_KEYS = [
    "e164",
    "region",
    "country_code",
    "national_number",
    "line_type",
    "carrier",
    "extension",
]
_DIAGNOSTIC_KEYS = [
    "code",
    "severity",
    "message",
    "remedy",
    "service_remedy",
    "params",
    "rule_ids",
    "sources",
]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "+7 916 123-45-67 доб. 12",
        "\ud800\u202e",
        "+44 20 7946 0123",
        "+7 916 123 45 6O",
        "1" * 1000,
    ],
)
def test_to_dict_is_json_safe_with_stable_keys(text: str) -> None:
    """to_dict() survives a JSON round trip unchanged and always has the same keys."""
    report = smscheck.check(text, region="RU")
    data = report.to_dict()
    assert json.loads(json.dumps(data)) == data
    assert list(data) == _REPORT_KEYS
    if data["number"] is not None:
        assert list(data["number"]) == _NUMBER_KEYS
    assert list(data["delivery"]) == ["verdict", "reasons"]
    assert data["delivery"]["verdict"] in {"likely", "at_risk", "unlikely"}
    for diagnostic in [*data["diagnostics"], *data["route"]]:
        assert list(diagnostic) == _DIAGNOSTIC_KEYS
        assert diagnostic["code"] in {c.value for c in Code}
        assert diagnostic["severity"] in {"error", "warning", "info"}
    for suggestion in data["suggestions"]:
        assert list(suggestion) == ["e164", "reason", "confidence", "line_type"]


def test_to_dict_describes_each_cited_source_once() -> None:
    """Diagnostics cite sources by id and date; the report describes each cited id once, as
    the Source objects say, and the full form of one diagnostic matches it."""
    report = smscheck.check("+86 139 2345 6789", sender=smscheck.Sender("alphanumeric"))
    data = report.to_dict()
    cited = {c["id"] for d in data["route"] for c in d["sources"]}
    assert cited
    assert set(data["sources"]) == cited
    for diagnostic in report.route:
        full = diagnostic.to_dict()
        for source, short in zip(
            full["sources"], diagnostic.to_dict(cited=True)["sources"], strict=True
        ):
            assert short == {"id": source["id"], "checked": source["checked"]}
            described = {k: v for k, v in source.items() if k not in ("id", "checked")}
            assert data["sources"][source["id"]] == described


def test_to_dict_values() -> None:
    """The dict holds plain values: strings for enums, the params as a mapping."""
    data = smscheck.check("+7 916 123 45 67 доб. 12").to_dict()
    assert data["ok"] is True
    assert data["number"] == {
        "e164": "+79161234567",
        "region": "RU",
        "country_code": 7,
        "national_number": "9161234567",
        "line_type": "mobile",
        "carrier": data["number"]["carrier"],
        "extension": "12",
    }
    (extension,) = [d for d in data["diagnostics"] if d["code"] == "has_extension"]
    assert extension["params"] == {"extension": "12"}


# region, text and lang arguments.


@pytest.mark.parametrize("region", ["ru", "RU", " ru ", "\tRu\n"])
def test_region_is_case_insensitive_and_blank_tolerant(region: str) -> None:
    """Any case and surrounding blanks name the same region."""
    report = smscheck.check("8 916 123 45 67", region=region)
    assert report.region_hint == "RU"
    assert report.number is not None
    assert report.number.e164 == "+79161234567"


@pytest.mark.parametrize("region", ["XX", "", "RUS", "zz", "001", "R U"])
def test_unknown_region_is_a_value_error(region: str) -> None:
    """An unknown region is the caller's bug."""
    with pytest.raises(ValueError, match="unknown region"):
        smscheck.check("+79161234567", region=region)


@pytest.mark.parametrize(
    ("text", "type_name"),
    [(b"+79161234567", "bytes"), (79161234567, "int"), (None, "NoneType"), (["+7"], "list")],
)
def test_non_str_text_is_a_type_error_naming_the_type(text: object, type_name: str) -> None:
    """A non-str text raises TypeError whose message names its type."""
    with pytest.raises(TypeError, match=rf"\b{type_name}\b"):
        smscheck.check(text)  # type: ignore[arg-type]


def test_region_of_wrong_type_is_a_type_error() -> None:
    """A region that is neither str nor None raises TypeError naming the type."""
    with pytest.raises(TypeError, match="int"):
        smscheck.check("+79161234567", region=7)  # type: ignore[arg-type]


def test_text_is_positional_only_and_options_keyword_only() -> None:
    """check(text=...) and check(text, 'RU') are both refused."""
    with pytest.raises(TypeError):
        smscheck.check(text="+79161234567")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        smscheck.check("+79161234567", "RU")  # type: ignore[call-arg]


def test_unknown_language_is_a_value_error() -> None:
    """Only shipped languages are accepted."""
    with pytest.raises(ValueError, match="no messages in language"):
        smscheck.check("+79161234567", lang="xx")


def test_russian_messages() -> None:
    """lang="ru" gives Russian messages and remedies; codes and severities do not change."""
    en = smscheck.check("")
    ru = smscheck.check("", lang="ru")
    assert ru.codes == en.codes == (Code.EMPTY_INPUT,)
    assert ru.diagnostics[0].message == "Номер телефона не введён."
    assert ru.diagnostics[0].remedy == "Введите номер мобильного телефона."
    short = smscheck.check("+7 916 123 45", lang="ru").diagnostics[0]
    assert short.code is Code.TOO_SHORT
    assert short.message == "Номер слишком короткий для региона RU: не хватает цифр: 2."


def test_every_diagnostic_has_a_russian_message_too() -> None:
    """For a spread of inputs, Russian wording exists and differs from English."""
    for text, region, *_ in ROWS:
        en = smscheck.check(text, region=region)
        ru = smscheck.check(text, region=region, lang="ru")
        assert en.codes == ru.codes
        for a, b in zip(en.diagnostics, ru.diagnostics, strict=True):
            assert a.message != b.message
            assert any("\u0400" <= ch <= "\u04ff" for ch in b.message)


# The catalogs.


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_code_has_wording_in_every_language(lang: str) -> None:
    """A code without a message, or with placeholders that cannot be filled, fails here.

    Rule codes are worded by their rules (data/carrier_rules.toml) and the person's remedy by
    the rule's effect, so the catalogs hold every other code, and no rule code."""
    messages = catalog(lang)
    missing = [code.value for code in Code if code not in messages and code not in RULE_CODES]
    assert missing == []
    assert not RULE_CODES & messages.keys()
    english = catalog("en")
    for code, wording in messages.items():
        templates = [wording.message, wording.remedy]
        if wording.service_remedy is not None:
            templates.append(wording.service_remedy)
        fields: set[str] = set()
        for template in templates:
            assert template.strip(), (lang, code)
            names = _fields(template)
            assert all(name.isidentifier() for name in names), (lang, code, names)
            template.format_map(dict.fromkeys(names, "X"))  # raises on a broken placeholder
            fields |= names
        en = english[code]
        en_fields = _fields(en.message) | _fields(en.remedy) | _fields(en.service_remedy or "")
        # Every language fills its messages from the same params.
        assert fields == en_fields, (lang, code)
        assert (wording.service_remedy is None) == (en.service_remedy is None), (lang, code)


def test_messages_are_filled_from_their_params() -> None:
    """No rendered message or remedy keeps a {placeholder}, in any language."""
    for lang in LANGUAGES:
        for text, region, *_ in ROWS:
            report: Report = smscheck.check(text, region=region, lang=lang)
            for d in report.diagnostics:
                for sentence in (d.message, d.remedy or "", d.service_remedy or ""):
                    assert "{" not in sentence, (lang, text, sentence)


def test_public_names_are_listed_and_load_lazily() -> None:
    """dir(smscheck) lists the public API; an unknown name is an AttributeError."""
    assert dir(smscheck) == sorted(smscheck.__all__)
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        _ = smscheck.nope


def test_message_catalog_refuses_unknown_languages() -> None:
    """Asking the catalog for a language it does not ship is a ValueError naming the choices."""
    from smscheck._messages import catalog  # noqa: PLC0415

    with pytest.raises(ValueError, match="choose one of en, ru"):
        catalog("de")


def test_an_empty_rule_set_turns_the_rules_off() -> None:
    """rules=load_rules(packaged=False) applies no rule, rather than falling back to the
    packaged ones because an empty set is falsy."""
    packaged = smscheck.check("+7 916 123 45 67", sender=smscheck.Sender("alphanumeric"))
    assert packaged.route
    assert all(d.rule_ids for d in packaged.route if d.code is not Code.CARRIER_MAY_BE_PORTED)
    assert not any(d.rule_ids for d in packaged.diagnostics)  # the person's: no rules
    empty = smscheck.check(
        "+7 916 123 45 67",
        rules=smscheck.load_rules(packaged=False),
        sender=smscheck.Sender("alphanumeric"),
    )
    assert empty.route == ()


@pytest.mark.parametrize("text", ["\ud800", "+7 916 123 45 67\udfff", "\udc80\ud800x"])
def test_to_dict_is_utf8_json_whatever_the_input(text: str) -> None:
    """An unpaired surrogate cannot be UTF-8: to_dict() shows it as its escape, so that the
    JSON of any report encodes; the report itself keeps the text as given."""
    report = smscheck.check(text)
    assert report.input == text
    data = report.to_dict()
    encoded = json.dumps(data, ensure_ascii=False).encode("utf-8")
    assert json.loads(encoded)["input"] == text.encode("utf-8", "backslashreplace").decode()
    assert "\\ud800" in data["input"] or "\\udfff" in data["input"] or "\\udc80" in data["input"]
