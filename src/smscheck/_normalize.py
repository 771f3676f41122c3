"""Screening of raw text: caps, invisible characters, Unicode digits, spreadsheet damage, letters.

Everything here runs before ``phonenumbers`` sees anything. Its output is a plain ASCII digit
string (plus a few flags), so ``phonenumbers`` is only ever handed short, clean input and never
meets RFC 3966 parameters, separator runs or stray letters, on which some of its functions
backtrack or silently drop characters.
"""

from __future__ import annotations

import re
import unicodedata

import attrs

from ._codes import Code

__all__ = ["MAX_DIGITS", "MAX_INPUT_LENGTH", "Finding", "Screened", "screen"]

#: Longer input is refused before any other work. A phone field with an extension, a ``tel:``
#: URI or spreadsheet quoting fits easily; anything longer is not one phone number.
MAX_INPUT_LENGTH = 256

#: E.164 numbers have at most 15 digits; an international prefix adds up to 4 (``8~10``, ``0011``).
MAX_DIGITS = 20

Params = tuple[tuple[str, str | int], ...]


@attrs.frozen
class Finding:
    """A diagnostic found while screening, before any number is read."""

    code: Code
    params: Params = ()


@attrs.frozen
class Screened:
    """The outcome of screening: what a number reader may use, and what was found on the way.

    Attributes:
        digits: ASCII digits of the (first) number, lookalike letters not read as digits.
        plus: Whether the number began with a plus sign.
        extension: Digits of an extension, if one was written.
        lookalike_digits: ``digits`` with lookalike letters (O for 0, l for 1, ...) read as the
            digits they resemble, when there were any; else ``None``.
        vanity_text: The number with its letters kept, when it is a vanity number like
            ``1-800-FLOWERS``; the letters are turned into keypad digits by the number reader.
        findings: Diagnostics found while screening.
        readable: Whether there is anything left worth handing to the number reader.
        shape: ``"date"`` or ``"ip_address"`` when the text has that shape: the reader says
            so unless the digits are a valid number (for a date, a valid mobile) as typed:
            ``70.123.10.10`` is a Senegalese mobile.
    """

    digits: str
    plus: bool = False
    extension: str | None = None
    lookalike_digits: str | None = None
    vanity_text: str | None = None
    findings: tuple[Finding, ...] = ()
    readable: bool = True
    shape: str | None = None


# Characters people and phone widgets put between digits. phonenumbers accepts the same set
# (its VALID_PUNCTUATION) plus the tilde of the Soviet ``8~10`` dial-tone notation.
_SEPARATORS = frozenset(
    " \t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u202f\u205f\u3000"  # spaces of every width
    "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u30fc\uff0d\ufe58\ufe63"  # hyphens, dashes, minus
    ".\uff0e\u00b7\u30fb/\uff0f\\()\uff08\uff09[]\uff3b\uff3d~\u2053\u223c\uff5e"
)
_PLUS = frozenset("+\uff0b\u2795\ufe62")
_TILDES = frozenset("~\u223c\uff5e")

# Letters that people type for digits they resemble. Cyrillic and Greek letters have no keypad
# meaning in phonenumbers, so reading them as digits never hides a vanity number.
_LOOKALIKES: dict[str, str] = {
    "O": "0",
    "o": "0",
    "\u041e": "0",
    "\u043e": "0",
    "\u039f": "0",
    "\u03bf": "0",
    "\u3007": "0",
    "\u00d8": "0",
    "\u00f8": "0",
    "l": "1",
    "I": "1",
    "|": "1",
    "\u0406": "1",
    "\u0456": "1",
    "\u04c0": "1",
    "\u04cf": "1",
    "!": "1",
    "\u0399": "1",
    "\u0417": "3",
    "\u0437": "3",  # Cyrillic Ze
    "\u0411": "6",
    "\u0431": "6",  # Cyrillic Be
    "\u0422": "7",  # Cyrillic Te? no: leave out; see below
}
# Cyrillic Te looks nothing like 7 in most fonts; only keep the pairs people actually confuse.
del _LOOKALIKES["\u0422"]
_ASCII_LOOKALIKES = frozenset("OolI")

