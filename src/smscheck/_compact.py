"""A report as plain tuples, for worker processes: small to pickle, rebuilt equal in the parent.

A pickled :class:`~smscheck.Report` carries every message, remedy and source in full, and
the parent spends longer unpickling it than a worker spent checking. The compact form keeps
only what the report was made from: the number's fields, each of the person's diagnostics as
its code and params, the route as its rules' ids, the suggestions as tuples. The parent
renders the diagnostics again through the same cached functions ``check()`` uses, so the
rebuilt report equals the one the worker made.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._check import PORTABILITY_SOURCE, person_diagnostic, route_diagnostics
from ._codes import Code, LineType, Severity
from ._report import Number, Report, Suggestion

if TYPE_CHECKING:
    from ._normalize import Params
    from ._rules import Rule, RuleSet

__all__ = ["pack", "unpack"]

_PORTED = Code.CARRIER_MAY_BE_PORTED

Packed = tuple[Any, ...]


def pack(report: Report) -> Packed:
    """The report as tuples of str, int, float and None."""
    number = report.number
    packed_number = None
    if number is not None:
        packed_number = (
            number.e164,
            number.region,
            number.country_code,
            number.national_number,
            number.line_type.value,
            number.carrier,
            number.extension,
        )
    person = tuple((d.code.value, d.params) for d in report.diagnostics)
    route = tuple((d.code.value, d.severity.value, d.params, d.rule_ids) for d in report.route)
    suggestions = tuple(
        (s.e164, s.reason.value, s.confidence, s.line_type.value) for s in report.suggestions
    )
    return (report.input, report.region_hint, packed_number, person, route, suggestions)


def unpack(packed: Packed, lang: str, rules: RuleSet) -> Report:
    """The report :func:`pack` was given, rendered in ``lang`` with ``rules``."""
    text, hint, packed_number, person, route, suggestions = packed
    number = None
    if packed_number is not None:
        e164, region, country_code, national, line_type, carrier, extension = packed_number
        number = Number(
            e164, region, country_code, national, LineType(line_type), carrier, extension
        )
    diagnostics = tuple(person_diagnostic(Code(code), lang, params) for code, params in person)
    matched: list[tuple[Rule, Severity]] = []
    ported: Params | None = None
    for code, severity, params, rule_ids in route:
        if code == _PORTED:
            ported = params
            continue
        level = Severity(severity)
        matched.extend((_rule(rules, rule_id), level) for rule_id in rule_ids)
    rebuilt = route_diagnostics(tuple(matched), lang) if matched else ()
    if ported is not None:
        rebuilt = (*rebuilt, person_diagnostic(_PORTED, lang, ported, (PORTABILITY_SOURCE,)))
    return Report(
        text,
        hint,
        number,
        diagnostics,
        tuple(Suggestion(e, Code(r), c, LineType(t)) for e, r, c, t in suggestions),
        rebuilt,
    )


def _rule(rules: RuleSet, rule_id: str) -> Rule:
    rule = rules.get(rule_id)
    if rule is None:  # pragma: no cover - worker and parent hold the same rule set
        msg = f"rule {rule_id!r} of a worker's report is not in the parent's rules"
        raise LookupError(msg)
    return rule
