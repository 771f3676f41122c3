"""The result types of a check: frozen, hashable, JSON-ready."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from ._codes import Code, LineType, SenderKind, Severity

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["Diagnostic", "Number", "Report", "Sender", "Source", "Suggestion"]


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


@attrs.frozen
class Diagnostic:
    """One thing smscheck has to say about the input.

    Attributes:
        code: What it is about; the value is API.
        severity: ``error``, ``warning`` or ``info``.
        message: One sentence: what is wrong, in the requested language.
        remedy: One sentence: what the person who typed the number can do.
        service_remedy: One sentence: what the service sending the SMS can do, where it can.
        params: Facts the message was built from, e.g. ``(("missing", 1),)``.
        rule_id: For region and carrier rules, the rule's id in the rules file.
        sources: For region and carrier rules, where the rule comes from.
    """

    code: Code
    severity: Severity
    message: str
    remedy: str
    service_remedy: str | None = None
    params: tuple[tuple[str, str | int], ...] = ()
    rule_id: str | None = None
    sources: tuple[Source, ...] = ()

    def param(self, name: str) -> str | int | None:
        """Return the value of one parameter, or ``None``."""
        for key, value in self.params:
            if key == name:
                return value
        return None

    def to_dict(self) -> dict[str, Any]:
        """Return the diagnostic as a JSON-safe dict with stable keys."""
        return {
            "code": self.code.value,
            "severity": self.severity.value,
            "message": self.message,
            "remedy": self.remedy,
            "service_remedy": self.service_remedy,
            "params": dict(self.params),
            "rule_id": self.rule_id,
            "sources": [s.to_dict() for s in self.sources],
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


def _region_set(regions: Iterable[str]) -> frozenset[str]:
    """Region codes as a set, upper-case, blanks stripped: ``["ru "]`` -> ``{"RU"}``."""
    if isinstance(regions, str):
        regions = [regions]
    return frozenset(region.strip().upper() for region in regions)


@attrs.frozen
class Sender:
    """How the sending service sends its SMS, to sharpen region and carrier rules.

    Attributes:
        kind: The kind of sender identity used.
        registered_in: Regions (ISO alpha-2) where the sender is registered with operators.
    """

    kind: SenderKind = attrs.field(converter=SenderKind)
    registered_in: frozenset[str] = attrs.field(default=frozenset(), converter=_region_set)


@attrs.frozen
class Report:
    """Everything smscheck found about one input.

    Attributes:
        input: The text as given.
        region_hint: The region hint used, upper-case, or ``None``.
        number: The reading smscheck stands behind, or ``None``.
        diagnostics: What is wrong or worth knowing, most severe first.
        suggestions: What the person probably meant, most likely first.
    """

    input: str
    region_hint: str | None
    number: Number | None
    diagnostics: tuple[Diagnostic, ...] = ()
    suggestions: tuple[Suggestion, ...] = ()

    @property
    def ok(self) -> bool:
        """True when a number was read and no diagnostic is an error."""
        return self.number is not None and all(
            d.severity is not Severity.ERROR for d in self.diagnostics
        )

    @property
    def codes(self) -> tuple[Code, ...]:
        """The diagnostics' codes, in order."""
        return tuple(d.code for d in self.diagnostics)

    def has(self, code: Code | str) -> bool:
        """Return whether a diagnostic with this code is present."""
        return any(d.code == code for d in self.diagnostics)

    def to_dict(self) -> dict[str, Any]:
        """Return the report as a JSON-safe dict with stable keys."""
        return {
            "input": self.input,
            "region_hint": self.region_hint,
            "ok": self.ok,
            "number": None if self.number is None else self.number.to_dict(),
            "diagnostics": [d.to_dict() for d in self.diagnostics],
            "suggestions": [s.to_dict() for s in self.suggestions],
        }
