"""What explain_failure costs: per call against check() of the same number, and at first use.

Run: python benchmarks/bench_failures.py [--rounds 7]

* per call: on the valid mixed-region corpus of bench_check.py, each number with one of the
  packaged Twilio codes in turn, ``check(number)`` and ``explain_failure(code,
  provider="twilio", number=number)`` timed alternately in one process, round by round; the
  difference is what the explanation adds to the check;
* without a number: the look-up and the diagnostics alone;
* the join: what the number's report adds (``_evidence``) over reports made beforehand, so
  that the explanation's own cost is measured apart from the check's noise;
* first use: in fresh interpreters with smscheck's check already warm, the first
  ``explain_failure`` (which reads ``data/delivery_errors.toml``).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

sys.path.insert(0, str(Path(__file__).parent))

from bench_check import corpus

_FIRST_USE = """
import json, time
import smscheck
smscheck.check("+79161234567")
wall = time.perf_counter()
smscheck.explain_failure("30007", provider="twilio")
print(json.dumps({"first": time.perf_counter() - wall}))
"""


def _round(fn: Callable[[str, str], object], pairs: list[tuple[str, str]]) -> float:
    start = time.perf_counter()
    for code, number in pairs:
        fn(code, number)
    return (time.perf_counter() - start) / len(pairs) * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--numbers-per-region", type=int, default=4)
    args = parser.parse_args()
    import smscheck
    from smscheck._failures_data import default_table

    codes = [e.code for e in default_table().of("twilio")]
    numbers = corpus(args.numbers_per_region)
    pairs = [(codes[i % len(codes)], n) for i, n in enumerate(numbers)]

    def check(_code: str, number: str) -> object:
        return smscheck.check(number)

    def explain(code: str, number: str) -> object:
        return smscheck.explain_failure(code, provider="twilio", number=number)

    def alone(code: str, _number: str) -> object:
        return smscheck.explain_failure(code, provider="twilio")

    from smscheck._failures import _evidence

    causes = {e.code: e.cause for e in default_table().of("twilio")}
    reports = {n: smscheck.check(n) for n in numbers}

    def join(code: str, number: str) -> object:
        return _evidence(causes[code], reports[number], "en", None, None)

    for fn in (check, explain, alone, join):  # warm-up: lazy data, caches
        _round(fn, pairs)
    samples: dict[str, list[float]] = {
        "check": [],
        "explain": [],
        "alone": [],
        "added": [],
        "join": [],
    }
    for _ in range(args.rounds):
        c, e = _round(check, pairs), _round(explain, pairs)
        samples["check"].append(c)
        samples["explain"].append(e)
        samples["added"].append(e - c)
        samples["alone"].append(_round(alone, pairs))
        samples["join"].append(_round(join, pairs))
    first = []
    for _ in range(args.rounds):
        out = subprocess.run(
            [sys.executable, "-c", _FIRST_USE], check=True, capture_output=True, text=True
        )
        first.append(json.loads(out.stdout)["first"] * 1e3)

    def line(name: str, values: list[float], unit: str) -> str:
        med = statistics.median(values)
        return f"{name:44} {med:8.1f} {unit}  (range {min(values):.1f}-{max(values):.1f})"

    print(f"corpus: {len(pairs)} valid numbers, mixed regions, Twilio codes in turn;")
    print(f"median of {args.rounds} rounds")
    print(line("check(number)", samples["check"], "us"))
    print(line("explain_failure(code, number=number)", samples["explain"], "us"))
    print(line("  added to the check", samples["added"], "us"))
    print(line("explain_failure(code), no number", samples["alone"], "us"))
    print(line("the join with a report made beforehand", samples["join"], "us"))
    own = [a + j for a, j in zip(samples["alone"], samples["join"], strict=True)]
    print(line("explanation's own cost (the two above)", own, "us"))
    print(line("first explain_failure in a process", first, "ms"))


if __name__ == "__main__":
    main()
