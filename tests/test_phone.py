"""The phonenumbers boundary agrees with phonenumbers where it takes a shortcut."""

from __future__ import annotations

import re

import phonenumbers
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from phonenumbers import carrier

from smscheck import _phone

_CARRIER_TYPES = (
    phonenumbers.PhoneNumberType.MOBILE,
    phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
    phonenumbers.PhoneNumberType.PAGER,
)


def _examples() -> list[phonenumbers.PhoneNumber]:
    found = []
    for region in sorted(phonenumbers.SUPPORTED_REGIONS):
        for kind in _CARRIER_TYPES:
            example = phonenumbers.example_number_for_type(region, kind)
            if example is not None:
                found.append(example)
    return found


@pytest.mark.parametrize("lang", ["en", "ru", "zh"])
def test_carrier_lookup_matches_phonenumbers(lang: str) -> None:
    """Our carrier look-up gives phonenumbers' own answer on every region's example numbers."""
    examples = _examples()
    assert len(examples) > 200
    named = 0
    for example in examples:
        digits = phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.E164)[1:]
        parsed = _phone.parse(digits, plus=True, region=None)
        assert isinstance(parsed, _phone.Parsed)
        reading = _phone.read(parsed)
        expected = carrier.name_for_valid_number(example, lang) or None
        if reading.line_type.value not in ("mobile", "fixed_line_or_mobile", "pager"):
            continue  # the example of one region may read as another type of a shared code
        assert _phone.carrier_name(reading, lang) == expected, digits
        named += expected is not None
    # The comparison is not vacuous: many names in English, and some even without a fallback.
    assert named > (50 if lang != "zh" else 0)


def test_no_carrier_for_fixed_lines() -> None:
    """Landlines get no carrier name, as in phonenumbers' name_for_number."""
    example = phonenumbers.example_number_for_type("GB", phonenumbers.PhoneNumberType.FIXED_LINE)
    assert example is not None
    parsed = _phone.parse(f"44{example.national_number}", plus=True, region=None)
    assert isinstance(parsed, _phone.Parsed)
    assert _phone.carrier_name(_phone.read(parsed), "en") is None


def _all_examples() -> list[phonenumbers.PhoneNumber]:
    found = []
    for region in sorted(phonenumbers.SUPPORTED_REGIONS):
        for kind in range(12):  # every PhoneNumberType but UNKNOWN
            example = phonenumbers.example_number_for_type(region, kind)
            if example is not None:
                found.append(example)
    for code in phonenumbers.COUNTRY_CODES_FOR_NON_GEO_REGIONS:
        example = phonenumbers.example_number_for_non_geo_entity(code)
        if example is not None:
            found.append(example)
    return found


def test_region_and_type_match_phonenumbers() -> None:
    """One-pass region and type equal region_code_for_number and number_type, numbers near
    every example included (so invalid and shared-code numbers are covered too)."""
    checked = 0
    for example in _all_examples():
        base = str(example.national_number)
        for tail in ("", "0", "5", "99"):
            national = base[: len(base) - len(tail)] + tail
            number = phonenumbers.parse(f"+{example.country_code}{national}")
            nsn = phonenumbers.national_significant_number(number)
            expected_region = phonenumbers.region_code_for_number(number)
            expected_type = phonenumbers.number_type(number)
            region, kind = _phone._region_and_type(example.country_code or 0, nsn)
            assert (region, kind) == (expected_region, expected_type), (number, nsn)
            checked += 1
    assert checked > 4000


_EXAMPLES = _all_examples()


@settings(max_examples=600, deadline=None)
@given(
    example=st.sampled_from(_EXAMPLES),
    keep=st.integers(0, 6),
    tail=st.text("0123456789", max_size=12),
)
def test_region_and_type_match_phonenumbers_on_any_digits(
    example: phonenumbers.PhoneNumber, keep: int, tail: str
) -> None:
    """Any digits under any code, starting like one of its example numbers (so that every
    line type's prefixes are reached, and the shortcuts that skip a line type's pattern by its
    first digits are tested where they could be wrong), equal phonenumbers' answers."""
    national = str(example.national_number)[:keep] + tail
    assume(national)
    number = phonenumbers.PhoneNumber(country_code=example.country_code, national_number=0)
    number.national_number = int(national)
    if national[0] == "0":
        number.italian_leading_zero = True
        number.number_of_leading_zeros = len(national) - len(national.lstrip("0")) or 1
    nsn = phonenumbers.national_significant_number(number)
    assume(nsn == national)  # else leading zeros phonenumbers cannot carry
    expected = (phonenumbers.region_code_for_number(number), phonenumbers.number_type(number))
    assert _phone._region_and_type(example.country_code or 0, nsn) == expected


_INDEXED_CODES = sorted(
    code
    for code in phonenumbers.COUNTRY_CODE_TO_REGION_CODE
    if len(_phone._formats(code)) > _phone._INDEXED
)


_FORMATTED_CODES = sorted(
    code for code in phonenumbers.COUNTRY_CODE_TO_REGION_CODE if _phone._formats(code)
)


