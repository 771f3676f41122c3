"""Tests for the Russian numbering-plan lookup (``smscheck._ru_carriers``).

Most expectations are read from the regulator's CSV itself (outside the repository, in
``../shared/research``), not copied from the generated ``data/ru_carriers.tsv``; those
tests are skipped when the CSV is not there.
"""

from __future__ import annotations

import csv
import functools
import itertools
import re
from pathlib import Path
from typing import TYPE_CHECKING

import attrs
import pytest

from smscheck import _ru_carriers
from smscheck._ru_carriers import RuAllocation, _table, ru_allocation

from .scripts import load_script

if TYPE_CHECKING:
    from types import ModuleType

REPO = Path(__file__).resolve().parent.parent
SCRIPT = REPO / "scripts" / "build_ru_carriers.py"
COMMITTED = REPO / "data" / "ru_carriers.tsv"
CSV_PATH = REPO.parent / "shared" / "research" / "ru_numbering" / "DEF-9xx.csv"

needs_csv = pytest.mark.skipif(
    not CSV_PATH.is_file(),
    reason=f"registry CSV not present at {CSV_PATH} (it lives outside the repository)",
)

# Written here from the operators' public identities, independently of the generator.
_BRAND_BY_INN = {
    "7740000076": "MTS",
    "7812014560": "MegaFon",
    "7713076301": "Beeline",
    "7743895280": "T2",
    "7701725181": "Yota",
}


@attrs.frozen
class _Row:
    first: int
    last: int
    operator: str
    territory: str
    inn: str


@functools.cache
def _registry() -> tuple[_Row, ...]:
    with CSV_PATH.open(encoding="utf-8-sig", newline="") as f:
        reader = csv.reader(f, delimiter=";")
        next(reader)
        rows = [
            _Row(int(code + start), int(code + end), operator, territory, inn)
            for code, start, end, _cap, operator, _region, territory, inn in reader
        ]
    return tuple(sorted(rows, key=lambda r: r.first))


@functools.cache
def _names_by_inn() -> dict[str, frozenset[str]]:
    names: dict[str, set[str]] = {}
    for row in _registry():
        names.setdefault(row.inn, set()).add(row.operator)
    return {inn: frozenset(v) for inn, v in names.items()}


def _nsn(n: int) -> str:
    return f"{n:010d}"


def _check(number: int, row: _Row) -> None:
    found = ru_allocation(_nsn(number))
    assert found is not None, (number, row)
    assert found.region == row.territory, (number, row, found)
    assert found.operator in _names_by_inn()[row.inn], (number, row, found)
    if row.inn in _BRAND_BY_INN:
        assert found.brand == _BRAND_BY_INN[row.inn], (number, row, found)


