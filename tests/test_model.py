"""The typo model's numbers: priors, likelihoods and the generated population table."""

from __future__ import annotations

import math
import re
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

import phonenumbers
import pytest

from smscheck import LineType, _model, _phone

from .scripts import load_script

if TYPE_CHECKING:
    from types import ModuleType

REPO = Path(__file__).resolve().parent.parent
COMMITTED = REPO / "data" / "region_population.tsv"


def _load_script() -> ModuleType:
    """scripts/build_region_population.py as a module."""
    return load_script("build_region_population")


@pytest.mark.repo
def test_generator_output_matches_committed_file(tmp_path: Path) -> None:
    """DRIFT: regenerating the population table from GeoNames gives the committed bytes."""
    out = tmp_path / "region_population.tsv"
    assert _load_script().main(["--output", str(out)]) == 0
    assert out.read_bytes() == COMMITTED.read_bytes(), (
        "data/region_population.tsv is out of date: run scripts/build_region_population.py"
    )


def test_population_table_covers_every_region_once() -> None:
    """Every region phonenumbers supports has one positive population; only AC and TA floor."""
    table, world = _model._populations()
    assert set(table) == set(phonenumbers.SUPPORTED_REGIONS)
    assert all(population > 0 for population in table.values())
    assert world == sum(table.values())
    floor = min(table.values())
    assert {r for r, p in table.items() if p == floor} >= {"AC", "TA"}


def test_population_table_is_plausible() -> None:
    """Independent sanity: China and India hold more than a third of the world, Monaco little."""
    table, world = _model._populations()
    assert (table["CN"] + table["IN"]) / world > 1 / 3
    assert table["MC"] < 100_000 < table["RU"]


@pytest.mark.parametrize("hint", ["US", "RU", "DE", "NG", "MC", None])
def test_country_code_priors_sum_to_one(hint: str | None) -> None:
    """The prior over geographic country codes is a distribution for any form hint."""
    codes = {phonenumbers.country_code_for_region(r) for r in phonenumbers.SUPPORTED_REGIONS}
    total = math.fsum(_model.region_prior(code, hint) for code in codes)
    assert total == pytest.approx(1.0, abs=1e-9)


def test_form_region_gets_the_home_share() -> None:
    """The form's own code gets P_HOME, plus the small shares of regions that share it."""
    assert pytest.approx(1 - 0.036) == _model.P_HOME
    assert _model.region_prior(49, "DE") == pytest.approx(_model.P_HOME)
    table, world = _model._populations()
    canada = (1 - _model.P_HOME) * table["CA"] / (world - table["US"])
    assert _model.region_prior(1, "US") > _model.P_HOME + canada * 0.999


def test_foreign_share_follows_population() -> None:
    """Between two foreign codes, the prior ratio is their population ratio."""
    table, _ = _model._populations()
    ratio = _model.region_prior(86, "DE") / _model.region_prior(48, "DE")
    assert ratio == pytest.approx(table["CN"] / table["PL"])


def test_non_geographic_code_gets_the_smallest_share() -> None:
    """+800 (international freephone) is as unlikely as the least populous region."""
    assert _model.region_prior(800, None) == pytest.approx(_model.region_prior(247, None))


def test_line_type_prior_from_subscription_counts() -> None:
    """Mobile share 9.1 / (9.1 + 0.917) billion; either-kind NANP lines count both."""
    assert pytest.approx(0.9085, abs=1e-4) == _model.P_MOBILE
    assert _model.line_type_prior(LineType.MOBILE) == _model.P_MOBILE
    assert _model.line_type_prior(LineType.FIXED_LINE_OR_MOBILE) == 1.0
    for line_type in (LineType.FIXED_LINE, LineType.VOIP, LineType.TOLL_FREE, LineType.PAGER):
        assert _model.line_type_prior(line_type) == pytest.approx(1 - _model.P_MOBILE)


def test_mistake_rates_recomputed_from_the_cited_shares() -> None:
    """Per entry: 2 % of entries wrong; 15 % of errors change the length; Verhoeff's table."""
    single = 0.7905 + 0.1021
    assert pytest.approx(0.02 * 0.15 * single / 2) == _model.OMISSION
    assert _model.INSERTION == _model.OMISSION
    assert pytest.approx(0.02 * 0.85 * 0.1021) == _model.TRANSPOSITION
    assert pytest.approx(0.02 * 0.85 * 0.7905) == _model.SUBSTITUTION
    assert _model.STRUCTURAL == _model.OMISSION
    # The kinds enumerated and the rarer ones add up to the error rate.
    rare = 0.02 * 0.85 * 0.1074 + 0.02 * 0.15 * (1 - single)
    enumerated = _model.OMISSION + _model.INSERTION + _model.TRANSPOSITION + _model.SUBSTITUTION
    assert enumerated + rare == pytest.approx(_model.ERROR_RATE)


