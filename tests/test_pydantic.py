"""smscheck.pydantic against real pydantic v2: fields, errors with the reason, JSON schema."""

from __future__ import annotations

from typing import Annotated

import pydantic
import pytest

from smscheck import LineType, Sender
from smscheck.pydantic import SMS_LINE_TYPES, Phone, PhoneNumber


class SignUp(pydantic.BaseModel):
    phone: Annotated[str, Phone(region="RU")]


class Anywhere(pydantic.BaseModel):
    phone: PhoneNumber


def _error(model: type, text: object) -> dict[str, object]:
    with pytest.raises(pydantic.ValidationError) as caught:
        model(phone=text)
    (error,) = caught.value.errors()
    return dict(error)


def test_valid_number_is_stored_and_serialised_as_e164() -> None:
    """A number as typed comes out in E.164 form, in Python and in JSON."""
    signup = SignUp(phone="8 (912) 345-67-89")
    assert signup.phone == "+79123456789"
    assert signup.model_dump_json() == '{"phone":"+79123456789"}'
    assert SignUp.model_validate_json('{"phone": "+7 912 345 67 89"}').phone == "+79123456789"


@pytest.mark.parametrize(
    ("model", "text", "code", "suggestions"),
    [
        (SignUp, "+7 7 912 345 67 89", "duplicated_country_code", ["+79123456789"]),
        (SignUp, "+7 916 555 12 3O", "lookalike_characters", ["+79165551230"]),
        (Anywhere, "8 912 345 67 89", "missing_country_code", ["+79123456789"]),
        (SignUp, "+7 495 777 77 77", "landline", []),
        (SignUp, "call me", "not_a_number", []),
    ],
)
def test_failure_carries_the_code_and_the_suggestions(
    model: type, text: str, code: str, suggestions: list[str]
) -> None:
    """errors()[0]: type and ctx["code"] are the smscheck code, ctx["suggestions"] the E.164s."""
    error = _error(model, text)
    assert error["type"] == code
    ctx = error["ctx"]
    assert isinstance(ctx, dict)
    assert ctx["code"] == code
    assert ctx["suggestions"] == suggestions
    assert error["msg"] == ctx["message"]


def test_message_in_the_fields_language() -> None:
    """lang="ru" gives smscheck's Russian sentence."""

    class RussianForm(pydantic.BaseModel):
        phone: Annotated[str, Phone(region="RU", lang="ru")]

    assert _error(RussianForm, "+7 7 912 345 67 89")["msg"] == "Код страны 7 набран дважды."


def test_line_types_and_warnings_are_configurable() -> None:
    """A field may take landlines; another may refuse numbers smscheck read with a warning."""

    class AnyLine(pydantic.BaseModel):
        phone: Annotated[str, Phone(line_types=SMS_LINE_TYPES | {LineType.FIXED_LINE})]

    assert AnyLine(phone="+7 495 777 77 77").phone == "+74957777777"

    class Strict(pydantic.BaseModel):
        phone: Annotated[str, Phone(region="US", allow_warnings=False)]

    assert _error(Strict, "00 44 7911 123456")["type"] == "wrong_international_prefix"

    class Lenient(pydantic.BaseModel):
        phone: Annotated[str, Phone(region="US")]

    assert Lenient(phone="00 44 7911 123456").phone == "+447911123456"


def test_route_rules_never_fail_the_field() -> None:
    """What concerns the sending service (registration, filtering) is not the person's error."""

    class Service(pydantic.BaseModel):
        phone: Annotated[str, Phone(sender=Sender("alphanumeric"))]

    assert Service(phone="+7 912 345 67 89").phone == "+79123456789"


def test_json_schema() -> None:
    """The field is a string in the JSON schema, described as stored in E.164 form."""
    schema = SignUp.model_json_schema()["properties"]["phone"]
    assert schema["type"] == "string"
    assert schema["format"] == "phone"
    assert "E.164" in schema["description"]
    assert "RU" in schema["description"]


def test_non_str_input_is_refused_by_pydantic_itself() -> None:
    """An int is not silently read as digits: pydantic's own string check refuses it."""
    assert _error(SignUp, 79123456789)["type"] == "string_type"


def test_smscheck_imports_no_integration_library() -> None:
    """import smscheck, and a first check(), load none of pydantic, Django and hypothesis."""
    import subprocess  # noqa: PLC0415
    import sys  # noqa: PLC0415

    code = (
        "import sys, smscheck; smscheck.check('+79123456789', region='RU'); "
        "print(sorted(m for m in ('pydantic', 'django', 'hypothesis') if m in sys.modules))"
    )
    result = subprocess.run(  # noqa: S603 - our own interpreter, our own code
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "[]"
