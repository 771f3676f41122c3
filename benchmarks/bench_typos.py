"""What the typo machinery costs: valid-path overhead, and invalid-input median and maximum.

Run:  python benchmarks/bench_typos.py

Valid inputs are timed through ``check()`` twice: as shipped, and with ``_typos.on_valid``
switched off (the only typo code on the valid path). Invalid inputs (every mistake of
``benchmarks/accuracy.py``'s corpus plus hostile shapes) are timed one by one, best of three.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from accuracy import corpus

import smscheck
from smscheck import _typos

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


def _off(*_args: object, **_kwargs: object) -> None:
    return None


def _valid_pass(cases: list[tuple[str, str | None]]) -> float:
    start = time.perf_counter()
    for text, region in cases:
        smscheck.check(text, region=region)
    return time.perf_counter() - start


def _one(text: str, region: str | None) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        smscheck.check(text, region=region)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    cases = list(corpus())
    valid = [(c.text, c.region) for c in cases if c.kind == "valid"]
    invalid = [(c.text, c.region) for c in cases if c.kind != "valid"]
    invalid += [(text, region) for text in _HOSTILE for region in (None, "US", "RU", "DE", "BR")]
    for text, region in valid + invalid:  # warm caches (metadata, patterns, prefix tables)
        smscheck.check(text, region=region)
    real = _typos.on_valid
    with_typos, without = [], []
    for _ in range(5):
        with_typos.append(_valid_pass(valid))
        _typos.on_valid = _off
        try:
            without.append(_valid_pass(valid))
        finally:
            _typos.on_valid = real
    on, off = min(with_typos), min(without)
    print(f"valid inputs: {len(valid)}")
    print(f"  check() with typo machinery:    {1e6 * on / len(valid):7.1f} µs/input")
    print(f"  check() without typo machinery: {1e6 * off / len(valid):7.1f} µs/input")
    print(f"  overhead: {100 * (on - off) / off:+.1f} %")
    times = sorted((_one(text, region), text, region) for text, region in invalid)
    values = [t for t, _, _ in times]
    print(f"invalid inputs: {len(values)}")
    print(
        f"  median {1e3 * statistics.median(values):.3f} ms, "
        f"p99 {1e3 * values[int(0.99 * len(values))]:.3f} ms, max {1e3 * values[-1]:.3f} ms"
    )
    for elapsed, text, region in times[-3:]:
        print(f"  slowest: {1e3 * elapsed:.3f} ms {text!r} region={region}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
