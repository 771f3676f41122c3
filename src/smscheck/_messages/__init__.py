"""The message catalogs: one module per language, each keyed by diagnostic code."""

from __future__ import annotations

import functools
import importlib
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from collections.abc import Mapping
    from types import ModuleType

    from .._codes import Code, FailureCause, RuleEffect
    from ._wording import Wording

__all__ = ["LANGUAGES", "catalog", "cause_wording", "effect_remedy", "render"]

#: The languages every code has wording in. A test fails when one lacks a code.
LANGUAGES: Final = ("en", "ru")


@functools.cache
def _module(lang: str) -> ModuleType:
    """The catalog module of one shipped language, imported on first use."""
    if lang not in LANGUAGES:
        msg = f"no messages in language {lang!r}; choose one of {', '.join(LANGUAGES)}"
        raise ValueError(msg)
    return importlib.import_module(f"{__name__}.{lang}")


_CATALOGS: dict[str, dict[Code, Wording]] = {}


def catalog(lang: str) -> dict[Code, Wording]:
    """The wording of every code in one language, loaded on first use."""
    found = _CATALOGS.get(lang)  # on every diagnostic's path: one dict look-up
    if found is None:
        found = _CATALOGS[lang] = _module(lang).MESSAGES
    return found


def render(
    code: Code,
    lang: str,
    params: tuple[tuple[str, str | int], ...],
    fill: Mapping[str, str | None] | None = None,
) -> tuple[str, str, str | None]:
    """The message, the person's remedy and the service's remedy for a code, filled in.

    ``{name}`` fields come from ``params`` and, for texts that are not params (another
    diagnostic's message quoted in this one), from ``fill``.
    """
    wording = catalog(lang)[code]
    if not params and not fill:
        return wording.message, wording.remedy, wording.service_remedy
    values: dict[str, object] = {**dict(params), **(fill or {})}
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
    remedies: dict[RuleEffect, str | None] = _module(
        lang if lang in LANGUAGES else "en"
    ).EFFECT_REMEDIES
    return remedies[effect]


def cause_wording(cause: FailureCause, lang: str) -> Wording:
    """What a delivery failure's cause means and what each party can do, in ``lang``."""
    wordings: dict[FailureCause, Wording] = _module(lang).CAUSES
    return wordings[cause]
