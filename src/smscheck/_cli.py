"""The ``smscheck`` command: check numbers, scan files, show and lint rules.

argparse, not click or typer: it is in the standard library, gives ``--help`` on every
subcommand with the examples below, and the core install stays ``phonenumbers`` + ``attrs``.
The progress line and the summary table are a few lines of plain text, so no ``rich`` either.
"""

from __future__ import annotations

import argparse
import collections
import csv
import io
import json
import os
import signal
import sys
import textwrap
import threading
import time
from typing import IO, TYPE_CHECKING, Any, Final

from . import __version__

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence

    from ._report import Report, Sender

__all__ = ["main"]

EXIT_OK: Final = 0
EXIT_PROBLEMS: Final = 1
EXIT_USAGE: Final = 2
EXIT_INTERRUPTED: Final = 130  # 128 + SIGINT, as shells report it

#: Output is written in whole rows, at most this many at a time or this often, so a scan
#: stopped at any moment (even by SIGKILL) leaves only complete rows behind.
FLUSH_ROWS: Final = 256
FLUSH_SECONDS: Final = 0.5
#: Columns the scan adds after the flat report columns.
INPUT_ERROR: Final = "input_error"


class _UsageError(Exception):
    """A problem with the command line or an input file: message, exit 2."""


# --------------------------------------------------------------------------- terminal


class _Style:
    """ANSI colour on a terminal, nothing in a pipe or with NO_COLOR set (no-color.org)."""

    def __init__(self, stream: IO[str]) -> None:
        self.on = _is_tty(stream) and not os.environ.get("NO_COLOR")

    def __call__(self, text: str, code: str) -> str:
        return f"\033[{code}m{text}\033[0m" if self.on else text


