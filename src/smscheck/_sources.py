"""Where facts in a data file come from: a ``[sources.<id>]`` entry, as loaded.

Its own module so that a table read back from its prebuilt file (``_prebuilt``) does not
import the data-file reader (``_datafile``: the TOML parser and the validator) to rebuild its
sources.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from ._report import Source

__all__ = ["SourceDef"]


@attrs.frozen
class SourceDef:
    """A ``[sources.<id>]`` entry: where facts in a data file come from."""

    id: str
    publisher: str
    title: str
    url: str
    captured: str | None

    def cited(self, checked: str, region: str | None = None) -> Source:
        """This source as an entry cites it, with the entry's ``checked`` date.

        Where a region is given, the ``{region}`` of the address is filled in (lower-case).
        """
        from ._report import Source  # noqa: PLC0415 - the result type, only when cited

        url = self.url if region is None else self.url.replace("{region}", region.lower())
        return Source(self.id, self.publisher, self.title, url, self.captured, checked)
