"""The check pipeline: screen the text, read the number, and collect what is wrong with it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from . import _phone
from ._codes import Code, LineType
from ._fictional import fictional_range
from ._messages import LANGUAGES, render
from ._normalize import Finding, screen
from ._report import Diagnostic, Number, Report, Sender, Suggestion

if TYPE_CHECKING:
    from ._normalize import Params, Screened

__all__ = ["check"]

_LINE_TYPE_CODES: Final = {
    LineType.FIXED_LINE: Code.LANDLINE,
    LineType.FIXED_LINE_OR_MOBILE: Code.LINE_TYPE_UNKNOWN,
    LineType.VOIP: Code.VOIP,
    LineType.TOLL_FREE: Code.TOLL_FREE,
    LineType.PREMIUM_RATE: Code.PREMIUM_RATE,
    LineType.SHARED_COST: Code.SHARED_COST,
    LineType.PERSONAL_NUMBER: Code.PERSONAL_NUMBER,
    LineType.PAGER: Code.PAGER,
    LineType.UAN: Code.UAN,
    LineType.VOICEMAIL: Code.VOICEMAIL,
}

_PARSE_FAILURE_CODES: Final = {
    _phone.ParseFailure.INVALID_COUNTRY_CODE: Code.INVALID_COUNTRY_CODE,
    _phone.ParseFailure.TOO_SHORT: Code.TOO_SHORT,
    _phone.ParseFailure.TOO_LONG: Code.TOO_LONG,
    _phone.ParseFailure.NOT_A_NUMBER: Code.NOT_A_NUMBER,
}


def _region_hint(region: str | None) -> str | None:
    if region is None:
        return None
    if not isinstance(region, str):
        msg = f"region must be a str or None, not {type(region).__name__}"
        raise TypeError(msg)
    hint = region.strip().upper()
    if hint not in _phone.supported_regions():
        msg = f"unknown region {region!r}: expected an ISO 3166 alpha-2 code such as 'RU' or 'US'"
        raise ValueError(msg)
    return hint


class _Collector:
    """Diagnostics of one check, rendered in one language."""

    __slots__ = ("diagnostics", "lang")

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.diagnostics: list[Diagnostic] = []

    def add(self, code: Code, params: Params = ()) -> None:
        message, remedy, service = render(code, self.lang, params)
        self.diagnostics.append(
            Diagnostic(code, code.severity, message, remedy, service, params)
        )

    def extend(self, findings: tuple[Finding, ...]) -> None:
        for finding in findings:
            self.add(finding.code, finding.params)

    def sorted(self) -> tuple[Diagnostic, ...]:
        return tuple(sorted(self.diagnostics, key=lambda d: d.severity.rank))


def check(
    text: str,
    /,
    *,
    region: str | None = None,
    lang: str = "en",
    sender: Sender | None = None,
) -> Report:
    """Check what a person typed as their phone number.

    Args:
        text: The text as typed, pasted or exported; any ``str``.
        region: ISO 3166 alpha-2 code of the country the person is most likely in, used to
            read numbers written without a country code; case-insensitive.
        lang: Language of messages and remedies: ``"en"`` or ``"ru"``.
        sender: How the sending service sends its SMS, to sharpen region and carrier rules.

    Returns:
        A :class:`Report`. It never raises on a ``str``.

    Raises:
        TypeError: ``text`` is not a ``str`` (or ``region`` is neither ``str`` nor ``None``).
        ValueError: ``region`` is not a known region code, or ``lang`` is not a shipped language.

    Example:
        ```python
        >>> import smscheck
        >>> report = smscheck.check("8 (912) 345-67-89", region="ru")
        >>> report.ok, report.number.e164, report.number.line_type.value
        (True, '+79123456789', 'mobile')
        >>> smscheck.check("+44 20 7946 0123").codes
        (<Code.LANDLINE: 'landline'>, <Code.FICTIONAL_NUMBER: 'fictional_number'>)

        ```
    """
    if not isinstance(text, str):
        msg = f"check() expects the text as a str, not {type(text).__name__}"
        raise TypeError(msg)
    hint = _region_hint(region)
    if lang not in LANGUAGES:
        msg = f"no messages in language {lang!r}; choose one of {', '.join(LANGUAGES)}"
        raise ValueError(msg)
    del sender  # region and carrier rules arrive with the rules engine
    out = _Collector(lang)
    screened = screen(text)
    out.extend(screened.findings)
    number, suggestions = _read(screened, hint, out)
    return Report(text, hint, number, out.sorted(), suggestions)


def _read(
    screened: Screened, hint: str | None, out: _Collector
) -> tuple[Number | None, tuple[Suggestion, ...]]:
    """Read the number from screened text; add what is wrong with it to ``out``."""
    if not screened.readable:
        return None, ()
    if screened.lookalike_digits is not None:
        # phonenumbers would drop the letters and read a different number: never read it.
        return None, _lookalike_suggestions(screened, hint)
    digits = screened.digits
    if screened.vanity_text is not None:
        digits = _phone.keypad_digits(screened.vanity_text).lstrip("+")
    if not screened.plus and hint is None:
        out.add(Code.MISSING_COUNTRY_CODE)
        return None, ()
    parsed = _phone.parse(digits, plus=screened.plus, region=hint)
    if isinstance(parsed, _phone.ParseFailure):
        code = _PARSE_FAILURE_CODES[parsed]
        if code is Code.TOO_SHORT and hint is not None and _phone.is_short_code(digits, hint):
            out.add(Code.SHORT_CODE)
        elif code in (Code.TOO_SHORT, Code.TOO_LONG):
            out.add(code, _length_params(code, len(digits), _phone.country_code_for_region(hint)
                                         if hint else 0, hint))
        else:
            out.add(code)
        return None, ()
    reading = _phone.read(parsed)
    if not reading.valid:
        _explain_invalid(reading, digits, hint, out)
        return None, ()
    return _describe_valid(reading, screened, out), ()


def _length_params(code: Code, length: int, country_code: int, region: str | None) -> Params:
    lengths = _phone.mobile_lengths(country_code, region) or _phone.possible_lengths(
        country_code, region
    )
    shown = region or (f"+{country_code}" if country_code else "this country")
    if not lengths:
        return (("region", shown), ("missing", 1), ("extra", 1))
    if code is Code.TOO_SHORT:
        return (("region", shown), ("missing", max(1, min(lengths) - length)))
    return (("region", shown), ("extra", max(1, length - max(lengths))))


def _explain_invalid(
    reading: _phone.Reading, digits: str, hint: str | None, out: _Collector
) -> None:
    parsed = reading.parsed
    region = reading.region or _phone.region_for_country_code(parsed.country_code)
    possibility = reading.possibility
    length = len(parsed.national_number)
    if (
        hint is not None
        and not parsed.from_text
        and len(digits) <= 8
        and _phone.is_short_code(digits, hint)
    ):
        out.add(Code.SHORT_CODE)
    elif possibility == _phone.Possibility.INVALID_COUNTRY_CODE:
        out.add(Code.INVALID_COUNTRY_CODE)
    elif possibility == _phone.Possibility.LOCAL_ONLY:
        out.add(Code.LOCAL_ONLY, (("region", region or f"+{parsed.country_code}"),))
    elif possibility == _phone.Possibility.TOO_SHORT:
        out.add(Code.TOO_SHORT, _length_params(Code.TOO_SHORT, length, parsed.country_code, region))
    elif possibility == _phone.Possibility.TOO_LONG:
        out.add(Code.TOO_LONG, _length_params(Code.TOO_LONG, length, parsed.country_code, region))
    elif possibility == _phone.Possibility.INVALID_LENGTH:
        lengths = _phone.mobile_lengths(parsed.country_code, region)
        code = Code.TOO_SHORT if lengths and length < max(lengths) else Code.TOO_LONG
        out.add(code, _length_params(code, length, parsed.country_code, region))
    else:
        out.add(Code.INVALID_NUMBER, (("region", region or f"+{parsed.country_code}"),))


def _describe_valid(reading: _phone.Reading, screened: Screened, out: _Collector) -> Number:
    parsed = reading.parsed
    line_type = reading.line_type
    code = _LINE_TYPE_CODES.get(line_type)
    if code is not None:
        out.add(code, (("region", reading.region or f"+{parsed.country_code}"),))
    fictional = fictional_range(parsed.country_code, parsed.national_number)
    if fictional is not None:
        out.add(Code.FICTIONAL_NUMBER, (("authority", fictional.authority),))
    elif parsed.national_number in _phone.example_national_numbers(parsed.country_code):
        out.add(Code.EXAMPLE_NUMBER)
    carrier = _carrier(reading, out.lang)
    return Number(
        e164=reading.e164,
        region=reading.region,
        country_code=parsed.country_code,
        national_number=parsed.national_number,
        line_type=line_type,
        carrier=carrier,
        extension=screened.extension,
    )


def _carrier(reading: _phone.Reading, lang: str) -> str | None:
    """The carrier the number's range was allocated to.

    Russia's ranges come from the regulator's registry, which phonenumbers' carrier data
    mostly lacks; elsewhere phonenumbers' data is used.
    """
    if reading.region == "RU" and reading.line_type is LineType.MOBILE:
        from ._ru_carriers import ru_allocation

        allocation = ru_allocation(reading.parsed.national_number)
        if allocation is not None:
            return allocation.brand
    return _phone.carrier_name(reading, lang)


def _lookalike_suggestions(screened: Screened, hint: str | None) -> tuple[Suggestion, ...]:
    """The digit reading of a number typed with lookalike letters, if it is a valid number."""
    digits = screened.lookalike_digits
    if digits is None or (not screened.plus and hint is None):
        return ()
    parsed = _phone.parse(digits, plus=screened.plus, region=hint)
    if isinstance(parsed, _phone.ParseFailure):
        return ()
    reading = _phone.read(parsed)
    if not reading.valid:
        return ()
    return (Suggestion(reading.e164, Code.LOOKALIKE_CHARACTERS, 0.95, reading.line_type),)