# Words that introduce an extension: English, Russian, German, French, Spanish, Portuguese,
# Polish, Chinese. Words are compared after NFKC folding and lower-casing, so full-width
# ``ｅｘｔ`` and ``extensión`` typed with a combining accent match too.
_EXTENSION_WORDS = frozenset(
    {
        "ext",
        "extn",
        "xtn",
        "extension",
        "extensión",
        "x",
        "xt",
        "доб",
        "добавочный",
        "вн",
        "durchwahl",
        "poste",
        "anexo",
        "ramal",
        "int",
        "wew",
        "wewn",
        "分機",
        "分机",
        "转",
        "轉",
    }
)
# Labels people write before the number. A label is only a label before the first digit.
_LABEL_WORDS = frozenset(
    {
        "tel",
        "tél",
        "phone",
        "mobile",
        "mob",
        "cell",
        "direct",
        "call",
        "тел",
        "моб",
        "телефон",
        "handy",
        "telefon",
        "telefono",
        "teléfono",
        "whatsapp",
        "電話",
        "电话",
        "手機",
        "手机",
    }
)
# What opens a comment after a number: "(mobile)", "[cell]".
_OPENING_BRACKETS = "([（［"
# Colons that may follow a label or an extension word: "Tel:", "Тел.:", "xtn:".
_COLONS = ":\uff1a"

# Spreadsheet damage: Excel's scientific rendering of a long number, e.g. 7.91235E+10.
_SCIENTIFIC = re.compile(r"\+?([0-9])[.,]([0-9]{1,14})[eE]\+?([0-9]{1,2})")
# Separators between two numbers in one field; `/` is handled apart (Germans write 089/1234567).
# A spaced run of two or more hyphens ("650-253-4561 -- 455-234-3451") separates numbers too.
_MULTI_SPLIT = re.compile(
    r"[,;\n\r|]+|\s+(?:or|или|and|и|oder|ou|o)\s+|\s+-{2,}(?=\s)", re.IGNORECASE
)
# A spaced slash or a space before a plus separates whole numbers; a bare slash may be the
# German area-code slash (089/1234567), so it splits only when every piece is a whole number.
_STRONG_SPLIT = re.compile(r"\s+[/／]\s+|\s(?=[+＋])")
_SLASH_SPLIT = re.compile(r"[/／]")
_MIN_DIGITS_OF_A_NUMBER = 6

# The shape of almost every real input: ASCII digits with the usual separators and at most a
# leading plus. Such text needs none of the checks below (no letters, no second number, no
# spreadsheet damage), so it takes a fast path. The pattern cannot backtrack: one character
# class, one star.
_PLAIN = re.compile(r"\+?[0-9][0-9 ()\-.]*")
_NOT_DIGITS = str.maketrans("", "", " ()-.+")


def _char_name(ch: str) -> str:
    """Name a character for a message: ``U+200B ZERO WIDTH SPACE``; never the raw character."""
    name = unicodedata.name(ch, "")
    if not name:
        # Control characters (NUL, ESC, ...) have aliases but no Unicode name.
        category = unicodedata.category(ch)
        if category == "Cs":
            name = "lone surrogate"
        elif category == "Cc":
            name = "control character"
        else:
            name = "unnamed character"
    return f"U+{ord(ch):04X} {name}"


def _names(chars: list[str]) -> str:
    seen: list[str] = []
    for ch in chars:
        named = _char_name(ch)
        if named not in seen:
            seen.append(named)
    shown = ", ".join(seen[:3])
    return shown if len(seen) <= 3 else f"{shown} (+{len(seen) - 3} more)"


def _digit_count(text: str) -> int:
    return sum(1 for ch in text if ch.isdecimal())


def _strip_control(text: str, findings: list[Finding]) -> str:
    """Drop invisible (format and control) and invalid (surrogate, private, unassigned) chars."""
    invisible: list[str] = []
    invalid: list[str] = []
    kept: list[str] = []
    for ch in text:
        if ch.isascii() and (ch.isprintable() or ch in "\t\n\r"):
            kept.append(ch)
            continue
        category = unicodedata.category(ch)
        if category in ("Cf", "Cc") and ch not in "\t\n\r\v\f":
            invisible.append(ch)
        elif category in ("Cs", "Co", "Cn"):
            invalid.append(ch)
        else:
            kept.append(ch)
    if invisible:
        findings.append(Finding(Code.INVISIBLE_CHARACTERS, (("characters", _names(invisible)),)))
    if invalid:
        findings.append(Finding(Code.INVALID_CHARACTERS, (("characters", _names(invalid)),)))
    return "".join(kept) if (invisible or invalid) else text


