"""pydantic v2 integration: a phone-number field that keeps smscheck's reason when it fails.

Needs ``pydantic`` (``pip install "smscheck[pydantic]"``); importing ``smscheck`` alone never
imports it. A field annotated :data:`PhoneNumber` (or ``Annotated[str, Phone(...)]`` to
configure it) is checked with :func:`smscheck.check` and holds the number in E.164 form. A
failure is a ``ValidationError`` whose error ``type`` and ``ctx["code"]`` are the smscheck
code value, ``ctx["suggestions"]`` the suggested E.164 numbers, best first, and whose message
is smscheck's sentence in the field's language.

```python
>>> from typing import Annotated
>>> import pydantic
>>> from smscheck.pydantic import Phone, PhoneNumber
>>> class SignUp(pydantic.BaseModel):
...     phone: Annotated[str, Phone(region="RU")]
>>> SignUp(phone="8 (912) 345-67-89").phone
'+79123456789'
>>> try:
...     SignUp(phone="+7 7 912 345 67 89")
... except pydantic.ValidationError as exc:
...     error = exc.errors()[0]
>>> error["type"], error["ctx"]["code"], error["ctx"]["suggestions"]
('duplicated_country_code', 'duplicated_country_code', ['+79123456789'])
>>> error["msg"]
'The country code 7 was typed twice.'

```
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import attrs
from pydantic_core import PydanticCustomError, core_schema

from ._codes import Code
from ._field import SMS_LINE_TYPES, FieldPolicy

if TYPE_CHECKING:
    from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
    from pydantic.json_schema import JsonSchemaValue

__all__ = ["SMS_LINE_TYPES", "Phone", "PhoneNumber"]


@attrs.frozen
class Phone(FieldPolicy):
    """How one field checks its numbers: put it in ``Annotated[str, Phone(...)]``.

    Attributes:
        region: The region to read numbers typed without a country code by.
        lang: The language of the error message (``"en"`` or ``"ru"``).
        sender: The sending service's profile, passed to :func:`smscheck.check`.
        line_types: The line types accepted; another one fails with its code (``landline``).
        allow_warnings: Whether a number with a warning (a missing ``+``, another country's
            ``00``) is accepted as smscheck read it; else the warning fails the field.
    """

    def validate(self, value: str) -> str:
        """The number in E.164 form, or a ``PydanticCustomError`` carrying the reason."""
        judgement = self.judge(value)
        if judgement.e164 is not None:
            return judgement.e164
        code = (judgement.code or Code.NOT_A_NUMBER).value
        raise PydanticCustomError(
            code,
            "{message}",
            {
                "message": judgement.message,
                "code": code,
                "suggestions": list(judgement.suggestions),
            },
        )

    def __get_pydantic_core_schema__(
        self, source: type[Any], handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        """Validate a ``str`` with :meth:`validate`; serialise as the E.164 string it holds."""
        del source, handler
        return core_schema.no_info_after_validator_function(self.validate, core_schema.str_schema())

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        """A string, in E.164 form once validated."""
        json_schema = handler(schema)
        json_schema.update(
            format="phone",
            description=(
                "A phone number as typed; stored in E.164 form (+ and up to 15 digits)"
                + (
                    f", read as a number of {self.region} when typed without +"
                    if self.region
                    else ""
                )
                + "."
            ),
            examples=["+79123456789"],
        )
        return json_schema


#: A phone-number field with the defaults: no region hint, English messages, SMS lines only.
PhoneNumber = Annotated[str, Phone()]
