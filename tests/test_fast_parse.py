"""The fast parse path gives exactly what phonenumbers.parse gives, wherever it answers.

``_phone._fast_parse`` reads ``+`` numbers and national numbers under their region from the
metadata without ``phonenumbers.parse``; it must return ``None`` (the full parse) for every
shape where parse() would change anything. These tests compare the two over a generated
corpus (every region's example number of every line type, in every written form, under its
own, a foreign and no region, with the mistake classes applied and with hostile digit
strings) and a hypothesis property, and compare whole reports with the fast path switched off.
"""

from __future__ import annotations

import itertools
import random

import phonenumbers
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import smscheck
from smscheck import LineType, _phone, _typos, _valid_probe
from smscheck._normalize import screen
from smscheck.strategies import mistyped_numbers, phone_numbers

_TYPES = (
    phonenumbers.PhoneNumberType.FIXED_LINE,
    phonenumbers.PhoneNumberType.MOBILE,
    phonenumbers.PhoneNumberType.TOLL_FREE,
    phonenumbers.PhoneNumberType.PREMIUM_RATE,
    phonenumbers.PhoneNumberType.SHARED_COST,
    phonenumbers.PhoneNumberType.VOIP,
    phonenumbers.PhoneNumberType.PERSONAL_NUMBER,
    phonenumbers.PhoneNumberType.PAGER,
    phonenumbers.PhoneNumberType.UAN,
    phonenumbers.PhoneNumberType.VOICEMAIL,
)
_REGIONS = sorted(phonenumbers.SUPPORTED_REGIONS)


def _key(parsed: _phone.Parsed | _phone.ParseFailure) -> object:
    if isinstance(parsed, _phone.ParseFailure):
        return parsed
    return (
        parsed.country_code,
        parsed.national_number,
        parsed.from_text,
        parsed.stripped_trunk_prefix,
        # What later calls build from it (the possibility verdict reads it).
        parsed.number.country_code,
        parsed.number.national_number,
        bool(parsed.number.italian_leading_zero),
        parsed.number.number_of_leading_zeros or 1,
    )


def _mistakes(digits: str) -> set[str]:
    """One digit dropped, added (doubled), changed or two swapped, at every position."""
    out = set()
    for i in range(len(digits)):
        out.add(digits[:i] + digits[i + 1 :])
        out.add(digits[:i] + digits[i] + digits[i:])
        out.add(digits[:i] + str((int(digits[i]) + 1) % 10) + digits[i + 1 :])
        if i + 1 < len(digits):
            out.add(digits[:i] + digits[i + 1] + digits[i] + digits[i + 2 :])
    return out


def _corpus() -> list[tuple[str, bool, str | None]]:
    rng = random.Random(20261201)  # noqa: S311 - a reproducible corpus, not a secret
    cases: set[tuple[str, bool, str | None]] = set()
    for region in _REGIONS:
        foreign = rng.choice(_REGIONS)
        code = str(phonenumbers.country_code_for_region(region))
        for kind in _TYPES:
            example = phonenumbers.example_number_for_type(region, kind)
            if example is None:
                continue
            e164 = phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.E164)[1:]
            national = phonenumbers.normalize_digits_only(
                phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.NATIONAL)
            )
            nsn = phonenumbers.national_significant_number(example)
            prefix = _phone.national_prefix(region) or ""
            written = {e164, national, nsn, code + nsn, code + code + nsn, prefix + nsn}
            written |= {"00" + e164, "011" + e164, "810" + e164, code + "0" + nsn}
            for digits in written | _mistakes(nsn) | _mistakes(e164):
                for plus, hint in ((True, None), (False, region), (False, foreign)):
                    cases.add((digits, plus, hint))
    for length in range(1, 21):  # hostile and degenerate strings
        for digit in "0123456789":
            for plus, hint in ((True, None), (False, "US"), (False, "RU"), (False, "IT")):
                cases.add((digit * length, plus, hint))
        for _ in range(20):
            digits = "".join(rng.choice("0123456789") for _ in range(length))
            cases.add((digits, True, None))
            cases.add((digits, False, rng.choice(_REGIONS)))
    return sorted(cases, key=lambda c: (c[0], c[1], c[2] or ""))


CORPUS = _corpus()


def test_the_corpus_is_large_and_the_fast_path_takes_most_valid_shapes() -> None:
    assert len(CORPUS) > 100_000
    fast = sum(_phone._fast_parse(d, p, r) is not None for d, p, r in CORPUS)
    assert fast > len(CORPUS) // 3  # the fast path is taken, not always bypassed


def test_fast_path_equals_the_full_parse_over_the_corpus() -> None:
    wrong = []
    for digits, plus, region in CORPUS:
        fast = _phone._fast_parse(digits, plus, region)
        if fast is None:
            continue
        full = _phone._full_parse(digits, plus=plus, region=region)
        if _key(fast) != _key(full):
            wrong.append((digits, plus, region, fast, full))
    assert wrong == []


