"""explain_failure: the delivery-errors table, the lookup of codes, and the join with a number."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

import phonenumbers
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import smscheck
from smscheck import Code, FailureCause, Sender, Severity
from smscheck._cli import main
from smscheck._failures import MAX_CODE_CHARS
from smscheck._failures_data import (
    LANGUAGES,
    ErrorEntry,
    canonical,
    default_table,
    parse,
    read_table,
)
from smscheck._messages import cause_wording

if TYPE_CHECKING:
    import pathlib

TABLE = default_table()
ENTRIES = list(TABLE.entries.values())
PROVIDERS = sorted(TABLE.providers)

LANDLINE_GB = "+44 20 7183 8750"
MOBILE_RU = "+7 916 123 45 67"
NANP_NY = "+1 212 736 0000"  # the plan cannot tell a mobile from a landline in +1


def _first(provider: str, cause: FailureCause) -> str:
    """The code of the first entry of ``provider`` with ``cause``, as documented."""
    return next(e.code for e in TABLE.of(provider) if e.cause is cause)


# --------------------------------------------------------------------------- the table


def test_every_provider_of_the_issue_is_covered() -> None:
    assert set(PROVIDERS) == {
        "twilio",
        "telnyx",
        "vonage",
        "infobip",
        "aws",
        "bandwidth",
        "sinch",
        "plivo",
        "smpp",
    }


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: f"{e.provider}-{e.code}")
def test_every_entry_is_complete_in_every_language(entry: ErrorEntry) -> None:
    assert isinstance(entry.cause, FailureCause)
    assert entry.retryable in (True, False, None)
    assert entry.sources, "every entry cites a source"
    for source in entry.sources:
        assert source.url.startswith(("https://", "http://"))
        assert source.publisher
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", entry.checked)
    texts = dict(entry.message)
    assert set(texts) == set(LANGUAGES)
    assert texts["en"] != texts["ru"], "the Russian text is a translation, not a copy"
    for lang in LANGUAGES:
        wording = cause_wording(entry.cause, lang)
        assert wording.remedy, "the person's remedy"
        service = dict(entry.service_remedy or ()).get(lang) or wording.service_remedy
        assert service, "the service's remedy"
        why = smscheck.explain_failure(entry.code, provider=entry.provider, lang=lang)
        assert why.known
        assert why.cause is entry.cause
        first = why.diagnostics[0]
        assert texts[lang] in first.message
        assert first.remedy == wording.remedy
        assert first.service_remedy == service


def test_cause_wordings_exist_for_every_cause_in_every_language() -> None:
    for lang in LANGUAGES:
        for cause in FailureCause:
            wording = cause_wording(cause, lang)
            assert wording.message
            assert wording.remedy
            assert wording.service_remedy
    en = [cause_wording(c, "en").message for c in FailureCause]
    ru = [cause_wording(c, "ru").message for c in FailureCause]
    assert len(set(en)) == len(en)
    assert len(set(ru)) == len(ru)


def test_delivery_codes_of_the_main_providers_are_mostly_mapped() -> None:
    # The issue's aim: >= 90 % of the documented codes mapped to a cause other than unknown.
    for provider in ("twilio", "telnyx", "vonage"):
        entries = TABLE.of(provider)
        mapped = sum(e.cause is not FailureCause.UNKNOWN for e in entries)
        assert mapped / len(entries) >= 0.9, provider


def test_codes_are_unique_per_provider_after_canonical_form() -> None:
    seen = {
        (p, canonical(e.code, TABLE.providers[p].bare_prefix))
        for (p, _), e in TABLE.entries.items()
    }
    assert len(seen) == len(ENTRIES)


# --------------------------------------------------------------------------- reading codes


def test_canonical_form() -> None:
    assert canonical("err:013") == canonical("ERR:13") == "ERR:13"
    assert canonical("0x0b") == canonical("0x0000000B") == "0X0000000B"
    assert canonical(" 30007\t") == "30007"
    assert canonical("7", "err:") == "ERR:7"
    assert canonical("status:7", "err:") == "STATUS:7"


def test_codes_are_read_in_every_written_form() -> None:
    documented = smscheck.explain_failure("30006", provider="twilio")
    for form in (30006, " 30006 ", "Error 30006", "twilio error code: 30006", "(30006)"):
        why = smscheck.explain_failure(form, provider="twilio")
        assert why.code == "30006", form
        assert why.cause is documented.cause
    assert smscheck.explain_failure("30006", provider=" Twilio ").provider == "twilio"


def test_smpp_forms_and_whole_receipts() -> None:
    barred = smscheck.explain_failure("err:013", provider="smpp")
    assert barred.cause is FailureCause.RECIPIENT_BLOCKED
    assert smscheck.explain_failure("ERR:13", provider="smpp").code == "err:013"
    assert smscheck.explain_failure("13", provider="smpp").code == "err:013"  # bare: err:
    receipt = "id:0123 sub:001 dlvrd:000 submit date:2612011200 stat:UNDELIV err:013 text:x"
    assert smscheck.explain_failure(receipt, provider="smpp").code == "err:013"
    # A receipt whose err: is not one we know falls back to its stat:.
    expired = "id:7 sub:001 dlvrd:000 stat:EXPIRED err:999 text:"
    assert smscheck.explain_failure(expired, provider="smpp").cause is FailureCause.EXPIRED
    hexa = smscheck.explain_failure("0xb", provider="smpp")
    assert hexa.code == "0x0000000B"
    assert hexa.cause is FailureCause.INVALID_NUMBER


def test_vonage_namespaces() -> None:
    assert smscheck.explain_failure("2", provider="vonage").code == "err:2"
    assert smscheck.explain_failure("status:1", provider="vonage").cause is (
        FailureCause.RATE_LIMITED
    )


def test_unknown_codes_give_cause_unknown_not_an_error() -> None:
    for code in ("99999", "", "   ", "err:", "30006 30007", "\x00", "💥", "x" * MAX_CODE_CHARS):
        why = smscheck.explain_failure(code, provider="twilio")
        assert why.cause is FailureCause.UNKNOWN, repr(code)
        assert why.retryable is None
        assert not why.known
        assert [d.code for d in why.diagnostics] == [Code.UNKNOWN_ERROR_CODE]
        assert why.diagnostics[0].severity is Severity.WARNING


def test_statuses_that_are_not_failures() -> None:
    delivered = smscheck.explain_failure("stat:DELIVRD", provider="smpp")
    assert delivered.cause is FailureCause.NOT_A_FAILURE
    assert delivered.diagnostics[0].severity is Severity.INFO
    assert delivered.known


def test_hostile_code_text_is_bounded() -> None:
    for text in ("err:" * 300_000, "0" * 1_000_000, "err:1 " * 100_000, " " * 10**6 + "30006"):
        why = smscheck.explain_failure(text, provider="smpp")
        assert why.cause is FailureCause.UNKNOWN
        assert len(why.code) <= 40  # the message shows a short form, not the whole text


@settings(max_examples=300, deadline=None)
@given(code=st.one_of(st.text(max_size=300), st.integers()), provider=st.sampled_from(PROVIDERS))
def test_never_raises_on_any_code(code: str | int, provider: str) -> None:
    why = smscheck.explain_failure(code, provider=provider)
    assert isinstance(why.cause, FailureCause)
    json.dumps(why.to_dict())


def test_a_code_with_a_lone_surrogate_still_encodes() -> None:
    why = smscheck.explain_failure("3000\udcff6", provider="twilio")
    assert why.cause is FailureCause.UNKNOWN
    encoded = json.dumps(why.to_dict(), ensure_ascii=False).encode("utf-8")
    assert b"\\udcff" in encoded


def test_bad_arguments() -> None:
    with pytest.raises(ValueError, match=r"unknown provider 'twillio'.*twilio"):
        smscheck.explain_failure("30006", provider="twillio")
    for bad in (None, True, 3.5, b"30006", ["30006"]):
        with pytest.raises(TypeError, match="code"):
            smscheck.explain_failure(bad, provider="twilio")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="number"):
        smscheck.explain_failure("30006", provider="twilio", number=79161234567)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="provider"):
        smscheck.explain_failure("30006", provider=None)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="region"):
        smscheck.explain_failure("30006", provider="twilio", region="XX")
    with pytest.raises(ValueError, match="language"):
        smscheck.explain_failure("30006", provider="twilio", lang="de")


# --------------------------------------------------------------------------- with a number


def _codes(why: smscheck.FailureExplanation) -> list[Code]:
    return [d.code for d in why.diagnostics]


def test_not_sms_capable_and_a_landline_is_a_certainty() -> None:
    why = smscheck.explain_failure("30006", provider="twilio", number=LANDLINE_GB)
    assert _codes(why) == [Code.PROVIDER_CODE, Code.FAILURE_EXPLAINED_BY_LINE_TYPE]
    assert why.explained_by_number is True
    assert why.report == smscheck.check(LANDLINE_GB)


def test_not_sms_capable_and_a_mobile_points_at_the_carrier() -> None:
    why = smscheck.explain_failure("30006", provider="twilio", number=MOBILE_RU)
    assert _codes(why) == [Code.PROVIDER_CODE, Code.FAILURE_ON_MOBILE_NUMBER]
    assert why.explained_by_number is False


def test_not_sms_capable_settles_a_north_american_line_type() -> None:
    assert smscheck.check(NANP_NY).has(Code.LINE_TYPE_UNKNOWN)
    why = smscheck.explain_failure("30006", provider="twilio", number=NANP_NY)
    assert _codes(why) == [Code.PROVIDER_CODE, Code.LINE_TYPE_SETTLED_BY_FAILURE]
    assert why.explained_by_number is True


def test_unknown_number_and_a_typo() -> None:
    code = _first("smpp", FailureCause.UNKNOWN_NUMBER)
    why = smscheck.explain_failure(code, provider="smpp", number="+7 916 123 45 6")
    assert _codes(why) == [Code.PROVIDER_CODE, Code.FAILURE_EXPLAINED_BY_NUMBER]
    assert why.diagnostics[1].param("because") in {Code.TOO_SHORT, Code.MISSING_DIGIT}
    assert why.report is not None
    assert why.report.delivery.verdict.value == "unlikely"


def test_unknown_number_on_a_valid_number() -> None:
    code = _first("vonage", FailureCause.UNKNOWN_NUMBER)
    why = smscheck.explain_failure(code, provider="vonage", number=MOBILE_RU)
    assert _codes(why) == [Code.PROVIDER_CODE, Code.FAILURE_ON_VALID_NUMBER]
    assert why.explained_by_number is False


def test_a_number_that_cannot_be_read_explains_any_number_side_cause() -> None:
    why = smscheck.explain_failure("30003", provider="twilio", number="12")
    assert _codes(why)[1] == Code.FAILURE_EXPLAINED_BY_NUMBER


def test_sender_side_causes_take_nothing_from_the_number() -> None:
    code = _first("twilio", FailureCause.SENDER_ACCOUNT)
    why = smscheck.explain_failure(code, provider="twilio", number=LANDLINE_GB)
    assert _codes(why) == [Code.PROVIDER_CODE]
    assert why.explained_by_number is None
    assert why.report is not None  # the report is still there to read


def test_filtering_explained_by_a_route_rule() -> None:
    sender = Sender("alphanumeric")
    number = "+86 138 1234 5678"
    report = smscheck.check(number, sender=sender)
    assert report.route, "China has rules for unregistered alphanumeric senders"
    why = smscheck.explain_failure("30007", provider="twilio", number=number, sender=sender)
    assert _codes(why) == [Code.PROVIDER_CODE, Code.FAILURE_EXPLAINED_BY_ROUTE]
    explained = why.diagnostics[1]
    assert explained.rule_ids == report.route[0].rule_ids
    assert explained.sources == report.route[0].sources
    assert explained.service_remedy == report.route[0].service_remedy


def test_filtering_without_a_sender_where_rules_depend_on_it() -> None:
    assert any(r.senders for r in smscheck.load_rules().rules_for("RU"))
    why = smscheck.explain_failure("30007", provider="twilio", number=MOBILE_RU)
    assert _codes(why) == [Code.PROVIDER_CODE, Code.ROUTE_DEPENDS_ON_SENDER]
    assert why.explained_by_number is None


def test_filtering_where_no_rule_is_known() -> None:
    rules = smscheck.load_rules()
    region = next(r for r in sorted(phonenumbers.SUPPORTED_REGIONS) if not rules.rules_for(r))
    example = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.MOBILE)
    assert example is not None
    number = phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.E164)
    why = smscheck.explain_failure(
        "30007", provider="twilio", number=number, sender=Sender("alphanumeric")
    )
    assert _codes(why) == [Code.PROVIDER_CODE, Code.NO_KNOWN_RULE]
    assert why.diagnostics[1].param("region") == region
    assert why.explained_by_number is False


def test_checker_binds_sender_language_and_region() -> None:
    checker = smscheck.Checker(sender=Sender("alphanumeric"), lang="ru", region="CN")
    why = checker.explain_failure("30007", provider="twilio", number="138 1234 5678")
    assert _codes(why) == [Code.PROVIDER_CODE, Code.FAILURE_EXPLAINED_BY_ROUTE]
    assert re.search("[а-я]", why.diagnostics[0].remedy or "")
    assert why.report == checker.check("138 1234 5678")


def test_russian() -> None:
    why = smscheck.explain_failure("30006", provider="twilio", number=LANDLINE_GB, lang="RU")
    for d in why.diagnostics:
        assert re.search("[а-я]", d.message)
        assert re.search("[а-я]", d.remedy or "")


def test_to_dict_describes_each_source_once() -> None:
    why = smscheck.explain_failure(
        "30007", provider="twilio", number="+86 138 1234 5678", sender=Sender("alphanumeric")
    )
    data = json.loads(json.dumps(why.to_dict()))
    assert data["cause"] == "carrier_filtered"
    assert data["retryable"] is None
    assert data["explained_by_number"] is True
    cited = {s["id"] for d in data["diagnostics"] for s in d["sources"]}
    assert cited == set(data["sources"])
    assert data["report"] == why.report.to_dict() if why.report else False


# --------------------------------------------------------------------------- the file


_GOOD = """schema_version = 1

