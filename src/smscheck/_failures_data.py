"""``delivery_errors.toml``: SMS providers' delivery error codes, mapped to one vocabulary.

The schema (``docs/failures.md``) is read with the strict, bounded reader every smscheck data
file goes through (``_datafile``): unknown keys are refused, and every problem is one
:class:`~smscheck.DataFileError` naming file, key path and line. The packaged file is read
on the first :func:`~smscheck.explain_failure`, once per process.
"""

from __future__ import annotations

import re
from types import MappingProxyType
from typing import TYPE_CHECKING, Final

import attrs

from .exceptions import DataFileError

if TYPE_CHECKING:
    from collections.abc import Mapping

    from ._codes import FailureCause
    from ._sources import SourceDef

__all__ = [
    "LANGUAGES",
    "RESOURCE",
    "SCHEMA_VERSION",
    "ErrorEntry",
    "ErrorTable",
    "Provider",
    "build_default_table",
    "canonical",
    "default_table",
    "read_table",
]

#: The schema version this module reads.
SCHEMA_VERSION: Final = 1
#: Languages every entry's texts are given in.
LANGUAGES: Final = ("en", "ru")
#: Longest code accepted in the file.
MAX_CODE_CHARS: Final = 60

RESOURCE: Final = "data/delivery_errors.toml"
Texts = tuple[tuple[str, str], ...]


@attrs.frozen
class Provider:
    """One SMS provider (or protocol) whose codes the file maps."""

    id: str
    name: str
    covers: str
    code_form: str
    bare_prefix: str | None


@attrs.frozen
class ErrorEntry:
    """One documented code of one provider."""

    provider: str
    code: str
    label: str | None
    cause: FailureCause
    retryable: bool | None
    sources: tuple[SourceDef, ...]
    checked: str
    message: Texts
    service_remedy: Texts | None
    conflict: str | None

    def text(self, field: Texts, lang: str) -> str:
        """The text of ``field`` in ``lang``, English where the language has none."""
        fallback = field[0][1]
        for key, value in field:
            if key == lang:
                return value
        return fallback


@attrs.frozen(eq=False)
class ErrorTable:
    """Every provider and every code of one file, looked up by canonical code."""

    providers: Mapping[str, Provider]
    entries: Mapping[tuple[str, str], ErrorEntry]
    written: Mapping[tuple[str, str], ErrorEntry] = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        # Every entry by its code exactly as the file writes it: the common case, no parsing.
        written = {(e.provider, e.code): e for e in self.entries.values()}
        object.__setattr__(self, "written", MappingProxyType(written))

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        # Read-only mappings do not pickle (the table is prebuilt: ``_prebuilt``).
        return (_table_of, (dict(self.providers), dict(self.entries)))

    def lookup(self, provider: str, code: str) -> ErrorEntry | None:
        """The entry of a canonical code (see :func:`canonical`), or ``None``."""
        return self.entries.get((provider, code))

    def of(self, provider: str) -> tuple[ErrorEntry, ...]:
        """Every entry of one provider, in file order."""
        return tuple(e for (p, _), e in self.entries.items() if p == provider)


def _table_of(
    providers: dict[str, Provider], entries: dict[tuple[str, str], ErrorEntry]
) -> ErrorTable:
    return ErrorTable(MappingProxyType(providers), MappingProxyType(entries))


_HEX_RE: Final = re.compile(r"0X([0-9A-F]{1,8})\Z")
_LEADING_ZEROS_RE: Final = re.compile(r"(?<![0-9A-Z])0+(?=[0-9])")
_SPACES_RE: Final = re.compile(r"\s+")


def canonical(code: str, bare_prefix: str | None = None) -> str:
    """The form a code is compared in.

    Upper case, decimal runs without leading zeros, hexadecimal as eight digits, and the
    provider's prefix where a bare number is given.

    >>> canonical("err:013"), canonical("0x0b"), canonical("  30007 ")
    ('ERR:13', '0X0000000B', '30007')
    >>> canonical("2", "err:")
    'ERR:2'
    """
    text = _SPACES_RE.sub(" ", code.strip()).upper()
    hexa = _HEX_RE.match(text)
    if hexa is not None:
        return f"0X{int(hexa.group(1), 16):08X}"
    text = _LEADING_ZEROS_RE.sub("", text)
    if bare_prefix is not None and ":" not in text:
        text = bare_prefix.upper() + text
    return text


def parse(name: str, text: str) -> ErrorTable:
    """Check one decoded delivery-errors file (``_failures_load``)."""
    from ._failures_load import parse  # noqa: PLC0415 - the reader, only when a file is read

    return parse(name, text)


def read_table(path: str) -> ErrorTable:
    """Read and check a delivery-errors file given by path."""
    from ._datafile import read_path  # noqa: PLC0415 - the reader, only when a file is read

    return parse(path, read_path(path, DataFileError))


_DEFAULT: list[ErrorTable] = []


def default_table() -> ErrorTable:
    """The packaged table: prebuilt (``_prebuilt``) while the file is unchanged."""
    if not _DEFAULT:
        from . import _prebuilt  # noqa: PLC0415

        fingerprint = _prebuilt.fingerprint_of_resource(RESOURCE)
        _DEFAULT.append(_prebuilt.load("delivery_errors", fingerprint, build_default_table))
    return _DEFAULT[0]


def build_default_table() -> ErrorTable:
    """The packaged table, parsed and checked from the TOML file."""
    from ._datafile import read_resource  # noqa: PLC0415 - the reader, only when a file is read

    name, text = read_resource(RESOURCE, DataFileError)
    return parse(name, text)