@needs_csv
def test_every_registry_row_first_last_and_middle() -> None:
    rows = _registry()
    assert len(rows) > 10_000
    for row in rows:
        _check(row.first, row)
        _check(row.last, row)
        _check((row.first + row.last) // 2, row)


@needs_csv
def test_just_outside_ranges_is_none() -> None:
    rows = _registry()
    gaps = 0
    for prev, nxt in itertools.pairwise(rows):
        if nxt.first > prev.last + 1:
            gaps += 1
            assert ru_allocation(_nsn(prev.last + 1)) is None
            assert ru_allocation(_nsn(nxt.first - 1)) is None
    assert gaps > 0
    if rows[0].first > 9_000_000_000:
        assert ru_allocation(_nsn(rows[0].first - 1)) is None
    if rows[-1].last < 9_999_999_999:
        assert ru_allocation(_nsn(rows[-1].last + 1)) is None


@needs_csv
def test_adjacent_rows_of_different_operators_stay_apart() -> None:
    rows = _registry()
    seen = 0
    for prev, nxt in itertools.pairwise(rows):
        if nxt.first == prev.last + 1 and nxt.inn != prev.inn:
            seen += 1
            before, after = ru_allocation(_nsn(prev.last)), ru_allocation(_nsn(nxt.first))
            assert before is not None
            assert after is not None
            assert before.operator != after.operator
    assert seen > 100


@needs_csv
@pytest.mark.repo
def test_generator_output_matches_committed_file(tmp_path: Path) -> None:
    """DRIFT: regenerating from the shared CSV must give the committed bytes."""
    out = tmp_path / "ru_carriers.tsv"
    assert _load_script().main([str(CSV_PATH), "--output", str(out)]) == 0
    assert out.read_bytes() == COMMITTED.read_bytes(), (
        "data/ru_carriers.tsv is out of date: run scripts/build_ru_carriers.py"
    )


def test_well_known_codes() -> None:
    """Codes whose allocation is common knowledge (Moscow 916/903/926/977)."""
    expected = {"9161234567": "MTS", "9031234567": "Beeline", "9261234567": "MegaFon"}
    for number, brand in expected.items():
        found = ru_allocation(number)
        assert found is not None
        assert found.brand == brand
        assert found.host_network is None
        assert "Москва" in found.region


def test_mvno_host_network() -> None:
    yota = [a for a in _all_allocations() if a.brand == "Yota"]
    assert yota
    assert {a.host_network for a in yota} == {"MegaFon"}


@pytest.mark.parametrize(
    "number",
    [
        "4951234567",  # Moscow fixed line (ABC code)
        "8001234567",  # freephone
        "3011234567",
        "0000000000",
        "1999999999",
    ],
)
def test_not_9xx_is_none(number: str) -> None:
    assert ru_allocation(number) is None


@pytest.mark.parametrize(
    "number",
    [
        "",
        "9",
        "912345678",  # 9 digits
        "91234567890",  # 11 digits
        "79123456789",  # with country code
        "89123456789",  # with trunk prefix
        "+79123456789",
        "912345678a",
        "912 345 678",
        "91234-56789",
        " 9123456789"[:10],
        "９１２３４５６７８９",  # fullwidth digits
        "٩١٢٣٤٥٦٧٨٩",  # Arabic-Indic digits
        "9123456７89",
    ],
)
def test_bad_input_is_none(number: str) -> None:
    assert ru_allocation(number) is None


def test_allocation_is_frozen() -> None:
    found = ru_allocation("9161234567")
    assert isinstance(found, RuAllocation)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        found.brand = "x"  # type: ignore[misc]


def test_loaded_once() -> None:
    assert _table() is _table()


@pytest.mark.repo
def test_committed_file_header_and_sections() -> None:
    text = COMMITTED.read_text(encoding="utf-8")
    first = text.split("\n", 1)[0]
    assert first.startswith("# GENERATED by scripts/build_ru_carriers.py from ")
    assert "DEF-9xx.csv" in first
    assert "sha256 " in first
    assert "Минцифры" in first
    assert text.endswith("\n")
    assert "\r" not in text
    table = _table()
    assert list(table.firsts) == sorted(table.firsts)
    for i in range(len(table.firsts)):
        assert table.firsts[i] <= table.lasts[i]
        if i:
            assert table.lasts[i - 1] < table.firsts[i]
    brands = [b for b, _operator, _host in table.brands]
    assert len(brands) == len(set(brands))
    hosts = {host for _b, _operator, host in table.brands if host is not None}
    assert hosts <= set(brands)


def _all_allocations() -> list[RuAllocation]:
    table = _table()
    return [
        ru_allocation(_nsn(first)) or pytest.fail(f"no allocation at {first}")
        for first in table.firsts
    ]


def _load_script() -> ModuleType:
    """scripts/build_ru_carriers.py as a module."""
    return load_script("build_ru_carriers")


@pytest.mark.repo
@pytest.mark.parametrize(
    ("legal", "clean"),
    [
        ('ООО "ИНТЕРНОД"', "ИНТЕРНОД"),
        ('ООО  "МЕТРО-ПЭЙ"', "МЕТРО-ПЭЙ"),
        ("ПАО МГТС", "МГТС"),
        ('ООО ИК "СИБИНТЕК"', "ИК СИБИНТЕК"),
        ('Акционерное общество "Крымтелеком"', "Крымтелеком"),
        ("ФГУП «ГРЧЦ»", "ГРЧЦ"),
        ("МИНЦИФРЫ РОССИИ", "МИНЦИФРЫ РОССИИ"),
        ('АО "АГАТ"', "АГАТ"),
    ],
)
def test_clean_legal_name(legal: str, clean: str) -> None:
    assert _load_script().clean_legal_name(legal) == clean


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"# only a comment\n", "no [ranges] section"),
        (b"stray line\n[ranges]\n9000000000\t9000000001\tMTS\tX\n", "line outside a section"),
        (b"[operators]\nMTS\t1\tPAO MTS\t\t2\n[ranges]\n9000000000\t9000000001\tMTS\n", "4 fields"),
    ],
)
def test_damaged_data_file_is_a_clear_error(data: bytes, reason: str) -> None:
    """A damaged carrier data file fails with a message naming the file and the problem."""
    with pytest.raises(ValueError, match=re.escape(reason)) as info:
        _ru_carriers._parse(data)
    assert "ru_carriers.tsv" in str(info.value)