[sources.p-page]
publisher = 'P'
title = 'Error codes'
url = 'https://example.com/errors'

[providers.p]
name = 'P'
covers = 'its codes'
code_form = 'a number'

[[errors]]
provider = 'p'
code = '1'
cause = 'expired'
sources = ['p-page']
checked = 2026-12-01
message = { en = 'Expired.', ru = 'Истёк.' }
"""


def test_a_good_file_reads(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "errors.toml"
    path.write_text(_GOOD, encoding="utf-8")
    table = read_table(str(path))
    entry = table.lookup("p", "1")
    assert entry is not None
    assert entry.cause is FailureCause.EXPIRED
    assert entry.retryable is None


@pytest.mark.parametrize(
    ("old", "new", "key_path", "line", "reason"),
    [
        ("cause = 'expired'", "cause = 'expird'", "errors[0].cause", 16, "did you mean 'expired'"),
        ("cause = 'expired'", "cuase = 'expired'", "errors[0].cuase", 16, "unknown key"),
        ("code = '1'\n", "", "errors[0].code", 13, "required key 'code' is missing"),
        ("['p-page']", "['p-pag']", "errors[0].sources[0]", 17, "did you mean 'p-page'"),
        ("checked = 2026-12-01", "checked = '2026-12-01'", "errors[0].checked", 18, "quotes"),
        (
            "cause = 'expired'",
            "cause = 'expired'\nretryable = 1",
            "errors[0].retryable",
            17,
            "true",
        ),
        ("provider = 'p'\ncode", "provider = 'q'\ncode", "errors[0].provider", 14, "provider"),
        ("schema_version = 1", "schema_version = 9", "schema_version", 1, "version 9"),
        (
            "code_form = 'a number'",
            "code_form = 'a number'\nbare_prefix = 'ERR'",
            "providers.p.bare_prefix",
            12,
            "lower-case",
        ),
        ("code = '1'", "code = '1 2'", "errors[0].code", 15, "letters, digits"),
        (
            "{ en = 'Expired.', ru = 'Истёк.' }",
            "{ en = 'Expired.' }",
            "errors[0].message.ru",
            19,
            "missing",
        ),
    ],
)
def test_a_broken_file_is_one_clear_error(  # noqa: PLR0913, PLR0917 - one broken file per row
    tmp_path: pathlib.Path, old: str, new: str, key_path: str, line: int, reason: str
) -> None:
    assert old in _GOOD
    path = tmp_path / "errors.toml"
    path.write_text(_GOOD.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(smscheck.DataFileError) as caught:
        read_table(str(path))
    error = caught.value
    assert error.path == str(path)
    assert error.key_path == key_path
    assert error.line == line
    assert reason in error.reason
    assert str(error).startswith(f"{path}:{line}: {key_path}: ")


def test_a_code_listed_twice_in_two_forms(tmp_path: pathlib.Path) -> None:
    twice = _GOOD + _GOOD[_GOOD.index("[[errors]]") :].replace("code = '1'", "code = '001'")
    with pytest.raises(smscheck.DataFileError, match=r"errors\[1\]\.code: '001'.*listed twice"):
        parse("errors.toml", twice)


def test_a_provider_without_errors(tmp_path: pathlib.Path) -> None:
    text = _GOOD.replace(
        "[[errors]]", "[providers.q]\nname = 'Q'\ncovers = 'x'\ncode_form = 'x'\n\n[[errors]]"
    )
    with pytest.raises(smscheck.DataFileError, match=r"providers\.q: provider 'q' has no"):
        parse("errors.toml", text)


def test_a_file_that_is_not_toml(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "errors.toml"
    path.write_bytes(b"\xef\xbb\xbfschema_version = 1\n")
    with pytest.raises(smscheck.DataFileError, match="byte order mark"):
        read_table(str(path))
    with pytest.raises(smscheck.DataFileError, match="cannot be read"):
        read_table(str(tmp_path / "missing.toml"))


# --------------------------------------------------------------------------- the command


def test_cli_why_text(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["why", LANDLINE_GB, "--provider", "twilio", "--error", "30006"])
    out = capsys.readouterr().out
    assert status == 1  # a retry will not help
    assert out.startswith("twilio 30006")
    assert "[failure_explained_by_line_type]" in out
    assert "person:" in out
    assert "service:" in out
    assert "source: Twilio" in out
    assert "unlikely (the code will not arrive)" in out  # the number's report follows


def test_cli_why_exit_status_says_whether_to_retry(capsys: pytest.CaptureFixture[str]) -> None:
    retry = _first("twilio", FailureCause.ABSENT_SUBSCRIBER)
    assert TABLE.lookup("twilio", retry) is not None
    assert TABLE.lookup("twilio", retry).retryable is True  # type: ignore[union-attr]
    assert main(["why", "--provider", "twilio", "--error", retry]) == 0
    assert main(["why", "--provider", "twilio", "--error", "99999"]) == 1
    capsys.readouterr()


def test_cli_why_with_a_lone_surrogate(capsys: pytest.CaptureFixture[str]) -> None:
    for extra in ([], ["--json"]):
        assert main(["why", "--provider", "twilio", "--error", "3000\udcff6", *extra]) == 1
        out = capsys.readouterr().out
        out.encode("utf-8")  # nothing that UTF-8 output cannot hold
        assert "\\udcff" in out


def test_cli_why_json_and_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["why", MOBILE_RU, "--provider", "smpp", "--error", "err:013", "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["cause"] == "recipient_blocked"
    assert data["report"]["number"]["region"] == "RU"
    assert main(["why", "--provider", "nope", "--error", "1"]) == 2
    assert "unknown provider 'nope'" in capsys.readouterr().err
    assert main(["why", "--error", "1"]) == 2  # --provider is required
    capsys.readouterr()