@settings(max_examples=3000, deadline=None)
@given(
    digits=st.text("0123456789", min_size=1, max_size=20),
    plus=st.booleans(),
    region=st.sampled_from(_REGIONS),
)
def test_fast_path_equals_the_full_parse_on_any_digits(
    digits: str, plus: bool, region: str
) -> None:
    hint = None if plus else region
    fast = _phone._fast_parse(digits, plus, hint)
    if fast is not None:
        assert _key(fast) == _key(_phone._full_parse(digits, plus=plus, region=hint))


@settings(max_examples=400, deadline=None)
@given(data=st.data())
def test_reports_are_the_same_with_the_fast_path_off(data: st.DataObject) -> None:
    drawn = data.draw(
        st.one_of(
            phone_numbers(line_types=(LineType.MOBILE, LineType.FIXED_LINE)), mistyped_numbers()
        )
    )
    text = drawn.text
    region = data.draw(st.sampled_from((drawn.region, None, *_REGIONS[:40])))
    with_fast = smscheck.check(text, region=region).to_dict()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_phone, "_fast_parse", lambda *args: None)
        without = smscheck.check(text, region=region).to_dict()
    assert with_fast == without


def test_reports_are_the_same_with_the_fast_path_off_on_every_example(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    forms = (phonenumbers.PhoneNumberFormat.E164, phonenumbers.PhoneNumberFormat.NATIONAL)
    texts = [
        (phonenumbers.format_number(example, form), region)
        for region, kind in itertools.product(_REGIONS, _TYPES[:3])
        if (example := phonenumbers.example_number_for_type(region, kind)) is not None
        for form in forms
    ]
    with_fast = [smscheck.check(t, region=r).to_dict() for t, r in texts]
    monkeypatch.setattr(_phone, "_fast_parse", lambda *args: None)
    without = [smscheck.check(t, region=r).to_dict() for t, r in texts]
    assert with_fast == without


def test_region_and_type_equal_phonenumbers_over_the_corpus() -> None:
    """The compiled type tests give phonenumbers' public answers on every parse of the corpus
    (valid, invalid, shared country codes, non-geographic ones)."""
    wrong = []
    checked = 0
    for digits, plus, region in CORPUS[::3]:
        parsed = _phone._full_parse(digits, plus=plus, region=region)
        if isinstance(parsed, _phone.ParseFailure):
            continue
        expected = (
            phonenumbers.region_code_for_number(parsed.number),
            phonenumbers.number_type(parsed.number),
        )
        found = _phone._region_and_type(parsed.country_code, parsed.national_number)
        checked += 1
        if found != expected:
            wrong.append((digits, plus, region, found, expected))
    assert checked > 30_000
    assert wrong == []


def _probe_agrees(text: str, digits: str, plus: bool, region: str | None) -> bool | None:
    """Where ``_valid_probe.needed`` says the typo model has nothing to say, it has not.

    ``None`` where the probe does not apply (no valid reading), else whether it agrees.
    """
    parsed = _phone.parse(digits, plus=plus, region=region)
    if isinstance(parsed, _phone.ParseFailure):
        return None
    reading = _phone.read(parsed)
    if not reading.valid:
        return None
    needed = _valid_probe.needed(
        digits,
        plus=plus,
        from_text=parsed.from_text,
        country_code=parsed.country_code,
        national_number=parsed.national_number,
        line_type=reading.line_type,
        text=text,
        hint=region,
    )
    return needed or _typos.on_valid(digits, plus, region, reading, text) is None


def test_the_valid_probe_skips_only_what_the_typo_model_would_not_flag() -> None:
    valid = 0
    for digits, plus, region in CORPUS[::2]:
        agrees = _probe_agrees(digits, digits, plus, region)
        assert agrees is not False, (digits, plus, region)
        valid += agrees is True
    assert valid > 5_000


@settings(max_examples=1500, deadline=None)
@given(data=st.data())
def test_the_valid_probe_on_typed_numbers(data: st.DataObject) -> None:
    drawn = data.draw(st.one_of(phone_numbers(line_types=_PROBE_TYPES), mistyped_numbers()))
    region = data.draw(st.sampled_from((drawn.region, None, *_REGIONS[:40])))
    screened = screen(drawn.text)
    if not screened.readable or screened.lookalike_digits is not None:
        return
    if not screened.plus and region is None:
        return
    assert _probe_agrees(drawn.text, screened.digits, screened.plus, region) is not False


_PROBE_TYPES = (LineType.MOBILE, LineType.FIXED_LINE, LineType.VOIP, LineType.TOLL_FREE)
