"""A minimal Django app for tests/test_django.py: one model with a phone field."""
