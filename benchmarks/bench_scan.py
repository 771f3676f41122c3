"""Scan throughput, 2-worker speed-up and memory, against the targets of issue 5.

Run: .venv/bin/python benchmarks/bench_scan.py [--rows 200000] [--big 1000000]
"""

from __future__ import annotations

import argparse
import csv
import multiprocessing
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def make_csv(path: Path, rows: int, seed: int = 5) -> None:
    """Deterministic, mostly distinct numbers in mixed renderings (so the cache rarely helps)."""
    rng = random.Random(seed)
    shapes = [
        "+7 9{0:02d} {1:03d}-{2:02d}-{3:02d}",
        "8 (9{0:02d}) {1:03d}-{2:02d}-{3:02d}",
        "+44 7700 9{0:02d}{1:03d}",
        "+1 212 5{0:02d} {1:03d}{2:01d}",
        "9{0:02d}{1:03d}{2:02d}",
    ]
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "phone"])
        for i in range(rows):
            shape = shapes[rng.randrange(len(shapes))]
            a, b, c, d = (
                rng.randrange(100),
                rng.randrange(1000),
                rng.randrange(100),
                rng.randrange(100),
            )
            w.writerow([i, shape.format(a, b, c % 10 if "{2:01d}" in shape else c, d)])


# The scans and check_many runs timed on their own (worker speed-ups, memory) each start in a
# fresh interpreter that has checked one number first (imports, rules, carrier data loaded),
# so none is timed with start-up costs that another does not pay.
_WARM = "import smscheck\nsmscheck.check('+79123456789')\n"


def run_scan(path: Path, workers: int = 1) -> tuple[float, int]:
    """Wall time and peak RSS (kB) of `smscheck scan`, in a fresh, warmed-up interpreter."""
    code = (
        "import resource, sys, time\n" + _WARM + "from smscheck._cli import main\n"
        "t = time.perf_counter()\n"
        f"rc = main(['scan', {str(path)!r}, '--region', 'RU', '--out', '/dev/null',"
        f" '--workers', '{workers}'])\n"
        "el = time.perf_counter() - t\n"
        "print(el, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stdout)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    elapsed, rss = done.stdout.split()
    return float(elapsed), int(rss)


_SIDE_BY_SIDE = """
import csv, resource, statistics, sys, time
import smscheck
from smscheck._cli import main
path = {path!r}
with open(path, encoding="utf-8", newline="") as f:
    phones = [row[1] for row in csv.reader(f)][1:]
for phone in phones:  # every first-of-a-kind cost (metadata, patterns, tables) paid here
    smscheck.check(phone, region="RU")


def loop():
    start = time.perf_counter()
    for phone in phones:
        smscheck.check(phone, region="RU")
    return time.perf_counter() - start


def scan():
    start = time.perf_counter()
    main(["scan", path, "--region", "RU", "--out", "/dev/null", "--workers", "1"])
    return time.perf_counter() - start


loops, scans = [], []
for pair in range({pairs}):
    if (pair + {scan_first!r}) % 2:
        scans.append(scan())
        loops.append(loop())
    else:
        loops.append(loop())
        scans.append(scan())
print(
    statistics.median(loops),
    statistics.median(scans),
    resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
)
"""

#: Loop and scan passes of each kind per interpreter, in alternating order.
_PAIRS = 3


def side_by_side(path: Path, *, scan_first: bool) -> tuple[float, float, int]:
    """Seconds of a plain ``check()`` loop and of ``smscheck scan`` (one worker) over the file,
    in one fresh interpreter that has checked every row once before; and its peak RSS (kB).

    Both are timed warm, in the same process, so that neither pays first-of-a-kind costs the
    other does not; they alternate, :data:`_PAIRS` passes of each, and each figure is the
    median of its kind, so that a burst of load on the machine falls on both alike (two
    passes of the same loop back to back differ by up to half on this shared machine).
    ``scan_first`` sets which kind goes first.
    """
    code = _SIDE_BY_SIDE.format(path=str(path), scan_first=int(scan_first), pairs=_PAIRS)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    looped, scanned, rss = done.stdout.split()
    return float(looped), float(scanned), int(rss)


def run_check_many(path: Path, workers: int) -> float:
    """Wall time of ``check_many(..., workers=N)`` over the file's phones, fresh interpreter."""
    code = (
        "import csv, time\n" + _WARM + f"rows = list(csv.DictReader(open({str(path)!r})))\n"
        "phones = [r['phone'] for r in rows]\n"
        "t = time.perf_counter()\n"
        f"for _ in smscheck.check_many(phones, region='RU', workers={workers}): pass\n"
        "print(time.perf_counter() - t)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(done.stdout)


def spin(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i % 7
    return total


def busy(processes: int, n: int = 15_000_000) -> float:
    """Seconds for two equal CPU-bound tasks on 1 or 2 processes.

    The pool is started and warmed before the clock starts, so process start-up does not
    make the machine's speed-up look smaller than it is.
    """
    if processes == 1:
        start = time.perf_counter()
        spin(n)
        spin(n)
        return time.perf_counter() - start
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        pool.map(spin, [1, 1])
        start = time.perf_counter()
        pool.map(spin, [n, n], chunksize=1)
        return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--big", type=int, default=1_000_000)
    parser.add_argument("--no-rss", action="store_true", help="skip the memory measurement")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "rows.csv"
        make_csv(data, args.rows)
        loop, warm_scan, _ = side_by_side(data, scan_first=False)
        scan1, _ = run_scan(data, 1)
        scan2, _ = run_scan(data, 2)
        many1, many2 = run_check_many(data, 1), run_check_many(data, 2)
        b1, b2 = busy(1), busy(2)
        print(f"rows: {args.rows:,}")
        print(f"plain check() loop: {args.rows / loop:,.0f} rows/s")
        print(
            f"scan, 1 worker:     {args.rows / warm_scan:,.0f} rows/s"
            f" = {loop / warm_scan:.0%} of the loop (target >= 90%; both warm, side by side)"
        )
        machine = b1 / b2
        speedup = scan1 / scan2
        print(f"busy loop, 2 processes vs 1: {machine:.2f}x")
        print(
            f"scan, 2 workers vs 1:        {speedup:.2f}x"
            f" = {(speedup - 1) / max(machine - 1, 1e-9):.0%} of the machine's gain,"
            f" {speedup / machine:.0%} of its speed-up (target >= 85%)"
        )
        many = many1 / many2
        print(
            f"check_many, 2 workers vs 1:  {many:.2f}x"
            f" = {many / machine:.0%} of the machine's speed-up (target >= 1.7x)"
        )
        if args.no_rss:
            return
        small = Path(tmp) / "small.csv"
        make_csv(small, 10_000)
        make_csv(data, args.big)
        _, rss_small = run_scan(small)
        _, rss_big = run_scan(data)
        print(
            f"scan peak RSS: 10,000 rows {rss_small / 1024:.1f} MB,"
            f" {args.big:,} rows {rss_big / 1024:.1f} MB,"
            f" difference {(rss_big - rss_small) / 1024:.1f} MB (target <= 50 MB)"
        )


if __name__ == "__main__":
    main()
