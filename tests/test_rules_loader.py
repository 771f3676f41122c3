"""Loading, validating and matching carrier_rules.toml (smscheck._rules)."""

from __future__ import annotations

import importlib.resources
import pathlib
import subprocess
import sys
import textwrap

import attrs
import phonenumbers
import pytest
import tomli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smscheck import _datafile, _rules_load, _rules_schema
from smscheck._codes import Code, LiftedBy, RuleEffect, SenderKind, Severity
from smscheck._report import Sender
from smscheck._rules import RuleSet, applicable_rules
from smscheck._rules_load import load_rules
from smscheck.exceptions import RulesError

FIXTURES = pathlib.Path(__file__).parent / "rules_fixtures"
SRC = pathlib.Path(__file__).parent.parent / "src"
PACKAGED = SRC / "smscheck" / "data" / "carrier_rules.toml"
HEAD_REGIONS = {"FR", "RU"}
TOMLISH = st.text(alphabet=list("[]{}\"'=\n#.,\\ abcxyz019-:TZ"), max_size=300)


def packaged_text() -> str:
    """The packaged-style fixture: its head plus an entry for every other region."""
    head = (FIXTURES / "packaged_head.toml").read_text(encoding="utf-8")
    rest = sorted(set(phonenumbers.SUPPORTED_REGIONS) - HEAD_REGIONS)
    lines = ["", "[regions]"]
    lines += [
        f'{code} = {{ status = "no_known_restriction", sources = ["guide-b"],'
        ' review = "table", checked = 2026-11-25 }'
        for code in rest
    ]
    return head + "\n".join(lines) + "\n"


def line_of(text: str, needle: str, nth: int = 0) -> int:
    """The 1-based line of the nth occurrence of needle in text."""
    pos = -1
    for _ in range(nth + 1):
        pos = text.index(needle, pos + 1)
    return text.count("\n", 0, pos) + 1


@pytest.fixture
def packaged(tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch) -> pathlib.Path:
    """Make the packaged-style fixture the packaged rules file."""
    path = tmp_path / "packaged.toml"
    path.write_text(packaged_text(), encoding="utf-8")
    doc = _rules_schema.parse(str(path), packaged_text(), packaged=True, known_sources={})
    monkeypatch.setattr(_rules_load, "_packaged", lambda: doc)
    monkeypatch.setattr(_rules_load, "_packaged_ruleset", lambda: _rules_load._merge([doc]))
    return path


def write(tmp_path: pathlib.Path, text: str | bytes, name: str = "rules.toml") -> pathlib.Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


# ----------------------------------------------------------------------------- good files


def test_good_fixture_loads(packaged: pathlib.Path) -> None:
    """The packaged-style fixture loads into rules and an entry per region."""
    rules = load_rules()
    assert isinstance(rules, RuleSet)
    assert [r.id for r in rules] == ["fr-sender-replaced", "ru-alpha-registration"]
    assert len(rules) == 2
    assert set(rules.regions) == set(phonenumbers.SUPPORTED_REGIONS)
    rule = rules.get("ru-alpha-registration")
    assert rule is not None
    assert rule.severity is Severity.ERROR
    assert rule.code is Code.SENDER_REGISTRATION_REQUIRED
    assert rule.senders == frozenset({SenderKind.ALPHANUMERIC})
    assert rule.carriers == ("MTS", "MegaFon")
    assert rule.prefixes == ("9",)
    assert rule.effective == "2026-09-15"
    assert rule.checked == "2026-11-25"
    assert rule.effect is RuleEffect.BLOCKED
    assert rule.lifted_by is LiftedBy.REGISTRATION
    assert rule.traffic is None
    assert rule.conflict is not None
    assert rule.conflict.startswith("Guide A")


def test_defaults_of_optional_fields(packaged: pathlib.Path) -> None:
    """Absent traffic, lifted_by, carriers, prefixes take their documented defaults."""
    rule = load_rules().get("fr-sender-replaced")
    assert rule is not None
    assert rule.severity is Severity.WARNING  # a replaced sender: the code may be missed
    assert rule.carriers == ()
    assert rule.prefixes == ()
    assert rule.effective is None
    assert rule.conflict is None
    assert rule.lifted_by is None
    assert rule.traffic is None


def test_sources_expanded_with_rule_dates(packaged: pathlib.Path) -> None:
    """Source urls get the lower-case region; checked is the rule's, captured the source's."""
    rule = load_rules().get("ru-alpha-registration")
    assert rule is not None
    first, second = rule.sources
    assert first.id == "guide-a"
    assert first.url == "https://guides.example/ru/sms"
    assert first.captured == "2026-05-09"
    assert first.checked == rule.checked
    assert second.url == "https://regulator.example/a2p"
    entry = load_rules().region_entry("FR")
    assert entry is not None
    assert entry.status == "restricted"
    assert entry.sources[0].url == "https://guides.example/fr/sms"
    assert entry.sources[0].checked == entry.checked == "2026-11-20"


def test_texts_and_language_fallback(packaged: pathlib.Path) -> None:
    """text() gives the language asked for, with region tags ignored, else English."""
    rule = load_rules().get("fr-sender-replaced")
    assert rule is not None
    assert rule.text("message") == "The sender name may be replaced by a number."
    assert rule.text("message", "ru-RU") == "Имя отправителя может быть заменено номером."
    assert rule.text("remedy", "ru_RU") == "Ищите сообщение с незнакомого номера."
    assert rule.text("service_remedy", "de") == rule.text("service_remedy", "en")
    assert dict(rule.message).keys() == {"en", "ru"}


def test_results_are_immutable(packaged: pathlib.Path) -> None:
    """Rules, entries and the set's mappings cannot be changed."""
    rules = load_rules()
    rule = rules.rules_for("RU")[0]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        rule.id = "x"  # type: ignore[misc]
    with pytest.raises(TypeError):
        rules.by_region["RU"] = ()  # type: ignore[index]
    with pytest.raises(TypeError):
        rules.regions["RU"] = rules.regions["FR"]  # type: ignore[index]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        rules.rules = ()  # type: ignore[misc]
    assert hash(rule) == hash(attrs.evolve(rule))


