"""Every figure of docs/performance.md, measured in one run; --write regenerates the document.

Run:  python benchmarks/run_all.py [--repeats 7] [--write]

Each figure is the median of ``--repeats`` repetitions with its range (lowest-highest), and
every ratio is taken within one repetition, the baseline timed next to smscheck, so that the
machine's drift between repetitions cancels out of it:

* valid numbers: ``check()`` against the best-configured phonenumbers baseline (``parse`` +
  ``is_valid_number`` + ``number_type``, pattern cache on), round by round, over the corpus of
  bench_check.py in three written forms (E.164, international with spaces, national under its
  region);
* first calls, in fresh interpreters: ``import smscheck`` against ``import phonenumbers``;
  the first ``check()`` against phonenumbers' first parse + validation, and importing attrs
  and phonenumbers alone against the same (what no smscheck code can go below); then what
  the first invalid national input, the first wrong-region input, the first
  ``explain_failure`` and the first mobile of another country (a carrier look-up) add;
* ``smscheck scan`` with one worker against a plain ``check()`` loop over the same rows, both
  warm in one interpreter;
* the typo model: its overhead on valid input and the invalid path (median, p99, max)
  against phonenumbers (bench_typos.py's method);
* memory: peak RSS of a fresh interpreter after ``check()`` of 100,000 distinct numbers;
* ``explain_failure``: its own cost on top of a check (bench_failures.py's method).

Close other work first: the figures are ratios, but a busy machine widens every range.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import phonenumbers
from bench_check import corpus as valid_corpus
from bench_scan import make_csv, side_by_side

DOC = Path(__file__).resolve().parent.parent / "docs" / "performance.md"


# --------------------------------------------------------------------------- measuring


def _forms(numbers: list[str]) -> list[tuple[str, str | None]]:
    out: list[tuple[str, str | None]] = []
    for e164 in numbers:
        number = phonenumbers.parse(e164)
        region = phonenumbers.region_code_for_number(number)
        out.append((e164, None))
        out.append(
            (phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL), None)
        )
        if region and region != "001":
            national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
            out.append((national, region))
    return out


def valid_path(repeats: int) -> dict[str, list[float]]:
    """µs per number of check() and of the baseline, and their ratio, per repetition."""
    import smscheck

    cases = _forms(valid_corpus(4))
    phonenumbers.enable_pattern_cache()

    def baseline() -> float:
        start = time.perf_counter()
        for text, region in cases:
            number = phonenumbers.parse(text, region)
            phonenumbers.is_valid_number(number)
            phonenumbers.number_type(number)
        return (time.perf_counter() - start) / len(cases) * 1e6

    def ours() -> float:
        start = time.perf_counter()
        for text, region in cases:
            smscheck.check(text, region=region)
        return (time.perf_counter() - start) / len(cases) * 1e6

    baseline()
    ours()  # warm-up: lazy data, compiled patterns
    out: dict[str, list[float]] = {"base": [], "check": [], "ratio": [], "n": [len(cases)]}
    for i in range(repeats):
        first, second = (baseline, ours) if i % 2 == 0 else (ours, baseline)
        a, b = first(), second()
        base, check = (a, b) if first is baseline else (b, a)
        out["base"].append(base)
        out["check"].append(check)
        out["ratio"].append(check / base)
    return out


_PROBE = """
import json, sys, time
t = time.perf_counter()
exec({first!r})
first = time.perf_counter() - t
more = {{}}
for name, code in {more!r}:
    t = time.perf_counter()
    exec(code)
    more[name] = time.perf_counter() - t
print(json.dumps({{"first": first * 1e3, "more": {{k: v * 1e3 for k, v in more.items()}},
                  "geocoder": "phonenumbers.geocoder" in sys.modules}}))
