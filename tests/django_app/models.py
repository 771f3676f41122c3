"""A model that stores a phone number in a plain CharField validated by smscheck."""

from __future__ import annotations

from django.db import models
from phonenumber_field.modelfields import PhoneNumberField as PhoneNumberModelField

from smscheck.django import PhoneNumberValidator


class Member(models.Model):  # type: ignore[misc]  # Django ships no types
    """Someone who signs up with a mobile number."""

    phone = models.CharField(max_length=32, validators=[PhoneNumberValidator(region="RU")])

    class Meta:
        app_label = "django_app"

    def __str__(self) -> str:
        """The member by their number."""
        return str(self.phone)


class Contact(models.Model):  # type: ignore[misc]  # Django ships no types
    """The same check alongside django-phonenumber-field's own model field."""

    phone = PhoneNumberModelField(region="RU", validators=[PhoneNumberValidator(region="RU")])

    class Meta:
        app_label = "django_app"

    def __str__(self) -> str:
        """The contact by their number."""
        return str(self.phone)