def test_ruleset_accessors(packaged: pathlib.Path) -> None:
    """rules_for, region_entry, ids, get and repr answer for known and unknown keys."""
    rules = load_rules()
    assert rules.ids == frozenset({"fr-sender-replaced", "ru-alpha-registration"})
    assert rules.rules_for("ZZ") == ()
    assert rules.region_entry("ZZ") is None
    assert rules.get("nope") is None
    assert [r.id for r in rules.rules_for("FR")] == ["fr-sender-replaced"]
    assert "2 rules" in repr(rules)


def test_override_replaces_by_id_and_adds(packaged: pathlib.Path) -> None:
    """An override rule with a known id replaces it whole; a new id is added at the end."""
    rules = load_rules(FIXTURES / "override.toml")
    assert [r.id for r in rules] == ["fr-sender-replaced", "ru-alpha-registration", "de-pumping"]
    replaced = rules.get("ru-alpha-registration")
    assert replaced is not None
    assert replaced.effect is RuleEffect.FILTERED
    assert replaced.carriers == ()  # replaced whole: nothing kept from the packaged rule
    assert replaced.senders == frozenset()
    assert [s.id for s in replaced.sources] == ["my-notes"]
    added = rules.get("de-pumping")
    assert added is not None
    assert added.sources[0].url == "https://guides.example/de/sms"  # a packaged source
    assert rules.regions.keys() == load_rules().regions.keys()


def test_override_source_replaces_packaged_source(
    packaged: pathlib.Path, tmp_path: pathlib.Path
) -> None:
    """A source redefined by an override is used wherever it is cited."""
    path = write(
        tmp_path,
        """\
        [sources.guide-a]
        publisher = "Example Carrier Guides"
        title = "SMS guidelines per country, new edition"
        url = "https://guides.example/v2/{region}"
        captured = 2026-11-01
        """.replace("        ", ""),
    )
    rules = load_rules(path)
    rule = rules.get("fr-sender-replaced")
    assert rule is not None
    assert rule.sources[0].url == "https://guides.example/v2/fr"
    assert rule.sources[0].captured == "2026-11-01"


def test_later_override_wins(packaged: pathlib.Path, tmp_path: pathlib.Path) -> None:
    """Several override files apply in order: the last one with an id wins."""
    first = FIXTURES / "override.toml"
    text = first.read_text(encoding="utf-8").replace('effect = "filtered"', 'effect = "advisory"')
    second = write(tmp_path, text, "second.toml")
    rule = load_rules(first, second).get("ru-alpha-registration")
    assert rule is not None
    assert rule.effect is RuleEffect.ADVISORY
    assert rule.severity is Severity.INFO


def test_empty_override_is_the_packaged_set(packaged: pathlib.Path, tmp_path: pathlib.Path) -> None:
    """An empty override file changes nothing."""
    rules = load_rules(write(tmp_path, ""))
    assert [r.id for r in rules] == [r.id for r in load_rules()]


def test_override_may_cite_earlier_override_source(
    packaged: pathlib.Path, tmp_path: pathlib.Path
) -> None:
    """A later override may cite a source defined by an earlier override file."""
    second = OVERRIDE_RULE.replace('["src-x"]', '["my-notes"]')
    rules = load_rules(FIXTURES / "override.toml", write(tmp_path, second))
    assert rules.get("fr-test-one") is not None


# ----------------------------------------------------------------------------- bad files

OVERRIDE_RULE = """\
schema_version = 2

[sources.src-x]
publisher = "Example"
title = "Example guide"
url = "https://example.com/{region}/sms"
captured = 2026-05-09

[[rules]]
id = "fr-test-one"
region = "FR"
code = "sender_id_replaced"
effect = "replaced"
checked = 2026-11-25
sources = ["src-x"]
message = { en = "One.", ru = "Один." }
service_remedy = { en = "Two.", ru = "Два." }
remedy = { en = "Three.", ru = "Три." }

[[rules]]
id = "fr-test-two"
region = "FR"
code = "international_sms_filtered"
effect = "filtered"
carriers = [
    "Orange",
    "SFR",
]
prefixes = ["6", "7"]
checked = 2026-11-25
sources = ["src-x"]
message = { en = "One.", ru = "Один." }
service_remedy = { en = "Two.", ru = "Два." }
remedy = { en = "Three.", ru = "Три." }
"""


def test_override_snippet_is_valid(packaged: pathlib.Path, tmp_path: pathlib.Path) -> None:
    """The snippet the error table mutates is itself valid."""
    rules = load_rules(write(tmp_path, OVERRIDE_RULE))
    assert {"fr-test-one", "fr-test-two"} <= rules.ids


FILTERED = 'code = "international_sms_filtered"'
REMEDY = 'remedy = { en = "Three.", ru = "Три." }'

