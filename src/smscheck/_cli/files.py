"""Reading and writing the rows of a scan: CSV and JSON lines, in whole rows."""

from __future__ import annotations

import contextlib
import csv
import io
import itertools
import json
import os
import re
import sys
import tempfile
import time
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Final

from ._base import UsageError

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = [
    "DELIMITERS",
    "FLUSH_ROWS",
    "FLUSH_SECONDS",
    "Lines",
    "Output",
    "ParquetReader",
    "ParquetWriter",
    "Reader",
    "Writer",
    "input_format",
    "sniff_delimiter",
]

#: Output is written in whole rows, at most this many at a time or this often, so a scan
#: stopped at any moment (even by SIGKILL) leaves only complete rows behind.
FLUSH_ROWS: Final = 256
FLUSH_SECONDS: Final = 0.5


#: The delimiters a CSV header is sniffed for, the most frequent first on a tie.
DELIMITERS: Final = (",", ";", "\t", "|")
_QUOTED: Final = re.compile(r'"[^"]*"')


def sniff_delimiter(header: str) -> str:
    """The delimiter of a CSV file from its header line.

    The candidate of :data:`DELIMITERS` found most often outside quotes; a comma when none
    is (a one-column file). A header is names, so unlike data rows it rarely holds a
    delimiter that is not one; ``csv.Sniffer`` guesses from data and is often wrong on one
    line.
    """
    unquoted = _QUOTED.sub("", header)
    best = max(DELIMITERS, key=unquoted.count)
    return best if unquoted.count(best) else ","


class Lines:
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


class Reader:
    """Rows of a CSV or JSON lines file as ``(fields, error or None)``, with their numbers."""

    def __init__(
        self,
        lines: Lines,
        fmt: str,
        column: str,
        region_column: str | None,
        delimiter: str | None = None,
    ) -> None:
        self.lines = lines
        self.fmt = fmt
        self.column = column
        self.region_column = region_column
        #: The CSV delimiter: as given, else sniffed from the header line.
        self.delimiter = delimiter or ","
        self.sniffed = delimiter is None
        self.header: list[str] = []
        self.row = 0  # data rows read, 1-based once the first is read
        self.start_line = 0

    def open(self) -> None:
        """Read the header (CSV) or the first object's keys (JSON lines)."""
        if self.fmt == "csv":
            lines = iter(self.lines)
            first = next(lines, None)
            if first is None:
                raise UsageError("the file is empty: expected a header row")
            if self.sniffed:
                self.delimiter = sniff_delimiter(first)
            self._csv = csv.reader(itertools.chain([first], lines), delimiter=self.delimiter)
            try:
                self.header = next(self._csv)
            except StopIteration:
                raise UsageError("the file is empty: expected a header row") from None
            except csv.Error as exc:
                raise UsageError(f"line 1: the header row is not valid CSV: {exc}") from None  # noqa: EM102
            if self.lines.errors:
                raise UsageError(f"the header row: {self.lines.errors[0]}")  # noqa: EM102
        else:
            self._json = iter(self.lines)
            self._first: dict[str, Any] | None = None
            for text in self._json:
                if text.strip():
                    self._first, _ = self._object(text)
                    break
            if self._first is None:
                raise UsageError("the file is empty: expected JSON objects, one a line")
            self.header = list(self._first)
        self.col_at = self._find(self.column)
        self.column = self.header[self.col_at]
        self.region_at = None
        if self.region_column is not None:
            self.region_at = self._find(self.region_column)
            self.region_column = self.header[self.region_at]

    def _find(self, name: str) -> int:
        what = "column" if self.fmt == "csv" else "key"
        where = f"the first row (read with delimiter {self.delimiter!r})"
        if self.fmt != "csv":
            where = "the first row"
        return find_column(self.header, name, what, where)

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
            return _from_object(fields, self.column, self.region_column)
        text = fields[self.col_at] if self.col_at < len(fields) else ""
        if self.region_at is None or self.region_at >= len(fields):
            return text, None
        return text, fields[self.region_at].strip() or None


def find_column(header: list[str], name: str, what: str, where: str) -> int:
    """The position of a column: its exact name, else the one name equal ignoring case."""
    if name in header:
        return header.index(name)
    folded = name.casefold()
    near = [i for i, h in enumerate(header) if h.casefold() == folded]
    if len(near) == 1:
        return near[0]
    if near:
        names = ", ".join(repr(header[i]) for i in near)
        msg = f"{len(near)} {what}s match {name!r} ignoring case ({names}): give one exactly"
        raise UsageError(msg)
    columns = ", ".join(header) or "none"
    msg = f"no {what} named {name!r} in {where} (found: {columns})"
    raise UsageError(msg)


