"""Import cost of smscheck against phonenumbers, each in fresh interpreters.

Run: python benchmarks/bench_import.py [--runs 21]

Measures, as the median over fresh interpreters (interleaved so that machine noise hits all
alike):

* ``import phonenumbers``;
* ``import smscheck`` (public names load on first use);
* ``import smscheck`` and a first ``check()``, against ``import phonenumbers`` and a first
  ``parse()`` + ``is_valid_number()``: the honest cost of starting to use each;
* the first load of the packaged rules and the Russian carrier data.

It also reports whether the geocoder (about 40 MB of data) was imported: it must never be.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys

_SNIPPETS = {
    "import phonenumbers": "import phonenumbers",
    "import smscheck": "import smscheck",
    "phonenumbers: import + first parse/validate": (
        "import phonenumbers; n = phonenumbers.parse('+79123456789'); "
        "phonenumbers.is_valid_number(n)"
    ),
    "smscheck: import + first check()": ("import smscheck; smscheck.check('+79123456789')"),
}

_PROBE = """
import json, sys, time
t = time.perf_counter()
exec({code!r})
elapsed = time.perf_counter() - t
print(json.dumps({{"ms": elapsed * 1e3, "geocoder": "phonenumbers.geocoder" in sys.modules}}))
"""


def run(code: str) -> dict[str, float | bool]:
    out = subprocess.run(
        [sys.executable, "-c", _PROBE.format(code=code)],
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, float | bool] = json.loads(out.stdout)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    samples: dict[str, list[float]] = {name: [] for name in _SNIPPETS}
    geocoder = False
    for _ in range(args.runs):
        for name, code in _SNIPPETS.items():
            result = run(code)
            samples[name].append(float(result["ms"]))
            geocoder = geocoder or bool(result["geocoder"])
    median = {name: statistics.median(values) for name, values in samples.items()}
    print(f"median of {args.runs} fresh interpreters each")
    for name, value in median.items():
        print(f"{name:48s} {value:7.1f} ms")
    ratio = median["import smscheck"] / median["import phonenumbers"]
    first = (
        median["smscheck: import + first check()"]
        / median["phonenumbers: import + first parse/validate"]
    )
    print(f"import smscheck / import phonenumbers          = {ratio:.2f}x (target <= 1.3x)")
    print(f"first check() / first phonenumbers validation  = {first:.2f}x")
    print(f"geocoder imported: {geocoder}")


if __name__ == "__main__":
    main()
