"""The parse tree of a metadata pattern: what ``_pattern_count`` and ``_pattern_heads`` read.

The metadata's patterns use a small part of the regular-expression language: digits,
classes of digits, groups, branches and bounded repeats. Both readers walk the tree the
standard library's own parser (``re._parser``, private, and stable across 3.11-3.14) makes
of a pattern, and give up (:class:`Unknown`) on anything else: a lookaround, a word boundary,
a class of non-digits. A reader catches :data:`FAILURES`, which also covers a Python whose
private parser moved or changed shape, and answers "unknown", never an error.
"""

from __future__ import annotations

import functools
import importlib
import re
from typing import TYPE_CHECKING, Any, Final, TypeVar

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

__all__ = [
    "ANCHORS",
    "DIGITS",
    "FAILURES",
    "REPEATS",
    "Unknown",
    "class_digits",
    "parse",
    "sequence",
]

T = TypeVar("T")

DIGITS: Final = "0123456789"
#: Anchors at either end match the empty string there; a word boundary is not modelled.
ANCHORS: Final = frozenset({"AT_BEGINNING", "AT_BEGINNING_STRING", "AT_END", "AT_END_STRING"})
#: The repeat operators: each has the arguments (low, high, body).
REPEATS: Final = frozenset({"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"})


class Unknown(Exception):  # noqa: N818 - an internal signal, never raised to a caller
    """The expression uses something the readers do not model."""


#: What a reader of a tree catches: the pattern is then of unknown shape.
FAILURES: Final = (Unknown, re.error, RecursionError, ImportError, AttributeError, ValueError)


def parse(pattern: str) -> Sequence[tuple[Any, Any]]:
    """The parse tree of ``pattern``: a sequence of ``(op, argument)`` items."""
    return _parser().parse(pattern)  # type: ignore[no-any-return]


@functools.cache
def _parser() -> Any:
    return importlib.import_module("re._parser")


def class_digits(items: Sequence[tuple[Any, Any]]) -> frozenset[str]:
    r"""The digits a character class (``[2-9]``, ``[^0]``, ``[\d]``) matches."""
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
            chosen.update(d for d in DIGITS if low <= ord(d) <= high)
        elif name == "CATEGORY" and str(arg) == "CATEGORY_DIGIT":
            chosen.update(DIGITS)
        else:
            raise Unknown(name)
    return frozenset(d for d in DIGITS if (d in chosen) != negate)


def sequence(
    items: Sequence[tuple[Any, Any]],
    empty: T,
    item: Callable[[str, Any], T],
    product: Callable[[T, T], T],
) -> T:
    """Fold a sequence of items, stopping once nothing can match.

    ``empty`` is what matches the empty string; each item is ``item(op, argument)``, joined
    to what came before by ``product``.
    """
    out = empty
    for op, arg in items:
        out = product(out, item(str(op), arg))
        if not out:
            return out
    return out