def _undo_spreadsheet(text: str, findings: list[Finding]) -> str | None:
    """Undo what spreadsheets do to phone numbers; ``None`` when digits were lost."""
    repaired = text
    if repaired[:1] == "'":
        repaired = repaired[1:].strip()
    elif repaired[:1] == "=":
        repaired = repaired[1:].strip().strip('"').strip()
    match = _SCIENTIFIC.fullmatch(repaired)
    if match:
        lead, fraction, exponent = match.group(1), match.group(2), int(match.group(3))
        if len(fraction) > exponent:
            findings.append(Finding(Code.SCIENTIFIC_NOTATION, (("text", text),)))
            return None
        if len(fraction) < exponent:
            # 7.91235E+10: the spreadsheet rounded the number; the last digits are gone.
            findings.append(Finding(Code.SCIENTIFIC_NOTATION, (("text", text),)))
            return None
        plus = "+" if repaired.startswith("+") else ""
        repaired = plus + lead + fraction
    elif repaired.endswith(".0") and repaired[:-2].lstrip("+").isdecimal():
        repaired = repaired[:-2]
    if repaired != text:
        findings.append(Finding(Code.SPREADSHEET_FORMATTING, (("text", text),)))
    return repaired


def _split_tel_uri(text: str) -> tuple[str, str | None]:
    """Read an RFC 3966 ``tel:`` URI ourselves: phonenumbers' parameter handling backtracks."""
    return _split_tel_params(text[4:])


def _split_tel_params(body: str) -> tuple[str, str | None]:
    """Split ``number;param=value;...`` (RFC 3966) into the number and its extension."""
    extension = None
    number, _, params = body.partition(";")
    context = ""
    for param in params.split(";") if params else ():
        name, _, value = param.partition("=")
        name = name.strip().lower()
        if name == "ext":
            extension = value
        elif name == "phone-context" and value.startswith("+"):
            context = value
    if context and not number.lstrip().startswith("+"):
        number = context + number
    if extension:
        number = f"{number} ext {extension}"
    return number, extension


# RFC 3966 parameters written without the tel: scheme: "03-331-6005;phone-context=+64".
_TEL_PARAM = re.compile(r";[ \t]*(?:phone-context|ext|isub)[ \t]*=", re.IGNORECASE)

# WhatsApp click-to-chat links: the number is always international, written without its plus.
_SCHEMES = ("https://", "http://")
_WHATSAPP_PATHS = (
    "api.whatsapp.com/send",
    "web.whatsapp.com/send",
    "www.whatsapp.com/send",
    "whatsapp.com/send",
    "whatsapp://send",
)


def _whatsapp_number(text: str) -> str | None:
    """``+27123456789`` for ``https://wa.me/27123456789`` and ``...send?phone=%2B27...``."""
    lowered = text.lower()
    for scheme in _SCHEMES:
        if lowered.startswith(scheme):
            text, lowered = text[len(scheme) :], lowered[len(scheme) :]
            break
    value: str | None = None
    if lowered.startswith(("wa.me/", "www.wa.me/")):
        value = text.partition("/")[2].partition("?")[0].partition("#")[0].rstrip("/")
    elif lowered.startswith(_WHATSAPP_PATHS):
        query = text.partition("?")[2].partition("#")[0]
        for pair in query.split("&"):
            name, _, found = pair.partition("=")
            if name.lower() == "phone":
                value = found
                break
    if value is None:
        return None
    import urllib.parse  # noqa: PLC0415 - 1.6 ms to import; only a link needs it

    number = urllib.parse.unquote(value).strip().removeprefix("+")
    if number.isascii() and number.isdecimal():
        return "+" + number
    return None


