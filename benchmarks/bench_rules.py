"""What region and carrier rules cost: per check, at first load, and in memory.

Run: python benchmarks/bench_rules.py [--rounds 7]

* per check: ``check()`` on the valid mixed-region corpus of bench_check.py, with the
  packaged rules against an empty rule set (``load_rules(packaged=False)``), same run;
* first load: in fresh interpreters (phonenumbers and smscheck already imported, as in a
  service that checks its first number), the packaged rules and the Russian carrier data;
* memory: what tracemalloc sees allocated by that first load, and kept.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench_check import corpus, per_call_us

_FIRST_LOAD = """
import json, time, tracemalloc
import phonenumbers, smscheck
from smscheck import _rules_load, _ru_carriers
smscheck.check  # load the pipeline's modules first
TRACE = {trace}
if TRACE:
    tracemalloc.start()  # slows allocation down many times: timings come from untraced runs
wall, cpu = time.perf_counter(), time.process_time()
_rules_load.load_rules()
rules_wall, rules_cpu = time.perf_counter() - wall, time.process_time() - cpu
wall, cpu = time.perf_counter(), time.process_time()
_ru_carriers.ru_allocation("9123456789")
ru_wall, ru_cpu = time.perf_counter() - wall, time.process_time() - cpu
kept, peak = tracemalloc.get_traced_memory() if TRACE else (0, 0)
print(json.dumps({"rules_wall": rules_wall, "rules_cpu": rules_cpu, "ru_wall": ru_wall,
                  "ru_cpu": ru_cpu, "kept": kept, "peak": peak}))
"""


def first_load(runs: int, *, trace: bool) -> dict[str, float]:
    samples: dict[str, list[float]] = {}
    code = _FIRST_LOAD.replace("{trace}", str(trace))
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", code], check=True, capture_output=True, text=True
        )
        for key, value in json.loads(out.stdout).items():
            samples.setdefault(key, []).append(value)
    return {key: statistics.median(values) for key, values in samples.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--numbers-per-region", type=int, default=4)
    args = parser.parse_args()
    import smscheck

    numbers = corpus(args.numbers_per_region)
    packaged = smscheck.load_rules()
    empty = smscheck.load_rules(packaged=False)
    with_rules = per_call_us(lambda t: smscheck.check(t, rules=packaged), numbers, args.rounds)
    without = per_call_us(lambda t: smscheck.check(t, rules=empty), numbers, args.rounds)
    load = first_load(args.rounds, trace=False)
    memory = first_load(1, trace=True)
    print(f"corpus: {len(numbers)} valid numbers, mixed regions; median of {args.rounds} rounds")
    print(f"check(), no rules           {without:8.1f} us/number")
    print(f"check(), packaged rules     {with_rules:8.1f} us/number")
    print(
        f"rule lookup adds            {(with_rules / without - 1) * 100:8.1f} %  (target <= 10 %)"
    )
    total_wall = (load["rules_wall"] + load["ru_wall"]) * 1e3
    total_cpu = (load["rules_cpu"] + load["ru_cpu"]) * 1e3
    print(
        f"first load, packaged rules  {load['rules_wall'] * 1e3:8.1f} ms wall "
        f"{load['rules_cpu'] * 1e3:6.1f} ms CPU"
    )
    print(
        f"first load, RU carrier data {load['ru_wall'] * 1e3:8.1f} ms wall "
        f"{load['ru_cpu'] * 1e3:6.1f} ms CPU"
    )
    print(
        f"first load, both            {total_wall:8.1f} ms wall {total_cpu:6.1f} ms CPU"
        "  (target <= 150 ms)"
    )
    print(
        f"memory kept after loading   {memory['kept'] / 2**20:8.1f} MiB "
        f"(peak while loading {memory['peak'] / 2**20:.1f} MiB, tracemalloc)"
    )


if __name__ == "__main__":
    main()
