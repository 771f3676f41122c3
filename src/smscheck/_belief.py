"""Scored hypotheses under a budget, and the posterior over them.

A :class:`Search` validates rewrites of the typed digits through ``_phone`` (a cheap pattern
test first, then a full reading), scores each valid one with ``_model``'s formula and keeps it
as a :class:`Part`. Its :class:`Belief` normalises the scores, with the mass of the mistakes
not enumerated, into posteriors. The work is bounded: at most :data:`MAX_HYPOTHESES` pattern
tests and :data:`MAX_READINGS` readings per input, whatever the input.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Final

import attrs

from . import _model, _phone
from ._codes import Code, LineType
from ._report import Suggestion
from ._typing import (
    Typing,
    best_separators_match,
    inner_bounds,
    layout_fit,
    separators_match,
    sizes_fit,
)

if TYPE_CHECKING:
    from ._normalize import Params

__all__ = ["MAX_HYPOTHESES", "MAX_READINGS", "SLIPS", "Belief", "Part", "Search"]

#: Rewrites given the cheap pattern test per input (each about 1 µs).
MAX_HYPOTHESES: Final = 600
#: Rewrites validated against the numbering plan per input (each about 6-15 µs; one under
#: +1, whose 25 regions are screened by their leading digits, counts as two).
MAX_READINGS: Final = 96
#: A reading whose best possible score is under this share of the mass found so far is
#: not validated: it could move no confidence by more than this. A cost bound, not a weight.
_NEGLIGIBLE: Final = 1e-3
#: Suggestions shown at most.
_MAX_SUGGESTIONS: Final = 5
#: The digit-slip codes: their parts are grouped into one hypothesis per slip kind.
SLIPS: Final = frozenset(
    {Code.MISSING_DIGIT, Code.EXTRA_DIGIT, Code.DOUBLED_DIGIT, Code.TRANSPOSED_DIGITS}
)


@attrs.define
class Part:
    """One hypothesis' share of belief: a reading (or a whole slip class) and a mistake."""

    code: Code | None  # None: the text as typed, no mistake
    score: float
    reading: _phone.Reading | None = None  # None: a slip class too large to list
    params: Params = ()
    unit: int = 0  # parts of one slip class share a unit; others have their own