"""

_FIRST = {
    "import phonenumbers": ("import phonenumbers", []),
    "import attrs": ("import attrs", []),
    "import attrs and phonenumbers": ("import attrs, phonenumbers", []),
    "import smscheck": ("import smscheck", []),
    "phonenumbers first": (
        "import phonenumbers; phonenumbers.is_valid_number(phonenumbers.parse('+79123456789'))",
        [],
    ),
    "smscheck first": (
        "import smscheck; smscheck.check('+79123456789')",
        [
            ("invalid national RU", "smscheck.check('8 916 123 45 6', region='RU')"),
            ("wrong region", "smscheck.check('0151 2345678', region='EG')"),
            ("explain_failure", "smscheck.explain_failure('30007', provider='twilio')"),
            # Russia's carriers come from the registry: another country's mobile is the
            # first to look in phonenumbers' carrier data.
            ("other mobile", "smscheck.check('+447911123456')"),
        ],
    ),
}

# A process's first invalid national number costs what the typo search reads on its way,
# which depends on the form: a slip under a form whose trunk prefix is 0 is read as another
# country's national number in some fifty plans, one under Russia's 8 in a few. Each of these
# is measured in its own interpreter (the first above is Russia's), and the row gives the
# slowest of them.
_FIRST_INVALID = (
    ("020 7946 095", "GB"),
    ("0151 2345678", "DE"),
    ("06 12 34 56 7", "FR"),
    ("415 867 530", "US"),
    ("98765 4321", "IN"),
)
for _text, _region in _FIRST_INVALID:
    _FIRST[f"smscheck first, then {_region}"] = (
        "import smscheck; smscheck.check('+79123456789')",
        [(f"invalid national {_region}", f"smscheck.check({_text!r}, region={_region!r})")],
    )
# With no region, a national number is searched for in every plan (suggestions only).
_FIRST["smscheck first, then no region"] = (
    "import smscheck; smscheck.check('+79123456789')",
    [("no region national", "smscheck.check('06 12 34 56 78')")],
)
_FORMS = ", ".join(f"`{t}` ({r})" for t, r in (("8 916 123 45 6", "RU"), *_FIRST_INVALID))
_INVALID_KEYS = ("invalid national RU", *(f"invalid national {r}" for _, r in _FIRST_INVALID))


def first_calls(repeats: int) -> dict[str, list[float]]:
    """Milliseconds of each first call, fresh interpreters, interleaved."""
    out: dict[str, list[float]] = {}
    geocoder = False
    for _ in range(repeats):
        for name, (first, more) in _FIRST.items():
            done = subprocess.run(
                [sys.executable, "-c", _PROBE.format(first=first, more=more)],
                check=True,
                capture_output=True,
                text=True,
            )
            data = json.loads(done.stdout)
            out.setdefault(name, []).append(data["first"])
            for key, value in data["more"].items():
                out.setdefault(key, []).append(value)
            geocoder = geocoder or data["geocoder"]
    ratio = [s / p for s, p in zip(out["smscheck first"], out["phonenumbers first"], strict=True)]
    imports = [
        s / p for s, p in zip(out["import smscheck"], out["import phonenumbers"], strict=True)
    ]
    out["first ratio"] = ratio
    out["invalid national"] = [
        max(values) for values in zip(*(out[k] for k in _INVALID_KEYS), strict=True)
    ]
    # What no smscheck code can go below while its result types are attrs classes.
    out["floor ratio"] = [
        s / p
        for s, p in zip(
            out["import attrs and phonenumbers"], out["phonenumbers first"], strict=True
        )
    ]
    out["import ratio"] = imports
    out["geocoder"] = [float(geocoder)]
    return out


def scan_share(repeats: int, rows: int) -> dict[str, list[float]]:
    """The scan's speed as a share of a plain check() loop, per repetition, and its RSS."""
    out: dict[str, list[float]] = {"share": [], "loop": [], "scan": [], "rss": [], "rows": [rows]}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "rows.csv"
        make_csv(path, rows)
        for repeat in range(repeats):
            loop, scan, rss = side_by_side(path, scan_first=repeat % 2 == 1)
            out["loop"].append(rows / loop)
            out["scan"].append(rows / scan)
            out["share"].append(loop / scan)
            out["rss"].append(rss / 1024)
    return out


