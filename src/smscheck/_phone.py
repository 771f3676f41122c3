"""The one place that talks to phonenumbers: guarded calls, and its ints turned into our enums.

Every function here takes the clean ASCII digit strings made by ``_normalize`` and never raw
text, so phonenumbers' slow paths on hostile input (RFC 3966 parameters, separator runs,
alpha conversion of long strings) are out of reach. Lengths are capped again here, as a second
line of defence for callers inside smscheck.
"""

from __future__ import annotations

import enum
import functools
import itertools
import re
from typing import TYPE_CHECKING, Any, Final

import phonenumbers
from phonenumbers import (
    PhoneMetadata,
    PhoneNumberType,
    ValidationResult,
    phonenumberutil,
    shortnumberinfo,
)

from ._codes import LineType
from ._pattern_code import compiled
from ._pattern_heads import HEAD, fits

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping

__all__ = [
    "SEPARATOR_COUNTS",
    "ParseFailure",
    "Parsed",
    "Reading",
    "build_carrier_index",
    "build_example_bounds_index",
    "build_example_index",
    "build_format_index",
    "build_general_pattern_texts",
    "build_international_prefixes",
    "build_leading_digits_texts",
    "build_leading_zero_codes",
    "build_national_prefix_regions",
    "build_pattern_code",
    "build_pattern_heads",
    "build_plan_sizes",
    "build_plans",
    "build_type_index",
    "carrier_name",
    "counted_length",
    "country_code_for_region",
    "densest_sizes",
    "example_bounds",
    "example_length",
    "example_national_numbers",
    "fixed_line_size",
    "general_pattern_texts",
    "international_format",
    "international_prefix_length",
    "international_prefixes",
    "is_portable_region",
    "is_short_code",
    "keypad_digits",
    "leading_digits_texts",
    "metadata_version",
    "mobile_lengths",
    "national_layouts",
    "national_prefix",
    "national_prefix_regions",
    "own_numbers_test",
    "parse",
    "pattern_heads",
    "plan_size",
    "plan_sizes",
    "plans",
    "plausible",
    "possible_lengths",
    "read",
    "reading_of",
    "region_for_country_code",
    "regions_for_country_code",
    "separator",
    "split_country_code",
    "supported_regions",
    "typical_length",
    "written_trunks",
]

# Compile each metadata pattern once and keep it. Without this, a mixed-region stream spends
# most of its time recompiling: Python's re cache holds 512 patterns, the metadata has
# thousands (benchmarks/bench_check.py times phonenumbers with and without it).
phonenumbers.enable_pattern_cache()

_MAX_DIGITS: Final = 20

_LINE_TYPES: Final[dict[int, LineType]] = {
    PhoneNumberType.FIXED_LINE: LineType.FIXED_LINE,
    PhoneNumberType.MOBILE: LineType.MOBILE,
    PhoneNumberType.FIXED_LINE_OR_MOBILE: LineType.FIXED_LINE_OR_MOBILE,
    PhoneNumberType.TOLL_FREE: LineType.TOLL_FREE,
    PhoneNumberType.PREMIUM_RATE: LineType.PREMIUM_RATE,
    PhoneNumberType.SHARED_COST: LineType.SHARED_COST,
    PhoneNumberType.VOIP: LineType.VOIP,
    PhoneNumberType.PERSONAL_NUMBER: LineType.PERSONAL_NUMBER,
    PhoneNumberType.PAGER: LineType.PAGER,
    PhoneNumberType.UAN: LineType.UAN,
    PhoneNumberType.VOICEMAIL: LineType.VOICEMAIL,
    PhoneNumberType.UNKNOWN: LineType.UNKNOWN,
}

# The metadata's descriptions, in the order phonenumbers' own number_type tests them.
_DESCS: Final = (
    "fixed_line",
    "mobile",
    "toll_free",
    "premium_rate",
    "shared_cost",
    "personal_number",
    "voip",
    "pager",
    "uan",
    "voicemail",
)


class Possibility:
    """phonenumbers' ValidationResult, named."""

    IS_POSSIBLE: Final = ValidationResult.IS_POSSIBLE
    LOCAL_ONLY: Final = ValidationResult.IS_POSSIBLE_LOCAL_ONLY
    INVALID_COUNTRY_CODE: Final = ValidationResult.INVALID_COUNTRY_CODE
    TOO_SHORT: Final = ValidationResult.TOO_SHORT
    TOO_LONG: Final = ValidationResult.TOO_LONG
    INVALID_LENGTH: Final = ValidationResult.INVALID_LENGTH


# Parsed and Reading are internal and made on every check, so they are plain slotted
# classes: an attrs frozen class costs about a microsecond more to build, twice per check.
# Neither ever leaves the package (results are the frozen attrs types of _report).


class Parsed:
    """What phonenumbers read from a digit string, before validation.

    Attributes:
        country_code: The country calling code.
        national_number: The national significant number.
        from_text: Whether the country code came from the text (``+`` or an international
            prefix) rather than from the region hint.
        stripped_trunk_prefix: Whether phonenumbers removed a national (trunk) prefix such as
            ``0`` or ``8``.
        number: phonenumbers' own object, kept so that later calls need not rebuild it. It is
            mutable and never leaves this package's private modules.
    """

    __slots__ = ("_number", "country_code", "from_text", "national_number", "stripped_trunk_prefix")

    def __init__(
        self,
        country_code: int,
        national_number: str,
        from_text: bool,
        stripped_trunk_prefix: bool,
        number: phonenumbers.PhoneNumber | None = None,
    ) -> None:
        self.country_code = country_code
        self.national_number = national_number
        self.from_text = from_text
        self.stripped_trunk_prefix = stripped_trunk_prefix
        self._number = number

    @property
    def number(self) -> phonenumbers.PhoneNumber:
        """The number as phonenumbers' object, built on first use: few candidates need it."""
        if self._number is None:
            self._number = _number_of(self.country_code, self.national_number)
        return self._number

    def __repr__(self) -> str:
        return (
            f"Parsed(+{self.country_code} {self.national_number}, from_text={self.from_text},"
            f" stripped_trunk_prefix={self.stripped_trunk_prefix})"
        )


class Reading:
    """A parsed number, validated.

    Attributes:
        parsed: What phonenumbers read.
        region: The number's region, ``None`` when unknown or non-geographic.
        line_type: The line type; ``UNKNOWN`` for an invalid number.
        possibility: phonenumbers' length verdict (a :class:`Possibility` value).
    """

    __slots__ = ("line_type", "parsed", "possibility", "region")

    def __init__(
        self, parsed: Parsed, region: str | None, line_type: LineType, possibility: int
    ) -> None:
        self.parsed = parsed
        self.region = region
        self.line_type = line_type
        self.possibility = possibility

    def __repr__(self) -> str:
        return f"Reading({self.e164}, {self.region}, {self.line_type.value})"

    @property
    def valid(self) -> bool:
        """Whether the number is in an allocated range."""
        return self.line_type is not LineType.UNKNOWN

    @property
    def e164(self) -> str:
        """The E.164 form: ``+``, country code, national significant number."""
        return f"+{self.parsed.country_code}{self.parsed.national_number}"


_FROM_DEFAULT = phonenumbers.CountryCodeSource.FROM_DEFAULT_COUNTRY


class ParseFailure(enum.Enum):
    """Why phonenumbers could not read a digit string."""

    INVALID_COUNTRY_CODE = "invalid_country_code"
    TOO_SHORT = "too_short"
    TOO_LONG = "too_long"
    NOT_A_NUMBER = "not_a_number"


_PARSE_FAILURES: Final = {
    phonenumbers.NumberParseException.INVALID_COUNTRY_CODE: ParseFailure.INVALID_COUNTRY_CODE,
    phonenumbers.NumberParseException.TOO_SHORT_AFTER_IDD: ParseFailure.TOO_SHORT,
    phonenumbers.NumberParseException.TOO_SHORT_NSN: ParseFailure.TOO_SHORT,
    phonenumbers.NumberParseException.TOO_LONG: ParseFailure.TOO_LONG,
}


def parse(digits: str, *, plus: bool, region: str | None) -> Parsed | ParseFailure:
    """Read a clean digit string, or say why phonenumbers cannot make a number of it.

    The common shapes (``+`` and a country code; a national number under its region, typed
    without trunk prefix) are read straight from the metadata (:func:`_fast_parse`); every
    other input goes through ``phonenumbers.parse``. Both give the same answer:
    tests/test_phone.py compares them over every region, line type, form and mistake.
    """
    if not digits.isascii() or not digits.isdecimal():
        return ParseFailure.NOT_A_NUMBER
    if len(digits) > _MAX_DIGITS:
        return ParseFailure.TOO_LONG
    fast = _fast_parse(digits, plus, region)
    if fast is not None:
        return fast
    return _full_parse(digits, plus=plus, region=region)