# Dial pauses after a complete number: "+12679000000,,123456789012345#" dials the number, waits,
# then sends the rest as tones. A pause letter (p, w) is always a pause; commas and semicolons
# are one only when what follows is too short for a number or ends its tones with "#"
# (conference codes do): "79161234567,79161234568" and "...,,79161234568" stay two numbers.
_PAUSES = frozenset(",;pPwW")
_TONES = frozenset("#*")
# Up to the sixth digit; \D and \d never overlap, so this cannot backtrack.
_WHOLE_NUMBER_HEAD = re.compile(rf"(?:\D*\d){{{_MIN_DIGITS_OF_A_NUMBER}}}")
# A comma or semicolon may stand apart from the digits ("+1 306-555-1234 , 78"); a pause
# letter is one only next to a digit.
_PAUSE_AFTER_DIGIT = re.compile(r"\d(?: *[,;]|[pPwW])")


def _split_post_dial(text: str) -> tuple[str, str | None]:
    """Split the digits dialled after a pause off the number: ``(number, post-dial or None)``.

    Only the first pause that directly follows a digit, with a whole number before it, is
    looked at; the work is linear in the text.
    """
    if _PAUSES.isdisjoint(text):
        return text, None
    head = _WHOLE_NUMBER_HEAD.match(text)
    pause = _PAUSE_AFTER_DIGIT.search(text, head.end() - 1) if head else None
    return (text, None) if pause is None else _post_dial_at(text, pause.end() - 1)


def _post_dial_at(text: str, start: int) -> tuple[str, str | None]:
    end = start
    while end < len(text) and text[end] in _PAUSES:
        end += 1
    pause, rest = text[start:end], text[end:]
    if not rest.lstrip(" ")[:1].isdecimal():
        return text, None
    kept: list[str] = []
    for ch in rest:
        if ch.isdecimal():
            kept.append(str(unicodedata.decimal(ch)))
        elif ch in _TONES:
            kept.append(ch)
        elif ch in _PAUSES:
            kept.append(",")
        elif ch not in _SEPARATORS:
            return text, None
    post_dial = "".join(kept)
    explicit = any(c.isalpha() for c in pause) or "#" in post_dial
    if not explicit and _digit_count(post_dial) >= _MIN_DIGITS_OF_A_NUMBER:
        return text, None
    return text[:start], post_dial


def _word_at(text: str, start: int) -> tuple[str, int]:
    """The word starting at ``start`` (letters, lookalikes, combining marks) and its end."""
    end = start
    while end < len(text) and _is_word_char(text[end]):
        end += 1
    return text[start:end], end


def _is_word_char(ch: str) -> bool:
    return ch.isalpha() or ch in _LOOKALIKES or unicodedata.category(ch).startswith("M")


def _fold(word: str) -> str:
    """Compare words by their NFKC form: full-width letters, composed accents, any case."""
    return unicodedata.normalize("NFKC", word).lower()


def _join_extensions(text: str) -> str:
    """Drop a separator that only introduces an extension: ``(800) 901-3355, ext 7246433``."""
    pieces: list[str] = []
    last = 0
    for match in _MULTI_SPLIT.finditer(text):
        start = match.end()
        while start < len(text) and text[start] in _SEPARATORS:
            start += 1
        word, _ = _word_at(text, start)
        if word and _fold(word) in _EXTENSION_WORDS:
            pieces.extend((text[last : match.start()], " "))
            last = match.end()
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)


def _first_of_many(text: str, findings: list[Finding]) -> str:
    """Keep the first of several numbers written in one field, and say there were several."""
    text = _join_extensions(text)
    parts = [p for p in _MULTI_SPLIT.split(text) if p.strip()]
    numbers: list[str] = []
    for part in parts:
        for strong in _STRONG_SPLIT.split(part):
            if not strong.strip():
                continue
            pieces = [p for p in _SLASH_SPLIT.split(strong) if p.strip()]
            if len(pieces) > 1 and all(_digit_count(p) >= _MIN_DIGITS_OF_A_NUMBER for p in pieces):
                numbers.extend(pieces)
            else:
                numbers.append(strong)
    real = [p for p in numbers if _digit_count(p) >= _MIN_DIGITS_OF_A_NUMBER]
    if len(real) >= 2:
        findings.append(Finding(Code.MULTIPLE_NUMBERS, (("count", len(real)),)))
        return real[0].strip()
    return text


