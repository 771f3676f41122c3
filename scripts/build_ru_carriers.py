#!/usr/bin/env python3
"""Build ``data/ru_carriers.tsv`` from the Russian numbering-plan registry (DEF 9xx).

Usage (from the repository root)::

    python scripts/build_ru_carriers.py [CSV] [-o OUTPUT]

``CSV`` defaults to ``../shared/research/ru_numbering/DEF-9xx.csv`` and ``OUTPUT``
to ``data/ru_carriers.tsv``, both relative to the repository root.

The input is the registry extract for mobile (DEF 9xx) ranges published as open data
by the Russian Ministry of Digital Development (Минцифры России, formerly Россвязь):
``;``-separated, UTF-8 with a BOM, columns
``АВС/DEF; От; До; Емкость; Оператор; Регион; Территория ГАР; ИНН``.
See ``shared/research/SOURCES.md`` for where our copy comes from.

The output is deterministic (no timestamps: re-running on the same input gives the same
bytes; ``tests/test_ru_carriers.py`` checks this). It has two sections:

``[operators]``  one row per operator tax id (ИНН):
                 ``brand, inn, operator, host_network, numbers``.
                 ``brand`` is the key the ranges refer to; it is unique per ИНН.
``[ranges]``     ``first, last, brand, region``: inclusive 10-digit national numbers,
                 sorted, non-overlapping; adjacent registry rows with the same ИНН and the
                 same region are merged into one range.

Choices:

* Operators are keyed by ИНН, because the published names of one operator vary in case
  and wording (``ПАО "МТС"`` / ``ПАО "Мобильные ТелеСистемы"``). ``operator`` is the
  spelling used on most registry rows of that ИНН (ties: the lexically smallest).
* ``region`` is the ``Территория ГАР`` column (the region as named in the state address
  register), verbatim. The ``Регион`` column is not used: it spells one region several
  ways (``обл.`` / ``область``) and is ``-`` on some rows, which would both split ranges
  and lose information.
* Operators not in ``BRANDS`` get their legal name without the legal form and quotes
  (``ООО "ИНТЕРНОД"`` -> ``ИНТЕРНОД``) as brand.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_INPUT = REPO_ROOT / ".." / "shared" / "research" / "ru_numbering" / "DEF-9xx.csv"
DEFAULT_OUTPUT = REPO_ROOT / "data" / "ru_carriers.tsv"

EXPECTED_HEADER = ["АВС/ DEF", "От", "До", "Емкость", "Оператор", "Регион", "Территория ГАР", "ИНН"]

PROVENANCE = (
    "Russian numbering-plan registry, mobile DEF 9xx ranges: open data of Минцифры России "
    "(Ministry of Digital Development, formerly Россвязь); public copy committed 2026-04-20, "
    "see shared/research/SOURCES.md"
)


@dataclass(frozen=True)
class Brand:
    """How an operator (one ИНН) is known to subscribers."""

    name: str
    host_network: str | None = None


# ИНН -> brand. Every operator with at least 1,000,000 numbers in the registry is listed
# here, or deliberately left to its cleaned legal name because no source tied it to a
# consumer brand: АО "ГЛОНАСС" (ERA-GLONASS / M2M), ООО "НМК", ООО "МИРАНДА-МЕДИА",
# ООО "ГЛОБАЛ ТЕЛЕКОМ", ООО "ТМТ", МИНЦИФРЫ РОССИИ (ranges held by the ministry),
# ООО "МИРТЕЛЕКОМ", ООО "СИМ ТЕЛЕКОМ", АО "АГАТ", ООО "АНТАРЕС".
# Sources were read through public copies of the pages; "name" means the brand is the
# operator's own name and needs no source.
#
# host_network is filled ONLY where a source says which network the MVNO runs on:
#   Yota:       https://kommersant.ru/gallery/3106375 — «Yota (ООО «Скартел», принадлежит
#               «Мегафону» и работает на его сетях)».
#   Rostelecom: https://www.commsupdate.com/articles/2018/11/05/mvno-monday-a-guide-to-the-weeks-virtual-operator-developments/
#               — "Rostelecom launched its MVNO in November 2016 over the Tele2 Russia
#               network"; also Telecom Daily via https://fairydate.ru/golosovoj-assistent-tinkoff-oleg-stal-dostupen-vsem-rossijskim-sotovym-abonentam.html
#               («"Ростелеком", работающий на сети Tele2»).
#   T-Mobile:   https://fixhair.ru/en/virtualnye-operatory-i-rossiiskaya-realnost-virtualnye-operatory/
#               (table of Russian MVNOs: Tinkoff Mobile, "the base operator (MNO) is Tele2");
#               https://perceptiode.com/Тинькофф_мобайл (a copy of the Wikipedia article):
#               Tele2's networks, MegaFon's in regions without Tele2. Recorded as T2.
#   SberMobile: https://presentmail.ru/gref-zayavil-o-zapuske-virtualnogo-m («Сбербанк и
#               Tele2 запустили совместного виртуального оператора», Gref to Vedomosti);
#               the fixhair.ru table above: SberMobile, backbone network Tele2.
# Not filled although the operator is an MVNO: MTT (the fixhair.ru table gives "MTS,
# Tele2" for MTT/Aiva Mobile: two hosts), VTB Mobile, Alfa Mobile, Bezlimit, and others
# (no source found).
#
# Brand sources:
#   Win mobile: https://kp.ua/politics/479757-operator-mobylnoi-sviazy-mts-ne-budet-rabotat-v-krymu
#               («"К-Телеком", который вышел под брендом "Win-Mobile"»);
#               https://ria.ru/20140813/1019898393.html («"К-Телеком" (бренд Win Mobile)»).
#   Phoenix:    https://regnum.ru/news/society/2369702.html («РОС «Феникс»»);
#               https://ria.ru/amp/20221006/operatory-1821896765.html (республиканский
#               оператор связи "Феникс").
#   Motiv:      https://gordost31.ru/telefonnaya-kompaniya-motiv-opisanie-tarifnyh-planov-operatora-motiv.html
#               (copy of a tariff appendix: «в сети оператора связи ООО "ЕКАТЕРИНБУРГ-2000"»,
#               «На номера абонентов МОТИВ»).
#   MKS:        https://alchevsk.su/news/89091 («Оператор мобильной связи "Мобильные
#               коммуникационные системы" (МКС)», Луганская Народная Республика).
#   Volna mobile: named in the project brief; no stored page linking ООО "КТК ТЕЛЕКОМ" to
#               the brand was found (https://www.politnavigator.net/… only says КТК Телеком
#               received cellular licences for Crimea). UNVERIFIED.
#   T-Mobile:   T-Bank's MVNO (formerly Tinkoff Mobile); the link from ООО "Т-МОБ" to the
#               brand is by name only. UNVERIFIED.
#   SberMobile: ООО "Сбербанк-Телеком" -> СберМобайл by name; https://www.forbes.ru/tekhnologii/538330-virtual-nye-operatory-sbera-i-t-banka-podderzali-sozdanie-edinoj-seti-5g
#               calls «Сбермобайл» and «Т-Мобайл» the virtual operators of Sber and T-Bank.
BRANDS: dict[str, Brand] = {
    "7740000076": Brand("MTS"),  # ПАО "МТС" (Мобильные ТелеСистемы)
    "7812014560": Brand("MegaFon"),  # ПАО "МегаФон"
    "7713076301": Brand("Beeline"),  # ПАО "ВымпелКом"
    "7743895280": Brand("T2"),  # ООО "Т2 Мобайл" (formerly Tele2)
    "7701725181": Brand("Yota", host_network="MegaFon"),  # ООО "Скартел"
    "7707049388": Brand("Rostelecom", host_network="T2"),  # ПАО "Ростелеком"
    "7743200179": Brand("T-Mobile", host_network="T2"),  # ООО "Т-МОБ"
    "7736264044": Brand("SberMobile", host_network="T2"),  # ООО "Сбербанк-Телеком"
    "2308210371": Brand("Win mobile"),  # ООО "К-Телеком" (Crimea)
    "7718999159": Brand("Volna mobile"),  # ООО "КТК ТЕЛЕКОМ" (Crimea)
    "9308013351": Brand("Phoenix"),  # ГУП ДНР "Республиканский оператор связи"
    "9402011009": Brand("MKS"),  # ООО "Мобильные коммуникационные системы" (ЛНР)
    "6661079603": Brand("Motiv"),  # ООО "ЕКАТЕРИНБУРГ-2000"
    "9725152215": Brand("Alfa Mobile"),  # ООО "АЛЬФА-МОБАЙЛ" (name)
    "9705121882": Brand("VTB Mobile"),  # ООО "ВТБ МОБАЙЛ" (name)
    "7705017253": Brand("MTT"),  # АО "МТТ" (name)
    "7710016640": Brand("MGTS"),  # ПАО МГТС (name)
    "7709219099": Brand("TTK"),  # АО "Компания ТрансТелеКом" (name)
}

# Legal-form prefixes removed to make a brand out of a legal name. Longest first.
_LEGAL_FORMS = (
    "ГОСУДАРСТВЕННОЕ УНИТАРНОЕ ПРЕДПРИЯТИЕ",
    "АКЦИОНЕРНОЕ ОБЩЕСТВО",
    "ФГУП",
    "ООО",
    "ПАО",
    "ЗАО",
    "ОАО",
    "ГУП",
    "АО",
)
_QUOTES = str.maketrans("", "", '"«»“”„')


def clean_legal_name(name: str) -> str:
    """``ООО "ИНТЕРНОД"`` -> ``ИНТЕРНОД``: drop the legal form, quotes, extra spaces."""
    text = " ".join(name.split())
    upper = text.upper()
    for form in _LEGAL_FORMS:
        if upper.startswith(form + " "):
            text = text[len(form) + 1 :]
            break
    return " ".join(text.translate(_QUOTES).split())


class BuildError(ValueError):
    """The input is not what this script expects."""


@dataclass
class _Range:
    first: int
    last: int
    inn: str
    region: str


def _read_rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    if not rows or rows[0] != EXPECTED_HEADER:
        msg = f"{path}: unexpected header {rows[0] if rows else None!r}"
        raise BuildError(msg)
    return rows[1:]


_DIGITS = re.compile(r"[0-9]+")


def build(csv_path: Path) -> str:
    """Return the text of ``ru_carriers.tsv`` for the registry extract at ``csv_path``."""
    raw = csv_path.read_bytes()
    rows = _read_rows(csv_path)

    names: dict[str, Counter[str]] = defaultdict(Counter)
    numbers: Counter[str] = Counter()
    parsed: list[_Range] = []
    for lineno, row in enumerate(rows, start=2):
        if len(row) != 8:
            msg = f"{csv_path}:{lineno}: expected 8 fields, got {len(row)}"
            raise BuildError(msg)
        code, start, end, capacity, operator, _region, territory, inn = (f.strip() for f in row)
        for value, width in ((code, 3), (start, 7), (end, 7)):
            if len(value) != width or not _DIGITS.fullmatch(value):
                msg = f"{csv_path}:{lineno}: bad number field {value!r}"
                raise BuildError(msg)
        if not code.startswith("9"):
            msg = f"{csv_path}:{lineno}: not a DEF 9xx code: {code}"
            raise BuildError(msg)
        first, last = int(code + start), int(code + end)
        if last < first or last - first + 1 != int(capacity):
            msg = f"{csv_path}:{lineno}: range {first}-{last} does not match {capacity=}"
            raise BuildError(msg)
        if not _DIGITS.fullmatch(inn) or not operator or not territory:
            msg = f"{csv_path}:{lineno}: missing ИНН, operator or territory"
            raise BuildError(msg)
        for value in (operator, territory):
            if "\t" in value or "\n" in value:
                msg = f"{csv_path}:{lineno}: tab or newline in {value!r}"
                raise BuildError(msg)
        names[inn][operator] += 1
        numbers[inn] += last - first + 1
        parsed.append(_Range(first, last, inn, territory))

    parsed.sort(key=lambda r: r.first)
    merged: list[_Range] = []
    for r in parsed:
        if merged and r.first <= merged[-1].last:
            msg = f"overlapping ranges at {r.first}"
            raise BuildError(msg)
        prev = merged[-1] if merged else None
        if prev and prev.last + 1 == r.first and prev.inn == r.inn and prev.region == r.region:
            prev.last = r.last
        else:
            merged.append(_Range(r.first, r.last, r.inn, r.region))

    # One brand per ИНН, and one ИНН per brand (the ranges refer to the brand).
    legal: dict[str, str] = {}
    brand_of: dict[str, Brand] = {}
    for inn, counter in names.items():
        legal[inn] = min(counter, key=lambda n: (-counter[n], n))
        brand_of[inn] = BRANDS.get(inn) or Brand(clean_legal_name(legal[inn]))
    by_brand: dict[str, list[str]] = defaultdict(list)
    for inn, brand in brand_of.items():
        by_brand[brand.name].append(inn)
    for name, inns in by_brand.items():
        if len(inns) > 1:  # disambiguate unmapped operators with the same cleaned name
            for inn in inns:
                if inn in BRANDS:
                    msg = f"brand {name!r} is used by several ИНН: {sorted(inns)}"
                    raise BuildError(msg)
                brand_of[inn] = Brand(f"{name} (ИНН {inn})")
    for inn, brand in BRANDS.items():
        if inn not in names:
            print(f"warning: ИНН {inn} ({brand.name}) has no ranges", file=sys.stderr)

    sha256 = hashlib.sha256(raw).hexdigest()
    lines = [
        (
            "# GENERATED by scripts/build_ru_carriers.py from ru_numbering/DEF-9xx.csv "
            f"(sha256 {sha256}): {PROVENANCE}. Do not edit; re-run the script."
        ),
        (
            f"# {len(rows)} registry rows merged into {len(merged)} ranges "
            f"(adjacent rows with the same ИНН and the same region); {len(names)} operators."
        ),
        "[operators]",
        "# brand\tinn\toperator\thost_network\tnumbers",
    ]
    for inn in sorted(names, key=lambda i: (-numbers[i], i)):
        b = brand_of[inn]
        lines.append(f"{b.name}\t{inn}\t{legal[inn]}\t{b.host_network or ''}\t{numbers[inn]}")
    lines.append("[ranges]")
    lines.append("# first\tlast\tbrand\tregion")
    lines.extend(
        f"{r.first:010d}\t{r.last:010d}\t{brand_of[r.inn].name}\t{r.region}" for r in merged
    )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Command line entry point; returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("csv", nargs="?", type=Path, default=DEFAULT_INPUT)
    parser.add_argument("-o", "--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)
    csv_path: Path = args.csv
    output: Path = args.output
    if not csv_path.is_file():
        print(f"input not found: {csv_path}", file=sys.stderr)
        return 2
    try:
        text = build(csv_path)
    except BuildError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(text.encode("utf-8"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
