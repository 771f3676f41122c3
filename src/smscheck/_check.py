"""The check pipeline: screen the text, read the number, and collect what is wrong with it."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Final

from . import _phone, _valid_probe
from ._codes import Code, LineType, RuleEffect
from ._fictional import fictional_range
from ._messages import LANGUAGES, render
from ._normalize import Finding, screen
from ._report import Diagnostic, Number, Report, Sender, Source, Suggestion
from ._ru_carriers import ru_allocation
from ._rules import RuleSet, orders_of
from ._rules_load import packaged_orders
from ._rules_match import applicable

if TYPE_CHECKING:
    from collections.abc import Mapping

    from . import _typos
    from ._codes import Severity
    from ._normalize import Params, Screened
    from ._rules import Rule
    from ._rules_match import Orders

__all__ = [
    "PORTABILITY_SOURCE",
    "check",
    "person_diagnostic",
    "route_diagnostics",
    "validated_options",
]

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


def validated_options(region: str | None, lang: str) -> tuple[str | None, str]:
    """Check a region hint and a language; return both normalised.

    Region codes and language tags are case-insensitive: ``"ru "`` gives ``"RU"`` as the
    region and ``"RU"`` gives ``"ru"`` as the language.
    """
    hint = _region_hint(region)
    if not isinstance(lang, str):
        msg = f"lang must be a str, not {type(lang).__name__}"
        raise TypeError(msg)
    language = lang.strip().lower()
    if language not in LANGUAGES:
        msg = f"no messages in language {lang!r}; choose one of {', '.join(LANGUAGES)}"
        raise ValueError(msg)
    return hint, language


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


# Diagnostics are immutable, and most checks produce the same few again and again (a rule of
# the region, a line type), so rendered ones are kept: rendering is the costliest part of a
# rule's diagnostic. Bounded; keyed by everything the diagnostic is made of.
@functools.lru_cache(maxsize=4096)
def person_diagnostic(
    code: Code, lang: str, params: Params, sources: tuple[Source, ...] = ()
) -> Diagnostic:
    """A diagnostic smscheck words itself (every code but the rules'), rendered in ``lang``."""
    message, remedy, service = render(code, lang, params)
    return Diagnostic(code, code.severity, message, remedy, service, params, (), sources)


@functools.lru_cache(maxsize=4096)
def route_diagnostics(
    matched: tuple[tuple[Rule, Severity], ...], lang: str
) -> tuple[Diagnostic, ...]:
    """One diagnostic per code: the rules with the same code merged, most severe first.

    The first rule of a code (the most severe, then by id) gives the severity and the
    wording; the diagnostic carries every rule's id, carriers and sources.
    """
    by_code: dict[Code, list[tuple[Rule, Severity]]] = {}
    for rule, severity in matched:
        by_code.setdefault(rule.code, []).append((rule, severity))
    out = []
    for group in by_code.values():
        lead, severity = group[0]
        params: list[tuple[str, str | int]] = [("region", lead.region)]
        carriers: dict[str, None] = {}
        sources: dict[str, Source] = {}
        effective = None
        for rule, _ in group:
            carriers.update(dict.fromkeys(rule.carriers))
            for source in rule.sources:
                sources.setdefault(source.id, source)
            if rule.effective is not None and effective is None:
                effective = rule.effective
        if carriers and all(rule.carriers for rule, _ in group):
            params.append(("carriers", ", ".join(carriers)))
        if effective is not None:
            params.append(("effective", effective))
        out.append(
            Diagnostic(
                lead.code,
                severity,
                lead.text("message", lang) or "",
                lead.text("remedy", lang),
                lead.text("service_remedy", lang),
                tuple(params),
                tuple(rule.id for rule, _ in group),
                tuple(sources.values()),
            )
        )
    return tuple(out)


def _severity_rank(diagnostic: Diagnostic) -> int:
    return diagnostic.severity.rank


class _Collector:
    """Diagnostics of one check, rendered in one language."""

    __slots__ = ("diagnostics", "lang", "route")

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.diagnostics: list[Diagnostic] = []
        self.route: tuple[Diagnostic, ...] = ()

    def add(self, code: Code, params: Params = (), sources: tuple[Source, ...] = ()) -> None:
        self.diagnostics.append(person_diagnostic(code, self.lang, params, sources))

    def extend(self, findings: tuple[Finding, ...]) -> None:
        for finding in findings:
            self.add(finding.code, finding.params)

    def sorted(self) -> tuple[Diagnostic, ...]:
        diagnostics = self.diagnostics
        if len(diagnostics) < 2:
            return tuple(diagnostics)
        return tuple(sorted(diagnostics, key=_severity_rank))


def check(
    text: str,
    /,
    *,
    region: str | None = None,
    lang: str = "en",
    rules: RuleSet | None = None,
    sender: Sender | None = None,
) -> Report:
    """Check what a person typed as their phone number.

    Args:
        text: The text as typed, pasted or exported; any ``str``.
        region: ISO 3166 alpha-2 code of the country the person is most likely in, used to
            read numbers written without a country code; case-insensitive.
        lang: Language of messages and remedies: ``"en"`` or ``"ru"``; case-insensitive.
        rules: The region and carrier rules to apply, from :func:`load_rules`; by default the
            rules shipped with smscheck (loaded on first use).
        sender: How the sending service sends its SMS. Rules that do not concern this kind
            of sender or its traffic, or that its registrations lift, are left out. With no
            sender, only the rules that hold for every sender are reported (``docs/api.md``).

    Returns:
        A :class:`Report`: the person's diagnostics, the route's, the suggestions and the
        delivery verdict. It never raises on a ``str``.

    Raises:
        TypeError: ``text`` is not a ``str`` (or ``region`` is neither ``str`` nor ``None``).
        ValueError: ``region`` is not a known region code, or ``lang`` is not a shipped language.

    Example:
        ```python
        >>> import smscheck
        >>> report = smscheck.check("8 (916) 123-45-67", region="ru")
        >>> report.delivery.verdict, report.number.e164, report.number.line_type.value
        (<DeliveryVerdict.LIKELY: 'likely'>, '+79161234567', 'mobile')
        >>> smscheck.check("+44 20 7946 0123").codes
        (<Code.LANDLINE: 'landline'>, <Code.FICTIONAL_NUMBER: 'fictional_number'>)

        ```
    """
    if not isinstance(text, str):
        msg = f"check() expects the text as a str, not {type(text).__name__}"
        raise TypeError(msg)
    hint, lang = validated_options(region, lang)
    if rules is not None and not isinstance(rules, RuleSet):
        msg = f"rules must be a RuleSet from smscheck.load_rules(), not {type(rules).__name__}"
        raise TypeError(msg)
    if sender is not None and not isinstance(sender, Sender):
        msg = f"sender must be a smscheck.Sender, not {type(sender).__name__}"
        raise TypeError(msg)
    out = _Collector(lang)
    screened = screen(text)
    out.extend(screened.findings)
    number, suggestions = _read(screened, hint, out, text)
    if number is not None and number.line_type in _CAN_TAKE_SMS and number.region is not None:
        orders = packaged_orders() if rules is None else orders_of(rules)
        _apply_rules(number, number.region, orders, sender, out)
    return Report(text, hint, number, out.sorted(), suggestions, out.route)


def _read(
    screened: Screened, hint: str | None, out: _Collector, text: str
) -> tuple[Number | None, tuple[Suggestion, ...]]:
    """Read the number from screened text; add what is wrong with it to ``out``.

    Typing mistakes (``_typos``) decide ``report.number`` this way: a corrected reading is
    stood behind only for mistakes in *how* the number was written (a missing ``+``, another
    country's ``00``/``011``/``810``, a trunk ``0`` after the country code, a retired prefix,
    Italy's missing ``0``) and only when it is the one likely reading (confidence >= 0.9); it
    then replaces the invalid literal reading, with a warning. A doubled country code, a
    number of another region and digit slips leave ``number`` as ``None`` with an error and
    the readings in ``suggestions``. A valid reading that has a likelier other reading
    (``ambiguous_number``) is kept only while it stays the most likely.

    The typo model (``_typos``) is imported on first need: a valid reading that nothing in
    the typing can point away from (``_valid_probe``) never needs it.
    """
    if not screened.readable:
        return None, ()
    if screened.shape is not None and not _stands_as_typed(screened, hint):
        # "02.01.2012", "192.168.0.1": not a number mistyped but another field's value, unless
        # the digits are a valid number as typed ("70.123.10.10", "30.101.10.10" in Senegal,
        # where numbers are written in dotted pairs). For a date, only a valid mobile: a
        # landline that happens to read out of "02.01.2012" is not worth the doubt.
        out.add(Code.DATE_TIME_OR_ADDRESS, (("kind", screened.shape),))
        return None, ()
    if screened.lookalike_digits is not None:
        # phonenumbers would drop the letters and read a different number: never read it.
        return None, _lookalike_suggestions(screened, hint)
    digits = screened.digits
    # Keypad digits of a vanity number are no typing: no typo hypotheses on them.
    typos = screened.vanity_text is None
    if screened.vanity_text is not None:
        digits = _phone.keypad_digits(screened.vanity_text).lstrip("+")
    if not screened.plus and hint is None:
        from . import _typos  # noqa: PLC0415 - the typo model, imported on first need

        verdict = _typos.without_region(digits, _typos.typing_of(text, digits))
        if verdict is not None and verdict.number is not None:  # "0049 ...": read as +49
            suggestions = _apply(verdict, out)
            return _describe_valid(verdict.number, screened, out), suggestions
        out.add(Code.MISSING_COUNTRY_CODE)
        return None, _apply(verdict, out)
    parsed = _phone.parse(digits, plus=screened.plus, region=hint)
    if isinstance(parsed, _phone.ParseFailure):
        rescued, suggestions, explained = _typos_on_invalid(
            digits, screened, hint, None, text=text, out=out, typos=typos
        )
        if rescued is not None or explained:
            return rescued, suggestions
        code = _PARSE_FAILURE_CODES[parsed]
        if code is Code.NOT_A_NUMBER and digits:
            # phonenumbers calls "+7" or "5" no number at all; it is a number cut short.
            code = Code.TOO_SHORT
        if screened.plus and _phone.leading_country_code(digits) is None:
            code = Code.INVALID_COUNTRY_CODE
        if code is Code.TOO_SHORT and hint is not None and _phone.is_short_code(digits, hint):
            out.add(Code.SHORT_CODE)
        elif code in (Code.TOO_SHORT, Code.TOO_LONG):
            out.add(code, _failure_length_params(code, digits, screened.plus, hint))
        else:
            out.add(code)
        return None, suggestions
    reading = _phone.read(parsed)
    if not reading.valid:
        fictional = fictional_range(parsed.country_code, parsed.national_number)
        if fictional is not None:
            # Some reserved drama ranges (Ofcom's 07700 900xxx, 01632 960xxx) lie outside the
            # ranges phonenumbers calls valid: they are still nobody's number, which is the
            # useful thing to say, and no typo explains them.
            out.add(Code.FICTIONAL_NUMBER, (("authority", fictional.authority),))
            return None, ()
        rescued, suggestions, explained = _typos_on_invalid(
            digits, screened, hint, parsed, text=text, out=out, typos=typos
        )
        if rescued is None and not explained:
            _explain_invalid(reading, digits, hint, out)
        return rescued, suggestions
    probe = _valid_probe.needed(
        digits,
        plus=screened.plus,
        from_text=parsed.from_text,
        country_code=parsed.country_code,
        national_number=parsed.national_number,
        line_type=reading.line_type,
        text=text,
        hint=hint,
    )
    if not probe:  # nothing in the typing can point elsewhere: the reading stands
        return _describe_valid(reading, screened, out), ()
    from . import _typos  # noqa: PLC0415 - the typo model, imported on first need

    verdict = _typos.on_valid(digits, screened.plus, hint, reading, text)
    suggestions = _apply(verdict, out)
    if verdict is not None and verdict.number is not None:
        return _describe_valid(verdict.number, screened, out), suggestions
    if verdict is not None and not verdict.keep:
        return None, suggestions
    return _describe_valid(reading, screened, out), suggestions


def _stands_as_typed(screened: Screened, hint: str | None) -> bool:
    """Whether digits that have a date or address shape read as a number that outweighs it."""
    if not screened.plus and hint is None:
        return False
    parsed = _phone.parse(screened.digits, plus=screened.plus, region=hint)
    if isinstance(parsed, _phone.ParseFailure):
        return False
    line_type = _phone.read(parsed).line_type
    if screened.shape == "date":
        return line_type in (LineType.MOBILE, LineType.FIXED_LINE_OR_MOBILE)
    return line_type is not LineType.UNKNOWN


def _typos_on_invalid(  # noqa: PLR0913 - the state of one reading, passed along
    digits: str,
    screened: Screened,
    hint: str | None,
    parsed: _phone.Parsed | None,
    *,
    text: str,
    out: _Collector,
    typos: bool,
) -> tuple[Number | None, tuple[Suggestion, ...], bool]:
    """Ask the typo detective about an invalid reading.

    Returns the corrected number smscheck stands behind (or ``None``), the suggestions, and
    whether the typo diagnostics already explain what is wrong.
    """
    from . import _typos  # noqa: PLC0415 - the typo model, imported on first need

    verdict = (
        _typos.on_invalid(digits, screened.plus, hint, parsed, _typos.typing_of(text, digits))
        if typos
        else None
    )
    suggestions = _apply(verdict, out)
    if verdict is None:
        return None, suggestions, False
    if verdict.number is not None:
        return _describe_valid(verdict.number, screened, out), suggestions, True
    return None, suggestions, verdict.explained


def _apply(verdict: _typos.Verdict | None, out: _Collector) -> tuple[Suggestion, ...]:
    """Add a typo verdict's diagnostics; return its suggestions."""
    if verdict is None:
        return ()
    out.extend(verdict.findings)
    return verdict.suggestions


def _failure_length_params(code: Code, digits: str, plus: bool, hint: str | None) -> Params:
    """Length params for digits phonenumbers could not read at all."""
    if plus:
        country_code = _phone.leading_country_code(digits)
        if country_code is not None:
            national = len(digits) - len(str(country_code))
            region = _phone.region_for_country_code(country_code)
            return _length_params(code, national, country_code, region)
        return _length_params(code, len(digits), 0, None)
    country_code = _phone.country_code_for_region(hint) if hint else 0
    return _length_params(code, len(digits), country_code, hint)


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
    same_country = hint is not None and _phone.country_code_for_region(hint) == parsed.country_code
    # An invalid number's region is a guess; the form's region is the better one to name.
    region = (hint if same_country else reading.region) or _phone.region_for_country_code(
        parsed.country_code
    )
    possibility = reading.possibility
    length = len(parsed.national_number)
    trunk = _phone.national_prefix(hint) if hint is not None and not parsed.from_text else None
    if trunk and digits.startswith(trunk) and not parsed.stripped_trunk_prefix:
        # phonenumbers keeps a trunk prefix whose removal leaves a wrong length: "8 916 123
        # 45 6" in Russia reads as ten digits starting with 8. Count without the prefix.
        lengths = _phone.mobile_lengths(parsed.country_code, hint)
        without = len(digits) - len(trunk)
        if lengths and without < min(lengths):
            length, possibility = without, _phone.Possibility.TOO_SHORT
        elif lengths and without > max(lengths):
            length, possibility = without, _phone.Possibility.TOO_LONG
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


_ADVISORY: Final = RuleEffect.ADVISORY

# Lines that may take an SMS: rules about delivering one only make sense for these.
_CAN_TAKE_SMS: Final = frozenset(
    {
        LineType.MOBILE,
        LineType.FIXED_LINE_OR_MOBILE,
        LineType.VOIP,
        LineType.PAGER,
        LineType.PERSONAL_NUMBER,
    }
)

# Where the portability flag comes from: phonenumbers' copy of libphonenumber's metadata.
PORTABILITY_SOURCE: Final = Source(
    id="libphonenumber-metadata",
    publisher="Google libphonenumber, via the phonenumbers package",
    title="Numbering metadata: mobileNumberPortableRegion",
    url="https://github.com/google/libphonenumber/blob/master/resources/PhoneNumberMetadata.xml",
    captured=None,
    checked="2026-11-25",
)


def _apply_rules(
    number: Number,
    region: str,
    orders: Mapping[str, Orders],
    sender: Sender | None,
    out: _Collector,
) -> None:
    """Set the route diagnostics: the rules that can stop, delay or alter this code.

    Advisory rules (content, promotional hours, fraud risk) do not change whether a plain
    code arrives, so they stay out of the report; ``RuleSet.rules_for`` and ``smscheck rules
    show`` list them.
    """
    matched = tuple(
        pair
        for pair in applicable(
            orders,
            region=region,
            national_number=number.national_number,
            carrier=number.carrier,
            sender=sender,
        )
        if pair[0].effect is not _ADVISORY
    )
    if not matched:
        return
    route = route_diagnostics(matched, out.lang)
    if (
        number.carrier is not None
        and _phone.is_portable_region(region)
        and any(rule.carriers for rule, _ in matched)
    ):
        # A rule was matched by the carrier the range was allocated to: say that it may not
        # be the number's carrier any more.
        route = (
            *route,
            person_diagnostic(
                Code.CARRIER_MAY_BE_PORTED,
                out.lang,
                (("carrier", number.carrier),),
                (PORTABILITY_SOURCE,),
            ),
        )
    out.route = route