def _from_object(
    fields: dict[str, Any], column: str, region_column: str | None
) -> tuple[str, str | None]:
    phone = fields.get(column)
    region = None if region_column is None else fields.get(region_column)
    text = phone if isinstance(phone, str) else "" if phone is None else json.dumps(phone)
    return text, region if isinstance(region, str) and region.strip() else None


def _pyarrow() -> Any:
    try:
        import pyarrow.parquet as pq  # noqa: PLC0415 - an optional extra, only for Parquet
    except ImportError:
        msg = "Parquet needs pyarrow: pip install 'smscheck[arrow]'"
        raise UsageError(msg) from None
    return pq


class ParquetReader:
    """Rows of a Parquet file as dicts, read one record batch at a time (pyarrow)."""

    fmt = "parquet"
    delimiter = ","
    sniffed = False

    def __init__(self, stream: IO[bytes], column: str, region_column: str | None) -> None:
        self.stream = stream
        self.column = column
        self.region_column = region_column
        self.header: list[str] = []
        self.schema: Any = None
        self.row = 0
        self.start_line = 0

    @property
    def bytes_read(self) -> int:
        """How far into the file the reader is, for the progress line."""
        try:
            return self.stream.tell()
        except (OSError, ValueError):
            return 0

    def open(self) -> None:
        pq = _pyarrow()
        try:
            self.file = pq.ParquetFile(self.stream)
        except Exception as exc:  # noqa: BLE001 - pyarrow raises several kinds for bad files
            msg = f"not a Parquet file ({type(exc).__name__}: {exc})"
            raise UsageError(msg) from None
        self.schema = self.file.schema_arrow
        self.header = list(self.schema.names)
        where = "the file's columns"
        self.column = self.header[find_column(self.header, self.column, "column", where)]
        if self.region_column is not None:
            at = find_column(self.header, self.region_column, "column", where)
            self.region_column = self.header[at]

    def __iter__(self) -> Iterator[tuple[dict[str, Any], str | None]]:
        for batch in self.file.iter_batches(batch_size=FLUSH_ROWS * 4):
            for row in batch.to_pylist():
                self.row += 1
                self.start_line = self.row
                yield row, None

    def phone_and_region(self, fields: list[str] | dict[str, Any]) -> tuple[str, str | None]:
        """The row's phone text and region value (None when empty)."""
        if not isinstance(fields, dict):  # pragma: no cover - this reader yields dicts only
            raise TypeError(type(fields).__name__)
        return _from_object(fields, self.column, self.region_column)


class ParquetWriter:
    """Rows to a Parquet file, one row group per batch; the input's columns keep their types.

    The file is only whole once :meth:`close` writes its footer, which is why a scan writes
    to a temporary file renamed into place when it completes.
    """

    def __init__(self, stream: IO[bytes], schema: Any) -> None:
        self.stream = stream
        self.input_schema = schema
        self.rows: list[dict[str, Any]] = []
        self.pending = 0
        self.written = 0
        self.writer: Any = None

    def header(self, names: list[str]) -> None:
        import pyarrow as pa  # noqa: PLC0415 - an optional extra, only for Parquet

        known = (
            {}
            if self.input_schema is None
            else dict(zip(self.input_schema.names, self.input_schema.types, strict=True))
        )
        fields = [
            pa.field(name, pa.bool_() if name == "ok" else known.get(name, pa.string()))
            for name in names
        ]
        self.schema = pa.schema(fields)
        self.writer = _pyarrow().ParquetWriter(self.stream, self.schema)

    def row(self, values: dict[str, Any]) -> None:
        self.rows.append(values)
        self.pending += 1
        if self.pending >= FLUSH_ROWS * 16:
            self.flush()

    def flush(self) -> None:
        if self.rows:
            import pyarrow as pa  # noqa: PLC0415

            self.writer.write_table(pa.Table.from_pylist(self.rows, schema=self.schema))
            self.rows.clear()
        self.written += self.pending
        self.pending = 0

    def close(self) -> None:
        self.flush()
        self.writer.close()


