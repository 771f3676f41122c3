"""How well smscheck names typing mistakes and recovers the intended number, vs phonenumbers.

Run:  python benchmarks/accuracy.py --write docs/accuracy.md

The same run also measures the targets under another prior for the person's region, every
region equally (``--prior uniform``, in a second interpreter so that no cache of the shipped
model leaks into it): the corpus's own draw, to show what the population prior costs and buys.

The corpus is generated here, deterministically, from phonenumbers' metadata: for every region in
``phonenumbers.SUPPORTED_REGIONS``, valid mobile and fixed-line numbers near the metadata's
example numbers (the example with its last two digits stepped, valid variants kept), written the
ways people write them (E.164, international, national), then each mistake class applied.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import subprocess
import sys
import zlib
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import phonenumbers
from phonenumbers import PhoneMetadata, PhoneNumberFormat, PhoneNumberType

import smscheck
from smscheck import Severity, _model
from smscheck._codes import TYPO_CODES
from smscheck._legacy_prefixes import VN_MOBILE_CODES
from smscheck._model import _populations

if TYPE_CHECKING:
    from collections.abc import Iterator

_VARIANTS = 3  # numbers per region and line type
_FORM_REGIONS = (
    "US",
    "GB",
    "DE",
    "FR",
    "RU",
    "IN",
    "BR",
    "MX",
    "ES",
    "IT",
    "NG",
    "ID",
    "AU",
    "CN",
    "JP",
    "TR",
    "PL",
    "UA",
    "KZ",
    "EG",
    "ZA",
    "AR",
    "CA",
    "PH",
)
_LOOKALIKES = (
    ("0", "O"),
    ("1", "l"),
    ("0", "\u041e"),
    ("1", "I"),
    ("3", "\u0417"),
    ("0", "o"),
    ("1", "|"),
)
CLASSES = (
    "valid",
    "trunk_prefix_after_country_code",
    "duplicated_country_code",
    "missing_plus",
    "wrong_international_prefix",
    "lookalike_characters",
    "legacy_prefix",
    "missing_leading_zero",
    "national_number_after_plus",
    "trunkless_national",
    "own_code_without_plus",
    "national_missing_digit",
    "national_extra_digit",
    "region_mismatch",
    "foreign_valid_signal",
    "foreign_valid_no_signal",
    "national_no_region",
    "missing_digit",
    "extra_digit",
    "doubled_digit",
    "transposed_digits",
)
#: Mistakes in how a number is written (structural: the rewrite that undoes them is exact).
STRUCTURAL = frozenset(CLASSES[1:9])
#: One-digit slips in a national number typed under the right hint.
NATIONAL_SLIPS = frozenset({"national_missing_digit", "national_extra_digit"})
#: Classes whose input names the form's own number (top-1 target 97 %).
OWN = frozenset({"trunkless_national", "own_code_without_plus"})
#: The slip codes and the length codes that say a digit is missing or extra.
_SAYS_SLIP = {
    "national_missing_digit": frozenset({"missing_digit", "too_short"}),
    "national_extra_digit": frozenset({"extra_digit", "doubled_digit", "too_long"}),
}
#: Splits: regions whose CRC-32 is odd are held out. Nothing in smscheck was looked at or
#: changed against them; every figure in docs/accuracy.md is computed on them alone.
SPLITS = ("held_out", "development")


def split_of(region: str) -> str:
    """The split a region's numbers belong to."""
    return SPLITS[0] if zlib.crc32(region.encode()) % 2 else SPLITS[1]


@dataclass(frozen=True)
class Case:
    """One corpus entry: what was typed, in which form, and what was meant."""

    kind: str
    text: str
    region: str | None
    intended: str
    split: str = "held_out"


def _pick(seed: str, options: tuple[str, ...] | list[str]) -> str:
    return options[zlib.crc32(seed.encode()) % len(options)]


def _numbers() -> Iterator[tuple[str, phonenumbers.PhoneNumber]]:
    """Valid mobile and fixed numbers near each region's example numbers."""
    for region in sorted(phonenumbers.SUPPORTED_REGIONS):
        seen: set[str] = set()
        for kind in (PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE):
            example = phonenumbers.example_number_for_type(region, kind)
            if example is None:
                continue
            nsn = phonenumbers.national_significant_number(example)
            found = 0
            for step in range(1, 40):
                tail = f"{(int(nsn[-2:]) + 7 * step) % 100:02d}"
                candidate = phonenumbers.parse(f"+{example.country_code}{nsn[:-2]}{tail}")
                e164 = phonenumbers.format_number(candidate, PhoneNumberFormat.E164)
                if (
                    e164 in seen
                    or not phonenumbers.is_valid_number_for_region(candidate, region)
                    or phonenumbers.number_type(candidate) not in (kind, 2)
                ):
                    continue
                seen.add(e164)
                yield region, candidate
                found += 1
                if found == _VARIANTS:
                    break


