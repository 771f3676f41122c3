"""The strict, bounded reader of smscheck's TOML data files.

Every data file (the carrier rules, and the overrides users give) is read the same way: at
most ``MAX_FILE_BYTES``, UTF-8 without BOM, no line longer than ``MAX_LINE_CHARS``, no nesting
deeper than ``MAX_DEPTH`` (checked before the recursive parser sees the text), then parsed by
``tomli``. Every problem is one exception of the caller's class naming the file, the key path
and the line. :class:`Validator` holds the checks a schema is built from; the line of a key
path is only computed when a check fails.
"""

from __future__ import annotations

import codecs
import datetime as dt
import difflib
import pathlib
import re
from typing import TYPE_CHECKING, Final, NoReturn

import tomli

from ._sources import SourceDef
from .exceptions import DataFileError

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

__all__ = [
    "MAX_DEPTH",
    "MAX_FILE_BYTES",
    "MAX_LINE_CHARS",
    "MAX_NAME_CHARS",
    "MAX_NOTE_CHARS",
    "MAX_TEXT_CHARS",
    "Locator",
    "SourceDef",
    "Validator",
    "decode",
    "did_you_mean",
    "kind_of",
    "line_of",
    "parse_toml",
    "read_path",
    "read_resource",
    "short",
]

#: Largest data file accepted, in bytes.
MAX_FILE_BYTES: Final = 2 * 1024 * 1024
#: Longest line accepted, in characters.
MAX_LINE_CHARS: Final = 4000
#: Deepest nesting of ``[`` and ``{`` accepted (counted outside strings and comments).
MAX_DEPTH: Final = 8

#: Longest one-line text (a message, a remedy, a title), in characters.
MAX_TEXT_CHARS: Final = 500
#: Longest note (a source's note, a conflict), in characters.
MAX_NOTE_CHARS: Final = 1000
#: Longest name (a publisher, a carrier), in characters.
MAX_NAME_CHARS: Final = 200
_MAX_URL_CHARS: Final = 2000

_ID_RE: Final = re.compile(r"[a-z0-9][a-z0-9-]*")
# A source address; rules files may write {region} for a page per region.
_URL_RE: Final = re.compile(r"https?://[^\s{}]+(?:\{region\}[^\s{}]*)*")
_PLAIN_URL_RE: Final = re.compile(r"https?://[^\s{}]+")
_SOURCE_KEYS: Final = ("publisher", "title", "url", "captured", "note")
# `captured` is optional: many vendor pages carry no date, and we do not invent one.
_SOURCE_REQUIRED: Final = ("publisher", "title", "url")
_CONTROL_RE: Final = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029]")
_LONG_LINE_RE: Final = re.compile(rf"^[^\n]{{{MAX_LINE_CHARS + 1}}}", re.MULTILINE)
_TOML_POS_RE: Final = re.compile(r"\s*\(at (?:line (\d+), column (\d+)|end of document)\)$")


# --------------------------------------------------------------------------- reading


def read_path(name: str, error: type[DataFileError]) -> str:
    """Read a data file given by path, bounded; any failure is one ``error``."""
    try:
        with pathlib.Path(name).open("rb") as stream:
            data = stream.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise error(name, "", None, f"cannot be read: {exc.strerror or exc}") from None
    except (ValueError, MemoryError) as exc:  # e.g. a NUL byte in the path
        raise error(name, "", None, f"cannot be read: {exc}") from None
    return decode(name, data, error)


def read_resource(resource: str, error: type[DataFileError]) -> tuple[str, str]:
    """Read a file shipped inside the package (``data/...``); return its name and text."""
    import importlib.resources  # noqa: PLC0415 - only when a packaged file is first read

    traversable = importlib.resources.files("smscheck").joinpath(resource)
    name = str(traversable)
    try:
        with traversable.open("rb") as stream:
            data = stream.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise error(name, "", None, f"cannot be read: {exc.strerror or exc}") from None
    return name, decode(name, data, error)