# (old, new, expected key path, needle on the expected line (nth occurrence), reason part)
BAD_CASES = [
    (
        "carriers = [",
        "carrier = [",
        "rules[1].carrier",
        ("carrier = [", 0),
        "did you mean 'carriers'",
    ),
    (
        "schema_version = 2",
        "schema_version = true",
        "schema_version",
        ("schema_version", 0),
        "boolean",
    ),
    (
        "schema_version = 2",
        "schema_version = 1",
        "schema_version",
        ("schema_version", 0),
        "version 1 is not supported",
    ),
    (
        'code = "sender_id_replaced"',
        'code = "landline"',
        "rules[0].code",
        ('code = "landline"', 0),
        "rule code",
    ),
    (
        'code = "sender_id_replaced"',
        'code = "sender_id_replace"',
        "rules[0].code",
        ("code =", 0),
        "did you mean 'sender_id_replaced'",
    ),
    ('region = "FR"', 'region = "XX"', "rules[0].region", ('region = "XX"', 0), "not a region"),
    (
        'region = "FR"',
        'region = "fr"',
        "rules[0].region",
        ('region = "fr"', 0),
        "did you mean 'FR'",
    ),
    ('region = "FR"', "region = 33", "rules[0].region", ("region = 33", 0), "integer"),
    ('id = "fr-test-one"', 'id = "FR_test"', "rules[0].id", ('id = "FR_test"', 0), "lower-case"),
    (
        'id = "fr-test-two"',
        'id = "fr-test-one"',
        "rules[1].id",
        ('id = "fr-test-one"', 1),
        "already used by rules[0]",
    ),
    (
        "checked = 2026-11-25\nsources",
        'checked = "2026-11-25"\nsources',
        "rules[0].checked",
        ('checked = "', 0),
        "without quotes",
    ),
    (
        "checked = 2026-11-25\nsources",
        "checked = 2026-11-25T10:00:00\nsources",
        "rules[0].checked",
        ("checked = 2026-11-25T", 0),
        "date-time",
    ),
    (
        "captured = 2026-05-09",
        'captured = "2026-05-09"',
        "sources.src-x.captured",
        ("captured =", 0),
        "without quotes",
    ),
    (
        "checked = 2026-11-25\nsources",
        "sources",
        "rules[0].checked",
        ("[[rules]]", 0),
        "required key 'checked'",
    ),
    (
        'message = { en = "One.", ru = "Один." }',
        'message = { en = "One." }',
        "rules[0].message.ru",
        ("message =", 0),
        "required key 'ru'",
    ),
    (
        'message = { en = "One.", ru = "Один." }',
        'message = { en = "One.", ru = "" }',
        "rules[0].message.ru",
        ("message =", 0),
        "empty",
    ),
    (
        'message = { en = "One.", ru = "Один." }',
        'message = { en = "One.", rus = "Один." }',
        "rules[0].message.rus",
        ("message =", 0),
        "did you mean 'ru'",
    ),
    (
        'remedy = { en = "Three.", ru = "Три." }',
        'remedy = { en = "Three {region}.", ru = "Три." }',
        "rules[0].remedy.en",
        ('remedy = { en = "Three {', 0),
        "placeholder",
    ),
    (
        'remedy = { en = "Three.", ru = "Три." }',
        'remedy = { en = """Three.\nMore.""", ru = "Три." }',
        "rules[0].remedy.en",
        ('remedy = { en = """', 0),
        "one line",
    ),
    (
        'remedy = { en = "Three.", ru = "Три." }',
        'remedy = "Three."',
        "rules[0].remedy",
        ('remedy = "', 0),
        "no text 'Three.' in [texts]",
    ),
    (
        'sources = ["src-x"]\nmessage',
        'sources = ["src-x", "src-y"]\nmessage',
        "rules[0].sources[1]",
        ('"src-y"', 0),
        "no source 'src-y'",
    ),
    (
        'sources = ["src-x"]\nmessage',
        "sources = []\nmessage",
        "rules[0].sources",
        ("sources = []", 0),
        "must not be empty",
    ),
    ('    "SFR",', '    "",', "rules[1].carriers[1]", ('    "",', 0), "empty"),
    ('    "SFR",', '    "orange",', "rules[1].carriers[1]", ('    "orange",', 0), "listed twice"),
    ('    "SFR",', "    true,", "rules[1].carriers[1]", ("    true,", 0), "boolean"),
    (
        'prefixes = ["6", "7"]',
        'prefixes = ["6", "7a"]',
        "rules[1].prefixes[1]",
        ("prefixes", 0),
        "ASCII digits",
    ),
    (
        'prefixes = ["6", "7"]',
        'prefixes = ["\u0666"]',
        "rules[1].prefixes[0]",
        ("prefixes", 0),
        "ASCII digits",
    ),
    (
        'prefixes = ["6", "7"]',
        'prefixes = ["1234567890123456"]',
        "rules[1].prefixes[0]",
        ("prefixes", 0),
        "1 to 15",
    ),
    ('prefixes = ["6", "7"]', "prefixes = [6]", "rules[1].prefixes[0]", ("prefixes", 0), "integer"),
    (
        'code = "international_sms_filtered"',
        'code = "international_sms_filtered"\nsenders = ["alpha"]',
        "rules[1].senders[0]",
        ("senders", 0),
        "did you mean 'alphanumeric'",
    ),
    (
        'effect = "filtered"',
        'effect = "fatal"',
        "rules[1].effect",
        ('effect = "fatal"', 0),
        "not a rule effect",
    ),
    (
        'effect = "filtered"',
        'effect = "filtered"\nseverity = "error"',
        "rules[1].severity",
        ("severity", 0),
        "replaced by 'effect' in schema 2",
    ),
    (
        'effect = "filtered"',
        'effect = "filtered"\nlifted_by_registration = true',
        "rules[1].lifted_by_registration",
        ("lifted_by_registration", 0),
        "'lifted_by = \"registration\"' in schema 2",
    ),
    (
        'effect = "filtered"',
        'effect = "filtered"\nlifted_by = "payment"',
        "rules[1].lifted_by",
        ("lifted_by", 0),
        "not a lift",
    ),
    (
        'effect = "filtered"',
        'effect = "filtered"\ntraffic = "domestic"',
        "rules[1].traffic",
        ("traffic", 0),
        "not a kind of traffic",
    ),
    (
        'effect = "replaced"\n',
        "",
        "rules[0].effect",
        ("[[rules]]", 0),
        "required key 'effect'",
    ),
    (
        'code = "international_sms_filtered"',
        'code = "international_sms_filtered"\nconflict = "a\\tb"',
        "rules[1].conflict",
        ("conflict", 0),
        "control",
    ),
    (
        'url = "https://example.com/{region}/sms"',
        'url = "https://example.com/{country}/sms"',
        "sources.src-x.url",
        ("url =", 0),
        "placeholder",
    ),
    (
        'url = "https://example.com/{region}/sms"',
        'url = "ftp://example.com/"',
        "sources.src-x.url",
        ("url =", 0),
        "http",
    ),
    (
        'publisher = "Example"',
        'publisher = "Example"\nauthor = "X"',
        "sources.src-x.author",
        ("author", 0),
        "unknown key 'author'",
    ),
    (
        'title = "Example guide"\n',
        "",
        "sources.src-x.title",
        ("[sources.src-x]", 0),
        "required key 'title'",
    ),
    ("[sources.src-x]", "[sources.Src_X]", "sources.Src_X", ("[sources.Src_X]", 0), "source id"),
    (
        "schema_version = 2",
        "schema_version = 2\nversion = 1",
        "version",
        ("version = 1", 0),
        "unknown key",
    ),
    (
        "schema_version = 2",
        'schema_version = 2\n[regions.FR]\nstatus = "restricted"',
        "regions",
        ("[regions.FR]", 0),
        "only [[rules]]",
    ),
    ('id = "fr-test-one"', "id = 5", "rules[0].id", ("id = 5", 0), "integer"),
    ('region = "FR"', 'region = ["FR"]', "rules[0].region", ('region = ["FR"]', 0), "an array"),
    ('prefixes = ["6", "7"]', "prefixes = [1.5]", "rules[1].prefixes[0]", ("prefixes", 0), "float"),
    (
        FILTERED,
        FILTERED + "\nconflict = 2026-01-01",
        "rules[1].conflict",
        ("conflict", 0),
        "a date",
    ),
    (FILTERED, FILTERED + "\ntraffic = 1", "rules[1].traffic", ("traffic", 0), "integer"),
    (
        FILTERED,
        FILTERED + '\nsenders = "alphanumeric"',
        "rules[1].senders",
        ("senders", 0),
        "array",
    ),
    (
        'sources = ["src-x"]\nmessage',
        "sources = [1]\nmessage",
        "rules[0].sources[0]",
        ("sources = [1]", 0),
        "source id",
    ),
    (
        'url = "https://example.com/{region}/sms"',
        "url = 5",
        "sources.src-x.url",
        ("url = 5", 0),
        "integer",
    ),
    (
        REMEDY,
        REMEDY.replace("Three.", "Three. "),
        "rules[0].remedy.en",
        ("remedy = { en", 1),
        "white space",
    ),
    (
        REMEDY,
        REMEDY.replace("Three.", "x" * 501),
        "rules[0].remedy.en",
        ("remedy = { en", 1),
        "at most 500",
    ),
    (
        'id = "fr-test-one"',
        '"\\u0069d" = "FR_test"',
        "rules[0].id",
        ('"\\u0069d"', 0),
        "lower-case",
    ),
    ('region = "FR"', "'region' = 'XX'", "rules[0].region", ("'region'", 0), "not a region"),
    (
        REMEDY + "\n",
        REMEDY + "\n[rules.extra]\nx = 1\n",
        "rules[0].extra",
        ("[rules.extra]", 0),
        "unknown key 'extra'",
    ),
]