# phonenumbers' bounds on a national significant number (MIN/MAX_LENGTH_FOR_NSN).
_MIN_NSN: Final = 2
_MAX_NSN: Final = 17


class _Parsing:
    """What phonenumbers.parse consults for one region or country code, compiled once."""

    __slots__ = ("country_code", "idd", "own_code", "trunk")

    def __init__(self, metadata: PhoneMetadata) -> None:
        self.country_code = int(metadata.country_code or 0)
        self.own_code = str(self.country_code)
        prefix = metadata.national_prefix_for_parsing
        self.trunk = compiled(prefix) if prefix else None
        idd = metadata.international_prefix
        self.idd = compiled(idd) if idd else None


@functools.cache
def _parsing_for_code(country_code: int) -> _Parsing | None:
    metadata = _metadata(country_code, None)
    return None if metadata is None else _Parsing(metadata)


@functools.cache
def _parsing_for_region(region: str) -> _Parsing | None:
    metadata = PhoneMetadata.metadata_for_region(region, None)
    return None if metadata is None else _Parsing(metadata)


def _fast_parse(digits: str, plus: bool, region: str | None) -> Parsed | None:
    """``phonenumbers.parse`` for the shapes where it would change nothing, or ``None``.

    With ``+``: the country code split off (codes are prefix-free), and a national number
    that the metadata's ``national_prefix_for_parsing`` does not match at its start (that
    pattern is the only thing parse() would apply to it). Under a region: digits that neither
    start with the region's international prefix, nor with its own country code, nor with
    its trunk prefix. A national number starting with 0 (Italy's, kept as a leading zero),
    a length outside phonenumbers' bounds, or any other case returns ``None``: the full parse.
    """
    if len(digits) <= _MIN_NSN + 1 or digits[0] == "0":
        return None
    if plus:
        split = split_country_code(digits)
        if split is None:
            return None
        country_code, national = split
        parsing = _parsing_for_code(country_code)
    elif region is not None:
        national = digits
        parsing = _parsing_for_region(region)
        if parsing is None or digits.startswith(parsing.own_code):
            return None
        if parsing.idd is not None and parsing.idd.match(digits):
            return None
        country_code = parsing.country_code
    else:
        return None
    if parsing is None or not _MIN_NSN <= len(national) <= _MAX_NSN or national[0] == "0":
        return None
    if parsing.trunk is not None and parsing.trunk.match(national):
        return None
    return Parsed(country_code, national, from_text=plus, stripped_trunk_prefix=False)


def _full_parse(digits: str, *, plus: bool, region: str | None) -> Parsed | ParseFailure:
    """``phonenumbers.parse`` on a clean digit string."""
    text = "+" + digits if plus else digits
    try:
        # keep_raw_input=True only so that country_code_source says where the code came from.
        number = phonenumbers.parse(text, None if plus else region, keep_raw_input=not plus)
    except phonenumbers.NumberParseException as error:
        return _PARSE_FAILURES.get(error.error_type, ParseFailure.NOT_A_NUMBER)
    national = phonenumberutil.national_significant_number(number)
    from_text = plus or number.country_code_source != _FROM_DEFAULT
    trunk = not from_text and len(national) < len(digits)
    return Parsed(int(number.country_code or 0), national, from_text, trunk, number)


def _number_of(country_code: int, national_number: str) -> phonenumbers.PhoneNumber:
    number = phonenumbers.PhoneNumber(
        country_code=country_code, national_number=int(national_number)
    )
    leading_zeros = len(national_number) - len(national_number.lstrip("0"))
    if leading_zeros:
        number.italian_leading_zero = True
        if leading_zeros > 1:
            number.number_of_leading_zeros = leading_zeros
    return number


# The line types phonenumbers tests before the fixed-line and mobile ones, in its order.
_SPECIAL_TYPES: Final = (
    ("premium_rate", PhoneNumberType.PREMIUM_RATE),
    ("toll_free", PhoneNumberType.TOLL_FREE),
    ("shared_cost", PhoneNumberType.SHARED_COST),
    ("voip", PhoneNumberType.VOIP),
    ("personal_number", PhoneNumberType.PERSONAL_NUMBER),
    ("pager", PhoneNumberType.PAGER),
    ("uan", PhoneNumberType.UAN),
    ("voicemail", PhoneNumberType.VOICEMAIL),
)


class _Desc:
    """One PhoneNumberDesc's test: the lengths it allows (empty: any), and its pattern.

    The pattern is compiled on first use: most descriptions are never reached by a number,
    and until then a number whose first digits its pattern cannot start with
    (:func:`pattern_heads`) fails without compiling it.
    """

    __slots__ = ("_fullmatch", "gate", "lengths", "pattern")

    def __init__(self, lengths: frozenset[int], pattern: str) -> None:
        self.lengths = lengths
        self.pattern = pattern
        self.gate = _Gate(_WHOLE, (pattern,))
        self._fullmatch: Callable[[str], re.Match[str] | None] | None = None

    def matches(self, number: str) -> bool:
        if self.lengths and len(number) not in self.lengths:
            return False
        fullmatch = self._fullmatch
        if fullmatch is None:
            if not self.gate.admits(number):
                return False
            fullmatch = self._fullmatch = compiled(self.pattern).fullmatch
        return fullmatch(number) is not None


# The tables of pattern_heads(): patterns matched in full, and leading digits (at the start).
_WHOLE: Final = 0
_LEADING: Final = 1
_UNREAD: Final = -2  # a gate's mask not looked up yet
_NO_MASK: Final = -1  # a pattern without a mask: every number fits


class _Gate:
    """Whether a number could match patterns not compiled yet: their head mask.

    The mask (the heads any of ``patterns`` fits, from :func:`pattern_heads`) is looked up
    on first use and kept; a test asks its gate only until its pattern is compiled.
    """

    __slots__ = ("_mask", "patterns", "table")

    def __init__(self, table: int, patterns: tuple[str, ...]) -> None:
        self.table = table
        self.patterns = patterns
        self._mask = _UNREAD

    def mask(self) -> int:
        """The heads any of the patterns fits; ``_NO_MASK`` when one has no mask."""
        mask = self._mask
        if mask == _UNREAD:
            masks = pattern_heads()[self.table]
            mask = 0
            for pattern in self.patterns:
                found = masks.get(pattern)
                if found is None:
                    mask = _NO_MASK
                    break
                mask |= found
            self._mask = mask
        return mask

    def admits(self, number: str) -> bool:
        mask = self.mask()
        return mask == _NO_MASK or fits(mask, number)


def _desc(desc: object) -> _Desc | None:
    """One PhoneNumberDesc; ``None`` where phonenumbers' test is always false."""
    return _desc_of_row(_desc_row(desc))


def _desc_of_row(row: _DescRow) -> _Desc | None:
    """The test of one :data:`_DescRow`."""
    return None if row is None else _Desc(frozenset(row[0]), row[1])


# One PhoneNumberDesc as the prebuilt type tables hold it (``None``: phonenumbers' test is
# always false): the lengths it allows and its pattern.
_DescRow = tuple[tuple[int, ...], str] | None
# A region's line-type tests as the prebuilt type tables hold them: one row per name of
# ``_TYPE_DESCS``, and the metadata's "same mobile and fixed-line pattern" flag.
_TypeRows = tuple[tuple[_DescRow, ...], bool]
_TYPE_DESCS: Final = ("general_desc", "fixed_line", "mobile", *(name for name, _ in _SPECIAL_TYPES))


def _desc_row(desc: object) -> _DescRow:
    if desc is None:
        return None
    pattern = getattr(desc, "national_number_pattern", None)
    if not pattern:
        return None
    return tuple(getattr(desc, "possible_length", ()) or ()), str(pattern)


def _type_rows(metadata: PhoneMetadata) -> _TypeRows:
    rows = tuple(_desc_row(getattr(metadata, name, None)) for name in _TYPE_DESCS)
    return rows, bool(metadata.same_mobile_and_fixed_line_pattern)


