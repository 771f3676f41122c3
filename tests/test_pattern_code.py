"""The metadata's patterns built from their prebuilt engine code (``_pattern_code``)."""

from __future__ import annotations

import pathlib
import pickle
import re
import sys
from typing import TYPE_CHECKING

import phonenumbers

from smscheck import _pattern_code, _phone, _prebuilt

if TYPE_CHECKING:
    import pytest

_TABLE = _pattern_code._table()


def test_the_table_of_this_python_is_read() -> None:
    """CI's Python has its table: the first look at a plan compiles nothing from text."""
    assert len(_TABLE) > 2000


def test_every_prebuilt_pattern_equals_what_re_compiles() -> None:
    """Equal (``==``): the same text, flags and engine code as ``re.compile`` makes today."""
    for text in _TABLE:
        built = _pattern_code._from_code(text)
        assert built is not None, text
        assert built == re.compile(text), text


def test_the_table_holds_every_pattern_the_phone_module_compiles() -> None:
    assert set(_phone._compiled_texts()) <= set(_TABLE)


def test_a_pattern_not_in_the_table_is_compiled_from_its_text() -> None:
    text = r"(?:12|34)\d{5}x"
    assert text not in _TABLE
    assert _pattern_code.compiled(text) == re.compile(text)


def test_an_engine_that_refuses_the_code_leaves_the_text_compiled(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    class Refusing:
        @staticmethod
        def compile(*args: object) -> None:
            raise RuntimeError("another engine")

    text = next(iter(_TABLE))
    monkeypatch.setattr(_pattern_code, "_engine", Refusing)
    assert _pattern_code._from_code(text) is None
    monkeypatch.setattr(phonenumbers.re_util, "_COMPILED_PATTERNS", {})
    assert _pattern_code.compiled(text) == re.compile(text)


def test_compiled_patterns_are_shared_with_phonenumbers(monkeypatch: pytest.MonkeyPatch) -> None:
    """One cache: what smscheck builds, phonenumbers' re_compile finds, and the reverse."""
    monkeypatch.setattr(phonenumbers.re_util, "_COMPILED_PATTERNS", {})
    ours, theirs = sorted(_TABLE)[:2]
    built = _pattern_code.compiled(ours)
    assert phonenumbers.re_util.re_compile(ours) is built
    found = phonenumbers.re_util.re_compile(theirs)
    assert _pattern_code.compiled(theirs) is found


def test_a_table_made_for_another_python_is_not_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """The engine's code is only good for the engine that made it (``_sre.MAGIC``)."""
    with monkeypatch.context() as patch:
        patch.setattr(_pattern_code, "fingerprint", lambda: "phonenumbers 0 python 2.7 sre 0")
        _pattern_code._table.cache_clear()
        assert _pattern_code._table() == {}
    _pattern_code._table.cache_clear()
    assert _pattern_code._table() == _TABLE


def test_a_python_without_cpython_s_engine_compiles_every_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def missing() -> None:
        raise ImportError("_sre")

    with monkeypatch.context() as patch:
        patch.setattr(_pattern_code, "_engine", missing)
        _pattern_code._table.cache_clear()
        assert _pattern_code._table() == {}
        patch.setattr(phonenumbers.re_util, "_COMPILED_PATTERNS", {})
        text = next(iter(_TABLE))
        assert _pattern_code.compiled(text) == re.compile(text)
    _pattern_code._table.cache_clear()
    assert _pattern_code._table() == _TABLE


def test_the_other_pythons_tables_are_of_this_metadata() -> None:
    """The tables of the other Python versions (``build_prebuilt.py --python``) were built
    from the installed phonenumbers, each for the version its name says."""
    prebuilt = pathlib.Path(_prebuilt.path_of(_pattern_code.NAME)).parent
    others = sorted(p for p in prebuilt.glob("pattern_code_*.pickle"))
    assert others, "no table at all"
    for path in others:
        with path.open("rb") as stream:
            stored_format, fingerprint, table = pickle.load(stream)  # noqa: S301 - our own file
        version = path.stem.removeprefix("pattern_code_")
        assert stored_format == _prebuilt.FORMAT
        minor = version[1:]
        hint = f"{path.name}: re-run scripts/build_prebuilt.py --python python3.{minor}"
        assert version[0] == "3"
        assert fingerprint.startswith(f"{_phone.metadata_version()} python 3.{minor} "), hint
        assert set(table) == set(_TABLE), hint


def test_this_python_s_name() -> None:
    assert f"pattern_code_{sys.version_info.major}{sys.version_info.minor}" == _pattern_code.NAME
