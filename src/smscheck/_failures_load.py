"""Reading and checking a delivery-errors file (``data/delivery_errors.toml``'s schema).

Apart from the table's types (``_failures_data``) so that the packaged table, read back from
its prebuilt file, never imports the data-file reader (``_datafile``) on a process's first
:func:`~smscheck.explain_failure`.
"""

from __future__ import annotations

import re
from types import MappingProxyType
from typing import TYPE_CHECKING, Final

from ._codes import FailureCause
from ._datafile import (
    MAX_NOTE_CHARS,
    MAX_TEXT_CHARS,
    Validator,
    did_you_mean,
    kind_of,
    parse_toml,
    short,
)
from ._failures_data import (
    LANGUAGES,
    MAX_CODE_CHARS,
    SCHEMA_VERSION,
    ErrorEntry,
    ErrorTable,
    Provider,
    canonical,
)
from .exceptions import DataFileError

if TYPE_CHECKING:
    from ._sources import SourceDef

__all__ = ["parse"]

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