@pytest.mark.parametrize("case", BAD_CASES, ids=[f"{c[2]}:{c[4]}" for c in BAD_CASES])
def test_bad_override_snippets(
    packaged: pathlib.Path,
    tmp_path: pathlib.Path,
    case: tuple[str, str, str, tuple[str, int], str],
) -> None:
    """Each mistake gives one RulesError naming the file, the key path and its line."""
    old, new, key_path, needle, reason = case
    assert old in OVERRIDE_RULE
    text = OVERRIDE_RULE.replace(old, new, 1)
    path = write(tmp_path, text)
    with pytest.raises(RulesError) as info:
        load_rules(path)
    error = info.value
    assert error.path == str(path)
    assert error.key_path == key_path
    assert error.line == line_of(text, *needle)
    assert reason in error.reason
    assert str(error).startswith(f"{path}:{error.line}: {key_path}: ")


def test_error_lines_past_a_multiline_string(
    packaged: pathlib.Path, tmp_path: pathlib.Path
) -> None:
    """Lines are counted right after multi-line strings that contain [[rules]] and keys."""
    text = OVERRIDE_RULE.replace(
        "[sources.src-x]",
        '[sources.src-x]\nnote = """\n[[rules]]\ncarriers = [\n"""',
    )
    # the note is itself an error (two lines), so check a later one: fix the note first
    text = text.replace('note = """\n[[rules]]\ncarriers = [\n"""', "note = '''[[rules]]'''")
    text = text.replace('    "SFR",', '    "",')
    with pytest.raises(RulesError) as info:
        load_rules(write(tmp_path, text))
    assert info.value.key_path == "rules[1].carriers[1]"
    assert info.value.line == line_of(text, '    "",')


def test_multiline_string_does_not_count_as_rules(tmp_path: pathlib.Path) -> None:
    """A [[rules]] header inside a multi-line string is not counted as a rule."""
    text = OVERRIDE_RULE.replace(
        'url = "https://example.com/{region}/sms"',
        'url = "https://example.com/{region}/sms"\nnote = """x\n[[rules]]\ny"""',
    ).replace('region = "FR"', 'region = "XX"', 1)
    with pytest.raises(RulesError) as info:
        load_rules(write(tmp_path, text))
    assert info.value.key_path in {"sources.src-x.note", "rules[0].region"}
    if info.value.key_path == "rules[0].region":  # pragma: no cover - depends on check order
        assert info.value.line == line_of(text, 'region = "XX"')
    else:
        assert info.value.line == line_of(text, 'note = """')


def test_toml_syntax_error_has_line(packaged: pathlib.Path, tmp_path: pathlib.Path) -> None:
    """A TOML syntax error is a RulesError with the line the parser reports."""
    text = OVERRIDE_RULE.replace('id = "fr-test-two"', 'id = "fr-test-two')
    with pytest.raises(RulesError) as info:
        load_rules(write(tmp_path, text))
    assert info.value.line == line_of(text, 'id = "fr-test-two')
    assert info.value.key_path == ""
    assert "not valid TOML" in info.value.reason


def test_toml_error_at_end_of_document(packaged: pathlib.Path, tmp_path: pathlib.Path) -> None:
    """An error at the end of the document points at the last line."""
    text = "schema_version = 2\nx = "
    with pytest.raises(RulesError) as info:
        load_rules(write(tmp_path, text))
    assert info.value.line == 2
    assert "end of the file" in info.value.reason