# Dates, times and IPv4 addresses: what people (and mis-wired forms) put in a phone field that
# is no phone number. Every part must be in range, so "212.555.1234" stays a number; and a date
# or an address shape is only said when the digits are no valid number (_check).
# A clock may follow a date after a space or a T, and may end in AM or PM ("04:04 PM").
_AM_PM = r"(?:\s*[AaPp]\.?[Mm]\.?)?"
_CLOCK_TEXT = r"([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?" + _AM_PM
_TIME = r"(?:(?:[T ]\s*)?" + _CLOCK_TEXT + ")?"
_ISO_DATE = re.compile(r"([0-9]{4})([-./])([0-9]{1,2})\2([0-9]{1,2})" + _TIME)
_DMY_DATE = re.compile(r"([0-9]{1,2})([-./])([0-9]{1,2})\2([0-9]{4})" + _TIME)
# Two-digit years only between slashes ("10/12/82"): no numbering plan writes its digits in
# groups of two with slashes, while "12-34-56" and "12.34.56" are local numbers' groupings.
_SHORT_YEAR_DATE = re.compile(r"([0-9]{1,2})(/)([0-9]{1,2})/([0-9]{2})" + _TIME)
# A date run together ("20120102") is also a valid length for many plans: only with a clock.
_COMPACT_DATE_TIME = re.compile(r"([0-9]{4})()([0-9]{2})([0-9]{2})(?:[T ]\s*)?" + _CLOCK_TEXT)
_CLOCK = re.compile(_CLOCK_TEXT)
_IPV4 = re.compile(r"([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})")
# English month names (the abbreviations with or without their dot) with a day, a year or
# both: "19 November 2020", "Nov 19, 2020", "November 2020", "19-Nov-2020". Vanity numbers
# spell words that are no month ("1-800-FLOWERS"), and a month needs a day or a year here.
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?:0?[1-9]|[12][0-9]|3[01])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]|20)[0-9]{2}"
_WORDED_DATE = re.compile(
    rf"(?:{_DAY}[ -]+{_MONTH}(?:,?[ -]+{_YEAR})?"
    rf"|{_MONTH}[ -]+{_DAY}(?:,?\s+{_YEAR})?"
    rf"|{_MONTH}[ -]+{_YEAR})"
    rf"(?:,?\s+{_CLOCK_TEXT})?",
    re.IGNORECASE,
)


_LONGEST_WORDED_DATE = 40  # "September 30th, 2020 12:59:59 PM" and room to spare


def _other_shape(text: str) -> str | None:
    """``"date"``, ``"time"`` or ``"ip_address"`` when the text has that shape, else ``None``."""
    if len(text) > 24:
        return None
    if match := _ISO_DATE.fullmatch(text):
        year, _, month, day, *clock = match.groups()
        return "date" if _is_date(year, month, day) and _is_clock(*clock) else None
    if match := _DMY_DATE.fullmatch(text):
        first, _, second, year, *clock = match.groups()
        dates = _is_date(year, second, first) or _is_date(year, first, second)
        return "date" if dates and _is_clock(*clock) else None
    if match := _SHORT_YEAR_DATE.fullmatch(text):
        first, _, second, _year, *clock = match.groups()
        dates = _is_date("2000", second, first) or _is_date("2000", first, second)
        return "date" if dates and _is_clock(*clock) else None
    if match := _COMPACT_DATE_TIME.fullmatch(text):
        year, _, month, day, *clock = match.groups()
        return "date" if _is_date(year, month, day) and _is_clock(*clock) else None
    if (match := _CLOCK.fullmatch(text)) and _is_clock(*match.groups()):
        return "time"
    if (match := _IPV4.fullmatch(text)) and _is_address(match.groups()):
        return "ip_address"
    return None


def _not_a_phone(shape: str, findings: list[Finding]) -> Screened:
    finding = Finding(Code.DATE_TIME_OR_ADDRESS, (("kind", shape),))
    return Screened(digits="", findings=(*findings, finding), readable=False)


def _is_address(parts: tuple[str, ...]) -> bool:
    # Four pairs ("22.50.12.34") is how numbers are grouped in much of francophone Africa, and
    # "070.123.45.67" is a Swedish mobile: an address has a part of one or three digits, and
    # no part with a leading zero.
    return all(int(p) <= 255 and (p == "0" or p[0] != "0") for p in parts) and any(
        len(p) != 2 for p in parts
    )


