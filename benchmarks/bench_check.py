"""Per-number cost of smscheck.check() against plain phonenumbers doing the same job.

Run: python benchmarks/bench_check.py [--rounds 5] [--numbers-per-region 4]

The corpus is valid numbers of every region and every line type in the metadata, taken from
phonenumbers' example numbers and their neighbours, shuffled with a fixed seed so that regions
are mixed as in a real sign-up stream. Three things are timed, in the same process and run:

* baseline, default: what people write today, ``parse`` + ``is_valid_number`` + ``number_type``
  with phonenumbers as installed (its regex cache is Python's ``re`` cache of 512 patterns);
* baseline, best: the same with ``phonenumbers.enable_pattern_cache()``;
* smscheck: ``check(text)``, which also screens the text, reads the carrier, checks fictional
  and example ranges and builds the typed report.

The default baseline is timed first, in a child process, because the pattern cache cannot be
switched off again once smscheck (or the best baseline) has turned it on.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import time
from typing import TYPE_CHECKING

import phonenumbers

if TYPE_CHECKING:
    from collections.abc import Callable

_TYPES = (
    phonenumbers.PhoneNumberType.MOBILE,
    phonenumbers.PhoneNumberType.FIXED_LINE,
    phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
    phonenumbers.PhoneNumberType.TOLL_FREE,
    phonenumbers.PhoneNumberType.VOIP,
)


def corpus(per_region: int, seed: int = 20261125) -> list[str]:
    """Valid numbers from every region in E.164, mixed in a fixed random order."""
    rng = random.Random(seed)
    out: list[str] = []
    for region in sorted(phonenumbers.SUPPORTED_REGIONS):
        found: list[str] = []
        for kind in _TYPES:
            example = phonenumbers.example_number_for_type(region, kind)
            if example is None:
                continue
            base = str(example.national_number)
            for _ in range(20):
                if len(found) >= per_region:
                    break
                tail = "".join(rng.choice("0123456789") for _ in range(2))
                candidate = phonenumbers.parse(f"+{example.country_code}{base[:-2]}{tail}")
                if phonenumbers.is_valid_number(candidate):
                    e164 = phonenumbers.format_number(
                        candidate, phonenumbers.PhoneNumberFormat.E164
                    )
                    if e164 not in found:
                        found.append(e164)
        out.extend(found)
    rng.shuffle(out)
    return out


def baseline(text: str) -> tuple[bool, int]:
    number = phonenumbers.parse(text)
    return phonenumbers.is_valid_number(number), phonenumbers.number_type(number)


def per_call_us(fn: Callable[[str], object], numbers: list[str], rounds: int) -> float:
    """Median over rounds of the mean cost of one call, in microseconds."""
    for text in numbers:  # warm-up: lazy data, first compilations
        fn(text)
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        for text in numbers:
            fn(text)
        times.append((time.perf_counter() - start) / len(numbers) * 1e6)
    return statistics.median(times)


def _child_default(per_region: int, rounds: int) -> None:
    numbers = corpus(per_region)
    print(json.dumps({"default": per_call_us(baseline, numbers, rounds)}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--numbers-per-region", type=int, default=4)
    parser.add_argument("--child-default", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_default:
        _child_default(args.numbers_per_region, args.rounds)
        return
    child = subprocess.run(
        [
            sys.executable,
            __file__,
            "--child-default",
            "--rounds",
            str(args.rounds),
            "--numbers-per-region",
            str(args.numbers_per_region),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    default = json.loads(child.stdout)["default"]
    numbers = corpus(args.numbers_per_region)
    phonenumbers.enable_pattern_cache()
    best = per_call_us(baseline, numbers, args.rounds)
    import smscheck

    smscheck_us = per_call_us(smscheck.check, numbers, args.rounds)
    print(
        f"corpus: {len(numbers)} valid numbers, {len(phonenumbers.SUPPORTED_REGIONS)} regions, "
        f"mixed order; median of {args.rounds} rounds"
    )
    print(f"{'baseline, default (parse+is_valid+type)':45s} {default:8.1f} us/number")
    print(f"{'baseline, best (pattern cache on)':45s} {best:8.1f} us/number")
    print(f"{'smscheck.check()':45s} {smscheck_us:8.1f} us/number")
    print(f"check / best baseline    = {smscheck_us / best:.2f}x  (target <= 1.5x)")
    print(f"default baseline / check = {default / smscheck_us:.2f}x faster")


if __name__ == "__main__":
    main()
