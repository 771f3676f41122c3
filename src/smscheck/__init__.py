"""smscheck: why a verification SMS will not reach the number a person typed.

The public names are loaded on first use (PEP 562), so ``import smscheck`` stays cheap: the
result types need attrs and the checks need phonenumbers, which together cost more to import
than phonenumbers alone (see docs/performance.md).
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0"

# Not typing.TYPE_CHECKING: importing typing alone would cost more than the rest of this module.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from ._batch import check_many
    from ._check import check
    from ._checker import Checker
    from ._codes import (
        Code,
        DeliveryVerdict,
        FailureCause,
        LiftedBy,
        LineType,
        RuleEffect,
        SenderKind,
        Severity,
        Traffic,
    )
    from ._failures import FailureExplanation, explain_failure
    from ._frames import FLAT_COLUMNS, check_frame, check_series, flatten
    from ._report import Delivery, Diagnostic, Number, Report, Sender, Source, Suggestion
    from ._rules import RegionEntry, Rule, RuleSet
    from ._rules_load import load_rules
    from .exceptions import DataFileError, RulesError, SmscheckError

__all__ = [
    "FLAT_COLUMNS",
    "Checker",
    "Code",
    "DataFileError",
    "Delivery",
    "DeliveryVerdict",
    "Diagnostic",
    "FailureCause",
    "FailureExplanation",
    "LiftedBy",
    "LineType",
    "Number",
    "RegionEntry",
    "Report",
    "Rule",
    "RuleEffect",
    "RuleSet",
    "RulesError",
    "Sender",
    "SenderKind",
    "Severity",
    "SmscheckError",
    "Source",
    "Suggestion",
    "Traffic",
    "__version__",
    "check",
    "check_frame",
    "check_many",
    "check_series",
    "explain_failure",
    "flatten",
    "load_rules",
]

# Where each public name lives.
_HOMES = {
    "check": "._check",
    "Checker": "._checker",
    "check_many": "._batch",
    "FLAT_COLUMNS": "._frames",
    "check_frame": "._frames",
    "check_series": "._frames",
    "flatten": "._frames",
    "Code": "._codes",
    "DeliveryVerdict": "._codes",
    "FailureCause": "._codes",
    "FailureExplanation": "._failures",
    "explain_failure": "._failures",
    "LiftedBy": "._codes",
    "RuleEffect": "._codes",
    "Traffic": "._codes",
    "LineType": "._codes",
    "SenderKind": "._codes",
    "Severity": "._codes",
    "Delivery": "._report",
    "Diagnostic": "._report",
    "Number": "._report",
    "Report": "._report",
    "Sender": "._report",
    "Source": "._report",
    "Suggestion": "._report",
    "load_rules": "._rules_load",
    "RegionEntry": "._rules",
    "Rule": "._rules",
    "RuleSet": "._rules",
    "DataFileError": ".exceptions",
    "RulesError": ".exceptions",
    "SmscheckError": ".exceptions",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        msg = f"module 'smscheck' has no attribute {name!r}"
        raise AttributeError(msg)
    value = getattr(importlib.import_module(home, __name__), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