def _is_date(year: str, month: str, day: str) -> bool:
    return 1900 <= int(year) <= 2099 and 1 <= int(month) <= 12 and 1 <= int(day) <= 31


def _is_clock(hours: str | None, minutes: str | None, seconds: str | None = None) -> bool:
    if hours is None or minutes is None:
        return True
    return int(hours) <= 23 and int(minutes) <= 59 and (seconds is None or int(seconds) <= 59)


def screen(text: str) -> Screened:
    """Screen raw text. Never raises; runs in time linear in ``len(text)``, capped."""
    if len(text) > MAX_INPUT_LENGTH:
        return Screened(
            digits="",
            findings=(
                Finding(Code.INPUT_TOO_LONG, (("length", len(text)), ("limit", MAX_INPUT_LENGTH))),
            ),
            readable=False,
        )
    if text.isascii():
        plain = text.strip()
        if _PLAIN.fullmatch(plain) and not plain.endswith(".0"):
            shape = _other_shape(plain) if "." in plain or "-" in plain else None
            return Screened(digits=plain.translate(_NOT_DIGITS), plus=plain[0] == "+", shape=shape)
    findings: list[Finding] = []
    cleaned = _strip_control(text, findings).strip()
    if "&" in cleaned and ";" in cleaned:
        import html  # noqa: PLC0415 - 1.2 ms to import; only text with an entity needs it

        cleaned = html.unescape(cleaned).strip()  # "&nbsp;", "&#43;": text copied from a page
    shape = _other_shape(cleaned)
    if shape == "time" or (shape is not None and ":" in cleaned):
        # No phone number has a colon between its digits.
        return _not_a_phone(shape, findings)
    if len(cleaned) <= _LONGEST_WORDED_DATE and _WORDED_DATE.fullmatch(cleaned):
        # A month's name: not letters of a vanity number.
        return _not_a_phone("date", findings)
    if not cleaned:
        code = Code.EMPTY_INPUT
        if any(f.code is Code.INVALID_CHARACTERS for f in findings):
            code = Code.NOT_A_NUMBER
        return Screened(digits="", findings=(*findings, Finding(code)), readable=False)
    repaired = _undo_spreadsheet(cleaned, findings)
    if repaired is None:
        return Screened(digits="", findings=tuple(findings), readable=False)
    extension: str | None = None
    link = _whatsapp_number(repaired)
    if link is not None:
        repaired = link
    elif repaired[:4].lower() == "tel:":
        repaired, extension = _split_tel_uri(repaired)
    elif _TEL_PARAM.search(repaired):
        repaired, extension = _split_tel_params(repaired)
    if extension is None:
        repaired, extension = _split_post_dial(repaired)
    repaired = _first_of_many(repaired, findings)
    screened = _scan(repaired, findings, extension)
    return attrs.evolve(screened, shape=shape) if shape is not None else screened


