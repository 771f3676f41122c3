"""Tests for the reserved fictional number ranges."""

from __future__ import annotations

import itertools

import phonenumbers
import pytest

from smscheck._fictional import FICTIONAL_RANGES, FictionalRange, fictional_range

# phonenumbers 9.0.43 treats these Ofcom blocks (0115 496, 01632 960, 07700 900)
# as invalid numbers, so a validity check rejects them before this lookup.
_PHONENUMBERS_REJECTS = {(44, "1154960000"), (44, "1632960000"), (44, "7700900000")}


def test_nanp_555_01xx_in_any_area_code() -> None:
    """555-0100..0199 is fictional whatever the area code."""
    for nsn in ("2125550100", "4155550150", "9025550199"):
        found = fictional_range(1, nsn)
        assert found is not None
        assert found.authority == "NANPA"
        assert found.first == nsn[:3] + "5550100"
        assert found.last == nsn[:3] + "5550199"


def test_nanp_outside_0100_0199_is_real() -> None:
    """555 numbers outside 0100-0199, and malformed area codes, are not reserved."""
    for nsn in ("2125550099", "2125550200", "2125551212", "1125550150", "212555015"):
        assert fictional_range(1, nsn) is None


def test_uk_range_bounds_are_inclusive() -> None:
    """Both ends of an Ofcom block match; the numbers either side do not."""
    assert fictional_range(44, "2079460000") is not None
    assert fictional_range(44, "2079460999") is not None
    assert fictional_range(44, "2079459999") is None
    assert fictional_range(44, "2079461000") is None


def test_uk_each_block_found_with_its_metadata() -> None:
    """Every UK block is found from its middle, with Ofcom as the authority."""
    for item in FICTIONAL_RANGES:
        if item.country_code != 44:
            continue
        middle = item.first[:-3] + "500"
        assert fictional_range(44, middle) == item
        assert item.authority == "Ofcom"
        assert item.source_url.startswith("https://www.ofcom.org.uk/")


@pytest.mark.parametrize(
    ("nsn", "expected_first"),
    [
        ("7700900461", "7700900000"),  # the Doctor's number
        ("1614960123", "1614960000"),
        ("2896496500", "2896496000"),
        ("1632960999", "1632960000"),
        ("3069990042", "3069990000"),
    ],
)
def test_uk_known_numbers(nsn: str, expected_first: str) -> None:
    """Well-known drama numbers land in the right block."""
    found = fictional_range(44, nsn)
    assert found is not None
    assert found.first == expected_first


def test_northern_ireland_block_is_6xxx_only() -> None:
    """028 9649 reserves 6000-6999, not 0000-0999."""
    assert fictional_range(44, "2896490500") is None
    assert fictional_range(44, "2896497000") is None


def test_other_numbers_and_inputs_miss() -> None:
    """Real numbers, other countries, wrong lengths and non-digits give None."""
    assert fictional_range(44, "2079460") is None
    assert fictional_range(44, "20794600000") is None
    assert fictional_range(44, "1134970000") is None
    assert fictional_range(44, "0000000000") is None
    assert fictional_range(61, "491570006") is None
    assert fictional_range(44, "20794600a0") is None
    assert fictional_range(1, "") is None


def test_ranges_are_well_formed() -> None:
    """Each range has equal-length digit bounds in order, a date and a URL."""
    for item in FICTIONAL_RANGES:
        assert isinstance(item, FictionalRange)
        assert item.first.isdigit()
        assert item.last.isdigit()
        assert len(item.first) == len(item.last)
        assert item.first <= item.last
        assert item.source_url.startswith("https://")
        assert item.checked == "2026-11-25"


def test_ranges_do_not_overlap() -> None:
    """No two ranges of one country and length overlap (bisect relies on it)."""
    ordered = sorted(FICTIONAL_RANGES, key=lambda r: (r.country_code, len(r.first), r.first))
    for a, b in itertools.pairwise(ordered):
        if (a.country_code, len(a.first)) == (b.country_code, len(b.first)):
            assert a.last < b.first


def test_first_of_each_range_per_phonenumbers() -> None:
    """Each range's first number is valid to phonenumbers, bar the three it rejects."""
    for item in FICTIONAL_RANGES:
        number = phonenumbers.parse(f"+{item.country_code}{item.first}")
        valid = phonenumbers.is_valid_number(number)
        assert valid is ((item.country_code, item.first) not in _PHONENUMBERS_REJECTS), item
