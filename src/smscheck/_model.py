"""The numbers of the typo model: where the person is, what line they have, how people mistype.

smscheck ranks what the person meant by one formula (``docs/typos.md`` derives it). For an
intended number ``N`` of region ``R``, line type ``T`` and national significant number of ``L``
digits, and a way ``m`` in which typing ``N`` gives the text ``x``::

    score(N, m) = P(R | form) * P(T) * density * P(m) * P(x | N, m) * P(groups | N, m)

and the confidence shown is the score over the sum of all scores plus a "something else" mass
(:func:`unexplained`). Every number below carries its source; where no study measures a rate
the comment says how the value was chosen. Nothing here was fitted to the accuracy corpus.

- ``P(R | form)``: the form's country gets :data:`P_HOME`; the rest is shared out by population
  (``data/region_population.tsv``, generated from GeoNames by
  ``scripts/build_region_population.py``). Every number of the form's own code gets the sum
  over the code's regions; a reading under another shared code, its own region's share.
- ``P(T)``: mobile against fixed-line subscriptions worldwide (:data:`P_MOBILE`).
- ``density``: one over how many numbers of its type and ``L`` digits the region's plan has
  (:func:`density`; ``_phone.plan_size`` counts them from the metadata's patterns), ``L``
  being the number's national length or, when longer, that of the metadata's example number
  of its type: a 7-digit Chinese landline is counted among the typical 10-digit ones.
- ``P(m)``: per-entry digit error rate and the shares of error kinds (:data:`ERROR_RATE` and
  the ``*_SHARE`` constants).
- ``P(groups | N, m)``: how the digits were grouped (:func:`grouping`).
"""

from __future__ import annotations

import functools
from typing import Final

from . import _phone
from ._codes import LineType
from ._phone import country_code_for_region, regions_for_country_code

__all__ = [
    "ERROR_RATE",
    "FOLLOWS_FORMAT",
    "FOLLOWS_SEPARATORS",
    "INSERTION",
    "OMISSION",
    "P_HOME",
    "P_MOBILE",
    "SEPARATOR_SHARES",
    "STRUCTURAL",
    "SUBSTITUTION",
    "TRANSPOSITION",
    "code_priors",
    "density",
    "grouping",
    "line_type_prior",
    "most_density",
    "most_grouping",
    "prefix_share",
    "region_prior",
    "unexplained",
]

# --- Where the person is ---------------------------------------------------------------------

#: UN DESA, *International Migration 2020 Highlights* (ST/ESA/SER.A/452): 281 million people,
#: 3.6 % of the world's population, live outside their country of birth. We take that share as
#: the chance that a person's number is not of the form's country: it over-counts (most
#: migrants get a local number) and under-counts (travellers, a form whose country default is
#: wrong) by amounts no source measures, so it is used as it stands.
P_HOME: Final = 1 - 0.036

# --- What line they have ---------------------------------------------------------------------

#: ITU Facts and Figures 2024: 9.1 billion mobile-cellular subscriptions (112 per 100 people);
#: CIA World Factbook 2021: 917 million fixed telephone lines (the latest world total we could
#: read; ITU's own 2024 page gives only the trend, -2.8 % a year). Mobile share
#: 9.1 / (9.1 + 0.917) = 0.91. ITU counts VoIP lines among fixed telephone subscriptions.
P_MOBILE: Final = 9.1 / (9.1 + 0.917)
#: Lines of no other kind are counted anywhere (toll-free, premium, pager, UAN, ...): they get
#: the fixed-line share, the one non-mobile figure there is.
_P_OTHER_LINE: Final = 1 - P_MOBILE

# --- How people mistype ----------------------------------------------------------------------

#: Share of keyed telephone numbers with an error: 1.3 % to 3.0 % across five push-button
#: layouts, R. L. Deininger, "Human factors engineering studies of the design and use of
#: pushbutton telephone sets", Bell System Technical Journal 39 (1960), p. 995; the middle of
#: the range. (Read in a secondary summary; the volume is scanned but we could not open it.)
ERROR_RATE: Final = 0.02

