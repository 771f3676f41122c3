"""Write data/prebuilt/: what smscheck would otherwise build on first use (``_prebuilt``).

Run: python scripts/build_prebuilt.py [--python PATH ...]

Re-run it after changing data/carrier_rules.toml, data/delivery_errors.toml or
data/ru_carriers.tsv, or after upgrading phonenumbers; tests/test_prebuilt.py fails until
then. Each file records what it was built from, and smscheck ignores a file whose source has
changed since, so a forgotten re-run costs start-up time, never a wrong answer.

The compiled patterns (``_pattern_code``) are the regex engine's own code, one file per
Python version: ``--python`` also writes the file of another interpreter (for example
``--python python3.12 --python python3.13``), which reads smscheck from this checkout and
phonenumbers from this interpreter's installation (both are pure Python).
"""

from __future__ import annotations

import argparse
import os
import pathlib
import subprocess
import sys

import phonenumbers

from smscheck import _prebuilt

OUT = pathlib.Path(__file__).resolve().parent.parent / "data" / "prebuilt"
SRC = pathlib.Path(__file__).resolve().parent.parent / "src"

_OTHER_PYTHON = """
import sys
from smscheck import _pattern_code, _phone, _prebuilt
path = _prebuilt.write(
    _pattern_code.NAME, _pattern_code.fingerprint(), _phone.build_pattern_code(), sys.argv[1]
)
print(path)
"""


def main(argv: list[str] | None = None) -> None:
    """Write every prebuilt file, and the compiled patterns of each ``--python``."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument(
        "--python",
        action="append",
        default=[],
        metavar="PATH",
        help="also write the compiled patterns of this interpreter (another Python version)",
    )
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    for name, (fingerprint, build) in _prebuilt.builds().items():
        path = _prebuilt.write(name, fingerprint(), build(), str(OUT))
        print(f"{path}: {pathlib.Path(path).stat().st_size:,} bytes")
    site = pathlib.Path(phonenumbers.__file__).resolve().parent.parent
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(SRC), str(site)]))
    for python in args.python:
        done = subprocess.run(
            [python, "-c", _OTHER_PYTHON, str(OUT)],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        path = done.stdout.strip()
        print(f"{path}: {pathlib.Path(path).stat().st_size:,} bytes ({python})")


if __name__ == "__main__":
    main(sys.argv[1:])