def _valid_under(text: str, region: str | None) -> str | None:
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, PhoneNumberFormat.E164)


def _idds() -> list[str]:
    found: set[str] = set()
    for region in phonenumbers.SUPPORTED_REGIONS:
        metadata = PhoneMetadata.metadata_for_region(region)
        if metadata is None:
            continue
        preferred = metadata.preferred_international_prefix
        if preferred:
            found.add(preferred)
        elif (prefix := metadata.international_prefix) and prefix.isdigit() and len(prefix) > 1:
            found.add(prefix)
    return sorted(found)


def _own_idd(region: str, digits: str) -> bool:
    metadata = PhoneMetadata.metadata_for_region(region)
    pattern = None if metadata is None else metadata.international_prefix
    return pattern is not None and re.match(pattern, digits) is not None


def corpus(split: str | None = None) -> Iterator[Case]:
    """Every case, in a fixed order; only one split's when ``split`` is given."""
    for region, number in _numbers():
        where = split_of(region)
        if split is None or split == where:
            for case in _cases(region, number):
                yield Case(case.kind, case.text, case.region, case.intended, where)


def _cases(region: str, number: phonenumbers.PhoneNumber) -> Iterator[Case]:
    idds = _idds()
    e164 = phonenumbers.format_number(number, PhoneNumberFormat.E164)
    intl = phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)
    cc = str(number.country_code)
    nsn = phonenumbers.national_significant_number(number)
    national = _as_people_write(
        phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL), nsn, e164
    )
    rest = intl[len(cc) + 2 :]  # the international format after "+CC "
    yield Case("valid", e164, region, e164)
    yield Case("valid", intl, region, e164)
    yield Case("valid", national, region, e164)
    trunk = PhoneMetadata.metadata_for_region(region).national_prefix  # type: ignore[union-attr]
    if trunk and not nsn.startswith(trunk):
        yield Case("trunk_prefix_after_country_code", f"+{cc} ({trunk}){rest}", None, e164)
    yield Case("duplicated_country_code", f"+{cc} {cc} {rest}", None, e164)
    yield from _own(region, national, trunk, cc, rest, e164)
    yield from _national_slips(region, national, nsn, e164)
    form = _pick(e164, [r for r in _FORM_REGIONS if r != region])
    other_cc = phonenumbers.country_code_for_region(form)
    if other_cc != number.country_code:
        text = f"{cc} {rest}"
        if not _valid_under(text, form):
            yield Case("missing_plus", text, form, e164)
        yield Case("missing_plus", text, None, e164)
        if not national.startswith("+"):
            yield from _foreign_cases(national, form, e164)
    plain = re.sub(r"[^0-9]", "", national)
    if not national.startswith("+") and not any(plain.startswith(p.replace("~", "")) for p in idds):
        # No form at all: only a suggestion can say which country's national number it is.
        yield Case("national_no_region", national, None, e164)
    prefix = _pick(e164 + "idd", idds)
    dialled = prefix.replace("~", "")
    idd_form = _pick(
        e164 + "form",
        [r for r in _FORM_REGIONS if not _own_idd(r, dialled + cc + nsn) and r != region],
    )
    yield Case("wrong_international_prefix", f"{prefix} {cc} {rest}", idd_form, e164)
    for digit, letter in _LOOKALIKES[zlib.crc32(e164.encode()) % len(_LOOKALIKES) :]:
        index = intl.find(digit, len(cc) + 2)
        if index > 0:
            yield Case(
                "lookalike_characters", intl[:index] + letter + intl[index + 1 :], region, e164
            )
            break
    yield from _legacy(region, number, e164, nsn)
    dropped = f"+{cc} {nsn[1:]}"
    if (
        nsn.startswith("0")
        and not (trunk and nsn.startswith(trunk))
        and _valid_under(dropped, None) is None  # else the mistake cannot be seen
    ):
        yield Case("missing_leading_zero", dropped, None, e164)
    yield from _slips(region, e164, cc, nsn)


def _as_people_write(national: str, nsn: str, e164: str) -> str:
    """The national format, or for half the numbers its area code then the rest in one block.

    ITU-T E.123 shows a number's parts (area code, subscriber number) as separate groups and
    leaves the grouping inside the subscriber number to national custom: ``02 36618300`` is
    as common a way to write Milan's ``02 3661 8300`` as the metadata's. No source counts
    which is more common, so each number is written one way or the other, picked by a hash
    (the model's own assumption, ``_model.FOLLOWS_FORMAT``). Numbers whose format writes two
    groups or fewer after any trunk digits are already written that way.
    """
    if zlib.crc32(("layout" + e164).encode()) % 2:
        return national
    return _area_code_then_rest(national, nsn)


