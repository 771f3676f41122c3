"""Hypothesis properties of check(): total, rendering-independent, deterministic, idempotent."""

from __future__ import annotations

import phonenumbers
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

import smscheck
from smscheck import Report

from .strategies import (
    DIGIT_SCRIPTS,
    REGIONS,
    Example,
    crafted_hostile,
    example_numbers,
    hostile_text,
    renderings,
    to_script,
)

_REGION_HINTS = st.one_of(st.none(), st.sampled_from(REGIONS))


def _e164(report: Report) -> str | None:
    return None if report.number is None else report.number.e164


def _expected_e164(example: Example) -> str:
    return phonenumbers.format_number(example[2], phonenumbers.PhoneNumberFormat.E164)


@given(text=st.one_of(hostile_text(), crafted_hostile()), region=_REGION_HINTS)
@example(text="\ud800\udfff\x00\u202e+7\u200b912", region=None)
@example(text="tel:+7" + ";phone-context=+7" * 40, region="RU")
@example(text="(" * 120 + "+7" + ")" * 120, region=None)
@example(text="1" * 1_000_000, region="US")
@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
def test_never_raises_on_any_str(text: str, region: str | None) -> None:
    """check() returns a report for every str, whatever its characters and shape."""
    report = smscheck.check(text, region=region)
    assert report.input == text
    assert report.ok == (
        report.number is not None
        and all(d.severity is not smscheck.Severity.ERROR for d in report.diagnostics)
    )
    for diagnostic in report.diagnostics:
        assert diagnostic.message
        assert diagnostic.remedy
        # Odd characters are named, never echoed raw (bidi overrides, NUL, surrogates).
        assert "\u202e" not in diagnostic.message
        assert "\x00" not in diagnostic.message


@given(text=st.from_regex(r"\+?[0-9 ()-]{0,40}", fullmatch=True), region=_REGION_HINTS)
def test_never_raises_on_digit_shapes(text: str, region: str | None) -> None:
    """Strings of ASCII digits, plus and separators always give a report.

    Its suggestions are what the person may have meant, each worth something: none at a
    confidence that rounds to 0, none above 1, most likely first.
    """
    report = smscheck.check(text, region=region)
    confidences = [s.confidence for s in report.suggestions]
    assert all(0 < c <= 1 for c in confidences)
    assert confidences == sorted(confidences, reverse=True)


@given(data=st.data(), example=example_numbers())
@settings(max_examples=300)
def test_every_rendering_gives_the_same_e164(data: st.DataObject, example: Example) -> None:
    """E.164, international and national renderings, any separator: one E.164."""
    text, hint, plain = data.draw(renderings(example))
    # Only formats phonenumbers itself reads back are smscheck's business here.
    parsed = phonenumbers.parse(plain, hint)
    assume(
        phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
        == _expected_e164(example)
    )
    assert _e164(smscheck.check(text, region=hint)) == _expected_e164(example)


@given(
    example=example_numbers(),
    script=st.sampled_from(sorted(DIGIT_SCRIPTS)),
    plus=st.sampled_from(["+", "\uff0b"]),
)
def test_unicode_digits_equal_ascii_digits(example: Example, script: str, plus: str) -> None:
    """A number written in any decimal digit script reads as its ASCII twin."""
    ascii_text = _expected_e164(example)
    text = plus + to_script(ascii_text[1:], DIGIT_SCRIPTS[script])
    ascii_report = smscheck.check(ascii_text)
    report = smscheck.check(text)
    assert report.number == ascii_report.number
    assert report.codes == ascii_report.codes


@given(text=st.one_of(hostile_text(), crafted_hostile()), region=_REGION_HINTS)
def test_deterministic(text: str, region: str | None) -> None:
    """The same input twice gives equal reports (and equal hashes)."""
    first = smscheck.check(text, region=region)
    second = smscheck.check(text, region=region)
    assert first == second
    assert hash(first) == hash(second)
    assert first.to_dict() == second.to_dict()


@given(data=st.data(), example=example_numbers())
def test_normalisation_is_idempotent(data: st.DataObject, example: Example) -> None:
    """Checking the E.164 smscheck read gives the same E.164 back, with or without a hint."""
    text, hint, _ = data.draw(renderings(example))
    report = smscheck.check(text, region=hint)
    assume(report.number is not None)
    assert report.number is not None
    again = smscheck.check(report.number.e164)
    assert again.number == report.number
    hinted = smscheck.check(report.number.e164, region=data.draw(_REGION_HINTS))
    assert _e164(hinted) == report.number.e164


@given(
    data=st.data(),
    example=example_numbers(),
    noise=st.one_of(hostile_text(), crafted_hostile()).map(lambda t: t[:8]),
)
def test_normalisation_is_idempotent_on_noisy_text(
    data: st.DataObject, example: Example, noise: str
) -> None:
    """Whatever was read from a rendering with noise added reads back as itself."""
    text, hint, _ = data.draw(renderings(example))
    at = data.draw(st.integers(min_value=0, max_value=len(text)))
    report = smscheck.check(text[:at] + noise + text[at:], region=hint)
    assume(report.number is not None)
    assert report.number is not None
    assert _e164(smscheck.check(report.number.e164)) == report.number.e164
