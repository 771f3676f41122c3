"""Region and carrier rules for international A2P SMS: load, validate, match.

The rules live in ``smscheck/data/carrier_rules.toml`` (schema: ``docs/rules.md``). A user
may add or replace rules with override files, matched by rule id. Files are read with hard
limits before the TOML parser (``tomli``) sees them, and every problem in a file is reported as one
:class:`~smscheck.exceptions.RulesError` naming the file, the key path and the line.

Nothing is read at import time: the packaged file is parsed on first use, once.
"""

from __future__ import annotations

import codecs
import datetime as dt
import difflib
import functools
import importlib.resources
import os
import pathlib
import re
from types import MappingProxyType
from typing import TYPE_CHECKING, Final, Literal, NoReturn

import attrs
import tomli

from ._codes import Code, SenderKind, Severity
from ._report import Sender, Source
from .exceptions import RulesError

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping, Sequence

__all__ = [
    "LANGUAGES",
    "MAX_DEPTH",
    "MAX_FILE_BYTES",
    "MAX_LINE_CHARS",
    "REGION_STATUSES",
    "RULE_CODES",
    "SCHEMA_VERSION",
    "RegionEntry",
    "Rule",
    "RuleSet",
    "applicable_rules",
    "load_rules",
]

#: The schema version this module reads.
SCHEMA_VERSION: Final = 1
#: Largest rules file accepted, in bytes.
MAX_FILE_BYTES: Final = 2 * 1024 * 1024
#: Longest line accepted, in characters.
MAX_LINE_CHARS: Final = 4000
#: Deepest nesting of ``[`` and ``{`` accepted (counted outside strings and comments).
MAX_DEPTH: Final = 8
#: Languages every rule text must be given in; English is the fallback.
LANGUAGES: Final = ("en", "ru")
#: Values of ``regions.XX.status``.
REGION_STATUSES: Final = ("no_known_restriction", "restricted")
#: The codes a rule may carry.
RULE_CODES: Final = frozenset(
    {
        Code.SENDER_REGISTRATION_REQUIRED,
        Code.INTERNATIONAL_SMS_FILTERED,
        Code.ALPHANUMERIC_SENDER_UNSUPPORTED,
        Code.INTERNATIONAL_LONG_CODE_UNSUPPORTED,
        Code.SENDER_ID_REPLACED,
        Code.TEMPLATE_REGISTRATION_REQUIRED,
        Code.CONTENT_RESTRICTED,
        Code.DELIVERY_HOURS_RESTRICTED,
        Code.SMS_PUMPING_RISK,
        Code.DESTINATION_UNSUPPORTED,
        Code.CARRIER_MAY_BE_PORTED,
    }
)

_RESOURCE: Final = "data/carrier_rules.toml"
_MAX_TEXT_CHARS: Final = 500
_MAX_NOTE_CHARS: Final = 1000
_MAX_NAME_CHARS: Final = 200
_MAX_URL_CHARS: Final = 2000
_MAX_PREFIX_DIGITS: Final = 15

_ID_RE: Final = re.compile(r"[a-z0-9][a-z0-9-]*")
_PREFIX_RE: Final = re.compile(rf"[0-9]{{1,{_MAX_PREFIX_DIGITS}}}")
_URL_RE: Final = re.compile(r"https?://[^\s{}]+(?:\{region\}[^\s{}]*)*")
_CONTROL_RE: Final = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029]")
_LONG_LINE_RE: Final = re.compile(rf"^[^\n]{{{MAX_LINE_CHARS + 1}}}", re.MULTILINE)
_TOML_POS_RE: Final = re.compile(r"\s*\(at (?:line (\d+), column (\d+)|end of document)\)$")

_TextField = Literal["message", "service_remedy", "remedy"]
_Texts = tuple[tuple[str, str], ...]
_NO_TEXTS: Final[Mapping[str, _Texts]] = MappingProxyType({})
_TEXT_FIELDS: Final[tuple[_TextField, ...]] = ("message", "service_remedy", "remedy")

_ROOT_KEYS: Final = ("schema_version", "sources", "texts", "regions", "rules")
_ROOT_REQUIRED: Final = ("schema_version", "sources", "regions", "rules")
_OVERRIDE_KEYS: Final = ("schema_version", "sources", "texts", "rules")
_SOURCE_KEYS: Final = ("publisher", "title", "url", "captured", "note")
# `captured` is optional: many vendor pages carry no date, and we do not invent one.
_SOURCE_REQUIRED: Final = ("publisher", "title", "url")
_REGION_KEYS: Final = ("status", "sources", "checked", "note")
_REGION_REQUIRED: Final = ("status", "sources", "checked")
_RULE_KEYS: Final = (
    "id",
    "region",
    "code",
    "severity",
    "senders",
    "lifted_by_registration",
    "carriers",
    "prefixes",
    "effective",
    "checked",
    "sources",
    "conflict",
    "message",
    "service_remedy",
    "remedy",
)
_RULE_REQUIRED: Final = (
    "id",
    "region",
    "code",
    "checked",
    "sources",
    "message",
    "service_remedy",
    "remedy",
)


# --------------------------------------------------------------------------- results


