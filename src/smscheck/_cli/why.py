"""``smscheck why``: a provider's delivery error explained, joined with the number's check."""

from __future__ import annotations

import json
import textwrap
from typing import IO, TYPE_CHECKING, Any, Final

from .._report import escape_surrogates
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
from .check import render as render_report

if TYPE_CHECKING:
    import argparse

    from .._failures import FailureExplanation

__all__ = ["add_parser", "render", "run_why"]

_RETRY_TEXT: Final = {
    True: "a retry later can succeed",
    False: "a retry will fail the same way until something changes",
    None: "the sources do not say whether a retry can help",
}


def run_why(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    from .._failures import explain  # noqa: PLC0415

    rules = load_rules_for(args, err)
    try:
        why = explain(
            args.error, args.provider, args.number, args.region, sender_of(args), args.lang, rules
        )
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    if args.json:
        out.write(json.dumps(why.to_dict(), ensure_ascii=False) + "\n")
    else:
        out.write(render(why, Style(out)))
    return EXIT_OK if why.retryable is True else EXIT_PROBLEMS


def render(why: FailureExplanation, style: Style) -> str:
    """An explanation as text, the number's report (as ``check`` prints it) after it.

    First the cause and whether to retry, then each diagnostic with both remedies, then
    the sources.
    """
    label = f" ({why.label})" if why.label else ""
    head = style(why.cause.value, "1")
    lines = [f"{why.provider} {why.code}{label}: {head}; {_RETRY_TEXT[why.retryable]}"]
    for d in why.diagnostics:
        tag = style(d.severity.value, SEVERITY_COLOUR[d.severity.value])
        lines.extend(_wrap(f"{tag} [{d.code.value}] {d.message}", "  ", "    "))
        if d.remedy:
            lines.extend(_wrap(f"person: {d.remedy}", "    ", "      "))
        if d.service_remedy:
            lines.extend(_wrap(f"service: {d.service_remedy}", "    ", "      "))
    cited = {s.id: s for d in why.diagnostics for s in d.sources}
    lines.extend(f"  source: {s.publisher}, {s.title} <{s.url}>" for s in cited.values())
    text: str = escape_surrogates("\n".join(lines) + "\n")  # a code with a lone surrogate
    if why.report is not None:
        text += "\n" + render_report(why.report, style)
    return text


def _wrap(text: str, first: str, rest: str) -> list[str]:
    return textwrap.wrap(text, width=96, initial_indent=first, subsequent_indent=rest) or [first]


def add_parser(sub: Any) -> None:
    """Add the ``why`` command."""
    p = sub.add_parser(
        "why",
        help="explain an SMS provider's delivery error for a number",
        description=(
            "Explain a delivery error an SMS provider reported (Twilio 30007, SMPP err:013, ...)"
            " and join it with what the number's own check says."
        ),
        epilog=textwrap.dedent("""\
            examples:
              smscheck why "+44 20 7183 8750" --provider twilio --error 30006
              smscheck why --provider smpp --error "stat:UNDELIV err:013"

            exit status: 0 a retry later can succeed, 1 it cannot (or the sources do not
            say), 2 usage errors (an unknown provider, region or language)"""),
        formatter_class=FORMATTER,
    )
    p.add_argument("number", nargs="?", metavar="NUMBER", help="the number the SMS was sent to")
    p.add_argument("--provider", required=True, help="who reported the error, e.g. twilio")
    p.add_argument(
        "--error", required=True, metavar="CODE", help="the error or status code, as reported"
    )
    add_common(p)
    p.add_argument("--json", action="store_true", help="one JSON object (to_dict form)")
    p.set_defaults(run=run_why)
