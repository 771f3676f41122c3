"""The schema of ``carrier_rules.toml`` and its override files (``docs/rules.md``).

Turns one parsed file into checked definitions: sources, shared texts, region entries and
rules. Sources and texts are resolved when a rule set is built (``_rules_load``), since an
override may name those of the packaged file.
"""

from __future__ import annotations

import re
from types import MappingProxyType
from typing import TYPE_CHECKING, Final

import attrs

from ._codes import Code, LiftedBy, RuleEffect, SenderKind, Traffic
from ._datafile import (
    MAX_NAME_CHARS,
    MAX_NOTE_CHARS,
    SourceDef,
    Validator,
    did_you_mean,
    kind_of,
    parse_toml,
    short,
)
from ._rules import Rule
from .exceptions import RulesError

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

__all__ = [
    "LANGUAGES",
    "REGION_STATUSES",
    "REVIEWS",
    "RULE_CODES",
    "SCHEMA_VERSION",
    "Doc",
    "RegionDef",
    "RuleDef",
    "SourceDef",
    "Texts",
    "parse",
]

#: The schema version this module reads.
SCHEMA_VERSION: Final = 2
#: Languages every rule text must be given in; English is the fallback.
LANGUAGES: Final = ("en", "ru")
#: Values of ``regions.XX.status``.
REGION_STATUSES: Final = ("no_known_restriction", "restricted", "not_covered")
#: Values of ``regions.XX.review``: re-read by hand against the sources, or drafted from a
#: research table by script and checked by sample.
REVIEWS: Final = ("hand", "table")
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
    }
)

Texts = tuple[tuple[str, str], ...]

_MAX_PREFIX_DIGITS: Final = 15

_PREFIX_RE: Final = re.compile(rf"[0-9]{{1,{_MAX_PREFIX_DIGITS}}}")

_TEXT_FIELDS: Final = ("message", "service_remedy", "remedy")
_NO_TEXTS: Final[Mapping[str, Texts]] = MappingProxyType({})

