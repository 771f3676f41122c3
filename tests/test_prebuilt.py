"""data/prebuilt/: each file equals what its source builds today, and a stale one is ignored."""

from __future__ import annotations

import pathlib
import pickle
import re
from typing import TYPE_CHECKING, Any

import pytest

from smscheck import _failures_data, _phone, _prebuilt, _ru_carriers, _rules_load
from smscheck._rules import orders_of

if TYPE_CHECKING:
    from collections.abc import Callable

    from smscheck import RuleSet

_HINT = "re-run: python scripts/build_prebuilt.py"


def _stored(name: str) -> tuple[int, str, object]:
    with open(_prebuilt.path_of(name), "rb") as stream:  # noqa: PTH123
        stored: tuple[int, str, object] = pickle.load(stream)  # noqa: S301 - our own file
    return stored


def _rules_key(rules: RuleSet) -> object:
    return (rules.rules, dict(rules.regions), dict(rules.by_region))


def _parts_key(index: dict[Any, bytes]) -> object:
    """A table cut by country code, by content: the bytes of a part depend on which equal
    objects the builder happened to share."""
    return {code: pickle.loads(part) for code, part in index.items()}  # noqa: S301


# How to compare each prebuilt object with a freshly built one (the mappings are read-only
# proxies or arrays, which do not compare by content).
_KEYS: dict[str, Callable[[Any], object]] = {
    "carriers": _parts_key,
    "types": _parts_key,
    "formats": _parts_key,
    "examples": _parts_key,
    "example_bounds": _parts_key,
    "rule_orders": _parts_key,
    "rules": _rules_key,
    "delivery_errors": lambda t: (dict(t.providers), dict(t.entries), dict(t.written)),
    "ru_carriers": lambda t: (
        t.firsts.tolist(),
        t.lasts.tolist(),
        t.brand_index.tolist(),
        t.region_index.tolist(),
        t.brands,
        t.regions,
    ),
}


def _same(value: object) -> object:
    return value


# The files, with the fingerprint and builder the script writes them from.
_BUILDS = _prebuilt.builds()


@pytest.mark.parametrize("name", sorted(_BUILDS))
def test_prebuilt_file_equals_its_source(name: str) -> None:
    fingerprint, build = _BUILDS[name]
    key = _KEYS.get(name, _same)
    stored_format, stored_fingerprint, value = _stored(name)
    assert stored_format == _prebuilt.FORMAT, _HINT
    assert stored_fingerprint == fingerprint(), _HINT
    assert key(value) == key(build()), _HINT


def test_every_prebuilt_file_is_one_the_loaders_read() -> None:
    """The files of this Python, and the compiled patterns of the other Python versions (each
    read by its own version: tests/test_pattern_code.py checks them)."""
    on_disk = {path.stem for path in pathlib.Path(_prebuilt.path_of("x")).parent.glob("*.pickle")}
    others = {name for name in on_disk if re.fullmatch(r"pattern_code_3\d+", name)}
    assert on_disk - others == set(_BUILDS) - others
    assert set(_BUILDS) <= on_disk


