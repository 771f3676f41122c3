"""The result types of a check: frozen, hashable, JSON-ready."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Final

import attrs

from ._codes import Code, DeliveryVerdict, LineType, SenderKind, Severity

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "SURROGATE",
    "Delivery",
    "Diagnostic",
    "Number",
    "Report",
    "Sender",
    "Source",
    "Suggestion",
    "checked_regions",
    "escape_surrogates",
]


@attrs.frozen
class Source:
    """Where a fact about the world comes from.

    Attributes:
        id: The source's id in the rules file, e.g. ``"twilio-guidelines"``.
        publisher: Who published it, e.g. ``"Twilio"``.
        title: The page or document title.
        url: Its address.
        captured: When the copy we read was taken or published (ISO date), or ``None`` where
            the source carries no date.
        checked: When we last checked the fact against it (ISO date).
    """

    id: str
    publisher: str
    title: str
    url: str
    captured: str | None
    checked: str

    def to_dict(self) -> dict[str, str | None]:
        """Return the source as a JSON-safe dict."""
        return {
            "id": self.id,
            "publisher": self.publisher,
            "title": self.title,
            "url": self.url,
            "captured": self.captured,
            "checked": self.checked,
        }

    def _citation(self) -> dict[str, str]:
        return {"id": self.id, "checked": self.checked}

    def _described(self) -> dict[str, str | None]:
        return {
            "publisher": self.publisher,
            "title": self.title,
            "url": self.url,
            "captured": self.captured,
        }


@attrs.frozen
class Diagnostic:
    """One thing smscheck has to say about the input.

    Attributes:
        code: What it is about; the value is API.
        severity: ``error``, ``warning`` or ``info``.
        message: One sentence: what is wrong, in the requested language.
        remedy: One sentence: what the person who typed the number can do, or ``None`` for a
            route rule that nothing the person does can change.
        service_remedy: One sentence: what the service sending the SMS can do, where it can.
        params: Facts the message was built from, e.g. ``(("missing", 1),)``.
        rule_ids: For region and carrier rules, the ids of the rules with this code that
            apply, the one whose message is shown first.
        sources: For region and carrier rules, where the rules come from.
    """

    code: Code
    severity: Severity
    message: str
    remedy: str | None
    service_remedy: str | None = None
    params: tuple[tuple[str, str | int], ...] = ()
    rule_ids: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()

    @property
    def rule_id(self) -> str | None:
        """The id of the rule whose message is shown, or ``None`` for other diagnostics."""
        return self.rule_ids[0] if self.rule_ids else None

    def param(self, name: str) -> str | int | None:
        """Return the value of one parameter, or ``None``."""
        for key, value in self.params:
            if key == name:
                return value
        return None

    def to_dict(self, *, cited: bool = False) -> dict[str, Any]:
        """Return the diagnostic as a JSON-safe dict with stable keys.

        Each source is a full :meth:`Source.to_dict`, or with ``cited=True`` only its ``id``
        and ``checked`` date (the form :meth:`Report.to_dict` uses, which describes each
        source once).
        """
        return {
            "code": self.code.value,
            "severity": self.severity.value,
            "message": self.message,
            "remedy": self.remedy,
            "service_remedy": self.service_remedy,
            "params": dict(self.params),
            "rule_ids": list(self.rule_ids),
            "sources": [s._citation() if cited else s.to_dict() for s in self.sources],  # noqa: SLF001
        }


@attrs.frozen
class Suggestion:
    """A number the person probably meant.

    Attributes:
        e164: The suggested number in E.164 form, e.g. ``"+79123456789"``.
        reason: The mistake this reading corrects.
        confidence: How sure smscheck is that this is the intended number, from 0 to 1.
        line_type: The suggested number's line type.
    """

    e164: str
    reason: Code
    confidence: float
    line_type: LineType = LineType.UNKNOWN

    def to_dict(self) -> dict[str, Any]:
        """Return the suggestion as a JSON-safe dict with stable keys."""
        return {
            "e164": self.e164,
            "reason": self.reason.value,
            "confidence": self.confidence,
            "line_type": self.line_type.value,
        }


@attrs.frozen
class Number:
    """A phone number as smscheck read it.

    Attributes:
        e164: ``+`` followed by the country code and the national number.
        region: ISO 3166 alpha-2 region of the number, or ``None`` for non-geographic numbers.
        country_code: The country calling code, e.g. ``7``.
        national_number: The national significant number, without trunk prefix, e.g.
            ``"9123456789"``.
        line_type: What kind of line the number belongs to.
        carrier: The carrier the number's range was originally allocated to, or ``None``.
            Numbers may have been ported to another carrier since.
        extension: An extension typed after the number, or ``None``.
    """

    e164: str
    region: str | None
    country_code: int
    national_number: str
    line_type: LineType
    carrier: str | None = None
    extension: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the number as a JSON-safe dict with stable keys."""
        return {
            "e164": self.e164,
            "region": self.region,
            "country_code": self.country_code,
            "national_number": self.national_number,
            "line_type": self.line_type.value,
            "carrier": self.carrier,
            "extension": self.extension,
        }


