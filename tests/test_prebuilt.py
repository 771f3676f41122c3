"""data/prebuilt/: each file equals what its source builds today, and a stale one is ignored."""

from __future__ import annotations

import pickle
from typing import TYPE_CHECKING

import pytest

from smscheck import _failures_data, _phone, _prebuilt, _ru_carriers, _rules_load

if TYPE_CHECKING:
    import pathlib

    from smscheck import RuleSet

_HINT = "re-run: python scripts/build_prebuilt.py"


def _stored(name: str) -> tuple[int, str, object]:
    with open(_prebuilt.path_of(name), "rb") as stream:  # noqa: PTH123
        stored: tuple[int, str, object] = pickle.load(stream)  # noqa: S301 - our own file
    return stored


def _rules_key(rules: RuleSet) -> object:
    return (rules.rules, dict(rules.regions), dict(rules.by_region))


@pytest.mark.parametrize(
    ("name", "fingerprint", "build", "key"),
    [
        (
            "rules",
            lambda: _prebuilt.fingerprint_of_resource(_rules_load.RESOURCE),
            _rules_load.build_packaged_ruleset,
            _rules_key,
        ),
        (
            "delivery_errors",
            lambda: _prebuilt.fingerprint_of_resource(_failures_data.RESOURCE),
            _failures_data.build_default_table,
            lambda t: (dict(t.providers), dict(t.entries), dict(t.written)),
        ),
        (
            "ru_carriers",
            lambda: _prebuilt.fingerprint_of_resource(_ru_carriers.RESOURCE),
            _ru_carriers.build_table,
            lambda t: (
                t.firsts.tolist(),
                t.lasts.tolist(),
                t.brand_index.tolist(),
                t.region_index.tolist(),
                t.brands,
                t.regions,
            ),
        ),
        (
            "international_prefixes",
            _phone.metadata_version,
            _phone.build_international_prefixes,
            dict,
        ),
        ("national_prefixes", _phone.metadata_version, _phone.build_national_prefix_regions, dict),
        ("plans", _phone.metadata_version, _phone.build_plans, dict),
        ("general_patterns", _phone.metadata_version, _phone.build_general_pattern_texts, dict),
    ],
)
def test_prebuilt_file_equals_its_source(name, fingerprint, build, key) -> None:  # type: ignore[no-untyped-def]
    stored_format, stored_fingerprint, value = _stored(name)
    assert stored_format == _prebuilt.FORMAT, _HINT
    assert stored_fingerprint == fingerprint(), _HINT
    assert key(value) == key(build()), _HINT


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
    _ru_carriers._table.cache_clear()
    _phone.international_prefixes.cache_clear()
    _phone.national_prefix_regions.cache_clear()
    _phone.plans.cache_clear()
    _phone.general_pattern_texts.cache_clear()


def test_the_packaged_loaders_use_the_prebuilt_files(monkeypatch: pytest.MonkeyPatch) -> None:
    """With the builders broken, the packaged objects still load: from data/prebuilt/."""

    def fail() -> None:
        raise AssertionError("built from the source, not read from data/prebuilt/")

    monkeypatch.setattr(_rules_load, "build_packaged_ruleset", fail)
    monkeypatch.setattr(_failures_data, "build_default_table", fail)
    monkeypatch.setattr(_ru_carriers, "build_table", fail)
    monkeypatch.setattr(_phone, "build_international_prefixes", fail)
    monkeypatch.setattr(_phone, "build_national_prefix_regions", fail)
    monkeypatch.setattr(_phone, "build_plans", fail)
    monkeypatch.setattr(_phone, "build_general_pattern_texts", fail)
    _clear_caches()
    monkeypatch.setattr(_failures_data, "_DEFAULT", [])
    try:
        assert len(_rules_load.load_rules()) > 300
        assert len(_failures_data.default_table().entries) > 500
        assert _ru_carriers.ru_allocation("9161234567") is not None
        assert "810" in _phone.international_prefixes()
        assert "0" in _phone.national_prefix_regions()
        assert 7 in _phone.plans()
        assert _phone.general_pattern_texts()[7]
    finally:
        _clear_caches()