class _Types:
    """One region's line-type tests, built once from its prebuilt rows (:data:`_TypeRows`).

    ``by_first``: the special line types, in their order, that a number of three digits or
    more starting with each digit can be (from their head masks): a mobile number is not
    tested against a toll-free pattern that only numbers starting with 8 match.
    """

    __slots__ = ("by_first", "fixed", "general", "mobile", "same", "special")

    def __init__(self, rows: _TypeRows) -> None:
        descs = [_desc_of_row(row) for row in rows[0]]
        self.general, self.fixed, self.mobile = descs[:3]
        self.special = tuple(
            (kind, found)
            for (_, kind), found in zip(_SPECIAL_TYPES, descs[3:], strict=True)
            if found is not None
        )
        self.same = rows[1]
        masks = [desc.gate.mask() for _, desc in self.special]
        self.by_first = {
            digit: tuple(
                special
                for special, mask in zip(self.special, masks, strict=True)
                if mask == _NO_MASK or mask >> (int(digit) * _SPAN) & _FIRST
            )
            for digit in "0123456789"
        }


# The bits of a head mask whose heads start with one digit: 100 of them, from 100 * digit.
_SPAN: Final = 10 ** (HEAD - 1)
_FIRST: Final = (1 << _SPAN) - 1


def _matches(number: str, desc: _Desc | None) -> bool:
    return desc is not None and desc.matches(number)


def _number_type(number: str, types: _Types) -> int:
    """Phonenumbers' ``_number_type_helper``, on patterns compiled once.

    The same tests in the same order (the general description, the special line types, then
    fixed line and mobile with the metadata's "same pattern" flag); phonenumbers looks each
    pattern up by its text on every test. tests/test_phone.py checks the answers equal
    phonenumbers' own over every region's numbers.
    """
    if not _matches(number, types.general):
        return PhoneNumberType.UNKNOWN
    specials = types.special if len(number) < HEAD else types.by_first.get(number[0], types.special)
    for kind, desc in specials:
        if _matches(number, desc):
            return kind
    if _matches(number, types.fixed):
        if types.same or _matches(number, types.mobile):
            return PhoneNumberType.FIXED_LINE_OR_MOBILE
        return PhoneNumberType.FIXED_LINE
    if not types.same and _matches(number, types.mobile):
        return PhoneNumberType.MOBILE
    return PhoneNumberType.UNKNOWN


