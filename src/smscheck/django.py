"""Django integration: a validator and a form field that keep smscheck's reason.

Needs ``Django`` (``pip install "smscheck[django]"``); importing ``smscheck`` alone never
imports it. :class:`PhoneNumberValidator` goes on any ``CharField`` (model or form) and is
deconstructible, so migrations can serialise it; a failure is a ``ValidationError`` whose
``code`` is the smscheck code value (``"missing_digit"``, ``"landline"``, ...) and whose
message is smscheck's sentence in the active Django language when smscheck has it (English
otherwise). :class:`PhoneNumberField` is a form field that also offers the top suggestion
("Did you mean +7 912 345-67-89?") and cleans to E.164.

```python
>>> import django
>>> from django.conf import settings
>>> if not settings.configured:  # a project's settings do this
...     settings.configure(USE_I18N=True, LANGUAGE_CODE="en")
...     django.setup()
>>> from smscheck.django import PhoneNumberField
>>> field = PhoneNumberField(region="RU")
>>> field.clean("8 (912) 345-67-89")
'+79123456789'
>>> try:
...     field.clean("+7 7 912 345 67 89")
... except django.core.exceptions.ValidationError as error:
...     print(error.code, "-", error.messages[0])
duplicated_country_code - The country code 7 was typed twice. Did you mean +7 912 345-67-89?

```
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from django import forms
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.deconstruct import deconstructible

from . import _phone
from ._field import SMS_LINE_TYPES, FieldPolicy
from ._messages import LANGUAGES

if TYPE_CHECKING:
    from collections.abc import Iterable

    from ._codes import LineType

__all__ = ["PhoneNumberField", "PhoneNumberValidator"]

_DID_YOU_MEAN: Final = {"en": "Did you mean {number}?", "ru": "Возможно, вы имели в виду {number}?"}


def _language() -> str:
    """The active Django language, as one of smscheck's (English when it has no such one)."""
    active = (translation.get_language() or "en").split("-")[0].lower()
    return active if active in LANGUAGES else "en"


@deconstructible
class PhoneNumberValidator:
    """Validate a phone number as a person typed it; raise ``ValidationError`` with the reason.

    Args:
        region: The region to read numbers typed without a country code by.
        line_types: The line types accepted (mobile lines by default: a field for SMS codes).
        allow_warnings: Whether a number with a warning is accepted as smscheck read it.
    """

    def __init__(
        self,
        region: str | None = None,
        line_types: Iterable[LineType] = SMS_LINE_TYPES,
        *,
        allow_warnings: bool = True,
    ) -> None:
        """Configure the validator (the arguments are the class's)."""
        self.region = region
        self.line_types = frozenset(line_types)
        self.allow_warnings = allow_warnings

    def __eq__(self, other: object) -> bool:
        """Validators compare equal by configuration (migrations compare them)."""
        return isinstance(other, PhoneNumberValidator) and (
            self.region,
            self.line_types,
            self.allow_warnings,
        ) == (other.region, other.line_types, other.allow_warnings)

    def __hash__(self) -> int:
        """Hash by configuration, like equality."""
        return hash((self.region, self.line_types, self.allow_warnings))

    def __call__(self, value: Any) -> None:
        """Raise ``ValidationError`` unless ``value`` is an acceptable number."""
        self.clean(value)

    def clean(self, value: Any) -> tuple[str, tuple[str, ...]]:
        """The number in E.164 form and the suggestions, or ``ValidationError``.

        A value that is not a ``str`` (a ``PhoneNumber`` of django-phonenumber-field, say) is
        read as its ``str()``.
        """
        text = value if isinstance(value, str) else str(value)
        policy = FieldPolicy(
            region=self.region,
            lang=_language(),
            line_types=self.line_types,
            allow_warnings=self.allow_warnings,
        )
        judgement = policy.judge(text)
        if judgement.e164 is None:
            code = judgement.code.value if judgement.code is not None else "invalid"
            raise ValidationError(
                judgement.message, code=code, params={"suggestions": judgement.suggestions}
            )
        return judgement.e164, judgement.suggestions


class PhoneNumberField(forms.CharField):  # type: ignore[misc]  # Django ships no types
    """A form field for a phone number: cleans to E.164, offers the top suggestion on failure.

    Args:
        region: The region to read numbers typed without a country code by.
        line_types: The line types accepted (mobile lines by default).
        allow_warnings: Whether a number with a warning is accepted as smscheck read it.
        **kwargs: What ``forms.CharField`` takes.
    """

    def __init__(
        self,
        *,
        region: str | None = None,
        line_types: Iterable[LineType] = SMS_LINE_TYPES,
        allow_warnings: bool = True,
        **kwargs: Any,
    ) -> None:
        """Configure the field (the arguments are the class's)."""
        kwargs.setdefault("max_length", 256)
        super().__init__(**kwargs)
        self.phone_validator = PhoneNumberValidator(
            region, line_types, allow_warnings=allow_warnings
        )

    def clean(self, value: Any) -> Any:
        """The number in E.164 form; empty values as ``CharField`` treats them."""
        text = super().clean(value)
        if text in self.empty_values:
            return text
        try:
            e164, _ = self.phone_validator.clean(text)
        except ValidationError as error:
            suggestions = (error.params or {}).get("suggestions", ())
            if suggestions:
                number = _phone.international_format(suggestions[0])
                hint = _DID_YOU_MEAN[_language()].format(number=number)
                message = f"{error.message} {hint}"
                raise ValidationError(message, code=error.code, params=error.params) from None
            raise
        return e164