def checked_regions(regions: Iterable[str], where: str) -> frozenset[str]:
    """Region codes as a set: upper-case, blanks stripped, each one phonenumbers knows."""
    if isinstance(regions, str):
        regions = [regions]
    from ._phone import supported_regions  # noqa: PLC0415 - keeps `import smscheck` light

    known = supported_regions()
    out = set()
    for region in regions:
        if not isinstance(region, str):
            msg = f"{where} takes region codes as str, not {type(region).__name__}"
            raise TypeError(msg)
        code = region.strip().upper()
        if code not in known:
            # No guess at the code meant: alpha-3 codes only sometimes start with their
            # alpha-2 one (CHN is CN, not CH; AUT is AT, not AU), and a wrong guess misleads.
            msg = (
                f"unknown region {region!r} in {where}: expected ISO 3166 alpha-2"
                " codes such as 'RU' or 'IN'"
            )
            raise ValueError(msg)
        out.add(code)
    return frozenset(out)


def _registered_in(regions: Iterable[str]) -> frozenset[str]:
    return checked_regions(regions, "Sender.registered_in")


def _local_in(regions: Iterable[str]) -> frozenset[str]:
    return checked_regions(regions, "Sender.local_in")


def _templates_in(regions: Iterable[str]) -> frozenset[str]:
    return checked_regions(regions, "Sender.templates_in")


@attrs.frozen
class Sender:
    """How the sending service sends its SMS: state it once, pass it to every check.

    Each field names what the rules tell apart (``docs/rules.md``). Region codes are ISO
    alpha-2, case-insensitive; an unknown one is a ``ValueError`` naming it.

    Attributes:
        kind: The kind of sender identity used.
        registered_in: Regions where the sender is registered with the operators for the
            traffic it sends there: a service abroad that registered for international
            traffic lists the region here; a registration for local traffic only counts
            where the service also sends locally (``local_in``).
        local_in: Regions where the service sends through a local entity or partner, so its
            traffic counts as local; everywhere else it is international.
        templates_in: Regions where the message templates are registered (China, for one,
            delivers only registered templates).

    Example:
        ```python
        >>> import smscheck
        >>> sender = smscheck.Sender("alphanumeric", registered_in=["ru", "KZ"])
        >>> sorted(sender.registered_in)
        ['KZ', 'RU']
        >>> smscheck.Sender("alphanumeric", registered_in=["RUS"])
        Traceback (most recent call last):
          ...
        ValueError: unknown region 'RUS' in Sender.registered_in: expected ISO 3166 alpha-2 ...

        ```
    """

    kind: SenderKind = attrs.field(converter=SenderKind)
    registered_in: frozenset[str] = attrs.field(default=frozenset(), converter=_registered_in)
    local_in: frozenset[str] = attrs.field(default=frozenset(), converter=_local_in)
    templates_in: frozenset[str] = attrs.field(default=frozenset(), converter=_templates_in)


