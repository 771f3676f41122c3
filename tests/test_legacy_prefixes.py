"""Tests for retired number formats and their rewrites."""

from __future__ import annotations

import phonenumbers
import pytest

from smscheck._legacy_prefixes import (
    LEGACY_PREFIXES,
    VN_MOBILE_CODES,
    legacy_national_rewrites,
    legacy_rewrites,
)


def test_mexico_mobile_1_dropped() -> None:
    """+52 1 55 1234 5678 becomes +52 55 1234 5678."""
    (rewrite,) = legacy_rewrites(52, "15512345678")
    assert rewrite.national_number == "5512345678"
    assert rewrite.rule.id == "mx-mobile-1"
    assert rewrite.rule.retired == "2019-08-03"


def test_mexico_modern_number_untouched() -> None:
    """A plain 10-digit Mexican number, or a 1 of the wrong length, is not rewritten."""
    assert legacy_rewrites(52, "5512345678") == ()
    assert legacy_rewrites(52, "1551234567") == ()
    assert legacy_rewrites(52, "155123456789") == ()


@pytest.mark.parametrize(
    ("typed", "modern", "rule_id"),
    [
        ("0445512345678", "5512345678", "mx-national-044"),
        ("0453312345678", "3312345678", "mx-national-045"),
        ("015556789089", "5556789089", "mx-national-01"),
        ("018001234567", "8001234567", "mx-national-01"),
    ],
)
def test_mexico_national_prefixes(typed: str, modern: str, rule_id: str) -> None:
    """044, 045 and 01 before ten digits are stripped."""
    (rewrite,) = legacy_national_rewrites("mx", typed)
    assert rewrite.national_number == modern
    assert rewrite.rule.id == rule_id


def test_mexico_national_wrong_shape() -> None:
    """Prefixes followed by the wrong number of digits give nothing."""
    assert legacy_national_rewrites("MX", "044551234567") == ()
    assert legacy_national_rewrites("MX", "5512345678") == ()


def test_brazil_ninth_digit_added() -> None:
    """+55 11 8765 4321 becomes +55 11 98765 4321."""
    (rewrite,) = legacy_rewrites(55, "1187654321")
    assert rewrite.national_number == "11987654321"
    assert rewrite.rule.id == "br-mobile-ninth-digit"


def test_brazil_landlines_and_modern_mobiles_untouched() -> None:
    """8-digit numbers starting 2-5 are landlines; 9-digit mobiles are current."""
    assert legacy_rewrites(55, "1134567890") == ()
    assert legacy_rewrites(55, "11987654321") == ()
    assert legacy_rewrites(55, "0187654321") == ()


def test_brazil_national_with_trunk_zero() -> None:
    """A nationally typed 0 21 8765 4321 gains its 9."""
    (rewrite,) = legacy_national_rewrites("BR", "02187654321")
    assert rewrite.national_number == "21987654321"


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("1621234567", "321234567"),
        ("1201234567", "701234567"),
        ("1991234567", "591234567"),
    ],
)
def test_vietnam_2018_codes(old: str, new: str) -> None:
    """0162 -> 032, 0120 -> 070, 0199 -> 059, keeping the last seven digits."""
    (rewrite,) = legacy_rewrites(84, old)
    assert rewrite.national_number == new
    assert rewrite.rule.id == "vn-mobile-2018"


def test_vietnam_mapping_is_complete_and_one_to_one() -> None:
    """All 21 old codes map to distinct new codes; unknown codes are left alone."""
    assert len(VN_MOBILE_CODES) == 21
    assert len(set(VN_MOBILE_CODES.values())) == 21
    assert legacy_rewrites(84, "1301234567") == ()
    assert legacy_rewrites(84, "912345678") == ()


def test_vietnam_national_with_trunk_zero() -> None:
    """01695678945 typed nationally becomes 0395678945, i.e. NSN 395678945."""
    (rewrite,) = legacy_national_rewrites("VN", "01695678945")
    assert rewrite.national_number == "395678945"


def test_unknown_country_and_bad_input() -> None:
    """Countries without rules and non-digit input give no rewrites."""
    assert legacy_rewrites(44, "7700900123") == ()
    assert legacy_rewrites(52, "1551234567x") == ()
    assert legacy_national_rewrites("GB", "07700900123") == ()
    assert legacy_national_rewrites("MX", "") == ()


def test_rules_are_well_formed() -> None:
    """Every rule has a unique id, ISO dates and an https source."""
    ids = [rule.id for rule in LEGACY_PREFIXES]
    assert len(ids) == len(set(ids))
    for rule in LEGACY_PREFIXES:
        assert len(rule.retired) == 10
        assert rule.retired[4] == "-"
        assert rule.checked == "2026-11-25"
        assert rule.source_url.startswith(("https://", "http://"))
        assert rule.description.endswith(".")


_EXAMPLES = [
    ("international", 52, "15512345678"),
    ("national", "MX", "0445512345678"),
    ("national", "MX", "0453312345678"),
    ("national", "MX", "015556789089"),
    ("international", 55, "1187654321"),
    ("national", "BR", "02187654321"),
    *(("international", 84, old + "1234567") for old in VN_MOBILE_CODES),
]


@pytest.mark.parametrize(("kind", "where", "digits"), _EXAMPLES)
def test_rewrites_are_valid_per_phonenumbers(kind: str, where: object, digits: str) -> None:
    """Each example's legacy form is invalid and its rewrite valid to phonenumbers."""
    if kind == "international":
        assert isinstance(where, int)
        cc = where
        rewrites = legacy_rewrites(cc, digits)
        assert not phonenumbers.is_valid_number(phonenumbers.parse(f"+{cc}{digits}"))
    else:
        assert isinstance(where, str)
        cc = phonenumbers.country_code_for_region(where)
        rewrites = legacy_national_rewrites(where, digits)
    (rewrite,) = rewrites
    number = phonenumbers.parse(f"+{cc}{rewrite.national_number}")
    assert phonenumbers.is_valid_number(number), rewrite
