"""The ``smscheck`` command: check numbers, explain delivery errors, scan files, show rules.

One module per command (``check``, ``why``, ``scan``, ``rules``), each adding its own subparser;
``files`` reads and writes the rows of a scan, ``_base`` holds what they share. A new
command is one module with an ``add_parser(sub)`` and a ``run`` function, named below.
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from typing import TYPE_CHECKING

from .. import __version__
from . import check, rules, scan, why
from ._base import (
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_PROBLEMS,
    EXIT_USAGE,
    RulesFileError,
    UsageError,
    silence_stdout,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["EXIT_INTERRUPTED", "EXIT_OK", "EXIT_PROBLEMS", "EXIT_USAGE", "main"]

_COMMANDS = (check, why, scan, rules)


def _parser() -> argparse.ArgumentParser:
    fmt = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(
        prog="smscheck",
        description="Why a verification SMS will not reach a phone number.",
        epilog=textwrap.dedent("""\
            examples:
              smscheck check "8 (916) 123-45-67" --region RU
              smscheck why +447400123456 --provider twilio --error 30003
              smscheck scan contacts.csv --column phone --region RU --out checked.csv
              smscheck rules show RU

            exit status: 0 all ok, 1 problems found, 2 usage or input-file errors"""),
        formatter_class=fmt,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    for command in _COMMANDS:
        command.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``smscheck`` command; return its exit status.

    Args:
        argv: The arguments after the program name; ``sys.argv[1:]`` when None.

    Returns:
        0 when every number is fine, 1 when problems were found, 2 on a usage or input-file
        error, 130 when a scan was interrupted.
    """
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version and usage errors
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    out, err = sys.stdout, sys.stderr
    try:
        code: int = args.run(args, out, err)
    except UsageError as exc:
        err.write(f"smscheck {args.command}: error: {exc}\n")
        return EXIT_USAGE
    except RulesFileError:
        return EXIT_USAGE
    except KeyboardInterrupt:
        err.write("interrupted\n")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        silence_stdout()
        return EXIT_PROBLEMS
    try:
        out.flush()
    except BrokenPipeError:
        silence_stdout()
    return code
