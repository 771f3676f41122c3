"""Retired number formats that people still type, with rewrites to the current form."""

from __future__ import annotations

from collections.abc import Callable

import attrs

__all__ = [
    "LEGACY_PREFIXES",
    "LegacyPrefix",
    "LegacyRewrite",
    "legacy_national_rewrites",
    "legacy_rewrites",
]


@attrs.frozen
class LegacyPrefix:
    """A numbering change: what was retired, when, and where that is documented."""

    country_code: int
    id: str
    description: str
    retired: str
    source_url: str
    checked: str


@attrs.frozen
class LegacyRewrite:
    """A candidate modern national significant number produced by one rule."""

    national_number: str
    rule: LegacyPrefix


_CHECKED = "2026-11-25"

# --- Mexico (+52): IFT's uniform 10-digit dialling, in force 2019-08-03. ---
# The IFT's amended Plan Técnico Fundamental de Numeración removed the prefixes
# 01 (national long distance and non-geographic numbers), 044 (fixed to local
# mobile), 045 (fixed to long-distance mobile) and the digit 1 that callers
# abroad put between +52 and a mobile number. Old and new dialling coexisted
# for one year; only 10 digits have been routed since 2020-08-03.
#   - https://newsweekespanol.com/?p=114478 (IFT announcement: 01, 044, 045 and
#     the digit 1, from 3 August 2019)
#   - https://eluniversal.com.mx/cartera/ya-conoces-como-marcar-10-digitos/?outputType=amp
#     (calls from abroad to Mexican mobiles no longer dial the middle 1)
#   - https://notisema.com/no-entra-la-llamada-asi-es-la-nueva-marcacion-telefonica-desde-este-3-de-agosto
#     (the one-year coexistence ended 3 August 2020)
_MX_URL = "https://newsweekespanol.com/?p=114478"
MX_MOBILE_1 = LegacyPrefix(
    country_code=52,
    id="mx-mobile-1",
    description=(
        "Callers from abroad used to put a 1 between +52 and a Mexican mobile "
        "number; the 10-digit plan dropped it."
    ),
    retired="2019-08-03",
    source_url=(
        "https://eluniversal.com.mx/cartera/ya-conoces-como-marcar-10-digitos/?outputType=amp"
    ),
    checked=_CHECKED,
)
MX_NATIONAL_044 = LegacyPrefix(
    country_code=52,
    id="mx-national-044",
    description=(
        "Mexican landlines dialled 044 before a local mobile number; mobiles "
        "are now dialled as plain 10 digits."
    ),
    retired="2019-08-03",
    source_url=_MX_URL,
    checked=_CHECKED,
)
MX_NATIONAL_045 = LegacyPrefix(
    country_code=52,
    id="mx-national-045",
    description=(
        "Mexican landlines dialled 045 before a mobile number in another city; "
        "mobiles are now dialled as plain 10 digits."
    ),
    retired="2019-08-03",
    source_url=_MX_URL,
    checked=_CHECKED,
)
MX_NATIONAL_01 = LegacyPrefix(
    country_code=52,
    id="mx-national-01",
    description=(
        "Mexico's national long-distance prefix 01 (also written before 800 "
        "numbers) was dropped in favour of plain 10-digit dialling."
    ),
    retired="2019-08-03",
    source_url=_MX_URL,
    checked=_CHECKED,
)

# --- Brazil (+55): Anatel's ninth digit for mobiles, 2012 to 2016. ---
# A 9 was put in front of every 8-digit mobile subscriber number (9xxxx-xxxx),
# area by area: DDD 11 from 29 July 2012, the rest of São Paulo state by
# 31 Dec 2013, RJ/ES by Jan 2014, the North by Dec 2014, MG and the Northeast
# by Dec 2015, and the South, Centre-West and Acre by 31 Dec 2016.
#   - https://veja.abril.com.br/economia/celulares-de-todo-o-pais-terao-9o-digito-ate-2016/
#   - https://exame.com./tecnologia/anatel-aprova-introducao-do-nono-digito-em-todo-pais
#   - https://diariodolitoral.com.br/cotidiano/celulares-da-baixada-santista-e-litoral-norte-terao-nono-digito/4541
#     (Anatel notice: the 9 goes to the left of the current mobile number)
# Only 8-digit numbers starting 6-9 are rewritten: those were mobile ranges,
# while 2-5 are still landlines (phonenumbers agrees: +55 11 3xxx xxxx is a
# valid fixed line, +55 11 8xxx xxxx is not valid).
BR_NINTH_DIGIT = LegacyPrefix(
    country_code=55,
    id="br-mobile-ninth-digit",
    description=(
        "Brazilian mobile numbers had 8 digits after the area code until Anatel "
        "prefixed them all with a 9 between 2012 and 2016."
    ),
    retired="2016-12-31",
    source_url=(
        "https://veja.abril.com.br/economia/celulares-de-todo-o-pais-terao-9o-digito-ate-2016/"
    ),
    checked=_CHECKED,
)

