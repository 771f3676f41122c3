"""Write data/prebuilt/: what smscheck would otherwise build on first use (``_prebuilt``).

Run: python scripts/build_prebuilt.py

Re-run it after changing data/carrier_rules.toml, data/delivery_errors.toml or
data/ru_carriers.tsv, or after upgrading phonenumbers; tests/test_prebuilt.py fails until
then. Each file records what it was built from, and smscheck ignores a file whose source has
changed since, so a forgotten re-run costs start-up time, never a wrong answer.
"""

from __future__ import annotations

import pathlib

from smscheck import _prebuilt

OUT = pathlib.Path(__file__).resolve().parent.parent / "data" / "prebuilt"


def main() -> None:
    """Write every prebuilt file."""
    OUT.mkdir(parents=True, exist_ok=True)
    for name, (fingerprint, build) in _prebuilt.builds().items():
        path = _prebuilt.write(name, fingerprint(), build(), str(OUT))
        print(f"{path}: {pathlib.Path(path).stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
