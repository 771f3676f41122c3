"""The message catalogs: one module per language, each keyed by diagnostic code."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from .._codes import Code, FailureCause, RuleEffect
    from ._wording import Wording

__all__ = ["LANGUAGES", "catalog", "cause_wording", "effect_remedy", "render"]

#: The languages every code has wording in. A test fails when one lacks a code.
LANGUAGES: Final = ("en", "ru")

_CATALOGS: dict[str, dict[Code, Wording]] = {}


def catalog(lang: str) -> dict[Code, Wording]:
    """The wording of every code in one language, loaded on first use."""
    found = _CATALOGS.get(lang)
    if found is None:
        if lang not in LANGUAGES:
            msg = f"no messages in language {lang!r}; choose one of {', '.join(LANGUAGES)}"
            raise ValueError(msg)
        found = importlib.import_module(f"{__name__}.{lang}").MESSAGES
        _CATALOGS[lang] = found
    return found


def render(
    code: Code, lang: str, params: tuple[tuple[str, str | int], ...]
) -> tuple[str, str, str | None]:
    """The message, the person's remedy and the service's remedy for a code, filled in."""
    wording = catalog(lang)[code]
    if not params:
        return wording.message, wording.remedy, wording.service_remedy
    values = dict(params)
    service = wording.service_remedy
    return (
        wording.message.format_map(values),
        wording.remedy.format_map(values),
        None if service is None else service.format_map(values),
    )


def effect_remedy(effect: RuleEffect, lang: str) -> str | None:
    """What the person can do about a rule with this effect, or ``None`` when nothing helps.

    ``lang`` is a bare language code; English where the language has no catalog.
    """
    if lang not in LANGUAGES:
        lang = "en"
    module = importlib.import_module(f"{__name__}.{lang}")
    remedies: dict[RuleEffect, str | None] = module.EFFECT_REMEDIES
    return remedies[effect]


_CAUSES: dict[str, dict[FailureCause, Wording]] = {}


def cause_wording(cause: FailureCause, lang: str) -> Wording:
    """What a delivery failure's cause means and what each party can do, in ``lang``."""
    found = _CAUSES.get(lang)
    if found is None:
        catalog(lang)  # validates the language
        found = importlib.import_module(f"{__name__}.{lang}").CAUSES
        _CAUSES[lang] = found
    return found[cause]
