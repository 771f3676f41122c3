"""Shared fixtures."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pytest


def pytest_configure(config: pytest.Config) -> None:
    """Register this suite's markers (the run uses --strict-markers)."""
    config.addinivalue_line(
        "markers", "packaging: builds the wheel in-process (about a second); part of the suite"
    )