def test_grouping_likelihood() -> None:
    """One run carries no evidence; a cut that fits the format is 2**(n-1) times likelier."""
    assert _model.grouping(10, frozenset(), match=True) == 1.0
    assert _model.grouping(10, frozenset(), match=False) == 1.0
    free = 0.5 * 2.0**-9
    assert _model.grouping(10, frozenset({3, 6}), match=False) == pytest.approx(free)
    # No separator inside the national number to compare: the format's groups, nothing more.
    assert _model.grouping(10, frozenset({3, 6}), match=True) == pytest.approx(0.5 + free)


def test_grouping_likelihood_with_the_formats_separators() -> None:
    """By hand: 0.5 follow the format; of them 0.5 type its separators, the rest type each
    separator with its share among the formats' separators."""
    free = 0.5 * 2.0**-9
    bounds = frozenset({3, 6})
    total = 1066 + 152 + 55 + 2
    bracket, hyphen, space = 55 / total, 152 / total, 1066 / total
    north_american = _model.grouping(10, bounds, match=True, separators=(")", "-"))
    assert north_american == pytest.approx(0.5 * (0.5 / (bracket * hyphen) + 0.5) + free)
    spaces = _model.grouping(10, bounds, match=True, separators=(" ", " "))
    assert spaces == pytest.approx(0.5 * (0.5 / space**2 + 0.5) + free)
    # A bracket and a hyphen say far more than two spaces, the separator typed by default.
    assert north_american > 50 * spaces
    other_separators = _model.grouping(10, bounds, match=True, separators=None)
    assert other_separators == pytest.approx(0.5 * 0.5 + free)
    # The separators count only where the groups fit.
    assert _model.grouping(10, bounds, match=False, separators=(")", "-")) == pytest.approx(free)
    # The bound: every typed separator the format's; a "/" no format writes adds nothing.
    assert _model.most_grouping(bounds, (")", "-")) == pytest.approx(
        0.5 * (0.5 / (bracket * hyphen) + 0.5) + 0.5
    )
    assert _model.most_grouping(bounds, ("/", "-")) == pytest.approx(
        0.5 * (0.5 / hyphen + 0.5) + 0.5
    )
    assert _model.most_grouping(frozenset(), ()) == 1.0
    assert _model.most_grouping(bounds, (")", "-")) >= north_american


def test_separator_counts_are_those_the_formats_write() -> None:
    """SEPARATOR_COUNTS recounted over every region's national formats."""
    counts: Counter[str] = Counter()
    for region in phonenumbers.SUPPORTED_REGIONS:
        metadata = phonenumbers.PhoneMetadata.metadata_for_region(region)
        assert metadata is not None
        for number_format in metadata.number_format:
            counts.update(
                _phone._template_separators(
                    number_format.format or "", number_format.national_prefix_formatting_rule
                )
            )
    assert dict(counts) == _phone.SEPARATOR_COUNTS
    assert sum(_model.SEPARATOR_SHARES.values()) == pytest.approx(1.0)


def _separators_from_text(reading: _phone.Reading) -> tuple[str, ...]:
    """The reference: separators inside the national number of format_number's output."""
    text = phonenumbers.format_number(
        reading.parsed.number, phonenumbers.PhoneNumberFormat.NATIONAL
    )
    runs = re.split(r"(\d+)", text)
    digits, between = runs[1::2], runs[2::2]
    # The national number is the last digits; the trunk digits the format shows come first.
    nsn = len(reading.parsed.national_number)
    total = sum(map(len, digits))
    seen = 0
    separators = []
    for run, after in zip(digits, between, strict=True):
        seen += len(run)
        if total - nsn < seen < total:
            separators.append(_phone.separator(after))
    return tuple(separators)


def _own_layout(reading: _phone.Reading) -> tuple[tuple[int, ...], tuple[str, ...]]:
    """The format's own layout of a number (the first), or none for one run of digits."""
    layouts = _phone.national_layouts(reading)
    return layouts[0] if layouts else ((), ())


