"""``smscheck scan``: check every row of a file, in constant memory, and write it back."""

from __future__ import annotations

import argparse
import collections
import json
import os
import signal
import sys
import textwrap
import threading
import time
from typing import IO, TYPE_CHECKING, Any, Final

from ._base import (
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_PROBLEMS,
    EXIT_USAGE,
    FORMATTER,
    UsageError,
    add_common,
    is_tty,
    load_rules_for,
    sender_of,
    silence_stdout,
)
from .files import Lines, Output, ParquetReader, ParquetWriter, Reader, Writer, input_format

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

__all__ = ["INPUT_ERROR", "Progress", "add_parser", "run_scan"]

#: Columns the scan adds after the flat report columns.
INPUT_ERROR: Final = "input_error"


class Progress:
    """One line on stderr, rewritten in place, only on a terminal."""

    def __init__(self, err: IO[str], total: int | None, lines: Lines) -> None:
        self.err = err
        self.on = is_tty(err)
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


def run_scan(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    del out  # scan writes bytes to sys.stdout.buffer or --out
    from .._batch import DEFAULT_CACHE_SIZE, _checker_for, _run  # noqa: PLC0415
    from .._frames import FLAT_COLUMNS, _flat_row  # noqa: PLC0415
    from .._phone import supported_regions  # noqa: PLC0415

    if args.region is not None and args.region_column is not None:
        raise UsageError("give --region or --region-column, not both")
    if args.workers < 1:
        raise UsageError("--workers must be at least 1")
    in_fmt = input_format(args.file, args.input_format)
    out_fmt = args.format or in_fmt
    try:
        checker = _checker_for(
            _flat_row,
            region=args.region,
            lang=args.lang,
            rules=load_rules_for(args, err),
            sender=sender_of(args),
            workers=args.workers,
            cache_size=DEFAULT_CACHE_SIZE,
        )
    except ValueError as exc:
        raise UsageError(str(exc)) from None

    try:
        in_stream: IO[bytes] = (
            sys.stdin.buffer if args.file == "-" else open(args.file, "rb")  # noqa: SIM115, PTH123
        )
    except OSError as exc:
        raise UsageError(f"cannot read {args.file}: {exc.strerror or exc}") from None  # noqa: EM102
    try:
        total = None if args.file == "-" else os.fstat(in_stream.fileno()).st_size
        if "parquet" in (in_fmt, out_fmt) and "-" in (args.file, args.out or "-"):
            msg = "Parquet is read and written as files: give FILE and --out, not -"
            raise UsageError(msg)
        reader: Reader | ParquetReader
        if in_fmt == "parquet":
            reader = ParquetReader(in_stream, args.column, args.region_column)
            lines: Any = reader
        else:
            lines = Lines(in_stream, args.encoding)
            reader = Reader(lines, in_fmt, args.column, args.region_column, args.delimiter)
        try:
            reader.open()
        except UsageError as exc:
            raise UsageError(f"{args.file}: {exc}") from None  # noqa: EM102
        extra = [*FLAT_COLUMNS, INPUT_ERROR]
        clash = [c for c in extra if c in reader.header]
        if clash:
            msg = f"{args.file}: the input already has columns named {', '.join(clash)}"
            raise UsageError(msg + "; rename them, or scan the original file")
        output = Output(args.out, in_stream, args.file)
        out_stream = output.open()
        complete = False
        try:
            code = _scan(
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
            complete = code != EXIT_INTERRUPTED
            return code
        finally:
            output.close(complete=complete)
    finally:
        if args.file != "-":
            in_stream.close()


def _scan(  # noqa: PLR0913, PLR0917 - the parts of one scan, set up by run_scan
    args: argparse.Namespace,
    reader: Reader | ParquetReader,
    lines: Any,
    checker: Any,
    run: Callable[..., Iterator[tuple[Any, Any]]],
    out_stream: IO[bytes],
    out_fmt: str,
    err: IO[str],
    total: int | None,
    regions: frozenset[str],
) -> int:
    from .._frames import FLAT_COLUMNS  # noqa: PLC0415

    header = reader.header
    width = len(header)
    writer: Writer | ParquetWriter
    if out_fmt == "parquet":
        writer = ParquetWriter(out_stream, getattr(reader, "schema", None))
    else:
        writer = Writer(out_stream, out_fmt, reader.delimiter)
    writer.header([*header, *FLAT_COLUMNS, INPUT_ERROR])
    progress = Progress(err, total, lines)
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
        writer.close()
    except KeyboardInterrupt:
        interrupted = True
    except BrokenPipeError:
        # The reader of our output went away (``| head``): stop quietly, as cat does.
        progress.clear()
        silence_stdout()
        return EXIT_PROBLEMS
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)
    if interrupted:
        writer.flush()
    progress.clear()
    if reported > 20:
        err.write(f"{name}: ... and {reported - 20} more rows with input errors\n")
    if interrupted and args.out in (None, "-"):
        err.write(
            f"interrupted: the output holds the header and the first {writer.written} rows,"
            " each complete\n"
        )
    elif interrupted:
        err.write(f"interrupted: {args.out} was left as it was; nothing was written to it\n")
    if reader.fmt == "csv":
        how = "sniffed from the header" if reader.sniffed else "as given"
        err.write(f"\ndelimiter {reader.delimiter!r} ({how})")
    _summary(err, stats, counts)
    if interrupted:
        return EXIT_INTERRUPTED
    if stats["input errors"]:
        return EXIT_USAGE
    return EXIT_OK if stats["ok"] == stats["rows"] else EXIT_PROBLEMS


def _delimiter(value: str) -> str:
    named = {"tab": "\t", "\\t": "\t", "comma": ",", "semicolon": ";", "pipe": "|"}
    value = named.get(value.lower(), value)
    if len(value) != 1 or value in '"\r\n' or value.isalnum():
        msg = f"{value!r} cannot be a CSV delimiter: give one character such as ; or tab"
        raise argparse.ArgumentTypeError(msg)
    return value


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
    from .._batch import DEFAULT_CACHE_SIZE  # noqa: PLC0415

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


def add_parser(sub: Any) -> None:
    """Add the ``scan`` command."""
    fmt = FORMATTER
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
            130 interrupted (--out is left as it was; standard output holds whole
            rows only). --out may not be the input file."""),
        formatter_class=fmt,
    )
    p.add_argument("file", metavar="FILE", help="the file to scan, or - for standard input")
    p.add_argument("--column", default="phone", help="column holding the numbers (phone)")
    add_common(p)
    p.add_argument("--region-column", help="column holding each row's region code")
    p.add_argument("--out", help="where to write (default: standard output; - for it too)")
    p.add_argument("--format", choices=("csv", "jsonl", "parquet"), help="output format (input's)")
    p.add_argument(
        "--input-format",
        choices=("csv", "jsonl", "parquet"),
        help="input format (from the file name: .csv, .jsonl/.ndjson/.json, .parquet)",
    )
    p.add_argument("--encoding", default="utf-8", help="input encoding (utf-8; a BOM is fine)")
    p.add_argument(
        "--delimiter",
        type=_delimiter,
        help="CSV delimiter (default: sniffed from the header among , ; tab |); also used"
        " for CSV output",
    )
    p.add_argument("--workers", type=int, default=1, help="processes to check with (1)")
    p.add_argument("--no-cache", action="store_true", help="check repeated inputs again")
    p.set_defaults(run=run_scan)