def test_duplicate_table_is_a_toml_error(packaged: pathlib.Path, tmp_path: pathlib.Path) -> None:
    """Declaring a source twice is a TOML error on the second declaration."""
    text = OVERRIDE_RULE + '\n[sources.src-x]\ntitle = "again"\n'
    with pytest.raises(RulesError) as info:
        load_rules(write(tmp_path, text))
    assert info.value.line == line_of(text, "[sources.src-x]", 1)


PACKAGED_CASES = [
    (
        '[regions.RU]\nstatus = "restricted"',
        '[regions.RU]\nstatus = "blocked"',
        "regions.RU.status",
        ('status = "blocked"', 0),
        "region status",
    ),
    (
        'sources = ["guide-a", "guide-b"]\nreview',
        'sources = ["guide-a", "guide-c"]\nreview',
        "regions.RU.sources[1]",
        ('"guide-c"', 0),
        "no source 'guide-c'",
    ),
    ("[regions.RU]", "[regions.SU]", "regions.SU", ("[regions.SU]", 0), "not a region"),
    ("[regions.RU]", "[regions.FR.x]", "regions.FR.x", ("x]", 0), "unknown key 'x'"),
    ("schema_version = 2\n", "", "schema_version", None, "required key"),
    (
        "checked = 2026-11-20\nnote",
        "checked = 2026-11-20\nnotes",
        "regions.FR.notes",
        ("notes", 0),
        "did you mean 'note'",
    ),
    (
        'DE = { status = "no_known_restriction", sources = ["guide-b"]',
        'DE = { status = "no_known_restriction", sources = ["guide-b", "nope"]',
        "regions.DE.sources[1]",
        ("DE = {", 0),
        "no source 'nope'",
    ),
]


@pytest.mark.parametrize(
    ("old", "new", "key_path", "needle", "reason"),
    PACKAGED_CASES,
    ids=[f"{c[2]}:{c[4]}" for c in PACKAGED_CASES],
)
def test_bad_packaged_snippets(
    old: str, new: str, key_path: str, needle: tuple[str, int] | None, reason: str
) -> None:
    """Mistakes in the packaged file's regions name the key path and line too."""
    good = packaged_text()
    assert old in good
    text = good.replace(old, new, 1)
    with pytest.raises(RulesError) as info:
        _rules_schema.parse("packaged.toml", text, packaged=True, known_sources={})
    assert info.value.key_path == key_path
    assert info.value.line == (None if needle is None else line_of(text, *needle))
    assert reason in info.value.reason


def test_packaged_needs_every_region() -> None:
    """A packaged file without an entry for a supported region is refused."""
    text = packaged_text().replace('AD = { status = "no_known_restriction"', "# AD")
    with pytest.raises(RulesError) as info:
        _rules_schema.parse("packaged.toml", text, packaged=True, known_sources={})
    assert info.value.key_path == "regions.AD"
    assert info.value.line == line_of(text, "[regions.FR]")
    assert "no entry for region AD" in info.value.reason


def test_packaged_region_entry_inline_key_line() -> None:
    """Errors inside an inline region entry point at that entry's line."""
    text = packaged_text().replace(
        'DE = { status = "no_known_restriction"', 'DE = { status = "unknown"'
    )
    with pytest.raises(RulesError) as info:
        _rules_schema.parse("packaged.toml", text, packaged=True, known_sources={})
    assert info.value.key_path == "regions.DE.status"
    assert info.value.line == line_of(text, "DE = {")


# ----------------------------------------------------------------------------- hostile files


def test_deeply_nested_arrays_one_line(tmp_path: pathlib.Path) -> None:
    """100,000 opening brackets on one line are a RulesError, not a RecursionError."""
    with pytest.raises(RulesError) as info:
        load_rules(write(tmp_path, "x = " + "[" * 100_000))
    assert info.value.line == 1


@pytest.mark.parametrize(
    ("opener", "count"), [("[\n", 20_000), ("[", 3_900), ("{a=", 1_300), ("[{a=[", 790)]
)
def test_deeply_nested_values_within_line_cap(
    tmp_path: pathlib.Path, opener: str, count: int
) -> None:
    """Nesting deep enough to crash the parser, within the size caps, stops at MAX_DEPTH."""
    text = "schema_version = 2\nx = " + opener * count + "\n"
    with pytest.raises(RulesError) as info:
        load_rules(write(tmp_path, text))
    assert "nested deeper" in info.value.reason
    assert info.value.line == 2 + opener.count("\n") * (_datafile.MAX_DEPTH)


def test_rules_not_an_array(packaged: pathlib.Path, tmp_path: pathlib.Path) -> None:
    """rules given as a plain value is refused at its line."""
    with pytest.raises(RulesError) as info:
        load_rules(write(tmp_path, "schema_version = 2\nrules = 3\n"))
    assert info.value.key_path == "rules"
    assert info.value.line == 2
    assert "array of tables" in info.value.reason


def test_long_dotted_key(packaged: pathlib.Path, tmp_path: pathlib.Path) -> None:
    """Keys thousands of parts deep are one RulesError (the parser refuses over 1000 parts)."""
    with pytest.raises(RulesError) as info:
        load_rules(write(tmp_path, "a" + ".a" * 1500 + " = 1\n"))
    assert "nested too deeply" in info.value.reason
    assert "1000 parts" in info.value.reason
    text = "schema_version = 2\n[rules" + ".a" * 1500 + "]\n"
    with pytest.raises(RulesError) as info:
        load_rules(write(tmp_path, text))
    assert "1000 parts" in info.value.reason