# Shares of the error kinds. Length-changing errors (a digit left out or added) are 10-20 % of
# errors in J. Verhoeff's study of about 12,000 errors (Error Detecting Decimal Codes,
# Mathematical Centre Tract 29, 1969), as N. R. Wagner and P. S. Putter summarise it
# ("Error detecting decimal digits", CACM 32(1), 1989): the middle, 15 %. Of the same-length
# errors Verhoeff tabulates 12,112 (the table reproduced in the Verhoeff-algorithm literature):
# 79.05 % one digit substituted, 10.21 % two neighbours swapped, 10.74 % rarer kinds (twin,
# jump and phonetic errors, several digits). No study splits left-out from added digits; we
# split evenly, and assume the same single/complex split as for same-length errors.
_LENGTH_CHANGING: Final = 0.15
_SINGLE: Final = 0.7905 + 0.1021  # of errors, the ones that touch one digit or one pair
#: P(one digit left out), P(one digit added): per entry.
OMISSION: Final = ERROR_RATE * _LENGTH_CHANGING * _SINGLE / 2
INSERTION: Final = OMISSION
#: P(two neighbouring digits swapped): per entry.
TRANSPOSITION: Final = ERROR_RATE * (1 - _LENGTH_CHANGING) * 0.1021
#: P(one digit substituted for another): per entry. Substitutions are scored as one class whose
#: completions are never listed (any of ``9 n`` neighbours may be meant): their mass only
#: keeps the other readings' confidences honest.
SUBSTITUTION: Final = ERROR_RATE * (1 - _LENGTH_CHANGING) * 0.7905
# The rarer kinds, which the search does not enumerate at all.
_SAME_LENGTH_RARE: Final = ERROR_RATE * (1 - _LENGTH_CHANGING) * 0.1074
_LENGTH_RARE: Final = ERROR_RATE * _LENGTH_CHANGING * (1 - _SINGLE)

#: Mistakes in *how* a number is written (a doubled country code, a national number after a
#: ``+``, another country's ``00``, a trunk ``0`` after the country code, a retired prefix,
#: Italy's missing ``0``): no study
#: measures them. We give each the rate of the closest measured error, one digit left out or
#: added, so that they compete with digit slips on equal terms; the exact rewrite they undo is
#: what makes them win when they do.
STRUCTURAL: Final = OMISSION

#: The chance that a person who groups the digits follows how the number is built (its own
#: written format, or its area code then the rest: ``_phone.national_layouts``), rather than
#: grouping them some other way. Nothing measures it; 0.5 says we do not know which is more
#: common. The other half spreads over every way of cutting the digits into groups. Between a
#: number's layouts no source says which people use more: equal shares.
FOLLOWS_FORMAT: Final = 0.5
#: The chance that a person who groups the digits as the format does also types its
#: separators (``(268) 464-1661``, not ``268 464 1661``). Nothing measures it either: 0.5. The
#: other half types each separator as people type separators in general.
FOLLOWS_SEPARATORS: Final = 0.5
#: How people type a separator when they do not copy a format: each kind with the share it
#: has among the separators the metadata's national formats write (space 84 %, hyphen 12 %,
#: closing bracket 4 %, dot 0.2 %; ``_phone.SEPARATOR_COUNTS``). No study counts what people
#: type; the formats are the record of how numbers are written. A typed space is thus weak
#: evidence of a format (it is the default), a bracket strong.
SEPARATOR_SHARES: Final = {
    kind: count / sum(_phone.SEPARATOR_COUNTS.values())
    for kind, count in _phone.SEPARATOR_COUNTS.items()
}

# The ways of writing a number (national with or without its trunk prefix, with ``+``, with an
# international prefix, with the country code and no ``+``) are taken as equally likely: no
# source counts them, and equal shares cancel out of every comparison, so they appear nowhere.


