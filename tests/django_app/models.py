"""A model that stores a phone number in a plain CharField validated by smscheck."""

from __future__ import annotations

from django.db import models

from smscheck.django import PhoneNumberValidator


class Member(models.Model):  # type: ignore[misc]  # Django ships no types
    """Someone who signs up with a mobile number."""

    phone = models.CharField(max_length=32, validators=[PhoneNumberValidator(region="RU")])

    class Meta:
        app_label = "django_app"

    def __str__(self) -> str:
        """The member by their number."""
        return str(self.phone)