def test_recursion_in_the_parser_is_still_a_rules_error(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Should the depth check miss something, the parser's RecursionError is still caught."""
    monkeypatch.setattr(_datafile, "_check_depth", lambda name, text, error: None)
    with pytest.raises(RulesError) as info:
        load_rules(write(tmp_path, "x = " + "[" * 3_900 + "\n"))
    assert "nested too deeply" in info.value.reason


def test_unexpected_parser_failure_is_a_rules_error(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Any other parser exception becomes a RulesError, and so does one without a line."""

    def broken(text: str) -> object:
        raise KeyError(text[:1])

    monkeypatch.setattr(tomli, "loads", broken)
    with pytest.raises(RulesError) as info:
        load_rules(write(tmp_path, "x = 1\n"))
    assert "KeyError" in info.value.reason

    def no_position(text: str) -> object:
        error = tomli.TOMLDecodeError("Odd", text, 0)
        error.args = ("Odd",)  # a message without "(at line N, column M)"
        raise error

    monkeypatch.setattr(tomli, "loads", no_position)
    with pytest.raises(RulesError) as info:
        load_rules(write(tmp_path, "x = 1\n"))
    assert (info.value.line, info.value.reason) == (None, "not valid TOML: Odd")


@given(text=st.one_of(st.text(max_size=200), TOMLISH))
@settings(max_examples=300, deadline=None)
def test_locator_never_fails(text: str) -> None:
    """The line finder copes with any text and only reports lines that exist."""
    lines = _datafile.Locator().scan(text)
    assert all(1 <= n <= text.count("\n") + 1 for n in lines.values())


def test_long_line(tmp_path: pathlib.Path) -> None:
    """A line longer than MAX_LINE_CHARS is refused with its line number."""
    text = "schema_version = 2\n# " + "x" * 5000 + "\n"
    with pytest.raises(RulesError) as info:
        load_rules(write(tmp_path, text))
    assert info.value.line == 2
    assert "longer than" in info.value.reason


def test_huge_file_is_refused_unparsed(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A 10 MB file is refused by size; the parser never sees it."""
    path = write(tmp_path, (b"# " + b"x" * 70 + b"\n") * (10 * 1024 * 1024 // 73))
    load_rules()  # the packaged file is parsed before the patch

    def never(text: str) -> object:
        raise AssertionError("tomli.loads was called on an oversized file")

    monkeypatch.setattr(tomli, "loads", never)
    with pytest.raises(RulesError) as info:
        load_rules(path)
    assert "larger than" in info.value.reason
    assert info.value.line is None


def test_invalid_utf8_has_line(tmp_path: pathlib.Path) -> None:
    """Invalid UTF-8 is a RulesError with the line of the bad byte."""
    data = OVERRIDE_RULE.encode().replace(b"Example guide", b"Example \xff guide")
    with pytest.raises(RulesError) as info:
        load_rules(write(tmp_path, data))
    assert info.value.line == line_of(OVERRIDE_RULE, "Example guide")
    assert "UTF-8" in info.value.reason


def test_bom_is_refused(tmp_path: pathlib.Path) -> None:
    """A UTF-8 byte order mark is a RulesError on line 1, not a TOML error later."""
    with pytest.raises(RulesError) as info:
        load_rules(write(tmp_path, b"\xef\xbb\xbf" + OVERRIDE_RULE.encode()))
    assert info.value.line == 1
    assert "byte order mark" in info.value.reason


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(256)) * 8,
        b"\x00" * 100,
        b"x = 1\x00\n",
        b"x = 'a\rb'\n",
        b"\xff\xfe" + "x = 1".encode("utf-16-le"),
        b'"""' * 1000,
        b"x = '''" + b"[" * 1000,
    ],
)
def test_binary_garbage(tmp_path: pathlib.Path, data: bytes) -> None:
    """Garbage bytes give a RulesError."""
    with pytest.raises(RulesError):
        load_rules(write(tmp_path, data))


def test_missing_file_and_directory(tmp_path: pathlib.Path) -> None:
    """A file that cannot be read is a RulesError without a line."""
    with pytest.raises(RulesError) as info:
        load_rules(tmp_path / "absent.toml")
    assert info.value.line is None
    assert info.value.path == str(tmp_path / "absent.toml")
    with pytest.raises(RulesError):
        load_rules(tmp_path)
    with pytest.raises(RulesError):
        load_rules("bad\x00name.toml")


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.one_of(st.text(max_size=300), TOMLISH))
def test_arbitrary_text_only_rules_error(
    packaged: pathlib.Path, tmp_path: pathlib.Path, text: str
) -> None:
    """Any text either loads or raises RulesError, nothing else."""
    path = write(tmp_path, text.encode("utf-8", "surrogatepass"))
    error = None
    try:
        result = load_rules(path)
    except RulesError as exc:
        error = exc
    if error is None:
        assert isinstance(result, RuleSet)
    else:
        assert error.path == str(path)
        assert error.line is None or 1 <= error.line <= text.count("\n") + 1


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=300))
def test_arbitrary_bytes_only_rules_error(
    packaged: pathlib.Path, tmp_path: pathlib.Path, data: bytes
) -> None:
    """Any bytes either load or raise RulesError, nothing else."""
    path = write(tmp_path, data)
    error = None
    try:
        load_rules(path)
    except RulesError as exc:
        error = exc
    assert error is None or error.path == str(path)


@settings(max_examples=200, deadline=None)
@given(
    mutation=st.tuples(
        st.integers(min_value=0, max_value=len(OVERRIDE_RULE)),
        st.integers(min_value=0, max_value=20),
        st.text(alphabet=list("[]{}\"'=\n#., \\0aZ"), max_size=10),
    )
)
def test_mutated_snippet_only_rules_error(mutation: tuple[int, int, str]) -> None:
    """Splicing TOML punctuation into a valid file gives a result or a RulesError with a line."""
    start, length, insert = mutation
    text = OVERRIDE_RULE[:start] + insert + OVERRIDE_RULE[start + length :]
    line = None
    try:
        _rules_schema.parse("m.toml", text, packaged=False, known_sources={})
    except RulesError as exc:
        line = exc.line
    assert line is None or 1 <= line <= text.count("\n") + 1


# ----------------------------------------------------------------------------- matching