def test_layout_separators_equal_the_formatted_text() -> None:
    """The separators read from the format template equal those of format_number's output.

    Argentina's mobiles again excepted (their written groups are not the number's).
    """
    readings = _example_readings()
    for reading in readings:
        assert _own_layout(reading)[1] == _separators_from_text(reading), reading
    assert len(readings) > 2000
    north_american = _phone.reading_of(1, "2684641661")
    assert _own_layout(north_american)[1] == (")", "-")


def test_unexplained_mass_by_hand() -> None:
    """The rarer kinds, spread over the texts of one length, weighted by valid neighbours."""
    rare_same = 0.02 * 0.85 * 0.1074
    rare_length = 0.02 * 0.15 * (1 - 0.7905 - 0.1021)
    got = _model.unexplained(0.5, 9, (0.2, 0.1), same_length_possible=True, groups=0.25)
    assert got == pytest.approx(0.5 * 1e-9 * (rare_length * 0.2 + rare_same * 0.1) * 0.25)
    only_length = _model.unexplained(0.5, 9, (0.2, 0.1), same_length_possible=False)
    assert only_length == pytest.approx(0.5 * 1e-9 * rare_length * 0.2)


def test_region_prior_of_a_region_under_a_shared_code() -> None:
    """Under a shared code, a reading's region gets its own share, not the whole code's:
    Barbados's numbers on an Indonesian form are as rare as Barbadians, not as North
    Americans."""
    table, world = _model._populations()
    barbados = _model.region_prior(1, "ID", "BB")
    assert barbados == pytest.approx((1 - _model.P_HOME) * table["BB"] / (world - table["ID"]))
    assert _model.region_prior(1, "TT", "TT") == pytest.approx(_model.P_HOME)
    assert _model.region_prior(1, "ID") > 100 * barbados
    # A code of one region: the region changes nothing.
    assert _model.region_prior(49, "FR", "DE") == _model.region_prior(49, "FR")


def test_density_is_one_over_the_count_of_numbers() -> None:
    """One number's share of its plan: one over the numbers of its type and length."""
    assert _model.density(800, 3) == pytest.approx(1 / 800)
    assert _model.density(0, 9) == pytest.approx(1e-9)  # not counted: every string


@pytest.mark.parametrize(
    ("e164", "fewest", "most"),
    [
        # Barbados: one area code, 246, and some of its exchanges: fewer than 10**7.
        ("+12462345678", 1e5, 1e7),
        # London, among Britain's 10-digit landlines: not every 10-digit string.
        ("+442079460958", 1e8, 1e10),
        # China's 11-digit mobiles: 13x to 19x, most of them.
        ("+8613812345678", 1e9, 1e11),
    ],
)
def test_a_reading_is_counted_among_the_numbers_of_its_plan(
    e164: str, fewest: float, most: float
) -> None:
    """A reading's count is of its own region and type: a sparse plan's numbers are few."""
    from smscheck import _belief  # noqa: PLC0415

    number = phonenumbers.parse(e164)
    reading = _phone.reading_of(int(number.country_code or 0), str(number.national_number))
    assert fewest <= 1 / _belief.share_of(reading) < most


def test_densest_sizes_bound_every_example_reading() -> None:
    """No valid example number has a larger share of its plan than the code's bound says."""
    from smscheck import _belief  # noqa: PLC0415

    for reading in _example_readings():
        code = reading.parsed.country_code
        most = _model.most_density(code, len(reading.parsed.national_number))
        assert _belief.share_of(reading) <= most * (1 + 1e-9), reading


def _bounds_from_text(reading: _phone.Reading) -> frozenset[int]:
    """The reference: group ends read off phonenumbers' own formatted national string."""
    text = phonenumbers.format_number(
        reading.parsed.number, phonenumbers.PhoneNumberFormat.NATIONAL
    )
    nsn = len(reading.parsed.national_number)
    ends: list[int] = []
    count = 0
    for index, ch in enumerate(text):
        if "0" <= ch <= "9":
            count += 1
            if index + 1 < len(text) and not "0" <= text[index + 1] <= "9":
                ends.append(count)
    skip = count - nsn  # the trunk prefix digits the national format shows
    return frozenset(end - skip for end in ends if 0 < end - skip < nsn)


def _example_readings() -> list[_phone.Reading]:
    """Every region's valid example numbers, but Argentina's mobiles (see below)."""
    readings = []
    for region in sorted(phonenumbers.SUPPORTED_REGIONS):
        code = phonenumbers.country_code_for_region(region)
        for national in sorted(_phone.example_national_numbers(code)):
            reading = _phone.reading_of(code, national)
            if reading.valid and not (code == 54 and national.startswith("9")):
                readings.append(reading)
    return readings