@attrs.frozen
class Delivery:
    """Will a code sent by SMS reach the person: the verdict and what decides it.

    Attributes:
        verdict: ``likely``, ``at_risk`` or ``unlikely`` (``docs/api.md`` gives the rule).
        reasons: The diagnostics that decide the verdict, most decisive first; empty when
            the verdict is ``likely``.
    """

    verdict: DeliveryVerdict
    reasons: tuple[Diagnostic, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Return the verdict and the codes of its reasons as a JSON-safe dict."""
        return {"verdict": self.verdict.value, "reasons": [d.code.value for d in self.reasons]}


@attrs.frozen
class Report:
    """Everything smscheck found about one input.

    Attributes:
        input: The text as given.
        region_hint: The region hint used, upper-case, or ``None``.
        number: The reading smscheck stands behind, or ``None``.
        diagnostics: For the person: what is wrong with what they typed and with the
            number itself (its line type, a correction), most severe first.
        suggestions: What the person probably meant, most likely first.
        route: For the sending service: the region and carrier rules that concern its
            sender on the way to this number, one diagnostic per code, most severe first.
        delivery: Will the code arrive: the verdict and the diagnostics that decide it.
    """

    input: str
    region_hint: str | None
    number: Number | None
    diagnostics: tuple[Diagnostic, ...] = ()
    suggestions: tuple[Suggestion, ...] = ()
    route: tuple[Diagnostic, ...] = ()
    delivery: Delivery = attrs.field()

    @delivery.default
    def _verdict(self) -> Delivery:
        return judge(self.number, self.diagnostics, self.route)

    @property
    def ok(self) -> bool:
        """True when a number was read and no diagnostic is an error."""
        return self.number is not None and all(
            d.severity is not Severity.ERROR for d in (*self.diagnostics, *self.route)
        )

    @property
    def codes(self) -> tuple[Code, ...]:
        """The codes of the person's diagnostics, then of the route's, in order."""
        return tuple(d.code for d in (*self.diagnostics, *self.route))

    def has(self, code: Code | str) -> bool:
        """Return whether a diagnostic (the person's or the route's) has this code."""
        return any(d.code == code for d in (*self.diagnostics, *self.route))

    def to_dict(self) -> dict[str, Any]:
        """Return the report as a JSON-safe dict with stable keys.

        Diagnostics cite their sources by ``id`` and ``checked`` date; ``sources`` describes
        each cited source once (publisher, title, url, captured), by id. An unpaired
        surrogate in the input (which no UTF-8 text can hold) is written as the six
        characters of its escape (a backslash, ``u`` and four hex digits), so the dict
        always encodes as UTF-8 JSON.
        """
        sources: dict[str, dict[str, str | None]] = {}
        for d in (*self.diagnostics, *self.route):
            for s in d.sources:
                if s.id not in sources:
                    sources[s.id] = s._described()  # noqa: SLF001
        data = {
            "input": self.input,
            "region_hint": self.region_hint,
            "ok": self.ok,
            "delivery": self.delivery.to_dict(),
            "number": None if self.number is None else self.number.to_dict(),
            "diagnostics": [d.to_dict(cited=True) for d in self.diagnostics],
            "suggestions": [s.to_dict() for s in self.suggestions],
            "route": [d.to_dict(cited=True) for d in self.route],
            "sources": sources,
        }
        if SURROGATE.search(self.input) is None:  # nothing else can hold one
            return data
        escaped: dict[str, Any] = escape_surrogates(data)
        return escaped


#: An unpaired surrogate: a Python str may hold one, UTF-8 text cannot.
SURROGATE: Final = re.compile("[\ud800-\udfff]")


def escape_surrogates(value: Any) -> Any:
    """``value`` with every unpaired surrogate in its strings written as its escape."""
    if isinstance(value, str):
        return value.encode("utf-8", "backslashreplace").decode("utf-8")
    if isinstance(value, list):
        return [escape_surrogates(item) for item in value]
    if isinstance(value, dict):
        return {key: escape_surrogates(item) for key, item in value.items()}
    return value


_ERROR: Final = Severity.ERROR
_WARNING: Final = Severity.WARNING


def judge(
    number: Number | None, diagnostics: tuple[Diagnostic, ...], route: tuple[Diagnostic, ...]
) -> Delivery:
    """The delivery verdict of a report, from its severities.

    Severities carry the verdict (:class:`~smscheck.Severity`): an error says the code will
    not reach the person, a warning that it may not. So: no number read, or any error,
    ``unlikely``; else any warning, ``at_risk``; else ``likely``. The reasons are the
    diagnostics of the deciding severity, the person's first, then the route's; when no
    number was read and nothing is an error (``+7 916 555 12 3O``: a lookalike letter), the
    person's diagnostics, which say why.
    """
    decisive = _ERROR if number is None else None
    reasons: list[Diagnostic] = []
    for group in (diagnostics, route):
        for d in group:
            severity = d.severity
            if severity is _ERROR:
                if decisive is not _ERROR:
                    decisive, reasons = _ERROR, []
                reasons.append(d)
            elif severity is _WARNING and decisive is not _ERROR:
                decisive = _WARNING
                reasons.append(d)
    if decisive is _ERROR:
        return Delivery(DeliveryVerdict.UNLIKELY, tuple(reasons or diagnostics))
    if decisive is _WARNING:
        return Delivery(DeliveryVerdict.AT_RISK, tuple(reasons))
    return Delivery(DeliveryVerdict.LIKELY)
