"""What a form field accepts: one rule for the pydantic and Django integrations."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

import attrs

from ._check import _LINE_TYPE_CODES, check
from ._codes import Code, LineType, Severity

if TYPE_CHECKING:
    from ._report import Report, Sender

__all__ = ["SMS_LINE_TYPES", "FieldPolicy", "Judgement"]

#: The line types that take an SMS: a field for sign-up codes accepts these by default.
SMS_LINE_TYPES: Final = frozenset({LineType.MOBILE, LineType.FIXED_LINE_OR_MOBILE})
_LINE_CODES: Final = frozenset(_LINE_TYPE_CODES.values())


@attrs.frozen
class Judgement:
    """A field's verdict on one value: the E.164 number, or why not and what was meant."""

    e164: str | None
    code: Code | None = None
    message: str = ""
    suggestions: tuple[str, ...] = ()


@attrs.frozen
class FieldPolicy:
    """How one field checks its numbers.

    Attributes:
        region: The region to read numbers typed without a country code by.
        lang: The language of the message (``"en"`` or ``"ru"``).
        sender: The sending service's profile, passed to :func:`smscheck.check`.
        line_types: The line types accepted; another one fails with its code (``landline``).
        allow_warnings: Whether a number with a warning (a missing ``+``, another country's
            ``00``) is accepted as smscheck read it; else the warning fails the field.
    """

    region: str | None = None
    lang: str = "en"
    sender: Sender | None = None
    line_types: frozenset[LineType] = SMS_LINE_TYPES
    allow_warnings: bool = True

    def judge(self, text: str) -> Judgement:
        """Check ``text`` and say whether the field takes it."""
        report = check(text, region=self.region, lang=self.lang, sender=self.sender)
        suggestions = tuple(s.e164 for s in report.suggestions)
        failure = self._failure(report)
        if failure is None and report.number is not None:
            return Judgement(report.number.e164, suggestions=suggestions)
        code, message = failure or (Code.NOT_A_NUMBER, "")
        return Judgement(None, code, message, suggestions)

    def _failure(self, report: Report) -> tuple[Code, str] | None:
        # The route (region and carrier rules) is the sending service's business, not the
        # person's: it never fails a field.
        person = report.diagnostics
        for diagnostic in person:
            if diagnostic.code in _LINE_CODES:
                continue  # judged by the field's line types, below
            if diagnostic.severity is Severity.ERROR or (
                diagnostic.severity is Severity.WARNING and not self.allow_warnings
            ):
                return diagnostic.code, diagnostic.message
        number = report.number
        if number is None:
            first = person[0] if person else None
            return (first.code, first.message) if first else (Code.NOT_A_NUMBER, "")
        if number.line_type not in self.line_types:
            line = next((d for d in person if d.code in _LINE_CODES), None)
            return (line.code, line.message) if line else (Code.LINE_TYPE_UNKNOWN, "")
        return None