class _Leading:
    """A region's leading-digits test under a shared code, compiled on first use."""

    __slots__ = ("_match", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._match: Callable[[str], re.Match[str] | None] | None = None

    def __call__(self, number: str) -> bool:
        match = self._match
        if match is None:
            match = self._match = compiled(self.text).match
        return match(number) is not None


@functools.cache
def _regions_of_code(country_code: int) -> tuple[tuple[str, _Leading | None], ...]:
    """The regions of a country code, in the metadata's order, with their leading digits.

    From the prebuilt :func:`leading_digits_texts`, so that a reading under +1 loads the
    metadata of the regions it is tested against (those without leading digits, and the one
    whose leading digits match), not of all 25.
    """
    shared = leading_digits_texts().get(country_code)
    if shared is None:
        return tuple((region, None) for region in _REGIONS_BY_CODE.get(country_code, ()))
    return tuple((region, None if text is None else _Leading(text)) for region, text in shared)


@functools.cache
def _region_types(country_code: int, region: str) -> _Types | None:
    """One region's line-type tests (a non-geographic code's region is ``"001"``)."""
    rows = _type_rows_of(country_code).get(region)
    return None if rows is None else _Types(rows)


def build_type_index() -> dict[int, bytes]:
    """Every region's line-type tests (``_TypeRows``), cut by country code (:func:`_part`).

    Validating a number needs its region's line-type patterns and nothing else of its
    metadata, and loading one region's metadata costs about 0.2 ms: the typo search reads
    candidates in forty or fifty plans on a process's first mistyped national number.
    """
    parts: dict[int, dict[str, _TypeRows]] = {}
    for country_code, metadata in _every_metadata():
        parts.setdefault(country_code, {})[str(metadata.id)] = _type_rows(metadata)
    return _cut(parts)


@functools.cache
def _type_rows_of(country_code: int) -> dict[str, _TypeRows]:
    """One country code's regions' line-type tests, by region (``"001"``: non-geographic)."""
    part: dict[str, _TypeRows] = _part("types", country_code) or {}
    return part


# --- Tables cut by country code ---------------------------------------------------------------
#
# What the metadata of a country code's regions is read for on some first call (validating,
# formatting, its example numbers), prebuilt (``_prebuilt``) for the installed phonenumbers
# version as one pickle per code: the first call under a code unpickles that code's part in
# microseconds, where loading the metadata of its regions costs about 0.2 ms a region.


@functools.cache
def _index(name: str) -> dict[int, bytes]:
    from . import _prebuilt  # noqa: PLC0415

    return _prebuilt.load(name, metadata_version(), _INDEX_BUILDERS[name])


def _part(name: str, country_code: int) -> Any:
    """One country code's part of the prebuilt table ``name``; ``None`` for no part."""
    from . import _prebuilt  # noqa: PLC0415

    return _prebuilt.part_of(_index(name), country_code)


def _cut(parts: Mapping[int, object]) -> dict[int, bytes]:
    from . import _prebuilt  # noqa: PLC0415

    return _prebuilt.cut(parts)


def _region_and_type(country_code: int, national_number: str) -> tuple[str | None, int]:
    """``region_code_for_number`` and ``number_type`` in one pass.

    phonenumbers answers the two separately, and for a country code shared by several
    regions (+1 has 25, +44 four, +7 two) finding the region already computes the type
    against each candidate region's metadata; number_type() then does it all again. This
    walks the regions the same way (leading digits where the metadata has them, else full
    type matching, in the metadata's order) and keeps the type it found. A region whose
    leading digits do not match is passed over without loading its metadata.
    tests/test_phone.py checks the answers equal phonenumbers' own on every example number.
    """
    regions = _regions_of_code(country_code)
    if len(regions) == 1:
        region = regions[0][0]
        types = _region_types(country_code, region)
        if types is None:  # pragma: no cover - every listed region has metadata
            return None, PhoneNumberType.UNKNOWN
        return region, _number_type(national_number, types)
    for region, leading in regions:
        if leading is not None and not leading(national_number):
            continue
        types = _region_types(country_code, region)
        if types is None:  # pragma: no cover - every listed region has metadata
            continue
        kind = _number_type(national_number, types)
        if leading is not None or kind != PhoneNumberType.UNKNOWN:
            return region, kind
    return None, PhoneNumberType.UNKNOWN


@functools.cache
def leading_digits_texts() -> dict[int, tuple[tuple[str, str | None], ...]]:
    """Each shared country code's regions, in the metadata's order, with their leading digits.

    Prebuilt (``_prebuilt``) for the installed phonenumbers version: reading them from the
    metadata would load every region of the code.
    """
    from . import _prebuilt  # noqa: PLC0415

    return _prebuilt.load("leading_digits", metadata_version(), build_leading_digits_texts)


def build_leading_digits_texts() -> dict[int, tuple[tuple[str, str | None], ...]]:
    """:func:`leading_digits_texts`, computed from the metadata."""
    out = {}
    for country_code, regions in sorted(_REGIONS_BY_CODE.items()):
        if len(regions) < 2:
            continue
        rows = []
        for region in regions:
            metadata = _metadata(country_code, region)
            if metadata is not None:
                leading = metadata.leading_digits
                rows.append((region, None if leading is None else str(leading)))
        out[country_code] = tuple(rows)
    return out


_REGIONS_BY_CODE: Final = phonenumbers.COUNTRY_CODE_TO_REGION_CODE


def own_numbers_test(
    country_code: int, region: str | None
) -> tuple[Callable[[str], re.Match[str] | None], bool] | None:
    """A cheap test of "this national number may be one of the plan's", and what it proves.

    One regex, the region's line-type patterns in one alternation, for the code's only
    region, or for ``region`` where it is one of several sharing the code (``None``
    otherwise). With it, whether a number it rejects is surely invalid under the code
    (``True`` for a code of one region: every valid number matches one of its type
    patterns) or may still be another region's.

    A test to sort by, not a validation: what it passes is still read. It lets the slip
    search read only the completions that can be valid (a few among dozens in a sparse
    plan), and, under a shared code, the form's own apart from the other regions' (Trinidad's
    few among all of +1's).
    """
    regions = _REGIONS_BY_CODE.get(country_code, ())
    if len(regions) == 1:
        region = regions[0]
    elif region not in regions:
        return None
    test = _own_pattern(country_code, region)
    return None if test is None else (test, len(regions) == 1)


@functools.lru_cache(maxsize=64)
def _own_pattern(
    country_code: int, region: str | None
) -> Callable[[str], re.Match[str] | None] | None:
    non_geo = region is None or region == phonenumbers.REGION_CODE_FOR_NON_GEO_ENTITY
    rows = _type_rows_of(country_code).get(
        phonenumbers.REGION_CODE_FOR_NON_GEO_ENTITY if non_geo else str(region)
    )
    text = None if rows is None else _own_pattern_text(rows)
    return None if text is None else compiled(text).fullmatch


def _own_pattern_text(rows: _TypeRows) -> str | None:
    """A region's line-type patterns (fixed line, mobile, the special types) in one regex."""
    patterns = [row[1] for row in rows[0][1:] if row is not None]
    return _alternation(patterns) if patterns else None


def _alternation(patterns: Iterable[str]) -> str:
    """One regex matching what any of ``patterns`` matches (the pattern itself, if one)."""
    texts = list(patterns)
    if len(texts) == 1:
        return texts[0]
    return "|".join(f"(?:{pattern})" for pattern in texts)


def read(parsed: Parsed, *, reasons: bool = True) -> Reading:
    """Validate a parsed number: its region, line type and length verdict.

    With ``reasons=False`` an invalid number's length verdict is not asked for (a typo
    candidate that is invalid is dropped whatever its reason): ``INVALID_LENGTH`` stands in.
    """
    region, kind = _region_and_type(parsed.country_code, parsed.national_number)
    line_type = _LINE_TYPES.get(kind, LineType.UNKNOWN)
    if line_type is not LineType.UNKNOWN:
        possibility = Possibility.IS_POSSIBLE
    elif reasons:
        possibility = phonenumbers.is_possible_number_with_reason(parsed.number)
    else:
        possibility = Possibility.INVALID_LENGTH
    if region == phonenumbers.REGION_CODE_FOR_NON_GEO_ENTITY:
        region = None
    return Reading(parsed, region, line_type, possibility)


_CARRIER_TYPES: Final = frozenset({LineType.MOBILE, LineType.FIXED_LINE_OR_MOBILE, LineType.PAGER})


def build_carrier_index() -> dict[int, bytes]:
    """Phonenumbers' carrier data, cut by country code, each part pickled on its own.

    ``phonenumbers.carrierdata`` is one table of 29,000 prefixes for every country: importing
    it cost 30 to 100 ms on the first mobile of a country other than Russia (whose carriers
    come from the registry). Prebuilt (``_prebuilt``) and cut by country code, the first
    mobile of a country unpickles that country's part only, in about a millisecond; each
    part shares one dict per distinct set of names, so a country with thousands of prefixes
    and a handful of carriers stays small.
    """
    from phonenumbers.carrierdata import CARRIER_DATA  # noqa: PLC0415

    parts: dict[int, dict[str, dict[str, str]]] = {}
    shared: dict[tuple[tuple[str, str], ...], dict[str, str]] = {}
    for prefix, names in sorted(CARRIER_DATA.items()):
        split = split_country_code(prefix)
        if split is None:  # pragma: no cover - every prefix starts with a country code
            continue
        key = tuple(sorted(names.items()))
        parts.setdefault(split[0], {})[prefix] = shared.setdefault(key, dict(key))
    return _cut(parts)


@functools.cache
def _carriers_of(country_code: int) -> tuple[dict[str, dict[str, str]], int]:
    """One country code's carrier prefixes, and the longest of them."""
    part: dict[str, dict[str, str]] | None = _part("carriers", country_code)
    if part is None:
        return {}, 0
    return part, max(map(len, part))


def carrier_name(reading: Reading, lang: str) -> str | None:
    """The carrier a mobile or pager range was allocated to, from phonenumbers' carrier data.

    The same longest-prefix look-up as ``carrier.name_for_valid_number``, on the E.164 digits
    we already have: that function formats the number again first, which cost as much as the
    look-up itself. tests/test_phone.py checks both agree on every region's example numbers.
    """
    if reading.line_type not in _CARRIER_TYPES:
        return None
    parsed = reading.parsed
    data, longest = _carriers_of(parsed.country_code)
    digits = f"{parsed.country_code}{parsed.national_number}"
    for size in range(min(longest, len(digits)), 0, -1):
        names = data.get(digits[:size])
        if names is not None:
            # phonenumbers falls back to English except for Chinese, Japanese and Korean.
            name = names.get(lang) or (names.get("en") if lang not in ("zh", "ja", "ko") else None)
            if name:
                return name
    return None


def keypad_digits(text: str) -> str:
    """Turn the letters of a vanity number into keypad digits (ITU E.161), digits kept."""
    return str(phonenumbers.convert_alpha_characters_in_number(text[: _MAX_DIGITS * 2]))


@functools.cache
def supported_regions() -> frozenset[str]:
    """Every region phonenumbers has metadata for."""
    return frozenset(phonenumbers.SUPPORTED_REGIONS)


def country_code_for_region(region: str) -> int:
    """The country calling code of a region (0 for an unknown one).

    From phonenumbers' table of regions by country code, which is in memory from the start:
    ``phonenumbers.country_code_for_region`` loads the region's whole metadata for it, and
    the typo search asks for every region (tests/test_phone.py checks both agree).
    """
    return _CODE_OF_REGION.get(region, 0)


def region_for_country_code(country_code: int) -> str | None:
    """The main region of a country calling code, or ``None`` for unknown and non-geographic."""
    region = phonenumbers.region_code_for_country_code(country_code)
    return None if region in (phonenumbers.UNKNOWN_REGION, "001") else str(region)


def regions_for_country_code(country_code: int) -> tuple[str, ...]:
    """Every region sharing a country calling code (``1`` has 25)."""
    return tuple(phonenumbers.COUNTRY_CODE_TO_REGION_CODE.get(country_code, ()))


def _metadata(country_code: int, region: str | None) -> PhoneMetadata | None:
    if region is None:
        # Non-geographic codes (+800, +882, ...) have no region; phonenumbers files their
        # metadata under "001", and a geographic code falls back to its main region.
        region = phonenumbers.region_code_for_country_code(country_code)
    return PhoneMetadata.metadata_for_region_or_calling_code(country_code, region)


@functools.cache
def possible_lengths(country_code: int, region: str | None) -> tuple[int, ...]:
    """National number lengths allowed for a region (or country code), shortest first.

    For a country code alone, from the prebuilt :func:`plans` (the typo search asks this of
    most country codes, and the metadata of each would have to be loaded).
    """
    if region is None:
        plan = plans().get(country_code)
        if plan is not None:
            return plan[0]
    return _possible_lengths(country_code, region)


def _possible_lengths(country_code: int, region: str | None) -> tuple[int, ...]:
    metadata = _metadata(country_code, region)
    if metadata is None or metadata.general_desc is None:
        return ()
    return tuple(sorted(set(metadata.general_desc.possible_length)))


@functools.cache
def mobile_lengths(country_code: int, region: str | None) -> tuple[int, ...]:
    """National number lengths of mobile numbers, falling back to every allowed length."""
    metadata = _metadata(country_code, region)
    if metadata is None:
        return ()
    mobile = metadata.mobile
    lengths = mobile.possible_length if mobile is not None else ()
    if not lengths or lengths == (-1,):
        return possible_lengths(country_code, region)
    return tuple(sorted(set(lengths)))


def keeps_leading_zero(country_code: int) -> bool:
    """Whether national numbers of this country code start with a 0 that is not a trunk prefix.

    Italy's fixed lines (+39 06...) and, since their renumberings, Benin, Congo, Côte d'Ivoire
    and Gabon: the metadata's own example numbers say so. Elsewhere a 0 after the country code
    is a trunk prefix, and a "missing" one is no mistake. The search for another country's
    national number asks this of every plan, so the answer is read from the prebuilt
    :func:`leading_zero_codes` rather than from every region's metadata.
    """
    return country_code in leading_zero_codes()


@functools.cache
def leading_zero_codes() -> frozenset[int]:
    """The country codes of :func:`keeps_leading_zero`.

    Prebuilt (``_prebuilt``) for the installed phonenumbers version: computing it loads the
    metadata of every region (tens of milliseconds on a process's first invalid number).
    """
    from . import _prebuilt  # noqa: PLC0415

    return _prebuilt.load("leading_zero_codes", metadata_version(), build_leading_zero_codes)


def build_leading_zero_codes() -> frozenset[int]:
    """:func:`leading_zero_codes`, computed from the metadata."""
    return frozenset(code for code in _COUNTRY_CODES if _example_keeps_leading_zero(code))


def _example_keeps_leading_zero(country_code: int) -> bool:
    for region in regions_for_country_code(country_code):
        metadata = _metadata(country_code, region if region != "001" else None)
        for name in ("fixed_line", "mobile"):
            desc = None if metadata is None else getattr(metadata, name, None)
            if desc is not None and str(desc.example_number or "").startswith("0"):
                return True
    return False


@functools.cache
def example_national_numbers(country_code: int) -> frozenset[str]:
    """Every example number in the metadata of every region sharing this country code."""
    return frozenset(
        example for examples in _examples_of(country_code).values() for example in examples.values()
    )


@functools.cache
def _examples_of(country_code: int) -> dict[str, dict[str, str]]:
    """Each region's example numbers by description name (``"001"``: non-geographic)."""
    part: dict[str, dict[str, str]] = _part("examples", country_code) or {}
    return part


def build_example_index() -> dict[int, bytes]:
    """Every region's example numbers (:func:`_examples_of`), cut by code (:func:`_part`)."""
    parts: dict[int, dict[str, dict[str, str]]] = {}
    for country_code, metadata in _every_metadata():
        parts.setdefault(country_code, {})[str(metadata.id)] = {
            name: str(desc.example_number)
            for name in _DESCS
            if (desc := getattr(metadata, name, None)) is not None and desc.example_number
        }
    return _cut(parts)


@functools.cache
def is_portable_region(region: str) -> bool:
    """Whether mobile numbers can move between operators in a region."""
    return bool(phonenumbers.is_mobile_number_portable_region(region))


@functools.lru_cache(maxsize=1024)  # every region's, and room for hints that name none
def national_prefix(region: str) -> str | None:
    """The trunk prefix dialled before national numbers (``0``, ``8``, ``1``), if any."""
    metadata = PhoneMetadata.metadata_for_region(region)
    if metadata is None:
        return None
    prefix = metadata.national_prefix
    return str(prefix) if prefix else None


_SHORT_MAX = 8


def is_short_code(digits: str, region: str) -> bool:
    """Whether a short digit string is a service short number (or emergency) in a region."""
    if not digits.isascii() or not digits.isdecimal() or not 2 <= len(digits) <= _SHORT_MAX:
        return False
    try:
        number = phonenumbers.parse(digits, region)
    except phonenumbers.NumberParseException:  # pragma: no cover - digits with a region parse
        return False
    return bool(shortnumberinfo.is_valid_short_number_for_region(number, region))


def reading_of(country_code: int, national_number: str, *, reasons: bool = True) -> Reading:
    """Validate a number given as country code and national significant number."""
    parsed = Parsed(country_code, national_number, from_text=True, stripped_trunk_prefix=False)
    return read(parsed, reasons=reasons)


def split_country_code(digits: str) -> tuple[int, str] | None:
    """Split digits into a country calling code and the rest; codes are prefix-free (ITU E.164)."""
    if not digits.isascii() or not digits.isdecimal():
        return None
    for size in (1, 2, 3):
        head = digits[:size]
        if len(digits) > size and head[0] != "0" and int(head) in _COUNTRY_CODES:
            return int(head), digits[size:]
    return None


_COUNTRY_CODES: Final = frozenset(phonenumbers.COUNTRY_CODE_TO_REGION_CODE)
_CODE_OF_REGION: Final = {
    region: code
    for code, regions in phonenumbers.COUNTRY_CODE_TO_REGION_CODE.items()
    for region in regions
    if region != phonenumbers.REGION_CODE_FOR_NON_GEO_ENTITY
}


def leading_country_code(digits: str) -> int | None:
    """The country calling code the digits start with, even when nothing follows it."""
    for size in (1, 2, 3):
        head = digits[:size]
        if len(head) < size or not head.isdecimal() or head[0] == "0":
            break
        if int(head) in _COUNTRY_CODES:
            return int(head)
    return None


class _GeneralTest:
    """One regex for a code: its regions' general patterns in one alternation.

    Compiled on the first number whose first digits fit one of the patterns
    (:func:`pattern_heads`); the numbers before it fail without compiling. A code of one
    pattern uses that pattern itself, which validating a reading of that code compiles
    anyway (``_pattern_code.compiled`` shares one cache).
    """

    __slots__ = ("_fullmatch", "gate", "texts")

    def __init__(self, texts: list[str]) -> None:
        self.texts = texts
        self.gate = _Gate(_WHOLE, tuple(texts))
        self._fullmatch: Callable[[str], re.Match[str] | None] | None = None

    def __call__(self, number: str) -> bool:
        fullmatch = self._fullmatch
        if fullmatch is None:
            if not self.gate.admits(number):
                return False
            fullmatch = self._fullmatch = compiled(_alternation(self.texts)).fullmatch
        return fullmatch(number) is not None


@functools.cache
def _general_test(country_code: int) -> Callable[[str], bool]:
    texts = list(dict.fromkeys(general_pattern_texts().get(country_code, ())))
    return _GeneralTest(texts) if texts else _never


def _never(number: str) -> bool:  # noqa: ARG001 - a test that no number passes
    return False


@functools.cache
def pattern_heads() -> tuple[dict[str, int], dict[str, int]]:
    """Each metadata pattern's head mask (``_pattern_heads``), by the pattern's text.

    Two tables: the national-number patterns (general, line types), matched in full, and the
    formats' leading-digits patterns, matched at the start. A pattern whose mask rejects no
    head, or that the mask cannot read, is left out (it is always compiled and tested).
    Prebuilt (``_prebuilt``) for the installed phonenumbers version: reading the masks takes
    seconds.
    """
    from . import _prebuilt  # noqa: PLC0415

    return _prebuilt.load("pattern_heads", metadata_version(), build_pattern_heads)


def build_pattern_code() -> dict[str, bytes]:
    """The prebuilt code of every pattern ``_phone`` compiles (``_pattern_code``)."""
    from ._pattern_code import build_table  # noqa: PLC0415 - the builder only

    return build_table(_compiled_texts())


def _compiled_texts() -> Iterable[str]:
    """Every regex ``_phone`` compiles from the metadata, as the tests that use them build it.

    Each region's line-type, leading-digits, parsing and format patterns, its line types in
    one regex (:func:`own_numbers_test`), and each code's general patterns in one
    (:func:`plausible`).
    """
    for texts in general_pattern_texts().values():
        if texts:
            yield _alternation(dict.fromkeys(texts))
    for _, metadata in _every_metadata():
        for name in _PATTERN_DESCS:
            found = _desc(getattr(metadata, name, None))
            if found is not None:
                yield found.pattern
        own = _own_pattern_text(_type_rows(metadata))
        if own is not None:
            yield own
        for text in (
            metadata.leading_digits,
            metadata.national_prefix_for_parsing,
            metadata.international_prefix,
        ):
            if text:
                yield text
        for number_format in metadata.number_format:
            yield number_format.pattern or ""
            if number_format.leading_digits_pattern:
                yield number_format.leading_digits_pattern[-1]


#: The descriptions whose national-number patterns ``_Types`` tests.
_PATTERN_DESCS: Final = (
    "general_desc",
    "fixed_line",
    "mobile",
    *(name for name, _ in _SPECIAL_TYPES),
)


def _every_metadata() -> Iterable[tuple[int, PhoneMetadata]]:
    """Every region's metadata (a non-geographic code's under ``"001"``), with its code."""
    for country_code, regions in sorted(_REGIONS_BY_CODE.items()):
        for region in regions:
            non_geo = region == phonenumbers.REGION_CODE_FOR_NON_GEO_ENTITY
            metadata = _metadata(country_code, None if non_geo else region)
            if metadata is not None:
                yield country_code, metadata


def build_pattern_heads() -> tuple[dict[str, int], dict[str, int]]:
    """:func:`pattern_heads`, computed from the metadata."""
    from ._pattern_heads import HEAD, head_mask  # noqa: PLC0415 - the builder only

    every = (1 << 10**HEAD) - 1
    whole: dict[str, int] = {}
    leading: dict[str, int] = {}
    for _, metadata in _every_metadata():
        for name in _PATTERN_DESCS:
            desc = getattr(metadata, name, None)
            pattern = None if desc is None else desc.national_number_pattern
            if pattern and pattern not in whole:
                mask = head_mask(pattern)
                if mask is not None and mask != every:
                    whole[pattern] = mask
        for number_format in metadata.number_format:
            if number_format.leading_digits_pattern:
                pattern = number_format.leading_digits_pattern[-1]
                mask = head_mask(pattern, whole=False)
                if mask is not None and mask != every:
                    leading[pattern] = mask
    return whole, leading


@functools.cache
def general_pattern_texts() -> dict[int, tuple[str, ...]]:
    """Every country code's general national-number patterns, one per region sharing it.

    Prebuilt (``_prebuilt``) for the installed phonenumbers version: the typo search tests
    candidates of many countries, and reading the patterns from the metadata would load
    every one of those regions' metadata.
    """
    from . import _prebuilt  # noqa: PLC0415

    version = metadata_version()
    return _prebuilt.load("general_patterns", version, build_general_pattern_texts)


def build_general_pattern_texts() -> dict[int, tuple[str, ...]]:
    """:func:`general_pattern_texts`, computed from the metadata."""
    out: dict[int, tuple[str, ...]] = {}
    for country_code in sorted(_COUNTRY_CODES):
        texts = []
        for region in regions_for_country_code(country_code):
            metadata = _metadata(country_code, region if region != "001" else None)
            general = None if metadata is None else metadata.general_desc
            if general is not None and general.national_number_pattern:
                texts.append(str(general.national_number_pattern))
        out[country_code] = tuple(texts)
    return out


def plausible(country_code: int, national_number: str) -> bool:
    """A cheap first test: does the number fit the country's general pattern at all.

    ``read`` costs about 15 µs (it looks the region up, then tests every line type); this one
    regex match lets candidate searches skip most hopeless readings for about 1 µs.
    """
    return _general_test(country_code)(national_number)


_IDD_MAX = 3  # longer patterns are carrier-selection codes (0130x, 14xx0011), not what people dial


@functools.cache
def international_prefixes() -> dict[str, tuple[str, ...]]:
    """Every international dialling prefix the metadata lists, as dialled, with its regions.

    A region's prefix is its ``preferred_international_prefix`` (``8~10`` read as ``810``) or
    the 2- and 3-digit strings its ``international_prefix`` pattern matches. Single digits are
    left out: ``0`` (Cape Verde, Samoa) would make every national number look international.
    Computing it reads every region's metadata (tens of milliseconds), so it is prebuilt
    (``_prebuilt``) for the installed phonenumbers version.
    """
    from . import _prebuilt  # noqa: PLC0415

    return _prebuilt.load(
        "international_prefixes", metadata_version(), build_international_prefixes
    )


def metadata_version() -> str:
    """The phonenumbers version: what tables computed from its metadata depend on."""
    return f"phonenumbers {phonenumbers.__version__}"


def build_international_prefixes() -> dict[str, tuple[str, ...]]:
    """:func:`international_prefixes`, computed from the metadata."""
    found: dict[str, list[str]] = {}
    for region in sorted(phonenumbers.SUPPORTED_REGIONS):
        metadata = PhoneMetadata.metadata_for_region(region)
        if metadata is None or not metadata.international_prefix:  # pragma: no cover
            continue
        prefixes = set(_dialled_forms(metadata.international_prefix))
        preferred = metadata.preferred_international_prefix
        if preferred:
            prefixes.add(preferred.replace("~", ""))
        for prefix in sorted(prefixes):
            if len(prefix) >= 2:
                found.setdefault(prefix, []).append(region)
    return {prefix: tuple(regions) for prefix, regions in found.items()}


@functools.cache
def _dialled_forms(pattern: str) -> tuple[str, ...]:
    compiled = re.compile(pattern)
    return tuple(
        text
        for size in range(2, _IDD_MAX + 1)
        for text in map("".join, itertools.product("0123456789", repeat=size))
        if compiled.fullmatch(text)
    )


def international_prefix_length(region: str, digits: str) -> int:
    """How many leading digits are ``region``'s own international prefix (0 if none)."""
    metadata = PhoneMetadata.metadata_for_region(region)
    if metadata is None or not metadata.international_prefix:  # pragma: no cover
        return 0
    match = re.match(metadata.international_prefix, digits)
    return 0 if match is None else match.end()


@functools.cache
def national_prefix_regions() -> dict[str, tuple[str, ...]]:
    """Regions by the trunk prefix dialled before their national numbers (``0``, ``8``, ``1``).

    Prebuilt (``_prebuilt``) for the installed phonenumbers version, like
    :func:`international_prefixes`: computing it reads every region's metadata.
    """
    from . import _prebuilt  # noqa: PLC0415

    return _prebuilt.load("national_prefixes", metadata_version(), build_national_prefix_regions)


def build_national_prefix_regions() -> dict[str, tuple[str, ...]]:
    """:func:`national_prefix_regions`, computed from the metadata."""
    found: dict[str, list[str]] = {}
    for region in sorted(phonenumbers.SUPPORTED_REGIONS):
        prefix = national_prefix(region)
        if prefix:
            found.setdefault(prefix, []).append(region)
    return {prefix: tuple(regions) for prefix, regions in found.items()}


def national_layouts(reading: Reading) -> tuple[tuple[tuple[int, ...], tuple[str, ...]], ...]:
    """The ways of grouping the national number that follow how it is built.

    Each is the group ends, ascending (the form the typed groups are compared in), and the
    separators at them, each normalised as :func:`separator` normalises a typed one.

    The first is the format's own grouping: ``+7 912 345-67-89`` is written ``8 (912)
    345-67-89`` nationally, so the groups of ``9123456789`` end after 3, 6 and 8 digits,
    with the separators ``(")", "-", "-")``. The format is chosen as ``format_number``
    chooses it (the first of the main region's formats whose last leading-digits pattern and
    whose pattern match), and the groups are read from the pattern's groups and the
    template, without building the formatted string: about four times faster, on the path
    of every valid national landline. ``tests/test_model.py`` checks both equal those read
    off ``format_number`` for every example number.

    When the format writes more than two groups, the second is its first group, the area or
    network code, then the rest in one block: ``02 36618300`` for Milan's ``02 3661 8300``,
    ``011 23456789`` for Delhi's ``011 2345 6789``. ITU-T E.123 names the parts of a number
    (country code, area code, subscriber number) and shows each as its own group, leaving
    the grouping inside the subscriber number to national custom. The format's first group
    is the code phonenumbers' ``length_of_national_destination_code`` reads (the same on all
    but 3 of the metadata's 2,192 example numbers written in three groups or more, where it
    says 0; ``tests/test_model.py``). Empty for a number written in one run.
    """
    return _layouts_for(reading.parsed.country_code, reading.parsed.national_number)


_Layouts = tuple[tuple[tuple[int, ...], tuple[str, ...]], ...]


def _layouts_for(country_code: int, nsn: str) -> _Layouts:
    found = _format_for(country_code, nsn)
    if found is None:
        return ()
    form, match = found
    if match is None:
        return form.fixed_layouts
    return _layouts(tuple(sorted(map(match.end, form.separated))), form.separators)


def _layouts(ends: tuple[int, ...], separators: tuple[str, ...]) -> _Layouts:
    """The format's own grouping, and its first group then the rest where it has more."""
    if len(ends) < 2:
        return ((ends, separators),)
    return ((ends, separators), ((ends[0],), separators[:1]))


def separator(text: str) -> str:
    """A separator between digit groups, normalised: ``") "`` -> ``")"``, ``"  "`` -> ``" "``.

    Spaces around a sign do not count. (Typed separators hold no digits; a template's digits
    between groups, Argentina's ``15``, are taken out before.)
    """
    stripped = text.strip()
    return stripped or (" " if text else "")


#: How often the national formats of phonenumbers' metadata (9.0.43) write each separator
#: between groups, as :func:`separator` normalises them, counted over every region's formats
#: (``tests/test_model.py`` recounts them).
SEPARATOR_COUNTS: Final = {" ": 1066, "-": 152, ")": 55, ".": 2}


def _format_for(country_code: int, nsn: str) -> tuple[_Format, re.Match[str] | None] | None:
    """The format ``format_number`` takes for ``nsn``, with its pattern's match.

    The match is ``None`` for a format of fixed-width groups, whose pattern matches every
    number of its length: its layouts are known without it.
    """
    formats = _formats(country_code)
    if len(formats) > _INDEXED:
        formats = _formats_by_head(country_code, formats, nsn)
    for found in formats:
        leading = found.compiled_leading  # the method's test, inlined once it is compiled
        if leading.match(nsn) is not None if leading is not None else found.leads(nsn):
            if found.fixed_length >= 0:
                if len(nsn) == found.fixed_length:
                    return found, None
                continue
            match = found.fullmatch(nsn)
            if match is not None:
                return found, match
    return None


# A pattern of fixed-width digit groups, ``(\d{2})(\d{4})(\d{4})``: two formats in three.
# It matches exactly the numbers of its length (a national number is ASCII digits).
_FIXED_GROUPS: Final = re.compile(r"(?:\(\\d\{[0-9]+\}\))+")
_GROUP_WIDTH: Final = re.compile(r"\{([0-9]+)\}")


class _Format:
    """One national format of the main region: its tests, compiled on first use.

    ``format_number`` takes the first format whose last leading-digits pattern and whose
    pattern match; the formats after it, and the patterns of those whose leading digits do
    not match, are never compiled (a plan has up to about 20 formats).
    """

    __slots__ = (
        "_pattern",
        "compiled_leading",
        "fixed_layouts",
        "fixed_length",
        "gate",
        "leading",
        "pattern",
        "prefix",
        "separated",
        "separators",
    )

    def __init__(self, leading: str | None, pattern: str, template: str, rule: str | None) -> None:
        self.leading = leading
        self.pattern = pattern
        # The digits the national-prefix rule writes before the first group ("8 (\1)": "8").
        self.prefix = "".join(ch for ch in (rule or "").split("\\1")[0] if "0" <= ch <= "9")
        self.separated = _separated_groups(template)
        self.separators = _template_separators(template, rule)
        self.gate = _Gate(_LEADING, () if leading is None else (leading,))
        self.compiled_leading: re.Pattern[str] | None = None  # once compiled
        self._pattern: re.Pattern[str] | None = None
        # Fixed-width groups: the length the pattern matches, and the layouts of every number
        # of it; -1 and () for any other pattern, which is matched.
        self.fixed_length = -1
        self.fixed_layouts: _Layouts = ()
        if _FIXED_GROUPS.fullmatch(pattern):
            ends = list(itertools.accumulate(int(w) for w in _GROUP_WIDTH.findall(pattern)))
            if all(0 < group <= len(ends) for group in self.separated):
                self.fixed_length = ends[-1]
                separated = tuple(sorted(ends[group - 1] for group in self.separated))
                self.fixed_layouts = _layouts(separated, self.separators)

    def leads(self, nsn: str) -> bool:
        if self.leading is None:
            return True
        leading = self.compiled_leading
        if leading is None:
            if not self.gate.admits(nsn):
                return False
            leading = self.compiled_leading = compiled(self.leading)
        return leading.match(nsn) is not None

    def fullmatch(self, nsn: str) -> re.Match[str] | None:
        pattern = self._pattern
        if pattern is None:
            pattern = self._pattern = compiled(self.pattern)
        return pattern.fullmatch(nsn)


#: Plans with more formats than this look a number's head up in an index first. Timed on
#: every plan's example numbers (the least of 5 runs each), the index took 1.47x the time
#: of testing each format in turn for plans of 4 formats, 1.04x for 5, 0.71x for 6 and
#: 0.36-0.54x for 8 or more.
_INDEXED: Final = 5


def _formats_by_head(
    country_code: int, formats: tuple[_Format, ...], nsn: str
) -> tuple[_Format, ...]:
    """The formats whose leading digits ``nsn``'s first digits may fit, in the plan's order.

    ``format_number`` tests the formats' leading digits in turn, and a plan has up to about
    20 formats; their head masks (``pattern_heads``) rule out most on the first three
    digits. The formats left for each head are kept, the same tuple for heads that share.
    """
    head = nsn[:HEAD]
    if len(head) < HEAD or not head.isdecimal():
        return formats
    store = _FORMAT_HEADS.get(country_code)
    if store is None:
        store = _FORMAT_HEADS[country_code] = ([None] * 10**HEAD, {})
    slots, shared = store
    index = int(head)
    found = slots[index]
    if found is None:
        kept = tuple(f for f in formats if f.leading is None or f.gate.admits(head))
        found = slots[index] = shared.setdefault(kept, kept)
    return found


_Formats = tuple["_Format", ...]
#: Per country code: the formats kept for each head (one slot per head), and the distinct
#: tuples of them.
_FORMAT_HEADS: Final[dict[int, tuple[list[_Formats | None], dict[_Formats, _Formats]]]] = {}


@functools.cache
def _formats(country_code: int) -> tuple[_Format, ...]:
    rows: tuple[_FormatRow, ...] = _part("formats", country_code) or ()
    return tuple(_Format(*row) for row in rows)


# One national format: its last leading-digits pattern, pattern, template and national-prefix
# formatting rule.
_FormatRow = tuple[str | None, str, str, str | None]


def build_format_index() -> dict[int, bytes]:
    """Each country code's national formats (``_FormatRow``), cut by code (:func:`_part`)."""
    parts: dict[int, tuple[_FormatRow, ...]] = {}
    for country_code in sorted(_COUNTRY_CODES):
        # format_number formats with the metadata of the code's main region (GB for GG, JE).
        metadata = _metadata(country_code, None)
        if metadata is not None and metadata.number_format:
            parts[country_code] = tuple(
                (
                    f.leading_digits_pattern[-1] if f.leading_digits_pattern else None,
                    f.pattern or "",
                    f.format or "",
                    f.national_prefix_formatting_rule,
                )
                for f in metadata.number_format
            )
    return _cut(parts)


def _template_separators(template: str, rule: str | None) -> tuple[str, ...]:
    r"""The normalised separators between the groups of a national format template.

    The national-prefix rule wraps the first group (``8 (\1)``), as ``format_number`` applies
    it: its text after the group belongs to the first separator.
    """
    if rule:
        template = template.replace("\\1", rule, 1)
    markers = list(_GROUP_MARKER.finditer(template))
    return tuple(
        separator(_TEMPLATE_DIGITS.sub("", template[a.end() : b.start()]))
        for a, b in itertools.pairwise(markers)
    )


_TEMPLATE_DIGITS: Final = re.compile(r"\d")


def _separated_groups(template: str) -> tuple[int, ...]:
    r"""The groups of a format template (``\1 \2-\3``) that a separator follows.

    Templates that leave a group out or add digits (Argentina's mobiles, ``\2 15-\3-\4``)
    keep the group ends of the groups they write.
    """
    markers = [(m.start(), m.end(), int(m.group(1))) for m in _GROUP_MARKER.finditer(template)]
    return tuple(
        group for (_, end, group), (start, _, _) in itertools.pairwise(markers) if start > end
    )


_GROUP_MARKER: Final = re.compile(r"\\([1-9])")


@functools.cache
def example_bounds(
    country_code: int,
) -> frozenset[tuple[int, tuple[int, ...], tuple[str, ...], int]]:
    """Lengths, national group ends and separators of the metadata's example numbers.

    How numbers of a plan are written, for comparing typed groups with when no single
    reading is at hand: one entry per layout of each example (:func:`national_layouts`),
    with how many layouts that example has. The group ends are sorted; the separators are
    those at them.
    """
    bounds: tuple[_ExampleLayout, ...] = _part("example_bounds", country_code) or ()
    return frozenset(bounds)


_ExampleLayout = tuple[int, tuple[int, ...], tuple[str, ...], int]


def build_example_bounds_index() -> dict[int, bytes]:
    """:func:`example_bounds` of every code, cut by code (:func:`_part`)."""
    parts: dict[int, tuple[_ExampleLayout, ...]] = {}  # sorted: the same bytes on every build
    for country_code in sorted(_COUNTRY_CODES):
        found = set()
        for national in example_national_numbers(country_code):
            reading = reading_of(country_code, national)
            if reading.valid:
                layouts = national_layouts(reading)
                for ends, separators in layouts or (((), ()),):
                    found.add((len(national), ends, separators, len(layouts) or 1))
        if found:
            parts[country_code] = tuple(sorted(found))
    return _cut(parts)


_INDEX_BUILDERS: Final[dict[str, Callable[[], dict[int, bytes]]]] = {
    "carriers": build_carrier_index,
    "types": build_type_index,
    "formats": build_format_index,
    "examples": build_example_index,
    "example_bounds": build_example_bounds_index,
}


@functools.cache
def plans() -> dict[int, tuple[tuple[int, ...], tuple[str, ...], str | None]]:
    """Every geographic country code's national lengths, written trunks and trunk prefix.

    The possible national lengths, the trunk prefixes its national format writes, and its
    trunk prefix (of the main region): what the search for another country's national
    number (``_typos``) asks of every plan. Computing it loads every region's metadata and
    formats its examples (hundreds of milliseconds), so it is prebuilt (``_prebuilt``) for
    the installed phonenumbers version.
    """
    from . import _prebuilt  # noqa: PLC0415

    return _prebuilt.load("plans", metadata_version(), build_plans)


def build_plans() -> dict[int, tuple[tuple[int, ...], tuple[str, ...], str | None]]:
    """:func:`plans`, computed from the metadata."""
    out = {}
    for code in sorted(_COUNTRY_CODES):
        region = region_for_country_code(code)
        if region is None:
            continue
        out[code] = (_possible_lengths(code, None), written_trunks(code), national_prefix(region))
    return out


@functools.cache
def written_trunks(country_code: int) -> tuple[str, ...]:
    """The trunk prefixes the plan writes in national format: ``("0",)``, ``("8",)``, ``()``.

    Read from the national format of the main region's example mobile and fixed-line numbers:
    the digits written before the national significant number (``8 0`` in Belarus, none for
    North America's ``1``; Colombia's ``01 800`` toll-free numbers are not looked at). Where
    one of the two is written with a trunk and the other without (China's mobiles are written
    ``138 0013 8000``, its landlines ``010 1234 5678``), ``""`` stands for the one without.
    """
    region = region_for_country_code(country_code)
    metadata = None if region is None else PhoneMetadata.metadata_for_region(region)
    if metadata is None:
        return ()
    found: list[str] = []
    for desc in (metadata.mobile, metadata.fixed_line):
        national = None if desc is None else desc.example_number
        if not national:
            continue
        number = _number_of(country_code, str(national))
        text = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
        digits = "".join(ch for ch in text if "0" <= ch <= "9")
        head = digits[: len(digits) - len(str(national))]
        if digits.endswith(str(national)) and head not in found:
            found.append(head)
    return () if found in ([], [""]) else tuple(found)


def written_prefix(country_code: int, national_number: str) -> str:
    """The digits the plan writes before this number in national format: ``"0"``, ``""``.

    For plans that write a trunk before some kinds of number and not before others (China
    writes ``010 1234 5678`` and ``138 0013 8000``): :func:`written_trunks` says which
    prefixes the plan writes, this which one it writes before this number. Read from the
    format ``format_number`` takes (its national-prefix rule's digits before the first
    group), without building the string; ``tests/test_phone.py`` checks it equals what
    ``format_number`` writes for every example number.
    """
    found = _format_for(country_code, national_number)
    return "" if found is None else found[0].prefix


_DESC_OF: Final = {
    LineType.FIXED_LINE: "fixed_line",
    LineType.MOBILE: "mobile",
    LineType.FIXED_LINE_OR_MOBILE: "mobile",
    LineType.TOLL_FREE: "toll_free",
    LineType.PREMIUM_RATE: "premium_rate",
    LineType.SHARED_COST: "shared_cost",
    LineType.PERSONAL_NUMBER: "personal_number",
    LineType.VOIP: "voip",
    LineType.PAGER: "pager",
    LineType.UAN: "uan",
    LineType.VOICEMAIL: "voicemail",
}


_Sizes = dict[tuple[int, str], dict[str, dict[int, int]]]
_Bounds = dict[int, dict[int, tuple[int, int]]]
_Fixed = dict[tuple[int, str], int]


def build_plan_sizes() -> tuple[_Sizes, _Bounds, _Fixed]:
    """How many numbers each region has of each line type and length, from its patterns.

    For every region (a non-geographic code as ``"001"``), each type's count of digit
    strings its pattern matches (``_pattern_count``), at the lengths the type allows (or,
    where it lists none, those of the region's general description). A type the metadata
    leaves out, or whose count is unknown, is left out. With it, for every code and length,
    :func:`densest_sizes`, and for every region its fixed lines at their example's length
    (:func:`fixed_line_size`): computing them on first use would read every region's
    metadata.
    """
    from ._pattern_count import count_by_length  # noqa: PLC0415 - the builder only

    sizes: _Sizes = {}
    bounds: _Bounds = {}
    fixed: _Fixed = {}
    for country_code, regions in sorted(_REGIONS_BY_CODE.items()):
        best: dict[int, tuple[float, tuple[int, int]]] = {}
        for region in regions:
            non_geo = region == phonenumbers.REGION_CODE_FOR_NON_GEO_ENTITY
            metadata = _metadata(country_code, None if non_geo else region)
            if metadata is None:  # pragma: no cover - every listed region has metadata
                continue
            general_desc = metadata.general_desc
            general = () if general_desc is None else tuple(general_desc.possible_length or ())
            found: dict[str, dict[int, int]] = {}
            typical_counts: dict[str, int] = {}
            for name in _DESCS:
                desc = getattr(metadata, name, None)
                pattern = None if desc is None else desc.national_number_pattern
                counts = None if not pattern else count_by_length(pattern)
                lengths = () if desc is None else tuple(desc.possible_length or ()) or general
                kept = {n: c for n, c in (counts or {}).items() if not lengths or n in lengths}
                if not kept:
                    continue
                found[name] = kept
                kind = _TYPE_OF_DESC.get(name, LineType.UNKNOWN)
                typical = _typical_length(country_code, None if non_geo else region, kind)
                typical_counts[name] = kept.get(typical or 0) or max(kept.values())
                for length in kept:
                    counted = max(length, typical or length)
                    count = kept.get(counted, 0)
                    share = 1 / count if count else 10.0**-counted
                    if share > best.get(length, (0.0,))[0]:
                        best[length] = (share, (count, counted))
            sizes[country_code, region] = found
            fixed[country_code, region] = typical_counts.get("fixed_line", 0)
        bounds[country_code] = {length: pair for length, (_, pair) in sorted(best.items())}
    return sizes, bounds, fixed


@functools.cache
def _plan_tables() -> tuple[_Sizes, _Bounds, _Fixed]:
    from . import _prebuilt  # noqa: PLC0415

    return _prebuilt.load("plan_sizes", metadata_version(), build_plan_sizes)


def plan_sizes() -> _Sizes:
    """:func:`build_plan_sizes`' counts, prebuilt (``_prebuilt``) for the installed version."""
    return _plan_tables()[0]


def plan_size(country_code: int, region: str | None, line_type: LineType, length: int) -> int:
    """How many numbers of this length and line type the region's plan has (0: not known).

    A number that may be fixed or mobile counts the larger of the two.
    """
    sizes = plan_sizes().get((country_code, region or "001"))
    if not sizes:
        return 0
    if line_type is LineType.FIXED_LINE_OR_MOBILE:
        return max(sizes.get(name, {}).get(length, 0) for name in ("fixed_line", "mobile"))
    name = _DESC_OF.get(line_type)
    return 0 if name is None else sizes.get(name, {}).get(length, 0)


def fixed_line_size(country_code: int, region: str | None) -> int:
    """How many fixed lines the region has at the length of its example one (0: none)."""
    return _plan_tables()[2].get((country_code, region or "001"), 0)


def counted_length(reading: Reading) -> int:
    """The length whose numbers a reading is counted among: see :func:`typical_length`."""
    return max(len(reading.parsed.national_number), typical_length(reading))


def densest_sizes(country_code: int, length: int) -> tuple[int, int]:
    """The fewest numbers any valid number of this length under the code is counted among.

    As ``(count, counted length)``, the count 0 where some type's is not known (then the
    length is what to fall back on). A bound for searches: no reading of a ``length``-digit
    national number under ``country_code`` has a larger share of its plan than this.
    """
    return _plan_tables()[1].get(country_code, {}).get(length, (0, length))


_TYPE_OF_DESC: Final = {name: kind for kind, name in reversed(list(_DESC_OF.items()))}


def typical_length(reading: Reading) -> int:
    """The national length of the metadata's example number of the reading's region and type.

    A plan's numbers of one type are mostly of its example's length (a 7-digit Chinese number
    is a rarity beside the 10- and 11-digit ones); the reading's own length where the metadata
    has no example.
    """
    return _typical_length(reading.parsed.country_code, reading.region, reading.line_type) or len(
        reading.parsed.national_number
    )


def example_length(country_code: int, region: str | None, line_type: LineType) -> int:
    """The length of the metadata's example number of this region and type (0: none)."""
    return _typical_length(country_code, region, line_type) or 0


@functools.cache
def _typical_length(country_code: int, region: str | None, line_type: LineType) -> int | None:
    name = _DESC_OF.get(line_type)
    if region is None:  # as _metadata: the code's main region, or "001" for a non-geographic one
        region = phonenumbers.region_code_for_country_code(country_code)
    example = None if name is None else _examples_of(country_code).get(region, {}).get(name)
    return len(example) if example else None


def international_format(e164: str) -> str:
    """An E.164 number smscheck produced, in international format (``+7 912 345-67-89``)."""
    split = split_country_code(e164.lstrip("+")[:_MAX_DIGITS])
    if split is None:
        return e164
    return str(
        phonenumbers.format_number(_number_of(*split), phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    )
