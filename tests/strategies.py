"""Hypothesis strategies: example numbers, their renderings, Unicode digits, hostile text."""

from __future__ import annotations

import functools
from typing import NamedTuple

import phonenumbers
from hypothesis import strategies as st
from phonenumbers import PhoneNumberFormat, PhoneNumberType

__all__ = [
    "DIGIT_SCRIPTS",
    "LINE_TYPES",
    "REGIONS",
    "Example",
    "Rendering",
    "crafted_hostile",
    "example_numbers",
    "hostile_text",
    "metadata_shaped_patterns",
    "mobile_numbers",
    "renderings",
    "to_script",
]

REGIONS: tuple[str, ...] = tuple(sorted(phonenumbers.SUPPORTED_REGIONS))

LINE_TYPES: tuple[int, ...] = (
    PhoneNumberType.FIXED_LINE,
    PhoneNumberType.MOBILE,
    PhoneNumberType.TOLL_FREE,
    PhoneNumberType.PREMIUM_RATE,
    PhoneNumberType.SHARED_COST,
    PhoneNumberType.VOIP,
    PhoneNumberType.PERSONAL_NUMBER,
    PhoneNumberType.PAGER,
    PhoneNumberType.UAN,
    PhoneNumberType.VOICEMAIL,
)

#: Zero of each decimal digit script people's keyboards and phones produce.
DIGIT_SCRIPTS: dict[str, int] = {
    "arabic-indic": 0x0660,
    "extended-arabic-indic": 0x06F0,
    "nko": 0x07C0,
    "devanagari": 0x0966,
    "bengali": 0x09E6,
    "gurmukhi": 0x0A66,
    "tamil": 0x0BE6,
    "thai": 0x0E50,
    "lao": 0x0ED0,
    "tibetan": 0x0F20,
    "myanmar": 0x1040,
    "khmer": 0x17E0,
    "mongolian": 0x1810,
    "full-width": 0xFF10,
    "mathematical-bold": 0x1D7CE,
}

Example = tuple[str, int, phonenumbers.PhoneNumber]
"""A region, the PhoneNumberType asked for, and the metadata's example number of that type."""


@functools.cache
def _examples(types: tuple[int, ...]) -> tuple[Example, ...]:
    found: list[Example] = []
    for region in REGIONS:
        for kind in types:
            number = phonenumbers.example_number_for_type(region, kind)
            if number is not None:
                found.append((region, kind, number))
    return tuple(found)


def example_numbers(types: tuple[int, ...] = LINE_TYPES) -> st.SearchStrategy[Example]:
    """Example numbers from the metadata, over every region and the given types."""
    return st.sampled_from(_examples(types))


def mobile_numbers() -> st.SearchStrategy[Example]:
    """The metadata's example mobile number of any region."""
    return example_numbers((PhoneNumberType.MOBILE,))


def to_script(text: str, zero: int) -> str:
    """Rewrite the ASCII digits of ``text`` in the digit script whose zero is ``zero``."""
    return "".join(chr(zero + ord(ch) - 48) if "0" <= ch <= "9" else ch for ch in text)


_SEPARATORS = (" ", "-", ".", "", "\u00a0", "\u2009", "\u2011", "\u2013", "\u3000")
_FORMATS = (
    PhoneNumberFormat.E164,
    PhoneNumberFormat.INTERNATIONAL,
    PhoneNumberFormat.NATIONAL,
)


class Rendering(NamedTuple):
    """A number as a person may write it."""

    text: str
    """The text, with random separators."""
    region: str | None
    """The region hint the text needs (national format) or may come with."""
    plain: str
    """The same format as phonenumbers writes it, with its own separators."""


@st.composite
def renderings(draw: st.DrawFn, example: Example) -> Rendering:
    """One way a person may write ``example``.

    E.164, international or national format (phonenumbers.format_number), with the format's
    spaces and hyphens replaced by a separator drawn at random; national renderings come with
    the number's region as hint, the others with or without it.
    """
    region, _, number = example
    fmt = draw(st.sampled_from(_FORMATS))
    plain = phonenumbers.format_number(number, fmt)
    separator = draw(st.sampled_from(_SEPARATORS))
    text = plain.replace(" ", "\x00").replace("-", "\x00").replace("\x00", separator)
    if fmt == PhoneNumberFormat.NATIONAL:
        return Rendering(text, region, plain)
    return Rendering(text, draw(st.sampled_from((None, region))), plain)


def hostile_text() -> st.SearchStrategy[str]:
    """Any str at all: every Unicode category, lone surrogates, controls, NUL."""
    return st.text(
        alphabet=st.characters(codec=None, categories=None, exclude_categories=()),
        max_size=400,
    )


_PIECES = (
    "+",
    "\uff0b",
    "(",
    ")",
    "[",
    "]",
    "-",
    " ",
    ".",
    "/",
    "~",
    "#",
    "*",
    ";",
    ",",
    "|",
    "tel:",
    ";phone-context=+7",
    ";isub=1",
    ";ext=12",
    ";phone-context=example.com",
    "ext",
    " ext. ",
    " x ",
    "доб",
    "or",
    " или ",
    "'",
    "=",
    '"',
    ".0",
    "E+10",
    "e",
    "E",
    "O",
    "o",
    "l",
    "I",
    "|",
    "!",
    "FLOWERS",
    "ABC",
    "\u200b",
    "\u202e",
    "\ufeff",
    "\x00",
    "\ud800",
    "\U0001f600",
    "٣",
    "९",
    "３",
    "112",
    "911",
    "0",
    "1",
    "7",
    "8",
    "9",
    "555",
    "0100",
    "9123456789",
    "8~10",
    "00",
)


def crafted_hostile() -> st.SearchStrategy[str]:
    """Text built from the pieces phone parsers trip over, in long and repeated runs."""
    piece = st.sampled_from(_PIECES)
    runs = st.tuples(piece, st.integers(min_value=1, max_value=300)).map(lambda p: p[0] * p[1])
    return st.lists(st.one_of(piece, runs), max_size=12).map("".join)


def metadata_shaped_patterns(max_leaves: int) -> st.SearchStrategy[str]:
    """Regular expressions of the metadata's shape: digits, classes, groups, branches and
    bounded repeats (what ``_pattern_count`` and ``_pattern_heads`` read)."""
    atoms = st.sampled_from([r"\d", "[2-9]", "[0-4]", "[13579]", "7", "0"])
    return st.recursive(
        atoms,
        lambda inner: st.one_of(
            st.tuples(inner, inner).map("".join),
            st.tuples(inner, inner).map(lambda pair: f"(?:{pair[0]}|{pair[1]})"),
            st.tuples(inner, st.integers(0, 2), st.integers(0, 1)).map(
                lambda t: f"(?:{t[0]}){{{t[1]},{t[1] + t[2]}}}"
            ),
        ),
        max_leaves=max_leaves,
    )
