"""Hypothesis strategies: phone numbers as people type them, and the mistakes they make.

Needs ``hypothesis`` (``pip install "smscheck[hypothesis]"``); importing ``smscheck`` alone
never imports it. Every number is drawn from phonenumbers' metadata: a region, a line type,
then digits in that type's allocated ranges (the metadata's example number with its last
digits drawn afresh, kept only when valid, of the same type, and neither an example nor a
fictional number), written the ways people write numbers.

```python
>>> from hypothesis import given, settings
>>> import smscheck
>>> from smscheck.strategies import phone_numbers
>>> @settings(max_examples=25, deadline=None)
... @given(phone_numbers(regions=["RU", "DE"]))
... def test_signup_form_reads_the_number(typed):
...     assert smscheck.check(typed.text, region=typed.region).number.e164 == typed.e164
>>> test_signup_form_reads_the_number()

```
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

import attrs
import phonenumbers
from hypothesis import reject
from hypothesis import strategies as st
from phonenumbers import PhoneNumberFormat, PhoneNumberType

from ._codes import Code, LineType
from ._fictional import fictional_range

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["MistypedNumber", "TypedNumber", "mistyped_numbers", "phone_numbers"]

_TYPES: Final = {
    LineType.MOBILE: PhoneNumberType.MOBILE,
    LineType.FIXED_LINE: PhoneNumberType.FIXED_LINE,
    LineType.VOIP: PhoneNumberType.VOIP,
    LineType.TOLL_FREE: PhoneNumberType.TOLL_FREE,
}
_FORMS: Final = ("e164", "international", "national")
_SEPARATORS: Final = (" ", "-", ".", "", "\u00a0")
#: How many trailing digits are drawn afresh, and how many draws are tried per number.
_FREE_DIGITS: Final = 4
_TRIES: Final = 12


@attrs.frozen
class TypedNumber:
    """A number as a person types it into a form.

    Attributes:
        text: What was typed.
        region: The form's region hint (``None`` when the text carries its own ``+``).
        e164: The number meant, in E.164 form.
        line_type: Its line type.
    """

    text: str
    region: str | None
    e164: str
    line_type: LineType


@attrs.frozen
class MistypedNumber:
    """A number typed with one mistake smscheck knows.

    Attributes:
        text: What was typed.
        region: The form's region hint.
        e164: The number meant, in E.164 form.
        mistake: The code of the mistake made.
    """

    text: str
    region: str | None
    e164: str
    mistake: Code


def _regions(regions: Iterable[str] | None) -> list[str]:
    chosen = sorted(phonenumbers.SUPPORTED_REGIONS if regions is None else set(regions))
    unknown = [r for r in chosen if r not in phonenumbers.SUPPORTED_REGIONS]
    if unknown or not chosen:
        msg = f"unknown region(s) {unknown}: expected ISO 3166 alpha-2 codes such as 'RU'"
        raise ValueError(msg)
    return chosen


@st.composite
def _number(
    draw: st.DrawFn, regions: list[str], line_types: tuple[LineType, ...], *, allow_examples: bool
) -> tuple[str, phonenumbers.PhoneNumber, LineType]:
    """A valid number of one of the regions and line types, drawn near the metadata's example."""
    region = draw(st.sampled_from(regions))
    kinds = [t for t in line_types if phonenumbers.example_number_for_type(region, _TYPES[t])]
    if not kinds:  # a region without this kind of line (Tristan da Cunha has no mobiles)
        kinds = [LineType.FIXED_LINE]
    line_type = draw(st.sampled_from(kinds))
    example = phonenumbers.example_number_for_type(region, _TYPES[line_type])
    if example is None:  # pragma: no cover - kinds were chosen among the examples there are
        return draw(st.nothing())
    nsn = phonenumbers.national_significant_number(example)
    free = min(_FREE_DIGITS, len(nsn) - 1)
    for _ in range(_TRIES):
        tail = draw(st.text("0123456789", min_size=free, max_size=free))
        candidate = phonenumbers.parse(f"+{example.country_code}{nsn[: len(nsn) - free]}{tail}")
        if _acceptable(candidate, region, example, allow_examples=allow_examples):
            return region, candidate, line_type
    # Near the example nothing else was valid: the example itself, as the metadata gives it.
    return region, example, line_type


