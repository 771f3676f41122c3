"""Counting the digit strings a metadata pattern matches (``_pattern_count``)."""

from __future__ import annotations

import itertools
import re

import phonenumbers
import pytest
from hypothesis import given, settings

from smscheck import _pattern_count, _pattern_tree, _phone

from .strategies import metadata_shaped_patterns


def _brute_force(pattern: str, longest: int) -> dict[int, int]:
    """The reference: try every digit string up to ``longest`` digits."""
    compiled = re.compile(pattern)
    out: dict[int, int] = {}
    for length in range(longest + 1):
        for digits in itertools.product("0123456789", repeat=length):
            if compiled.fullmatch("".join(digits)):
                out[length] = out.get(length, 0) + 1
    return out


@pytest.mark.parametrize(
    "pattern",
    [
        r"\d",
        r"[2-9]\d",
        r"1[02-9]\d{2}",
        r"(?:1[2-4]|5)\d{1,2}",
        r"[^0-3]\d?",
        r"7(?:0\d|1[0-5])?\d",
        r"(?:2(?:0[01]|1[5-9])|3\d\d)",
        r"\d{0,3}",
        r"[13579]{2}|24",
        r"^.\d?$",
        r"\A[2-4]\d\Z",
        r"9\d+?",
        r"9\d*+",
    ],
)
def test_counts_equal_brute_force(pattern: str) -> None:
    counted = _pattern_count.count_by_length(pattern) or {}
    assert {n: c for n, c in counted.items() if n <= 4} == _brute_force(pattern, 4)


_patterns = metadata_shaped_patterns(max_leaves=4)


@settings(max_examples=150, deadline=None)
@given(pattern=_patterns)
def test_counts_never_miss_a_string(pattern: str) -> None:
    """Every count is at least the true one (branches that overlap are counted twice), and
    equal to it where no two branches match the same string."""
    counted = _pattern_count.count_by_length(pattern) or {}
    true = _brute_force(pattern, 4)
    for length, count in true.items():
        assert counted.get(length, 0) >= count, (pattern, length)


def test_what_the_count_does_not_model_is_unknown() -> None:
    assert _pattern_count.count_by_length(r"(?=1)\d") is None
    assert _pattern_count.count_by_length(r"\b\d") is None
    assert _pattern_count.count_by_length(r"[\D]") is None
    assert _pattern_count.count_by_length(r"(") is None  # not a pattern at all
    assert _pattern_count.count_by_length("a") == {}  # matches no digit string


def test_every_metadata_pattern_is_counted() -> None:
    """The metadata writes nothing the count does not model: every fixed-line and mobile
    pattern of every region has a count."""
    sizes, _, _ = _phone.build_plan_sizes()
    for region in sorted(phonenumbers.SUPPORTED_REGIONS):
        code = phonenumbers.country_code_for_region(region)
        found = sizes[code, region]
        assert "fixed_line" in found or "mobile" in found, region
        example = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.MOBILE)
        if example is not None and phonenumbers.is_valid_number(example):
            length = len(phonenumbers.national_significant_number(example))
            assert found.get("mobile", {}).get(length, 0) > 0, region


def test_a_parser_that_moved_makes_the_count_unknown(monkeypatch: pytest.MonkeyPatch) -> None:
    """The standard library's regex parser is private: where it is gone, no count, no error."""

    def gone() -> None:
        raise ImportError("re._parser")

    monkeypatch.setattr(_pattern_tree, "_parser", gone)
    assert _pattern_count.count_by_length(r"\d") is None