class Search:
    """Bounded generate-and-score: every reading goes through :meth:`offer`."""

    __slots__ = (
        "found",
        "groups_bound",
        "hint",
        "home_code",
        "hypotheses",
        "offered",
        "other",
        "parts",
        "readings",
        "shares",
        "typing",
        "units",
    )

    def __init__(self, hint: str | None, typing: Typing) -> None:
        self.hint = hint
        #: The form's country code (0 without a form region).
        self.home_code = 0 if hint is None else _phone.country_code_for_region(hint)
        self.typing = typing
        #: The most any reading's grouping likelihood can be for this typing.
        self.groups_bound = _model.most_grouping(typing.bounds, typing.separators)
        self.hypotheses = 0
        self.readings = 0
        self.units = 0
        #: The mass of every part found so far, and of the unnamed substitutions.
        self.found = 0.0
        #: Mass of hypotheses scored but never named (substituted digits).
        self.other = 0.0
        #: Neighbours of the typed number looked at, and how many are valid (sampled): of the
        #: same length, and one digit longer or shorter.
        self.shares = {0: [0.0, 0.0], 1: [0.0, 0.0]}
        self.parts: list[Part] = []
        #: Rewrites already offered: one intended number typed one way is one hypothesis,
        #: however many generators reach it.
        self.offered: set[tuple[int, str, Code | None]] = set()

    # -- budget --------------------------------------------------------------------------

    def test(self, country_code: int, national: str) -> bool:
        """The cheap pattern test, counted against the budget."""
        if not national or len(national) > 17 or self.hypotheses >= MAX_HYPOTHESES:
            return False
        self.hypotheses += 1
        return _phone.plausible(country_code, national)

    def read(self, country_code: int, national: str) -> _phone.Reading | None:
        """Validate a rewrite that passed :meth:`test`; ``None`` when invalid or over budget."""
        if self.readings >= MAX_READINGS:
            return None
        self.readings += _read_cost(country_code)
        reading = _phone.reading_of(country_code, national, reasons=False)
        return reading if reading.valid else None

    def worth(self, bound: float) -> bool:
        """Whether a reading that could score at most ``bound`` may still matter.

        ``bound`` leaves out the grouping likelihood, which may exceed 1 (separators typed as
        a format writes them): it is multiplied by the most that likelihood can be here.
        """
        return bound * self.groups_bound >= _NEGLIGIBLE * self.found

    # -- scoring -------------------------------------------------------------------------

    def score(self, reading: _phone.Reading, rate: float, groups: float) -> float:
        """``_model``'s formula for one intended number."""
        return (
            _model.region_prior(reading.parsed.country_code, self.hint, self._region_of(reading))
            * _model.line_type_prior(reading.line_type)
            * share_of(reading)
            * rate
            * groups
        )

    def _region_of(self, reading: _phone.Reading) -> str | None:
        """The region whose prior a reading gets; ``None``: its whole code's.

        The form's code is the form's numbering space: every number of it gets the code's
        prior (a Grenada number typed on a US form is the form's +1 reading, and the
        Vatican's mobiles are Italy's). Under another shared code, the reading's own
        region's: a Barbados number on an Indonesian form is as rare as Barbadians.
        """
        code = reading.parsed.country_code
        return None if code == self.home_code else reading.region

    def groups(self, reading: _phone.Reading, prefix: tuple[int, ...], shift: int = 0) -> float:
        """The grouping likelihood of the typed text read as ``prefix`` digits then ``reading``.

        ``prefix`` lists the lengths of the parts typed before the national number (an
        international prefix, a country code, a trunk prefix); ``shift`` is how many digits
        a slip took away (-1) or added (+1), anywhere in the national number.
        """
        bounds = self.typing.bounds
        if not bounds:
            return 1.0
        digits = sum(prefix) + len(reading.parsed.national_number) + shift
        fit = layout_fit(bounds, prefix, reading, shift)
        if fit is None:
            return _model.grouping(digits, bounds, match=False)
        exact = separators_match(self.typing, prefix, fit.separators)
        return _model.grouping(digits, bounds, match=True, separators=exact, layouts=fit.layouts)

    def plan_groups(self, country_code: int, national: int, prefix: tuple[int, ...]) -> float:
        """The grouping likelihood of a number of this plan that the search did not enumerate.

        Compared with how the metadata's example numbers are written: the typed groups fit the
        plan's format (a digit slip allowed) or they do not.
        """
        bounds = self.typing.bounds
        if not bounds:
            return 1.0
        inner = inner_bounds(bounds, prefix)
        digits = sum(prefix) + national
        if inner is None:
            return _model.grouping(digits, bounds, match=False)
        if not inner:
            return _model.grouping(digits, bounds, match=True)
        fitting = [
            (separators, layouts)
            for length, own, separators, layouts in _phone.example_bounds(country_code)
            if abs(national - length) <= 1
            and sizes_fit(inner, list(own), length, national - length)
        ]
        if not fitting:
            return _model.grouping(digits, bounds, match=False)
        exact = best_separators_match(self.typing, prefix, [seps for seps, _ in fitting])
        layouts = min(layouts for _, layouts in fitting)
        return _model.grouping(digits, bounds, match=True, separators=exact, layouts=layouts)

    def free_groups(self, digits: int) -> float:
        """The grouping likelihood of a number whose format is not known: any cut."""
        return _model.grouping(digits, self.typing.bounds, match=False)

    def add(self, part: Part) -> None:
        """Keep a named hypothesis."""
        self.parts.append(part)
        self.found += part.score

    def add_unnamed(self, mass: float) -> None:
        """Count the mass of hypotheses that are scored but never named (substitutions)."""
        self.other += mass
        self.found += mass

    def offer(  # noqa: PLR0913, PLR0917 - one hypothesis, described
        self,
        country_code: int,
        national: str,
        code: Code | None,
        rate: float,
        prefix: tuple[int, ...] = (),
        params: Params = (),
        shift: int = 0,
        written: str | None = None,
    ) -> _phone.Reading | None:
        """Score one rewrite; keep it when valid.

        ``shift`` is how many digits shorter (-1) or longer the national number was typed
        than the rewrite reads it (a retired format, Italy's missing ``0``), for comparing
        the typed groups. ``written``, when given, is the prefix typed before a national
        number: the rewrite is kept only if its plan writes that prefix before it.
        """
        key = (country_code, national, code)
        if key in self.offered:
            return None
        self.offered.add(key)
        if not self.test(country_code, national):
            return None
        reading = self.read(country_code, national)
        if reading is None:
            return None
        if written is not None and _phone.written_prefix(country_code, national) != written:
            return None
        self.units += 1
        score = self.score(reading, rate, self.groups(reading, prefix, shift))
        self.add(Part(code, score, reading, params, self.units))
        return reading

    # -- conclusion ----------------------------------------------------------------------

    def valid_share(self, same_length: bool) -> float:
        """The prior mass of the typed number's one-digit neighbours, per neighbour, as sampled.

        Each valid neighbour counts its line-type prior, each invalid one 0. The rarer
        mistakes (``_model.unexplained``) land on neighbours further away; their mass is taken
        to be the same. Laplace's rule of succession adds one valid mobile and one invalid
        neighbour, so that a few neighbours seen never make it 0.
        """
        seen, valid = self.shares[0 if same_length else 1]
        return (valid + _model.P_MOBILE) / (seen + 2)

    def conclude(self, other: float) -> Belief | None:
        if not self.parts:
            return None
        return Belief(self.parts, sum(p.score for p in self.parts) + other + self.other)