def _acceptable(
    candidate: phonenumbers.PhoneNumber,
    region: str,
    example: phonenumbers.PhoneNumber,
    *,
    allow_examples: bool,
) -> bool:
    if not phonenumbers.is_valid_number_for_region(candidate, region):
        return False
    if phonenumbers.number_type(candidate) != phonenumbers.number_type(example):
        return False
    if allow_examples:
        return True
    nsn = phonenumbers.national_significant_number(candidate)
    is_example = nsn == phonenumbers.national_significant_number(example)
    return not is_example and fictional_range(candidate.country_code or 0, nsn) is None


def _written(draw: st.DrawFn, number: phonenumbers.PhoneNumber, form: str) -> str:
    if form == "e164":
        return phonenumbers.format_number(number, PhoneNumberFormat.E164)
    style = (
        PhoneNumberFormat.INTERNATIONAL if form == "international" else PhoneNumberFormat.NATIONAL
    )
    text = phonenumbers.format_number(number, style)
    separator = draw(st.sampled_from(_SEPARATORS))
    return text.replace(" ", separator) if separator != " " else text


def phone_numbers(
    *,
    regions: Iterable[str] | None = None,
    line_types: Iterable[LineType] = (LineType.MOBILE,),
    forms: Iterable[str] = _FORMS,
    spreadsheet_damage: bool = False,
    allow_examples: bool = False,
) -> st.SearchStrategy[TypedNumber]:
    """Valid numbers, written the ways people write them.

    Args:
        regions: Region codes to draw from; every region phonenumbers supports by default.
        line_types: Among ``MOBILE``, ``FIXED_LINE``, ``VOIP`` and ``TOLL_FREE``; a region
            without the kind gives a fixed line.
        forms: Among ``"e164"``, ``"international"`` and ``"national"`` (the form's region
            hint is then the number's own; otherwise it is ``None`` or the number's region).
        spreadsheet_damage: Also draw the text a spreadsheet leaves: a leading apostrophe,
            or ``.0`` after digits stored as a number.
        allow_examples: Also draw the metadata's example numbers and fictional ranges, which
            smscheck reports as such.

    Returns:
        A strategy of :class:`TypedNumber`.

    Raises:
        ValueError: An unknown region, line type or form.
    """
    chosen = _regions(regions)
    kinds = tuple(line_types)
    if not kinds or any(k not in _TYPES for k in kinds):
        msg = f"line_types must be among {', '.join(t.value for t in _TYPES)}"
        raise ValueError(msg)
    written = tuple(forms)
    if not written or any(f not in _FORMS for f in written):
        msg = f"forms must be among {', '.join(_FORMS)}"
        raise ValueError(msg)

    @st.composite
    def draw_one(draw: st.DrawFn) -> TypedNumber:
        region, number, line_type = draw(_number(chosen, kinds, allow_examples=allow_examples))
        form = draw(st.sampled_from(written))
        text = _written(draw, number, form)
        hint = region if form == "national" else draw(st.sampled_from((None, region)))
        if spreadsheet_damage and form == "e164" and draw(st.booleans()):
            text = draw(st.sampled_from((f"'{text}", f"{text}.0")))
        e164 = phonenumbers.format_number(number, PhoneNumberFormat.E164)
        return TypedNumber(text, hint, e164, line_type)

    return draw_one()


_MISTAKES: Final = (
    Code.DUPLICATED_COUNTRY_CODE,
    Code.MISSING_PLUS,
    Code.TRUNK_PREFIX_AFTER_COUNTRY_CODE,
    Code.LOOKALIKE_CHARACTERS,
    Code.REGION_MISMATCH,
    Code.MISSING_DIGIT,
    Code.EXTRA_DIGIT,
    Code.DOUBLED_DIGIT,
    Code.TRANSPOSED_DIGITS,
)
_LOOKALIKES: Final = {"0": "O", "1": "l", "3": "\u0417"}
#: Form regions for a national number typed under the wrong country.
_OTHER_FORMS: Final = ("US", "GB", "DE", "FR", "RU", "IN", "BR", "NG", "ID", "TR")


