"""Which first three digits a regular expression's strings can start with.

phonenumbers tests a number against its region's patterns one by one, and each is compiled
on its first test: a plan's dozen line-type patterns and its format's leading-digits
patterns, for every plan the typo search visits, are most of what a process's first invalid
input costs. Most of those tests fail on the number's first digits (a toll-free pattern on a
mobile number). :func:`head_mask` reads, from a pattern's parse tree (``_pattern_tree``, as
``_pattern_count`` does), the three-digit heads a matching number can have, as the bits of
an integer; ``_phone`` tests a number's head against it before compiling the pattern, and
compiles only where the head fits. The mask never rejects a number the pattern matches (a
property test checks this against the compiled pattern); a pattern it cannot read has no
mask (``None``), and is compiled as before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from . import _pattern_tree as tree

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["HEAD", "fits", "head_mask"]

#: Digits in a head: a mask has 10**HEAD bits.
HEAD: Final = 3

_Heads = frozenset[str]  # strings of at most HEAD digits; HEAD digits: cut there or ending


def head_mask(pattern: str, *, whole: bool = True) -> int | None:
    r"""The heads of the numbers of at least :data:`HEAD` digits that ``pattern`` matches.

    Bit ``n`` is set when a number starting with the three digits of ``n`` (``007`` is 7)
    may match. ``whole``: the pattern must match the whole number (``re.fullmatch``, as the
    line-type patterns are used); else a prefix of it (``re.match``, as leading digits are).
    ``None`` when the pattern uses something the mask does not model.

    >>> mask = head_mask(r"80[0-2]\d{4}")
    >>> [n for n in range(1000) if mask >> n & 1]
    [800, 801, 802]
    >>> fits(mask, "8011234"), fits(mask, "8031234")
    (True, False)
    >>> head_mask(r"(?=1)\d") is None
    True
    """
    try:
        heads = _sequence(tree.parse(pattern))
    except tree.FAILURES:
        return None
    mask = 0
    for head in heads:
        if len(head) == HEAD:
            mask |= 1 << int(head)
        elif not whole:
            # A match shorter than a head: every number that starts with it matches.
            span = 10 ** (HEAD - len(head))
            start = int(head) * span if head else 0
            mask |= ((1 << span) - 1) << start
    return mask


def fits(mask: int, number: str) -> bool:
    """Whether ``number``'s head is one of ``mask``'s; a number shorter than a head fits."""
    if len(number) < HEAD:
        return True
    head = number[:HEAD]
    return not head.isdecimal() or bool(mask >> int(head) & 1)


def _sequence(items: Sequence[tuple[Any, Any]]) -> _Heads:
    return tree.sequence(items, frozenset({""}), _item, _product)


def _item(op: str, arg: Any) -> _Heads:
    if op == "LITERAL":
        return frozenset({chr(arg)}) if chr(arg) in tree.DIGITS else frozenset()
    if op == "IN":
        return tree.class_digits(arg)
    if op == "ANY":
        return _ALL
    if op == "AT" and str(arg) in tree.ANCHORS:
        return frozenset({""})
    if op == "SUBPATTERN":
        return _sequence(arg[-1])
    if op == "BRANCH":
        return frozenset().union(*(_sequence(branch) for branch in arg[1]))
    if op in tree.REPEATS:
        low, high, body = arg
        return _repeat(int(low), int(high), _sequence(body))
    raise tree.Unknown(op)


_ALL: Final = frozenset(tree.DIGITS)


def _product(left: _Heads, right: _Heads) -> _Heads:
    out = set()
    for a in left:
        if len(a) >= HEAD:
            out.add(a)
            continue
        for b in right:
            out.add((a + b)[:HEAD])
    return frozenset(out)


def _repeat(low: int, high: int, body: _Heads) -> _Heads:
    out: set[str] = set()
    power: _Heads = frozenset({""})
    times = 0
    while True:
        if times >= low:
            out.update(power)
        if times >= high or not power:
            break
        following = _product(power, body)
        if following == power:  # every further power is this one
            if times >= low:
                break
            times = low
            continue
        power = following
        times += 1
    return frozenset(out)
