"""What every command shares: exit statuses, usage errors, styling, the sender and rules options.

argparse, not click or typer: it is in the standard library, gives ``--help`` on every
subcommand with examples, and the core install stays ``phonenumbers`` + ``attrs``. The
progress line and the summary table are a few lines of plain text, so no ``rich`` either.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import IO, TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from .._report import Sender

__all__ = [
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_PROBLEMS",
    "EXIT_USAGE",
    "FORMATTER",
    "SEVERITY_COLOUR",
    "RulesFileError",
    "Style",
    "UsageError",
    "add_common",
    "is_tty",
    "load_rules_for",
    "parse_regions",
    "parse_sender",
    "rules_error",
    "sender_of",
    "silence_stdout",
]

EXIT_OK: Final = 0
EXIT_PROBLEMS: Final = 1
EXIT_USAGE: Final = 2
EXIT_INTERRUPTED: Final = 130  # 128 + SIGINT, as shells report it

FORMATTER: Final = argparse.RawDescriptionHelpFormatter


class UsageError(Exception):
    """A problem with the command line or an input file: message, exit 2."""


class RulesFileError(Exception):
    """A --rules file failed to load; the message is already written."""


class Style:
    """ANSI colour on a terminal, nothing in a pipe or with NO_COLOR set (no-color.org)."""

    def __init__(self, stream: IO[str]) -> None:
        self.on = is_tty(stream) and not os.environ.get("NO_COLOR")

    def __call__(self, text: str, code: str) -> str:
        return f"\033[{code}m{text}\033[0m" if self.on else text


def is_tty(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


SEVERITY_COLOUR: Final = {"error": "31", "warning": "33", "info": "36"}


def parse_sender(value: str) -> Sender:
    from .._codes import SenderKind  # noqa: PLC0415 - keep --help fast
    from .._report import Sender  # noqa: PLC0415

    kind, _, regions = value.partition(":")
    kind = kind.strip()
    if kind not in SenderKind.__members__.values():
        kinds = ", ".join(k.value for k in SenderKind)
        msg = f"unknown sender kind {kind!r}; choose one of {kinds}"
        raise argparse.ArgumentTypeError(msg)
    try:
        return Sender(kind, [r for r in regions.split(",") if r.strip()])
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def parse_regions(value: str) -> frozenset[str]:
    """A comma-separated list of region codes, checked as a Sender checks them."""
    from .._report import checked_regions  # noqa: PLC0415

    try:
        return checked_regions([r for r in value.split(",") if r.strip()], "the list")
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def sender_of(args: argparse.Namespace) -> Sender | None:
    """The --sender, with what --local-in and --templates-in add to it."""
    sender: Sender | None = args.sender
    local, templates = args.local_in, args.templates_in
    if sender is None:
        if local or templates:
            msg = "--local-in and --templates-in describe a --sender; give one"
            raise UsageError(msg)
        return None
    import attrs  # noqa: PLC0415

    return attrs.evolve(
        sender,
        local_in=local or sender.local_in,
        templates_in=templates or sender.templates_in,
    )


def load_rules_for(args: argparse.Namespace, err: IO[str]) -> Any:
    """The rules for ``--rules FILE...``, or ``None`` for the packaged ones."""
    if not args.rules:
        return None
    from .._rules_load import load_rules  # noqa: PLC0415
    from ..exceptions import RulesError  # noqa: PLC0415

    try:
        return load_rules(*args.rules)
    except RulesError as exc:
        err.write(rules_error(exc) + "\n")
        raise RulesFileError from None


def rules_error(exc: Any) -> str:
    where = exc.path if exc.line is None else f"{exc.path}:{exc.line}"
    return f"{where}: {exc.key_path}: {exc.reason}" if exc.key_path else f"{where}: {exc.reason}"


def silence_stdout() -> None:
    # Python flushes stdout at exit and would report the broken pipe again.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def add_common(p: argparse.ArgumentParser) -> None:
    """The options of every command that checks numbers."""
    p.add_argument("--region", help="region of numbers typed without +, e.g. RU")
    p.add_argument("--lang", default="en", help="language of messages: en or ru")
    p.add_argument(
        "--sender",
        type=parse_sender,
        metavar="KIND[:REGIONS]",
        help="how you send, e.g. alphanumeric:RU,KZ (registered in RU and KZ for the"
        " traffic you send there); without it, only rules that hold for every sender",
    )
    for flag, what in (
        (
            "--local-in",
            "regions where you send through a local entity (local traffic), e.g. IN",
        ),
        ("--templates-in", "regions where your message templates are registered, e.g. CN"),
    ):
        p.add_argument(flag, type=parse_regions, default=frozenset(), metavar="REGIONS", help=what)
    p.add_argument(
        "--rules",
        action="append",
        default=[],
        metavar="FILE",
        help="a rules override file, applied over the packaged rules (repeatable)",
    )
