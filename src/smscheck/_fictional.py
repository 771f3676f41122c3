"""Number ranges that regulators reserve for drama, fiction and documentation."""

from __future__ import annotations

import bisect

import attrs

__all__ = ["FICTIONAL_RANGES", "FictionalRange", "fictional_range"]


@attrs.frozen
class FictionalRange:
    """An inclusive block of national significant numbers set aside for fiction.

    ``first`` and ``last`` are national significant numbers (no trunk ``0``)
    of the same length; a number is in the range when it has that length and
    sorts between them.
    """

    country_code: int
    first: str
    last: str
    authority: str
    source_url: str
    checked: str


_CHECKED = "2026-11-25"

# --- United Kingdom (+44), Ofcom "Telephone numbers for drama purposes". ---
# Authority page:
#   https://www.ofcom.org.uk/phones-telecoms-and-internet/information-for-industry/numbering/numbers-for-drama
# Ofcom's own page text was not in the stored search corpus, so the ranges below
# were cross-checked against sources that quote it:
#   - BBC News Magazine, "The 20,000 fake phone numbers" (2015):
#     http://www.bbc.com/news/blogs-magazine-monitor-32348371
#     (20,000 numbers: 15,000 city numbers, 1,000 in 01632, and 4,000 in
#     07700, 08081, 0909 and 03069)
#   - Neil Brown's Ofcom drama-range generator, which lists every prefix
#     (github.com/neilzone/ofcom_drama_range_phone_number_generator, index.php)  # noqa: ERA001
#   - https://edgeauthors.blogspot.com/2012/10/sorry-wrong-number.html
#     (0161 496 0000-0999, 020 7946 0000-0999, 0141 496, 07700 900000-900999)
#   - http://rsmck.co.uk/blog/nuisance-calls-no-drama/amp/ (0113 496 0000-0999 ...)
# 15 city blocks + 01632 + four non-geographic blocks = 20 x 1,000 = 20,000,
# which matches the BBC's count.
_OFCOM = "Ofcom"
_OFCOM_URL = (
    "https://www.ofcom.org.uk/phones-telecoms-and-internet/"
    "information-for-industry/numbering/numbers-for-drama"
)
_UK_BLOCKS: tuple[tuple[str, str], ...] = (
    ("1134960000", "1134960999"),  # 0113 496 0xxx Leeds
    ("1144960000", "1144960999"),  # 0114 496 0xxx Sheffield
    ("1154960000", "1154960999"),  # 0115 496 0xxx Nottingham
    ("1164960000", "1164960999"),  # 0116 496 0xxx Leicester
    ("1174960000", "1174960999"),  # 0117 496 0xxx Bristol
    ("1184960000", "1184960999"),  # 0118 496 0xxx Reading
    ("1214960000", "1214960999"),  # 0121 496 0xxx Birmingham
    ("1314960000", "1314960999"),  # 0131 496 0xxx Edinburgh
    ("1414960000", "1414960999"),  # 0141 496 0xxx Glasgow
    ("1514960000", "1514960999"),  # 0151 496 0xxx Liverpool
    ("1614960000", "1614960999"),  # 0161 496 0xxx Manchester
    ("2079460000", "2079460999"),  # 020 7946 0xxx London
    ("1914980000", "1914980999"),  # 0191 498 0xxx Tyneside/Durham/Sunderland
    ("2896496000", "2896496999"),  # 028 9649 6xxx Northern Ireland
    ("2920180000", "2920180999"),  # 029 2018 0xxx Cardiff
    ("1632960000", "1632960999"),  # 01632 960xxx no real area
    ("7700900000", "7700900999"),  # 07700 900xxx mobile
    ("8081570000", "8081570999"),  # 08081 570xxx freephone
    ("9098790000", "9098790999"),  # 0909 879 0xxx premium rate
    ("3069990000", "3069990999"),  # 03069 990xxx UK-wide
)

# --- North American Numbering Plan (+1): 555-0100 to 555-0199. ---
# Line numbers 0100-0199 of central office code 555 are reserved for fictitious
# use in every area code. NANPA's own page was not in the stored corpus; the
# rule is stated, attributed to the NANP, by:
#   - https://help.splunk.com/splunk-style-guide/grammar-and-word-choice/example-names-and-domains/phone-numbers
#   - https://github.com/cakephp/cakephp/commit/fa3d4a0 ("According to NANPA ...
#     numbers: 555-0100 thru 555-0199")
#   - https://gist.github.com/skplunkerin/4f8227a8942d35e53628dee65e724b85
# Because it applies to every area code, it is matched by pattern rather than
# listed; ``fictional_range`` returns the block for the area code asked about.
_NANP = "NANPA"
_NANP_URL = (
    "https://help.splunk.com/splunk-style-guide/grammar-and-word-choice/"
    "example-names-and-domains/phone-numbers"
)
_NANP_EXAMPLE_AREA_CODE = "202"


def _nanp_block(area_code: str) -> FictionalRange:
    return FictionalRange(
        country_code=1,
        first=f"{area_code}5550100",
        last=f"{area_code}5550199",
        authority=_NANP,
        source_url=_NANP_URL,
        checked=_CHECKED,
    )


FICTIONAL_RANGES: tuple[FictionalRange, ...] = (
    _nanp_block(_NANP_EXAMPLE_AREA_CODE),
    *(
        FictionalRange(
            country_code=44,
            first=first,
            last=last,
            authority=_OFCOM,
            source_url=_OFCOM_URL,
            checked=_CHECKED,
        )
        for first, last in _UK_BLOCKS
    ),
)
"""Every listed range. The NANP entry stands for all area codes (202 shown)."""


def _build_index() -> dict[tuple[int, int], tuple[list[str], list[FictionalRange]]]:
    index: dict[tuple[int, int], tuple[list[str], list[FictionalRange]]] = {}
    for item in sorted(FICTIONAL_RANGES, key=lambda r: (r.country_code, r.first)):
        if item.country_code == 1:
            continue  # matched by pattern in fictional_range
        firsts, ranges = index.setdefault((item.country_code, len(item.first)), ([], []))
        firsts.append(item.first)
        ranges.append(item)
    return index


_INDEX = _build_index()


def fictional_range(country_code: int, national_number: str) -> FictionalRange | None:
    """The reserved fictional range holding this number, or ``None``.

    ``national_number`` is the national significant number as digits (no
    trunk prefix). Lookup is a dict probe plus a binary search.
    """
    if not national_number.isdigit():
        return None
    if country_code == 1:
        if (
            len(national_number) == 10
            and national_number[0] in "23456789"
            and national_number[3:8] == "55501"
        ):
            return _nanp_block(national_number[:3])
        return None
    bucket = _INDEX.get((country_code, len(national_number)))
    if bucket is None:
        return None
    firsts, ranges = bucket
    at = bisect.bisect_right(firsts, national_number) - 1
    if at < 0:
        return None
    candidate = ranges[at]
    return candidate if national_number <= candidate.last else None