@attrs.frozen(cache_hash=True)  # rules key check()'s cache of rendered diagnostics
class Rule:
    """One region or carrier rule, validated.

    Attributes:
        id: Stable unique id, e.g. ``"ru-alpha-registration"``.
        region: ISO alpha-2 region the rule concerns (upper-case).
        code: The diagnostic code the rule produces.
        severity: The severity the rule sets (the code's default when the file omits it).
        senders: Sender kinds the rule concerns; empty means every kind.
        lifted_by_registration: A sender registered for the region is not affected.
        carriers: Carrier brand names the rule is limited to; empty means every carrier.
        prefixes: Prefixes of the national significant number; empty means every number.
        effective: ISO date from which the rule is enforced, or ``None``.
        checked: ISO date when the rule was last checked against its sources.
        sources: Where the rule comes from; ``checked`` is the rule's date.
        conflict: Where the sources disagree (English), or ``None``.
        message: ``(language, text)`` pairs: what happens.
        service_remedy: ``(language, text)`` pairs: what the sending service can do.
        remedy: ``(language, text)`` pairs: what the person can do.
    """

    id: str
    region: str
    code: Code
    severity: Severity
    senders: frozenset[SenderKind]
    lifted_by_registration: bool
    carriers: tuple[str, ...]
    prefixes: tuple[str, ...]
    effective: str | None
    checked: str
    sources: tuple[Source, ...]
    conflict: str | None
    message: tuple[tuple[str, str], ...]
    service_remedy: tuple[tuple[str, str], ...]
    remedy: tuple[tuple[str, str], ...]

    def text(self, field: _TextField, lang: str = "en") -> str:
        """Return ``message``, ``service_remedy`` or ``remedy`` in ``lang``, else English.

        ``lang`` may carry a region (``"ru-RU"``, ``"ru_RU"``); only the language is used.
        """
        pairs: tuple[tuple[str, str], ...] = getattr(self, field)
        wanted = lang.replace("_", "-").split("-", 1)[0].lower()
        english = ""
        for code, value in pairs:
            if code == wanted:
                return value
            if code == "en":
                english = value
        return english


@attrs.frozen
class RegionEntry:
    """What the rules file says about one region as a whole.

    Attributes:
        region: ISO alpha-2 region (upper-case).
        status: ``"no_known_restriction"`` or ``"restricted"``.
        sources: Where the entry comes from; ``checked`` is the entry's date.
        checked: ISO date when the entry was last checked against its sources.
        note: A remark in English, or ``None``.
    """

    region: str
    status: str
    sources: tuple[Source, ...]
    checked: str
    note: str | None


# One precomputed matcher per rule:
# (rule, prefixes, folded carriers, sender kinds, lifted_by_registration, severity).
_Entry = tuple[Rule, tuple[str, ...], frozenset[str], frozenset[SenderKind], bool, Severity]
# Per region: the entries by (rank, id), and by (rank capped at warning, id).
_Orders = tuple[tuple[_Entry, ...], tuple[_Entry, ...]]
_RANK: Final = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
_ERROR: Final = Severity.ERROR
_WARNING: Final = Severity.WARNING


@attrs.frozen(eq=False, repr=False)
class RuleSet:
    """A validated, immutable set of rules and region entries.

    Attributes:
        rules: Every rule: the packaged file's order, then rules added by overrides.
        regions: Region entries by region code (read-only mapping).
        by_region: Rules by region code, most severe first, then by id (read-only mapping).
    """

    rules: tuple[Rule, ...]
    regions: Mapping[str, RegionEntry]
    by_region: Mapping[str, tuple[Rule, ...]]
    _by_id: Mapping[str, Rule]
    _index: Mapping[str, _Orders]

    @property
    def ids(self) -> frozenset[str]:
        """The ids of all rules."""
        return frozenset(self._by_id)

    def get(self, rule_id: str) -> Rule | None:
        """Return the rule with this id, or ``None``."""
        return self._by_id.get(rule_id)

    def rules_for(self, region: str) -> tuple[Rule, ...]:
        """Return the rules of one region (upper-case alpha-2), most severe first."""
        return self.by_region.get(region, ())

    def region_entry(self, region: str) -> RegionEntry | None:
        """Return the entry of one region (upper-case alpha-2), or ``None``."""
        return self.regions.get(region)

    def applicable(
        self,
        *,
        region: str,
        national_number: str,
        carrier: str | None,
        sender: Sender | None,
    ) -> tuple[tuple[Rule, Severity], ...]:
        """Same as :func:`applicable_rules` on this set."""
        return applicable_rules(
            self, region=region, national_number=national_number, carrier=carrier, sender=sender
        )

    def __len__(self) -> int:
        return len(self.rules)

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules)

    def __repr__(self) -> str:
        return f"<RuleSet: {len(self.rules)} rules, {len(self.regions)} regions>"

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        # Read-only mappings do not pickle; the rules and regions rebuild the rest. Lets a
        # RuleSet travel to worker processes (check_many(..., workers=2)).
        return (_build_ruleset, (self.rules, dict(self.regions)))