def mistyped_numbers(
    *, regions: Iterable[str] | None = None, mistakes: Iterable[Code] | None = None
) -> st.SearchStrategy[MistypedNumber]:
    """Mobile numbers typed with one mistake smscheck knows, the mistake left visible.

    Each draw's ``text`` is *not* a valid number as typed (or the mistake could not be seen),
    ``e164`` is the number meant and ``mistake`` the code of what was done to it.

    Args:
        regions: Region codes of the numbers meant; every region by default.
        mistakes: Codes among the mistakes below; all of them by default:
            ``duplicated_country_code``, ``missing_plus``, ``trunk_prefix_after_country_code``,
            ``lookalike_characters``, ``region_mismatch`` (the national format under another
            country's form: ``8 (912) 345-67-89`` for ``+7 912 345-67-89``), ``missing_digit``,
            ``extra_digit``, ``doubled_digit``, ``transposed_digits``.

    Returns:
        A strategy of :class:`MistypedNumber`.

    Raises:
        ValueError: An unknown region or a mistake this strategy does not make.
    """
    chosen = _regions(regions)
    kinds = _MISTAKES if mistakes is None else tuple(Code(m) for m in mistakes)
    if not kinds or any(k not in _MISTAKES for k in kinds):
        msg = f"mistakes must be among {', '.join(m.value for m in _MISTAKES)}"
        raise ValueError(msg)

    @st.composite
    def draw_one(draw: st.DrawFn) -> MistypedNumber:
        for _ in range(_TRIES):
            region, number, _ = draw(_number(chosen, (LineType.MOBILE,), allow_examples=False))
            mistake = draw(st.sampled_from(kinds))
            made = _mistype(draw, number, region, mistake)
            # A mistake that does not apply, or leaves a valid number, shows nothing: redraw.
            if made is not None and not _valid_as_typed(*made):
                e164 = phonenumbers.format_number(number, PhoneNumberFormat.E164)
                return MistypedNumber(made[0], made[1], e164, mistake)
        return reject()

    return draw_one()


def _valid_as_typed(text: str, region: str | None) -> bool:
    try:
        return bool(phonenumbers.is_valid_number(phonenumbers.parse(text, region)))
    except phonenumbers.NumberParseException:
        return False


def _mistype(
    draw: st.DrawFn, number: phonenumbers.PhoneNumber, region: str, mistake: Code
) -> tuple[str, str | None] | None:
    cc = str(number.country_code)
    nsn = phonenumbers.national_significant_number(number)
    intl = phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)
    rest = intl[len(cc) + 2 :]
    metadata = phonenumbers.PhoneMetadata.metadata_for_region(region)
    trunk = None if metadata is None else metadata.national_prefix
    if mistake is Code.DUPLICATED_COUNTRY_CODE:
        return f"+{cc} {cc} {rest}", None
    if mistake is Code.MISSING_PLUS:
        return f"{cc} {rest}", None
    if mistake is Code.TRUNK_PREFIX_AFTER_COUNTRY_CODE:
        return (f"+{cc} ({trunk}){rest}", None) if trunk and not nsn.startswith(trunk) else None
    if mistake is Code.LOOKALIKE_CHARACTERS:
        spots = [i for i, ch in enumerate(intl) if ch in _LOOKALIKES and i > len(cc)]
        if not spots:
            return None
        spot = draw(st.sampled_from(spots))
        return intl[:spot] + _LOOKALIKES[intl[spot]] + intl[spot + 1 :], region
    if mistake is Code.REGION_MISMATCH:
        national = phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
        others = [
            r
            for r in _OTHER_FORMS
            if phonenumbers.country_code_for_region(r) != number.country_code
        ]
        return national, draw(st.sampled_from(others))
    index = draw(st.integers(0, len(nsn) - 1))
    if mistake is Code.MISSING_DIGIT:
        slipped = nsn[:index] + nsn[index + 1 :]
    elif mistake is Code.EXTRA_DIGIT:
        digit = draw(st.sampled_from([d for d in "0123456789" if d != nsn[index]]))
        slipped = nsn[:index] + digit + nsn[index:]
    elif mistake is Code.DOUBLED_DIGIT:
        slipped = nsn[:index] + nsn[index] + nsn[index:]
    else:  # TRANSPOSED_DIGITS
        if index + 1 >= len(nsn) or nsn[index] == nsn[index + 1]:
            return None
        slipped = nsn[:index] + nsn[index + 1] + nsn[index] + nsn[index + 2 :]
    return f"+{cc}{slipped}", region
