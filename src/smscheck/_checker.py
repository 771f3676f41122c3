"""A service's options stated once: its sender, rules, language and default region."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from ._batch import DEFAULT_CACHE_SIZE, check_many
from ._check import check, validated_options
from ._report import Sender
from ._rules import RuleSet

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from ._failures import FailureExplanation
    from ._report import Report

__all__ = ["Checker"]


def _sender(value: Sender | None) -> Sender | None:
    if value is not None and not isinstance(value, Sender):
        msg = f"sender must be a smscheck.Sender or None, not {type(value).__name__}"
        raise TypeError(msg)
    return value


def _rules(value: RuleSet | None) -> RuleSet | None:
    if value is not None and not isinstance(value, RuleSet):
        msg = f"rules must be a RuleSet from smscheck.load_rules(), not {type(value).__name__}"
        raise TypeError(msg)
    return value


@attrs.frozen
class Checker:
    """:func:`~smscheck.check` with a service's options bound once.

    A sign-up service states how it sends (its :class:`~smscheck.Sender`), which rules it
    uses and in which language it talks to people once, at start-up, and checks every
    number with that. The options are checked when the checker is made, so a bad region
    or language fails at start-up rather than on the first sign-up.

    Attributes:
        sender: How the service sends its SMS, or ``None`` (``docs/api.md``).
        rules: The rules to apply; ``None`` for the packaged ones.
        lang: The language of messages and remedies.
        region: The region hint used when a call gives none.

    Example:
        ```python
        >>> import smscheck
        >>> otp = smscheck.Checker(
        ...     sender=smscheck.Sender("alphanumeric", registered_in=["RU"]), region="RU"
        ... )
        >>> otp.check("8 916 123-45-67").delivery.verdict.value
        'likely'
        >>> [r.delivery.verdict.value for r in otp.check_many(["+8613812345678", ""])]
        ['unlikely', 'unlikely']

        ```
    """

    sender: Sender | None = attrs.field(default=None, converter=_sender)
    rules: RuleSet | None = attrs.field(default=None, converter=_rules)
    lang: str = "en"
    region: str | None = None

    def __attrs_post_init__(self) -> None:
        validated_options(self.region, self.lang)

    def check(self, text: str, /, *, region: str | None = None) -> Report:
        """Check one input; ``region``, when given, replaces the checker's for this call."""
        return check(
            text,
            region=self.region if region is None else region,
            lang=self.lang,
            rules=self.rules,
            sender=self.sender,
        )

    def check_many(
        self,
        texts: Iterable[str],
        /,
        *,
        region: str | None = None,
        workers: int = 1,
        cache_size: int = DEFAULT_CACHE_SIZE,
    ) -> Iterator[Report]:
        """:func:`~smscheck.check_many` with the checker's options."""
        return check_many(
            texts,
            region=self.region if region is None else region,
            lang=self.lang,
            rules=self.rules,
            sender=self.sender,
            workers=workers,
            cache_size=cache_size,
        )

    def explain_failure(
        self,
        code: str | int,
        /,
        *,
        provider: str,
        number: str | None = None,
        region: str | None = None,
    ) -> FailureExplanation:
        """:func:`~smscheck.explain_failure` with the checker's sender, rules and language."""
        from ._failures import explain  # noqa: PLC0415 - the error table only when used

        return explain(
            code,
            provider,
            number,
            self.region if region is None else region,
            self.sender,
            self.lang,
            self.rules,
        )
