"""Region and carrier rules for international A2P SMS: the rule, the region entry, the set.

The rules live in ``smscheck/data/carrier_rules.toml`` (schema: ``docs/rules.md``). Reading
and merging files is ``_rules_load``, checking them against the schema ``_rules_schema``,
matching them to a number and a sender ``_rules_match``.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING, Literal

import attrs

from ._messages import effect_remedy
from ._rules_match import applicable, index

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping, Sequence

    from ._codes import Code, LiftedBy, RuleEffect, SenderKind, Severity, Traffic
    from ._report import Sender, Source
    from ._rules_match import Orders

__all__ = ["RegionEntry", "Rule", "RuleSet", "applicable_rules", "build_ruleset", "orders_of"]

_TextField = Literal["message", "service_remedy", "remedy"]


@attrs.frozen(cache_hash=True)  # rules key check()'s cache of rendered diagnostics
class Rule:
    """One region or carrier rule, validated.

    Attributes:
        id: Stable unique id, e.g. ``"ru-alpha-registration"``.
        region: ISO alpha-2 region the rule concerns (upper-case).
        code: The diagnostic code the rule produces.
        effect: What the rule does to a code sent by a sender it concerns; it sets the
            rule's severity and the person's default remedy.
        senders: Sender kinds the rule concerns; empty means every kind.
        traffic: The kind of traffic the rule concerns, or ``None`` for both.
        lifted_by: What takes the rule off a sender's route (a registration in the region,
            registered templates), or ``None``.
        carriers: Carrier brand names the rule is limited to; empty means every carrier.
        prefixes: Prefixes of the national significant number; empty means every number.
        effective: ISO date from which the rule is enforced, or ``None``.
        checked: ISO date when the rule was last checked against its sources.
        sources: Where the rule comes from; ``checked`` is the rule's date.
        conflict: Where the sources disagree (English), or ``None``.
        message: ``(language, text)`` pairs: what happens.
        service_remedy: ``(language, text)`` pairs: what the sending service can do.
        remedy: ``(language, text)`` pairs: what the person can do, where the rule has its
            own advice; empty means the advice of its effect (see :meth:`text`).
    """

    id: str
    region: str
    code: Code
    effect: RuleEffect
    senders: frozenset[SenderKind]
    traffic: Traffic | None
    lifted_by: LiftedBy | None
    carriers: tuple[str, ...]
    prefixes: tuple[str, ...]
    effective: str | None
    checked: str
    sources: tuple[Source, ...]
    conflict: str | None
    message: tuple[tuple[str, str], ...]
    service_remedy: tuple[tuple[str, str], ...]
    remedy: tuple[tuple[str, str], ...]

    @property
    def severity(self) -> Severity:
        """The severity where the rule certainly applies: its effect's."""
        return self.effect.severity

    def text(self, field: _TextField, lang: str = "en") -> str | None:
        """Return ``message``, ``service_remedy`` or ``remedy`` in ``lang``, else English.

        ``lang`` may carry a region (``"ru-RU"``, ``"ru_RU"``); only the language is used.
        A rule without its own ``remedy`` gives its effect's; an advisory rule has none, since
        nothing the person does changes it, and gives ``None``.
        """
        pairs: tuple[tuple[str, str], ...] = getattr(self, field)
        wanted = lang.replace("_", "-").split("-", 1)[0].lower()
        if not pairs:
            return effect_remedy(self.effect, wanted)
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
        status: ``"restricted"``, ``"no_known_restriction"``, or ``"not_covered"`` when no
            source we hold covers the region.
        sources: Where the entry comes from (none when not covered).
        review: ``"hand"`` when the region's rules were re-read by hand against their
            sources, ``"table"`` when they were drafted from research tables by script.
        checked: ISO date of that review.
        note: A remark in English, or ``None``.
    """

    region: str
    status: str
    sources: tuple[Source, ...]
    review: str
    checked: str
    note: str | None


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
    _index: Mapping[str, Orders]

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
        return applicable(
            self._index,
            region=region,
            national_number=national_number,
            carrier=carrier,
            sender=sender,
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
        return (build_ruleset, (self.rules, dict(self.regions)))


def build_ruleset(rules: Sequence[Rule], regions: Mapping[str, RegionEntry]) -> RuleSet:
    """Build the immutable set and its per-region index."""
    orders = index(rules)
    return RuleSet(
        rules=tuple(rules),
        regions=MappingProxyType(dict(regions)),
        by_region=MappingProxyType({r: tuple(e[0] for e in o) for r, o in orders.items()}),
        by_id=MappingProxyType({rule.id: rule for rule in rules}),
        index=MappingProxyType(orders),
    )


def orders_of(ruleset: RuleSet) -> Mapping[str, Orders]:
    """The matchers of each region's rules (``_rules_match``): what ``check()`` applies."""
    return ruleset._index  # noqa: SLF001 - this module builds the index


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
        sender: How the service sends, or ``None``. With it, rules for other sender kinds
            or another kind of traffic are dropped, and so are rules lifted by what the
            sender has registered. Without it, only the rules that hold for every sender
            kind and every kind of traffic are returned, and those a registration could
            lift are capped at warning.

    Returns:
        ``(rule, severity)`` pairs, most severe first, then by rule id.
    """
    return applicable(
        ruleset._index,  # noqa: SLF001 - the index is this module's
        region=region,
        national_number=national_number,
        carrier=carrier,
        sender=sender,
    )