_ROOT_KEYS: Final = ("schema_version", "sources", "texts", "regions", "rules")
_ROOT_REQUIRED: Final = ("schema_version", "sources", "regions", "rules")
_OVERRIDE_KEYS: Final = ("schema_version", "sources", "texts", "rules")
_REGION_KEYS: Final = ("status", "sources", "review", "checked", "note")
# `sources` is required unless the status is 'not_covered' (checked in `region`).
_REGION_REQUIRED: Final = ("status", "review", "checked")
_RULE_KEYS: Final = (
    "id",
    "region",
    "code",
    "effect",
    "senders",
    "traffic",
    "lifted_by",
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
# `remedy` (the person's) is optional: by default it is the one of the rule's effect.
_RULE_REQUIRED: Final = (
    "id",
    "region",
    "code",
    "effect",
    "checked",
    "sources",
    "message",
    "service_remedy",
)
# Keys of schema 1, renamed in 2: named in the error so that an old file is easy to port.
_RENAMED: Final = {
    "severity": "'severity' was replaced by 'effect' in schema 2 (docs/rules.md)",
    "lifted_by_registration": (
        "'lifted_by_registration = true' is 'lifted_by = \"registration\"' in schema 2"
    ),
}


@attrs.frozen
class RegionDef:
    region: str
    status: str
    source_ids: tuple[str, ...]
    review: str
    checked: str
    note: str | None


@attrs.frozen
class RuleDef:
    rule: Rule  # with empty ``sources``; resolved when a RuleSet is built
    source_ids: tuple[str, ...]


@attrs.frozen(eq=False)
class Doc:
    path: str
    sources: Mapping[str, SourceDef]
    texts: Mapping[str, Texts]
    regions: Mapping[str, RegionDef]
    rules: tuple[RuleDef, ...]


EMPTY_DOC: Final = Doc(
    path="",
    sources=MappingProxyType({}),
    texts=MappingProxyType({}),
    regions=MappingProxyType({}),
    rules=(),
)


def parse(
    name: str,
    text: str,
    *,
    packaged: bool,
    known_sources: Mapping[str, SourceDef],
    known_texts: Mapping[str, Texts] = _NO_TEXTS,
) -> Doc:
    """Check one decoded rules file; ``packaged`` files hold regions, overrides may not."""
    data = parse_toml(name, text, RulesError)
    return _RulesValidator(name, text, packaged, known_sources, known_texts).document(data)


class _RulesValidator(Validator):
    error = RulesError
    region_urls = True

    def __init__(
        self,
        name: str,
        text: str,
        packaged: bool,
        known_sources: Mapping[str, SourceDef],
        known_texts: Mapping[str, Texts],
    ) -> None:
        super().__init__(name, text)
        self.packaged = packaged
        self.known_sources = known_sources
        self.known_texts = known_texts
        self.shared_texts: dict[str, Texts] = {}
        self.sources: dict[str, SourceDef] = {}
        self._supported: frozenset[str] = frozenset()

    def string(self, value: object, kp: str, *, max_chars: int) -> str:
        checked = super().string(value, kp, max_chars=max_chars)
        if "{region}" in checked:
            self.fail(kp, "the {region} placeholder is only allowed in source urls")
        return checked

    def keys(
        self, table: Mapping[str, object], allowed: Sequence[str], required: Sequence[str], kp: str
    ) -> None:
        if allowed is _RULE_KEYS:
            for key, why in _RENAMED.items():
                if key in table:
                    self.fail(f"{kp}.{key}", why)
        super().keys(table, allowed, required, kp)

    def source_ids(self, value: object, kp: str) -> tuple[str, ...]:
        items = self.array(value, kp)
        out = []
        for i, item in enumerate(items):
            ikp = f"{kp}[{i}]"
            if type(item) is not str:
                self.fail(ikp, f"must be a source id string, not {kind_of(item)}")
            if item not in self.sources and item not in self.known_sources:
                known = sorted({*self.sources, *self.known_sources})
                self.fail(ikp, f"no source '{short(item)}' in [sources]{did_you_mean(item, known)}")
            out.append(item)
        self.unique(out, kp)
        return tuple(out)

    def region_code(self, value: object, kp: str) -> str:
        if type(value) is not str:
            self.fail(kp, f"must be a string, not {kind_of(value)}")
        if value not in self._supported:
            hint = f"; did you mean '{value.upper()}'?" if value.upper() in self._supported else ""
            self.fail(kp, f"'{short(value)}' is not a region phonenumbers supports{hint}")
        return value

    # ---- document

    def document(self, data: dict[str, object]) -> Doc:
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
            self.schema_version(data["schema_version"], SCHEMA_VERSION)
        for sid, raw in self.table(data.get("sources", {}), "sources").items():
            self.sources[sid] = self.source(sid, raw)
        for tid, raw in self.table(data.get("texts", {}), "texts").items():
            self.ident(tid, f"texts.{tid}", "text id")
            self.shared_texts[tid] = self.texts(raw, f"texts.{tid}")
        regions: dict[str, RegionDef] = {}
        if self.packaged:
            for code, raw in self.table(data["regions"], "regions").items():
                regions[code] = self.region(code, raw)
            missing = sorted(self._supported - regions.keys())
            if missing:
                more = f" (and {len(missing) - 1} more)" if len(missing) > 1 else ""
                self.fail(f"regions.{missing[0]}", f"no entry for region {missing[0]}{more}")
        rules = self.rules(data.get("rules", []))
        return Doc(
            path=self.name,
            sources=MappingProxyType(self.sources),
            texts=MappingProxyType(self.shared_texts),
            regions=MappingProxyType(regions),
            rules=rules,
        )

    def region(self, code: str, raw: object) -> RegionDef:
        kp = f"regions.{code}"
        self.region_code(code, kp)
        table = self.table(raw, kp)
        self.keys(table, _REGION_KEYS, _REGION_REQUIRED, kp)
        status = self.choice(table["status"], f"{kp}.status", REGION_STATUSES, "a region status")
        if status == "not_covered":
            if "sources" in table:
                self.fail(
                    f"{kp}.sources",
                    "a region that no source covers lists no sources (status 'not_covered')",
                )
            source_ids: tuple[str, ...] = ()
        elif "sources" not in table:
            self.fail(f"{kp}.sources", "required key 'sources' is missing")
        else:
            source_ids = self.source_ids(table["sources"], f"{kp}.sources")
        review = self.choice(table["review"], f"{kp}.review", REVIEWS, "a review kind")
        checked = self.date(table["checked"], f"{kp}.checked")
        note = None
        if "note" in table:
            note = self.string(table["note"], f"{kp}.note", max_chars=MAX_NOTE_CHARS)
        return RegionDef(code, status, source_ids, review, checked, note)

    def rules(self, raw: object) -> tuple[RuleDef, ...]:
        if type(raw) is not list:
            self.fail("rules", f"must be an array of tables ([[rules]]), not {kind_of(raw)}")
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

    def rule(self, raw: object, i: int) -> RuleDef:
        kp = f"rules[{i}]"
        t = self.table(raw, kp)
        self.keys(t, _RULE_KEYS, _RULE_REQUIRED, kp)

        rule_id = t["id"]
        if type(rule_id) is not str:
            self.fail(f"{kp}.id", f"must be a string, not {kind_of(rule_id)}")
        self.ident(rule_id, f"{kp}.id", "rule id")
        region = self.region_code(t["region"], f"{kp}.region")
        code = Code(
            self.choice(t["code"], f"{kp}.code", sorted(c.value for c in RULE_CODES), "a rule code")
        )
        effect = RuleEffect(
            self.choice(t["effect"], f"{kp}.effect", [e.value for e in RuleEffect], "a rule effect")
        )
        traffic = None
        if "traffic" in t:
            traffic = Traffic(
                self.choice(
                    t["traffic"], f"{kp}.traffic", [k.value for k in Traffic], "a kind of traffic"
                )
            )
        lifted_by = None
        if "lifted_by" in t:
            lifted_by = LiftedBy(
                self.choice(
                    t["lifted_by"], f"{kp}.lifted_by", [k.value for k in LiftedBy], "a lift"
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

        carriers: tuple[str, ...] = ()
        if "carriers" in t:
            carriers = tuple(
                self.string(v, f"{kp}.carriers[{j}]", max_chars=MAX_NAME_CHARS)
                for j, v in enumerate(self.array(t["carriers"], f"{kp}.carriers"))
            )
            self.unique(carriers, f"{kp}.carriers", fold=True)

        prefixes: list[str] = []
        if "prefixes" in t:
            for j, v in enumerate(self.array(t["prefixes"], f"{kp}.prefixes")):
                if type(v) is not str:
                    self.fail(f"{kp}.prefixes[{j}]", f"must be a string, not {kind_of(v)}")
                if not _PREFIX_RE.fullmatch(v):
                    self.fail(
                        f"{kp}.prefixes[{j}]",
                        f"'{short(v)}' must be 1 to {_MAX_PREFIX_DIGITS} ASCII digits",
                    )
                prefixes.append(v)
            self.unique(prefixes, f"{kp}.prefixes")

        effective = self.date(t["effective"], f"{kp}.effective") if "effective" in t else None
        checked = self.date(t["checked"], f"{kp}.checked")
        source_ids = self.source_ids(t["sources"], f"{kp}.sources")
        conflict = None
        if "conflict" in t:
            conflict = self.string(t["conflict"], f"{kp}.conflict", max_chars=MAX_NOTE_CHARS)
        texts = {
            field: self.text_or_ref(t[field], f"{kp}.{field}") if field in t else ()
            for field in _TEXT_FIELDS
        }

        rule = Rule(
            id=rule_id,
            region=region,
            code=code,
            effect=effect,
            senders=senders,
            traffic=traffic,
            lifted_by=lifted_by,
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
        return RuleDef(rule, source_ids)

    def text_or_ref(self, raw: object, kp: str) -> Texts:
        """An inline ``{ en = ..., ru = ... }`` table, or the id of a ``[texts.<id>]`` entry."""
        if type(raw) is not str:
            return self.texts(raw, kp)
        found = self.shared_texts.get(raw) or self.known_texts.get(raw)
        if found is None:
            known = sorted({*self.shared_texts, *self.known_texts})
            self.fail(kp, f"no text '{short(raw)}' in [texts]{did_you_mean(raw, known)}")
        return found

    def texts(self, raw: object, kp: str, languages: Sequence[str] = LANGUAGES) -> Texts:
        return super().texts(raw, kp, languages)