def _area_code_then_rest(national: str, nsn: str) -> str:
    """The national format's area code, then the rest in one block (E.123's two parts)."""
    runs = list(re.finditer(r"[0-9]+", national))
    digits = "".join(run.group() for run in runs)
    skip = len(digits) - len(nsn)  # trunk digits the national format shows
    if skip < 0 or not digits.endswith(nsn):
        return national
    seen = 0
    first = 0  # the run where the national number's first group ends
    for first, run in enumerate(runs):  # noqa: B007 - the index is what is wanted
        seen += len(run.group())
        if seen > skip:
            break
    rest = runs[first + 1 :]
    if len(rest) < 2:  # two groups: already the area code and the rest
        return national
    return national[: rest[0].start()] + "".join(run.group() for run in rest)


def _own(  # noqa: PLR0913, PLR0917 - the parts of one number, as formatted
    region: str, national: str, trunk: str | None, cc: str, rest: str, e164: str
) -> Iterator[Case]:
    """The form's own number without its trunk prefix, and with its country code but no +."""
    digits = re.sub(r"[^0-9]", "", national)
    if trunk and digits.startswith(trunk) and national.startswith(trunk):
        yield Case("trunkless_national", national[len(trunk) :].lstrip(" -"), region, e164)
    yield Case("own_code_without_plus", f"{cc} {rest}", region, e164)
    yield Case("own_code_without_plus", f"{cc}{re.sub(r'[^0-9]', '', rest)}", region, e164)
    # The national number after a + (often one the form shows), the country code left out;
    # not where the + reading is a valid mobile of somewhere, which nothing tells apart.
    after_plus = f"+{national}"
    if not _sms_capable_as_typed(after_plus):
        yield Case("national_number_after_plus", after_plus, region, e164)


def _sms_capable_as_typed(text: str) -> bool:
    e164 = _valid_under(text, None)
    return e164 is not None and phonenumbers.number_type(phonenumbers.parse(e164)) in (
        phonenumbers.PhoneNumberType.MOBILE,
        phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
    )