MATCHING = """\
[sources.s]
publisher = "Example"
title = "Example"
url = "https://example.com/"
captured = 2026-01-01

[[rules]]
id = "ru-all"
region = "RU"
code = "international_sms_filtered"
effect = "blocked"
{common}

[[rules]]
id = "ru-alpha"
region = "RU"
code = "sender_registration_required"
effect = "blocked"
senders = ["alphanumeric"]
lifted_by = "registration"
{common}

[[rules]]
id = "ru-local"
region = "RU"
code = "sender_registration_required"
effect = "blocked"
senders = ["alphanumeric"]
traffic = "local"
{common}

[[rules]]
id = "ru-mts"
region = "RU"
code = "sender_id_replaced"
effect = "blocked"
carriers = ["MTS"]
{common}

[[rules]]
id = "ru-template"
region = "RU"
code = "template_registration_required"
effect = "blocked"
lifted_by = "template_registration"
{common}

[[rules]]
id = "ru-prefix-95"
region = "RU"
code = "sms_pumping_risk"
effect = "advisory"
prefixes = ["95"]
{common}

[[rules]]
id = "ru-long-code"
region = "RU"
code = "international_long_code_unsupported"
effect = "filtered"
senders = ["international_long_code"]
{common}

[[rules]]
id = "fr-other"
region = "FR"
code = "destination_unsupported"
effect = "blocked"
{common}
"""
COMMON = """checked = 2026-11-25
sources = ["s"]
message = { en = "m", ru = "м" }
service_remedy = { en = "s", ru = "с" }
remedy = { en = "r", ru = "р" }"""

E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO
ALPHA = Sender(kind=SenderKind.ALPHANUMERIC)
ALPHA_RU = Sender(kind=SenderKind.ALPHANUMERIC, registered_in=frozenset({"ru"}))
ALPHA_FR = Sender(kind=SenderKind.ALPHANUMERIC, registered_in=frozenset({"FR"}))
ALPHA_LOCAL = Sender(kind=SenderKind.ALPHANUMERIC, local_in=["RU"])
ALPHA_ALL = Sender(kind=SenderKind.ALPHANUMERIC, registered_in=["RU"], templates_in=["RU"])
LONG = Sender(kind=SenderKind.INTERNATIONAL_LONG_CODE, registered_in=frozenset({"RU"}))


@pytest.fixture(scope="module")
def matching() -> RuleSet:
    """A rule set with one rule of each kind of filter."""
    text = MATCHING.replace("{common}", COMMON)
    doc = _rules_schema.parse("m.toml", text, packaged=False, known_sources={})
    return _rules_load._merge([doc])


MATCH_CASES = [
    # sender None: only the rules of every sender kind and traffic; what a registration
    # could lift is capped at warning
    (None, "MTS", "9123456789", [("ru-all", E), ("ru-mts", E), ("ru-template", W)]),
    (
        None,
        "MTS",
        "9512345678",
        [("ru-all", E), ("ru-mts", E), ("ru-template", W), ("ru-prefix-95", INFO)],
    ),
    (None, None, "9123456789", [("ru-all", E), ("ru-mts", W), ("ru-template", W)]),
    # unregistered alphanumeric sender, sending international traffic
    (
        ALPHA,
        "MTS",
        "9123456789",
        [("ru-all", E), ("ru-alpha", E), ("ru-mts", E), ("ru-template", E)],
    ),
    (
        ALPHA,
        "mts",
        "9123456789",
        [("ru-all", E), ("ru-alpha", E), ("ru-mts", E), ("ru-template", E)],
    ),
    (ALPHA, "Beeline", "9123456789", [("ru-all", E), ("ru-alpha", E), ("ru-template", E)]),
    (
        ALPHA,
        None,
        "9123456789",
        [("ru-all", E), ("ru-alpha", E), ("ru-template", E), ("ru-mts", W)],
    ),
    (ALPHA, "", "9123456789", [("ru-all", E), ("ru-alpha", E), ("ru-template", E), ("ru-mts", W)]),
    (
        ALPHA,
        "Beeline",
        "9512345678",
        [("ru-all", E), ("ru-alpha", E), ("ru-template", E), ("ru-prefix-95", INFO)],
    ),
    # registration lifts ru-alpha, templates lift ru-template, nothing lifts the others
    (ALPHA_RU, "MTS", "9123456789", [("ru-all", E), ("ru-mts", E), ("ru-template", E)]),
    (
        ALPHA_FR,
        "MTS",
        "9123456789",
        [("ru-all", E), ("ru-alpha", E), ("ru-mts", E), ("ru-template", E)],
    ),
    (ALPHA_ALL, "Beeline", "9123456789", [("ru-all", E)]),
    # local traffic: the local-only rule applies
    (
        ALPHA_LOCAL,
        "Beeline",
        "9123456789",
        [("ru-all", E), ("ru-alpha", E), ("ru-local", E), ("ru-template", E)],
    ),
    # international long code: alpha-only rules dropped, long-code rule applies
    (LONG, "Beeline", "9123456789", [("ru-all", E), ("ru-template", E), ("ru-long-code", W)]),
    (
        LONG,
        None,
        "9512345678",
        [
            ("ru-all", E),
            ("ru-template", E),
            ("ru-long-code", W),
            ("ru-mts", W),
            ("ru-prefix-95", INFO),
        ],
    ),
]


@pytest.mark.parametrize(("sender", "carrier", "national", "expected"), MATCH_CASES)
def test_matching(
    matching: RuleSet,
    sender: Sender | None,
    carrier: str | None,
    national: str,
    expected: list[tuple[str, Severity]],
) -> None:
    """Rules filter by prefix, carrier and sender; severities are capped as documented."""
    result = applicable_rules(
        matching, region="RU", national_number=national, carrier=carrier, sender=sender
    )
    assert [(rule.id, severity) for rule, severity in result] == expected


def test_matching_order_most_severe_first(matching: RuleSet) -> None:
    """The result is sorted by severity, then id, also after capping."""
    for sender in (None, ALPHA, LONG):
        for carrier in (None, "MTS", "Beeline"):
            result = applicable_rules(
                matching, region="RU", national_number="951", carrier=carrier, sender=sender
            )
            keys = [(severity.rank, rule.id) for rule, severity in result]
            assert keys == sorted(keys)