def _is_tty(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


_SEVERITY_COLOUR: Final = {"error": "31", "warning": "33", "info": "36"}


# --------------------------------------------------------------------------- check


def _parse_sender(value: str) -> Sender:
    from ._codes import SenderKind  # noqa: PLC0415 - keep --help fast
    from ._report import Sender  # noqa: PLC0415

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


def _parse_regions(value: str) -> frozenset[str]:
    """A comma-separated list of region codes, checked as a Sender checks them."""
    from ._report import Sender  # noqa: PLC0415

    try:
        return Sender("alphanumeric", [r for r in value.split(",") if r.strip()]).registered_in
    except ValueError as exc:
        msg = str(exc).replace("Sender.registered_in", "the list")
        raise argparse.ArgumentTypeError(msg) from None


def _sender(args: argparse.Namespace) -> Sender | None:
    """The --sender, with what --local-in and --templates-in add to it."""
    sender: Sender | None = args.sender
    local, templates = args.local_in, args.templates_in
    if sender is None:
        if local or templates:
            msg = "--local-in and --templates-in describe a --sender; give one"
            raise _UsageError(msg)
        return None
    import attrs  # noqa: PLC0415

    return attrs.evolve(
        sender,
        local_in=local or sender.local_in,
        templates_in=templates or sender.templates_in,
    )


class _RulesFileError(Exception):
    """A --rules file failed to load; the message is already written."""


def _load_rules(args: argparse.Namespace, err: IO[str]) -> Any:
    """The rules for ``--rules FILE...``, or ``None`` for the packaged ones."""
    if not args.rules:
        return None
    from ._rules_load import load_rules  # noqa: PLC0415
    from .exceptions import RulesError  # noqa: PLC0415

    try:
        return load_rules(*args.rules)
    except RulesError as exc:
        err.write(_rules_error(exc) + "\n")
        raise _RulesFileError from None


def _cmd_check(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    from ._check import check  # noqa: PLC0415

    options: dict[str, Any] = {
        "region": args.region,
        "lang": args.lang,
        "sender": _sender(args),
        "rules": _load_rules(args, err),
    }
    try:
        reports = [check(number, **options) for number in args.numbers]
    except ValueError as exc:
        raise _UsageError(str(exc)) from None
    style = _Style(out)
    for i, report in enumerate(reports):
        if args.json:
            out.write(json.dumps(report.to_dict(), ensure_ascii=False) + "\n")
        else:
            if args.brief:
                out.write(_render_brief(report, style))
                continue
            if i:
                out.write("\n")
            out.write(_render(report, style))
    return EXIT_OK if all(r.ok for r in reports) else EXIT_PROBLEMS


_VERDICT_COLOUR: Final = {"likely": "1;32", "at_risk": "1;33", "unlikely": "1;31"}
_VERDICT_TEXT: Final = {
    "likely": "the code should arrive",
    "at_risk": "the code may not arrive",
    "unlikely": "the code will not arrive",
}


def _verdict(report: Report, style: _Style) -> str:
    verdict = report.delivery.verdict.value
    return style(verdict, _VERDICT_COLOUR[verdict]) + f" ({_VERDICT_TEXT[verdict]})"


def _render(report: Report, style: _Style) -> str:
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
        label = style(f"{d.severity.value}", _SEVERITY_COLOUR[d.severity.value])
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
        label = style(f"{d.severity.value}", _SEVERITY_COLOUR[d.severity.value])
        publishers = ", ".join(dict.fromkeys(s.publisher for s in d.sources))
        advice = d.service_remedy or d.message
        lines.append(f"    {label} [{d.code.value}] {advice} (sources: {publishers})")
    return "\n".join(lines) + "\n"


def _render_brief(report: Report, style: _Style) -> str:
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


# --------------------------------------------------------------------------- scan


class _Lines:
    """Decoded lines of a binary stream, remembering decoding errors and bytes read."""

    def __init__(self, stream: IO[bytes], encoding: str) -> None:
        self.stream = stream
        self.encoding = encoding
        self.line = 0
        self.bytes_read = 0
        self.errors: list[str] = []

    def __iter__(self) -> Iterator[str]:
        encoding = self.encoding
        first = True
        for raw in self.stream:
            self.line += 1
            self.bytes_read += len(raw)
            data = raw
            if first:
                first = False
                if data.startswith(b"\xef\xbb\xbf") and encoding.lower().replace("-", "") in (
                    "utf8",
                    "utf8sig",
                ):
                    data = data[3:]
            try:
                yield data.decode(encoding)
            except UnicodeDecodeError as exc:
                self.errors.append(
                    f"line {self.line}: byte 0x{data[exc.start]:02x} at column {exc.start + 1} "
                    f"is not {encoding}; it was read as U+FFFD"
                )
                yield data.decode(encoding, errors="replace")


class _Reader:
    """Rows of a CSV or JSON lines file as ``(fields, error or None)``, with their numbers."""

    def __init__(self, lines: _Lines, fmt: str, column: str, region_column: str | None) -> None:
        self.lines = lines
        self.fmt = fmt
        self.column = column
        self.region_column = region_column
        self.header: list[str] = []
        self.row = 0  # data rows read, 1-based once the first is read
        self.start_line = 0

    def open(self) -> None:
        """Read the header (CSV) or the first object's keys (JSON lines)."""
        if self.fmt == "csv":
            self._csv = csv.reader(self.lines)
            try:
                self.header = next(self._csv)
            except StopIteration:
                raise _UsageError("the file is empty: expected a header row") from None
            except csv.Error as exc:
                raise _UsageError(f"line 1: the header row is not valid CSV: {exc}") from None  # noqa: EM102
            if self.lines.errors:
                raise _UsageError(f"the header row: {self.lines.errors[0]}")  # noqa: EM102
        else:
            self._json = iter(self.lines)
            self._first: dict[str, Any] | None = None
            for text in self._json:
                if text.strip():
                    self._first, _ = self._object(text)
                    break
            if self._first is None:
                raise _UsageError("the file is empty: expected JSON objects, one a line")
            self.header = list(self._first)
        for name in (self.column, self.region_column):
            if name is not None and name not in self.header:
                columns = ", ".join(self.header) or "none"
                what = "column" if self.fmt == "csv" else "key"
                msg = f"no {what} named {name!r} in the first row (found: {columns})"
                raise _UsageError(msg)
        self.col_at = self.header.index(self.column)
        self.region_at = (
            None if self.region_column is None else self.header.index(self.region_column)
        )

    def _object(self, text: str) -> tuple[dict[str, Any], str | None]:
        try:
            value = json.loads(text)
        except ValueError as exc:
            return {}, f"not valid JSON ({exc}); kept as an empty row"
        if not isinstance(value, dict):
            return {}, f"expected a JSON object, found {type(value).__name__}; kept as empty"
        return value, None

    def __iter__(self) -> Iterator[tuple[list[str] | dict[str, Any], str | None]]:
        if self.fmt == "csv":
            width = len(self.header)
            while True:
                self.start_line = self.lines.line + 1
                try:
                    fields = next(self._csv)
                except StopIteration:
                    return
                except csv.Error as exc:
                    self.row += 1
                    yield [], f"not valid CSV ({exc}); kept as an empty row"
                    continue
                self.row += 1
                problems = self.lines.errors
                error = "; ".join(problems) if problems else None
                problems.clear()
                if len(fields) != width and fields:
                    plural = "s" * (len(fields) != 1)
                    note = f"{len(fields)} field{plural} where the header has {width}"
                    error = f"{error}; {note}" if error else note
                yield fields, error
        else:
            if self._first is not None:
                self.row += 1
                self.start_line = self.lines.line
                first, self._first = self._first, None
                yield first, None
            for text in self._json:
                self.start_line = self.lines.line
                problems = self.lines.errors
                if not text.strip():
                    problems.clear()
                    continue
                self.row += 1
                obj, error = self._object(text)
                if problems:
                    error = "; ".join([*problems, *([error] if error else [])])
                    problems.clear()
                yield obj, error

    def phone_and_region(self, fields: list[str] | dict[str, Any]) -> tuple[str, str | None]:
        """The row's phone text and region value (None when empty)."""
        if isinstance(fields, dict):
            phone, region = (
                fields.get(self.column),
                (None if self.region_column is None else fields.get(self.region_column)),
            )
            text = phone if isinstance(phone, str) else "" if phone is None else json.dumps(phone)
            return text, region if isinstance(region, str) and region.strip() else None
        text = fields[self.col_at] if self.col_at < len(fields) else ""
        if self.region_at is None or self.region_at >= len(fields):
            return text, None
        return text, fields[self.region_at].strip() or None


class _Writer:
    """Whole rows to a binary stream, in small batches, so an interrupted scan is well-formed."""

    def __init__(self, stream: IO[bytes], fmt: str) -> None:
        self.stream = stream
        self.fmt = fmt
        self.buffer = io.StringIO()
        self.csv = csv.writer(self.buffer, lineterminator="\n")
        self.pending = 0
        self.written = 0  # rows on disk
        self.last_flush = time.monotonic()

    def header(self, names: list[str]) -> None:
        if self.fmt == "csv":
            self.csv.writerow(names)
            self.flush()

    def row(self, values: list[Any] | dict[str, Any]) -> None:
        if self.fmt == "csv":
            self.csv.writerow(values)  # one write of the whole line
        else:
            self.buffer.write(json.dumps(values, ensure_ascii=False) + "\n")
        self.pending += 1
        if self.pending >= FLUSH_ROWS or time.monotonic() - self.last_flush > FLUSH_SECONDS:
            self.flush()

    def flush(self) -> None:
        data = self.buffer.getvalue()
        if data:
            self.stream.write(data.encode("utf-8"))
            self.stream.flush()
            self.buffer.seek(0)
            self.buffer.truncate()
        self.written += self.pending
        self.pending = 0
        self.last_flush = time.monotonic()


class _Progress:
    """One line on stderr, rewritten in place, only on a terminal."""

    def __init__(self, err: IO[str], total: int | None, lines: _Lines) -> None:
        self.err = err
        self.on = _is_tty(err)
        self.total = total
        self.lines = lines
        self.start = self.last = time.monotonic()

    def update(self, rows: int) -> None:
        now = time.monotonic()
        if not self.on or now - self.last < 0.2:
            return
        self.last = now
        rate = rows / max(now - self.start, 1e-9)
        done = ""
        if self.total:
            share = min(self.lines.bytes_read / self.total, 1.0)
            bar = "#" * int(share * 30)
            done = f"[{bar:<30}] {share:4.0%} "
        self.err.write(f"\r{done}{rows:,} rows, {rate:,.0f} rows/s ")
        self.err.flush()

    def clear(self) -> None:
        if self.on:
            self.err.write("\r\033[K")
            self.err.flush()


def _input_format(path: str, given: str | None) -> str:
    if given:
        return given
    return "jsonl" if path.lower().endswith((".jsonl", ".ndjson", ".json")) else "csv"


def _cmd_scan(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    del out  # scan writes bytes to sys.stdout.buffer or --out
    from ._batch import DEFAULT_CACHE_SIZE, _checker_for, _run  # noqa: PLC0415
    from ._frames import FLAT_COLUMNS, _flat_row  # noqa: PLC0415
    from ._phone import supported_regions  # noqa: PLC0415

    if args.region is not None and args.region_column is not None:
        raise _UsageError("give --region or --region-column, not both")
    if args.workers < 1:
        raise _UsageError("--workers must be at least 1")
    in_fmt = _input_format(args.file, args.input_format)
    out_fmt = args.format or in_fmt
    try:
        checker = _checker_for(
            _flat_row,
            region=args.region,
            lang=args.lang,
            rules=_load_rules(args, err),
            sender=_sender(args),
            workers=args.workers,
            cache_size=DEFAULT_CACHE_SIZE,
        )
    except ValueError as exc:
        raise _UsageError(str(exc)) from None

    try:
        in_stream: IO[bytes] = (
            sys.stdin.buffer if args.file == "-" else open(args.file, "rb")  # noqa: SIM115, PTH123
        )
    except OSError as exc:
        raise _UsageError(f"cannot read {args.file}: {exc.strerror or exc}") from None  # noqa: EM102
    try:
        total = None if args.file == "-" else os.fstat(in_stream.fileno()).st_size
        lines = _Lines(in_stream, args.encoding)
        reader = _Reader(lines, in_fmt, args.column, args.region_column)
        try:
            reader.open()
        except _UsageError as exc:
            raise _UsageError(f"{args.file}: {exc}") from None  # noqa: EM102
        extra = [*FLAT_COLUMNS, INPUT_ERROR]
        clash = [c for c in extra if c in reader.header]
        if clash:
            msg = f"{args.file}: the input already has columns named {', '.join(clash)}"
            raise _UsageError(msg + "; rename them, or scan the original file")
        try:
            out_stream: IO[bytes] = (
                sys.stdout.buffer if args.out in (None, "-") else open(args.out, "wb", buffering=0)  # noqa: SIM115, PTH123
            )
        except OSError as exc:
            raise _UsageError(f"cannot write {args.out}: {exc.strerror or exc}") from None  # noqa: EM102
        try:
            return _scan(
                args,
                reader,
                lines,
                checker,
                _run,
                out_stream,
                out_fmt,
                err,
                total,
                supported_regions(),
            )
        finally:
            if args.out not in (None, "-"):
                out_stream.close()
    finally:
        if args.file != "-":
            in_stream.close()


def _scan(  # noqa: PLR0913, PLR0917 - the parts of one scan, set up by _cmd_scan
    args: argparse.Namespace,
    reader: _Reader,
    lines: _Lines,
    checker: Any,
    run: Callable[..., Iterator[tuple[Any, Any]]],
    out_stream: IO[bytes],
    out_fmt: str,
    err: IO[str],
    total: int | None,
    regions: frozenset[str],
) -> int:
    from ._frames import FLAT_COLUMNS  # noqa: PLC0415

    header = reader.header
    width = len(header)
    writer = _Writer(out_stream, out_fmt)
    writer.header([*header, *FLAT_COLUMNS, INPUT_ERROR])
    progress = _Progress(err, total, lines)
    counts: collections.Counter[str] = collections.Counter()
    stats = {"rows": 0, "ok": 0, "input errors": 0}
    reported = 0
    name = args.file

    def items() -> Iterator[tuple[tuple[Any, str | None, int, int], tuple[str, str | None]]]:
        for fields, problem in reader:
            error = problem
            text, region = reader.phone_and_region(fields)
            hint = fixed
            if region is not None:
                hint = region.strip().upper()
                if hint not in regions:
                    note = f"unknown region {region!r} in column {reader.region_column!r}"
                    error = f"{error}; {note}" if error else note
                    hint = None
            yield (fields, error, reader.row, reader.start_line), (text, hint)

    fixed = None if args.region is None else args.region.strip().upper()
    interrupted = False
    # Ctrl-C sets a flag that the loop reads between rows, instead of raising wherever the
    # scan happens to be: a KeyboardInterrupt in the middle of a write could leave half a
    # row, or write a batch twice. Only the main thread may install a handler; elsewhere
    # the KeyboardInterrupt handler below still ends the scan at a row boundary.
    stop: list[int] = []
    previous = _catch_sigint(stop)
    try:
        for (given, problem, row, line), flat in run(
            items(), checker, workers=args.workers, cache_size=_cache_size(args)
        ):
            if stop:
                interrupted = True
                break
            stats["rows"] += 1
            fields, error = given, problem
            if flat[0]:
                stats["ok"] += 1
            # Rows per code: a code is counted once per row, whichever column holds it.
            row_codes = {*(flat[6] or "").split(" "), *(flat[7] or "").split(" ")}
            row_codes.discard("")
            counts.update(row_codes)
            if error is not None:
                stats["input errors"] += 1
                if reported < 20:
                    err.write(f"{name}: row {row} (line {line}): {error}\n")
                reported += 1
            if out_fmt == "csv":
                if isinstance(fields, dict):
                    values = [_cell(fields.get(k)) for k in header]
                    unknown = [k for k in fields if k not in header]
                    if unknown and error is None:
                        error = f"keys not in the first object, kept out of the CSV: {unknown}"
                    fields = values
                padded = fields + [""] * (width - len(fields))
                cells = [
                    "" if v is None else ("true" if v is True else "false" if v is False else v)
                    for v in flat
                ]
                writer.row(padded[:width] + cells + [error or ""] + padded[width:])
            else:
                obj = fields if isinstance(fields, dict) else _row_object(header, fields)
                obj.update(zip(FLAT_COLUMNS, flat, strict=True))
                obj[INPUT_ERROR] = error
                writer.row(obj)
            progress.update(stats["rows"])
        writer.flush()
    except KeyboardInterrupt:
        interrupted = True
    except BrokenPipeError:
        # The reader of our output went away (``| head``): stop quietly, as cat does.
        progress.clear()
        _silence_stdout()
        return EXIT_PROBLEMS
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)
    if interrupted:
        writer.flush()
    progress.clear()
    if reported > 20:
        err.write(f"{name}: ... and {reported - 20} more rows with input errors\n")
    if interrupted:
        err.write(
            f"interrupted: the output holds the header and the first {writer.written} rows,"
            " each complete\n"
        )
    _summary(err, stats, counts)
    if interrupted:
        return EXIT_INTERRUPTED
    if stats["input errors"]:
        return EXIT_USAGE
    return EXIT_OK if stats["ok"] == stats["rows"] else EXIT_PROBLEMS


def _catch_sigint(stop: list[int]) -> Any:
    """Make SIGINT append to ``stop``; return the previous handler (``None`` if not set)."""
    if threading.current_thread() is not threading.main_thread():
        return None

    def handler(signum: int, frame: object) -> None:
        del frame
        stop.append(signum)

    return signal.signal(signal.SIGINT, handler)


def _cache_size(args: argparse.Namespace) -> int:
    """The cache size of a scan."""
    from ._batch import DEFAULT_CACHE_SIZE  # noqa: PLC0415

    return 0 if args.no_cache else DEFAULT_CACHE_SIZE


def _cell(value: Any) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _row_object(header: list[str], fields: list[str]) -> dict[str, Any]:
    obj: dict[str, Any] = dict(zip(header, fields, strict=False))
    for i, extra in enumerate(fields[len(header) :], start=1):
        obj[f"_extra{i}"] = extra
    return obj


def _summary(err: IO[str], stats: dict[str, int], counts: collections.Counter[str]) -> None:
    rows = [
        ("rows", stats["rows"]),
        ("ok", stats["ok"]),
        ("not ok", stats["rows"] - stats["ok"]),
        ("input errors", stats["input errors"]),
    ]
    rows.extend(counts.most_common())
    width = max(len(k) for k, _ in rows)
    number_width = max(len(f"{v:,}") for _, v in rows)
    err.write("\n")
    for i, (key, value) in enumerate(rows):
        if i == 4 and counts:
            err.write(f"{'code':<{width}}  {'rows':>{number_width}}\n")
        err.write(f"{key:<{width}}  {value:>{number_width},}\n")


def _silence_stdout() -> None:
    # Python flushes stdout at exit and would report the broken pipe again.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


# --------------------------------------------------------------------------- rules


def _cmd_rules_show(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    from ._rules_load import load_rules  # noqa: PLC0415
    from .exceptions import RulesError  # noqa: PLC0415

    region = args.region.strip().upper()
    try:
        ruleset = load_rules(*args.rules)
    except RulesError as exc:
        err.write(_rules_error(exc) + "\n")
        return EXIT_USAGE
    entry = ruleset.region_entry(region)
    if entry is None:
        raise _UsageError(f"unknown region {args.region!r}: expected an ISO 3166 alpha-2 code")  # noqa: EM102
    wanted = None if args.carrier is None else args.carrier.casefold()
    rules = [
        r
        for r in ruleset.rules_for(region)
        if wanted is None or not r.carriers or wanted in {c.casefold() for c in r.carriers}
    ]
    style = _Style(out)
    review = "reviewed by hand" if entry.review == "hand" else "drafted from tables"
    out.write(f"{region}: {entry.status.replace('_', ' ')} ({review}, checked {entry.checked})\n")
    if entry.note:
        out.write(f"  {entry.note}\n")
    if not rules:
        out.write("  no rules" + (f" for carrier {args.carrier}" if args.carrier else "") + "\n")
    for rule in rules:
        sev = style(rule.severity.value, _SEVERITY_COLOUR[rule.severity.value])
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


def _rules_error(exc: Any) -> str:
    where = exc.path if exc.line is None else f"{exc.path}:{exc.line}"
    return f"{where}: {exc.key_path}: {exc.reason}" if exc.key_path else f"{where}: {exc.reason}"


def _cmd_rules_lint(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    from ._rules_load import load_rules  # noqa: PLC0415
    from .exceptions import RulesError  # noqa: PLC0415

    failed = 0
    for path in args.files:
        try:
            ruleset = load_rules(path)
        except RulesError as exc:
            out.write(_rules_error(exc) + "\n")
            failed += 1
        else:
            out.write(f"{path}: ok ({len(ruleset)} rules with the packaged ones)\n")
    del err
    return EXIT_PROBLEMS if failed else EXIT_OK


# --------------------------------------------------------------------------- parser


def _parser() -> argparse.ArgumentParser:
    fmt = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(
        prog="smscheck",
        description="Why a verification SMS will not reach a phone number.",
        epilog=textwrap.dedent("""\
            examples:
              smscheck check "8 (916) 123-45-67" --region RU
              smscheck scan contacts.csv --column phone --region RU --out checked.csv
              smscheck rules show RU

            exit status: 0 all ok, 1 problems found, 2 usage or input-file errors"""),
        formatter_class=fmt,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--region", help="region of numbers typed without +, e.g. RU")
        p.add_argument("--lang", default="en", help="language of messages: en or ru")
        p.add_argument(
            "--sender",
            type=_parse_sender,
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
            p.add_argument(
                flag, type=_parse_regions, default=frozenset(), metavar="REGIONS", help=what
            )
        p.add_argument(
            "--rules",
            action="append",
            default=[],
            metavar="FILE",
            help="a rules override file, applied over the packaged rules (repeatable)",
        )

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
    p.add_argument("numbers", nargs="+", metavar="NUMBER", help="a number as typed")
    common(p)
    p.add_argument("--json", action="store_true", help="one JSON object a line (to_dict form)")
    p.add_argument(
        "--brief", action="store_true", help="one line a number: verdict, number and codes"
    )
    p.set_defaults(run=_cmd_check)

    p = sub.add_parser(
        "scan",
        help="check every row of a CSV or JSON lines file",
        description=(
            "Check every row of a CSV or JSON lines file, in constant memory; write each row"
            " back with verdict columns added; print a summary to stderr."
        ),
        epilog=textwrap.dedent("""\
            examples:
              smscheck scan contacts.csv --column phone --region RU --out checked.csv
              smscheck scan contacts.csv --region-column country --format jsonl > out.jsonl
              cat contacts.jsonl | smscheck scan - --input-format jsonl

            Verdict columns: ok, delivery, e164, region, line_type, carrier, codes
            (for the person), route_codes (for the sender), message, top_suggestion,
            input_error. Exit status: 0 all ok, 1 some rows not ok,
            2 usage or input-file errors (rows with input errors are still written),
            130 interrupted (the output holds complete rows only)."""),
        formatter_class=fmt,
    )
    p.add_argument("file", metavar="FILE", help="the file to scan, or - for standard input")
    p.add_argument("--column", default="phone", help="column holding the numbers (phone)")
    common(p)
    p.add_argument("--region-column", help="column holding each row's region code")
    p.add_argument("--out", help="where to write (default: standard output; - for it too)")
    p.add_argument("--format", choices=("csv", "jsonl"), help="output format (input's)")
    p.add_argument(
        "--input-format", choices=("csv", "jsonl"), help="input format (from the file name)"
    )
    p.add_argument("--encoding", default="utf-8", help="input encoding (utf-8; a BOM is fine)")
    p.add_argument("--workers", type=int, default=1, help="processes to check with (1)")
    p.add_argument("--no-cache", action="store_true", help="check repeated inputs again")
    p.set_defaults(run=_cmd_scan)

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
    q.set_defaults(run=_cmd_rules_show)
    q = rules.add_parser(
        "lint",
        help="check rules override files",
        description="Check rules files with the strict loader; print file:line: key: message.",
        epilog="example:\n  smscheck rules lint my-rules.toml",
        formatter_class=fmt,
    )
    q.add_argument("files", nargs="+", metavar="FILE", help="a rules override file")
    q.set_defaults(run=_cmd_rules_lint)
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
    except _UsageError as exc:
        err.write(f"smscheck {args.command}: error: {exc}\n")
        return EXIT_USAGE
    except _RulesFileError:
        return EXIT_USAGE
    except KeyboardInterrupt:
        err.write("interrupted\n")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_PROBLEMS
    try:
        out.flush()
    except BrokenPipeError:
        _silence_stdout()
    return code
