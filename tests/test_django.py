"""smscheck.django against a real Django project: a model, a form, and a language switch."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

django = pytest.importorskip("django")

from django.conf import settings  # noqa: E402 - after the skip

if not settings.configured:
    settings.configure(
        INSTALLED_APPS=["phonenumber_field", "tests.django_app"],
        DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}},
        USE_I18N=True,
        LANGUAGE_CODE="en",
        LANGUAGES=[("en", "English"), ("ru", "Russian"), ("de", "German")],
        DEFAULT_AUTO_FIELD="django.db.models.AutoField",
    )
    django.setup()

from django import forms  # noqa: E402
from django.core.exceptions import ValidationError  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.migrations.writer import MigrationWriter  # noqa: E402
from django.utils import translation  # noqa: E402

from smscheck import LineType  # noqa: E402
from smscheck.django import PhoneNumberField, PhoneNumberValidator  # noqa: E402

if TYPE_CHECKING:
    from collections.abc import Iterator

pytestmark = pytest.mark.skipif(
    "tests.django_app" not in settings.INSTALLED_APPS,
    reason="Django was configured elsewhere in this process without the test app",
)


def _table(name: str) -> Iterator[Any]:
    """A model of the test app, with its table in the in-memory database while in use."""
    from tests.django_app import models  # noqa: PLC0415 - needs the configured app

    model = getattr(models, name)
    with connection.schema_editor() as editor:
        editor.create_model(model)
    yield model
    with connection.schema_editor() as editor:
        editor.delete_model(model)


@pytest.fixture(scope="module")
def member_table() -> Iterator[Any]:
    """The Member model: a plain CharField with smscheck's validator."""
    yield from _table("Member")


@pytest.fixture(scope="module")
def contact_table() -> Iterator[Any]:
    """The Contact model: django-phonenumber-field's field with smscheck's validator on it."""
    yield from _table("Contact")


def test_alongside_django_phonenumber_field(contact_table: Any) -> None:
    """On django-phonenumber-field's field, smscheck adds the reason its own check lacks.

    That field takes a valid landline; the SMS-minded validator refuses it with its code,
    reading the field's PhoneNumber object as its E.164 str().
    """
    mobile = contact_table(phone="8 912 345 67 89")
    mobile.full_clean()
    mobile.save()
    assert str(contact_table.objects.get(pk=mobile.pk).phone) == "+79123456789"
    with pytest.raises(ValidationError) as caught:
        contact_table(phone="+7 495 777 77 77").full_clean()
    codes = [e.code for e in caught.value.error_dict["phone"]]
    assert codes == ["landline"]


def test_model_full_clean_and_save(member_table: Any) -> None:
    """A valid mobile saves; full_clean() refuses a mistyped one with smscheck's code."""
    member = member_table(phone="+7 912 345 67 89")
    member.full_clean()
    member.save()
    assert member_table.objects.get(pk=member.pk).phone == "+7 912 345 67 89"
    bad = member_table(phone="+7 7 912 345 67 89")
    with pytest.raises(ValidationError) as caught:
        bad.full_clean()
    (error,) = caught.value.error_dict["phone"]
    assert error.code == "duplicated_country_code"
    assert error.messages == ["The country code 7 was typed twice."]


def test_a_landline_fails_an_sms_field(member_table: Any) -> None:
    """A valid landline is refused where SMS codes are sent, with code landline."""
    with pytest.raises(ValidationError) as caught:
        member_table(phone="+7 495 777 77 77").full_clean()
    assert caught.value.error_dict["phone"][0].code == "landline"


class SignUpForm(forms.Form):  # type: ignore[misc]  # Django ships no types
    phone = PhoneNumberField(region="RU")


def test_form_cleans_to_e164_and_offers_the_suggestion() -> None:
    """The form field cleans to E.164 and says "Did you mean …?" in its rendered error."""
    good = SignUpForm({"phone": "8 (912) 345-67-89"})
    assert good.is_valid()
    assert good.cleaned_data["phone"] == "+79123456789"
    bad = SignUpForm({"phone": "+7 7 912 345 67 89"})
    assert not bad.is_valid()
    assert bad.errors.as_data()["phone"][0].code == "duplicated_country_code"
    html = bad.as_p()
    assert "The country code 7 was typed twice. Did you mean +7 912 345-67-89?" in html


def test_messages_follow_the_active_language() -> None:
    """Russian when Django speaks Russian; English for a language smscheck lacks."""
    with translation.override("ru"):
        bad = SignUpForm({"phone": "+7 7 912 345 67 89"})
        assert not bad.is_valid()
        assert bad.errors["phone"] == [
            "Код страны 7 набран дважды. Возможно, вы имели в виду +7 912 345-67-89?"
        ]
    with translation.override("de"):
        bad = SignUpForm({"phone": "+7 7 912 345 67 89"})
        assert not bad.is_valid()
        assert bad.errors["phone"][0].startswith("The country code 7 was typed twice.")


def test_empty_optional_field_is_allowed() -> None:
    """An optional field left empty is empty, not an error."""

    class Optional(forms.Form):  # type: ignore[misc]
        phone = PhoneNumberField(required=False)

    form = Optional({"phone": ""})
    assert form.is_valid()
    assert form.cleaned_data["phone"] == ""


def test_validator_is_deconstructible_for_migrations() -> None:
    """Migrations can write the validator, and it compares by configuration."""
    validator = PhoneNumberValidator("RU", {LineType.MOBILE}, allow_warnings=False)
    path, args, kwargs = validator.deconstruct()  # type: ignore[attr-defined]  # @deconstructible
    assert path == "smscheck.django.PhoneNumberValidator"
    assert args == ("RU", {LineType.MOBILE})
    assert kwargs == {"allow_warnings": False}
    written, imports = MigrationWriter.serialize(validator)
    assert "smscheck.django.PhoneNumberValidator" in written
    assert "import smscheck.django" in imports
    assert validator == PhoneNumberValidator("RU", [LineType.MOBILE], allow_warnings=False)
    assert validator != PhoneNumberValidator("US")
    assert (
        len({validator, PhoneNumberValidator("RU", [LineType.MOBILE], allow_warnings=False)}) == 1
    )


def test_validator_reads_non_str_values_as_their_str() -> None:
    """A value object (django-phonenumber-field's PhoneNumber, say) is read as its str()."""

    class Value:
        def __str__(self) -> str:
            return "+79123456789"

    assert PhoneNumberValidator().clean(Value()) == ("+79123456789", ())
