"""How the digits were typed: their groups, a ``(0)``, and whether they fit a number's format.

What a person types besides the digits is evidence of which number they meant: ``8 (912)
345-67-89`` is written the Russian way, ``(268) 464-1661`` the North American way,
``49 (0)345…`` marks 49 as a country code. This module reads that evidence off the text and
compares it with how the metadata writes a number (``_phone.national_layouts``); ``_model``
turns the comparison into a likelihood.
"""

from __future__ import annotations

import itertools
import re
from typing import Final, NamedTuple

from . import _phone
from ._normalize import MAX_INPUT_LENGTH

__all__ = [
    "Fit",
    "Typing",
    "best_separators_match",
    "inner_bounds",
    "layout_fit",
    "separators_match",
    "sizes_fit",
    "typing_of",
    "zero_in_parens",
]


class Typing(NamedTuple):
    """How the digits were typed: the evidence beyond the digits themselves.

    Attributes:
        bounds: Digit offsets where a typed group ends (``"8 912 345"`` -> ``{1, 4}``); empty
            when the digits were typed in one run or cannot be lined up with the text.
        zero_after: ``n`` when ``"(0)"`` was typed right after the first ``n`` digits
            (``"49(0)345…"``: 2): a sign that those digits are a country code.
        separators: What was typed at each group end, in order, normalised by
            ``_phone.separator`` (``"(268) 464-1661"`` -> ``(")", "-")``).

    A named tuple rather than a frozen attrs class: it is built on the path of valid national
    landlines, and constructs in a fraction of the time. It is internal, never in a result.
    """

    bounds: frozenset[int] = frozenset()
    zero_after: int | None = None
    separators: tuple[str, ...] = ()


_DIGIT_RUNS: Final = re.compile(r"(\d+)")  # split: text, digits, text, digits, ..., text
_ZERO_IN_PARENS: Final = re.compile(r"\s*\+?\s*(\d{1,3})\s*[(\[]\s*0\s*[)\]]")


_NO_TYPING: Final = Typing()
_ONE_RUN: Final = 3  # what _DIGIT_RUNS.split returns for one digit run: text, digits, text


def typing_of(text: str, digits: str) -> Typing:
    """Read the typing evidence of ``text``, whose digits the screening read as ``digits``."""
    text = text[:MAX_INPUT_LENGTH]
    words = text.split()
    if len(words) > 1 and all(map(str.isdecimal, words)):
        # Digit runs between spaces, the commonest grouping: what the split below reads, for
        # less (str.isdecimal is the regex's \d). Each group ends at a space.
        ends = list(itertools.accumulate(map(len, words)))
        if ends[-1] != len(digits):
            return _NO_TYPING
        ends.pop()
        return _new(Typing, (frozenset(ends), None, (" ",) * len(ends)))
    parts = _DIGIT_RUNS.split(text)
    if len(parts) <= _ONE_RUN:
        # No digits, or one run of them: no group ends, and no "(0)" (it is a run of its own).
        return _NO_TYPING
    ends = list(itertools.accumulate(map(len, parts[1::2])))
    if ends[-1] != len(digits):
        return _NO_TYPING  # an extension, a second number, letters: not the number's groups
    zero = _ZERO_IN_PARENS.match(text) if "(" in text or "[" in text else None
    # _phone.separator, inlined (the valid path pays it): no text between digit runs is empty.
    between = tuple([part.strip() or " " for part in parts[2:-1:2]])
    ends.pop()  # the last run's end is the number's: not a group end
    # tuple.__new__ is Typing's own constructor without its keyword handling (a third less).
    return _new(Typing, (frozenset(ends), len(zero.group(1)) if zero else None, between))


_new: Final = tuple.__new__


def zero_in_parens(text: str) -> bool:
    """Whether ``text`` starts with a code then ``(0)``: what sets :attr:`Typing.zero_after`.

    Cheaper than :func:`typing_of` where nothing else of the typing is asked for; a text it
    says no to has no ``zero_after``.
    """
    return _ZERO_IN_PARENS.match(text[:MAX_INPUT_LENGTH]) is not None


