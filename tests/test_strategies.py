"""smscheck.strategies: realistic numbers and mistakes, checked against check() itself."""

from __future__ import annotations

import phonenumbers
import pytest
from hypothesis import HealthCheck, given, settings

import smscheck
from smscheck import Code, LineType, Severity
from smscheck.strategies import MistypedNumber, TypedNumber, mistyped_numbers, phone_numbers

#: Line types whose diagnostic is about the line, not the reading (an SMS flow wants a mobile).
_LINE_CODES = {Code.LANDLINE, Code.VOIP, Code.TOLL_FREE, Code.LINE_TYPE_UNKNOWN}


@settings(max_examples=400, deadline=None)
@given(phone_numbers(line_types=(LineType.MOBILE, LineType.FIXED_LINE), spreadsheet_damage=True))
def test_check_reads_every_typed_number_back(typed: TypedNumber) -> None:
    """Every unmistyped draw reads back to its number, with no error about the reading."""
    report = smscheck.check(typed.text, region=typed.region)
    assert report.number is not None, (typed, report.codes)
    assert report.number.e164 == typed.e164
    errors = {d.code for d in report.diagnostics if d.severity is Severity.ERROR}
    assert errors <= _LINE_CODES, (typed, report.codes)


def test_ten_thousand_draws_cover_at_least_240_regions() -> None:
    """Over 10,000 draws the numbers come from at least 240 regions, none of them examples."""
    seen: set[str] = set()

    @settings(
        max_examples=10_000,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(phone_numbers(forms=("e164",)))
    def draw(typed: TypedNumber) -> None:
        number = phonenumbers.parse(typed.e164)
        # The regions this number is valid in (Åland's are Finland's too).
        regions = phonenumbers.region_codes_for_country_code(number.country_code or 0)
        seen.update(r for r in regions if phonenumbers.is_valid_number_for_region(number, r))
        assert phonenumbers.is_valid_number(number)

    draw()
    assert len(seen) >= 240


@settings(max_examples=300, deadline=None)
@given(mistyped_numbers())
def test_mistyped_draws_are_invalid_as_typed_and_never_read_as_their_number(
    typed: MistypedNumber,
) -> None:
    """A mistake is visible: the text is no valid number, and check() never reads it silently."""
    report = smscheck.check(typed.text, region=typed.region)
    assert report.codes, typed
    if report.number is not None:
        # Only a mistake in how the number was written is read, and then as the number meant.
        assert report.number.e164 == typed.e164, (typed, report.codes)
        assert any(d.severity is not Severity.INFO for d in report.diagnostics) or report.has(
            Code.TRUNK_PREFIX_AFTER_COUNTRY_CODE
        )


@settings(max_examples=200, deadline=None)
@given(mistyped_numbers(mistakes=[Code.DUPLICATED_COUNTRY_CODE]))
def test_a_doubled_country_code_is_named(typed: MistypedNumber) -> None:
    """smscheck names the doubled country code of every draw and suggests the number meant."""
    report = smscheck.check(typed.text, region=typed.region)
    assert report.has(Code.DUPLICATED_COUNTRY_CODE), (typed, report.codes)
    assert report.suggestions[0].e164 == typed.e164


@pytest.mark.parametrize(
    "call",
    [
        lambda: phone_numbers(regions=["XX"]),
        lambda: phone_numbers(regions=[]),
        lambda: phone_numbers(line_types=(LineType.PAGER,)),
        lambda: phone_numbers(forms=("rfc3966",)),
        lambda: mistyped_numbers(mistakes=[Code.LANDLINE]),
    ],
)
def test_bad_arguments_are_a_value_error(call: object) -> None:
    """Unknown regions, line types, forms and mistakes are refused at once."""
    with pytest.raises(ValueError, match=r"must be among|unknown region"):
        call()  # type: ignore[operator]
