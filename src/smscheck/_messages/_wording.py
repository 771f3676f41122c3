"""The shape of one catalog entry."""

from __future__ import annotations

import attrs

__all__ = ["Wording"]


@attrs.frozen
class Wording:
    """What to say about a code: the problem, and what each party can do about it.

    ``{name}`` fields are filled from the diagnostic's params.
    """

    message: str
    remedy: str
    service_remedy: str | None = None