def _scan(text: str, findings: list[Finding], extension: str | None) -> Screened:
    """Walk the characters once: digits, plus, separators, letters and extension markers."""
    digits: list[str] = []
    lookalike: list[str] = []  # digits with lookalike letters read as digits
    vanity: list[str] = []  # digits with ASCII letters kept for keypad reading
    plus = False
    pluses = 0  # "++49": the old print convention for "your international prefix"
    odd: list[str] = []
    lookalikes_seen: list[str] = []
    ascii_runs: list[str] = []
    run: list[str] = []
    ext_digits: list[str] | None = None
    # Words are keypad letters only inside the number: not in prose around it ("The number
    # is 231354125."), nor after an extension word or a semicolon or comma that follows a
    # whole number ("2134567890 ext. abc", "+1 (713) 555-1212 ; abc").
    words_are_text = False
    index = 0
    length = len(text)

    def close_run() -> None:
        if run:
            ascii_runs.append("".join(run))
            run.clear()

    while index < length:
        ch = text[index]
        if ch.isdecimal():
            close_run()
            digit = str(unicodedata.decimal(ch))
            if ext_digits is not None:
                ext_digits.append(digit)
            else:
                digits.append(digit)
                lookalike.append(digit)
                vanity.append(digit)
        elif ch in _PLUS:
            close_run()
            if digits or ext_digits is not None:
                odd.append(ch)
            else:
                pluses += 1
                plus = True
        elif (
            ch in _TILDES
            and ext_digits is None
            and len(digits) >= _MIN_DIGITS_OF_A_NUMBER
            and text[index - 1].isspace()
        ):
            # "+1 650 253 0000 ~630": a spaced tilde after a whole number marks an extension;
            # the tilde of "8~10" (wait for the dial tone) follows a single digit.
            close_run()
            ext_digits = []
        elif ch in _SEPARATORS:
            close_run()
        elif ch == "#" and ext_digits is None and len(vanity) >= _MIN_DIGITS_OF_A_NUMBER:
            # After a whole number, its keypad letters counted ("+1 800-Go-Green #78").
            ext_digits = []
            words_are_text = True
        elif ch.isalpha() or ch in _LOOKALIKES:
            # Read a whole word, then decide what it is.
            word, end = _word_at(text, index)
            folded = _fold(word)
            if (
                folded in _EXTENSION_WORDS
                and len(vanity) >= _MIN_DIGITS_OF_A_NUMBER
                and ext_digits is None
            ):
                # After a whole number only: "1650 x 253 - 1234" is one number.
                close_run()
                ext_digits = []
                words_are_text = True
            elif folded in _LABEL_WORDS and (
                not digits
                or (
                    len(digits) >= _MIN_DIGITS_OF_A_NUMBER
                    and text[:index].rstrip()[-1:] in _OPENING_BRACKETS
                )
            ):
                # A label before the number, or one in brackets after it: "+44 7911 123456
                # (mobile)". Not a bare word after digits: "1-800-555-CELL" spells digits.
                close_run()
            elif all(c in _LOOKALIKES for c in word) and (
                len(word) <= 2 or not all(c in _ASCII_LOOKALIKES for c in word)
            ):
                close_run()
                lookalikes_seen.extend(word)
                for c in word:
                    lookalike.append(_LOOKALIKES[c])
                    vanity.append(c)
            elif (
                word.isascii()
                and word.isalpha()
                and digits
                and not words_are_text
                and folded not in _EXTENSION_WORDS
            ):
                run.extend(word)
                vanity.extend(word)
            else:
                # A word before the number that is no label: the number stands in prose.
                words_are_text = words_are_text or not digits
                close_run()
                odd.extend(word)
            index = end
            if folded in _EXTENSION_WORDS or folded in _LABEL_WORDS:
                # "Phone: +1 650 253 0000", "Тел.: ...", "xtn:630": the dot and the colon
                # belong to the word, not to the number.
                if index < length and text[index] == ".":
                    index += 1
                if index < length and text[index] in _COLONS:
                    index += 1
            continue
        else:
            close_run()
            odd.append(ch)
            if ch in ";," and len(digits) >= _MIN_DIGITS_OF_A_NUMBER:
                words_are_text = True
        index += 1
    close_run()
    if ext_digits is not None and ext_digits:
        extension = "".join(ext_digits)
    letters = "".join(ascii_runs)
    is_vanity = bool(letters) and any(len(r) >= 3 for r in ascii_runs) and bool(digits)
    if letters and not is_vanity:
        odd.extend(letters)
    if extension:
        findings.append(Finding(Code.HAS_EXTENSION, (("extension", extension),)))
    if pluses > 1 and digits:
        findings.append(Finding(Code.REPEATED_PLUS, (("count", pluses),)))
    if not digits and not lookalikes_seen:
        # Words, not a number: one clear diagnostic says so; listing the letters adds nothing.
        findings.append(Finding(Code.NOT_A_NUMBER))
        return Screened(digits="", findings=tuple(findings), readable=False)
    if odd:
        findings.append(Finding(Code.INVALID_CHARACTERS, (("characters", _names(odd)),)))
    if is_vanity:
        findings.append(Finding(Code.VANITY_LETTERS, (("letters", letters),)))
    if lookalikes_seen:
        findings.append(
            Finding(Code.LOOKALIKE_CHARACTERS, (("characters", _names(lookalikes_seen)),))
        )
    return Screened(
        digits="".join(digits),
        plus=plus,
        extension=extension,
        lookalike_digits="".join(lookalike) if lookalikes_seen else None,
        vanity_text=("+" if plus else "") + "".join(vanity) if is_vanity else None,
        findings=tuple(findings),
    )
