"""The three-digit heads a metadata pattern's numbers can start with (``_pattern_heads``)."""

from __future__ import annotations

import itertools
import re

import phonenumbers
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smscheck import _pattern_code, _pattern_heads, _pattern_tree, _phone

from .strategies import metadata_shaped_patterns

_LONGEST = 5  # brute force: every digit string of 3 to 5 digits


def _true_heads(pattern: str, *, whole: bool) -> set[int]:
    """The reference: the heads of every string of 3-5 digits the pattern matches."""
    compiled = re.compile(pattern)
    test = compiled.fullmatch if whole else compiled.match
    out = set()
    for length in range(_pattern_heads.HEAD, _LONGEST + 1):
        for digits in itertools.product("0123456789", repeat=length):
            text = "".join(digits)
            if test(text):
                out.add(int(text[: _pattern_heads.HEAD]))
    return out


def _bits(mask: int) -> set[int]:
    return {n for n in range(10**_pattern_heads.HEAD) if mask >> n & 1}


@pytest.mark.parametrize(
    ("pattern", "whole"),
    [
        (r"\d{3}", True),
        (r"80[0-2]\d{2}", True),
        (r"(?:1[2-4]|5)\d{1,2}", True),
        (r"[^0-3]\d\d", True),
        (r"7(?:0\d|1[0-5])?\d\d", True),
        (r"9\d+?", True),
        (r"(?:2|80)[2-9]", False),
        (r"[68]", False),
        (r"1[1-9]|26", False),
        (r"^.\d{2,3}$", True),
        (r"(?:)*5\d{2}", True),
        (r"4{2}\d{1,3}", True),
    ],
)
def test_masks_equal_brute_force(pattern: str, whole: bool) -> None:
    """Where every match has at most five digits, the mask is exactly the heads matched."""
    mask = _pattern_heads.head_mask(pattern, whole=whole)
    assert mask is not None
    assert _bits(mask) == _true_heads(pattern, whole=whole)


_patterns = metadata_shaped_patterns(max_leaves=5)


@settings(max_examples=150, deadline=None)
@given(pattern=_patterns, whole=st.booleans())
def test_a_mask_never_rejects_a_match(pattern: str, whole: bool) -> None:
    """Every head of a matched string is in the mask (overlapping branches may add heads a
    longer match would have, never take one away)."""
    mask = _pattern_heads.head_mask(pattern, whole=whole)
    assert mask is not None
    assert _true_heads(pattern, whole=whole) <= _bits(mask)


_WHOLE, _LEADING = _phone.pattern_heads()


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_no_metadata_pattern_rejects_a_number_it_matches(data: st.DataObject) -> None:
    """Numbers drawn from the metadata's own patterns always fit their masks."""
    pattern = data.draw(st.sampled_from(sorted(_WHOLE)))
    number = data.draw(st.from_regex(re.compile(pattern), fullmatch=True))
    assert _pattern_heads.fits(_WHOLE[pattern], number)


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_no_leading_digits_pattern_rejects_a_number_it_starts(data: st.DataObject) -> None:
    pattern = data.draw(st.sampled_from(sorted(_LEADING)))
    head = data.draw(st.from_regex(re.compile(pattern), fullmatch=True))
    tail = data.draw(st.text("0123456789", max_size=8))
    assert _pattern_heads.fits(_LEADING[pattern], head + tail)


def test_every_example_number_fits_the_masks_of_its_patterns() -> None:
    """Each region's example numbers, against every pattern of its metadata they match."""
    names = ("general_desc", "fixed_line", "mobile", *(name for name, _ in _phone._SPECIAL_TYPES))
    checked = 0
    for region in sorted(phonenumbers.SUPPORTED_REGIONS):
        metadata = phonenumbers.PhoneMetadata.metadata_for_region(region)
        assert metadata is not None
        numbers = {
            str(getattr(metadata, name).example_number)
            for name in names
            if getattr(metadata, name, None) is not None and getattr(metadata, name).example_number
        }
        patterns = [getattr(metadata, name, None) for name in names]
        for desc in patterns:
            pattern = None if desc is None else desc.national_number_pattern
            if not pattern or pattern not in _WHOLE:
                continue
            for number in numbers:
                if re.fullmatch(pattern, number):
                    checked += 1
                    assert _pattern_heads.fits(_WHOLE[pattern], number), (region, number)
        for number_format in metadata.number_format:
            leadings = number_format.leading_digits_pattern
            leading = leadings[-1] if leadings else ""
            if leading in _LEADING:
                for number in numbers:
                    if re.match(leading, number):
                        checked += 1
                        assert _pattern_heads.fits(_LEADING[leading], number), (region, number)
    assert checked > 2000


def test_most_heads_are_rejected_before_compiling() -> None:
    """What the masks are for: a pattern tested on a number of another prefix is mostly
    passed over. Over the stored line-type patterns, on average at most a third of the
    heads fit."""
    shares = [mask.bit_count() / 10**_pattern_heads.HEAD for mask in _WHOLE.values()]
    assert sum(shares) / len(shares) < 1 / 3


def test_what_the_mask_does_not_model_has_no_mask() -> None:
    assert _pattern_heads.head_mask(r"(?=1)\d{3}") is None
    assert _pattern_heads.head_mask(r"\b\d{3}") is None
    assert _pattern_heads.head_mask(r"[\D]\d\d") is None
    assert _pattern_heads.head_mask(r"(") is None  # not a pattern at all
    assert _pattern_heads.head_mask("abc") == 0  # matches no digit string


def test_a_short_or_odd_number_always_fits() -> None:
    """A mask speaks of three-digit heads only: a shorter number is left to the pattern."""
    mask = _pattern_heads.head_mask(r"80\d")
    assert mask is not None
    assert _pattern_heads.fits(mask, "12")
    assert _pattern_heads.fits(mask, "1a2")
    assert not _pattern_heads.fits(mask, "123")


def test_a_parser_that_moved_leaves_every_pattern_compiled(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def gone() -> None:
        raise ImportError("re._parser")

    monkeypatch.setattr(_pattern_tree, "_parser", gone)
    assert _pattern_heads.head_mask(r"\d") is None


def test_a_number_a_mask_rejects_is_rejected_without_compiling(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The point of the mask, end to end: a fresh line-type test of a number its pattern
    cannot start with answers False and leaves the pattern uncompiled."""
    pattern = next(p for p, mask in _WHOLE.items() if not mask & 1)  # no number starts 000
    desc = _phone._Desc(frozenset(), pattern)
    compiled: list[str] = []
    real = _pattern_code.compiled

    def counting(text: str) -> re.Pattern[str]:
        compiled.append(text)
        return real(text)

    monkeypatch.setattr(_phone, "compiled", counting)
    assert not desc.matches("000123456")
    assert compiled == []
