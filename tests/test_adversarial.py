"""Hostile input: bounded work, capped phonenumbers calls, no I/O, thread safety.

What plain phonenumbers 9.0.43 does with such shapes, measured once by hand on the development
machine (best of 3, CPython 3.11). The figures demonstrate; they are not a test: timing
assertions are flaky, so the tests below count work instead, and speed lives in benchmarks/.

    phonenumbers.parse(text, "US"), input length 30 / 60 / 120 / 240 characters:
      "12" + "-" * n + "3"        155 µs /  389 µs / 1295 µs / 4879 µs   (x4 a doubling: quadratic)
      "+7 " + " -" * n + digits    87 µs /  272 µs / 1102 µs / 4465 µs   (quadratic)
      "1-" * n, "1 " * n           91 µs /  123 µs /  188 µs /  333 µs   (linear, high constant)
      "+1 800 " + "A" * n          56 µs /   80 µs /  130 µs /  228 µs   (linear)
      tel: + ";phone-context=+7"*n 47 µs /   10 µs /   10 µs /   10 µs   (refused early)
    parse refuses anything over 250 characters (_MAX_INPUT_STRING_LENGTH), so its worst case
    is bounded at about 5 ms a call; the separator runs are what reach it.

    shortnumberinfo.connects_to_emergency_number(text, "US"), which has no length cap:
      "1" + " -" * n + "12", length 1000 / 2000 / 4000 / 8000:
                                59 ms / 238 ms / 957 ms / 3798 ms      (quadratic, unbounded)
      "9" * n                   0.6 ms / 1.2 ms / 2.5 ms / 4.9 ms       (linear)
    PhoneNumberMatcher over "1 " * n, n = 1000 / 2000 / 4000: 34 / 50 / 100 ms.

smscheck never hands phonenumbers raw text: _normalize caps the input at MAX_INPUT_LENGTH
before anything else, reduces it to at most MAX_DIGITS ASCII digits, and _phone caps again.
The tests below prove that by instrumenting the boundary and by counting executed lines.
"""

from __future__ import annotations

import builtins
import io
import os
import socket
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

import phonenumbers
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from phonenumbers import shortnumberinfo

import smscheck
from smscheck import Code, Report, _messages, _normalize, _phone
from smscheck._normalize import MAX_DIGITS, MAX_INPUT_LENGTH

from .strategies import REGIONS, crafted_hostile, hostile_text

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from types import FrameType

