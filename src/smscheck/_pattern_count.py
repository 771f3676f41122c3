"""How many digit strings a regular expression matches, length by length.

The typo model takes every valid number of one region, line type and length as equally
likely to be the person's (``_model.density``): the share of one is one over how many there
are. The metadata describes a region's numbers of each type by a regular expression over
digits; ``_phone.build_plan_sizes`` counts them with :func:`count_by_length`, once, into a
prebuilt table (``_prebuilt``).

The count reads the expression's parse tree (``re._parser``, the standard library's own
parser): a literal digit matches one string of length 1, a class as many as it holds digits,
a sequence the product of its parts, a repeat the sum of the powers. Branches are added up as
if no two matched the same string: the metadata writes its patterns as prefix trees, where
they do not overlap, and where a few do the count is a little high. Lookarounds, which the
metadata does not use, make the count unknown (``None``).
"""

from __future__ import annotations

import functools
import importlib
import re
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from collections.abc import Sequence
    from types import ModuleType

__all__ = ["MAX_LENGTH", "count_by_length"]

#: No national number is longer (E.164 allows 15 digits with the country code).
MAX_LENGTH: Final = 17

_Counts = dict[int, int]  # length -> how many strings of that length


class _Unknown(Exception):  # noqa: N818 - an internal signal, never raised to a caller
    """The expression uses something the count does not model."""


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
        tree = _parser().parse(pattern)
        return {k: v for k, v in _sequence(tree).items() if v}
    except (_Unknown, re.error, RecursionError, ImportError, AttributeError, ValueError):
        # Also a Python whose private parser moved or changed shape: the count is unknown,
        # and the model falls back on 10**-L, never on an error.
        return None


@functools.cache
def _parser() -> ModuleType:
    # The standard library's own regex parser (private, and stable across 3.11-3.14).
    return importlib.import_module("re._parser")


def _sequence(items: Sequence[tuple[Any, Any]]) -> _Counts:
    out: _Counts = {0: 1}
    for op, arg in items:
        out = _product(out, _item(str(op), arg))
        if not out:
            return out
    return out


def _item(op: str, arg: Any) -> _Counts:
    if op == "LITERAL":
        return {1: 1} if chr(arg) in _DIGITS else {}
    if op == "IN":
        return _class(arg)
    if op == "ANY":
        return {1: 10}
    if op == "AT" and str(arg) in _ANCHORS:
        return {0: 1}
    if op == "SUBPATTERN":
        return _sequence(arg[-1])
    if op == "BRANCH":
        out: _Counts = {}
        for branch in arg[1]:
            for length, count in _sequence(branch).items():
                out[length] = out.get(length, 0) + count
        return out
    if op in {"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"}:
        low, high, body = arg
        return _repeat(int(low), int(high), _sequence(body))
    raise _Unknown(op)


_DIGITS: Final = "0123456789"
# Anchors at either end match the empty string there; a word boundary is not modelled.
_ANCHORS: Final = frozenset({"AT_BEGINNING", "AT_BEGINNING_STRING", "AT_END", "AT_END_STRING"})


def _class(items: Sequence[tuple[Any, Any]]) -> _Counts:
    chosen: set[str] = set()
    negate = False
    for op, arg in items:
        name = str(op)
        if name == "NEGATE":
            negate = True
        elif name == "LITERAL":
            chosen.add(chr(arg))
        elif name == "RANGE":
            low, high = arg
            chosen.update(chr(c) for c in range(low, high + 1))
        elif name == "CATEGORY" and _category(str(arg)):
            chosen.update(_DIGITS)
        else:
            raise _Unknown(name)
    digits = {d for d in _DIGITS if (d in chosen) != negate}
    return {1: len(digits)} if digits else {}


def _category(name: str) -> _Counts:
    if name == "CATEGORY_DIGIT":
        return {1: 10}
    raise _Unknown(name)


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
