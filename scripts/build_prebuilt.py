"""Write data/prebuilt/: what smscheck would otherwise build on first use (``_prebuilt``).

Run: python scripts/build_prebuilt.py

Re-run it after changing data/carrier_rules.toml, data/delivery_errors.toml or
data/ru_carriers.tsv, or after upgrading phonenumbers; tests/test_prebuilt.py fails until
then. Each file records what it was built from, and smscheck ignores a file whose source has
changed since, so a forgotten re-run costs start-up time, never a wrong answer.
"""

from __future__ import annotations

import pathlib
from typing import TYPE_CHECKING

from smscheck import _failures_data, _phone, _prebuilt, _ru_carriers, _rules_load

if TYPE_CHECKING:
    from collections.abc import Callable

OUT = pathlib.Path(__file__).resolve().parent.parent / "data" / "prebuilt"

#: name -> (fingerprint of the source, builder): the same pairs the loaders use.
BUILDS: dict[str, tuple[Callable[[], str], Callable[[], object]]] = {
    "rules": (
        lambda: _prebuilt.fingerprint_of_resource(_rules_load.RESOURCE),
        _rules_load.build_packaged_ruleset,
    ),
    "delivery_errors": (
        lambda: _prebuilt.fingerprint_of_resource(_failures_data.RESOURCE),
        _failures_data.build_default_table,
    ),
    "ru_carriers": (
        lambda: _prebuilt.fingerprint_of_resource(_ru_carriers.RESOURCE),
        _ru_carriers.build_table,
    ),
    "international_prefixes": (_phone.metadata_version, _phone.build_international_prefixes),
    "national_prefixes": (_phone.metadata_version, _phone.build_national_prefix_regions),
    "plans": (_phone.metadata_version, _phone.build_plans),
    "general_patterns": (_phone.metadata_version, _phone.build_general_pattern_texts),
}


def main() -> None:
    """Write every prebuilt file."""
    OUT.mkdir(parents=True, exist_ok=True)
    for name, (fingerprint, build) in BUILDS.items():
        path = _prebuilt.write(name, fingerprint(), build(), str(OUT))
        print(f"{path}: {pathlib.Path(path).stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
