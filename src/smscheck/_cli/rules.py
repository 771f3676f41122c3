"""``smscheck rules show`` and ``smscheck rules lint``."""

from __future__ import annotations

from typing import IO, TYPE_CHECKING, Any

from ._base import (
    EXIT_OK,
    EXIT_PROBLEMS,
    EXIT_USAGE,
    FORMATTER,
    SEVERITY_COLOUR,
    Style,
    UsageError,
    rules_error,
)

if TYPE_CHECKING:
    import argparse

__all__ = ["add_parser", "run_lint", "run_show"]


def run_show(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    from .._rules_load import load_rules  # noqa: PLC0415
    from ..exceptions import RulesError  # noqa: PLC0415

    region = args.region.strip().upper()
    try:
        ruleset = load_rules(*args.rules)
    except RulesError as exc:
        err.write(rules_error(exc) + "\n")
        return EXIT_USAGE
    entry = ruleset.region_entry(region)
    if entry is None:
        raise UsageError(f"unknown region {args.region!r}: expected an ISO 3166 alpha-2 code")  # noqa: EM102
    wanted = None if args.carrier is None else args.carrier.casefold()
    rules = [
        r
        for r in ruleset.rules_for(region)
        if wanted is None or not r.carriers or wanted in {c.casefold() for c in r.carriers}
    ]
    style = Style(out)
    review = "reviewed by hand" if entry.review == "hand" else "drafted from tables"
    out.write(f"{region}: {entry.status.replace('_', ' ')} ({review}, checked {entry.checked})\n")
    if entry.note:
        out.write(f"  {entry.note}\n")
    if not rules:
        out.write("  no rules" + (f" for carrier {args.carrier}" if args.carrier else "") + "\n")
    for rule in rules:
        sev = style(rule.severity.value, SEVERITY_COLOUR[rule.severity.value])
        out.write(f"\n{sev} [{rule.code.value}] {rule.id} ({rule.effect.value})\n")
        out.write(f"  {rule.text('message', args.lang)}\n")
        scope = []
        if rule.traffic:
            scope.append(f"{rule.traffic.value} traffic only")
        if rule.lifted_by:
            scope.append(f"lifted by {rule.lifted_by.value.replace('_', ' ')}")
        if rule.senders:
            scope.append("senders: " + ", ".join(sorted(k.value for k in rule.senders)))
        if rule.carriers:
            scope.append("carriers: " + ", ".join(rule.carriers))
        if rule.prefixes:
            scope.append("prefixes: " + ", ".join(rule.prefixes))
        if rule.effective:
            scope.append(f"from {rule.effective}")
        if scope:
            out.write(f"  {'; '.join(scope)}\n")
        out.write(f"  service: {rule.text('service_remedy', args.lang)}\n")
        person = rule.text("remedy", args.lang)
        if person:
            out.write(f"  person: {person}\n")
        if rule.conflict:
            out.write(f"  sources disagree: {rule.conflict}\n")
        for source in rule.sources:
            out.write(f"  source: {source.publisher}, {source.title} <{source.url}>\n")
    return EXIT_OK


def run_lint(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    from .._rules_load import load_rules  # noqa: PLC0415
    from ..exceptions import RulesError  # noqa: PLC0415

    failed = 0
    for path in args.files:
        try:
            ruleset = load_rules(path)
        except RulesError as exc:
            out.write(rules_error(exc) + "\n")
            failed += 1
        else:
            out.write(f"{path}: ok ({len(ruleset)} rules with the packaged ones)\n")
    del err
    return EXIT_PROBLEMS if failed else EXIT_OK


def add_parser(sub: Any) -> None:
    """Add the ``rules show`` and ``rules lint`` commands."""
    fmt = FORMATTER
    p = sub.add_parser(
        "rules",
        help="show or lint region and carrier rules",
        description="Show the rules of a region, or lint rules override files.",
        epilog="examples:\n  smscheck rules show RU --carrier MTS\n  smscheck rules lint my.toml",
        formatter_class=fmt,
    )
    rules = p.add_subparsers(dest="rules_command", metavar="COMMAND", required=True)
    q = rules.add_parser(
        "show",
        help="the rules of one region",
        description="Show the rules smscheck applies to one region.",
        epilog="example:\n  smscheck rules show RU --carrier MTS",
        formatter_class=fmt,
    )
    q.add_argument("region", metavar="REGION", help="ISO 3166 alpha-2 code, e.g. RU")
    q.add_argument("--carrier", help="only rules that apply to this carrier")
    q.add_argument("--lang", default="en", help="language of messages: en or ru")
    q.add_argument("--rules", action="append", default=[], metavar="FILE", help="an override file")
    q.set_defaults(run=run_show)
    q = rules.add_parser(
        "lint",
        help="check rules override files",
        description="Check rules files with the strict loader; print file:line: key: message.",
        epilog="example:\n  smscheck rules lint my-rules.toml",
        formatter_class=fmt,
    )
    q.add_argument("files", nargs="+", metavar="FILE", help="a rules override file")
    q.set_defaults(run=run_lint)
