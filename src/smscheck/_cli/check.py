"""``smscheck check``: a report per number, verdict first."""

from __future__ import annotations

import json
import sys
import textwrap
from typing import IO, TYPE_CHECKING, Any, Final

from ._base import (
    EXIT_OK,
    EXIT_PROBLEMS,
    FORMATTER,
    SEVERITY_COLOUR,
    Style,
    UsageError,
    add_common,
    load_rules_for,
    sender_of,
)

if TYPE_CHECKING:
    import argparse
    from collections.abc import Iterable

    from .._report import Report

__all__ = ["add_parser", "render", "render_brief", "run_check"]


def run_check(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    from .._check import check  # noqa: PLC0415

    options: dict[str, Any] = {
        "region": args.region,
        "lang": args.lang,
        "sender": sender_of(args),
        "rules": load_rules_for(args, err),
    }
    try:
        check("", **options)  # a bad --region or --lang fails before any output
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    numbers: Iterable[str] = args.numbers
    if args.numbers == ["-"]:
        # One number a line from standard input, reported as each is read.
        numbers = (line.rstrip("\r\n") for line in sys.stdin)
    style = Style(out)
    all_ok = True
    for i, number in enumerate(numbers):
        report = check(number, **options)
        all_ok = all_ok and report.ok
        if args.json:
            out.write(json.dumps(report.to_dict(), ensure_ascii=False) + "\n")
        elif args.brief:
            out.write(render_brief(report, style))
        else:
            if i:
                out.write("\n")
            out.write(render(report, style))
    return EXIT_OK if all_ok else EXIT_PROBLEMS


_VERDICT_COLOUR: Final = {"likely": "1;32", "at_risk": "1;33", "unlikely": "1;31"}

_VERDICT_TEXT: Final = {
    "likely": "the code should arrive",
    "at_risk": "the code may not arrive",
    "unlikely": "the code will not arrive",
}


def _verdict(report: Report, style: Style) -> str:
    verdict = report.delivery.verdict.value
    return style(verdict, _VERDICT_COLOUR[verdict]) + f" ({_VERDICT_TEXT[verdict]})"


def render(report: Report, style: Style) -> str:
    """A report as text: the verdict, then what concerns the person, then the route.

    The person's diagnostics come whole (message and remedy); the route's, which are the
    sending service's business, one line per code with the service's remedy.
    """
    lines = [f"{report.input!r}: {_verdict(report, style)}"]
    number = report.number
    if number is not None:
        where = number.region or f"+{number.country_code}"
        lines.append(f"  number:   {number.e164} ({where}, {number.line_type.value})")
        if number.carrier:
            lines.append(f"  carrier:  {number.carrier}")
    wrap = _wrap_remedy
    for d in report.diagnostics:
        label = style(f"{d.severity.value}", SEVERITY_COLOUR[d.severity.value])
        lines.append(f"  {label} [{d.code.value}] {d.message}")
        if d.remedy:
            lines.extend(wrap(f"fix: {d.remedy}"))
    lines.extend(
        f"  did you mean {s.e164}? ({s.reason.value}, {s.confidence:.0%} sure)"
        for s in report.suggestions
    )
    if report.route:
        lines.append("  route (for the sending service):")
    for d in report.route:
        label = style(f"{d.severity.value}", SEVERITY_COLOUR[d.severity.value])
        publishers = ", ".join(dict.fromkeys(s.publisher for s in d.sources))
        advice = d.service_remedy or d.message
        lines.append(f"    {label} [{d.code.value}] {advice} (sources: {publishers})")
    return "\n".join(lines) + "\n"


def render_brief(report: Report, style: Style) -> str:
    """A report on one line: verdict, number, then the person's and the route's codes."""
    number = report.number
    verdict = report.delivery.verdict.value
    parts = [f"{report.input!r}: {style(verdict, _VERDICT_COLOUR[verdict])}"]
    parts.append(number.e164 if number is not None else "-")
    if report.diagnostics:
        parts.append(" ".join(d.code.value for d in report.diagnostics))
    if report.suggestions:
        parts.append(f"did you mean {report.suggestions[0].e164}?")
    if report.route:
        parts.append("route: " + " ".join(d.code.value for d in report.route))
    return "  ".join(parts) + "\n"


def _wrap_remedy(text: str) -> list[str]:
    """Indent a remedy under its diagnostic."""
    return textwrap.wrap(text, width=96, initial_indent="    ", subsequent_indent="      ")


def add_parser(sub: Any) -> None:
    """Add the ``check`` command."""
    fmt = FORMATTER
    p = sub.add_parser(
        "check",
        help="check phone numbers and explain what is wrong",
        description="Check phone numbers as a person typed them; explain what is wrong.",
        epilog=textwrap.dedent("""\
            examples:
              smscheck check "8 (916) 123-45-67" --region RU
              smscheck check +442079460123 --json"""),
        formatter_class=fmt,
    )
    p.add_argument(
        "numbers",
        nargs="+",
        metavar="NUMBER",
        help="a number as typed; - reads one number a line from standard input",
    )
    add_common(p)
    p.add_argument("--json", action="store_true", help="one JSON object a line (to_dict form)")
    p.add_argument(
        "--brief", action="store_true", help="one line a number: verdict, number and codes"
    )
    p.set_defaults(run=run_check)
