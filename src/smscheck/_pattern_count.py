"""How many digit strings a regular expression matches, length by length.

The typo model takes every valid number of one region, line type and length as equally
likely to be the person's (``_model.density``): the share of one is one over how many there
are. The metadata describes a region's numbers of each type by a regular expression over
digits; ``_phone.build_plan_sizes`` counts them with :func:`count_by_length`, once, into a
prebuilt table (``_prebuilt``).

The count reads the expression's parse tree (``_pattern_tree``, from the standard library's
own parser): a literal digit matches one string of length 1, a class as many as it holds digits,
a sequence the product of its parts, a repeat the sum of the powers. Branches are added up as
if no two matched the same string: the metadata writes its patterns as prefix trees, where
they do not overlap, and where a few do the count is a little high. Lookarounds, which the
metadata does not use, make the count unknown (``None``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from ._pattern_tree import (
    ANCHORS,
    DIGITS,
    FAILURES,
    REPEATS,
    Unknown,
    class_digits,
    parse,
    sequence,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["MAX_LENGTH", "count_by_length"]

#: No national number is longer (E.164 allows 15 digits with the country code).
MAX_LENGTH: Final = 17

_Counts = dict[int, int]  # length -> how many strings of that length


def count_by_length(pattern: str) -> _Counts | None:
    r"""How many digit strings of each length ``pattern`` matches in full (``None``: unknown).

    >>> count_by_length(r"[2-9]\d{2}")
    {3: 800}
    >>> count_by_length(r"7(?:0\d|1[0-5])\d{3,4}")
    {6: 16000, 7: 160000}
    >>> count_by_length(r"(?=1)\d") is None
    True
    """
    try:
        return {k: v for k, v in _sequence(parse(pattern)).items() if v}
    except FAILURES:
        # Also a Python whose private parser moved or changed shape: the count is unknown,
        # and the model falls back on 10**-L, never on an error.
        return None


def _sequence(items: Sequence[tuple[Any, Any]]) -> _Counts:
    return sequence(items, {0: 1}, _item, _product)


def _item(op: str, arg: Any) -> _Counts:
    if op == "LITERAL":
        return {1: 1} if chr(arg) in DIGITS else {}
    if op == "IN":
        digits = class_digits(arg)
        return {1: len(digits)} if digits else {}
    if op == "ANY":
        return {1: 10}
    if op == "AT" and str(arg) in ANCHORS:
        return {0: 1}
    if op == "SUBPATTERN":
        return _sequence(arg[-1])
    if op == "BRANCH":
        out: _Counts = {}
        for branch in arg[1]:
            for length, count in _sequence(branch).items():
                out[length] = out.get(length, 0) + count
        return out
    if op in REPEATS:
        low, high, body = arg
        return _repeat(int(low), int(high), _sequence(body))
    raise Unknown(op)


def _product(left: _Counts, right: _Counts) -> _Counts:
    out: _Counts = {}
    for a, x in left.items():
        for b, y in right.items():
            if a + b <= MAX_LENGTH:
                out[a + b] = out.get(a + b, 0) + x * y
    return out


def _repeat(low: int, high: int, body: _Counts) -> _Counts:
    out: _Counts = {}
    power: _Counts = {0: 1}
    for times in range(min(high, MAX_LENGTH) + 1):
        if times >= low:
            for length, count in power.items():
                out[length] = out.get(length, 0) + count
        power = _product(power, body)
        if not power:
            break
    return out