@settings(max_examples=800, deadline=None)
@given(
    code=st.one_of(st.sampled_from(_INDEXED_CODES), st.sampled_from(_FORMATTED_CODES)),
    nsn=st.text("0123456789", min_size=1, max_size=17),
)
def test_the_format_index_keeps_the_format_format_number_takes(code: int, nsn: str) -> None:
    """The head index leaves out only formats whose leading digits cannot match: the format
    found through it is the first one whose leading digits and pattern match, as
    format_number takes it, for any digits (shorter than a head too); and its layouts are
    those its pattern's groups give."""
    first = next(
        (
            f
            for f in _phone._formats(code)
            if (f.leading is None or re.match(f.leading, nsn)) and re.fullmatch(f.pattern, nsn)
        ),
        None,
    )
    found = _phone._format_for(code, nsn)
    assert (found[0] if found else None) is first
    # The layouts, from the pattern's match as format_number groups the digits; a format of
    # fixed-width groups knows them without matching.
    layouts: tuple[tuple[tuple[int, ...], tuple[str, ...]], ...] = ()
    if first is not None:
        match = re.fullmatch(first.pattern, nsn)
        assert match is not None
        ends = tuple(sorted(match.end(group) for group in first.separated))
        layouts = ((ends, first.separators),)
        if len(ends) > 1:
            layouts += (((ends[0],), first.separators[:1]),)
    assert _phone._layouts_for(code, nsn) == layouts


def test_the_format_index_is_used_where_it_pays() -> None:
    """Plans of many formats go through the index (Great Britain has more than 5); a head that
    is not three digits gets every format."""
    assert 44 in _INDEXED_CODES
    every = _phone._formats(44)
    assert _phone._formats_by_head(44, every, "20") is every
    kept = _phone._formats_by_head(44, every, "2079460123")
    assert 0 < len(kept) < len(every)
    assert _phone._formats_by_head(44, every, "2071112222") is kept  # one tuple per head


def test_fixed_width_formats_know_their_layouts() -> None:
    """A pattern of fixed-width groups matches every number of its length; a template that
    names a group the pattern lacks is left to the match."""
    fixed = _phone._Format("2", r"(\d{2})(\d{4})(\d{4})", r"\1 \2 \3", r"0\1")
    assert fixed.fixed_length == 10
    assert fixed.fixed_layouts == (((2, 6), (" ", " ")), ((2,), (" ",)))
    ranged = _phone._Format("2", r"(\d{2})(\d{3,4})", r"\1 \2", None)
    assert (ranged.fixed_length, ranged.fixed_layouts) == (-1, ())
    odd = _phone._Format("2", r"(\d{2})(\d{4})", r"\1 \3 \2", None)
    assert (odd.fixed_length, odd.fixed_layouts) == (-1, ())


def test_a_formats_leading_digits_test_is_the_same_compiled_or_not() -> None:
    """Before its pattern is compiled the head mask answers; after, the pattern does."""
    numbers = ["2079460123", "1132345678", "7911123456", "8001234567", "5"]
    expected = [
        [f.leading is None or re.match(f.leading, n) is not None for n in numbers]
        for f in _phone._formats(44)
    ]
    for _ in range(2):
        assert [[f.leads(n) for n in numbers] for f in _phone._formats(44)] == expected


def test_countries_that_keep_a_leading_zero() -> None:
    """Italy keeps its 0 after +39; Russia and Burkina Faso do not, so no zero is 'missing'."""
    assert _phone.keeps_leading_zero(39)
    assert not _phone.keeps_leading_zero(7)
    assert not _phone.keeps_leading_zero(226)


_T = phonenumbers.PhoneNumberType
_EXAMPLE_TYPES = (
    *(_T.FIXED_LINE, _T.MOBILE, _T.TOLL_FREE, _T.PREMIUM_RATE, _T.SHARED_COST, _T.VOIP),
    *(_T.PERSONAL_NUMBER, _T.PAGER, _T.UAN, _T.VOICEMAIL),
)


def test_written_prefix_equals_what_format_number_writes() -> None:
    """For every example number of every region and type: the digits before the number."""
    checked = 0
    for region in phonenumbers.SUPPORTED_REGIONS:
        for kind in _EXAMPLE_TYPES:
            number = phonenumbers.example_number_for_type(region, kind)
            if number is None:
                continue
            nsn = phonenumbers.national_significant_number(number)
            text = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
            digits = "".join(ch for ch in text if ch.isdigit())
            if not digits.endswith(nsn):
                continue  # a format that rewrites the number (Argentina's 9 becomes 15)
            expected = digits[: len(digits) - len(nsn)]
            code = phonenumbers.country_code_for_region(region)
            assert _phone.written_prefix(code, nsn) == expected, (region, kind)
            checked += 1
    assert checked > 1000


@pytest.mark.parametrize(
    ("country_code", "national", "written"),
    [
        (86, "1012345678", "0"),  # a Beijing landline: 010 1234 5678
        (86, "13800138000", ""),  # a Chinese mobile: 138 0013 8000
        (7, "9161234567", "8"),  # 8 (916) 123-45-67
        (1, "2127365000", ""),  # (212) 736-5000
    ],
)
def test_written_prefix_is_what_the_national_format_writes(
    country_code: int, national: str, written: str
) -> None:
    assert _phone.written_prefix(country_code, national) == written
