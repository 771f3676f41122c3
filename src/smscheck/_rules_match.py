"""Which region and carrier rules concern one number and one sender, and how much.

One rule decides every severity (``docs/rules.md``): a rule that certainly applies has its
effect's severity (blocked: error; filtered, replaced, delayed: warning; advisory: info); a
rule that only may apply is capped at warning. A rule only may apply when it is limited to
carriers and the number's carrier is unknown, or when no sender was given and a
registration could lift it.

Without a sender, only the rules that hold for every sender kind and every kind of traffic
are reported: a rule about alphanumeric senders answers a question nobody asked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from ._codes import LiftedBy, Severity, Traffic

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from ._codes import SenderKind
    from ._report import Sender
    from ._rules import Rule

__all__ = ["Entry", "Orders", "applicable", "index"]

# One precomputed matcher per rule:
# (rule, prefixes, folded carriers, sender kinds, traffic, lifted by, severity when certain).
Entry = tuple[
    "Rule",
    tuple[str, ...],
    frozenset[str],
    "frozenset[SenderKind]",
    Traffic | None,
    LiftedBy | None,
    Severity,
]
# Per region, the entries most severe first, then by id.
Orders = tuple[Entry, ...]

_RANK: Final = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
_ERROR: Final = Severity.ERROR
_WARNING: Final = Severity.WARNING
_REGISTRATION: Final = LiftedBy.REGISTRATION
_LOCAL: Final = Traffic.LOCAL
_INTERNATIONAL: Final = Traffic.INTERNATIONAL


def index(rules: Sequence[Rule]) -> dict[str, Orders]:
    """The matchers of each region's rules, most severe first, then by id."""
    grouped: dict[str, list[Entry]] = {}
    for rule in rules:
        entry: Entry = (
            rule,
            rule.prefixes,
            frozenset(c.casefold() for c in rule.carriers),
            rule.senders,
            rule.traffic,
            rule.lifted_by,
            rule.severity,
        )
        grouped.setdefault(rule.region, []).append(entry)
    return {
        region: tuple(sorted(entries, key=lambda e: (_RANK[e[6]], e[0].id)))
        for region, entries in grouped.items()
    }


def applicable(
    by_region: Mapping[str, Orders],
    *,
    region: str,
    national_number: str,
    carrier: str | None,
    sender: Sender | None,
) -> tuple[tuple[Rule, Severity], ...]:
    """The rules of ``region`` that concern this number and sender, with their severities."""
    orders = by_region.get(region)
    if orders is None:
        return ()
    folded = carrier.casefold() if carrier else None
    out: list[tuple[Rule, Severity]] = []
    capped = False
    error, warning = _ERROR, _WARNING  # module constants: enum attribute access is slow
    if sender is None:
        kind = None
        traffic = None
        registered = templated = False
    else:
        kind = sender.kind
        traffic = _LOCAL if region in sender.local_in else _INTERNATIONAL
        registered = region in sender.registered_in
        templated = region in sender.templates_in
    for rule, prefixes, carriers, senders, rule_traffic, lifted_by, severity in orders:
        if prefixes and not national_number.startswith(prefixes):
            continue
        if senders and kind not in senders:
            continue
        if rule_traffic is not None and rule_traffic is not traffic:
            continue
        certain = True
        if lifted_by is not None:
            if sender is None:
                certain = False  # whether a registration lifts it is unknown
            elif registered if lifted_by is _REGISTRATION else templated:
                continue
        if carriers:
            if folded is None:
                certain = False  # carrier unknown: the rule may apply
            elif folded not in carriers:
                continue
        if not certain and severity is error:
            out.append((rule, warning))
            capped = True
        else:
            out.append((rule, severity))
    if capped:
        out.sort(key=lambda pair: (_RANK[pair[1]], pair[0].id))
    return tuple(out)