# Shapes that are slow or unbounded in plain phonenumbers, as functions of a size n.
SHAPES: dict[str, Callable[[int], str]] = {
    "separator_run": lambda n: "+1 650" + "-" * n + "253 0000",
    "spaced_dashes": lambda n: "+7 " + " -" * (n // 2) + "9161234567",
    "phone_context_spam": lambda n: "tel:+16502530000" + ";phone-context=+1" * (n // 17),
    "isub_spam": lambda n: "tel:+16502530000" + ";isub=1" * (n // 7),
    "ext_spam": lambda n: "+1 650 253 0000" + " ext 1" * (n // 6),
    "many_letters": lambda n: "+1 800 " + "A" * n,
    "lookalike_letters": lambda n: "+1 650 " + "O" * n,
    "nested_brackets": lambda n: "(" * (n // 2) + "+16502530000" + ")" * (n // 2),
    "repeated_plus": lambda n: "+" * n + "16502530000",
    "emergency_like": lambda n: "911 " * (n // 4),
    "emergency_separators": lambda n: "1" + " -" * (n // 2) + "12",
    "digits": lambda n: "1" * n,
    "or_chain": lambda n: " or ".join(["+16502530000"] * max(1, n // 16)),
    "invisible": lambda n: "\u200b" * n + "+16502530000",
    "surrogates": lambda n: "\ud800" * n + "+16502530000",
    "emoji": lambda n: "\U0001f600" * n + "+16502530000",
    "scientific": lambda n: "1." + "6" * n + "E+10",
}

_MEGABYTE = 1 << 20


def _count_lines(call: Callable[[], object]) -> int:
    """Python lines executed by ``call`` (smscheck, phonenumbers and all): a clock-free cost."""
    count = 0

    def tracer(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal count
        if event == "line":
            count += 1
        return tracer

    previous = sys.gettrace()  # keep coverage's tracer
    sys.settrace(tracer)
    try:
        call()
    finally:
        sys.settrace(previous)
    return count


def _work(text: str, region: str | None = "US") -> int:
    smscheck.check(text, region=region)  # warm caches: count the steady state
    return _count_lines(lambda: smscheck.check(text, region=region))


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_work_grows_linearly_and_stops_at_the_cap(shape: str) -> None:
    """Executed lines grow at a constant rate up to the cap, then drop to a small constant."""
    make = SHAPES[shape]
    sizes = [64, 128, MAX_INPUT_LENGTH - 24]
    texts = [make(n) for n in sizes]
    assert all(len(t) <= MAX_INPUT_LENGTH for t in texts)
    works = [_work(t) for t in texts]
    lengths = [len(t) for t in texts]
    slope_low = (works[1] - works[0]) / (lengths[1] - lengths[0])
    slope_high = (works[2] - works[1]) / (lengths[2] - lengths[1])
    # Linear work has a constant slope; quadratic work doubles it with each doubling.
    assert slope_high <= 1.5 * slope_low + 2, (shape, lengths, works)
    for length, work in zip(lengths, works, strict=True):
        assert work <= 40 * length + 5_000, (shape, length, work)
    over = [_work(make(n)) for n in (MAX_INPUT_LENGTH * 2, _MEGABYTE)]
    assert max(over) < 200, (shape, over)


@given(piece=crafted_hostile().filter(bool), times=st.integers(min_value=2, max_value=4))
@settings(max_examples=60, deadline=None)
def test_repeating_any_text_costs_at_most_linear_work(piece: str, times: int) -> None:
    """Repeating a text k times never costs more than about k times the work, plus a constant.

    The constant is one capped typo search: a repeated piece may turn a valid number into an
    invalid one, which then pays for the search once, whatever its length.
    """
    piece = piece[: MAX_INPUT_LENGTH // 4]
    once = _work(piece)
    repeated = _work(piece * times)
    assert repeated <= times * once + _TYPO_SEARCH_BUDGET, (piece, times, once, repeated)


# The typo search is capped (_typos: at most 400 rewrites and 96 validity checks). Over random
# digit strings of 6 to 20 digits in US, RU, DE, GB and no-region forms, the most it executed
# was about 19,000 traced lines; the budget leaves room for metadata growth, not for a
# search that grows with the input.
_TYPO_SEARCH_BUDGET = 30_000


@given(
    digits=st.from_regex(r"[0-9]{6,20}", fullmatch=True),
    region=st.sampled_from(["US", "RU", "DE", "GB", "IN", "BR", None]),
)
@settings(max_examples=60, deadline=None)
def test_typo_search_is_bounded(digits: str, region: str | None) -> None:
    """Whatever digits are typed, the typo search stays within its fixed budget."""
    assert _work(digits, region) <= _TYPO_SEARCH_BUDGET


# The phonenumbers boundary: what it is handed, and what is never called.


class _Spy:
    """Records the length of the text each phonenumbers entry point is handed."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.lengths: dict[str, list[int]] = {}
        self.calls: dict[str, int] = {}
        for owner, name in (
            (phonenumbers, "parse"),
            (phonenumbers, "convert_alpha_characters_in_number"),
            (phonenumbers, "normalize_digits_only"),
            (phonenumbers, "is_possible_number_string"),
        ):
            self._wrap(monkeypatch, owner, name, measure=True)
        for owner, name in (
            (shortnumberinfo, "is_valid_short_number_for_region"),
            (phonenumbers, "region_code_for_number"),
        ):
            self._wrap(monkeypatch, owner, name, measure=False)
        for owner, name in (
            (phonenumbers, "PhoneNumberMatcher"),
            (shortnumberinfo, "connects_to_emergency_number"),
            (shortnumberinfo, "is_emergency_number"),
            (phonenumbers, "is_alpha_number"),
        ):
            monkeypatch.setattr(owner, name, self._forbidden(name))

    def _wrap(
        self, monkeypatch: pytest.MonkeyPatch, owner: Any, name: str, *, measure: bool
    ) -> None:
        original = getattr(owner, name)

        def spy(*args: Any, **kwargs: Any) -> Any:
            self.calls[name] = self.calls.get(name, 0) + 1
            if measure:
                self.lengths.setdefault(name, []).append(len(args[0]))
            return original(*args, **kwargs)

        monkeypatch.setattr(owner, name, spy)

    @staticmethod
    def _forbidden(name: str) -> Callable[..., Any]:
        def refuse(*args: Any, **kwargs: Any) -> Any:
            msg = f"smscheck must not call phonenumbers.{name} (superlinear on crafted input)"
            raise AssertionError(msg)

        return refuse

    def longest(self) -> int:
        return max((max(v) for v in self.lengths.values() if v), default=0)

    def total_calls(self) -> int:
        return sum(self.calls.values())


def _hostile_corpus() -> Iterator[str]:
    for make in SHAPES.values():
        for n in (10, 100, MAX_INPUT_LENGTH - 30, MAX_INPUT_LENGTH * 4, _MEGABYTE):
            yield make(n)


def test_phonenumbers_is_only_handed_short_clean_input(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever the input, phonenumbers' text functions get at most MAX_DIGITS (+1) characters.

    Its slow entry points (the matcher, the emergency checks, alpha detection) are never called.
    """
    spy = _Spy(monkeypatch)
    for text in _hostile_corpus():
        for region in (None, "US", "RU", "BR"):
            smscheck.check(text, region=region)
    assert spy.lengths["parse"]
    assert spy.longest() <= 2 * MAX_DIGITS + 1  # vanity text keeps its letters: 2 x the cap


@given(
    text=st.one_of(hostile_text(), crafted_hostile()),
    region=st.sampled_from((None, "US", "RU")),
)
@settings(max_examples=200)
def test_phonenumbers_calls_are_few_and_short(text: str, region: str | None) -> None:
    """Property: any text costs a bounded number of phonenumbers calls on short strings."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        spy = _Spy(monkeypatch)
        smscheck.check(text, region=region)
    assert spy.longest() <= 2 * MAX_DIGITS + 1
    assert spy.total_calls() <= 200, spy.calls


def test_overlong_input_is_refused_before_screening(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past MAX_INPUT_LENGTH nothing but the length is looked at."""

    def boom(*args: object, **kwargs: object) -> object:
        msg = "screening ran on over-long input"
        raise AssertionError(msg)

    for name in ("_strip_control", "_undo_spreadsheet", "_first_of_many", "_scan"):
        monkeypatch.setattr(_normalize, name, boom)
    monkeypatch.setattr(_phone, "parse", boom)
    for length in (MAX_INPUT_LENGTH + 1, 10 * MAX_INPUT_LENGTH, _MEGABYTE):
        report = smscheck.check("\u200b+7(" * (length // 4) + "1" * (length % 4))
        assert report.codes == (Code.INPUT_TOO_LONG,)
        assert report.diagnostics[0].param("length") == length
        assert report.diagnostics[0].param("limit") == MAX_INPUT_LENGTH
        assert report.number is None


def test_the_cap_is_inclusive() -> None:
    """Exactly MAX_INPUT_LENGTH characters are still screened."""
    text = "+16502530000".ljust(MAX_INPUT_LENGTH)
    report = smscheck.check(text)
    assert Code.INPUT_TOO_LONG not in report.codes
    assert report.number is not None
    assert Code.INPUT_TOO_LONG in smscheck.check(text + " ").codes


# No I/O, thread safety.

_WARM_INPUTS = [
    "+7 916 123 45 67",
    "8 (916) 123-45-67",
    "+1 650 253 0000 ext. 1",
    "1-800-FLOWERS",
    "+44 20 7946 0123",
    "+44 7400 123456",
    "112",
    "+800 1234 5678",
    "+7 916 123 45 6O",
    "\u200b+49 30 123456",
    "'+79161234567",
    "7.91235E+10",
    "",
    "hello",
    "x" * 300,
    "+49 1512 3456789",
    "+33 6 12 34 56 78",
    "+86 131 2345 6789",
    "+91 81234 56789",
]


def _corpus() -> list[tuple[str, str | None, str]]:
    cases: list[tuple[str, str | None, str]] = []
    for region in REGIONS:
        number = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.MOBILE)
        if number is not None:
            national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
            cases.append((national, region, "en"))
            cases.append((phonenumbers.format_number(number, 0), None, "ru"))
    cases.extend((text, "US", lang) for text in _WARM_INPUTS for lang in ("en", "ru"))
    return cases


def test_check_opens_no_files_sockets_or_processes(monkeypatch: pytest.MonkeyPatch) -> None:
    """After warm-up, check() does no I/O at all: open, sockets and subprocesses all refuse."""
    cases = _corpus()
    expected = [smscheck.check(t, region=r, lang=lang) for t, r, lang in cases]

    def refuse(*args: object, **kwargs: object) -> object:
        msg = "check() tried to do I/O"
        raise AssertionError(msg)

    for owner, name in (
        (builtins, "open"),
        (io, "open"),
        (os, "open"),
        (os, "system"),
        (os, "popen"),
        (socket, "socket"),
        (socket, "create_connection"),
        (socket, "getaddrinfo"),
        (subprocess, "Popen"),
        (subprocess, "run"),
    ):
        monkeypatch.setattr(owner, name, refuse)
    got = [smscheck.check(t, region=r, lang=lang) for t, r, lang in cases]
    assert got == expected


def _clear_caches() -> None:
    """Empty smscheck's lazy caches so that threads race to fill them."""
    for module in (_phone, _normalize):
        for value in vars(module).values():
            clear = getattr(value, "cache_clear", None)
            if callable(clear):
                clear()
    _messages._CATALOGS.clear()


def test_thread_safe() -> None:
    """Many checks on 16 threads, starting from cold caches, equal the sequential results."""
    cases = _corpus() * 3
    sequential = [smscheck.check(t, region=r, lang=lang) for t, r, lang in cases]
    _clear_caches()

    def run(case: tuple[str, str | None, str]) -> Report:
        text, region, lang = case
        return smscheck.check(text, region=region, lang=lang)

    with ThreadPoolExecutor(max_workers=16) as pool:
        threaded = list(pool.map(run, cases))
    assert threaded == sequential
