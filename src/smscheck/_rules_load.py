"""Loading the rules: the packaged file once, then the user's override files in turn.

Files are read by the strict, bounded reader (``_datafile``) and checked against the schema
(``_rules_schema``); every problem in a file is one :class:`~smscheck.exceptions.RulesError`
naming the file, the key path and the line. Nothing is read at import time: the packaged
file is parsed on first use, once.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Mapping
from typing import TYPE_CHECKING, Final

import attrs

from ._rules import RegionEntry, RuleSet, build_ruleset, orders_of
from .exceptions import RulesError

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from ._report import Source
    from ._rules_match import Orders
    from ._rules_schema import Doc, RuleDef, SourceDef

# The TOML reader and the schema (``_datafile``, ``_rules_schema``, tomli) are imported only
# when a file is parsed: the packaged rules are prebuilt (``_prebuilt``).

__all__ = [
    "RESOURCE",
    "build_packaged_orders",
    "build_packaged_ruleset",
    "load_rules",
    "packaged_orders",
]

RESOURCE: Final = "data/carrier_rules.toml"


def load_rules(*paths: str | os.PathLike[str], packaged: bool = True) -> RuleSet:
    """Load the packaged rules, then each override file in turn.

    An override file may hold ``[[rules]]``, ``[sources.*]``, ``[texts.*]`` and
    ``schema_version``. A rule whose id is already known replaces the earlier rule whole; a
    new id adds a rule. A source or text whose id is already known replaces the earlier one
    wherever it is named.

    Args:
        *paths: Override files, applied in order.
        packaged: Start from the rules shipped with smscheck. With ``False``, only the given
            files count (each must then define every source and text it names), and with no
            files the rule set is empty: ``check()`` then reports no region or carrier rule.

    Returns:
        An immutable :class:`RuleSet`. The packaged file is read once per process.

    Raises:
        RulesError: a file cannot be read or breaks the schema (one error, the first).

    Example:
        ```python
        >>> import smscheck
        >>> len(smscheck.load_rules(packaged=False))
        0
        >>> rules = smscheck.load_rules()
        >>> "template_registration_required" in {rule.code for rule in rules.rules_for("CN")}
        True

        ```
    """
    if not paths and packaged:
        return _packaged_ruleset()
    from ._datafile import read_path  # noqa: PLC0415
    from ._rules_schema import EMPTY_DOC, parse  # noqa: PLC0415

    docs = [_packaged() if packaged else EMPTY_DOC]
    sources = dict(docs[0].sources)
    texts = dict(docs[0].texts)
    for path in paths:
        name = os.fspath(path)
        text = read_path(name, RulesError)
        doc = parse(name, text, packaged=False, known_sources=sources, known_texts=texts)
        sources.update(doc.sources)
        texts.update(doc.texts)
        docs.append(doc)
    return _merge(docs)


@functools.cache
def _packaged() -> Doc:
    """The packaged rules file, validated (read on first call only)."""
    from ._datafile import read_resource  # noqa: PLC0415
    from ._rules_schema import parse  # noqa: PLC0415

    name, text = read_resource(RESOURCE, RulesError)
    return parse(name, text, packaged=True, known_sources={}, known_texts={})


@functools.cache
def _packaged_ruleset() -> RuleSet:
    """The packaged rules: prebuilt (``_prebuilt``) while the file is unchanged."""
    from . import _prebuilt  # noqa: PLC0415

    fingerprint = _prebuilt.fingerprint_of_resource(RESOURCE)
    return _prebuilt.load("rules", fingerprint, build_packaged_ruleset)


def build_packaged_ruleset() -> RuleSet:
    """The packaged rules, parsed and checked from the TOML file."""
    return _merge([_packaged()])


@functools.cache
def packaged_orders() -> Mapping[str, Orders]:
    """The packaged rules' matchers by region, each region's read on its first number.

    What ``check()`` applies when it is given no rule set: the same matchers as
    ``load_rules()``'s, but a process's first check of a Russian number unpickles Russia's
    five rules (0.6 ms), not all 842 objects of the rule set (2.9 ms once their modules are
    imported). Prebuilt (``_prebuilt``) like the rule set, from the same file.
    """
    from . import _prebuilt  # noqa: PLC0415

    fingerprint = _prebuilt.fingerprint_of_resource(RESOURCE)
    return _Orders(_prebuilt.load("rule_orders", fingerprint, build_packaged_orders))


def build_packaged_orders() -> dict[str, bytes]:
    """:func:`packaged_orders`: each region's matchers of the packaged rules, pickled alone."""
    from . import _prebuilt  # noqa: PLC0415

    return _prebuilt.cut(dict(sorted(orders_of(_packaged_ruleset()).items())))


class _Orders(Mapping[str, "Orders"]):
    """A read-only mapping of region to matchers that unpickles a region on first access."""

    __slots__ = ("_packed", "_read")

    def __init__(self, packed: dict[str, bytes]) -> None:
        self._packed = packed
        self._read: dict[str, Orders] = {}

    def __getitem__(self, region: str) -> Orders:
        found = self._read.get(region)
        if found is None:
            from . import _prebuilt  # noqa: PLC0415

            found = _prebuilt.part_of(self._packed, region)
            if found is None:
                raise KeyError(region)
            self._read[region] = found
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._packed)

    def __len__(self) -> int:
        return len(self._packed)


def _merge(docs: Sequence[Doc]) -> RuleSet:
    sources: dict[str, SourceDef] = {}
    rules: dict[str, RuleDef] = {}
    for doc in docs:
        sources.update(doc.sources)
        for rule_def in doc.rules:
            rules[rule_def.rule.id] = rule_def  # replaces in place, or appends
    seen: dict[Source, Source] = {}
    built = [
        attrs.evolve(
            d.rule,
            sources=_resolve(sources, d.source_ids, d.rule.region, d.rule.checked, seen),
        )
        for d in rules.values()
    ]
    regions = {
        code: RegionEntry(
            region=code,
            status=r.status,
            sources=_resolve(sources, r.source_ids, code, r.checked, seen),
            review=r.review,
            checked=r.checked,
            note=r.note,
        )
        for code, r in docs[0].regions.items()
    }
    return build_ruleset(built, regions)


def _resolve(
    sources: Mapping[str, SourceDef],
    ids: Sequence[str],
    region: str,
    checked: str,
    seen: dict[Source, Source],
) -> tuple[Source, ...]:
    """The sources of one rule or region entry, with its date.

    Equal sources are one object (``seen`` interns them): hundreds of rules cite the same
    pages on the same date, and sharing keeps the rule set, and its prebuilt file, small.
    """
    out = []
    for sid in ids:
        source = sources[sid].cited(checked, region)
        out.append(seen.setdefault(source, source))
    return tuple(out)