@attrs.frozen
class Belief:
    """The posterior over the hypotheses found."""

    parts: list[Part]
    total: float

    def hypotheses(self) -> list[tuple[Part, float]]:
        """Every hypothesis with its posterior, most likely first.

        A slip class counts as one hypothesis, named by its aggregate part when it has one
        (too many completions to list), else by its likeliest completion; any other reading
        counts once per mistake.
        """
        mass: dict[tuple[int, Code | None], float] = {}
        named: dict[tuple[int, Code | None], Part] = {}
        for part in self.parts:
            key = (part.unit, None if part.code in SLIPS else part.code)
            mass[key] = mass.get(key, 0.0) + part.score
            best = named.get(key)
            if best is None or (
                best.reading is not None and (part.reading is None or part.score > best.score)
            ):
                named[key] = part
        keys = sorted(mass, key=lambda k: (-mass[k], k[0]))
        return [(named[key], mass[key] / self.total) for key in keys]

    def numbers(self) -> list[tuple[_phone.Reading, Code | None, float]]:
        """Every listed reading with its likeliest mistake and posterior, best first."""
        found: dict[str, tuple[_phone.Reading, Part, float]] = {}
        for part in self.parts:
            if part.reading is None:
                continue
            e164 = part.reading.e164
            known = found.get(e164)
            if known is None:
                found[e164] = (part.reading, part, part.score)
            else:
                best = part if part.score > known[1].score else known[1]
                found[e164] = (known[0], best, known[2] + part.score)
        ranked = sorted(found.values(), key=lambda f: (-f[2], f[0].e164))
        return [(reading, part.code, score / self.total) for reading, part, score in ranked]

    def posterior(self, reading: _phone.Reading) -> float:
        """The posterior of ``reading``'s number: every hypothesis that reads it, summed.

        By number, as :meth:`numbers` ranks them: ``1-650-253-0000`` on a British form is the
        same +1 number with its + missing and as a North American number typed nationally.
        """
        e164 = reading.e164
        found = (p.score for p in self.parts if p.reading is not None and p.reading.e164 == e164)
        return sum(found) / self.total

    def suggestions(
        self, skip: _phone.Reading | None = None, keep: _phone.Reading | None = None
    ) -> tuple[Suggestion, ...]:
        """The readings, likeliest first, at most ``_MAX_SUGGESTIONS``, but never ``skip``.

        ``keep`` (the headline's reading) is listed even when others outrank it, in the last
        place: a report that says "one digit too many" shows which number it means.
        """
        out: list[Suggestion] = []
        kept: Suggestion | None = None
        for reading, code, posterior in self.numbers():
            if reading is skip or round(posterior, 2) == 0:
                continue
            reason = Code.AMBIGUOUS_NUMBER if code is None else code
            found = Suggestion(reading.e164, reason, round(posterior, 2), reading.line_type)
            out.append(found)
            if reading is keep:
                kept = found
        listed = out[:_MAX_SUGGESTIONS]
        if kept is not None and kept not in listed:
            listed[-1] = kept
        return tuple(listed)


@functools.cache
def _read_cost(country_code: int) -> int:
    """Budget units of one reading: a code of 16 regions or more counts as two.

    The other regions of a shared code are screened by their leading digits, so a reading
    under +1 (25 regions) costs about twice one under a code of one region (measured on
    random digits: 14 against 6-9 µs); one under +44 or +7 about the same.
    """
    return 1 + len(_phone.regions_for_country_code(country_code)) // 16


def share_of(reading: _phone.Reading) -> float:
    """``_model.density`` of a reading: one over how many numbers it is counted among.

    A number of a kind that is not a subscriber's line (toll-free, premium-rate, personal,
    UAN, ...) is counted among the region's fixed lines as well as its own kind: it gets the
    fixed-line prior (``_model.line_type_prior``), and is never likelier than a fixed line.
    """
    length = _phone.counted_length(reading)
    code, region, kind = reading.parsed.country_code, reading.region, reading.line_type
    size = _phone.plan_size(code, region, kind, length)
    if kind not in _LINES:
        size += _phone.fixed_line_size(code, region)
    return _model.density(size, length)


_LINES: Final = frozenset({LineType.MOBILE, LineType.FIXED_LINE, LineType.FIXED_LINE_OR_MOBILE})