def _build_ruleset(rules: Sequence[Rule], regions: Mapping[str, RegionEntry]) -> RuleSet:
    grouped: dict[str, list[_Entry]] = {}
    for rule in rules:
        entry: _Entry = (
            rule,
            rule.prefixes,
            frozenset(c.casefold() for c in rule.carriers),
            rule.senders,
            rule.lifted_by_registration,
            rule.severity,
        )
        grouped.setdefault(rule.region, []).append(entry)
    index: dict[str, _Orders] = {
        region: (
            tuple(sorted(entries, key=lambda e: (_RANK[e[5]], e[0].id))),
            tuple(sorted(entries, key=lambda e: (max(_RANK[e[5]], 1), e[0].id))),
        )
        for region, entries in grouped.items()
    }
    return RuleSet(
        rules=tuple(rules),
        regions=MappingProxyType(dict(regions)),
        by_region=MappingProxyType({r: tuple(e[0] for e in o[0]) for r, o in index.items()}),
        by_id=MappingProxyType({rule.id: rule for rule in rules}),
        index=MappingProxyType(index),
    )


def applicable_rules(
    ruleset: RuleSet,
    *,
    region: str,
    national_number: str,
    carrier: str | None,
    sender: Sender | None,
) -> tuple[tuple[Rule, Severity], ...]:
    """Return the rules that apply to one number, each with the severity it has here.

    Args:
        ruleset: The rules, from :func:`load_rules`.
        region: The number's region, upper-case alpha-2.
        national_number: The national significant number (digits, no country code).
        carrier: The number's carrier as smscheck reports it, or ``None`` (or ``""``)
            when unknown. A rule limited to carriers still applies to a number of unknown
            carrier, its severity capped at warning.
        sender: How the service sends, or ``None``. Without it every rule applies and
            severities are capped at warning; with it, rules for other sender kinds are
            dropped, and so are rules lifted by a registration the sender has.

    Returns:
        ``(rule, severity)`` pairs, most severe first, then by rule id.
    """
    orders = ruleset._index.get(region)  # noqa: SLF001 - the index is this module's
    if orders is None:
        return ()
    folded = carrier.casefold() if carrier else None
    out: list[tuple[Rule, Severity]] = []
    error, warning = _ERROR, _WARNING  # module constants: enum attribute access is slow
    if sender is None:  # every rule applies, capped: the capped order is already right
        for rule, prefixes, carriers, _, _, severity in orders[1]:
            if prefixes and not national_number.startswith(prefixes):
                continue
            if carriers and folded is not None and folded not in carriers:
                continue
            out.append((rule, warning if severity is error else severity))
        return tuple(out)
    kind = sender.kind
    registered = sender.registered_in
    capped = False
    for rule, prefixes, carriers, senders, lifted, severity in orders[0]:
        if prefixes and not national_number.startswith(prefixes):
            continue
        if senders and kind not in senders:
            continue
        if lifted and region in registered:
            continue
        if carriers:
            if folded is None:  # carrier unknown: the rule may apply, capped
                if severity is error:
                    out.append((rule, warning))
                    capped = True
                    continue
            elif folded not in carriers:
                continue
        out.append((rule, severity))
    if capped:
        out.sort(key=lambda pair: (_RANK[pair[1]], pair[0].id))
    return tuple(out)


# --------------------------------------------------------------------------- loading


def load_rules(*paths: str | os.PathLike[str], packaged: bool = True) -> RuleSet:
    """Load the packaged rules, then each override file in turn.

    An override file may hold ``[[rules]]``, ``[sources.*]``, ``[texts.*]`` and
    ``schema_version``. A rule whose id is already known replaces the earlier rule whole; a
    new id adds a rule. A source or text whose id is already known replaces the earlier one
    wherever it is named.

    Args:
        *paths: Override files, applied in order.
        packaged: Start from the rules shipped with smscheck. With ``False``, only the given
            files count (each must then define every source and text it names), and with no
            files the rule set is empty: ``check()`` then reports no region or carrier rule.

    Returns:
        An immutable :class:`RuleSet`. The packaged file is read once per process.

    Raises:
        RulesError: a file cannot be read or breaks the schema (one error, the first).

    Example:
        ```python
        >>> import smscheck
        >>> len(smscheck.load_rules(packaged=False))
        0
        >>> rules = smscheck.load_rules()
        >>> "template_registration_required" in {rule.code for rule in rules.rules_for("CN")}
        True

        ```
    """
    if not paths and packaged:
        return _packaged_ruleset()
    docs = [_packaged() if packaged else _EMPTY_DOC]
    sources = dict(docs[0].sources)
    texts = dict(docs[0].texts)
    for path in paths:
        name = os.fspath(path)
        text = _read_file(name)
        doc = _parse(name, text, packaged=False, known_sources=sources, known_texts=texts)
        sources.update(doc.sources)
        texts.update(doc.texts)
        docs.append(doc)
    return _merge(docs)


@attrs.frozen
class _SourceDef:
    id: str
    publisher: str
    title: str
    url: str
    captured: str | None


@attrs.frozen
class _RegionDef:
    region: str
    status: str
    source_ids: tuple[str, ...]
    checked: str
    note: str | None


@attrs.frozen
class _RuleDef:
    rule: Rule  # with empty ``sources``; resolved when a RuleSet is built
    source_ids: tuple[str, ...]


@attrs.frozen(eq=False)
class _Doc:
    path: str
    sources: Mapping[str, _SourceDef]
    texts: Mapping[str, _Texts]
    regions: Mapping[str, _RegionDef]
    rules: tuple[_RuleDef, ...]


_EMPTY_DOC: Final = _Doc(
    path="",
    sources=MappingProxyType({}),
    texts=MappingProxyType({}),
    regions=MappingProxyType({}),
    rules=(),
)


