"""Shared fixtures and markers."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from collections.abc import Sequence

#: The repository this test suite lives in, when it does: CI also runs the suite from a
#: bare copy of tests/ against the installed wheel, where the sources are not at hand.
REPO = Path(__file__).resolve().parent.parent
IN_REPO = (REPO / "pyproject.toml").is_file() and (REPO / "src" / "smscheck").is_dir()


def pytest_configure(config: pytest.Config) -> None:
    """Register this suite's markers (the run uses --strict-markers)."""
    config.addinivalue_line(
        "markers", "packaging: builds the wheel in-process (about a second); part of the suite"
    )
    config.addinivalue_line(
        "markers", "repo: needs the repository (sources, scripts, data); skipped outside it"
    )


def pytest_collection_modifyitems(config: pytest.Config, items: Sequence[pytest.Item]) -> None:
    """Skip tests that need the repository when the suite runs from a bare copy."""
    del config
    if IN_REPO:
        return
    skip = pytest.mark.skip(reason="needs the repository checkout (runs in the main CI pass)")
    for item in items:
        if item.get_closest_marker("repo") or item.get_closest_marker("packaging"):
            item.add_marker(skip)