# --- Vietnam (+84): MIC moved 11-digit mobiles to 10 digits, 2018. ---
# Announced by the Ministry of Information and Communications on 29 May 2018.
# Conversion ran 15 Sep 2018 to 30 Jun 2019; old and new codes were both
# dialable only until 14 Nov 2018. The last 7 digits never changed.
#   - https://nld.com.vn/cong-nghe/chi-tiet-doi-sim-so-11-so-thanh-10-so-20180529111735239.htm
#   - http://kynguyenso.plo.vn/ky-nguyen-so/tuyet-chieu/2-cach-chuyen-so-dien-thoai-11-so-ve-10-so-773007.html
#   - https://gsm.vn/thue-bao-di-dong-11-so-doi-thanh-10-so-nhu-the-nao/
# Codes are written here without the trunk 0 (0162 -> 032 is "162" -> "32").
_VN_URL = "https://nld.com.vn/cong-nghe/chi-tiet-doi-sim-so-11-so-thanh-10-so-20180529111735239.htm"
VN_2018 = LegacyPrefix(
    country_code=84,
    id="vn-mobile-2018",
    description=(
        "Vietnam moved its 11-digit mobile numbers (01xx codes) to 10 digits "
        "by replacing the network code and keeping the last seven digits."
    ),
    retired="2018-09-15",
    source_url=_VN_URL,
    checked=_CHECKED,
)
VN_MOBILE_CODES: dict[str, str] = {
    # MobiFone
    "120": "70",
    "121": "79",
    "122": "77",
    "126": "76",
    "128": "78",
    # VinaPhone
    "123": "83",
    "124": "84",
    "125": "85",
    "127": "81",
    "129": "82",
    # Viettel
    "162": "32",
    "163": "33",
    "164": "34",
    "165": "35",
    "166": "36",
    "167": "37",
    "168": "38",
    "169": "39",
    # Vietnamobile
    "186": "56",
    "188": "58",
    # Gmobile (Gtel)  # noqa: ERA001
    "199": "59",
}
"""Old 11-digit network code -> new code, both without the trunk 0."""

LEGACY_PREFIXES: tuple[LegacyPrefix, ...] = (
    MX_MOBILE_1,
    MX_NATIONAL_044,
    MX_NATIONAL_045,
    MX_NATIONAL_01,
    BR_NINTH_DIGIT,
    VN_2018,
)

_Rule = Callable[[str], "LegacyRewrite | None"]


def _mx_mobile_1(nsn: str) -> LegacyRewrite | None:
    if len(nsn) == 11 and nsn[0] == "1":
        return LegacyRewrite(nsn[1:], MX_MOBILE_1)
    return None


def _br_ninth_digit(nsn: str) -> LegacyRewrite | None:
    if len(nsn) == 10 and nsn[0] != "0" and nsn[1] != "0" and nsn[2] in "6789":
        return LegacyRewrite(f"{nsn[:2]}9{nsn[2:]}", BR_NINTH_DIGIT)
    return None


def _vn_2018(nsn: str) -> LegacyRewrite | None:
    if len(nsn) == 10:
        new = VN_MOBILE_CODES.get(nsn[:3])
        if new is not None:
            return LegacyRewrite(new + nsn[3:], VN_2018)
    return None


_INTERNATIONAL: dict[int, tuple[_Rule, ...]] = {
    52: (_mx_mobile_1,),
    55: (_br_ninth_digit,),
    84: (_vn_2018,),
}


def legacy_rewrites(country_code: int, national_number: str) -> tuple[LegacyRewrite, ...]:
    """Modern forms of a number written in a retired format after its country code.

    ``national_number`` is the digits after the country code as written
    (no trunk ``0``). Returns candidates of the right length only; the caller
    checks them against the numbering plan.
    """
    if not national_number.isdigit():
        return ()
    found = (rule(national_number) for rule in _INTERNATIONAL.get(country_code, ()))
    return tuple(r for r in found if r is not None)


_MX_NATIONAL_PREFIXES: tuple[tuple[str, LegacyPrefix], ...] = (
    ("044", MX_NATIONAL_044),
    ("045", MX_NATIONAL_045),
    ("01", MX_NATIONAL_01),
)


def _mx_national(digits: str) -> tuple[LegacyRewrite, ...]:
    for prefix, rule in _MX_NATIONAL_PREFIXES:
        rest = digits[len(prefix) :]
        if digits.startswith(prefix) and len(rest) == 10:
            return (LegacyRewrite(rest, rule),)
    return ()


def _strip_trunk_0(digits: str) -> str:
    return digits.removeprefix("0")


def legacy_national_rewrites(region: str, national_digits: str) -> tuple[LegacyRewrite, ...]:
    """Modern forms of a number typed in a retired national format.

    ``region`` is an ISO 3166-1 alpha-2 code; ``national_digits`` are the
    digits as dialled inside that country, trunk prefix included if typed.
    Each rewrite's ``national_number`` is the modern national significant
    number (no trunk prefix).
    """
    if not national_digits.isdigit():
        return ()
    region = region.upper()
    if region == "MX":
        return _mx_national(national_digits)
    if region == "BR":
        return legacy_rewrites(55, _strip_trunk_0(national_digits))
    if region == "VN":
        return legacy_rewrites(84, _strip_trunk_0(national_digits))
    return ()