_RSS = """
import csv, resource, smscheck
phones = [row[1] for row in csv.reader(open({path!r}, encoding='utf-8'))][1:]
for phone in phones:
    smscheck.check(phone, region='RU')
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def memory(repeats: int) -> dict[str, list[float]]:
    """Peak RSS (MB) after check() of 100,000 distinct numbers, fresh interpreters."""
    out: dict[str, list[float]] = {"rss": []}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "rows.csv"
        make_csv(path, 100_000)
        for _ in range(repeats):
            done = subprocess.run(
                [sys.executable, "-c", _RSS.format(path=str(path))],
                check=True,
                capture_output=True,
                text=True,
            )
            out["rss"].append(int(done.stdout) / 1024)
    return out


def typo_path(repeats: int) -> dict[str, list[float]]:
    """The typo model's overhead on valid input, and the invalid path against phonenumbers."""
    import bench_typos
    from accuracy import corpus

    import smscheck

    cases = list(corpus(None))
    valid = [(c.text, c.region) for c in cases if c.kind == "valid"]
    invalid = [(c.text, c.region) for c in cases if c.kind != "valid"]
    for text, region in valid + invalid:
        smscheck.check(text, region=region)
        bench_typos.baseline(text, region)
    out: dict[str, list[float]] = {
        "overhead": [],
        "inside": [],
        "on": [],
        "off": [],
        "median": [],
        "p99": [],
        "max": [],
        "base": [],
    }
    for _ in range(repeats):
        on, off = bench_typos.with_and_without(valid)
        out["inside"].append(bench_typos.inside_share(valid))
        out["overhead"].append(100 * (on - off) / off)
        out["on"].append(on / len(valid) * 1e6)
        out["off"].append(off / len(valid) * 1e6)
        times = bench_typos.each(invalid, bench_typos.check)
        out["median"].append(statistics.median(times) * 1e3)
        out["p99"].append(times[int(0.99 * len(times))] * 1e3)
        out["max"].append(times[-1] * 1e3)
        out["base"].append(statistics.median(bench_typos.each(invalid, bench_typos.baseline)) * 1e3)
    out["n_valid"] = [len(valid)]
    out["n_invalid"] = [len(invalid)]
    return out


def failures(repeats: int) -> dict[str, list[float]]:
    """explain_failure's own cost (look-up, diagnostics, the join), µs per call."""
    import smscheck
    from smscheck._failures import _evidence
    from smscheck._failures_data import default_table

    entries = default_table().of("twilio")
    numbers = valid_corpus(2)
    pairs = [(entries[i % len(entries)], n) for i, n in enumerate(numbers)]
    reports = {n: smscheck.check(n) for n in numbers}
    out: dict[str, list[float]] = {"own": [], "check": []}
    for _ in range(repeats + 1):
        start = time.perf_counter()
        for entry, _number in pairs:
            smscheck.explain_failure(entry.code, provider="twilio")
        alone = time.perf_counter() - start
        start = time.perf_counter()
        for entry, number in pairs:
            _evidence(entry.cause, reports[number], "en", None, None)
        join = time.perf_counter() - start
        start = time.perf_counter()
        for _entry, number in pairs:
            smscheck.check(number)
        check = time.perf_counter() - start
        out["own"].append((alone + join) / len(pairs) * 1e6)
        out["check"].append(check / len(pairs) * 1e6)
    return {k: v[1:] for k, v in out.items()}  # the first pass warms the caches


def _fresh(stage: str, repeats: int) -> dict[str, list[float]]:
    """Run one stage of this module in a fresh interpreter, so that no earlier stage's caches
    and memory weigh on it (the failures stage, run after the typo stage in one process,
    timed ``check()`` of valid numbers 40 % slower than on its own)."""
    code = (
        f"import json, sys; sys.path.insert(0, {str(Path(__file__).parent)!r}); import run_all; "
        f"print(json.dumps(run_all.{stage}({repeats})))"
    )
    done = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    result: dict[str, list[float]] = json.loads(done.stdout)
    return result


# --------------------------------------------------------------------------- reporting


def _m(values: list[float], digits: int = 1) -> str:
    return f"{statistics.median(values):,.{digits}f}"


def _r(values: list[float], digits: int = 1) -> str:
    return f"{min(values):,.{digits}f}–{max(values):,.{digits}f}"


def _row(name: str, values: list[float], unit: str = "", digits: int = 1) -> str:
    return f"| {name} | **{_m(values, digits)}**{unit} | {_r(values, digits)}{unit} |"