def test_grouping_likelihood_shares_the_format_between_layouts() -> None:
    """By hand: a number with two layouts gives each half of the format's share."""
    free = 0.5 * 2.0**-9
    one = _model.grouping(10, frozenset({3}), match=True, separators=None)
    two = _model.grouping(10, frozenset({3}), match=True, separators=None, layouts=2)
    assert one == pytest.approx(0.5 * 0.5 + free)
    assert two == pytest.approx(0.5 / 2 * 0.5 + free)
    # The bound allows for a number with one layout, the most a grouping can be.
    assert _model.most_grouping(frozenset({3}), (" ",)) >= one > two


def test_national_layouts() -> None:
    """The format's groups; and, from three groups up, the area code then the rest."""
    milan = _phone.reading_of(39, "0236618300")
    assert _phone.national_layouts(milan) == (((2, 6), (" ", " ")), ((2,), (" ",)))
    antigua = _phone.reading_of(1, "2684641661")
    assert _phone.national_layouts(antigua) == (((3, 6), (")", "-")), ((3,), (")",)))
    berlin = _phone.reading_of(49, "30123456")  # written 030 123456: one layout
    assert _phone.national_layouts(berlin) == (((2,), (" ",)),)


def test_layouts_first_group_is_the_destination_code() -> None:
    """The area-code layout's first group is phonenumbers' national destination code.

    Where the metadata writes three groups or more, on every example number but three, for
    which phonenumbers gives 0 (a non-geographic number without an NDC).
    """
    readings = [r for r in _example_readings() if len(_phone.national_layouts(r)) == 2]
    differ = [
        r
        for r in readings
        if _phone.national_layouts(r)[1][0][0]
        != phonenumbers.length_of_national_destination_code(r.parsed.number)
    ]
    assert len(readings) > 2000
    assert len(differ) <= 3
    assert all(
        phonenumbers.length_of_national_destination_code(r.parsed.number) == 0 for r in differ
    )


def test_layout_ends_equal_the_formatted_groups() -> None:
    """The group ends read from the format pattern equal those of format_number's output.

    Argentina's mobiles are the one exception, and why: their national format drops the
    leading 9 and writes a 15 in its place, so the written groups are not the number's.
    """
    readings = _example_readings()
    for reading in readings:
        assert frozenset(_own_layout(reading)[0]) == _bounds_from_text(reading), reading
    assert len(readings) > 2000


def test_written_trunks() -> None:
    """Trunk prefixes as national formats write them, read from the metadata's examples."""
    assert _phone.written_trunks(7) == ("8",)
    assert _phone.written_trunks(44) == ("0",)
    assert _phone.written_trunks(1) == ()  # North America dials 1 but never writes it
    assert _phone.written_trunks(34) == ()  # Spain has no trunk prefix
    assert _phone.written_trunks(86) == ("", "0")  # China's mobiles without, landlines with


def test_a_number_of_no_subscribers_kind_is_never_likelier_than_a_landline() -> None:
    """Toll-free, premium-rate, personal, UAN, ... numbers are counted among the region's fixed
    lines as well as their own kind: none has a larger share than one fixed line has."""
    from smscheck import _belief  # noqa: PLC0415

    lines = {LineType.MOBILE, LineType.FIXED_LINE, LineType.FIXED_LINE_OR_MOBILE}
    seen = 0
    for reading in _example_readings():
        if reading.line_type in lines:
            continue
        fixed = _phone.fixed_line_size(reading.parsed.country_code, reading.region)
        if fixed:
            seen += 1
            assert _belief.share_of(reading) <= 1 / fixed, reading
    assert seen > 100


def test_international_prefix_shares_follow_who_dials_them() -> None:
    """Each prefix gets the people of the regions that use it, a region's people split among
    its prefixes: recomputed here by hand from the population table and the metadata."""
    by_prefix = _phone.international_prefixes()
    table, world = _model._populations()
    singapore = sum("SG" in regions for regions in by_prefix.values())
    assert singapore > 1  # one prefix per carrier
    # 004 is used by Cambodia, Singapore and Thailand only.
    assert set(by_prefix["004"]) == {"KH", "SG", "TH"}
    expected = sum(
        table[region] / sum(region in users for users in by_prefix.values())
        for region in ("KH", "SG", "TH")
    )
    assert _model.prefix_share("004") == pytest.approx(expected / world)
    assert _model.prefix_share("00") > 0.5 > 100 * _model.prefix_share("004")
    assert sum(map(_model.prefix_share, by_prefix)) <= 1.0
    assert _model.prefix_share("99999") == 0.0
