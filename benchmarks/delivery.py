"""What reports say about valid numbers: verdicts, the person's part, repeats, size.

Run: python benchmarks/delivery.py [--write docs/delivery.md] [--scan-rows 20000]

Corpora, all deterministic:

* valid mobiles and fixed lines of every region, near phonenumbers' example numbers (the
  accuracy corpus's numbers, ``benchmarks/accuracy.py``), in E.164, checked with four sender
  profiles: none; an unregistered alphanumeric name; an alphanumeric name registered in the
  number's region; a local number registered locally with its templates;
* every case of the accuracy corpus (both splits: typed, mistyped, foreign), with no sender;
* the rows of the scan benchmark's CSV (``benchmarks/bench_scan.py``), with region RU.

It counts, per corpus, the reports that repeat a code, the person's diagnostics per valid
mobile, the verdicts, and the size of ``to_dict()`` as UTF-8 JSON.
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
import statistics
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import phonenumbers

import smscheck

sys.path.insert(0, str(Path(__file__).resolve().parent))
import accuracy  # a sibling script, not a package
import bench_scan

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

_PROFILES: dict[str, Callable[[str], smscheck.Sender | None]] = {
    "no sender": lambda _region: None,
    "alphanumeric, unregistered": lambda _region: smscheck.Sender("alphanumeric"),
    "alphanumeric, registered there": lambda region: smscheck.Sender(
        "alphanumeric", registered_in=[region]
    ),
    "local number, registered locally": lambda region: smscheck.Sender(
        "local_long_code", registered_in=[region], local_in=[region], templates_in=[region]
    ),
}


def _size(report: smscheck.Report) -> int:
    return len(json.dumps(report.to_dict(), ensure_ascii=False).encode())


def _repeats(reports: Iterable[smscheck.Report]) -> tuple[int, int]:
    total = repeated = 0
    for report in reports:
        total += 1
        repeated += len(report.codes) != len(set(report.codes))
    return repeated, total


def _quantiles(values: list[int]) -> str:
    values = sorted(values)
    p90 = values[int(0.9 * (len(values) - 1))]
    return f"{statistics.median(values):g} / {p90} / {values[-1]}"


def measure(scan_rows: int) -> str:
    """Run every count; return the Markdown report."""
    numbers = [
        (region, phonenumbers.format_number(n, phonenumbers.PhoneNumberFormat.E164))
        for region, n in accuracy._numbers()  # noqa: SLF001 - the shared corpus
    ]
    lines = [
        "# Delivery verdicts, measured",
        "",
        "Made by `python benchmarks/delivery.py --write docs/delivery.md` (deterministic: a rerun",
        "gives the same figures while the data and the code are the same). The verdict rule is in",
        "[api.md](api.md), the rules' effects in [rules.md](rules.md).",
        "",
        f"## Valid numbers of every region ({len(numbers):,} numbers)",
        "",
        "Mobiles are the numbers whose line type is `mobile`; the person's part is",
        "`report.diagnostics`, the route's `report.route`.",
        "",
        (
            "| Sender | mobiles | person's diagnostics per mobile (median / p90 / max) |"
            " route diagnostics per mobile (median / p90 / max) | `to_dict()` bytes per"
            " mobile (median / p90 / max) | verdicts of mobiles (likely / at risk / unlikely)"
            " | reports repeating a code |"
        ),
        "|---|---|---|---|---|---|---|",
    ]
    for name, profile in _PROFILES.items():
        reports = [
            (region, smscheck.check(e164, sender=profile(region))) for region, e164 in numbers
        ]
        mobiles = [
            r for _, r in reports if r.number is not None and r.number.line_type.value == "mobile"
        ]
        verdicts = collections.Counter(r.delivery.verdict.value for r in mobiles)
        repeated, total = _repeats(r for _, r in reports)
        lines.append(
            f"| {name} | {len(mobiles)} | {_quantiles([len(r.diagnostics) for r in mobiles])} |"
            f" {_quantiles([len(r.route) for r in mobiles])} |"
            f" {_quantiles([_size(r) for r in mobiles])} |"
            f" {verdicts['likely']} / {verdicts['at_risk']} / {verdicts['unlikely']} |"
            f" {repeated} of {total} |"
        )
    cases = list(accuracy.corpus())
    repeated, total = _repeats(smscheck.check(c.text, region=c.region) for c in cases)
    lines += [
        "",
        "## Every report repeats no code",
        "",
        "| Corpus | reports | reports repeating a code |",
        "|---|---|---|",
        f"| accuracy corpus, both splits, no sender | {total:,} | {repeated} |",
    ]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "scan.csv"
        bench_scan.make_csv(path, scan_rows)
        with path.open(encoding="utf-8", newline="") as f:
            phones = [row["phone"] for row in csv.DictReader(f)]
    for name, sender in (("no sender", None), ("alphanumeric", smscheck.Sender("alphanumeric"))):
        repeated, total = _repeats(smscheck.check_many(phones, region="RU", sender=sender))
        lines.append(f"| scan benchmark rows, region RU, {name} | {total:,} | {repeated} |")
    lines.append("")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--write", metavar="PATH", help="write the Markdown report there")
    parser.add_argument("--scan-rows", type=int, default=20_000)
    args = parser.parse_args()
    text = measure(args.scan_rows)
    if args.write:
        Path(args.write).write_text(text, encoding="utf-8")
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