@functools.cache
def _packaged() -> _Doc:
    """The packaged rules file, validated (read on first call only)."""
    resource = importlib.resources.files("smscheck").joinpath(_RESOURCE)
    name = str(resource)
    try:
        with resource.open("rb") as stream:
            data = stream.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise RulesError(name, "", None, f"cannot be read: {exc.strerror or exc}") from None
    return _parse(name, _decode(name, data), packaged=True, known_sources={}, known_texts={})


@functools.cache
def _packaged_ruleset() -> RuleSet:
    return _merge([_packaged()])


def _merge(docs: Sequence[_Doc]) -> RuleSet:
    sources: dict[str, _SourceDef] = {}
    rules: dict[str, _RuleDef] = {}
    for doc in docs:
        sources.update(doc.sources)
        for rule_def in doc.rules:
            rules[rule_def.rule.id] = rule_def  # replaces in place, or appends
    built = [
        attrs.evolve(
            d.rule,
            sources=_resolve(sources, d.source_ids, d.rule.region, d.rule.checked),
        )
        for d in rules.values()
    ]
    regions = {
        code: RegionEntry(
            region=code,
            status=r.status,
            sources=_resolve(sources, r.source_ids, code, r.checked),
            checked=r.checked,
            note=r.note,
        )
        for code, r in docs[0].regions.items()
    }
    return _build_ruleset(built, regions)


def _resolve(
    sources: Mapping[str, _SourceDef], ids: Sequence[str], region: str, checked: str
) -> tuple[Source, ...]:
    out = []
    for sid in ids:
        s = sources[sid]
        out.append(
            Source(
                id=sid,
                publisher=s.publisher,
                title=s.title,
                url=s.url.replace("{region}", region.lower()),
                captured=s.captured,
                checked=checked,
            )
        )
    return tuple(out)


def _read_file(name: str) -> str:
    try:
        with pathlib.Path(name).open("rb") as stream:
            data = stream.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise RulesError(name, "", None, f"cannot be read: {exc.strerror or exc}") from None
    except (ValueError, MemoryError) as exc:  # e.g. a NUL byte in the path
        raise RulesError(name, "", None, f"cannot be read: {exc}") from None
    return _decode(name, data)


