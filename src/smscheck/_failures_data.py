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

from ._codes import FailureCause
from ._datafile import (
    MAX_NOTE_CHARS,
    MAX_TEXT_CHARS,
    SourceDef,
    Validator,
    did_you_mean,
    kind_of,
    parse_toml,
    read_path,
    read_resource,
    short,
)
from .exceptions import DataFileError

if TYPE_CHECKING:
    from collections.abc import Mapping

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
_ROOT_KEYS: Final = ("schema_version", "sources", "providers", "errors")
_PROVIDER_KEYS: Final = ("name", "covers", "code_form", "bare_prefix")
_PROVIDER_REQUIRED: Final = ("name", "covers", "code_form")
_ERROR_KEYS: Final = (
    "provider",
    "code",
    "label",
    "cause",
    "retryable",
    "sources",
    "checked",
    "message",
    "service_remedy",
    "conflict",
)
_ERROR_REQUIRED: Final = ("provider", "code", "cause", "sources", "checked", "message")
_CODE_RE: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9_:.\-]*")
_PREFIX_RE: Final = re.compile(r"[a-z]+:")
_CAUSES: Final = tuple(c.value for c in FailureCause)

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


class _ErrorsValidator(Validator):
    def __init__(self, name: str, text: str) -> None:
        super().__init__(name, text)
        self.sources: dict[str, SourceDef] = {}
        self.providers: dict[str, Provider] = {}

    def document(self, data: dict[str, object]) -> ErrorTable:
        self.keys(data, _ROOT_KEYS, _ROOT_KEYS, "")
        self.schema_version(data["schema_version"], SCHEMA_VERSION)
        for sid, raw in self.table(data["sources"], "sources").items():
            self.sources[sid] = self.source(sid, raw)
        for pid, raw in self.table(data["providers"], "providers").items():
            self.providers[pid] = self.provider(pid, raw)
        entries: dict[tuple[str, str], ErrorEntry] = {}
        for i, raw in enumerate(self.array(data["errors"], "errors")):
            entry = self.entry(raw, f"errors[{i}]")
            bare = self.providers[entry.provider].bare_prefix
            key = (entry.provider, canonical(entry.code, bare))
            if key in entries:
                self.fail(
                    f"errors[{i}].code",
                    f"'{entry.code}' of provider '{entry.provider}' is listed twice"
                    f" (as '{entries[key].code}' before)",
                )
            entries[key] = entry
        unused = sorted(set(self.providers) - {p for p, _ in entries})
        if unused:
            self.fail(f"providers.{unused[0]}", f"provider '{unused[0]}' has no [[errors]]")
        return ErrorTable(MappingProxyType(self.providers), MappingProxyType(entries))

    def provider(self, pid: str, raw: object) -> Provider:
        kp = f"providers.{pid}"
        self.ident(pid, kp, "provider id")
        table = self.table(raw, kp)
        self.keys(table, _PROVIDER_KEYS, _PROVIDER_REQUIRED, kp)
        bare = None
        if "bare_prefix" in table:
            bare = self.string(table["bare_prefix"], f"{kp}.bare_prefix", max_chars=20)
            if not _PREFIX_RE.fullmatch(bare):
                self.fail(f"{kp}.bare_prefix", "must be lower-case letters and ':', e.g. 'err:'")
        return Provider(
            id=pid,
            name=self.string(table["name"], f"{kp}.name", max_chars=80),
            covers=self.string(table["covers"], f"{kp}.covers", max_chars=MAX_TEXT_CHARS),
            code_form=self.string(table["code_form"], f"{kp}.code_form", max_chars=MAX_TEXT_CHARS),
            bare_prefix=bare,
        )

    def entry(self, raw: object, kp: str) -> ErrorEntry:
        table = self.table(raw, kp)
        self.keys(table, _ERROR_KEYS, _ERROR_REQUIRED, kp)
        provider = self.choice(
            table["provider"], f"{kp}.provider", sorted(self.providers), "a provider in [providers]"
        )
        code = self.string(table["code"], f"{kp}.code", max_chars=MAX_CODE_CHARS)
        if not _CODE_RE.fullmatch(code):
            self.fail(
                f"{kp}.code",
                f"'{short(code)}' must be letters, digits and '_', ':', '.', '-'",
            )
        retryable = None
        if "retryable" in table:
            value = table["retryable"]
            if type(value) is not bool:
                self.fail(
                    f"{kp}.retryable",
                    f"must be true or false (leave it out where the sources do not say),"
                    f" not {kind_of(value)}",
                )
            retryable = value
        return ErrorEntry(
            provider=provider,
            code=code,
            label=(
                self.string(table["label"], f"{kp}.label", max_chars=120)
                if "label" in table
                else None
            ),
            cause=FailureCause(self.choice(table["cause"], f"{kp}.cause", _CAUSES, "a cause")),
            retryable=retryable,
            sources=self.cited(table["sources"], f"{kp}.sources"),
            checked=self.date(table["checked"], f"{kp}.checked"),
            message=self.texts(table["message"], f"{kp}.message", LANGUAGES),
            service_remedy=(
                self.texts(table["service_remedy"], f"{kp}.service_remedy", LANGUAGES)
                if "service_remedy" in table
                else None
            ),
            conflict=(
                self.string(table["conflict"], f"{kp}.conflict", max_chars=MAX_NOTE_CHARS)
                if "conflict" in table
                else None
            ),
        )

    def cited(self, value: object, kp: str) -> tuple[SourceDef, ...]:
        items = self.array(value, kp)
        out: list[SourceDef] = []
        for i, item in enumerate(items):
            if type(item) is not str:
                self.fail(f"{kp}[{i}]", f"must be a source id string, not {kind_of(item)}")
            found = self.sources.get(item)
            if found is None:
                known = sorted(self.sources)
                self.fail(
                    f"{kp}[{i}]",
                    f"no source '{short(item)}' in [sources]{did_you_mean(item, known)}",
                )
            out.append(found)
        self.unique([s.id for s in out], kp)
        return tuple(out)


def parse(name: str, text: str) -> ErrorTable:
    """Check one decoded delivery-errors file."""
    return _ErrorsValidator(name, text).document(parse_toml(name, text, DataFileError))


def read_table(path: str) -> ErrorTable:
    """Read and check a delivery-errors file given by path."""
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
    name, text = read_resource(RESOURCE, DataFileError)
    return parse(name, text)
