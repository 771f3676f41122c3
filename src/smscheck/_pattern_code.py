"""The metadata's patterns compiled ahead of time: the regex engine's code for each, prebuilt.

Python compiles a regular expression in two steps: its parser and code generator, in Python
(a tenth of a millisecond to a millisecond per metadata pattern), then the engine's
constructor, in C (microseconds). The typo search's first look at a plan compiles a dozen of
its patterns, and the first invalid input of a process visits a dozen plans: the first
step was most of what it cost. The code that step makes for every pattern ``_phone``
compiles is prebuilt (``data/prebuilt/pattern_code_3XX.pickle``, one file per Python
version, ``_prebuilt``), and on the Python whose engine it was made for (the same version
and ``_sre.MAGIC``) :func:`compiled` gives the engine that code directly. The pattern it
makes is equal (``==``: same text, flags and code) to what ``re.compile`` makes, which
tests/test_pattern_code.py checks for every entry. On any other Python, for a pattern not in
the table, or if the engine refuses the code, :func:`compiled` is ``re.compile``.

The engine's constructor is private (``_sre.compile``, which ``re`` itself calls); it is
called with exactly what ``re._compiler.compile`` passes it, and any failure falls back to
``re.compile``.
"""

from __future__ import annotations

import array
import functools
import importlib
import re
import sys
import zlib
from typing import TYPE_CHECKING, Any, Final

import phonenumbers.re_util

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["NAME", "build_table", "compiled", "fingerprint"]

#: The prebuilt file of this Python version.
NAME: Final = f"pattern_code_{sys.version_info.major}{sys.version_info.minor}"

_Table = dict[str, bytes]  # pattern text -> zlib(flags, groups, code...) as unsigned ints


def fingerprint() -> str:
    """What a table is valid for: the metadata, the Python version and its regex engine."""
    from ._phone import metadata_version  # noqa: PLC0415

    engine = _engine()
    version = f"{sys.version_info.major}.{sys.version_info.minor}"
    return f"{metadata_version()} python {version} sre {engine.MAGIC} {engine.CODESIZE}"


def compiled(text: str) -> re.Pattern[str]:
    """``re.compile(text)``, from the prebuilt code where there is one for this Python.

    Shares phonenumbers' pattern cache (``re_util.re_compile``): a pattern either compiles
    is compiled once.
    """
    cache = getattr(phonenumbers.re_util, "_COMPILED_PATTERNS", None)
    if isinstance(cache, dict):
        found = cache.get(text)
        if isinstance(found, re.Pattern):
            return found
    pattern = _from_code(text)
    if pattern is None:
        pattern = re.compile(text)
    if isinstance(cache, dict):
        cache[text] = pattern
    return pattern


def _from_code(text: str) -> re.Pattern[str] | None:
    blob = _table().get(text)
    if blob is None:
        return None
    try:
        numbers = array.array(_TYPECODE)
        numbers.frombytes(zlib.decompress(blob))
        flags, groups, *code = numbers.tolist()
        pattern: re.Pattern[str] = _engine().compile(
            text, flags, code, groups - 1, {}, (None,) * groups
        )
    except Exception:  # noqa: BLE001 - an engine that refuses the code: compile the text
        return None
    return pattern


# The engine's code units: CODESIZE (4) bytes each, as array's "I" is on every platform
# CPython builds for; a table built with another size is never read (``fingerprint``).
_TYPECODE: Final = "I"


def _engine() -> Any:
    """The regex engine's C module (private; ``re`` builds every pattern with it)."""
    return importlib.import_module("_sre")


@functools.cache
def _table() -> _Table:
    from . import _prebuilt  # noqa: PLC0415

    try:
        key = fingerprint()
    except Exception:  # noqa: BLE001 - no engine module like CPython's: compile every text
        return {}
    # Missing or made for another Python: no table, every pattern compiled from its text.
    return _prebuilt.load(NAME, key, dict)


def build_table(texts: Iterable[str]) -> _Table:
    """The engine's code for each pattern, as ``re._compiler.compile`` makes it.

    Patterns with named groups (the metadata has none) are left out: their group names
    would have to be stored too.
    """
    parser: Any = importlib.import_module("re._parser")
    compiler: Any = importlib.import_module("re._compiler")
    out: _Table = {}
    for text in sorted(set(texts)):
        tree = parser.parse(text, 0)
        if tree.state.groupdict:
            continue
        code = compiler._code(tree, 0)  # noqa: SLF001 - what re._compiler.compile runs
        numbers = array.array(_TYPECODE, [tree.state.flags, tree.state.groups, *code])
        out[text] = zlib.compress(numbers.tobytes(), 9)
    return out
