"""Whether a valid reading needs the typo model at all: the cheap test on every valid input.

Most valid inputs are a mobile typed with its ``+`` and nothing more, or a mobile of the
form's country typed nationally: nothing in them can point to another reading, and
``_typos.on_valid`` would return ``None`` after a few string tests. This module holds those
tests, so that such inputs never import the typo model (``_typos`` and what it loads: tens of
milliseconds on a process's first check). ``_typos.on_valid`` applies the same tests first,
and tests/test_fast_parse.py checks that it answers ``None`` wherever :func:`needed` says no.
"""

from __future__ import annotations

import re
from typing import Final

from ._codes import LineType
from ._phone import country_code_for_region

__all__ = ["NANP_SHAPE", "SMS_CAPABLE", "needed"]

#: Lines that take an SMS: the typo model keeps these readings unless the typing says more.
SMS_CAPABLE: Final = frozenset({LineType.MOBILE, LineType.FIXED_LINE_OR_MOBILE})

#: ``(268) 464-1661``, ``268-464-1661``, ``268.464.1661``: how North American numbers are typed.
NANP_SHAPE: Final = re.compile(r"\(?[2-9][0-9]{2}\)?[ .-]?[2-9][0-9]{2}[ .-][0-9]{4}")


def needed(  # noqa: PLR0913 - the reading's facts, as plain values
    digits: str,
    *,
    plus: bool,
    from_text: bool,
    country_code: int,
    national_number: str,
    line_type: LineType,
    text: str,
    hint: str | None,
) -> bool:
    """Whether ``_typos.on_valid`` could say anything about this valid reading."""
    if from_text:
        country = str(country_code)
        if len(digits) != len(country) + len(national_number):
            return True  # a trunk prefix after the country code, or another prefix
        # A + number that takes no SMS: its code typed twice, or on a form of another
        # country, the form's national number after a +.
        return (
            plus
            and line_type not in SMS_CAPABLE
            and (
                digits.startswith(country, len(country))
                or (hint is not None and country_code_for_region(hint) != country_code)
            )
        )
    if hint is None:
        return False
    nanp = country_code != 1 and NANP_SHAPE.fullmatch(text.strip()) is not None
    return line_type not in SMS_CAPABLE or nanp or "(" in text
