"""``explain_failure``: a provider's delivery error, in one vocabulary, joined with the number.

The provider's code is looked up in ``data/delivery_errors.toml`` (``_failures_data``); when
the number is given, its :func:`~smscheck.check` report says whether the number itself
explains the error (a landline behind "not SMS-capable", a typo behind "unknown number", a
route rule behind "filtered") or points elsewhere (a valid mobile behind "not SMS-capable").
``docs/failures.md`` gives the causes, the providers and the rule that joins them.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Final

import attrs

from ._check import check, validated_options
from ._codes import Code, FailureCause, LineType, RuleEffect, Severity
from ._failures_data import ErrorEntry, ErrorTable, canonical, default_table
from ._messages import cause_wording, render
from ._report import SURROGATE, Diagnostic, Report, Sender, Source, escape_surrogates
from ._rules_load import load_rules

if TYPE_CHECKING:
    from ._rules import RuleSet

__all__ = ["MAX_CODE_CHARS", "FailureExplanation", "explain", "explain_failure"]

#: Longest code text read (a whole pasted delivery receipt fits); longer text is not read.
MAX_CODE_CHARS: Final = 1000

# A delivery receipt (SMPP ``deliver_sm`` text), as routes pass them through.
_RECEIPT_FIELD_RE: Final = re.compile(r"\b(err|stat):\s{0,3}([A-Za-z0-9]{1,10})", re.IGNORECASE)
_TOKEN_SPLIT_RE: Final = re.compile(r"[\s,;()\[\]{}\"'=#]+")
_MAX_TOKENS: Final = 64

# Line-type diagnostics that mean the number cannot take an SMS.
_NO_SMS_LINES: Final = frozenset(
    {
        Code.LANDLINE,
        Code.TOLL_FREE,
        Code.PREMIUM_RATE,
        Code.SHARED_COST,
        Code.UAN,
        Code.VOICEMAIL,
        Code.SHORT_CODE,
        Code.VOIP,
        Code.PAGER,
    }
)
_LINE_CODES: Final = _NO_SMS_LINES | {Code.LINE_TYPE_UNKNOWN, Code.PERSONAL_NUMBER}
# Causes a route rule (sender registration, filtering, unsupported destination) can explain.
_ROUTE_CAUSES: Final = frozenset(
    {FailureCause.CARRIER_FILTERED, FailureCause.SENDER_NOT_ALLOWED, FailureCause.NO_ROUTE}
)
_NUMBER_CAUSES: Final = frozenset({FailureCause.INVALID_NUMBER, FailureCause.UNKNOWN_NUMBER})
_EXPLAINS: Final = frozenset(
    {
        Code.FAILURE_EXPLAINED_BY_NUMBER,
        Code.FAILURE_EXPLAINED_BY_LINE_TYPE,
        Code.LINE_TYPE_SETTLED_BY_FAILURE,
        Code.FAILURE_EXPLAINED_BY_ROUTE,
    }
)
_POINTS_ELSEWHERE: Final = frozenset(
    {Code.FAILURE_ON_VALID_NUMBER, Code.FAILURE_ON_MOBILE_NUMBER, Code.NO_KNOWN_RULE}
)


@attrs.frozen
class FailureExplanation:
    """What a provider's delivery error means for one message, and what to do about it.

    Attributes:
        provider: The provider's id, e.g. ``"twilio"``.
        code: The code as the provider documents it (``"30006"``, ``"err:013"``), or the
            text as given when smscheck does not know it.
        cause: What went wrong, in the vocabulary shared by every provider.
        retryable: ``True`` when sending the same message again later can succeed,
            ``False`` when it will fail again until something changes (the number, the
            sender, the content, the account), ``None`` where the sources do not say.
        label: The provider's own short name of the code, where it gives one.
        diagnostics: The provider's error explained first (``provider_code``, or
            ``unknown_error_code``), then what the number's check adds, each with a message,
            the person's remedy, the service's remedy and its sources.
        report: The :func:`~smscheck.check` report of the number, when one was given.
    """

    provider: str
    code: str
    cause: FailureCause
    retryable: bool | None
    label: str | None
    diagnostics: tuple[Diagnostic, ...]
    report: Report | None = None

    @property
    def known(self) -> bool:
        """True when the code is one smscheck has a documented meaning for."""
        return bool(self.diagnostics) and self.diagnostics[0].code is Code.PROVIDER_CODE

    @property
    def explained_by_number(self) -> bool | None:
        """Whether the number's check explains the error.

        ``True`` when it does (a landline behind "not SMS-capable", a typo behind "unknown
        number", a route rule behind "filtered"), ``False`` when it points elsewhere (a
        valid mobile behind "not SMS-capable"), ``None`` when no number was given or the
        check says nothing either way.
        """
        codes = {d.code for d in self.diagnostics}
        if codes & _EXPLAINS:
            return True
        if codes & _POINTS_ELSEWHERE:
            return False
        return None

    def to_dict(self) -> dict[str, Any]:
        """Return the explanation as a JSON-safe dict with stable keys.

        Diagnostics cite their sources by ``id`` and ``checked`` date and ``sources``
        describes each cited source once, as in :meth:`Report.to_dict`; an unpaired
        surrogate in a code given as text is written as its escape, so the dict always
        encodes as UTF-8 JSON.
        """
        sources: dict[str, dict[str, str | None]] = {}
        for d in self.diagnostics:
            for s in d.sources:
                sources.setdefault(s.id, s._described())  # noqa: SLF001
        data = {
            "provider": self.provider,
            "code": self.code,
            "cause": self.cause.value,
            "retryable": self.retryable,
            "label": self.label,
            "known": self.known,
            "explained_by_number": self.explained_by_number,
            "diagnostics": [d.to_dict(cited=True) for d in self.diagnostics],
            "sources": sources,
            "report": None if self.report is None else self.report.to_dict(),
        }
        if SURROGATE.search(self.code) is None:  # the code, as given, is what could hold one
            return data
        escaped: dict[str, Any] = escape_surrogates(data)
        return escaped


def explain_failure(  # noqa: PLR0913 - the issue's signature: keyword-only options
    code: str | int,
    /,
    *,
    provider: str,
    number: str | None = None,
    region: str | None = None,
    sender: Sender | None = None,
    lang: str = "en",
) -> FailureExplanation:
    """Explain a delivery error an SMS provider reported, for this number where given.

    Args:
        code: The provider's error or status code as it reports it: ``30007`` (Twilio),
            ``"40002"`` (Telnyx), ``"err:013"`` or a whole SMPP delivery receipt,
            ``"CARRIER_UNREACHABLE"`` (AWS). Case, leading zeros and surrounding words
            ("error 30007") do not matter.
        provider: Which provider reported it: one of ``docs/failures.md``'s providers,
            e.g. ``"twilio"``; case-insensitive.
        number: The number the message was sent to, as typed or stored; when given, its
            :func:`~smscheck.check` report is joined with the error.
        region: The region hint for reading ``number``, as in :func:`~smscheck.check`.
        sender: How the service sends its SMS, as in :func:`~smscheck.check`; it decides
            which route rules can explain a filtering or sender error.
        lang: Language of messages and remedies: ``"en"`` or ``"ru"``.

    Returns:
        A :class:`FailureExplanation`. A code the provider does not document (or that
        smscheck does not know) gives cause ``unknown``, never an exception.

    Raises:
        TypeError: ``code`` is neither ``str`` nor ``int``, or ``number`` is not a ``str``.
        ValueError: ``provider`` is not one smscheck knows (the message names them), or
            ``region`` or ``lang`` is not valid.

    Example:
        ```python
        >>> import smscheck
        >>> why = smscheck.explain_failure(30006, provider="twilio", number="+44 20 7183 8750")
        >>> why.cause, why.retryable, why.explained_by_number
        (<FailureCause.NOT_SMS_CAPABLE: 'not_sms_capable'>, False, True)
        >>> [d.code.value for d in why.diagnostics]
        ['provider_code', 'failure_explained_by_line_type']

        ```
    """
    return explain(code, provider, number, region, sender, lang, None)


def explain(  # noqa: PLR0913, PLR0917 - explain_failure's options and a Checker's rules
    code: str | int,
    provider: str,
    number: str | None,
    region: str | None,
    sender: Sender | None,
    lang: str,
    rules: RuleSet | None,
) -> FailureExplanation:
    """:func:`explain_failure`, with a rule set (from a :class:`~smscheck.Checker`)."""
    if isinstance(code, bool) or not isinstance(code, (str, int)):
        msg = f"explain_failure() expects the code as a str or int, not {type(code).__name__}"
        raise TypeError(msg)
    if number is not None and not isinstance(number, str):
        msg = f"number must be a str or None, not {type(number).__name__}"
        raise TypeError(msg)
    if not isinstance(provider, str):
        msg = f"provider must be a str, not {type(provider).__name__}"
        raise TypeError(msg)
    hint, lang = validated_options(region, lang)
    table = default_table()
    pid = provider.strip().lower()
    if pid not in table.providers:
        known = ", ".join(sorted(table.providers))
        msg = f"unknown provider {provider!r}; smscheck knows: {known}"
        raise ValueError(msg)
    text = str(code)
    entry = _find(table, pid, text)
    report = (
        None
        if number is None
        else check(number, region=hint, lang=lang, rules=rules, sender=sender)
    )
    name = table.providers[pid].name
    if entry is None:
        shown = _shown(text)
        first = _diagnostic(
            Code.UNKNOWN_ERROR_CODE, lang, {"provider": name, "error": shown}, FailureCause.UNKNOWN
        )
        cause, retryable, label, documented = FailureCause.UNKNOWN, None, None, shown
    else:
        first = _described(entry, name, lang)
        cause, retryable, label, documented = entry.cause, entry.retryable, entry.label, entry.code
    evidence = () if report is None else _evidence(cause, report, lang, sender, rules)
    return FailureExplanation(
        provider=pid,
        code=documented,
        cause=cause,
        retryable=retryable,
        label=label,
        diagnostics=(first, *evidence),
        report=report,
    )


# --------------------------------------------------------------------------- the code


def _find(table: ErrorTable, pid: str, text: str) -> ErrorEntry | None:
    """The entry a code's text names: the code itself, a receipt's fields, or one word."""
    if len(text) > MAX_CODE_CHARS:
        return None
    entry = table.written.get((pid, text))  # the code exactly as documented: no parsing
    if entry is not None:
        return entry
    bare = table.providers[pid].bare_prefix
    entry = table.lookup(pid, canonical(text, bare))
    if entry is not None:
        return entry
    # A delivery receipt: its err: field first (the network's reason), then its stat:.
    fields = {m.group(1).lower(): m.group(2) for m in _RECEIPT_FIELD_RE.finditer(text)}
    for name in ("err", "stat"):
        if name in fields:
            entry = table.lookup(pid, canonical(f"{name}:{fields[name]}", bare))
            if entry is not None:
                return entry
    # Words around the code ("error 30007", "Twilio code: 30007"): one known code among them.
    found = {
        id(e): e
        for token in _TOKEN_SPLIT_RE.split(text, maxsplit=_MAX_TOKENS)[:_MAX_TOKENS]
        if token and len(token) <= 60
        for e in (table.lookup(pid, canonical(token.strip(":."), bare)),)
        if e is not None
    }
    return next(iter(found.values())) if len(found) == 1 else None


def _shown(text: str) -> str:
    """The code as shown in a message: one line, not too long."""
    line = " ".join(text.split())
    return line if len(line) <= 40 else line[:37] + "..."


# --------------------------------------------------------------------------- the diagnostics


def _diagnostic(  # noqa: PLR0913 - the wording's fills and what the diagnostic cites
    code: Code,
    lang: str,
    values: dict[str, str],
    cause: FailureCause,
    *,
    extra: dict[str, str | None] | None = None,
    sources: tuple[Source, ...] = (),
    rule_ids: tuple[str, ...] = (),
) -> Diagnostic:
    """A diagnostic from its catalog wording; ``extra`` fills texts that are not params."""
    cause_text = cause_wording(cause, lang)
    fill: dict[str, str | None] = {
        "cause_remedy": cause_text.remedy,
        "cause_service_remedy": cause_text.service_remedy,
        **(extra or {}),
    }
    params = tuple(values.items())
    message, remedy, service = render(code, lang, params, fill)
    return Diagnostic(
        code=code,
        severity=code.severity,
        message=message,
        remedy=remedy or None,
        service_remedy=service or None,
        params=params,
        rule_ids=rule_ids,
        sources=sources,
    )


# The first diagnostic of a known code depends on the entry and the language only: built once.
_DESCRIBED: dict[tuple[str, str, str], Diagnostic] = {}


def _described(entry: ErrorEntry, provider_name: str, lang: str) -> Diagnostic:
    key = (entry.provider, entry.code, lang)
    found = _DESCRIBED.get(key)
    if found is not None:
        return found
    values = {"provider": provider_name, "error": entry.code, "cause": entry.cause.value}
    extra: dict[str, str | None] = {"meaning": entry.text(entry.message, lang)}
    if entry.service_remedy is not None:
        extra["cause_service_remedy"] = entry.text(entry.service_remedy, lang)
    described = _diagnostic(
        Code.PROVIDER_CODE,
        lang,
        values,
        entry.cause,
        extra=extra,
        sources=tuple(s.cited(entry.checked) for s in entry.sources),
    )
    if entry.cause is FailureCause.NOT_A_FAILURE:  # a delivered or pending status
        described = attrs.evolve(described, severity=Severity.INFO)
    _DESCRIBED[key] = described
    return described


def _evidence(
    cause: FailureCause, report: Report, lang: str, sender: Sender | None, rules: RuleSet | None
) -> tuple[Diagnostic, ...]:
    """What the number's report adds to the error (``docs/failures.md``, "With a number")."""
    if cause.sender_side:
        return ()
    out: list[Diagnostic] = []
    person = report.diagnostics
    typo = next(
        (d for d in person if d.severity is Severity.ERROR and d.code not in _LINE_CODES), None
    )
    if report.number is None or typo is not None:
        reason = typo if typo is not None else (report.delivery.reasons or person or (None,))[0]
        if reason is not None:
            out.append(_because(Code.FAILURE_EXPLAINED_BY_NUMBER, reason, cause, lang))
        return tuple(out)
    line = next((d for d in person if d.code in _NO_SMS_LINES), None)
    if line is not None:
        out.append(_because(Code.FAILURE_EXPLAINED_BY_LINE_TYPE, line, cause, lang))
        return tuple(out)
    line_type = report.number.line_type
    if cause is FailureCause.NOT_SMS_CAPABLE:
        if line_type is LineType.FIXED_LINE_OR_MOBILE:
            out.append(_plain(Code.LINE_TYPE_SETTLED_BY_FAILURE, lang, {}, cause))
        elif line_type is LineType.MOBILE:
            out.append(_plain(Code.FAILURE_ON_MOBILE_NUMBER, lang, {}, cause))
    elif cause in _NUMBER_CAUSES:
        out.append(_plain(Code.FAILURE_ON_VALID_NUMBER, lang, {}, cause))
    if cause in _ROUTE_CAUSES:
        if report.route:
            out.append(_because(Code.FAILURE_EXPLAINED_BY_ROUTE, report.route[0], cause, lang))
        elif report.number.region is not None:
            region = report.number.region
            ruleset = load_rules() if rules is None else rules
            some = sum(r.effect is not RuleEffect.ADVISORY for r in ruleset.rules_for(region))
            if sender is None and some:
                values = {"region": region, "rules": str(some)}
                out.append(_plain(Code.ROUTE_DEPENDS_ON_SENDER, lang, values, cause))
            else:
                out.append(_plain(Code.NO_KNOWN_RULE, lang, {"region": region}, cause))
    return tuple(out)


# Evidence that names no diagnostic of the report depends on its code, language, cause and
# params only: built once each.
_PLAIN: dict[tuple[Code, str, FailureCause, tuple[tuple[str, str], ...]], Diagnostic] = {}


def _plain(code: Code, lang: str, values: dict[str, str], cause: FailureCause) -> Diagnostic:
    key = (code, lang, cause, tuple(values.items()))
    found = _PLAIN.get(key)
    if found is None:
        found = _PLAIN[key] = _diagnostic(code, lang, values, cause)
    return found


def _because(code: Code, reason: Diagnostic, cause: FailureCause, lang: str) -> Diagnostic:
    """A diagnostic that names the report's diagnostic explaining the error."""
    return _diagnostic(
        code,
        lang,
        {"because": reason.code.value},
        cause,
        extra={
            "reason": reason.message,
            "reason_remedy": reason.remedy or "",
            "reason_service_remedy": reason.service_remedy or "",
        },
        sources=reason.sources,
        rule_ids=reason.rule_ids,
    )
