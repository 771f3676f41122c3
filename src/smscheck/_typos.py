"""Typing mistakes: hypotheses of what the person meant, re-validated and ranked.

Every hypothesis is a rewrite of the typed digits (drop a doubled country code, read ``00`` as
``+``, insert the ``0`` Italy keeps, ...). Each is checked against the numbering plan through
``_phone`` and the valid ones are ranked. The search is bounded: at most
:data:`MAX_HYPOTHESES` rewrites are looked at and at most :data:`MAX_READINGS` are validated,
whatever the input, so one check stays within a few milliseconds.

Confidence is a share: each valid reading gets a weight (how often the mistake it undoes
produces text of this shape, times a preference for lines that receive SMS), and its confidence
is its weight over the sum of all weights plus a margin for "none of these". A lone structural
fix gets about 0.95; several competing readings share the mass. ``benchmarks/accuracy.py``
measures that a top suggestion with confidence >= 0.9 is the intended number >= 95 % of the time.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Final

import attrs

from . import _phone
from ._codes import Code, LineType
from ._legacy_prefixes import legacy_national_rewrites, legacy_rewrites
from ._normalize import Finding
from ._report import Suggestion

if TYPE_CHECKING:
    from ._normalize import Params

__all__ = ["MAX_HYPOTHESES", "MAX_READINGS", "Verdict", "on_invalid", "on_valid", "without_region"]

#: Rewrites looked at per input (each costs one regex match, about 1 µs).
MAX_HYPOTHESES: Final = 400
#: Rewrites validated against the numbering plan per input (each about 15 µs; one under a
#: code shared by many regions counts as several).
MAX_READINGS: Final = 96
#: More valid digit-slip readings than this and a list would be noise: say what is wrong, stop.
_MAX_SLIP_SUGGESTIONS: Final = 3
#: Fewer digits than this are no phone number mistyped (the shortest, Niue's, have 4 after +683).
_MIN_DIGITS: Final = 6
#: Suggestions shown at most.
_MAX_SUGGESTIONS: Final = 5
#: The share of belief kept for "the person meant something else entirely": small for
#: structural mistakes (the rewrite is exact), large for digit slips (any digit could be wrong,
#: and only one kind of slip is searched at a time).
_MARGIN: Final = 0.03
_SLIP_MARGIN: Final = 0.35
#: Typed digit groups that match a reading's own format (``07911 123456`` is how a British
#: mobile is written) multiply its weight by this; groups that match neither format divide it.
_SHAPE_MATCH: Final = 2.0
_SHAPE_MISMATCH: Final = 0.6

# How likely each mistake is to have produced the text, given that the rewrite is valid.
_W_DUPLICATED: Final = 0.97
_W_IDD: Final = 0.97
_W_TRUNK: Final = 0.97
_W_PLUS: Final = 0.95
_W_LEGACY: Final = 0.95
_W_LEADING_ZERO: Final = 0.9
_W_PLUS_TRUNK: Final = 0.8
_W_MISMATCH: Final = 0.6
_W_MISMATCH_NO_TRUNK: Final = 0.3
_W_DOUBLED: Final = 0.5
_W_TRANSPOSED: Final = 0.3
_W_EXTRA: Final = 0.2
_W_MISSING: Final = 0.2
_W_ALTERNATIVE: Final = 0.6

# An SMS flow wants lines that receive SMS: people type their mobile number.
_TYPE_WEIGHT: Final = {
    LineType.MOBILE: 1.0,
    LineType.FIXED_LINE_OR_MOBILE: 0.8,
    LineType.FIXED_LINE: 0.35,
    LineType.VOIP: 0.3,
    LineType.PERSONAL_NUMBER: 0.3,
    LineType.PAGER: 0.2,
}
_OTHER_TYPE_WEIGHT: Final = 0.1
_SMS_CAPABLE: Final = frozenset({LineType.MOBILE, LineType.FIXED_LINE_OR_MOBILE})

# The reading the person's form gave is the prior; it loses weight when it is not a line that
# gets SMS, and when the region dials a trunk prefix that the person did not type (Germans write
# 089..., so 89123456789 is not how a Munich number is usually written).
_W_HINTED: Final = 1.0
#: How far ahead of the best other reading a number typed exactly in the form country's
#: national format is put.
_HINTED_EXACT_LEAD: Final = 1.5
_ALTERNATIVE_FLOOR: Final = 0.5
_HINTED_TRUNK_MISSING: Final = 0.35

# Confidence at or above which smscheck stands behind a corrected reading of a warning-level
# mistake (the mistake is in how the number was written, not which number it is).
_STAND_BEHIND: Final = 0.9
_STANDABLE: Final = frozenset(
    {
        Code.MISSING_PLUS,
        Code.WRONG_INTERNATIONAL_PREFIX,
        Code.TRUNK_PREFIX_AFTER_COUNTRY_CODE,
        Code.LEGACY_PREFIX,
        Code.MISSING_LEADING_ZERO,
    }
)
# Mistakes whose diagnostic says all the generic "invalid"/"too long" one would say, and more.
_EXPLAINS_INVALID: Final = frozenset(
    {
        *_STANDABLE,
        Code.DUPLICATED_COUNTRY_CODE,
        Code.REGION_MISMATCH,
    }
)
_STRUCTURAL: Final = frozenset({*_STANDABLE, Code.DUPLICATED_COUNTRY_CODE})
_SLIPS: Final = frozenset(
    {
        Code.MISSING_DIGIT,
        Code.EXTRA_DIGIT,
        Code.DOUBLED_DIGIT,
        Code.TRANSPOSED_DIGITS,
    }
)


@attrs.frozen
class Verdict:
    """What the typo search concluded about one input.

    Attributes:
        findings: Diagnostics to add, as ``(code, params)``.
        suggestions: Readings the person probably meant, most likely first.
        number: The reading smscheck stands behind instead of the parsed one, if any.
        keep: On a valid input, whether the hinted reading stays ``report.number``.
        explained: On an invalid input, whether ``findings`` replace the generic diagnostic.
    """

    findings: tuple[Finding, ...] = ()
    suggestions: tuple[Suggestion, ...] = ()
    number: _phone.Reading | None = None
    keep: bool = True
    explained: bool = False


@attrs.define
class _Candidate:
    reading: _phone.Reading
    code: Code
    weight: float
    params: Params


class _Search:
    """Bounded generate-and-validate: every hypothesis goes through :meth:`offer`."""

    __slots__ = ("candidates", "hypotheses", "readings")

    def __init__(self) -> None:
        self.hypotheses = 0
        self.readings = 0
        self.candidates: dict[str, _Candidate] = {}

    def offer(
        self, country_code: int, national: str, code: Code, weight: float, params: Params = ()
    ) -> _phone.Reading | None:
        """Validate one rewrite; keep it when valid. Returns the reading if valid."""
        e164 = f"+{country_code}{national}"
        known = self.candidates.get(e164)
        if known is not None:
            if weight * _kind_weight(code, known.reading) > known.weight:
                known.weight = weight * _kind_weight(code, known.reading)
                known.code, known.params = code, params
            return known.reading
        if (
            not national
            or len(national) > 17  # E.164: 15 digits with the country code
            or self.hypotheses >= MAX_HYPOTHESES
            or self.readings >= MAX_READINGS
        ):
            return None
        self.hypotheses += 1
        if not _phone.plausible(country_code, national):
            return None
        # A code shared by many regions (+1 has 25) costs a region look-up per region.
        self.readings += _read_cost(country_code)
        reading = _phone.reading_of(country_code, national)
        if not reading.valid:
            return None
        weight *= _kind_weight(code, reading)
        self.candidates[e164] = _Candidate(reading, code, weight, params)
        return reading

    def ranked(self) -> list[_Candidate]:
        return sorted(self.candidates.values(), key=lambda c: (-c.weight, c.reading.e164))


@functools.cache
def _read_cost(country_code: int) -> int:
    return 1 + len(_phone.regions_for_country_code(country_code)) // 4


def _kind_weight(code: Code, reading: _phone.Reading) -> float:
    """Prefer SMS lines; strongly where the mistake leaves the country open, mildly otherwise."""
    if code in _STRUCTURAL:
        # The rewrite is exact: a fixed line typed with 00 for + is still that fixed line.
        return 1.0 if reading.line_type in _SMS_CAPABLE else 0.9
    return _type_weight(reading.line_type)


def _type_weight(line_type: LineType) -> float:
    return _TYPE_WEIGHT.get(line_type, _OTHER_TYPE_WEIGHT)


def _region_name(reading: _phone.Reading) -> str:
    return reading.region or f"+{reading.parsed.country_code}"


def _trunk_of(country_code: int) -> str | None:
    region = _phone.region_for_country_code(country_code)
    return None if region is None else _phone.national_prefix(region)


# --- Valid input ---------------------------------------------------------------------------


def on_valid(
    digits: str,
    plus: bool,
    hint: str | None,
    reading: _phone.Reading,
    groups: tuple[int, ...] = (),
) -> Verdict | None:
    """Look at a valid reading for a redundant trunk prefix or a likelier other reading.

    This is on every valid input's path, so it does almost nothing: string comparisons, and
    candidate readings only for national input that is not a mobile number.
    """
    parsed = reading.parsed
    if parsed.from_text:
        country = str(parsed.country_code)
        if (
            plus
            and reading.line_type not in _SMS_CAPABLE
            and digits.startswith(country, len(country))
        ):
            verdict = _duplicated_but_valid(digits, parsed.country_code, reading)
            if verdict is not None:
                return verdict
        return _trunk_after_country_code(digits, parsed)
    if hint is None or reading.line_type in _SMS_CAPABLE or parsed.stripped_trunk_prefix:
        # A mobile, or a number written the form region's way (its own trunk typed): keep it.
        return None
    return _ambiguity(digits, hint, reading, groups)


def _duplicated_but_valid(
    digits: str, country_code: int, reading: _phone.Reading
) -> Verdict | None:
    """``+49 49 1512…`` reads as a German landline; the mobile without the second 49 is likelier."""
    search = _Search()
    country = str(country_code)
    search.offer(
        country_code,
        digits[2 * len(country) :],
        Code.DUPLICATED_COUNTRY_CODE,
        _W_DUPLICATED,
        (("country_code", country),),
    )
    found = [c for c in search.ranked() if c.reading.line_type in _SMS_CAPABLE]
    if not found:
        return None
    literal = _Candidate(reading, Code.AMBIGUOUS_NUMBER, _type_weight(reading.line_type) * 0.3, ())
    ranked = [*found, literal]
    return Verdict(
        findings=(Finding(found[0].code, found[0].params),),
        suggestions=_suggest(ranked),
        keep=False,
    )


def _trunk_after_country_code(digits: str, parsed: _phone.Parsed) -> Verdict | None:
    """``+44 (0)7911…``: phonenumbers drops the trunk prefix silently; say so, keep the number."""
    national = parsed.national_number
    if not digits.endswith(national):
        return None
    head = digits[: len(digits) - len(national)]
    trunk = _trunk_of(parsed.country_code)
    if trunk is None or not head.endswith(f"{parsed.country_code}{trunk}"):
        return None
    return Verdict(findings=(Finding(Code.TRUNK_PREFIX_AFTER_COUNTRY_CODE, (("prefix", trunk),)),))


def _ambiguity(
    digits: str, hint: str, reading: _phone.Reading, groups: tuple[int, ...]
) -> Verdict | None:
    """Other readings of national-format digits that are valid SMS-capable numbers."""
    own = reading.parsed.country_code
    own_trunk = _phone.national_prefix(hint)
    search = _Search()
    first = digits[:1]
    _alternatives_as_international(search, digits, own)
    for prefix, regions in _phone.national_prefix_regions().items():
        # Trunk 0 is everywhere: every 0-number of one country is a 0-number of some other.
        # Only the rarer trunks (8 in the former USSR, 1 in North America, 06 in Hungary)
        # tell where a number comes from.
        if prefix in ("0", own_trunk) or not digits.startswith(prefix):
            # The form's own trunk typed before the number: that is how its numbers are written.
            continue
        _alternatives_as_national(search, digits[len(prefix) :], regions, own, _W_ALTERNATIVE)
    if own != 1 and len(digits) == 10 and first not in "01":
        # A North American number typed without +1 (10 digits, area code 2-9).
        search.offer(1, digits, Code.AMBIGUOUS_NUMBER, _W_ALTERNATIVE * 0.8)
    if not search.candidates:
        return None
    hinted_weight = _W_HINTED * _type_weight(reading.line_type) * _shape(reading, groups)
    trunk = _phone.national_prefix(hint)
    # A trunk prefix is only missing if the region writes this number with one: India's
    # 1860 shared-cost numbers, for one, are dialled without the 0.
    trunk_missing = (
        trunk is not None
        and trunk != "1"
        and not reading.parsed.stripped_trunk_prefix
        and _phone.national_format_has_trunk(reading, trunk)
    )
    if trunk_missing:
        hinted_weight *= _HINTED_TRUNK_MISSING
    found = []
    for candidate in search.ranked():
        candidate.weight *= _shape(candidate.reading, groups)
        if candidate.code in _STRUCTURAL:  # weighed by the mistake so far; now by line type
            candidate.weight *= _type_weight(candidate.reading.line_type)
        # A reading that is much less likely than the form's own is not worth a warning.
        if candidate.weight >= _ALTERNATIVE_FLOOR * hinted_weight:
            found.append(candidate)
    if not found:
        return None
    if len(groups) >= 2 and groups == _phone.digit_groups(reading)[0]:
        # Typed digit for digit in the form country's own national format ("1860 345 1234"
        # in India): that reading stays the most likely; the others are only worth a warning.
        hinted_weight = max(hinted_weight, _HINTED_EXACT_LEAD * max(c.weight for c in found))
    hinted = _Candidate(reading, Code.AMBIGUOUS_NUMBER, hinted_weight, ())
    ranked = sorted([hinted, *found], key=lambda c: -c.weight)
    other = next(c for c in ranked if c is not hinted)
    params: Params = (
        ("region", hint),
        ("other", other.reading.e164),
        ("other_region", _region_name(other.reading)),
    )
    suggestions = _suggest(ranked)
    findings = [Finding(Code.AMBIGUOUS_NUMBER, params)]
    if ranked[0] is not hinted and other.code is not Code.AMBIGUOUS_NUMBER:
        # The likelier reading undoes a named mistake (a missing +, another country's 00).
        findings.append(Finding(other.code, other.params))
    # In a region that dials no trunk prefix the digits are written the region's own way: warn,
    # but keep the reading; only a missing trunk prefix (89… in Germany) lets it go.
    keep = ranked[0] is hinted or not trunk_missing
    return Verdict(findings=tuple(findings), suggestions=suggestions, keep=keep)


def _shape(reading: _phone.Reading, groups: tuple[int, ...]) -> float:
    """How well the digit groups typed match the way this reading is written."""
    if len(groups) < 2:
        return 1.0
    national, international = _phone.digit_groups(reading)
    if groups in (national, international):
        return _SHAPE_MATCH
    # "8 912 345 67 89" is the Russian national format with a trunk 8 typed apart.
    if groups[1:] == national[1:] or groups[-len(international) :] == international:
        return _SHAPE_MATCH
    return _SHAPE_MISMATCH


def _alternatives_as_international(search: _Search, digits: str, own: int) -> None:
    for prefix in _idds_at(digits):
        rest = digits[len(prefix) :]
        split = _phone.split_country_code(rest)
        if split is not None and split[0] != own:
            search.offer(
                *split, Code.WRONG_INTERNATIONAL_PREFIX, _W_ALTERNATIVE, (("prefix", prefix),)
            )
    split = _phone.split_country_code(digits)
    if split is not None and split[0] != own:
        search.offer(*split, Code.MISSING_PLUS, _W_ALTERNATIVE, (("country_code", str(split[0])),))


def _alternatives_as_national(
    search: _Search, national: str, regions: tuple[str, ...], own: int, weight: float
) -> None:
    for code in sorted({_phone.country_code_for_region(r) for r in regions} - {own}):
        if len(national) in _phone.possible_lengths(code, None):
            search.offer(code, national, Code.AMBIGUOUS_NUMBER, weight)


def _idds_at(digits: str) -> list[str]:
    """International prefixes of any region that the digits start with, longest first."""
    prefixes = _phone.international_prefixes()
    return [digits[:n] for n in (4, 3, 2) if digits[:n] in prefixes]


# --- Invalid input -------------------------------------------------------------------------


def on_invalid(
    digits: str,
    plus: bool,
    hint: str | None,
    parsed: _phone.Parsed | None,
    groups: tuple[int, ...] = (),
) -> Verdict | None:
    """Find valid readings of digits that phonenumbers could not read as a valid number.

    Args:
        digits: The typed digits, international prefix and trunk prefix included.
        plus: Whether a ``+`` was typed.
        hint: The region hint.
        parsed: phonenumbers' (invalid) reading, or ``None`` when it could not parse at all.
        groups: Lengths of the digit groups as typed.
    """
    if len(digits) < _MIN_DIGITS:
        return None
    search = _Search()
    own = 0 if hint is None else _phone.country_code_for_region(hint)
    international: tuple[int, str] | None = None
    if plus:
        international = _phone.split_country_code(digits)
        if international is None:
            # "+00 44…", "+8 10 44…": an international prefix after the plus.
            _wrong_idd(search, digits, own=0, hint=None)
    elif parsed is not None and parsed.from_text and hint is not None:
        rest = digits[_phone.international_prefix_length(hint, digits) :]
        international = _phone.split_country_code(rest)
    if not plus:
        _wrong_idd(search, digits, own, hint)
    if international is not None:
        _international_rewrites(search, *international)
    elif not plus:
        _missing_plus(search, digits, own)
        local = (
            parsed is not None and _phone.read(parsed).possibility == _phone.Possibility.LOCAL_ONLY
        )
        if hint is not None and not local:
            _national_rewrites(search, digits, hint, own)
            for candidate in search.candidates.values():
                if candidate.code is Code.REGION_MISMATCH:
                    candidate.weight *= _shape(candidate.reading, groups)
    if not search.candidates:
        _slips(search, digits, plus=plus, hint=hint, parsed=parsed, international=international)
    return _verdict(search, hint, stand=plus or hint is not None)


def without_region(digits: str) -> Verdict | None:
    """Readings of digits typed without ``+`` when there is no region hint to read them by."""
    if len(digits) < _MIN_DIGITS:
        return None
    search = _Search()
    _wrong_idd(search, digits, own=0, hint=None)
    _missing_plus(search, digits, own=0)
    verdict = _verdict(search, None, stand=False)
    if verdict is None:
        return None
    # Without a region, "missing country code" stays the error: the caller's contract is a +.
    return attrs.evolve(verdict, explained=False)


def _international_rewrites(search: _Search, country_code: int, after: str) -> None:
    """Rewrites of what follows a country code typed with ``+`` or an international prefix."""
    country = str(country_code)
    trunk = _trunk_of(country_code)
    if after.startswith(country):
        # Don't let "+7 7…" read as "+7 7…": the second code is the mistake.
        params: Params = (("country_code", country),)
        rest = after[len(country) :]
        search.offer(country_code, rest, Code.DUPLICATED_COUNTRY_CODE, _W_DUPLICATED, params)
        if trunk and rest.startswith(trunk):
            search.offer(
                country_code,
                rest[len(trunk) :],
                Code.DUPLICATED_COUNTRY_CODE,
                _W_DUPLICATED,
                params,
            )
    if trunk and after.startswith(trunk):
        search.offer(
            country_code,
            after[len(trunk) :],
            Code.TRUNK_PREFIX_AFTER_COUNTRY_CODE,
            _W_TRUNK,
            (("prefix", trunk),),
        )
    for rewrite in legacy_rewrites(country_code, after):
        search.offer(
            country_code,
            rewrite.national_number,
            Code.LEGACY_PREFIX,
            _W_LEGACY,
            _legacy_params(rewrite.rule.retired, rewrite.rule.description),
        )
    if not after.startswith("0") and _phone.keeps_leading_zero(country_code):
        region = _phone.region_for_country_code(country_code) or f"+{country_code}"
        search.offer(
            country_code,
            "0" + after,
            Code.MISSING_LEADING_ZERO,
            _W_LEADING_ZERO,
            (("region", region),),
        )


def _legacy_params(retired: str, description: str) -> Params:
    return (("retired", retired), ("description", description))


def _wrong_idd(search: _Search, digits: str, own: int, hint: str | None) -> None:
    """``00`` in a US form, ``011`` in a UK form, ``810`` in a German one."""
    for prefix in _idds_at(digits):
        if hint is not None and _phone.international_prefix_length(hint, digits):
            continue  # the region's own prefix: phonenumbers has already read it
        split = _phone.split_country_code(digits[len(prefix) :])
        if split is None:
            continue
        country_code, after = split
        params: Params = (("prefix", prefix),)
        search.offer(country_code, after, Code.WRONG_INTERNATIONAL_PREFIX, _W_IDD, params)
        trunk = _trunk_of(country_code)
        if trunk and after.startswith(trunk):
            search.offer(
                country_code,
                after[len(trunk) :],
                Code.WRONG_INTERNATIONAL_PREFIX,
                _W_IDD * 0.9,
                params,
            )
    del own


def _missing_plus(search: _Search, digits: str, own: int) -> None:
    """``447911123456``: a country code typed without ``+``."""
    split = _phone.split_country_code(digits)
    if split is None:
        return
    country_code, after = split
    params: Params = (("country_code", str(country_code)),)
    weight = _W_PLUS if country_code != own else _W_PLUS * 0.9
    search.offer(country_code, after, Code.MISSING_PLUS, weight, params)
    trunk = _trunk_of(country_code)
    if trunk and after.startswith(trunk):
        search.offer(country_code, after[len(trunk) :], Code.MISSING_PLUS, _W_PLUS_TRUNK, params)


def _national_rewrites(search: _Search, digits: str, hint: str, own: int) -> None:
    """Retired national formats of the hinted region, and national numbers of other regions."""
    for rewrite in legacy_national_rewrites(hint, digits):
        if search.offer(
            own,
            rewrite.national_number,
            Code.LEGACY_PREFIX,
            _W_LEGACY,
            _legacy_params(rewrite.rule.retired, rewrite.rule.description),
        ):
            return  # the region's own retired format explains the digits; look no further
    for prefix, regions in _phone.national_prefix_regions().items():
        if digits.startswith(prefix):
            _mismatch(
                search, digits[len(prefix) :], regions, own=own, hint=hint, weight=_W_MISMATCH
            )
    trunk = _phone.national_prefix(hint)
    if digits[:1] != "0" and not (trunk and digits.startswith(trunk)):
        # Regions that dial no trunk prefix (Spain, Italy, ...): the digits are the number.
        # Not when the form's own trunk leads: then it is the form's number, mistyped.
        _mismatch(
            search, digits, _no_trunk_regions(), own=own, hint=hint, weight=_W_MISMATCH_NO_TRUNK
        )


@functools.cache
def _no_trunk_regions() -> tuple[str, ...]:
    with_trunk = {r for rs in _phone.national_prefix_regions().values() for r in rs}
    return tuple(sorted(_phone.supported_regions() - with_trunk))


def _mismatch(  # noqa: PLR0913 - keyword-only facts of one search step
    search: _Search,
    national: str,
    regions: tuple[str, ...],
    *,
    own: int,
    hint: str,
    weight: float,
) -> None:
    for code in sorted({_phone.country_code_for_region(r) for r in regions} - {own}):
        if len(national) in _phone.possible_lengths(code, None):
            reading = search.offer(code, national, Code.REGION_MISMATCH, weight)
            if reading is not None:
                candidate = search.candidates[reading.e164]
                if candidate.code is Code.REGION_MISMATCH:
                    candidate.params = (
                        ("region", hint),
                        ("other_region", _region_name(reading)),
                    )


def _slips(  # noqa: PLR0913 - keyword-only facts of one search step
    search: _Search,
    digits: str,
    *,
    plus: bool,
    hint: str | None,
    parsed: _phone.Parsed | None,
    international: tuple[int, str] | None,
) -> None:
    """One digit missing, one too many, one doubled, two swapped: in the national number."""
    if international is not None:
        country_code, national = international
        trunk = _trunk_of(country_code)
        if trunk and national.startswith(trunk) and parsed is not None:
            national = parsed.national_number
    elif hint is not None and not plus:
        country_code = _phone.country_code_for_region(hint)
        trunk = _phone.national_prefix(hint)
        if trunk and digits.startswith(trunk):
            national = digits[len(trunk) :]  # the form's own trunk, typed before a mistyped number
        elif parsed is not None:
            national = parsed.national_number
        else:
            national = digits
    else:
        return
    lengths = _phone.possible_lengths(country_code, None)
    size = len(national)
    found: list[_phone.Reading] = []
    if size + 1 in lengths:
        for index in range(size + 1):
            for digit in "0123456789":
                reading = search.offer(
                    country_code,
                    national[:index] + digit + national[index:],
                    Code.MISSING_DIGIT,
                    _W_MISSING,
                )
                if reading is not None:
                    found.append(reading)
                if len(found) > _MAX_SLIP_SUGGESTIONS:
                    # Too many fits to be useful: too_short already says how many are missing.
                    search.candidates.clear()
                    return
    if size - 1 in lengths:
        # Remove a repeated digit first: one key pressed twice is the commonest extra digit.
        doubled = [i for i in range(size - 1) if national[i] == national[i + 1]]
        for index in doubled:
            search.offer(
                country_code,
                national[:index] + national[index + 1 :],
                Code.DOUBLED_DIGIT,
                _W_DOUBLED,
            )
        for index in range(size):
            if index not in doubled and (index - 1) not in doubled:
                search.offer(
                    country_code,
                    national[:index] + national[index + 1 :],
                    Code.EXTRA_DIGIT,
                    _W_EXTRA,
                )
    if size in lengths:
        for index in range(size - 1):
            if national[index] != national[index + 1]:
                swapped = (
                    national[:index] + national[index + 1] + national[index] + national[index + 2 :]
                )
                search.offer(country_code, swapped, Code.TRANSPOSED_DIGITS, _W_TRANSPOSED)
    slips = [c for c in search.candidates.values() if c.code in _SLIPS]
    if len(slips) > _MAX_SLIP_SUGGESTIONS:
        doubled_only = [c for c in slips if c.code is Code.DOUBLED_DIGIT]
        keep = {c.reading.e164 for c in doubled_only} if len(doubled_only) <= 2 else set()
        for e164 in [e for e, c in search.candidates.items() if e not in keep]:
            del search.candidates[e164]


def _verdict(search: _Search, hint: str | None, *, stand: bool) -> Verdict | None:
    ranked = search.ranked()
    if not ranked:
        return None
    top = ranked[0]
    suggestions = _suggest(ranked)
    confidence = suggestions[0].confidence
    number = None
    if top.code in _STANDABLE and confidence >= _STAND_BEHIND and stand:
        number = top.reading
    params = top.params
    if top.code is Code.REGION_MISMATCH and hint is not None:
        params = (("region", hint), ("other_region", _region_name(top.reading)))
    return Verdict(
        findings=(Finding(top.code, params),),
        suggestions=suggestions,
        number=number,
        explained=top.code in _EXPLAINS_INVALID,
    )


def _suggest(ranked: list[_Candidate]) -> tuple[Suggestion, ...]:
    margin = _SLIP_MARGIN if ranked[0].code in _SLIPS else _MARGIN
    total = sum(c.weight for c in ranked) + margin
    return tuple(
        Suggestion(
            c.reading.e164,
            c.code,
            round(c.weight / total, 2),
            c.reading.line_type,
        )
        for c in ranked[:_MAX_SUGGESTIONS]
    )