class Writer:
    """Whole rows to a binary stream, in small batches, so an interrupted scan is well-formed."""

    def __init__(self, stream: IO[bytes], fmt: str, delimiter: str = ",") -> None:
        from .._report import SURROGATE  # noqa: PLC0415 - keeps --help from importing attrs

        self.stream = stream
        self.fmt = fmt
        self.surrogate = SURROGATE
        self.buffer = io.StringIO()
        self.csv = csv.writer(self.buffer, delimiter=delimiter, lineterminator="\n")
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
            line = json.dumps(values, ensure_ascii=False)
            if self.surrogate.search(line):  # a "\ud800" escape read from the input: keep it one
                line = json.dumps(values)
            self.buffer.write(line + "\n")
        self.pending += 1
        if self.pending >= FLUSH_ROWS or time.monotonic() - self.last_flush > FLUSH_SECONDS:
            self.flush()

    def flush(self) -> None:
        data = self.buffer.getvalue()
        if data:
            # An unpaired surrogate (from a JSON input's escape) cannot be UTF-8: a CSV
            # cell shows it as its escape, six characters.
            self.stream.write(data.encode("utf-8", "backslashreplace"))
            self.stream.flush()
            self.buffer.seek(0)
            self.buffer.truncate()
        self.written += self.pending
        self.pending = 0
        self.last_flush = time.monotonic()

    def close(self) -> None:
        self.flush()


class Output:
    """Where a scan writes: standard output, streamed; or a file, never half written.

    A file is written to a temporary file beside it, renamed into place by :meth:`close`
    only when the scan completed; an interrupted or failed scan leaves the old file (or
    none), and a killed one at most a ``.<name>.*.partial`` file beside it. A target that
    is the input itself (the same path, or the same file under another name) is refused. A
    target that is not a regular file (``/dev/null``, a named pipe) is written as a stream.
    """

    def __init__(self, target: str | None, source: IO[bytes], source_name: str) -> None:
        self.target = None if target in (None, "-") else Path(target)
        self.temporary: Path | None = None
        self.stream: IO[bytes] | None = None  # the file or device, once opened
        if self.target is not None and _same_file(source, self.target):
            msg = (
                f"--out {target} is the file being scanned ({source_name}); writing it would"
                " destroy the input: choose another output file"
            )
            raise UsageError(msg)

    @property
    def streamed(self) -> bool:
        """Whether the output goes to standard output as it is written."""
        return self.target is None

    def open(self) -> IO[bytes]:
        if self.target is None:
            return sys.stdout.buffer
        if self.target.exists() and not self.target.is_file():
            # A device or a pipe (/dev/null, a FIFO): written as a stream, never replaced.
            try:
                device = self.target.open("wb", buffering=0)
            except OSError as exc:
                msg = f"cannot write {self.target}: {exc.strerror or exc}"
                raise UsageError(msg) from None
            self.stream = device
            return device
        try:
            handle, name = tempfile.mkstemp(
                dir=self.target.parent, prefix=f".{self.target.name}.", suffix=".partial"
            )
        except OSError as exc:
            msg = f"cannot write {self.target}: {exc.strerror or exc}"
            raise UsageError(msg) from None
        self.temporary = Path(name)
        stream = os.fdopen(handle, "wb", buffering=0)
        self.stream = stream
        return stream

    def close(self, *, complete: bool) -> None:
        """Close a file output; move it into place when the scan is complete, else drop it."""
        if self.stream is not None:
            self.stream.close()
            self.stream = None
        if self.temporary is None:
            return
        if complete and self.target is not None:
            # mkstemp makes the file private: give it the old file's mode, or a new file's.
            try:
                mode = self.target.stat().st_mode & 0o7777
            except OSError:
                mode = 0o666 & ~_umask()
            with contextlib.suppress(OSError):
                self.temporary.chmod(mode)
            self.temporary.replace(self.target)
        else:
            self.temporary.unlink(missing_ok=True)
        self.temporary = None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _same_file(source: IO[bytes], target: Path) -> bool:
    try:
        there = target.stat()
        here = os.fstat(source.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        return False
    return (there.st_dev, there.st_ino) == (here.st_dev, here.st_ino)


def input_format(path: str, given: str | None) -> str:
    if given:
        return given
    lowered = path.lower()
    if lowered.endswith((".parquet", ".pq")):
        return "parquet"
    return "jsonl" if lowered.endswith((".jsonl", ".ndjson", ".json")) else "csv"