def separators_match(
    typing: Typing, prefix: tuple[int, ...], own: tuple[str, ...]
) -> tuple[str, ...] | None:
    """The separators inside the national number, when typed as its layout writes them.

    ``own`` is the layout's (``_phone.national_layouts``). All of them or none: the
    separators when every one was typed as the layout writes it (``(")", "-")`` for
    ``(268) 464-1661``; ``()`` when the national number was typed in one run), else
    ``None``. Only meaningful where the groups fit (:func:`layout_fit`).
    """
    start = sum(prefix)
    bounds = typing.bounds
    if start == 0:
        # Every group ends inside the national number (one ending at 0 is no group).
        inner = typing.separators[1 if 0 in bounds else 0 : len(bounds)]
    else:
        # A Typing built without separators (by hand) has none to compare: as if in one run.
        pairs = zip(sorted(bounds), typing.separators, strict=False)
        inner = tuple(sep for end, sep in pairs if end > start)
    if not inner:
        return ()
    return inner if inner == own else None


def best_separators_match(
    typing: Typing, prefix: tuple[int, ...], candidates: list[tuple[str, ...]]
) -> tuple[str, ...] | None:
    """:func:`separators_match` against several layouts (of a plan's example numbers).

    The most separators typed as one of them writes them, or ``None`` when none fits.
    """
    found = [separators_match(typing, prefix, own) for own in candidates]
    return max((match for match in found if match is not None), key=len, default=None)


class Fit(NamedTuple):
    """Typed groups that follow how a number is built (:func:`layout_fit`).

    Attributes:
        separators: The separators of the layout the groups follow (``()`` when the
            national number was typed in one run).
        layouts: How many layouts the number has (``_phone.national_layouts``; 1 when
            typed in one run): the person who follows the number's structure picks one.
    """

    separators: tuple[str, ...]
    layouts: int


_IN_ONE_RUN: Final = Fit((), 1)


def layout_fit(
    bounds: frozenset[int], prefix: tuple[int, ...], reading: _phone.Reading, shift: int
) -> Fit | None:
    """How typed group ends fit ``prefix`` parts then one of the number's national layouts.

    ``None`` when they fit none of them.
    """
    inner = inner_bounds(bounds, prefix)
    if inner is None:
        return None
    if not inner:
        return _IN_ONE_RUN
    layouts = _phone.national_layouts(reading)
    if shift == 0:  # the groups as the layout writes them (sizes_fit, without the lists)
        typed = tuple(inner)
        for ends, separators in layouts:
            if ends == typed:
                return Fit(separators, len(layouts))
        return None
    length = len(reading.parsed.national_number)
    for ends, separators in layouts:
        if sizes_fit(inner, list(ends), length, shift):
            return Fit(separators, len(layouts))
    return None


def inner_bounds(bounds: frozenset[int], prefix: tuple[int, ...]) -> list[int] | None:
    """Group ends inside the national number, or ``None`` when one cuts a prefix part.

    Inside the prefix a group may end only between parts (``8 10 49 …``, ``49 (0) 345…``);
    the national number may be typed in one run or in its own groups.
    """
    if not prefix:  # the national number from the first digit: every end is inside it
        inner = sorted(bounds)
        return None if inner and inner[0] <= 0 else inner
    if len(prefix) == 1:  # a trunk prefix, most often: the same test with one part
        (end,) = prefix
        inner = []
        for bound in sorted(bounds):
            if bound > end:
                inner.append(bound - end)
            elif bound != end:
                return None
        return inner
    ends = 0
    allowed = set()
    for part in prefix:
        ends += part
        allowed.add(ends)
    inner = []
    for bound in sorted(bounds):
        if bound <= ends:
            if bound not in allowed:
                return None
        else:
            inner.append(bound - ends)
    return inner


def sizes_fit(typed: list[int], own: list[int], length: int, shift: int) -> bool:
    """Whether typed group lengths are the number's own, one group ``shift`` digits longer."""
    if shift == 0:
        return typed == own
    if len(typed) != len(own):
        return False
    typed_sizes = _sizes(typed, length + shift)
    own_sizes = _sizes(own, length)
    changed = [a - b for a, b in zip(typed_sizes, own_sizes, strict=True) if a != b]
    return changed == [shift]


def _sizes(bounds: list[int], length: int) -> list[int]:
    edges = [0, *bounds, length]
    return [b - a for a, b in itertools.pairwise(edges)]