@functools.cache
def _populations() -> tuple[dict[str, int], int]:
    from ._prebuilt import read_packaged  # noqa: PLC0415 - the one cheap reader of package files

    text = read_packaged("data/region_population.tsv").decode("utf-8")
    table: dict[str, int] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            region, population, _basis = line.split("\t")
            table[region] = int(population)
    return table, sum(table.values())


@functools.cache
def _least_population() -> int:
    """What a region the table does not list counts as: the least populous region's people."""
    return min(_populations()[0].values())


def region_prior(country_code: int, hint: str | None, region: str | None = None) -> float:
    """``P(R | form)``: the chance that the person's number is of this region's plan.

    The form's region gets :data:`P_HOME`, every other its share of the rest of the world's
    population. Without ``region``, the prior of the whole country calling code, the sum of
    its regions' (+1 has 25, +7 two, +44 four): what a search weighs before the digits say
    which region a number is of, and what every number of the form's own code gets. A
    non-geographic code (``+800``, ``+882``, ...) counts as the least populous region. With
    no form hint, every region gets its population share.
    """
    if region is not None and len(_regions_of(country_code)) > 1:
        return _share_of(region, hint)
    prior = code_priors(hint).get(country_code)
    if prior is None:
        return _prior_of(country_code, hint)
    return prior


@functools.cache
def code_priors(hint: str | None) -> dict[int, float]:
    """:func:`region_prior` of every geographic country code, for one form hint."""
    codes = {code for region in _populations()[0] for code in _codes_of(region)}
    return {code: _prior_of(code, hint) for code in codes}


def _prior_of(country_code: int, hint: str | None) -> float:
    return sum(_share_of(region, hint) for region in _regions_of(country_code))


def _share_of(region: str, hint: str | None) -> float:
    table, world = _populations()
    people = table.get(region)
    if people is None:
        people = _least_population()
    if hint is None:
        return people / world
    if region == hint:
        return P_HOME
    return (1 - P_HOME) * people / (world - table.get(hint, 0))


@functools.cache
def prefix_share(prefix: str) -> float:
    """``P(p | m)`` for ``m`` = another country's international prefix: the prefix typed.

    A person who dials out as they do at home types their own region's prefix; so each
    prefix gets the population share of the regions that use it, a region with several
    (Singapore lists ten, one per carrier) sharing its people equally among them. ``00``,
    ITU-T E.164's recommended prefix, gets most of the world; Thailand's carrier prefix ``004``
    a thousandth as much. (This makes the prefixes' probabilities sum to at most one, where
    each used to count as the whole mistake.) Regions and their prefixes come from the
    metadata (``_phone.international_prefixes``), populations from the prior's table.
    """
    by_prefix = _phone.international_prefixes()
    regions = by_prefix.get(prefix, ())
    if not regions:
        return 0.0
    counts: dict[str, int] = {}
    for users in by_prefix.values():
        for region in users:
            counts[region] = counts.get(region, 0) + 1
    table, world = _populations()
    least = _least_population()
    return sum(table.get(region, least) / counts[region] for region in regions) / world


def _codes_of(region: str) -> tuple[int, ...]:
    code = country_code_for_region(region)
    return (code,) if code else ()


@functools.cache
def _regions_of(country_code: int) -> tuple[str, ...]:
    return regions_for_country_code(country_code) or ("001",)


def line_type_prior(line_type: LineType) -> float:
    """``P(T)``: how likely a person's own number is of this line type."""
    if line_type is LineType.MOBILE:
        return P_MOBILE
    if line_type is LineType.FIXED_LINE_OR_MOBILE:
        return 1.0  # the plan does not tell the two apart: either may be meant
    return _P_OTHER_LINE


def density(count: int, length: int) -> float:
    """``P(N | R, T)``: the share of one number among the ``count`` numbers it is counted with.

    ``count`` is how many numbers of the reading's line type the region's plan has at the
    counted ``length`` (``_phone.plan_size``, counted from the metadata's patterns): the
    longer of the number's national length and that of the metadata's example number of its
    region and type (``_phone.counted_length``). Every one of them is taken as equally
    likely. Where the count is not known, ``10**-length``: every string of that length.
    """
    return 1 / count if count else 10.0**-length