def test_a_stale_or_broken_file_is_ignored(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _prebuilt.write("thing", "source v1", {"a": 1}, str(tmp_path))
    monkeypatch.setattr(_prebuilt, "path_of", lambda name: str(tmp_path / f"{name}.pickle"))
    assert _prebuilt.load("thing", "source v1", lambda: {"rebuilt": True}) == {"a": 1}
    assert _prebuilt.load("thing", "source v2", lambda: {"rebuilt": True}) == {"rebuilt": True}
    assert _prebuilt.load("missing", "source v1", lambda: "built") == "built"
    (tmp_path / "broken.pickle").write_bytes(b"not a pickle")
    assert _prebuilt.load("broken", "x", lambda: "built") == "built"
    (tmp_path / "old.pickle").write_bytes(pickle.dumps((_prebuilt.FORMAT - 1, "x", "old")))
    assert _prebuilt.load("old", "x", lambda: "built") == "built"


def _clear_caches() -> None:
    _rules_load._packaged_ruleset.cache_clear()
    _rules_load.packaged_orders.cache_clear()
    _ru_carriers._table.cache_clear()
    _phone.international_prefixes.cache_clear()
    _phone.national_prefix_regions.cache_clear()
    _phone.plans.cache_clear()
    _phone.leading_zero_codes.cache_clear()
    _phone.general_pattern_texts.cache_clear()


def test_the_packaged_loaders_use_the_prebuilt_files(monkeypatch: pytest.MonkeyPatch) -> None:
    """With the builders broken, the packaged objects still load: from data/prebuilt/."""

    def fail() -> None:
        raise AssertionError("built from the source, not read from data/prebuilt/")

    monkeypatch.setattr(_rules_load, "build_packaged_ruleset", fail)
    monkeypatch.setattr(_rules_load, "build_packaged_orders", fail)
    monkeypatch.setattr(_failures_data, "build_default_table", fail)
    monkeypatch.setattr(_ru_carriers, "build_table", fail)
    monkeypatch.setattr(_phone, "build_international_prefixes", fail)
    monkeypatch.setattr(_phone, "build_national_prefix_regions", fail)
    monkeypatch.setattr(_phone, "build_plans", fail)
    monkeypatch.setattr(_phone, "build_leading_zero_codes", fail)
    monkeypatch.setattr(_phone, "build_general_pattern_texts", fail)
    _clear_caches()
    monkeypatch.setattr(_failures_data, "_DEFAULT", [])
    try:
        assert len(_rules_load.load_rules()) > 300
        assert _rules_load.packaged_orders()["RU"]
        assert len(_failures_data.default_table().entries) > 500
        assert _ru_carriers.ru_allocation("9161234567") is not None
        assert "810" in _phone.international_prefixes()
        assert "0" in _phone.national_prefix_regions()
        assert 7 in _phone.plans()
        assert 39 in _phone.leading_zero_codes()
        assert _phone.general_pattern_texts()[7]
    finally:
        _clear_caches()


def test_the_prebuilt_tables_load_without_the_data_file_reader() -> None:
    """A first check() and a first explain_failure() read their tables from the prebuilt
    files: neither imports the TOML reader and validator (``_datafile``)."""
    code = (
        "import sys, smscheck; smscheck.check('+79123456789', region='RU'); "
        "smscheck.explain_failure('30007', provider='twilio'); "
        "print(sorted(m for m in ('smscheck._datafile', 'tomli') if m in sys.modules))"
    )
    assert _fresh_interpreter(code) == "[]"


def test_a_slip_is_searched_without_loading_each_plans_metadata() -> None:
    """A British slip is read as a national number of some fifty plans: validated and written
    from the prebuilt tables, it loads the metadata of a few regions, not of each plan (183
    before the line types, formats and examples were prebuilt)."""
    code = (
        "import sys, smscheck; smscheck.check('020 7946 095', region='GB'); "
        "print(sum(name.startswith('phonenumbers.data.region_') for name in sys.modules))"
    )
    assert int(_fresh_interpreter(code)) <= 5


def test_a_first_check_reads_its_regions_rules_only() -> None:
    """check() with no rule set applies the packaged rules of the number's region, read on
    its first number: the whole rule set is not unpickled (about 6 ms)."""
    code = (
        "import smscheck; from smscheck import _rules_load; "
        "report = smscheck.check('+79123456789'); "
        "print(report.number.e164, _rules_load._packaged_ruleset.cache_info().currsize, "
        "sorted(_rules_load.packaged_orders()._read))"
    )
    assert _fresh_interpreter(code) == "+79123456789 0 ['RU']"


def test_the_packaged_orders_are_the_rule_sets() -> None:
    """Region by region, the lazily read matchers equal the packaged rule set's."""
    orders = _rules_load.packaged_orders()
    full = orders_of(_rules_load.load_rules())
    assert sorted(orders) == sorted(full)
    assert len(orders) == len(full)
    for region in ("RU", "IN", "US", "AE"):
        assert orders[region] == full[region]
    assert orders.get("ZZ") is None


def _fresh_interpreter(code: str) -> str:
    """What ``code`` prints in a new interpreter of this Python."""
    import subprocess  # noqa: PLC0415
    import sys  # noqa: PLC0415

    result = subprocess.run(  # noqa: S603 - our own interpreter, our own code
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    return result.stdout.strip()