def _decode(name: str, data: bytes) -> str:
    if len(data) > MAX_FILE_BYTES:
        raise RulesError(name, "", None, f"the file is larger than {MAX_FILE_BYTES} bytes")
    if data.startswith(codecs.BOM_UTF8):
        raise RulesError(
            name, "", 1, "the file starts with a byte order mark; save it as UTF-8 without BOM"
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise RulesError(
            name, "", line, f"not valid UTF-8: byte 0x{data[exc.start]:02x} at offset {exc.start}"
        ) from None


def _parse(
    name: str,
    text: str,
    *,
    packaged: bool,
    known_sources: Mapping[str, _SourceDef],
    known_texts: Mapping[str, _Texts] = _NO_TEXTS,
) -> _Doc:
    long_line = _LONG_LINE_RE.search(text)
    if long_line is not None:
        line = text.count("\n", 0, long_line.start()) + 1
        raise RulesError(name, "", line, f"the line is longer than {MAX_LINE_CHARS} characters")
    _check_depth(name, text)
    try:
        data = tomli.loads(text)
    except tomli.TOMLDecodeError as exc:
        message = str(exc)
        match = _TOML_POS_RE.search(message)
        if match is None:
            raise RulesError(name, "", None, f"not valid TOML: {message}") from None
        reason = message[: match.start()]
        if match.group(1) is None:
            line, where = text.count("\n") + 1, " at the end of the file"
        else:
            line, where = int(match.group(1)), f" (column {match.group(2)})"
        raise RulesError(name, "", line, f"not valid TOML: {reason}{where}") from None
    except RecursionError as exc:
        # Our depth cap comes first; tomli itself also refuses keys of over 1000 dotted parts
        # this way, with a message worth passing on.
        detail = f" ({exc})" if str(exc) and "recursion" not in str(exc) else ""
        raise RulesError(name, "", None, f"the file is nested too deeply{detail}") from None
    except MemoryError:  # the size caps should prevent this
        raise RulesError(name, "", None, "the file is too large to read") from None
    except Exception as exc:  # noqa: BLE001 - a parser bug: still one RulesError
        raise RulesError(name, "", None, f"not valid TOML: {type(exc).__name__}") from None
    return _Validator(name, text, packaged, known_sources, known_texts).document(data)


# --------------------------------------------------------------------------- locating


_STRING_OR_COMMENT: Final = r"""
      \#[^\n]*
    | \"\"\"(?:[^\\"]+|\\[\s\S]?|"{1,2}(?!"))*(?:"{3,5}|\Z)
    | "(?:[^"\\\n]+|\\[^\n]?)*"?
    | '''[\s\S]*?(?:'{3,5}|\Z)
    | '[^'\n]*'?
"""
# Lexes as the parser does, as far as nesting goes: strings and comments are skipped whole
# (their brackets do not count), so brackets are only counted where the parser would read
# them. Where the two could disagree (a quote where no string may start), the parser has
# already stopped with an error before reaching any bracket after it.
_DEPTH_RE: Final = re.compile(
    rf"(?:{_STRING_OR_COMMENT}) | (?P<open>[\[{{]) | (?P<close>[\]}}])", re.VERBOSE
)


_STRINGS_AND_COMMENTS_RE: Final = re.compile(_STRING_OR_COMMENT, re.VERBOSE)
_NOT_BRACKETS_RE: Final = re.compile(r"[^\[\]{}]+")
_INNERMOST_PAIR_RE: Final = re.compile(r"\[\]|\{\}")


def _check_depth(name: str, text: str) -> None:
    """Refuse nesting deeper than MAX_DEPTH before the parser (which recurses) sees it.

    Fast path, all in the regex engine: drop strings and comments (lexed as TOML lexes
    them), keep only the brackets, then strip innermost pairs pass by pass: a well-formed
    text of nesting depth d is empty after d passes. Only when that fails (too deep, or
    unbalanced) does the exact walk below run, which also finds the line to report.
    """
    skeleton = _NOT_BRACKETS_RE.sub("", _STRINGS_AND_COMMENTS_RE.sub("", text))
    for _ in range(MAX_DEPTH):
        if not skeleton:
            return
        skeleton, removed = _INNERMOST_PAIR_RE.subn("", skeleton)
        if not removed:
            break
    if not skeleton:
        return
    _walk_depth(name, text)


def _walk_depth(name: str, text: str) -> None:
    """The exact walk: raise with the line where nesting first passes MAX_DEPTH."""
    depth = 0
    for match in _DEPTH_RE.finditer(text):
        kind = match.lastgroup
        if kind == "open":
            depth += 1
            if depth > MAX_DEPTH:
                line = text.count("\n", 0, match.start()) + 1
                raise RulesError(
                    name, "", line, f"arrays or tables nested deeper than {MAX_DEPTH} levels"
                )
        elif kind == "close" and depth:
            depth -= 1


_TOKEN_RE: Final = re.compile(
    r"""[ \t\r]*(?:
      (?P<nl>\n)
    | (?P<comment>\#[^\n]*)
    | (?P<mlbasic>\"\"\"(?:[^\\"]+|\\[\s\S]?|"{1,2}(?!"))*(?:"{3,5}|\Z))
    | (?P<basic>"(?:[^"\\\n]+|\\[^\n]?)*"?)
    | (?P<mlliteral>'''[\s\S]*?(?:'{3,5}|\Z))
    | (?P<literal>'[^'\n]*'?)
    | (?P<open>[\[{])
    | (?P<close>[\]}])
    | (?P<comma>,)
    | (?P<equals>=)
    | (?P<dot>\.)
    | (?P<word>[^\s\[\]{}"'\#,=.]+)
    | (?P<other>[\s\S])
    )""",
    re.VERBOSE,
)

_KEY_TOKENS: Final = frozenset({"word", "basic", "literal"})


def _unquote(kind: str | None, token: str) -> str:
    if kind == "literal":
        return token[1:-1]
    if kind == "basic":
        if "\\" not in token:
            return token[1:-1]
        try:
            value = tomli.loads(f"k = {token}")["k"]
        except tomli.TOMLDecodeError:
            return token[1:-1]
        return value if isinstance(value, str) else token[1:-1]
    return token


class _Locator:
    """Find the line of every table header, key and array element, by key path.

    One pass over a text the parser accepted, lexing it as TOML does; records paths such
    as ``rules[3]``, ``rules[3].carriers[0]``, ``regions.RU.status``,
    ``rules[3].message.en`` (keys of inline tables). Only run when reporting an error.
    """

    def __init__(self) -> None:
        self.lines: dict[str, int] = {}
        self.arrays_of_tables: dict[str, int] = {}

    def _record(self, path: str, line: int) -> None:
        self.lines.setdefault(path, line)

    def _header_path(self, segments: list[str], is_array: bool, line: int) -> str:
        out = ""
        for i, segment in enumerate(segments):
            out = f"{out}.{segment}" if out else segment
            if is_array and i == len(segments) - 1:
                count = self.arrays_of_tables.get(out, 0)
                self.arrays_of_tables[out] = count + 1
                out = f"{out}[{count}]"
            elif out in self.arrays_of_tables:
                out = f"{out}[{self.arrays_of_tables[out] - 1}]"
            self._record(out, line)
        return out

    def scan(self, text: str) -> dict[str, int]:
        line = 1
        depth = 0
        table = ""
        state = "start"  # start | key | header | value | array | inline | after
        segments: list[str] = []
        is_array_header = False
        statement_line = 1
        value_path = ""
        element = -1
        expect_element = False
        inline_segments: list[str] = []
        inline_key_done = False
        for match in _TOKEN_RE.finditer(text):
            kind = match.lastgroup
            lexeme = match.group(kind) if kind else ""
            if kind == "nl":
                line += 1
                if depth == 0:
                    state = "start"
                continue
            if kind == "comment":
                continue
            token_line = line
            if kind in ("mlbasic", "mlliteral"):
                line += lexeme.count("\n")
            if kind == "open":
                depth += 1
            elif kind == "close":
                depth = max(depth - 1, 0)

            if state == "start":
                statement_line = token_line
                segments = []
                if kind == "open" and lexeme == "[":
                    state = "header"
                    is_array_header = text.startswith("[", match.end())
                elif kind in _KEY_TOKENS:
                    state = "key"
                    segments.append(_unquote(kind, lexeme))
                else:
                    state = "after"
            elif state == "header":
                if kind in _KEY_TOKENS:
                    segments.append(_unquote(kind, lexeme))
                elif kind == "close" and depth == 0:
                    table = self._header_path(segments, is_array_header, statement_line)
                    state = "after"
            elif state == "key":
                if kind in _KEY_TOKENS:
                    segments.append(_unquote(kind, lexeme))
                elif kind == "equals":
                    value_path = table
                    for segment in segments:
                        value_path = f"{value_path}.{segment}" if value_path else segment
                        self._record(value_path, statement_line)
                    state = "value"
                elif kind != "dot":
                    state = "after"
            elif state == "value":
                if kind == "open" and lexeme == "[":
                    state, element, expect_element = "array", -1, True
                elif kind == "open":
                    state, inline_segments, inline_key_done = "inline", [], False
                else:
                    state = "after"
            elif state == "array":
                if depth == 0:
                    state = "after"
                elif kind == "comma" and depth == 1:
                    expect_element = True
                elif expect_element:
                    element += 1
                    expect_element = False
                    self._record(f"{value_path}[{element}]", token_line)
            elif state == "inline":
                if depth == 0:
                    state = "after"
                elif depth == 1 and kind == "comma":
                    inline_segments, inline_key_done = [], False
                elif depth == 1 and not inline_key_done:
                    if kind in _KEY_TOKENS:
                        inline_segments.append(_unquote(kind, lexeme))
                    elif kind == "equals":
                        inline_key_done = True
                        path = value_path
                        for segment in inline_segments:
                            path = f"{path}.{segment}"
                            self._record(path, token_line)
        return self.lines


def _line_of(lines: Mapping[str, int], key_path: str) -> int | None:
    path = key_path
    while path:
        found = lines.get(path)
        if found is not None:
            return found
        if path.endswith("]") and "[" in path:
            path = path[: path.rindex("[")]
        else:
            path = path[: max(path.rfind("."), 0)]
    return None


# --------------------------------------------------------------------------- validating


def _kind_of(value: object) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a float"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, dt.datetime):
        return "a date-time"
    if isinstance(value, dt.date):
        return "a date"
    if isinstance(value, dt.time):
        return "a time"
    return type(value).__name__


def _did_you_mean(value: str, options: Sequence[str]) -> str:
    close = difflib.get_close_matches(value, options, n=1, cutoff=0.6)
    if not close:
        close = [o for o in options if o.casefold() == value.casefold()]
    if not close and value:
        starting = [o for o in options if o.startswith(value)]
        close = starting if len(starting) == 1 else []
    return f"; did you mean '{close[0]}'?" if close else ""


def _short(value: str) -> str:
    return value if len(value) <= 40 else value[:37] + "..."


class _Validator:
    def __init__(
        self,
        name: str,
        text: str,
        packaged: bool,
        known_sources: Mapping[str, _SourceDef],
        known_texts: Mapping[str, _Texts],
    ) -> None:
        self.name = name
        self.text = text
        self.packaged = packaged
        self.known_sources = known_sources
        self.known_texts = known_texts
        self.shared_texts: dict[str, _Texts] = {}
        self.sources: dict[str, _SourceDef] = {}
        self._supported: frozenset[str] = frozenset()

    # ---- primitives

    def fail(self, key_path: str, reason: str) -> NoReturn:
        lines = _Locator().scan(self.text)  # only on failure: the happy path skips it
        raise RulesError(self.name, key_path, _line_of(lines, key_path), reason)

    def table(self, value: object, kp: str) -> dict[str, object]:
        if type(value) is not dict:
            self.fail(kp, f"must be a table, not {_kind_of(value)}")
        return value

    def keys(
        self, table: Mapping[str, object], allowed: Sequence[str], required: Sequence[str], kp: str
    ) -> None:
        for key in table:
            if key not in allowed:
                where = f"{kp}.{key}" if kp else key
                self.fail(where, f"unknown key '{_short(key)}'{_did_you_mean(key, allowed)}")
        for key in required:
            if key not in table:
                self.fail(f"{kp}.{key}" if kp else key, f"required key '{key}' is missing")

    def string(self, value: object, kp: str, *, max_chars: int) -> str:
        if type(value) is not str:
            self.fail(kp, f"must be a string, not {_kind_of(value)}")
        if not value.strip():
            self.fail(kp, "must not be empty")
        if value != value.strip():
            self.fail(kp, "must not start or end with white space")
        if _CONTROL_RE.search(value):
            self.fail(kp, "must be one line, without control characters")
        if len(value) > max_chars:
            self.fail(kp, f"must be at most {max_chars} characters long, not {len(value)}")
        if "{region}" in value:
            self.fail(kp, "the {region} placeholder is only allowed in source urls")
        return value

    def date(self, value: object, kp: str) -> str:
        if type(value) is not dt.date:
            if type(value) is str:
                self.fail(kp, "must be a TOML date written without quotes, e.g. 2026-05-09")
            self.fail(kp, f"must be a date, e.g. 2026-05-09, not {_kind_of(value)}")
        return value.isoformat()

    def choice(self, value: object, kp: str, options: Sequence[str], what: str) -> str:
        if type(value) is not str:
            self.fail(kp, f"must be a string, not {_kind_of(value)}")
        if value not in options:
            self.fail(kp, f"'{_short(value)}' is not {what}{_did_you_mean(value, options)}")
        return value

    def array(self, value: object, kp: str) -> list[object]:
        if type(value) is not list:
            self.fail(kp, f"must be an array, not {_kind_of(value)}")
        if not value:
            self.fail(kp, "must not be empty (leave the key out instead)")
        return value

    def unique(self, items: Sequence[str], kp: str, *, fold: bool = False) -> None:
        seen: set[str] = set()
        for i, item in enumerate(items):
            key = item.casefold() if fold else item
            if key in seen:
                self.fail(f"{kp}[{i}]", f"'{_short(item)}' is listed twice")
            seen.add(key)

    def ident(self, value: str, kp: str, what: str) -> None:
        if not _ID_RE.fullmatch(value):
            self.fail(
                kp,
                f"{what} '{_short(value)}' must be lower-case ASCII letters, digits and '-'"
                ", starting with a letter or digit",
            )

    def source_ids(self, value: object, kp: str) -> tuple[str, ...]:
        items = self.array(value, kp)
        out = []
        for i, item in enumerate(items):
            ikp = f"{kp}[{i}]"
            if type(item) is not str:
                self.fail(ikp, f"must be a source id string, not {_kind_of(item)}")
            if item not in self.sources and item not in self.known_sources:
                known = sorted({*self.sources, *self.known_sources})
                self.fail(
                    ikp, f"no source '{_short(item)}' in [sources]{_did_you_mean(item, known)}"
                )
            out.append(item)
        self.unique(out, kp)
        return tuple(out)

    def region_code(self, value: object, kp: str) -> str:
        if type(value) is not str:
            self.fail(kp, f"must be a string, not {_kind_of(value)}")
        if value not in self._supported:
            hint = f"; did you mean '{value.upper()}'?" if value.upper() in self._supported else ""
            self.fail(kp, f"'{_short(value)}' is not a region phonenumbers supports{hint}")
        return value

    # ---- document

    def document(self, data: dict[str, object]) -> _Doc:
        import phonenumbers  # noqa: PLC0415 - imported on first load only

        self._supported = frozenset(phonenumbers.SUPPORTED_REGIONS)
        if self.packaged:
            self.keys(data, _ROOT_KEYS, _ROOT_REQUIRED, "")
        else:
            if "regions" in data:
                self.fail(
                    "regions",
                    "an override file may not contain regions, only [[rules]] and [sources.*]",
                )
            self.keys(data, _OVERRIDE_KEYS, (), "")
        if "schema_version" in data:
            version = data["schema_version"]
            if type(version) is not int:
                self.fail("schema_version", f"must be an integer, not {_kind_of(version)}")
            if version != SCHEMA_VERSION:
                self.fail(
                    "schema_version",
                    f"schema version {version} is not supported; this smscheck reads"
                    f" version {SCHEMA_VERSION}",
                )
        for sid, raw in self.table(data.get("sources", {}), "sources").items():
            self.sources[sid] = self.source(sid, raw)
        for tid, raw in self.table(data.get("texts", {}), "texts").items():
            self.ident(tid, f"texts.{tid}", "text id")
            self.shared_texts[tid] = self.texts(raw, f"texts.{tid}")
        regions: dict[str, _RegionDef] = {}
        if self.packaged:
            for code, raw in self.table(data["regions"], "regions").items():
                regions[code] = self.region(code, raw)
            missing = sorted(self._supported - regions.keys())
            if missing:
                more = f" (and {len(missing) - 1} more)" if len(missing) > 1 else ""
                self.fail(f"regions.{missing[0]}", f"no entry for region {missing[0]}{more}")
        rules = self.rules(data.get("rules", []))
        return _Doc(
            path=self.name,
            sources=MappingProxyType(self.sources),
            texts=MappingProxyType(self.shared_texts),
            regions=MappingProxyType(regions),
            rules=rules,
        )

    def source(self, sid: str, raw: object) -> _SourceDef:
        kp = f"sources.{sid}"
        self.ident(sid, kp, "source id")
        table = self.table(raw, kp)
        self.keys(table, _SOURCE_KEYS, _SOURCE_REQUIRED, kp)
        url = table["url"]
        if type(url) is not str:
            self.fail(f"{kp}.url", f"must be a string, not {_kind_of(url)}")
        if len(url) > _MAX_URL_CHARS or not _URL_RE.fullmatch(url):
            self.fail(
                f"{kp}.url",
                "must be an http(s) address without spaces; the only placeholder allowed is"
                " {region}",
            )
        if "note" in table:
            self.string(table["note"], f"{kp}.note", max_chars=_MAX_NOTE_CHARS)
        return _SourceDef(
            id=sid,
            publisher=self.string(table["publisher"], f"{kp}.publisher", max_chars=_MAX_NAME_CHARS),
            title=self.string(table["title"], f"{kp}.title", max_chars=_MAX_TEXT_CHARS),
            url=url,
            captured=(
                self.date(table["captured"], f"{kp}.captured") if "captured" in table else None
            ),
        )

    def region(self, code: str, raw: object) -> _RegionDef:
        kp = f"regions.{code}"
        self.region_code(code, kp)
        table = self.table(raw, kp)
        self.keys(table, _REGION_KEYS, _REGION_REQUIRED, kp)
        status = self.choice(table["status"], f"{kp}.status", REGION_STATUSES, "a region status")
        source_ids = self.source_ids(table["sources"], f"{kp}.sources")
        checked = self.date(table["checked"], f"{kp}.checked")
        note = None
        if "note" in table:
            note = self.string(table["note"], f"{kp}.note", max_chars=_MAX_NOTE_CHARS)
        return _RegionDef(code, status, source_ids, checked, note)

    def rules(self, raw: object) -> tuple[_RuleDef, ...]:
        if type(raw) is not list:
            self.fail("rules", f"must be an array of tables ([[rules]]), not {_kind_of(raw)}")
        seen: dict[str, int] = {}
        out = []
        for i, item in enumerate(raw):
            rule_def = self.rule(item, i)
            rule_id = rule_def.rule.id
            if rule_id in seen:
                self.fail(
                    f"rules[{i}].id",
                    f"rule id '{rule_id}' is already used by rules[{seen[rule_id]}]",
                )
            seen[rule_id] = i
            out.append(rule_def)
        return tuple(out)

    def rule(self, raw: object, i: int) -> _RuleDef:
        kp = f"rules[{i}]"
        t = self.table(raw, kp)
        self.keys(t, _RULE_KEYS, _RULE_REQUIRED, kp)

        rule_id = t["id"]
        if type(rule_id) is not str:
            self.fail(f"{kp}.id", f"must be a string, not {_kind_of(rule_id)}")
        self.ident(rule_id, f"{kp}.id", "rule id")
        region = self.region_code(t["region"], f"{kp}.region")
        code = Code(
            self.choice(t["code"], f"{kp}.code", sorted(c.value for c in RULE_CODES), "a rule code")
        )
        severity = code.severity
        if "severity" in t:
            severity = Severity(
                self.choice(
                    t["severity"], f"{kp}.severity", [s.value for s in Severity], "a severity"
                )
            )

        senders: frozenset[SenderKind] = frozenset()
        if "senders" in t:
            names = [
                self.choice(v, f"{kp}.senders[{j}]", [k.value for k in SenderKind], "a sender kind")
                for j, v in enumerate(self.array(t["senders"], f"{kp}.senders"))
            ]
            self.unique(names, f"{kp}.senders")
            senders = frozenset(SenderKind(n) for n in names)

        lifted = t.get("lifted_by_registration", False)
        if type(lifted) is not bool:
            self.fail(
                f"{kp}.lifted_by_registration", f"must be true or false, not {_kind_of(lifted)}"
            )

        carriers: tuple[str, ...] = ()
        if "carriers" in t:
            carriers = tuple(
                self.string(v, f"{kp}.carriers[{j}]", max_chars=_MAX_NAME_CHARS)
                for j, v in enumerate(self.array(t["carriers"], f"{kp}.carriers"))
            )
            self.unique(carriers, f"{kp}.carriers", fold=True)

        prefixes: list[str] = []
        if "prefixes" in t:
            for j, v in enumerate(self.array(t["prefixes"], f"{kp}.prefixes")):
                if type(v) is not str:
                    self.fail(f"{kp}.prefixes[{j}]", f"must be a string, not {_kind_of(v)}")
                if not _PREFIX_RE.fullmatch(v):
                    self.fail(
                        f"{kp}.prefixes[{j}]",
                        f"'{_short(v)}' must be 1 to {_MAX_PREFIX_DIGITS} ASCII digits",
                    )
                prefixes.append(v)
            self.unique(prefixes, f"{kp}.prefixes")

        effective = self.date(t["effective"], f"{kp}.effective") if "effective" in t else None
        checked = self.date(t["checked"], f"{kp}.checked")
        source_ids = self.source_ids(t["sources"], f"{kp}.sources")
        conflict = None
        if "conflict" in t:
            conflict = self.string(t["conflict"], f"{kp}.conflict", max_chars=_MAX_NOTE_CHARS)
        texts = {field: self.text_or_ref(t[field], f"{kp}.{field}") for field in _TEXT_FIELDS}

        rule = Rule(
            id=rule_id,
            region=region,
            code=code,
            severity=severity,
            senders=senders,
            lifted_by_registration=lifted,
            carriers=carriers,
            prefixes=tuple(prefixes),
            effective=effective,
            checked=checked,
            sources=(),
            conflict=conflict,
            message=texts["message"],
            service_remedy=texts["service_remedy"],
            remedy=texts["remedy"],
        )
        return _RuleDef(rule, source_ids)

    def text_or_ref(self, raw: object, kp: str) -> _Texts:
        """An inline ``{ en = ..., ru = ... }`` table, or the id of a ``[texts.<id>]`` entry."""
        if type(raw) is not str:
            return self.texts(raw, kp)
        found = self.shared_texts.get(raw) or self.known_texts.get(raw)
        if found is None:
            known = sorted({*self.shared_texts, *self.known_texts})
            self.fail(kp, f"no text '{_short(raw)}' in [texts]{_did_you_mean(raw, known)}")
        return found

    def texts(self, raw: object, kp: str) -> _Texts:
        table = self.table(raw, kp)
        self.keys(table, LANGUAGES, LANGUAGES, kp)
        return tuple(
            (lang, self.string(table[lang], f"{kp}.{lang}", max_chars=_MAX_TEXT_CHARS))
            for lang in LANGUAGES
        )
