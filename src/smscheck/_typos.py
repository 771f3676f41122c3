"""Typing mistakes: the hypotheses of which number the person meant, and the verdict.

Every hypothesis is an intended number and a way of typing it that gives the text: as it is,
with a doubled country code, with another country's ``00``, as another country's national
number, with one digit left out, ... Each is validated and scored by ``_belief.Search`` with
``_model``'s formula. Digit slips under one country code compete as a *class*: "one digit is
missing from this US number" has the mass of all its valid completions, whether or not they are
few enough to list. The verdict (:func:`_verdict`) names the likeliest hypothesis, stands
behind a corrected reading only when it is sure, and names another country only by a
majority. ``docs/typos.md`` derives the model and ``docs/accuracy.md`` measures it on a
held-out split.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Final

import attrs

from . import _model, _phone
from ._belief import MAX_HYPOTHESES, MAX_READINGS, Belief, Part, Search
from ._codes import Code, LineType
from ._legacy_prefixes import legacy_national_rewrites, legacy_rewrites
from ._normalize import Finding
from ._typing import (
    Fit,
    Typing,
    best_separators_match,
    layout_fit,
    separators_match,
    typing_of,
    zero_in_parens,
)
from ._valid_probe import NANP_SHAPE, SMS_CAPABLE

if TYPE_CHECKING:
    from collections.abc import Iterator

    from ._normalize import Params
    from ._report import Suggestion

__all__ = [
    "MAX_HYPOTHESES",
    "MAX_READINGS",
    "Typing",
    "Verdict",
    "on_invalid",
    "on_valid",
    "typing_of",
    "without_region",
]

#: Valid completions of a digit slip validated one by one; beyond this many pattern matches,
#: an even sample of this size stands for the rest (its mean score times their count).
_SLIP_SAMPLE: Final = 8
#: A slip class lists its completions as suggestions only when there are at most this many.
_MAX_SLIP_SUGGESTIONS: Final = 3
#: Fewer digits than this are no phone number mistyped (the shortest, Niue's, have 4 after +683).
_MIN_DIGITS: Final = 6
#: The confidence at or above which smscheck stands behind a reading: it replaces an invalid
#: literal reading (for mistakes in how a number was written), and a valid reading of the form
#: region at or above it gets no warning. A decision threshold, not a model number: the
#: accuracy report measures that readings this sure are right >= 97 % of the time.
_STAND_BEHIND: Final = 0.9

_STANDABLE: Final = frozenset(
    {
        Code.MISSING_PLUS,
        Code.NATIONAL_NUMBER_AFTER_PLUS,
        Code.WRONG_INTERNATIONAL_PREFIX,
        Code.TRUNK_PREFIX_AFTER_COUNTRY_CODE,
        Code.LEGACY_PREFIX,
        Code.MISSING_LEADING_ZERO,
    }
)
# Mistakes whose diagnostic says all the generic "invalid"/"too long" one would say, and more.
_EXPLAINS_INVALID: Final = frozenset(
    {*_STANDABLE, Code.DUPLICATED_COUNTRY_CODE, Code.REGION_MISMATCH}
)
_SMS_CAPABLE: Final = SMS_CAPABLE


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


def _region_name(reading: _phone.Reading) -> str:
    return reading.region or f"+{reading.parsed.country_code}"


@functools.cache
def _trunk_of(country_code: int) -> str | None:
    region = _phone.region_for_country_code(country_code)
    return None if region is None else _phone.national_prefix(region)


def _home(hint: str | None) -> float:
    return _model.P_HOME if hint is not None else 1.0


# --- Digit slips, as a class -----------------------------------------------------------------


def _slips(
    search: Search,
    country_code: int,
    national: str,
    prefix: tuple[int, ...],
) -> None:
    """One digit left out, one added, two swapped: each kind one hypothesis over its completions.

    ``national`` is the national number as typed after ``prefix`` (an international prefix,
    a country code, a trunk prefix). The likelihood of the text given a completion ``N`` of
    ``n`` digits: a left-out digit, ``OMISSION * k / n`` (``k`` positions whose loss gives the
    text); an added one, ``INSERTION * k / (n + 1) / 10`` (position and digit); a swap,
    ``TRANSPOSITION / (n - 1)``.
    """
    lengths = _phone.possible_lengths(country_code, None)
    size = len(national)
    if size + 1 in lengths:
        rewrites: dict[str, int] = {}
        for index in range(size + 1):
            for digit in "0123456789":
                text = national[:index] + digit + national[index:]
                rewrites[text] = rewrites.get(text, 0) + 1
        _slip_class(
            search,
            country_code,
            rewrites,
            prefix,
            -1,
            _model.OMISSION / (size + 1),
        )
    if size - 1 in lengths:
        rewrites = {}
        for index in range(size):
            text = national[:index] + national[index + 1 :]
            rewrites[text] = rewrites.get(text, 0) + 1
        # An added digit that repeats its neighbour is one key pressed twice: named apart.
        doubled = {
            national[:index] + national[index + 1 :]
            for index in range(size - 1)
            if national[index] == national[index + 1]
        }
        _slip_class(
            search, country_code, rewrites, prefix, 1, _model.INSERTION / size / 10, doubled
        )
    if size in lengths:
        rewrites = {}
        for index in range(size):
            for digit in "0123456789":
                if digit != national[index]:
                    rewrites[national[:index] + digit + national[index + 1 :]] = 1
        # Never listed: a part without a reading, named by no code the report shows.
        _slip_class(
            search, country_code, rewrites, prefix, 0, _model.SUBSTITUTION / size / 9, listed=False
        )
    if size in lengths and size > 1:
        rewrites = {}
        for index in range(size - 1):
            if national[index] != national[index + 1]:
                swapped = (
                    national[:index] + national[index + 1] + national[index] + national[index + 2 :]
                )
                rewrites[swapped] = 1
        _slip_class(search, country_code, rewrites, prefix, 0, _model.TRANSPOSITION / (size - 1))


def _slip_class(  # noqa: PLR0913, PLR0917 - one slip kind, described
    search: Search,
    country_code: int,
    rewrites: dict[str, int],
    prefix: tuple[int, ...],
    shift: int,
    rate: float,
    doubled: frozenset[str] | set[str] = frozenset(),
    *,
    listed: bool = True,
) -> None:
    """Score one kind of slip over every completion that passes the pattern test."""
    if not rewrites:
        return
    length = len(next(iter(rewrites)))
    # The most the class could score: every rewrite valid, a mobile (the line-type prior is at
    # most 1); ``worth`` allows for the best grouping likelihood.
    bound = (
        _model.region_prior(country_code, search.hint)
        * _model.most_density(country_code, length)
        * rate
        * max(rewrites.values())
        * len(rewrites)
    )
    if not search.worth(bound):
        return
    fits = [text for text in rewrites if search.test(country_code, text)]
    share = search.shares[0 if shift == 0 else 1]
    if not fits:
        share[0] += len(rewrites)
        return
    # A key pressed twice is the likeliest completion of an added digit: always read, and
    # listed on its own; an even sample of the other completions stands for them all.
    twice = [text for text in fits if text in doubled][:2]
    sample = _stratified_sample(
        [text for text in fits if text not in twice], country_code, search.hint
    )
    sample.update(dict.fromkeys(twice, 1.0))
    search.units += 1
    unit = search.units
    parts: list[tuple[Part, float]] = []  # each with the number of completions it stands for
    for text, weight in sample.items():
        reading = search.read(country_code, text)
        if reading is None:
            continue
        groups = search.groups(reading, prefix, shift)
        score = search.score(reading, rate * rewrites[text], groups)
        part = Part(_slip_code(shift, text in doubled), score, reading, (), unit)
        parts.append((part, weight))
    share[0] += len(rewrites)
    share[1] += sum(
        weight * _model.line_type_prior(part.reading.line_type)
        for part, weight in parts
        if part.reading
    )
    if not parts:
        return
    if not listed:
        search.add_unnamed(sum(weight * part.score for part, weight in parts))
        return
    complete = all(weight == 1.0 for weight in sample.values())  # no text stands for others
    if complete and len(parts) <= _MAX_SLIP_SUGGESTIONS:
        for part, _ in parts:
            search.add(part)
        return
    # Too many to list, or only sampled: one part for the class, its mass scaled to all fits,
    # except for a key pressed twice, listed on its own.
    others = 0.0
    for part, weight in parts:
        if part.code is Code.DOUBLED_DIGIT:
            search.add(part)
        else:
            others += weight * part.score
    if others:
        search.add(Part(_slip_code(shift, doubled=False), others, None, (), unit))


def _stratified_sample(texts: list[str], country_code: int, hint: str | None) -> dict[str, float]:
    """An even sample of at most :data:`_SLIP_SAMPLE` texts per stratum, each with its weight.

    A text's weight is how many texts of its stratum it stands for. Where the plan has a
    cheap test of its own numbers (``_phone.own_numbers_test``), the texts it passes are a
    stratum of their own: in a sparse plan they are a few among dozens, and an even sample
    of all would most often miss them. What it rejects is left out where that proves them
    invalid (a code of one region), and else a stratum of its own: under a code the form's
    region shares (Trinidad's +1), the form's numbers are few among all the code's, though
    their prior makes them the likeliest.
    """
    own = _phone.own_numbers_test(country_code, hint)
    strata = [texts]
    if own is not None:
        test, proves = own
        strata = [[], []]
        for text in texts:
            strata[test(text) is None].append(text)
        if proves:
            strata.pop()
    out: dict[str, float] = {}
    for stratum in strata:
        if len(stratum) <= _SLIP_SAMPLE:
            out.update(dict.fromkeys(stratum, 1.0))
            continue
        picked = stratum[:: -(-len(stratum) // _SLIP_SAMPLE)]
        out.update(dict.fromkeys(picked, len(stratum) / len(picked)))
    return out


def _slip_code(shift: int, doubled: bool) -> Code:
    if shift < 0:
        return Code.MISSING_DIGIT
    if shift == 0:
        return Code.TRANSPOSED_DIGITS
    return Code.DOUBLED_DIGIT if doubled else Code.EXTRA_DIGIT


# --- Valid input -----------------------------------------------------------------------------


def on_valid(
    digits: str,
    plus: bool,
    hint: str | None,
    reading: _phone.Reading,
    text: str = "",
) -> Verdict | None:
    """Look at a valid reading for a redundant trunk prefix or a likelier other reading.

    This is on every valid input's path, so it does almost nothing for a mobile number typed
    with nothing that points elsewhere: string comparisons, and for national input one look
    at how the digits were grouped (``text`` is the input as typed).
    """
    parsed = reading.parsed
    if parsed.from_text:
        if plus and reading.line_type not in _SMS_CAPABLE:
            verdict = _plus_but_no_sms(digits, reading, hint, text)
            if verdict is not None:
                return verdict
        return _trunk_after_country_code(digits, parsed, hint)
    if hint is None:
        return None
    nanp = (
        parsed.country_code != 1
        and len(digits) == _NANP_DIGITS
        and _NANP_SHAPE.fullmatch(text.strip()) is not None
    )
    if (
        reading.line_type in _SMS_CAPABLE
        and not nanp
        and ("(" not in text or not zero_in_parens(text))
    ):
        # A mobile with nothing that could point elsewhere ("(0)", a North American shape):
        # keep it. (Its digit groups are not compared: a mobile of the form's country is what
        # the form wants, and the comparison would cost every valid mobile a format look-up.)
        return None
    if parsed.stripped_trunk_prefix and not nanp and text.strip().isdigit():
        # Its own trunk typed, the digits in one run: nothing to compare, nothing points away.
        return None
    typing = typing_of(text, digits)
    signal = typing.zero_after is not None or nanp
    if not signal and reading.line_type in _SMS_CAPABLE:
        return None
    trunk = _trunk_typed(hint, digits, parsed)
    fit = layout_fit(typing.bounds, trunk, reading, 0)
    own = fit is not None
    if (
        not signal
        and own
        and (parsed.stripped_trunk_prefix or _written_own_way(typing, reading, fit))
    ):
        # Written the form region's way (its own trunk typed, its own groups; or, in a plan
        # that writes no trunk, its own groups and separators): keep it.
        return None
    return _ambiguity(digits, hint, reading, typing, own=own, nanp=nanp)


_NANP_SHAPE: Final = NANP_SHAPE
_NANP_DIGITS: Final = 10  # the shape's digits: (NXX) NXX-XXXX


def _written_own_way(typing: Typing, reading: _phone.Reading, fit: Fit | None) -> bool:
    """Grouped in one of its layouts with its separators, in a plan that writes no trunk."""
    plan = _phone.plans().get(reading.parsed.country_code)
    if fit is None or plan is None or plan[1]:
        return False
    own = fit.separators
    return bool(own) and separators_match(typing, (), own) == own


def _plus_but_no_sms(
    digits: str, reading: _phone.Reading, hint: str | None, text: str
) -> Verdict | None:
    """A valid ``+`` number that cannot take an SMS: a typing mistake may explain it.

    Its country code typed twice (``+49 49 1512…``), or the form's national number after a
    ``+`` (``+(647) 505-2806`` on a Canadian form).
    """
    code = reading.parsed.country_code
    country = str(code)
    own = 0 if hint is None else _phone.country_code_for_region(hint)
    twice = digits.startswith(country, len(country))
    if not twice and not (own and own != code):
        return None
    typing = typing_of(text, digits)
    verdict = _duplicated_but_valid(digits, code, reading, hint, typing) if twice else None
    if verdict is None and hint is not None and own and own != code:
        verdict = _national_but_valid(digits, own, reading, hint, typing)
    return verdict


def _trunk_typed(hint: str, digits: str, parsed: _phone.Parsed) -> tuple[int, ...]:
    """The trunk prefix typed before the national number, as a prefix part.

    All the digits phonenumbers stripped, when they start with the trunk prefix, the trunk
    and what follows it as two parts (a group may end between them): Belarus dials ``8``
    and writes ``8 0``, so ``8 0152 450918`` has the parts ``8`` and ``0``.
    """
    trunk = _phone.national_prefix(hint)
    if not trunk or not parsed.stripped_trunk_prefix:
        return ()
    typed = len(digits) - len(parsed.national_number)
    if typed > len(trunk) and digits.startswith(trunk):
        return (len(trunk), typed - len(trunk))
    return (len(trunk),)


def _duplicated_but_valid(
    digits: str, country_code: int, reading: _phone.Reading, hint: str | None, typing: Typing
) -> Verdict | None:
    """``+49 49 1512…`` reads as a German landline; the mobile without the second 49 is likelier."""
    search = Search(hint, typing)
    country = str(country_code)
    size = len(country)
    params: Params = (("country_code", country),)
    found = search.offer(
        country_code,
        digits[2 * size :],
        Code.DUPLICATED_COUNTRY_CODE,
        _model.STRUCTURAL,
        (size, size),
        params,
    )
    return _likelier_than_typed(
        search, reading, found, Finding(Code.DUPLICATED_COUNTRY_CODE, params)
    )


def _national_but_valid(
    digits: str, own: int, reading: _phone.Reading, hint: str, typing: Typing
) -> Verdict | None:
    """The form's national number after a ``+``, against the valid ``+`` reading.

    ``+(473) 269-1241`` on a Grenadian form reads as a Norwegian landline; the Grenada number,
    grouped as Grenada writes it, is likelier (:func:`_national_after_plus`). Typed in one run
    (``+4732691241``), nothing tells them apart, and the ``+`` reading stands.
    """
    search = Search(hint, typing)
    found = _national_after_plus(search, digits, hint, own)
    if found is None or found.parsed.national_number != digits:
        return None
    # A valid + number is what E.164 says it is, unless the typing says otherwise: its groups
    # follow the form's national layout of the digits (the two readings' groupings, and the
    # separators typed, are then weighed by the search's scores).
    if not typing.bounds or layout_fit(typing.bounds, (), found, 0) is None:
        return None
    finding = Finding(Code.NATIONAL_NUMBER_AFTER_PLUS, _after_plus_params(hint, own))
    # Whatever its line type: "+(473) 269-1241" on a Grenadian form is Grenada's landline,
    # written the North American way, rather than Norway's.
    return _likelier_than_typed(search, reading, found, finding, sms_only=False)


def _likelier_than_typed(
    search: Search,
    reading: _phone.Reading,
    found: _phone.Reading | None,
    finding: Finding,
    *,
    sms_only: bool = True,
) -> Verdict | None:
    """A valid ``+`` reading that cannot take an SMS, against a rewrite of it.

    The rewrite's finding, when its posterior is the higher of the two; ``sms_only``: only a
    rewrite that can take an SMS is weighed.
    """
    if found is None or (sms_only and found.line_type not in _SMS_CAPABLE):
        return None
    search.units += 1
    size = len(str(reading.parsed.country_code))
    score = search.score(reading, 1.0, search.groups(reading, (size,)))
    search.add(Part(None, score, reading, (), search.units))
    # Two readings of the digits typed; whether some digit is wrong is not the question here.
    belief = search.conclude(0.0)
    if belief is None:  # pragma: no cover - two parts were just added
        return None
    if belief.posterior(reading) >= belief.posterior(found):
        return None
    return Verdict(findings=(finding,), suggestions=belief.suggestions(), keep=False)


def _trunk_after_country_code(
    digits: str, parsed: _phone.Parsed, hint: str | None
) -> Verdict | None:
    """``+44 (0)7911…``: phonenumbers drops the trunk prefix silently; say so, keep the number.

    What comes before the country code and the trunk must be nothing (a ``+``) or the form
    region's international prefix: in ``0011 650…`` from Singapore, ``001`` is the prefix and
    the second ``1`` the country code, though the digits before the number end in ``11``.
    """
    national = parsed.national_number
    if not digits.endswith(national):
        return None
    head = digits[: len(digits) - len(national)]
    trunk = _trunk_of(parsed.country_code)
    written = f"{parsed.country_code}{trunk}"
    if trunk is None or not head.endswith(written):
        return None
    before = len(head) - len(written)
    if before and (hint is None or _phone.international_prefix_length(hint, digits) != before):
        return None
    return Verdict(findings=(Finding(Code.TRUNK_PREFIX_AFTER_COUNTRY_CODE, (("prefix", trunk),)),))


def _ambiguity(  # noqa: PLR0913 - the reading and what the typing says of it
    digits: str, hint: str, reading: _phone.Reading, typing: Typing, *, own: bool, nanp: bool
) -> Verdict | None:
    """Weigh the valid reading of the form's region against other readings of the same digits.

    ``own``: the digits were typed in one run or grouped the way the form's region writes
    this number; if not, national numbers of every other country are read too (else only the
    telling trunks).
    """
    code = reading.parsed.country_code
    search = Search(hint, typing)
    own_trunk = _phone.national_prefix(hint)
    if own:
        groups = search.groups(reading, _trunk_typed(hint, digits, reading.parsed))
    else:
        groups = _model.grouping(len(digits), typing.bounds, match=False)
    search.units += 1
    literal = Part(None, search.score(reading, 1.0, groups), reading, (), 1)
    search.add(literal)
    _as_international(search, digits)
    for trunk, regions in _phone.national_prefix_regions().items():
        # Trunk 0 is everywhere: every 0-number of one country is a 0-number of some other.
        # Only the rarer trunks (8 in the former USSR, 1 in North America, 06 in Hungary)
        # tell where a number comes from; the form's own was read already.
        if trunk not in ("0", own_trunk) and digits.startswith(trunk):
            _as_national(search, digits[len(trunk) :], regions, code, (len(trunk),))
    if not own:
        _foreign_national(search, digits, code)
    elif code != 1 and len(digits) == 10 and digits[0] not in "01" and (nanp or not typing.bounds):
        # A North American number typed without +1 (10 digits, area code 2-9). Not when the
        # digits were grouped otherwise: its grouping likelihood would be 2**-9 of the form's.
        search.offer(1, digits, Code.REGION_MISMATCH, 1.0, (), _mismatch_params(hint))
    # Every reading takes the digits as typed: a valid number is not second-guessed for a
    # mistyped digit, only for which country's it is.
    belief = search.conclude(0.0)
    if belief is None or len(belief.parts) < 2:
        return None
    hinted = belief.posterior(reading)
    ranked = belief.numbers()
    # Digits in one run, the form's reading the likeliest: nothing typed points elsewhere.
    untold = not typing.bounds and ranked[0][0] is reading
    if hinted >= _STAND_BEHIND or untold:
        # Sure enough, or nothing to go on: say nothing. The other readings are still worth
        # showing, with what they are worth, when this one cannot take an SMS.
        if reading.line_type in _SMS_CAPABLE:
            return None
        return Verdict(suggestions=belief.suggestions(skip=reading))
    other = next((r, c) for r, c, _ in ranked if r is not reading)
    params: Params = (
        ("region", hint),
        ("other", other[0].e164),
        ("other_region", _region_name(other[0])),
    )
    findings = [Finding(Code.AMBIGUOUS_NUMBER, params)]
    keep = ranked[0][0] is reading
    if not keep and other[1] in _STANDABLE and belief.posterior(other[0]) >= _STAND_BEHIND:
        # "491716783154" on a German form: +49 without its plus, surely; read it so.
        finding = Finding(other[1], _named_params(other[0], other[1]))
        return Verdict(findings=(finding,), suggestions=belief.suggestions(), number=other[0])
    if not keep and other[1] in (Code.MISSING_PLUS, Code.WRONG_INTERNATIONAL_PREFIX):
        # The likelier reading undoes a named mistake (a missing +, another country's 00).
        findings.append(Finding(other[1], _named_params(other[0], other[1])))
    return Verdict(findings=tuple(findings), suggestions=belief.suggestions(), keep=keep)


def _named_params(reading: _phone.Reading, code: Code) -> Params:
    if code is Code.MISSING_PLUS:
        return (("country_code", str(reading.parsed.country_code)),)
    return ()


def _mismatch_params(hint: str) -> Params:
    return (("region", hint),)


# --- Readings of the digits as another country's ---------------------------------------------


def _as_international(search: Search, digits: str, *, after_plus: bool = False) -> None:
    """The digits as a country code without ``+``, or after another country's ``00``/``011``.

    ``after_plus``: the digits followed a ``+`` (``+00 44…``), so phonenumbers read no
    international prefix in them, not even the form region's own.
    """
    for prefix in _idds_at(digits):
        if (
            not after_plus
            and search.hint is not None
            and _phone.international_prefix_length(search.hint, digits)
        ):
            continue  # the form region's own prefix: phonenumbers has read it already
        split = _phone.split_country_code(digits[len(prefix) :])
        if split is None:
            continue
        country_code, after = split
        parts = (*_idd_parts(prefix), len(str(country_code)))
        params: Params = (("prefix", prefix),)
        code = Code.WRONG_INTERNATIONAL_PREFIX
        rate = _model.STRUCTURAL * _model.prefix_share(prefix)
        search.offer(country_code, after, code, rate, parts, params)
        trunk = _trunk_of(country_code)
        if trunk and after.startswith(trunk):
            search.offer(
                country_code, after[len(trunk) :], code, rate, (*parts, len(trunk)), params
            )
    split = _phone.split_country_code(digits)
    if split is None:
        return
    # Another country's code, or the form's own ("491716783154" on a German form).
    country_code, after = split
    size = len(str(country_code))
    params = (("country_code", str(country_code)),)
    search.offer(country_code, after, Code.MISSING_PLUS, 1.0, (size,), params)
    trunk = _trunk_of(country_code)
    if trunk and after.startswith(trunk):
        # "49 (0)345…": the trunk typed after the country code, as many write it.
        search.offer(
            country_code,
            after[len(trunk) :],
            Code.MISSING_PLUS,
            1.0,
            (size, len(trunk)),
            params,
        )


def _as_national(
    search: Search,
    national: str,
    regions: tuple[str, ...],
    own: int,
    prefix: tuple[int, ...],
) -> None:
    for code in sorted({_phone.country_code_for_region(r) for r in regions} - {own}):
        if len(national) in _phone.possible_lengths(code, None):
            search.offer(code, national, Code.REGION_MISMATCH, 1.0, prefix)


def _idd_parts(prefix: str) -> tuple[int, ...]:
    """``810`` is written ``8~10`` (wait for the dial tone after the 8): two parts."""
    return (1, 2) if prefix == "810" else (len(prefix),)


def _idds_at(digits: str) -> list[str]:
    """International prefixes of any region that the digits start with, longest first."""
    prefixes = _phone.international_prefixes()
    return [digits[:n] for n in (4, 3, 2) if digits[:n] in prefixes]


@functools.cache
def _codes_for(digits: int, first: str) -> tuple[tuple[int, float, tuple[_Form, ...]], ...]:
    """Country codes whose plan could read ``digits`` digits starting with ``first`` nationally.

    With the most :func:`_model.density` a reading of theirs can have and their national
    forms of that many digits (:func:`_national_forms`), by population times that density,
    most first (under any form hint, the prior of every code but the form's own follows
    population: ``_model.region_prior``).
    """
    priors = _model.code_priors(None)
    plans = _phone.plans()
    found = []
    for code in priors:
        lengths, _, trunk = plans.get(code, ((), (), None))
        forms = tuple(
            (*form, _model.most_density(code, digits - form[2]))
            for form in _national_forms(first, code, trunk)
            if digits - form[2] in lengths
        )
        if forms:
            found.append((code, max(form[-1] for form in forms), forms))
    found.sort(key=lambda item: (-priors[item[0]] * item[1], item[0]))
    return tuple(found)


# A national form: the prefix the digits must start with, one they must not start with, how
# many digits the prefix takes, its parts, and the most density a reading of it can have.
_Form = tuple[str, str, int, tuple[int, ...], float]


def _foreign_national(search: Search, digits: str, own: int) -> None:
    """The digits as the national number of another country, as its plan writes them.

    Country codes are visited from the likeliest down; once the prior of the rest cannot
    give a score above the negligible share of the best found, the visit stops.
    """
    hint = search.hint
    # Under a form, another country's number; with none, a number whose country is not said.
    mistake = Code.MISSING_COUNTRY_CODE if hint is None else Code.REGION_MISMATCH
    # Codes come with the most a reading of theirs can score but for the prior, most first;
    # the line-type prior is at most 1 and ``worth`` allows for the grouping likelihood.
    priors = _model.code_priors(hint)
    for code, most, forms in _codes_for(len(digits), digits[:1]):
        if code == own:
            continue
        prior = priors[code]
        if not search.worth(prior * most):
            break
        for required, forbidden, cut, prefix, density in forms:
            if not digits.startswith(required) or (forbidden and digits.startswith(forbidden)):
                continue
            if not search.worth(prior * density):
                continue
            # Where the plan writes a trunk before some kinds and not others, the kind read
            # must be one written as typed: a Chinese mobile is never written 0151 2345 6789.
            written = digits[:cut] if code in _mixed_trunks() else None
            reading = search.offer(code, digits[cut:], mistake, 1.0, prefix, written=written)
            if reading is not None and hint is not None:
                search.parts[-1].params = (
                    ("region", hint),
                    ("other_region", _region_name(reading)),
                )


@functools.cache
def _mixed_trunks() -> frozenset[int]:
    """Codes whose plan writes its trunk before some kinds of number only (China, Peru, ...)."""
    return frozenset(
        code
        for code, (_, written, _) in _phone.plans().items()
        if "" in written and len(written) > 1
    )


def _written(country_code: int) -> tuple[str, ...]:
    """The trunk prefixes the plan writes: from the prebuilt plans, else the metadata's."""
    plan = _phone.plans().get(country_code)
    return _phone.written_trunks(country_code) if plan is None else plan[1]


def _national_forms(
    first: str, country_code: int, trunk: str | None
) -> Iterator[tuple[str, str, int, tuple[int, ...]]]:
    """How a person of another country writes their number nationally: as its format does.

    With the trunk prefix where the plan writes one (``0`` in most of the world, ``8`` in
    Russia, ``8 0`` in Belarus), without it where the plan writes none (North America's
    ``1``, Spain, Italy). A foreign number with its country code missing *and* its written
    trunk left out would be two departures from how it is written; it is not read (the
    form's own numbers are, both ways: see ``_typed_national_under``).

    Each form of digits starting with ``first``: the prefix the digits must start with, one
    they must not start with (``""``: none), how many digits the prefix takes, and its parts.
    """
    written = _written(country_code)
    if written:
        for prefix in written:
            if prefix and prefix[0] == first:
                yield prefix, "", len(prefix), (len(prefix),)
            elif not prefix:
                # A kind of number the plan writes without its trunk (China's mobiles).
                yield "", trunk or "", 0, ()
        return
    if trunk and trunk[0] == first:
        yield trunk, "", len(trunk), (len(trunk),)
    if first != "0" or _phone.keeps_leading_zero(country_code):
        # Else a leading 0 is a trunk prefix, not the start of the national number.
        yield "", "", 0, ()


# --- Invalid input ---------------------------------------------------------------------------


def on_invalid(
    digits: str,
    plus: bool,
    hint: str | None,
    parsed: _phone.Parsed | None,
    typing: Typing = Typing(),  # noqa: B008 - an immutable, empty default
) -> Verdict | None:
    """Find what the person meant by digits that are no valid number as typed.

    Args:
        digits: The typed digits, international prefix and trunk prefix included.
        plus: Whether a ``+`` was typed.
        hint: The region hint.
        parsed: phonenumbers' (invalid) reading, or ``None`` when it could not parse at all.
        typing: How the digits were typed.
    """
    if len(digits) < _MIN_DIGITS:
        return None
    search = Search(hint, typing)
    own = 0 if hint is None else _phone.country_code_for_region(hint)
    international: tuple[int, str, int] | None = None  # country code, rest, digits before it
    if plus:
        split = _phone.split_country_code(digits)
        if split is None:
            # "+00 44…", "+8 10 44…": an international prefix after the plus.
            _as_international(search, digits, after_plus=True)
        else:
            international = (*split, 0)
    elif parsed is not None and parsed.from_text and hint is not None:
        idd = _phone.international_prefix_length(hint, digits)
        split = _phone.split_country_code(digits[idd:])
        if split is not None:
            international = (*split, idd)
    # The plan a mistyped number most likely belongs to: the one typed, else the form's.
    frame: tuple[int, str, tuple[int, ...]] | None = None
    local: _phone.Parsed | None = None  # a local number of the form's plan, area code left out
    if international is not None:
        country_code, after, idd = international
        _international_rewrites(search, country_code, after, idd)
        frame = (country_code, *_typed_national(country_code, after, idd))
        _slips(search, *frame)
    if plus and hint is not None and own and (international is None or international[0] != own):
        _national_after_plus(search, digits, hint, own)
    if not plus:
        if hint is not None and international is None:
            if parsed is not None and _local_only(parsed):
                # A local number dialled without its area code: no digit of it is doubted,
                # but what else the digits read as is still weighed against it (below).
                local = parsed
            else:
                _national_rewrites(search, digits, hint, own)
                frame = (own, *_typed_national_under(hint, digits, parsed))
                _slips(search, *frame)
        _as_international(search, digits)
        if hint is not None:
            # Also when the form's own international prefix was read: "0991 234 574" on a
            # Mexican form is 00 91… to phonenumbers, and a Congolese mobile to its owner.
            _foreign_national(search, digits, own)
    if local is not None:
        # Added after the search, so that no other reading is left unread for being
        # negligible beside it: the report keeps its local_only diagnostic, with them.
        _area_code_left_out(search, own, local)
    if frame is None:
        other = _model.unexplained(
            _home(hint),
            len(digits),
            (_model.P_MOBILE, _model.P_MOBILE),
            same_length_possible=True,
            groups=search.free_groups(len(digits)),
        )
    else:
        country_code, national, prefix = frame
        other = _model.unexplained(
            _model.region_prior(country_code, hint),
            len(national),
            (search.valid_share(same_length=False), search.valid_share(same_length=True)),
            same_length_possible=len(national) in _phone.possible_lengths(country_code, None),
            groups=search.plan_groups(country_code, len(national), prefix),
        )
    plan = None if frame is None else frame[0]
    return _verdict(search.conclude(other), hint, stand=plus or hint is not None, plan=plan)


def without_region(digits: str, typing: Typing = Typing()) -> Verdict | None:  # noqa: B008
    """Readings of digits typed without ``+`` when there is no region hint to read them by.

    The digits with a ``+`` before them (or after another country's ``00``), and every
    country's national number they are as its plan writes it, each region weighed by its
    population share. A national reading is a claim about a country the digits do not
    carry: it is suggested only when it has a majority, as a foreign reading under a form
    is named only then (``8 916 123-45-67`` is Russian; ``555-1234`` is nobody's in
    particular).
    """
    if len(digits) < _MIN_DIGITS:
        return None
    search = Search(None, typing)
    _as_international(search, digits)
    _foreign_national(search, digits, 0)
    other = _model.unexplained(
        1.0,
        len(digits),
        (_model.P_MOBILE, _model.P_MOBILE),
        same_length_possible=True,
        groups=search.free_groups(len(digits)),
    )
    verdict = _verdict(search.conclude(other), None, stand=True)
    if verdict is None:
        return None
    national = [s for s in verdict.suggestions if s.reason is Code.MISSING_COUNTRY_CODE]
    if national and national[0].confidence < _FOREIGN_MAJORITY:
        kept = tuple(s for s in verdict.suggestions if s.reason is not Code.MISSING_COUNTRY_CODE)
        verdict = attrs.evolve(verdict, suggestions=kept)
    if verdict.number is not None and verdict.findings[0].code is Code.WRONG_INTERNATIONAL_PREFIX:
        # "0049 1512 3456788": the country code is there, after the prefix that dials abroad
        # (00 in most of the world, 011 in North America); read it as +49, with a warning.
        return verdict
    # Otherwise, without a region, "missing country code" stays the error: the caller's
    # contract is a +, and digits without one may be a national number of any country.
    findings = tuple(f for f in verdict.findings if f.code is not Code.MISSING_COUNTRY_CODE)
    return attrs.evolve(verdict, findings=findings, number=None, explained=False)


def _area_code_left_out(search: Search, own: int, parsed: _phone.Parsed) -> None:
    """The hypothesis that the digits are a local number of the form's plan, its area code left out.

    A mistake in how the number was written (``STRUCTURAL``), of a fixed line (local dialling
    is a landline habit), spread over the ``10**-L`` numbers of the local number's own length:
    as if every area code completed it, the most this hypothesis can weigh. Its groups follow
    the plan's format when they are the last groups of one of the plan's example numbers
    (``555-1234`` of ``(201) 555-0123``).
    """
    local = len(parsed.national_number)
    bounds = search.typing.bounds
    tails = [
        separators[len(separators) - len(bounds) :] if bounds else ()
        for length, own_bounds, separators, _layouts in _phone.example_bounds(own)
        if length > local
        and sorted(bounds) == [b - (length - local) for b in own_bounds if b > length - local]
    ]
    exact = best_separators_match(search.typing, (), tails)
    search.units += 1
    score = (
        _model.region_prior(own, search.hint)
        * _model.line_type_prior(LineType.FIXED_LINE)
        * _local_share(own, search.hint, local)
        * _model.STRUCTURAL
        * _model.grouping(local, bounds, match=bool(tails), separators=exact)
    )
    search.add(Part(Code.LOCAL_ONLY, score, None, (), search.units))


def _local_share(country_code: int, region: str | None, local: int) -> float:
    """``_model.density`` of a local number: the plan's fixed lines as sparse as in full.

    The full number is not known (its area code was left out): its ``local`` digits are
    counted among ``10**local`` strings, over the share of the region's strings of its
    landlines' example length that are its landlines (as if every area code completed it,
    each full number one of that many).
    """
    length = _phone.example_length(country_code, region, LineType.FIXED_LINE) or local
    count = _phone.plan_size(country_code, region, LineType.FIXED_LINE, length)
    sparsity = count / 10.0**length if count else 1.0
    return 10.0**-local / sparsity


def _local_only(parsed: _phone.Parsed) -> bool:
    return _phone.read(parsed).possibility == _phone.Possibility.LOCAL_ONLY


def _typed_national(country_code: int, after: str, idd: int) -> tuple[str, tuple[int, ...]]:
    """The national number as typed after a country code, the trunk phonenumbers drops removed."""
    cc = len(str(country_code))
    trunk = _trunk_of(country_code)
    lengths = _phone.possible_lengths(country_code, None)
    if (
        trunk
        and after.startswith(trunk)
        and len(after) not in lengths
        and len(after) - len(trunk) in lengths
    ):
        return after[len(trunk) :], _nonzero(idd, cc, len(trunk))
    return after, _nonzero(idd, cc)


def _typed_national_under(
    hint: str, digits: str, parsed: _phone.Parsed | None
) -> tuple[str, tuple[int, ...]]:
    """The national number as typed under the form's region, its trunk prefix removed.

    A trunk written longer than it is dialled (Belarus dials ``8`` and writes ``8 0``) is two
    prefix parts, as on valid input (:func:`_trunk_typed`).
    """
    trunk = _phone.national_prefix(hint)
    if trunk and digits.startswith(trunk):
        for prefix in _written(_phone.country_code_for_region(hint)):
            if len(prefix) > len(trunk) and prefix.startswith(trunk) and digits.startswith(prefix):
                return digits[len(prefix) :], (len(trunk), len(prefix) - len(trunk))
        return digits[len(trunk) :], (len(trunk),)
    if parsed is not None and digits.endswith(parsed.national_number):
        head = len(digits) - len(parsed.national_number)
        return parsed.national_number, _nonzero(head)
    return digits, ()


def _nonzero(*sizes: int) -> tuple[int, ...]:
    return tuple(size for size in sizes if size)


def _international_rewrites(search: Search, country_code: int, after: str, idd: int) -> None:
    """Rewrites of what follows a country code typed with ``+`` or an international prefix."""
    country = str(country_code)
    cc = len(country)
    trunk = _trunk_of(country_code)
    rate = _model.STRUCTURAL
    if after.startswith(country):
        params: Params = (("country_code", country),)
        rest = after[cc:]
        code = Code.DUPLICATED_COUNTRY_CODE
        search.offer(country_code, rest, code, rate, _nonzero(idd, cc, cc), params)
        if trunk and rest.startswith(trunk):
            search.offer(
                country_code,
                rest[len(trunk) :],
                code,
                rate,
                _nonzero(idd, cc, cc, len(trunk)),
                params,
            )
    if trunk and after.startswith(trunk):
        search.offer(
            country_code,
            after[len(trunk) :],
            Code.TRUNK_PREFIX_AFTER_COUNTRY_CODE,
            rate,
            _nonzero(idd, cc, len(trunk)),
            (("prefix", trunk),),
        )
    for rewrite in legacy_rewrites(country_code, after):
        search.offer(
            country_code,
            rewrite.national_number,
            Code.LEGACY_PREFIX,
            rate,
            _nonzero(idd, cc),
            _legacy_params(rewrite.rule.retired, rewrite.rule.description),
            _shift(after, rewrite.national_number),
        )
    if not after.startswith("0") and _phone.keeps_leading_zero(country_code):
        region = _phone.region_for_country_code(country_code) or f"+{country_code}"
        search.offer(
            country_code,
            "0" + after,
            Code.MISSING_LEADING_ZERO,
            rate,
            _nonzero(idd, cc),
            (("region", region),),
            -1,
        )


def _shift(typed: str, rewritten: str) -> int:
    """How a one-digit rewrite changed the length: -1 when it added a digit, +1 when it took one.

    Rewrites that change more than one digit or keep the length compare groups as typed.
    """
    change = len(typed) - len(rewritten)
    return change if abs(change) == 1 else 0


def _legacy_params(retired: str, description: str) -> Params:
    return (("retired", retired), ("description", description))


def _national_rewrites(search: Search, digits: str, hint: str, own: int) -> None:
    """The form country's own: its retired national formats, and a trunk ``0`` it never dials."""
    for rewrite in legacy_national_rewrites(hint, digits):
        search.offer(
            own,
            rewrite.national_number,
            Code.LEGACY_PREFIX,
            _model.STRUCTURAL,
            (),
            _legacy_params(rewrite.rule.retired, rewrite.rule.description),
            _shift(digits, rewrite.national_number),
        )
    if _phone.national_prefix(hint) is None and digits.startswith("0"):
        # A trunk 0 typed out of habit in a region that dials none (per the metadata): the
        # commonest trunk prefix of the world, a writing mistake rather than a random slip.
        search.offer(own, digits[1:], Code.EXTRA_DIGIT, _model.STRUCTURAL, (1,))


def _national_after_plus(search: Search, digits: str, hint: str, own: int) -> _phone.Reading | None:
    """``+07911 123456`` on a British form: the form's national number after a ``+``.

    Forms often show the ``+`` themselves, and people type their number as they write it at
    home after it, country code left out (with their trunk prefix, or without). A mistake in
    how the number was written, like a missing ``+``: it gets the same rate. Returns the
    valid reading of the digits as they are, else the one with a typed trunk prefix taken off
    (``None`` when neither is valid).
    """
    params = _after_plus_params(hint, own)
    code = Code.NATIONAL_NUMBER_AFTER_PLUS
    found = None
    # The trunk prefix as the form region's metadata strips it (Belarus writes "8 0").
    # Argentina's "0 11 15 2345-6789" is rewritten to 9 11 2345 6789: no prefix parts then.
    parsed = _phone.parse(digits, plus=False, region=hint)
    if (
        not isinstance(parsed, _phone.ParseFailure)
        and not parsed.from_text
        and parsed.stripped_trunk_prefix
    ):
        typed = digits.endswith(parsed.national_number)
        prefix = _trunk_typed(hint, digits, parsed) if typed else ()
        found = search.offer(own, parsed.national_number, code, _model.STRUCTURAL, prefix, params)
    if _country_code_group(search.typing, digits) and not _in_own_layout(search, own, digits):
        return found
    return search.offer(own, digits, code, _model.STRUCTURAL, (), params) or found


def _in_own_layout(search: Search, country_code: int, national: str) -> bool:
    reading = _phone.reading_of(country_code, national, reasons=False)
    return reading.valid and layout_fit(search.typing.bounds, (), reading, 0) is not None


def _country_code_group(typing: Typing, digits: str) -> bool:
    """Whether the digits start with a country code typed as a group of its own.

    ``+57 1 2265858`` on a German form is a number written internationally, as ITU-T E.123
    writes one: the country code, then a space; not the German ``05712 265858`` after a
    ``+``, typed without its trunk and in no German layout. (Where the groups are the form's
    own layout, ``+222 123 463`` on an Angolan form, the national reading stays: 222 is also
    Mauritania's code.) Brackets mark an area code (E.123's national notation), so
    ``+(268) 464-1241`` on an Antiguan form is never one, though 268 is Eswatini's code.
    """
    split = _phone.split_country_code(digits)
    if split is None:
        return False
    end = len(str(split[0]))
    bounds = sorted(typing.bounds)
    if end not in bounds:
        return False
    at = bounds.index(end)
    return at >= len(typing.separators) or typing.separators[at] != ")"


def _after_plus_params(hint: str, own: int) -> Params:
    return (("region", hint), ("country_code", str(own)))


#: The posterior a foreign reading needs to be named in the headline: a majority. A decision
#: threshold, like :data:`_STAND_BEHIND`.
_FOREIGN_MAJORITY: Final = 0.5
#: A slip headline also says how many digits are missing or extra, as a length diagnostic.
_SLIP_LENGTH: Final = {
    Code.MISSING_DIGIT: (Code.TOO_SHORT, "missing"),
    Code.EXTRA_DIGIT: (Code.TOO_LONG, "extra"),
    Code.DOUBLED_DIGIT: (Code.TOO_LONG, "extra"),
}


def _verdict(
    belief: Belief | None, hint: str | None, *, stand: bool, plan: int | None = None
) -> Verdict | None:
    if belief is None:
        return None
    suggestions = belief.suggestions()
    unexplained = 1 - sum(p.score for p in belief.parts) / belief.total
    # The headline is the likeliest hypothesis, but another country is named only when its
    # reading is likelier than everything else together: telling a person their number is
    # foreign when it is probably theirs, mistyped, is the costliest answer there is.
    top, posterior = next(
        (
            (part, share)
            for part, share in belief.hypotheses()
            if part.code is not Code.REGION_MISMATCH or share >= _FOREIGN_MAJORITY
        ),
        (None, 0.0),
    )
    if top is None or top.code in (None, Code.LOCAL_ONLY) or posterior < unexplained:
        # No enumerated mistake is likelier than one we did not enumerate: say nothing more
        # than the generic diagnostic, but show what the readings are worth.
        return Verdict(suggestions=suggestions)
    number = None
    if (
        top.code in _STANDABLE
        and top.reading is not None
        and belief.posterior(top.reading) >= _STAND_BEHIND
        and stand
    ):
        number = top.reading
    params = top.params
    if top.code is Code.REGION_MISMATCH and hint is not None and top.reading is not None:
        params = (("region", hint), ("other_region", _region_name(top.reading)))
    findings = [Finding(top.code, params)]
    if top.reading is not None:
        suggestions = belief.suggestions(keep=top.reading)
    length = _SLIP_LENGTH.get(top.code)
    if length is not None and plan is not None:
        same = hint is not None and _phone.country_code_for_region(hint) == plan
        region = (hint if same else None) or _phone.region_for_country_code(plan) or f"+{plan}"
        findings.append(Finding(length[0], (("region", region), (length[1], 1))))
    return Verdict(
        findings=tuple(findings),
        suggestions=suggestions,
        number=number,
        explained=top.code in _EXPLAINS_INVALID or length is not None,
    )