def most_density(country_code: int, length: int) -> float:
    """The most :func:`density` can be for a ``length``-digit national number of the code."""
    return density(*_phone.densest_sizes(country_code, length))


def grouping(
    digits: int,
    bounds: frozenset[int],
    match: bool,
    *,
    separators: tuple[str, ...] | None = (),
    layouts: int = 1,
) -> float:
    """``P(groups | N, m)``: the likelihood of the digit groups as typed, and their separators.

    Args:
        digits: How many digits were typed.
        bounds: Where the typed groups end (digit offsets), empty for one unbroken run.
        match: Whether the groups are one of the number's own layouts (after the mistake):
            its format's groups, or its area code then the rest (``_phone.national_layouts``).
        separators: When they are, the separators inside the national number, when every
            one was typed as that layout writes them (``()`` when none was typed), else
            ``None``.
        layouts: How many layouts the number has.

    With no separators there is nothing to compare, and every reading gets 1. Otherwise the
    person followed the number's structure with probability :data:`FOLLOWS_FORMAT`, picking
    one of its ``layouts`` layouts with equal chance, or cut the digits anywhere: each of the
    ``digits - 1`` gaps broken or not, ``2 ** -(digits - 1)`` for one cut. Each separator is
    typed with its share of :data:`SEPARATOR_SHARES`, except that a person following a
    layout types its own with probability :data:`FOLLOWS_SEPARATORS`: separators so typed
    are ``1 / share`` times likelier each under the layout than typed freely. (The shares of
    the typed separators, which every reading of the text shares, are left out.)
    """
    if not bounds:
        return 1.0
    free = (1 - FOLLOWS_FORMAT) * 2.0 ** -(digits - 1)
    if not match:
        return free
    own = 0.0 if separators is None else FOLLOWS_SEPARATORS * _evidence(separators)
    return FOLLOWS_FORMAT / layouts * (own + 1 - FOLLOWS_SEPARATORS) + free


def most_grouping(bounds: frozenset[int], typed: tuple[str, ...]) -> float:
    """The most :func:`grouping` can be for these typed groups and separators.

    Reached when every typed separator is the format's (no reading can have more).
    """
    if not bounds:
        return 1.0
    known = tuple(s for s in typed if s in SEPARATOR_SHARES)
    own = FOLLOWS_SEPARATORS * _evidence(known)
    return FOLLOWS_FORMAT * (own + 1 - FOLLOWS_SEPARATORS) + 1 - FOLLOWS_FORMAT


def _evidence(separators: tuple[str, ...]) -> float:
    """How much likelier these separators are copied from a format than typed freely."""
    evidence = 1.0
    for kind in separators:
        evidence /= SEPARATOR_SHARES[kind]
    return evidence


def unexplained(
    home: float,
    length: int,
    valid: tuple[float, float],
    *,
    same_length_possible: bool,
    groups: float = 1.0,
) -> float:
    """The "something else" mass: the rarer mistakes the search does not enumerate.

    A twin, jump or several-digit error of an intended number of the most likely plan (prior
    ``home``). Such an error lands anywhere among the texts of its length: spread over their
    ``10**-length`` space, which the plan's sparsity does not change (an error that can
    reach most texts reaches valid numbers as often as they occur, each ``1 / count`` times
    as likely: :func:`density`), times ``valid``: the line-type prior summed over such
    neighbours, per neighbour (0 for an invalid one), for mistakes that change the length
    and for those that keep it.
    Same-length kinds count only where ``length`` is a possible length of that plan.
    ``groups`` is the grouping likelihood of such a number, as for any reading.
    """
    changed, same = valid
    rate = _LENGTH_RARE * changed + (_SAME_LENGTH_RARE * same if same_length_possible else 0.0)
    return home * 10.0**-length * rate * groups
