"""Prebuilt forms of what is slow to compute on first use: read in a few milliseconds.

Each file in ``data/prebuilt/`` holds one object that smscheck would otherwise build on the
first call of some kind (the packaged rules parsed and checked, the delivery-error table, the
Russian range table, the international-prefix table), with the fingerprint of what it was
built from: the size and CRC-32 of the source data file, or the phonenumbers version. It is
used only
while that fingerprint still matches; otherwise (an edited data file, another phonenumbers)
the object is built from the source as before, so a stale prebuilt file can cost time, never
correctness. ``scripts/build_prebuilt.py`` writes the files; tests/test_prebuilt.py fails
when one differs from what its source builds today.

The files are pickles. They are package data written by our own script, as trusted as the
package's code; nothing from a user is ever unpickled.
"""

from __future__ import annotations

import os
import pickle
import zlib
from typing import TYPE_CHECKING, Any, Final, TypeVar

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

__all__ = [
    "FORMAT",
    "builds",
    "cut",
    "fingerprint_of_resource",
    "load",
    "part_of",
    "path_of",
    "read_packaged",
    "write",
]

#: Bumped whenever the layout of a prebuilt object changes (a field added to a pickled class,
#: a table reshaped), so that files of the old layout are ignored rather than half-read;
#: tests/test_prebuilt.py fails until the files are rebuilt.
FORMAT: Final = 1

T = TypeVar("T")
K = TypeVar("K")


# The package's own directory. The data files are plain files next to the modules in every
# install smscheck supports (wheel, sdist, editable); importlib.resources, which would also
# find them inside a zip, costs more to import than everything read here.
_PACKAGE: Final = os.path.dirname(os.path.abspath(__file__))  # noqa: PTH100, PTH120


def path_of(name: str) -> str:
    """Where the prebuilt file ``name`` lives (``data/prebuilt/<name>.pickle``)."""
    return os.path.join(_PACKAGE, "data", "prebuilt", f"{name}.pickle")  # noqa: PTH118


def read_packaged(resource: str) -> bytes:
    """The bytes of a packaged data file, e.g. ``data/region_population.tsv``."""
    with open(os.path.join(_PACKAGE, resource), "rb") as stream:  # noqa: PTH118, PTH123
        return stream.read()


def fingerprint_of_resource(resource: str) -> str:
    """The size and CRC-32 of a packaged data file, e.g. ``data/carrier_rules.toml``.

    A check that the file is the one the prebuilt object was made from, not a guard against
    tampering (the file is the package's own): CRC-32 costs a millisecond on the largest
    file, where importing hashlib alone would cost several on a process's first check. An
    unreadable file gives a fingerprint no prebuilt file has, so the object is built from
    the source, which then reports the problem.
    """
    try:
        data = read_packaged(resource)
    except OSError:
        return "unreadable"
    return f"{len(data)}:{zlib.crc32(data):08x}"


def load(name: str, fingerprint: str, build: Callable[[], T]) -> T:
    """The prebuilt object ``name`` if it was built from ``fingerprint``, else ``build()``."""
    try:
        with open(path_of(name), "rb") as stream:  # noqa: PTH123 - a plain file path
            stored_format, stored_fingerprint, value = pickle.load(stream)  # noqa: S301
    except Exception:  # noqa: BLE001 - missing, unreadable or from another version: rebuild
        return build()
    if stored_format != FORMAT or stored_fingerprint != fingerprint:
        return build()
    return value  # type: ignore[no-any-return]


def cut(parts: Mapping[K, object]) -> dict[K, bytes]:
    """A table cut by key (country code, region), each part pickled on its own.

    The first call of a kind then unpickles the one part it needs (:func:`part_of`): one
    country's carriers, one region's rules, one code's line-type patterns.
    """
    return {key: pickle.dumps(part, protocol=5) for key, part in parts.items()}


def part_of(table: Mapping[K, bytes], key: K) -> Any:
    """One part of a table made by :func:`cut`; ``None`` where the table has none."""
    packed = table.get(key)
    return None if packed is None else pickle.loads(packed)  # noqa: S301 - our package data


def write(name: str, fingerprint: str, value: object, directory: str) -> str:
    """Write one prebuilt file into ``directory``; return its path."""
    import pathlib  # noqa: PLC0415 - the build script only

    path = pathlib.Path(directory) / f"{name}.pickle"
    path.write_bytes(pickle.dumps((FORMAT, fingerprint, value), protocol=5))
    return str(path)


def builds() -> dict[str, tuple[Callable[[], str], Callable[[], object]]]:
    """Every prebuilt file: its name, the fingerprint of its source and its builder.

    The same pairs the loaders pass to :func:`load`; ``scripts/build_prebuilt.py`` writes
    the files from them and tests/test_prebuilt.py checks the files against them.
    """
    from . import _failures_data, _pattern_code, _phone, _ru_carriers, _rules_load  # noqa: PLC0415

    return {
        "rules": (
            lambda: fingerprint_of_resource(_rules_load.RESOURCE),
            _rules_load.build_packaged_ruleset,
        ),
        "rule_orders": (
            lambda: fingerprint_of_resource(_rules_load.RESOURCE),
            _rules_load.build_packaged_orders,
        ),
        "delivery_errors": (
            lambda: fingerprint_of_resource(_failures_data.RESOURCE),
            _failures_data.build_default_table,
        ),
        "ru_carriers": (
            lambda: fingerprint_of_resource(_ru_carriers.RESOURCE),
            _ru_carriers.build_table,
        ),
        "international_prefixes": (_phone.metadata_version, _phone.build_international_prefixes),
        "national_prefixes": (_phone.metadata_version, _phone.build_national_prefix_regions),
        "plans": (_phone.metadata_version, _phone.build_plans),
        "leading_zero_codes": (_phone.metadata_version, _phone.build_leading_zero_codes),
        "general_patterns": (_phone.metadata_version, _phone.build_general_pattern_texts),
        "leading_digits": (_phone.metadata_version, _phone.build_leading_digits_texts),
        "carriers": (_phone.metadata_version, _phone.build_carrier_index),
        "types": (_phone.metadata_version, _phone.build_type_index),
        "formats": (_phone.metadata_version, _phone.build_format_index),
        "examples": (_phone.metadata_version, _phone.build_example_index),
        "example_bounds": (_phone.metadata_version, _phone.build_example_bounds_index),
        "plan_sizes": (_phone.metadata_version, _phone.build_plan_sizes),
        "pattern_heads": (_phone.metadata_version, _phone.build_pattern_heads),
        _pattern_code.NAME: (_pattern_code.fingerprint, _phone.build_pattern_code),
    }
