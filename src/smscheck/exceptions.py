"""The exceptions smscheck raises for mistakes in the caller's code or configuration."""

from __future__ import annotations

__all__ = ["DataFileError", "RulesError", "SmscheckError"]


class SmscheckError(Exception):
    """Base class of every exception smscheck raises on purpose."""


class DataFileError(SmscheckError, ValueError):
    """A data file (TOML) cannot be used.

    Attributes:
        path: The file, as given.
        key_path: Where in the file, e.g. ``rules[3].carriers[0]`` (empty for the whole file).
        line: The 1-based line number, or ``None`` when it cannot be known.
        reason: What is wrong, in one sentence.
    """

    def __init__(self, path: str, key_path: str, line: int | None, reason: str) -> None:
        """Build the error; its message reads ``file:line: key.path: reason``."""
        self.path = path
        self.key_path = key_path
        self.line = line
        self.reason = reason
        where = path if line is None else f"{path}:{line}"
        super().__init__(f"{where}: {key_path}: {reason}" if key_path else f"{where}: {reason}")


class RulesError(DataFileError):
    """A rules file (``carrier_rules.toml`` or an override) cannot be used."""