def render(results: dict[str, dict[str, list[float]]], repeats: int, seconds: float) -> str:
    v, f, s = results["valid"], results["first"], results["scan"]
    t, mem, e = results["typos"], results["memory"], results["failures"]
    date = dt.datetime.now(dt.UTC).date().isoformat()
    machine = f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}"
    import attrs

    import smscheck

    return f"""# Performance

Every figure on this page comes from one run of

```sh
python benchmarks/run_all.py --repeats {repeats} --write
```

on {date} ({machine}; phonenumbers {phonenumbers.__version__}, attrs {attrs.__version__},
smscheck {smscheck.__version__}; the run took {seconds / 60:.0f} minutes). The document is
written by that command and by nothing else, so it cannot drift from what the benchmarks
measure. Each figure is the median of {repeats} repetitions with the range over them; each
ratio is taken within one repetition, smscheck timed next to its baseline. Modules are
compiled beforehand, as in a wheel install. The machine is a
shared virtual machine: a rerun moves the medians by a few per cent and the ranges more;
the ratios move less. `benchmarks/` holds one script per topic for a closer look
(`bench_check.py`, `bench_import.py`, `bench_rules.py`, `bench_scan.py`, `bench_typos.py`,
`bench_failures.py`), which this command reuses.

## `check()` on valid numbers

{v["n"][0]:,} valid numbers of every region and line type (bench_check.py's corpus, each in
E.164, in international format with spaces, and in national format under its region),
mixed order. The baseline is what a service would write with phonenumbers alone, configured
at its fastest: `parse` + `is_valid_number` + `number_type` with
`phonenumbers.enable_pattern_cache()`. `check()` also screens the text, looks for typing
mistakes where the typing could point elsewhere, reads the carrier, checks fictional and
example ranges, applies the region rules and builds the typed report.

| | median | range |
|---|---:|---:|
{_row("baseline, µs per number", v["base"])}
{_row("`check()`, µs per number", v["check"])}
{_row("`check()` / baseline", v["ratio"], "×", 2)}

Target: ≤ 1.2× (stretch ≤ 1.0×). What makes it: a `+` number or a national number under its
region is read straight from phonenumbers' metadata objects when `phonenumbers.parse` would
change nothing (`_phone._fast_parse`, with `phonenumbers.parse` for every other shape); the
line type and region come from the metadata's patterns compiled once per region
(`_phone._number_type`, phonenumbers' own algorithm and order); and a valid reading that
nothing in the typing can point away from skips the typo model (`_valid_probe`). Tests prove
each equal to phonenumbers (tests/test_fast_parse.py: over 100,000 generated inputs of every
region, type, written form, mistake and hostile shape, a hypothesis property, and whole
reports with the fast path off).

## The first call

Fresh interpreters, {repeats} of each, interleaved:

| | median | range |
|---|---:|---:|
{_row("`import phonenumbers`, ms", f["import phonenumbers"])}
{_row("`import smscheck`, ms", f["import smscheck"])}
{_row("`import smscheck` / `import phonenumbers`", f["import ratio"], "×", 2)}
{_row("`import attrs` (the result types), ms", f["import attrs"])}
{_row("phonenumbers: import + first parse and validation, ms", f["phonenumbers first"])}
{_row("smscheck: import + first `check()`, ms", f["smscheck first"])}
{_row("first `check()` / phonenumbers' first validation", f["first ratio"], "×", 2)}
{_row("`import attrs, phonenumbers` alone / phonenumbers' first validation", f["floor ratio"], "×", 2)}
{_row("then the first invalid national input adds, ms (the slowest of six forms)", f["invalid national"])}
{_row("then the first wrong-region input adds, ms", f["wrong region"])}
{_row("or the first national number with no region (`06 12 34 56 78`) adds, ms", f["no region national"])}
{_row("then the first `explain_failure` adds, ms", f["explain_failure"])}
{_row("then the first mobile of another country (a carrier look-up) adds, ms", f["other mobile"])}

The geocoder was {"imported" if f["geocoder"][0] else "never imported"}. Targets: import
≤ 1.3×; first check ≤ 2×; each later first-of-a-kind ≤ 20 ms. The first check needs attrs
(every result type is an attrs class) on top of phonenumbers, and the table shows what
importing attrs alone costs next to phonenumbers' whole first validation: importing the two
libraries, before any smscheck code runs, already takes the ratio in the row above it, so the
2× target cannot be met while the result types are attrs classes. Each attrs class then costs
its own code generation when its module is first imported.
What is precomputed (`data/prebuilt/`, written by `scripts/build_prebuilt.py`, checked by
tests/test_prebuilt.py and ignored at run time whenever its source has changed): the parsed
and checked packaged rules (and each region's matchers of them apart, so that `check()`
without a rule set unpickles only the number's region's), the delivery-error table, the
Russian range table, phonenumbers'
carrier data cut by country code (one country's part is unpickled on its first mobile), and the
tables the typo model reads from every region's metadata (international and trunk prefixes,
each plan's lengths, written trunks and general pattern, the leading digits of the regions of
each shared code, which codes keep a leading 0), what validating and writing a number reads
of its region's metadata, cut by country code like the carrier data (each region's line-type
patterns, its national formats, its example numbers and their layouts: loading one region's
metadata costs about 0.2 ms, and the typo search reads a slip under a form whose trunk prefix
is 0 in some fifty plans), each metadata pattern's head mask: the three-digit starts its
numbers can have (`_pattern_heads`), so that a pattern is compiled only on the first number
it could match; and the regex engine's code of every metadata pattern, one table per Python
version (`_pattern_code`; 3.11, 3.12 and 3.13 are shipped), from which a pattern is built in
microseconds, equal to what `re.compile` makes. What is left of the first invalid national
input is importing the typo model and building the tests of the plans the search reads
candidates in. The six forms of that row are {_FORMS}, each the first invalid number of its
own interpreter. Until 2026-12-08 the row measured the Russian one alone; that day the
British one cost three times as much (25.9 ms against 8.5 ms, one fresh interpreter each),
because validating and writing its readings loaded the metadata of 183 regions.

## `smscheck scan`

{repeats} repetitions over {s["rows"][0]:,.0f} rows of mixed Russian, British and North American
numbers (bench_scan.py's file). Each repetition is one fresh interpreter that checks every
row once, then times three passes of a plain `check()` loop and three of `scan`, alternating,
and keeps the median of each (`bench_scan.side_by_side`):

| | median | range |
|---|---:|---:|
{_row("plain `check()` loop, rows/s", s["loop"], "", 0)}
{_row("`scan`, one worker, rows/s", s["scan"], "", 0)}
{_row("`scan` / loop", [100 * x for x in s["share"]], " %", 0)}
{_row("peak RSS of `scan`, MB", s["rss"])}

Target: ≥ 90 %.

## The typo model

bench_typos.py's method over the accuracy corpus ({t["n_valid"][0]:,} valid inputs,
{t["n_invalid"][0]:,} mistyped ones):

| | median | range |
|---|---:|---:|
{_row("valid input, `check()`, µs", t["on"])}
{_row("valid input, `check()` with the typo model switched off, µs", t["off"])}
{_row("overhead of the typo model on valid input (difference of the two)", t["overhead"], " %")}
{_row("time inside the typo model on valid input, against the rest of `check()`", t["inside"], " %")}
{_row("`check()` of a mistyped input, median, ms", t["median"], "", 3)}
{_row("`check()` of a mistyped input, p99, ms", t["p99"], "", 3)}
{_row("`check()` of a mistyped input, max, ms", t["max"], "", 3)}
{_row("phonenumbers `parse` + `is_valid_number` of the same, median, ms", t["base"], "", 3)}

Targets: a mistyped input's median ≤ 0.5 ms, p99 ≤ 3 ms, max ≤ 10 ms; valid input pays ≤ 10 %
for the typo checks. The two valid-input figures measure that cost two ways: the difference
of two passes (with the checks and with them switched off) also counts what running them
costs the rest of `check()` (the processor's caches, the memory they allocate), and moves
with the machine's load; the time inside counts only the calls, within one pass.

## Memory

{len(mem["rss"])} fresh interpreters:

| | median | range |
|---|---:|---:|
{_row("peak RSS after `check()` of 100,000 distinct numbers, MB", mem["rss"])}

## `explain_failure`

| | median | range |
|---|---:|---:|
{_row("its own work (look-up, diagnostics, the join with the report), µs", e["own"])}
{_row("one `check()` of the same numbers, µs", e["check"])}

With a number, `explain_failure` costs one `check()` and this.
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--rows", type=int, default=10_000, help="rows of the scan file")
    parser.add_argument("--write", action="store_true", help="write docs/performance.md")
    args = parser.parse_args()
    # As a wheel install has them: compiled modules. (An editable install run with
    # PYTHONDONTWRITEBYTECODE, as on the CI machine, would compile every module from source
    # on every first import and time that instead.)
    import compileall

    import smscheck

    compileall.compile_dir(str(Path(smscheck.__file__).parent), quiet=1)
    start = time.perf_counter()
    results = {
        "first": first_calls(args.repeats),
        "scan": scan_share(args.repeats, args.rows),
        "memory": memory(max(3, args.repeats // 2)),
        "valid": valid_path(args.repeats),
        "typos": typo_path(args.repeats),
        "failures": _fresh("failures", args.repeats),
    }
    text = render(results, args.repeats, time.perf_counter() - start)
    if args.write:
        DOC.write_text(text, encoding="utf-8")
        print(f"wrote {DOC}")
    else:
        print(text)
    print(
        json.dumps({k: {n: statistics.median(x) for n, x in r.items()} for k, r in results.items()})
    )


if __name__ == "__main__":
    main()