def test_matching_other_region(matching: RuleSet) -> None:
    """Only the region's rules apply; a region without rules gives nothing."""
    result = applicable_rules(
        matching, region="FR", national_number="612345678", carrier=None, sender=None
    )
    assert [(r.id, s) for r, s in result] == [("fr-other", E)]
    result = applicable_rules(
        matching, region="FR", national_number="612345678", carrier=None, sender=ALPHA
    )
    assert [(r.id, s) for r, s in result] == [("fr-other", E)]
    assert (
        applicable_rules(matching, region="DE", national_number="1", carrier=None, sender=None)
        == ()
    )


# ----------------------------------------------------------------------------- packaged data


@pytest.mark.skipif(not PACKAGED.exists(), reason="data/carrier_rules.toml not written yet")
def test_packaged_file_loads_and_covers_every_region() -> None:
    """The real packaged file is valid and has an entry for every supported region."""
    rules = load_rules()
    assert set(rules.regions) == set(phonenumbers.SUPPORTED_REGIONS)
    assert len(rules) > 0
    for rule in rules:
        assert rule.sources
        assert rule.text("message", "en")
        assert rule.text("message", "ru")
        for source in rule.sources:
            assert "{region}" not in source.url
    assert load_rules() is load_rules()


def test_packaged_reads_the_resource(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """_packaged() reads data/carrier_rules.toml from the package's files."""
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "carrier_rules.toml").write_text(packaged_text(), encoding="utf-8")
    asked: list[str] = []

    def files(package: str) -> pathlib.Path:
        asked.append(package)
        return tmp_path

    monkeypatch.setattr(importlib.resources, "files", files)
    doc = _rules_load._packaged.__wrapped__()
    assert asked == ["smscheck"]
    assert {r.rule.id for r in doc.rules} == {"fr-sender-replaced", "ru-alpha-registration"}
    (tmp_path / "data" / "carrier_rules.toml").unlink()
    with pytest.raises(RulesError) as info:
        _rules_load._packaged.__wrapped__()
    assert info.value.path.endswith("carrier_rules.toml")


def test_import_reads_no_file() -> None:
    """Importing the rules modules reads no rules file and parses nothing."""
    code = textwrap.dedent(
        """
        import builtins, importlib.resources, io
        opened = []
        real_open = io.open
        def spy(file, *args, **kwargs):
            opened.append(str(file))
            return real_open(file, *args, **kwargs)
        builtins.open = io.open = spy
        def no_files(*args, **kwargs):
            raise AssertionError("importlib.resources.files called at import")
        importlib.resources.files = no_files
        import smscheck._rules_load as rules
        assert rules._packaged.cache_info().currsize == 0, rules._packaged.cache_info()
        assert not [f for f in opened if f.endswith(".toml")], opened
        print("ok")
        """
    )
    result = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=False,
        env={"PYTHONPATH": str(SRC)},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_shared_texts_are_named_by_id(tmp_path: pathlib.Path) -> None:
    """A rule may name a [texts] entry of its own file or of the packaged file."""
    packaged = load_rules()
    shared_id = next(iter(_rules_load._packaged().texts))
    shared_en = dict(_rules_load._packaged().texts[shared_id])["en"]
    path = tmp_path / "override.toml"
    path.write_text(
        f"""
[texts.own-words]
en = "Own words."
ru = "Свои слова."

[[rules]]
id = "zz-shared-texts"
region = "FR"
code = "content_restricted"
effect = "advisory"
checked = 2026-11-25
sources = ["{next(iter(packaged.rules_for("RU")[0].sources)).id}"]
message = "own-words"
service_remedy = "{shared_id}"
remedy = {{ en = "Inline.", ru = "Встроенный." }}
""",
        encoding="utf-8",
    )
    rule = load_rules(path).get("zz-shared-texts")
    assert rule is not None
    assert rule.text("message", "ru") == "Свои слова."
    assert rule.text("service_remedy") == shared_en
    assert rule.text("remedy") == "Inline."


def test_unknown_text_id_suggests_the_near_one(tmp_path: pathlib.Path) -> None:
    """A misspelt text id is one RulesError with the key path, the line and a suggestion."""
    path = tmp_path / "override.toml"
    path.write_text(
        """[texts.own-words]
en = "Own words."
ru = "Свои слова."

[[rules]]
id = "zz-bad-text"
region = "FR"
code = "content_restricted"
effect = "advisory"
checked = 2026-11-25
sources = ["bird-country-guide"]
message = "own-word"
service_remedy = "own-words"
remedy = "own-words"
""",
        encoding="utf-8",
    )
    with pytest.raises(RulesError) as info:
        load_rules(path)
    assert info.value.key_path == "rules[0].message"
    assert info.value.line == 12
    assert "did you mean 'own-words'" in info.value.reason


def test_source_without_capture_date(tmp_path: pathlib.Path) -> None:
    """An undated source is allowed; its captured is None rather than an invented date."""
    path = tmp_path / "override.toml"
    path.write_text(
        """[sources.undated-page]
publisher = "Example"
title = "A page without a date"
url = "https://example.org/{region}"

[[rules]]
id = "zz-undated"
region = "DE"
code = "content_restricted"
effect = "advisory"
checked = 2026-11-25
sources = ["undated-page"]
message = { en = "Text.", ru = "Текст." }
service_remedy = { en = "Text.", ru = "Текст." }
remedy = { en = "Text.", ru = "Текст." }
""",
        encoding="utf-8",
    )
    rule = load_rules(path).get("zz-undated")
    assert rule is not None
    assert rule.sources[0].captured is None
    assert rule.sources[0].url == "https://example.org/de"


def test_ruleset_pickles() -> None:
    """A RuleSet survives pickling (to reach worker processes) with the same rules."""
    import pickle  # noqa: PLC0415

    rules = load_rules()
    again = pickle.loads(pickle.dumps(rules))  # noqa: S301 - our own data
    assert again.rules == rules.rules
    assert dict(again.regions) == dict(rules.regions)
    assert again.rules_for("RU") == rules.rules_for("RU")
