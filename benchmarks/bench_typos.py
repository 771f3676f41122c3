"""What the typo model costs: valid-path overhead, and the invalid path against phonenumbers.

Run:  python benchmarks/bench_typos.py [--rounds 5]

Each round, in one process:

* valid inputs (every ``valid`` case of ``benchmarks/accuracy.py``'s corpus) are timed through
  ``check()`` as shipped and with ``_typos.on_valid`` switched off (the only typo code on the
  valid path), in five alternating passes of each: the overhead is the difference of the two
  medians; and once more with the clock read around each ``on_valid`` call, the time inside
  it against the rest of the pass (the same overhead, measured within one pass);
* invalid inputs (every mistake of the corpus plus hostile shapes) are timed one by one through
  ``check()``, and through plain phonenumbers (``parse`` + ``is_valid_number``, pattern cache
  on) as the baseline of the same run.

The figures are the median over the rounds of each round's figure, with the range.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

sys.path.insert(0, str(Path(__file__).parent))

import phonenumbers
from accuracy import corpus

import smscheck
from smscheck import _typos

if TYPE_CHECKING:
    from collections.abc import Callable

_HOSTILE = [
    "0" * 20,
    "9" * 20,
    "1" * 17,
    "+" + "7" * 19,
    "00" + "1" * 18,
    "8~10" + "4" * 16,
    "+123456789012345678",
    "12345678901234567",
]


#: Alternating passes with and without the typo checks per round.
_PAIRS: Final = 5


def switched_off(*_args: object, **_kwargs: object) -> None:
    return None


def valid_pass(cases: list[tuple[str, str | None]]) -> float:
    start = time.perf_counter()
    for text, region in cases:
        smscheck.check(text, region=region)
    return time.perf_counter() - start


def with_and_without(cases: list[tuple[str, str | None]]) -> tuple[float, float]:
    """Seconds for one pass over ``cases`` with the typo checks and without them.

    Passes of both kinds alternate, :data:`_PAIRS` of each, and each figure is the median of
    its kind, so that a burst of load on a shared machine falls on both alike.
    """
    real = _typos.on_valid
    ons, offs = [], []
    for _pair in range(_PAIRS):
        ons.append(valid_pass(cases))
        _typos.on_valid = switched_off
        try:
            offs.append(valid_pass(cases))
        finally:
            _typos.on_valid = real
    return statistics.median(ons), statistics.median(offs)


def inside_share(cases: list[tuple[str, str | None]]) -> float:
    """The time spent inside the typo checks of one pass, in % of the rest of ``check()``.

    The same overhead, measured within one pass rather than as the difference of two: the
    clock is read around each ``_typos.on_valid`` call, so a burst of load on the machine
    slows both sides of the ratio alike.
    """
    real = _typos.on_valid
    inside = 0.0

    def timed(*args: Any, **kwargs: Any) -> _typos.Verdict | None:
        nonlocal inside
        start = time.perf_counter()
        try:
            return real(*args, **kwargs)
        finally:
            inside += time.perf_counter() - start

    _typos.on_valid = timed
    try:
        total = valid_pass(cases)
    finally:
        _typos.on_valid = real
    return 100 * inside / (total - inside)


def baseline(text: str, region: str | None) -> None:
    with contextlib.suppress(phonenumbers.NumberParseException):
        phonenumbers.is_valid_number(phonenumbers.parse(text, region))


def check(text: str, region: str | None) -> None:
    smscheck.check(text, region=region)


def each(
    cases: list[tuple[str, str | None]], run: Callable[[str, str | None], None]
) -> list[float]:
    """Each case timed on its own, sorted."""
    times = []
    for text, region in cases:
        start = time.perf_counter()
        run(text, region)
        times.append(time.perf_counter() - start)
    return sorted(times)


def _spread(values: list[float], unit: str, scale: float) -> str:
    return (
        f"{scale * statistics.median(values):.3f} {unit} "
        f"(range {scale * min(values):.3f}-{scale * max(values):.3f})"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    cases = list(corpus(None))
    valid = [(c.text, c.region) for c in cases if c.kind == "valid"]
    invalid = [(c.text, c.region) for c in cases if c.kind != "valid"]
    invalid += [(text, region) for text in _HOSTILE for region in (None, "US", "RU", "DE", "BR")]
    phonenumbers.enable_pattern_cache()
    for text, region in valid + invalid:  # warm caches (metadata, patterns, prefix tables)
        smscheck.check(text, region=region)
        baseline(text, region)
    overheads, shares, on_us, off_us = [], [], [], []
    medians, p99s, maxima, base_medians = [], [], [], []
    for _ in range(args.rounds):
        on, off = with_and_without(valid)
        overheads.append(100 * (on - off) / off)
        shares.append(inside_share(valid))
        on_us.append(1e6 * on / len(valid))
        off_us.append(1e6 * off / len(valid))
        times = each(invalid, check)
        medians.append(statistics.median(times))
        p99s.append(times[int(0.99 * len(times))])
        maxima.append(times[-1])
        base_medians.append(statistics.median(each(invalid, baseline)))
    print(f"rounds: {args.rounds}")
    print(f"valid inputs: {len(valid)}")
    print(f"  check() with the typo model:    {_spread(on_us, 'µs', 1)}")
    print(f"  check() without it:             {_spread(off_us, 'µs', 1)}")
    print(f"  overhead: {_spread(overheads, '%', 1)}")
    print(f"  time inside the typo checks: {_spread(shares, '%', 1)} of the rest")
    print(f"invalid inputs: {len(invalid)}")
    print(f"  check() median: {_spread(medians, 'ms', 1e3)}")
    print(f"  check() p99:    {_spread(p99s, 'ms', 1e3)}")
    print(f"  check() max:    {_spread(maxima, 'ms', 1e3)}")
    print(f"  phonenumbers parse + is_valid_number median: {_spread(base_medians, 'ms', 1e3)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