def _national_slips(region: str, national: str, nsn: str, e164: str) -> Iterator[Case]:
    """One digit left out of, or added to, the national number as written nationally."""
    spots = [i for i, ch in enumerate(national) if ch.isdigit()]
    digits = "".join(national[i] for i in spots)
    skip = len(digits) - len(nsn)  # trunk digits the national format shows
    if skip < 0 or not digits.endswith(nsn):
        return
    spots = spots[skip:]
    seed = zlib.crc32(("slip" + e164).encode())
    where = spots[seed % len(spots)]
    dropped = national[:where] + national[where + 1 :]
    if _valid_under(dropped, region) is None:
        yield Case("national_missing_digit", dropped, region, e164)
    added = national[: where + 1] + str(seed // 7 % 10) + national[where + 1 :]
    if _valid_under(added, region) is None:
        yield Case("national_extra_digit", added, region, e164)


def _foreign_cases(national: str, form: str, e164: str) -> Iterator[Case]:
    """A foreign number typed in its own national format on another country's form."""
    hinted = _valid_under(national, form)
    if hinted is None:
        yield Case("region_mismatch", national, form, e164)
        return
    # Valid under the form too: the groups as typed are the only evidence.
    plain = re.sub(r"[^0-9]", "", national)
    reading = phonenumbers.parse(hinted)
    own = phonenumbers.format_number(reading, PhoneNumberFormat.NATIONAL)
    # The form's number is written in its format's groups or as its area code then the rest
    # (``_as_people_write``): groups that fit either are no signal of another country.
    own_ways = {_groups(own), _groups(_area_code_then_rest(own, str(reading.national_number)))}
    if _groups(national) not in own_ways and len(_groups(national)) > 1:
        yield Case("foreign_valid_signal", national, form, e164)
    # Typed in one run, nothing tells the two apart: the form's reading should stand.
    yield Case("foreign_valid_no_signal", plain, form, hinted)


def _groups(text: str) -> tuple[int, ...]:
    return tuple(len(run) for run in re.findall(r"[0-9]+", text))


def _legacy(region: str, number: phonenumbers.PhoneNumber, e164: str, nsn: str) -> Iterator[Case]:
    mobile = phonenumbers.number_type(number) == PhoneNumberType.MOBILE
    if region == "MX" and mobile:
        yield Case("legacy_prefix", f"+52 1 {nsn}", None, e164)
        yield Case("legacy_prefix", f"044 {nsn}", "MX", e164)
    if region == "BR" and mobile and len(nsn) == 11 and nsn[2] == "9" and nsn[3] in "6789":
        yield Case("legacy_prefix", f"+55 {nsn[:2]} {nsn[3:]}", None, e164)
    if region == "VN" and mobile:
        old = {new: old for old, new in VN_MOBILE_CODES.items()}.get(nsn[:2])
        if old is not None:
            yield Case("legacy_prefix", f"+84 {old}{nsn[2:]}", None, e164)


def _slips(region: str, e164: str, cc: str, nsn: str) -> Iterator[Case]:
    """Digit slips in the national number, typed in E.164 form; only those left invalid."""
    seed = zlib.crc32(e164.encode())
    size = len(nsn)
    for n, position in enumerate((seed % size, (seed // 7) % size)):
        variants = {
            "missing_digit": nsn[:position] + nsn[position + 1 :],
            "extra_digit": nsn[:position] + str((seed + n) % 10) + nsn[position:],
            "doubled_digit": nsn[:position] + nsn[position] + nsn[position:],
        }
        if position + 1 < size and nsn[position] != nsn[position + 1]:
            variants["transposed_digits"] = (
                nsn[:position] + nsn[position + 1] + nsn[position] + nsn[position + 2 :]
            )
        for kind, slipped in variants.items():
            text = f"+{cc}{slipped}"
            if _valid_under(text, None) is None:
                yield Case(kind, text, region, e164)


_BINS = ((0.0, 0.3), (0.3, 0.5), (0.5, 0.7), (0.7, 0.9), (0.9, 1.01))


@dataclass
class Tally:
    """Counts for one class."""

    n: int = 0
    named: int = 0
    caught: int = 0
    top1: int = 0
    top3: int = 0
    foreign: int = 0
    silent: int = 0
    false_alarm: int = 0
    wrong_number: int = 0
    base_detected: int = 0
    base_top1: int = 0
    bins: list[list[int]] = field(default_factory=lambda: [[0, 0] for _ in _BINS])
    wbins: list[list[float]] = field(default_factory=lambda: [[0.0, 0.0] for _ in _BINS])
    misses: list[str] = field(default_factory=list)
    #: The same counts, each case weighted by its intended region's population.
    weight: float = 0.0
    weighted: dict[str, float] = field(default_factory=lambda: defaultdict(float))

    def count(self, name: str, hit: bool, weight: float) -> None:
        """Count one case for the counter ``name``, plainly and by population."""
        setattr(self, name, getattr(self, name) + hit)
        self.weighted[name] += weight * hit

    def confident(self) -> tuple[int, int]:
        """Cases with a first suggestion at confidence >= 0.9, and how many were right."""
        n, right = self.bins[-1]
        return n, right

    def confident_weighted(self) -> tuple[float, float]:
        """The same, each case weighted by its intended region's population."""
        weight, right = self.wbins[-1]
        return weight, right


def _cc(e164: str) -> int | None:
    try:
        return phonenumbers.parse(e164).country_code
    except phonenumbers.NumberParseException:
        return None


def _named(kind: str, report: smscheck.Report) -> bool:
    codes = {c.value for c in report.codes}
    if kind in _SAYS_SLIP:
        return bool(codes & _SAYS_SLIP[kind])
    if kind == "foreign_valid_signal":
        return bool(codes & {"ambiguous_number", "region_mismatch"})
    if kind == "national_no_region":
        return "missing_country_code" in codes
    return kind in codes


def _foreign(report: smscheck.Report, intended: str) -> bool:
    """A reading of another country as the headline, or as a suggestion at >= 0.3."""
    home = _cc(intended)
    if report.has("region_mismatch"):
        return True
    if report.number is not None and report.number.country_code != home:
        return True
    return any(s.confidence >= 0.3 and _cc(s.e164) != home for s in report.suggestions)


def _population(e164: str) -> float:
    region = phonenumbers.region_code_for_number(phonenumbers.parse(e164))
    table, _ = _populations()
    return float(table.get(region or "", min(table.values())))


def evaluate(split: str | None = SPLITS[0]) -> dict[str, Tally]:
    """Check every case of a split and count."""
    tallies: dict[str, Tally] = defaultdict(Tally)
    for case in corpus(split):
        tally = tallies[case.kind]
        tally.n += 1
        weight = _population(case.intended)
        tally.weight += weight
        report = smscheck.check(case.text, region=case.region)
        ranked = [report.number.e164] if report.number is not None else []
        ranked += [s.e164 for s in report.suggestions if s.e164 not in ranked]
        typo = [d for d in report.diagnostics if d.code in TYPO_CODES]
        if case.kind != "valid":
            tally.count("named", _named(case.kind, report), weight)
        accepted_wrong = report.number is not None and report.number.e164 != case.intended
        tally.caught += bool(report.number is None or typo) and not (accepted_wrong and not typo)
        tally.count("top1", ranked[:1] == [case.intended], weight)
        tally.count("top3", case.intended in ranked[:3], weight)
        tally.count("foreign", _foreign(report, case.intended), weight)
        warned = any(d.severity is not Severity.INFO for d in typo)
        kept = report.number is not None and report.number.e164 == case.intended
        tally.count("silent", kept and not warned, weight)
        if report.suggestions:
            top = report.suggestions[0]
            for index, (low, high) in enumerate(_BINS):
                if low <= top.confidence < high:
                    tally.bins[index][0] += 1
                    tally.bins[index][1] += top.e164 == case.intended
                    tally.wbins[index][0] += weight
                    tally.wbins[index][1] += weight * (top.e164 == case.intended)
        if case.kind == "valid":
            tally.false_alarm += warned
            tally.wrong_number += not kept
            if (typo or report.number is None) and len(tally.misses) < 20:
                tally.misses.append(f"{case.text!r} {case.region} -> {report.codes}")
        elif case.intended not in ranked[:1] and len(tally.misses) < 12:
            shown = [(s.e164, s.confidence) for s in report.suggestions[:3]]
            tally.misses.append(
                f"{case.text!r} {case.region} want {case.intended} -> "
                f"{report.number and report.number.e164} {shown} {[c.value for c in report.codes]}"
            )
        base = _valid_under(case.text, case.region)
        tally.base_detected += base is None
        tally.base_top1 += base == case.intended
    return tallies


def _pct(part: int, whole: int) -> str:
    return "–" if whole == 0 else f"{100 * part / whole:.1f} %"


def _share(tallies: dict[str, Tally], kinds: frozenset[str] | tuple[str, ...], attr: str) -> str:
    part = sum(getattr(tallies[k], attr) for k in kinds if k in tallies)
    whole = sum(tallies[k].n for k in kinds if k in tallies)
    weighted = sum(tallies[k].weighted[attr] for k in kinds if k in tallies)
    weight = sum(tallies[k].weight for k in kinds if k in tallies)
    return f"{_pct(part, whole)} | {_fraction(weighted, weight)}"


def _fraction(part: float, whole: float) -> str:
    return "–" if whole == 0 else f"{100 * part / whole:.1f} %"


def targets(tallies: dict[str, Tally]) -> list[tuple[str, str, str]]:
    """Each target of the issue, the figure measured, and the target."""
    confident = sum(t.confident()[0] for t in tallies.values())
    confident_right = sum(t.confident()[1] for t in tallies.values())
    worst = min(
        (
            (t.confident()[1] / t.confident()[0], kind)
            for kind, t in tallies.items()
            if t.confident()[0] >= 20
        ),
        default=(1.0, "–"),
    )
    weighted = [t.confident_weighted() for t in tallies.values()]
    confident_weighted = _fraction(sum(r for _, r in weighted), sum(w for w, _ in weighted))
    worst_weighted = min(
        (
            t.confident_weighted()[1] / t.confident_weighted()[0]
            for t in tallies.values()
            if t.confident()[0] >= 20
        ),
        default=1.0,
    )
    valid = tallies["valid"]
    return [
        (
            "national one-digit slips: a foreign headline or suggestion >= 0.3",
            _share(tallies, NATIONAL_SLIPS, "foreign"),
            "<= 5 %",
        ),
        (
            "national one-digit slips: the slip said",
            _share(tallies, NATIONAL_SLIPS, "named"),
            ">= 95 %",
        ),
        (
            "national number under the wrong hint: top 3",
            _share(tallies, ("region_mismatch",), "top3"),
            ">= 85 %",
        ),
        (
            "national number under the wrong hint: top 1",
            _share(tallies, ("region_mismatch",), "top1"),
            ">= 60 %",
        ),
        (
            "valid under the hint but foreign, with a typing signal: top 3",
            _share(tallies, ("foreign_valid_signal",), "top3"),
            ">= 85 %",
        ),
        (
            "valid under the hint, no signal: the hint reading kept, no warning",
            _share(tallies, ("foreign_valid_no_signal",), "silent"),
            ">= 99 %",
        ),
        (
            "trunk-less national and own code without +: top 1",
            _share(tallies, OWN, "top1"),
            ">= 97 %",
        ),
        ("structural mistakes: top 1", _share(tallies, STRUCTURAL, "top1"), ">= 95 %"),
        (
            "valid input: number missing or changed",
            f"{_pct(valid.wrong_number, valid.n)} | –",
            "0 %",
        ),
        (
            "valid input: a typo warning or error",
            f"{_pct(valid.false_alarm, valid.n)} | –",
            "<= 0.5 %",
        ),
        (
            f"confidence >= 0.9 right, overall (n = {confident})",
            f"{_pct(confident_right, confident)} | {confident_weighted}",
            ">= 97 %",
        ),
        (
            f"confidence >= 0.9 right, worst class with n >= 20 ({worst[1]})",
            f"{100 * worst[0]:.1f} % | {100 * worst_weighted:.1f} %",
            ">= 90 %",
        ),
    ]


def render(tallies: dict[str, Tally], split: str = SPLITS[0], *, compare: bool = True) -> str:
    """The Markdown report; with ``compare``, the targets under the uniform prior too."""
    today = dt.datetime.now(tz=dt.UTC).date().isoformat()
    lines: list[str] = [
        "# Accuracy of the typo model",
        "",
        (
            f"Generated by `python benchmarks/accuracy.py --write docs/accuracy.md` on {today}, "
            f"phonenumbers {phonenumbers.__version__}, on the **held-out split** only. Do not "
            "edit by hand."
        ),
        "",
        (
            "The corpus: for each of the "
            f"{len(phonenumbers.SUPPORTED_REGIONS)} regions of `phonenumbers.SUPPORTED_REGIONS`, "
            f"up to {_VARIANTS} valid mobile and {_VARIANTS} valid fixed-line numbers next to the "
            "metadata's example numbers (last two digits stepped, valid ones kept), written as "
            "E.164, in international and in national format (for half the numbers, picked by "
            "a hash, the national format's area code then the rest in one block: "
            "`02 36618300` for `02 3661 8300`, as ITU-T E.123 lays a number out), then each "
            "mistake applied "
            "(`benchmarks/accuracy.py` says exactly how). Forms get a region hint from a fixed "
            "list of 24 common form regions, picked per number by a hash. Regions whose CRC-32 "
            "is odd are **held out**: the model's numbers come from cited sources "
            "(`docs/typos.md`), nothing was fitted, and no change to smscheck was made while "
            "looking at these cases. `--split development` shows the other half."
        ),
        "",
        "## Targets",
        "",
        (
            "*by case* counts every case once, as the corpus has them (every region equally); "
            "*by population* weights each case by its intended number's region's population, "
            "as a stream of real sign-ups would (the model's own prior; see `docs/typos.md`)."
        ),
        "",
        "| what | by case | by population | target |",
        "|---|---:|---:|---:|",
        *(f"| {what} | {figure} | {target} |" for what, figure, target in targets(tallies)),
        "",
        *(_prior_section(tallies, split) if compare else []),
        "## Per class",
        "",
        (
            "- **named**: the report says what happened (for national slips: `missing_digit`/"
            "`too_short` or `extra_digit`/`doubled_digit`/`too_long`; for a foreign number valid "
            "under the form: `ambiguous_number` or `region_mismatch`)."
        ),
        (
            "- **top-1 / top-3**: the intended number is `report.number` or the first (three) of "
            "`report.number` followed by `report.suggestions`. For `foreign_valid_no_signal` the "
            "intended number is the form region's reading."
        ),
        (
            "- **foreign**: a reading of another country as the headline, or suggested at confidence "
            "≥ 0.3."
        ),
        "- **silent**: `report.number` is the intended number and no typo warning or error.",
        (
            "- **phonenumbers**: `parse(text, region)` then `is_valid_number`: *detected* = not "
            "valid (or no parse), *top-1* = the parsed number is the intended one."
        ),
        "",
        (
            "| class | n | named | top-1 | top-3 | foreign | silent | conf ≥ 0.9 (n: precision) "
            "| phonenumbers detected | phonenumbers top-1 |"
        ),
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for kind in CLASSES:
        tally = tallies.get(kind)
        if tally is None:
            continue
        named = "–" if kind == "valid" else _pct(tally.named, tally.n)
        n, right = tally.confident()
        lines.append(
            f"| {kind} | {tally.n} | {named} | {_pct(tally.top1, tally.n)} "
            f"| {_pct(tally.top3, tally.n)} | {_pct(tally.foreign, tally.n)} "
            f"| {_pct(tally.silent, tally.n)} | {n}: {_pct(right, n)} "
            f"| {_pct(tally.base_detected, tally.n)} | {_pct(tally.base_top1, tally.n)} |"
        )
    lines += [
        "",
        "## Calibration",
        "",
        (
            "The confidence of the first suggestion against how often it is the intended number, "
            "per class (n: precision). A class missing from a column had no such case."
        ),
        "",
        "| class | " + " | ".join(f"{low:.1f}–{min(high, 1.0):.1f}" for low, high in _BINS) + " |",
        "|---|" + "---:|" * len(_BINS),
    ]
    for kind in CLASSES:
        tally = tallies.get(kind)
        if tally is None or not any(n for n, _ in tally.bins):
            continue
        cells = [f"{n}: {_pct(right, n)}" if n else "–" for n, right in tally.bins]
        lines.append(f"| {kind} | " + " | ".join(cells) + " |")
    return "\n".join([*lines, "", *_NOTES.splitlines(), ""])


_NOTES = """\
## Reading the figures

- **Every region counts the same in this corpus, but not in the model.** The prior shares the
  non-form mass by population, so a reading in China or India outweighs one in Andorra; the
  corpus draws as many Andorran numbers as Chinese ones. Where a number of a small region is
  valid in big ones too (the metadata's example numbers, on which the corpus is built, are
  often sequences such as `123 4567` that many plans allow), the big one wins. That is most of
  the `region_mismatch` and `foreign_valid_signal` misses and the `region_mismatch`
  calibration gap; weighted by population, as a real sign-up stream is, the same cases give
  the *by population* column. *The prior*, above, measures the same cases under a prior that
  gives every region the same share, as this corpus draws them.
- **Dense plans and sparse ones**: each number counts as one of its plan's numbers of its
  type and length (`docs/typos.md`). A reading in a sparse plan (Barbados's 714,000
  landlines) is a few thousand times likelier, for a person of that plan, than one in a
  dense plan (Britain's 925 million); so a slip of a small region's number is no longer lost
  to an exact reading in a large one, and where a dense plan's number (China's, Germany's)
  is slipped, a sparse foreign plan's exact reading weighs more than before. The second is
  most of the gap between the *by case* and *by population* columns of the slip rows.
- **Two layouts, one text**: half the national numbers are written as their area code then
  the rest (`02 36618300`), which is also the way other plans' numbers are written, whole or
  as their own area-code layout; a text in either layout is evidence for every plan it fits,
  and where several fit, the prior ranks them. Documents before this corpus wrote every
  national number in its format's groups only, a test that no real stream of sign-ups is.
- **Same digits, same format**: most of the remaining `region_mismatch` misses are numbers
  that other countries write exactly alike (`0944 567 804` is a mobile of Vietnam, Taiwan
  and Syria, in the same groups and separators); nothing typed tells them apart, and
  the prior ranks them.
- **Local numbers**: a short number that is a possible local number of the form's plan (its
  area code left out, `380 1255` on a US form) keeps its `local_only` diagnostic, and its
  foreign readings are listed with what they are worth; where there are many, the intended
  one is often not among the first three.
- **Slips that are not said**: where the slipped number has valid one-digit *substitutions*
  in the form's plan (11-digit Chinese, 10-digit Brazilian numbers), a substituted digit,
  79 % of same-length errors, is the likelier explanation, and smscheck names no slip: the
  report has the generic diagnostic (`invalid_number`) and the suggestions.
- **A foreign suggestion at 0.3 or more** beside a slip is a foreign reading the model finds
  as likely as the slip class; the slip keeps the headline unless the foreign reading has a
  majority.
- `missing_digit` and `extra_digit` (in E.164 form) and the national slips usually have many
  valid completions; smscheck then names the slip and says how many digits are missing or
  extra, without listing candidates, so their top-1 and top-3 are low by design.
- `foreign_valid_no_signal` is a foreign number typed in one run of digits that is also valid
  under the form's region: nothing in the text tells them apart, and the form's reading is the
  one expected. `foreign_valid_signal` is the same number in its own national groups, where
  they are neither the form's format groups nor the form's area code then the rest (both are
  how the form's number is written: `02 12345692` is Milan's number and a French one); until
  2026-12-08 only the format groups were compared, so 11 held-out cases whose groups were the
  form number's own counted as a signal (the row read 60.8 % by case, 73.4 % by population).
- `national_no_region` is the national number as written, with no form at all (and not
  starting with an international prefix). The report reads no number (`missing_country_code`
  is *named*); a national reading is suggested only when it has a majority, so *top-1* is the
  share where the digits alone point to the intended country. Before 2026-12-08 no national
  reading was suggested without a form (0 %).
- `national_number_after_plus` is the national number as written, typed after a `+` under its
  own region (counted among the structural mistakes), except where the `+` reading is a valid
  mobile somewhere. On the development split, its misses are numbers shorter than the search
  reads (six digits), and national numbers that start with their own country code (Rwanda's
  `250 123 463`): after a `+`, those read as the form's number with its code already.
- `wrong_international_prefix` draws each distinct prefix of the metadata equally often (a
  Thai carrier's `004`, a `020`, as often as `00`); the model weighs a prefix by how many
  people dial it (`_model.prefix_share`: `00` 0.75 of the world, `004` 0.0013), so where the
  digits after a rare prefix have another reading (`020 61 2 1234 5692` is also a German
  number), that reading wins. Counted by the people who dial them, `00`, `011` and `009` are
  85 % of the world's prefixes.
- `legacy_prefix` and `missing_leading_zero` have few cases: only Mexico, Brazil and Vietnam
  have cited legacy rewrites, and only inputs invalid as typed are counted. Both are scored
  like one left-out digit (no study gives their rate) and compete with the digit slips that
  also explain the text.
"""


#: The priors compared: the shipped one, and every region equally (the corpus's own draw).
PRIORS = ("population", "uniform")


def use_uniform_prior() -> None:
    """Replace the model's region prior by one that gives every other region the same share.

    For the comparison only, before the first check of a fresh interpreter: the form's region
    keeps ``P_HOME``, the rest is shared equally among the other regions, and with no form
    every region gets the same share. Nothing else of the model changes.
    """
    regions = len(_populations()[0])

    def share_of(region: str, hint: str | None) -> float:
        if hint is None:
            return 1 / regions
        if region == hint:
            return _model.P_HOME
        return (1 - _model.P_HOME) / (regions - 1)

    _model._share_of = share_of  # noqa: SLF001 - the comparison swaps exactly this factor
    _model.code_priors.cache_clear()


def _uniform_targets(split: str) -> list[str]:
    """The by-case figure of each target under the uniform prior, from a fresh interpreter."""
    command = [sys.executable, __file__, "--split", split, "--prior", "uniform", "--json"]
    done = subprocess.run(command, capture_output=True, check=True, text=True)
    figures: list[str] = json.loads(done.stdout)
    return figures


def _prior_section(tallies: dict[str, Tally], split: str) -> list[str]:
    uniform = _uniform_targets(split)
    rows = targets(tallies)
    return [
        "## The prior",
        "",
        (
            "The model shares the mass that is not the form's country by population "
            "(`docs/typos.md`); the corpus draws every region equally. The same cases, by case, "
            "under the shipped prior and under one that gives every other region the same share "
            "(`python benchmarks/accuracy.py --prior uniform`, the corpus's own draw; nothing "
            "else of the model changes):"
        ),
        "",
        "| what | population (shipped) | every region equally | target |",
        "|---|---:|---:|---:|",
        *(
            f"| {_short(what)} | {figure.split(' | ')[0]} | {other} | {target} |"
            for (what, figure, target), other in zip(rows, uniform, strict=True)
        ),
        "",
        (
            "Targets missed by case under the shipped prior: "
            f"{_missed(rows, [figure.split(' | ')[0] for _, figure, _ in rows])}; under the "
            f"equal prior: {_missed(rows, uniform)}. The equal prior is how this corpus draws, "
            "not how people are spread; the population prior is, and the *by population* "
            "column above is measured under it."
        ),
        "",
    ]


def _short(what: str) -> str:
    """A target's name without its parenthesis (the n or the class of one run)."""
    return re.sub(r" [(].*[)]$", "", what)


def _meets(figure: str, target: str) -> bool:
    value = float(figure.rstrip(" %"))
    bound = float(target.lstrip("<>= ").rstrip(" %"))
    if target.startswith(">="):
        return value >= bound
    return value <= bound


def _missed(rows: list[tuple[str, str, str]], figures: list[str]) -> str:
    """The targets that ``figures`` (one per row of ``rows``) miss, by their short names."""
    missed = [
        _short(what)
        for (what, _, target), figure in zip(rows, figures, strict=True)
        if figure != "–" and not _meets(figure, target)
    ]
    if not missed:
        return "none"
    return f"{len(missed)} ({'; '.join(missed)})"


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--write", metavar="PATH", help="write the Markdown report there")
    parser.add_argument("--split", choices=SPLITS, default=SPLITS[0])
    parser.add_argument("--misses", action="store_true", help="print some misses per class")
    parser.add_argument(
        "--prior", choices=PRIORS, default=PRIORS[0], help="the region prior (see the docstring)"
    )
    parser.add_argument(
        "--json", action="store_true", help="print only the by-case figure of each target"
    )
    args = parser.parse_args()
    if args.write and (args.split != SPLITS[0] or args.prior != PRIORS[0]):
        parser.error("only the held-out split, under the shipped prior, is written to the docs")
    if args.prior == "uniform":
        use_uniform_prior()
    tallies = evaluate(args.split)
    if args.json:
        print(json.dumps([figure.split(" | ")[0] for _, figure, _ in targets(tallies)]))
        return 0
    text = render(tallies, args.split, compare=args.prior == PRIORS[0])
    if args.write:
        Path(args.write).write_text(text, encoding="utf-8")
    print(text)
    if args.misses:
        for kind, tally in tallies.items():
            for miss in tally.misses:
                print(kind, miss)
    return 0


if __name__ == "__main__":
    sys.exit(main())