def decode(name: str, data: bytes, error: type[DataFileError]) -> str:
    """Decode a data file's bytes as UTF-8 (no BOM), after the size cap."""
    if len(data) > MAX_FILE_BYTES:
        raise error(name, "", None, f"the file is larger than {MAX_FILE_BYTES} bytes")
    if data.startswith(codecs.BOM_UTF8):
        raise error(
            name, "", 1, "the file starts with a byte order mark; save it as UTF-8 without BOM"
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise error(
            name, "", line, f"not valid UTF-8: byte 0x{data[exc.start]:02x} at offset {exc.start}"
        ) from None


def parse_toml(name: str, text: str, error: type[DataFileError]) -> dict[str, object]:
    """Parse a decoded data file as TOML, after the line-length and nesting caps."""
    long_line = _LONG_LINE_RE.search(text)
    if long_line is not None:
        line = text.count("\n", 0, long_line.start()) + 1
        raise error(name, "", line, f"the line is longer than {MAX_LINE_CHARS} characters")
    _check_depth(name, text, error)
    try:
        data = tomli.loads(text)
    except tomli.TOMLDecodeError as exc:
        message = str(exc)
        match = _TOML_POS_RE.search(message)
        if match is None:
            raise error(name, "", None, f"not valid TOML: {message}") from None
        reason = message[: match.start()]
        if match.group(1) is None:
            line, where = text.count("\n") + 1, " at the end of the file"
        else:
            line, where = int(match.group(1)), f" (column {match.group(2)})"
        raise error(name, "", line, f"not valid TOML: {reason}{where}") from None
    except RecursionError as exc:
        # Our depth cap comes first; tomli itself also refuses keys of over 1000 dotted parts
        # this way, with a message worth passing on.
        detail = f" ({exc})" if str(exc) and "recursion" not in str(exc) else ""
        raise error(name, "", None, f"the file is nested too deeply{detail}") from None
    except MemoryError:  # the size caps should prevent this
        raise error(name, "", None, "the file is too large to read") from None
    except Exception as exc:  # noqa: BLE001 - a parser bug: still one error
        raise error(name, "", None, f"not valid TOML: {type(exc).__name__}") from None
    return data


# --------------------------------------------------------------------------- locating


_STRING_OR_COMMENT: Final = r"""
      \#[^\n]*
    | \"\"\"(?:[^\\"]+|\\[\s\S]?|"{1,2}(?!"))*(?:"{3,5}|\Z)
    | "(?:[^"\\\n]+|\\[^\n]?)*"?
    | '''[\s\S]*?(?:'{3,5}|\Z)
    | '[^'\n]*'?
"""
# Lexes as the parser does, as far as nesting goes: strings and comments are skipped whole
# (their brackets do not count), so brackets are only counted where the parser would read
# them. Where the two could disagree (a quote where no string may start), the parser has
# already stopped with an error before reaching any bracket after it.
_DEPTH_RE: Final = re.compile(
    rf"(?:{_STRING_OR_COMMENT}) | (?P<open>[\[{{]) | (?P<close>[\]}}])", re.VERBOSE
)


_STRINGS_AND_COMMENTS_RE: Final = re.compile(_STRING_OR_COMMENT, re.VERBOSE)
_NOT_BRACKETS_RE: Final = re.compile(r"[^\[\]{}]+")
_INNERMOST_PAIR_RE: Final = re.compile(r"\[\]|\{\}")


def _check_depth(name: str, text: str, error: type[DataFileError]) -> None:
    """Refuse nesting deeper than MAX_DEPTH before the parser (which recurses) sees it.

    Fast path, all in the regex engine: drop strings and comments (lexed as TOML lexes
    them), keep only the brackets, then strip innermost pairs pass by pass: a well-formed
    text of nesting depth d is empty after d passes. Only when that fails (too deep, or
    unbalanced) does the exact walk below run, which also finds the line to report.
    """
    skeleton = _NOT_BRACKETS_RE.sub("", _STRINGS_AND_COMMENTS_RE.sub("", text))
    for _ in range(MAX_DEPTH):
        if not skeleton:
            return
        skeleton, removed = _INNERMOST_PAIR_RE.subn("", skeleton)
        if not removed:
            break
    if not skeleton:
        return
    _walk_depth(name, text, error)


def _walk_depth(name: str, text: str, error: type[DataFileError]) -> None:
    """The exact walk: raise with the line where nesting first passes MAX_DEPTH."""
    depth = 0
    for match in _DEPTH_RE.finditer(text):
        kind = match.lastgroup
        if kind == "open":
            depth += 1
            if depth > MAX_DEPTH:
                line = text.count("\n", 0, match.start()) + 1
                raise error(
                    name, "", line, f"arrays or tables nested deeper than {MAX_DEPTH} levels"
                )
        elif kind == "close" and depth:
            depth -= 1


_TOKEN_RE: Final = re.compile(
    r"""[ \t\r]*(?:
      (?P<nl>\n)
    | (?P<comment>\#[^\n]*)
    | (?P<mlbasic>\"\"\"(?:[^\\"]+|\\[\s\S]?|"{1,2}(?!"))*(?:"{3,5}|\Z))
    | (?P<basic>"(?:[^"\\\n]+|\\[^\n]?)*"?)
    | (?P<mlliteral>'''[\s\S]*?(?:'{3,5}|\Z))
    | (?P<literal>'[^'\n]*'?)
    | (?P<open>[\[{])
    | (?P<close>[\]}])
    | (?P<comma>,)
    | (?P<equals>=)
    | (?P<dot>\.)
    | (?P<word>[^\s\[\]{}"'\#,=.]+)
    | (?P<other>[\s\S])
    )""",
    re.VERBOSE,
)

_KEY_TOKENS: Final = frozenset({"word", "basic", "literal"})


def _unquote(kind: str | None, token: str) -> str:
    if kind == "literal":
        return token[1:-1]
    if kind == "basic":
        if "\\" not in token:
            return token[1:-1]
        try:
            value = tomli.loads(f"k = {token}")["k"]
        except tomli.TOMLDecodeError:
            return token[1:-1]
        return value if isinstance(value, str) else token[1:-1]
    return token


class Locator:
    """Find the line of every table header, key and array element, by key path.

    One pass over a text the parser accepted, lexing it as TOML does; records paths such
    as ``rules[3]``, ``rules[3].carriers[0]``, ``regions.RU.status``,
    ``rules[3].message.en`` (keys of inline tables). Only run when reporting an error.
    """

    def __init__(self) -> None:
        self.lines: dict[str, int] = {}
        self.arrays_of_tables: dict[str, int] = {}

    def _record(self, path: str, line: int) -> None:
        self.lines.setdefault(path, line)

    def _header_path(self, segments: list[str], is_array: bool, line: int) -> str:
        out = ""
        for i, segment in enumerate(segments):
            out = f"{out}.{segment}" if out else segment
            if is_array and i == len(segments) - 1:
                count = self.arrays_of_tables.get(out, 0)
                self.arrays_of_tables[out] = count + 1
                out = f"{out}[{count}]"
            elif out in self.arrays_of_tables:
                out = f"{out}[{self.arrays_of_tables[out] - 1}]"
            self._record(out, line)
        return out

    def scan(self, text: str) -> dict[str, int]:
        line = 1
        depth = 0
        table = ""
        state = "start"  # start | key | header | value | array | inline | after
        segments: list[str] = []
        is_array_header = False
        statement_line = 1
        value_path = ""
        element = -1
        expect_element = False
        inline_segments: list[str] = []
        inline_key_done = False
        for match in _TOKEN_RE.finditer(text):
            kind = match.lastgroup
            lexeme = match.group(kind) if kind else ""
            if kind == "nl":
                line += 1
                if depth == 0:
                    state = "start"
                continue
            if kind == "comment":
                continue
            token_line = line
            if kind in ("mlbasic", "mlliteral"):
                line += lexeme.count("\n")
            if kind == "open":
                depth += 1
            elif kind == "close":
                depth = max(depth - 1, 0)

            if state == "start":
                statement_line = token_line
                segments = []
                if kind == "open" and lexeme == "[":
                    state = "header"
                    is_array_header = text.startswith("[", match.end())
                elif kind in _KEY_TOKENS:
                    state = "key"
                    segments.append(_unquote(kind, lexeme))
                else:
                    state = "after"
            elif state == "header":
                if kind in _KEY_TOKENS:
                    segments.append(_unquote(kind, lexeme))
                elif kind == "close" and depth == 0:
                    table = self._header_path(segments, is_array_header, statement_line)
                    state = "after"
            elif state == "key":
                if kind in _KEY_TOKENS:
                    segments.append(_unquote(kind, lexeme))
                elif kind == "equals":
                    value_path = table
                    for segment in segments:
                        value_path = f"{value_path}.{segment}" if value_path else segment
                        self._record(value_path, statement_line)
                    state = "value"
                elif kind != "dot":
                    state = "after"
            elif state == "value":
                if kind == "open" and lexeme == "[":
                    state, element, expect_element = "array", -1, True
                elif kind == "open":
                    state, inline_segments, inline_key_done = "inline", [], False
                else:
                    state = "after"
            elif state == "array":
                if depth == 0:
                    state = "after"
                elif kind == "comma" and depth == 1:
                    expect_element = True
                elif expect_element:
                    element += 1
                    expect_element = False
                    self._record(f"{value_path}[{element}]", token_line)
            elif state == "inline":
                if depth == 0:
                    state = "after"
                elif depth == 1 and kind == "comma":
                    inline_segments, inline_key_done = [], False
                elif depth == 1 and not inline_key_done:
                    if kind in _KEY_TOKENS:
                        inline_segments.append(_unquote(kind, lexeme))
                    elif kind == "equals":
                        inline_key_done = True
                        path = value_path
                        for segment in inline_segments:
                            path = f"{path}.{segment}"
                            self._record(path, token_line)
        return self.lines


def line_of(lines: Mapping[str, int], key_path: str) -> int | None:
    path = key_path
    while path:
        found = lines.get(path)
        if found is not None:
            return found
        if path.endswith("]") and "[" in path:
            path = path[: path.rindex("[")]
        else:
            path = path[: max(path.rfind("."), 0)]
    return None


# --------------------------------------------------------------------------- checking values


def kind_of(value: object) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a float"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, dt.datetime):
        return "a date-time"
    if isinstance(value, dt.date):
        return "a date"
    if isinstance(value, dt.time):
        return "a time"
    return type(value).__name__


def did_you_mean(value: str, options: Sequence[str]) -> str:
    close = difflib.get_close_matches(value, options, n=1, cutoff=0.6)
    if not close:
        close = [o for o in options if o.casefold() == value.casefold()]
    if not close and value:
        starting = [o for o in options if o.startswith(value)]
        close = starting if len(starting) == 1 else []
    return f"; did you mean '{close[0]}'?" if close else ""


def short(value: str) -> str:
    return value if len(value) <= 40 else value[:37] + "..."


class Validator:
    """Checks on the values of one parsed data file; every failure names file, key path, line.

    Subclasses add the checks of one schema. ``error`` is the exception class raised;
    ``region_urls`` says whether source addresses may hold a ``{region}`` placeholder.
    """

    error: type[DataFileError] = DataFileError
    region_urls: bool = False

    def __init__(self, name: str, text: str) -> None:
        self.name = name
        self.text = text

    def fail(self, key_path: str, reason: str) -> NoReturn:
        lines = Locator().scan(self.text)  # only on failure: the happy path skips it
        raise self.error(self.name, key_path, line_of(lines, key_path), reason)

    def table(self, value: object, kp: str) -> dict[str, object]:
        if type(value) is not dict:
            self.fail(kp, f"must be a table, not {kind_of(value)}")
        return value

    def keys(
        self, table: Mapping[str, object], allowed: Sequence[str], required: Sequence[str], kp: str
    ) -> None:
        for key in table:
            if key not in allowed:
                where = f"{kp}.{key}" if kp else key
                self.fail(where, f"unknown key '{short(key)}'{did_you_mean(key, allowed)}")
        for key in required:
            if key not in table:
                self.fail(f"{kp}.{key}" if kp else key, f"required key '{key}' is missing")

    def string(self, value: object, kp: str, *, max_chars: int) -> str:
        if type(value) is not str:
            self.fail(kp, f"must be a string, not {kind_of(value)}")
        if not value.strip():
            self.fail(kp, "must not be empty")
        if value != value.strip():
            self.fail(kp, "must not start or end with white space")
        if _CONTROL_RE.search(value):
            self.fail(kp, "must be one line, without control characters")
        if len(value) > max_chars:
            self.fail(kp, f"must be at most {max_chars} characters long, not {len(value)}")
        return value

    def date(self, value: object, kp: str) -> str:
        if type(value) is not dt.date:
            if type(value) is str:
                self.fail(kp, "must be a TOML date written without quotes, e.g. 2026-05-09")
            self.fail(kp, f"must be a date, e.g. 2026-05-09, not {kind_of(value)}")
        return value.isoformat()

    def choice(self, value: object, kp: str, options: Sequence[str], what: str) -> str:
        if type(value) is not str:
            self.fail(kp, f"must be a string, not {kind_of(value)}")
        if value not in options:
            self.fail(kp, f"'{short(value)}' is not {what}{did_you_mean(value, options)}")
        return value

    def array(self, value: object, kp: str) -> list[object]:
        if type(value) is not list:
            self.fail(kp, f"must be an array, not {kind_of(value)}")
        if not value:
            self.fail(kp, "must not be empty (leave the key out instead)")
        return value

    def unique(self, items: Sequence[str], kp: str, *, fold: bool = False) -> None:
        seen: set[str] = set()
        for i, item in enumerate(items):
            key = item.casefold() if fold else item
            if key in seen:
                self.fail(f"{kp}[{i}]", f"'{short(item)}' is listed twice")
            seen.add(key)

    def ident(self, value: str, kp: str, what: str) -> None:
        if not _ID_RE.fullmatch(value):
            self.fail(
                kp,
                f"{what} '{short(value)}' must be lower-case ASCII letters, digits and '-'"
                ", starting with a letter or digit",
            )

    def schema_version(self, value: object, supported: int) -> None:
        """The file's ``schema_version``: an integer, the one this smscheck reads."""
        if type(value) is not int:
            self.fail("schema_version", f"must be an integer, not {kind_of(value)}")
        if value != supported:
            self.fail(
                "schema_version",
                f"schema version {value} is not supported; this smscheck reads version {supported}",
            )

    def texts(self, raw: object, kp: str, languages: Sequence[str]) -> tuple[tuple[str, str], ...]:
        """An inline table with one text per language, every language required."""
        table = self.table(raw, kp)
        self.keys(table, languages, languages, kp)
        return tuple(
            (lang, self.string(table[lang], f"{kp}.{lang}", max_chars=MAX_TEXT_CHARS))
            for lang in languages
        )

    def source(self, sid: str, raw: object) -> SourceDef:
        """One ``[sources.<id>]`` table."""
        kp = f"sources.{sid}"
        self.ident(sid, kp, "source id")
        table = self.table(raw, kp)
        self.keys(table, _SOURCE_KEYS, _SOURCE_REQUIRED, kp)
        url = table["url"]
        if type(url) is not str:
            self.fail(f"{kp}.url", f"must be a string, not {kind_of(url)}")
        pattern = _URL_RE if self.region_urls else _PLAIN_URL_RE
        if len(url) > _MAX_URL_CHARS or not pattern.fullmatch(url):
            placeholder = "; the only placeholder allowed is {region}" if self.region_urls else ""
            self.fail(f"{kp}.url", f"must be an http(s) address without spaces{placeholder}")
        if "note" in table:
            self.string(table["note"], f"{kp}.note", max_chars=MAX_NOTE_CHARS)
        return SourceDef(
            id=sid,
            publisher=self.string(table["publisher"], f"{kp}.publisher", max_chars=MAX_NAME_CHARS),
            title=self.string(table["title"], f"{kp}.title", max_chars=MAX_TEXT_CHARS),
            url=url,
            captured=(
                self.date(table["captured"], f"{kp}.captured") if "captured" in table else None
            ),
        )
