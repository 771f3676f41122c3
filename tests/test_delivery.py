"""The delivery verdict, the person/route split, merged route codes and the sender profile."""

from __future__ import annotations

import json
import statistics
from typing import TYPE_CHECKING

import phonenumbers
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from phonenumbers import PhoneNumberFormat, PhoneNumberType

import smscheck
from smscheck import Code, DeliveryVerdict, LineType, RuleEffect, SenderKind, Severity
from smscheck._rules_schema import RULE_CODES
from smscheck.strategies import mistyped_numbers, phone_numbers

if TYPE_CHECKING:
    from collections.abc import Iterator

    from smscheck import Report, Rule

REGIONS = sorted(phonenumbers.SUPPORTED_REGIONS)
ROUTE_CODES = {*RULE_CODES, Code.CARRIER_MAY_BE_PORTED}
_V = DeliveryVerdict


def expected_verdict(report: Report) -> DeliveryVerdict:
    """The documented rule (docs/api.md), written independently of smscheck's own code."""
    severities = {d.severity for d in (*report.diagnostics, *report.route)}
    if report.number is None or Severity.ERROR in severities:
        return _V.UNLIKELY
    if Severity.WARNING in severities:
        return _V.AT_RISK
    return _V.LIKELY


def near_examples(region: str, kind: int, count: int = 1) -> Iterator[str]:
    """Valid numbers of one type near the metadata's example, never the example itself."""
    example = phonenumbers.example_number_for_type(region, kind)
    if example is None:
        return
    nsn = phonenumbers.national_significant_number(example)
    found = 0
    for step in range(1, 60):
        tail = f"{(int(nsn[-2:]) + 7 * step) % 100:02d}"
        candidate = phonenumbers.parse(f"+{example.country_code}{nsn[:-2]}{tail}")
        if tail == nsn[-2:] or not phonenumbers.is_valid_number_for_region(candidate, region):
            continue
        if phonenumbers.number_type(candidate) != phonenumbers.number_type(example):
            continue
        yield phonenumbers.format_number(candidate, PhoneNumberFormat.E164)
        found += 1
        if found == count:
            return


def valid_mobiles() -> list[str]:
    """One valid mobile (or mobile-or-fixed) number near the example of every region."""
    out: list[str] = []
    for region in REGIONS:
        out.extend(near_examples(region, PhoneNumberType.MOBILE))
    return out


SENDERS = st.one_of(
    st.none(),
    st.builds(
        smscheck.Sender,
        st.sampled_from(list(SenderKind)),
        registered_in=st.lists(st.sampled_from(REGIONS), max_size=3),
        local_in=st.lists(st.sampled_from(REGIONS), max_size=2),
        templates_in=st.lists(st.sampled_from(REGIONS), max_size=2),
    ),
)


# ----------------------------------------------------------------------------- the verdict


@settings(max_examples=300, deadline=None)
@given(
    typed=st.one_of(phone_numbers(), mistyped_numbers()),
    sender=SENDERS,
)
def test_verdict_split_and_merge_hold_on_any_number(
    typed: smscheck.strategies.TypedNumber | smscheck.strategies.MistypedNumber,
    sender: smscheck.Sender | None,
) -> None:
    """On numbers of every region, as typed or mistyped, with any sender profile: the verdict
    follows the documented rule, no code repeats, the route holds only rule codes and the
    person's diagnostics none, and the reasons are the deciding diagnostics."""
    report = smscheck.check(typed.text, region=typed.region, sender=sender)
    assert report.delivery.verdict is expected_verdict(report)
    assert len(report.codes) == len(set(report.codes))
    assert all(d.code in ROUTE_CODES for d in report.route)
    assert not any(d.code in ROUTE_CODES for d in report.diagnostics)
    assert all(d.rule_ids for d in report.route if d.code is not Code.CARRIER_MAY_BE_PORTED)
    decisive = {_V.UNLIKELY: Severity.ERROR, _V.AT_RISK: Severity.WARNING}.get(
        report.delivery.verdict
    )
    if decisive is None:
        assert report.delivery.reasons == ()
    else:
        every = [d for d in (*report.diagnostics, *report.route) if d.severity is decisive]
        if not every and report.number is None:  # nothing is an error: what says why
            every = list(report.diagnostics)
        assert list(report.delivery.reasons) == every
    assert report.ok == (report.number is not None and report.delivery.verdict is not _V.UNLIKELY)


# Which verdict each line type leads to, from the line alone (docs/api.md): SMS cannot reach
# these lines; these may not be able to take one.
_NO_SMS = {
    LineType.FIXED_LINE,
    LineType.TOLL_FREE,
    LineType.PREMIUM_RATE,
    LineType.SHARED_COST,
    LineType.UAN,
    LineType.VOICEMAIL,
}
_MAYBE = {LineType.VOIP, LineType.PAGER, LineType.PERSONAL_NUMBER, LineType.FIXED_LINE_OR_MOBILE}


def test_an_unread_number_without_an_error_gives_its_reasons() -> None:
    """A lookalike letter leaves no number and only a warning: the verdict is unlikely, and
    the warning is its reason."""
    report = smscheck.check("+7 916 555 12 3O")
    assert report.number is None
    assert report.delivery.verdict is _V.UNLIKELY
    assert [d.code for d in report.delivery.reasons] == [Code.LOOKALIKE_CHARACTERS]


@pytest.mark.parametrize("kind", [t for t in range(11) if t != PhoneNumberType.UNKNOWN])
def test_every_line_type_gets_its_verdict(kind: int) -> None:
    """For every line type phonenumbers knows, numbers of every region that has it get the
    verdict of the table: unlikely for lines that cannot take an SMS, never likely for lines
    that may not, and a mobile's person part is never against it."""
    seen: set[LineType] = set()
    for region in REGIONS:
        for e164 in near_examples(region, kind):
            report = smscheck.check(e164)
            assert report.number is not None, e164
            line_type = report.number.line_type
            seen.add(line_type)
            person = {d.severity for d in report.diagnostics}
            if line_type in _NO_SMS:
                assert report.delivery.verdict is _V.UNLIKELY, e164
            elif line_type in _MAYBE:
                assert report.delivery.verdict is not _V.LIKELY, e164
                assert Severity.ERROR not in person or report.has(Code.FICTIONAL_NUMBER), e164
            else:
                assert line_type is LineType.MOBILE, e164
                assert Severity.ERROR not in person or report.has(Code.FICTIONAL_NUMBER), e164
    assert seen, f"no region has numbers of type {kind}"


def test_the_median_valid_mobile_tells_the_person_nothing() -> None:
    """Over valid mobiles of every region, with no sender, the person's part is empty for the
    median number, and no mobile gets a person-facing error or a repeated code."""
    reports = [smscheck.check(e164) for e164 in valid_mobiles()]
    assert len(reports) > 200
    counts = [len(r.diagnostics) for r in reports]
    assert statistics.median(counts) == 0
    for report in reports:
        if report.number is not None and report.number.line_type is LineType.MOBILE:
            assert not any(d.severity is Severity.ERROR for d in report.diagnostics), report
        assert len(report.codes) == len(set(report.codes))


def test_a_locally_registered_sender_gets_a_small_report() -> None:
    """With a sender registered locally (a local number, registered with its templates, sending
    local traffic), to_dict() of a valid mobile of any region is at most 2 KB of UTF-8 JSON."""
    sizes = []
    for e164 in valid_mobiles():
        region = phonenumbers.region_code_for_number(phonenumbers.parse(e164)) or "ZZ"
        sender = smscheck.Sender(
            "local_long_code", registered_in=[region], local_in=[region], templates_in=[region]
        )
        report = smscheck.check(e164, sender=sender)
        if report.number is not None and report.number.line_type is LineType.MOBILE:
            sizes.append(len(json.dumps(report.to_dict(), ensure_ascii=False).encode()))
    assert len(sizes) > 150
    assert max(sizes) <= 2048, max(sizes)


# ----------------------------------------------------------------------------- the rules


def effect_severity(effect: RuleEffect) -> Severity:
    """The table of docs/rules.md: a block is an error, advice is info, the rest warnings."""
    if effect is RuleEffect.BLOCKED:
        return Severity.ERROR
    return Severity.INFO if effect is RuleEffect.ADVISORY else Severity.WARNING


def _one_rule_per_code_and_effect() -> str:
    head = (
        "schema_version = 2\n[sources.s]\npublisher = 'P'\ntitle = 'T'\n"
        "url = 'https://example.org/'\n"
    )
    rules = [
        f"[[rules]]\nid = 'fr-{code.replace('_', '-')}-{effect}'\nregion = 'FR'\n"
        f"code = '{code}'\neffect = '{effect}'\nchecked = 2026-12-01\nsources = ['s']\n"
        "message = { en = 'm', ru = 'м' }\nservice_remedy = { en = 's', ru = 'с' }\n"
        for code in sorted(RULE_CODES)
        for effect in RuleEffect
    ]
    return head + "\n".join(rules)


@pytest.mark.parametrize("code", sorted(RULE_CODES))
def test_every_rule_code_and_effect_reaches_the_route(code: Code, tmp_path: object) -> None:
    """Each rule code, with each effect but advisory, lands in the route (never the person's
    part), with the effect's severity, the effect's remedy for the person, and the verdict
    it implies."""
    import pathlib  # noqa: PLC0415

    path = pathlib.Path(str(tmp_path)) / "one_each.toml"
    path.write_text(_one_rule_per_code_and_effect(), encoding="utf-8")
    rules = smscheck.load_rules(path, packaged=False)
    for effect in RuleEffect:
        only = smscheck.load_rules(path, packaged=False)
        rule = only.get(f"fr-{code.replace('_', '-')}-{effect}")
        assert rule is not None
        assert rule.severity is effect_severity(effect)
        remedy = rule.text("remedy")
        assert (remedy is None) == (effect is RuleEffect.ADVISORY)
    report = smscheck.check(
        "+33 6 23 45 67 89", rules=rules, sender=smscheck.Sender("alphanumeric")
    )
    (merged,) = [d for d in report.route if d.code == code]
    # One diagnostic per code with every rule in it, but the advisory one: it does not change
    # whether a plain code arrives, so it stays out of the report.
    assert len(merged.rule_ids) == len(RuleEffect) - 1
    assert not any(i.endswith("-advisory") for i in merged.rule_ids)
    assert merged.severity is Severity.ERROR  # the blocked rule leads
    assert merged.rule_ids[0].endswith("-blocked")
    assert report.diagnostics == ()
    assert report.delivery.verdict is _V.UNLIKELY


def _concerned(rule: Rule) -> smscheck.Sender:
    kind = min(rule.senders) if rule.senders else SenderKind.ALPHANUMERIC
    local = [rule.region] if rule.traffic == "local" else []
    return smscheck.Sender(kind, local_in=local)


def test_every_packaged_rule_applies_to_the_sender_it_concerns() -> None:
    """Every packaged rule, given a sender it concerns (unregistered) and a number it matches,
    applies at its effect's severity; its registration lifts it; without a sender it applies
    only when it concerns every sender and all traffic."""
    rules = smscheck.load_rules()
    codes: set[Code] = set()
    for rule in rules:
        codes.add(rule.code)
        national = rule.prefixes[0] + "0000000" if rule.prefixes else "9000000000"
        carrier = rule.carriers[0] if rule.carriers else "no such carrier"

        def found(sender: smscheck.Sender | None, rule: Rule = rule) -> Severity | None:
            matched = rules.applicable(
                region=rule.region,
                national_number=national,  # noqa: B023 - read in this iteration only
                carrier=carrier if rule.carriers else None,  # noqa: B023
                sender=sender,
            )
            return next((s for r, s in matched if r.id == rule.id), None)

        sender = _concerned(rule)
        assert found(sender) is rule.severity, rule.id
        if rule.lifted_by is not None:
            lifted = smscheck.Sender(
                sender.kind,
                registered_in=[rule.region],
                local_in=sender.local_in,
                templates_in=[rule.region],
            )
            assert found(lifted) is None, rule.id
        general = not rule.senders and rule.traffic is None
        expected = None
        if general:
            expected = (
                Severity.WARNING
                if rule.lifted_by and rule.severity is Severity.ERROR
                else rule.severity
            )
        assert found(None) is expected, rule.id
    assert codes == set(RULE_CODES)


def test_effects_follow_the_wording_of_their_rules() -> None:
    """A rule whose message says the sender is replaced is never 'blocked', and a rule whose
    message says messages are blocked is never 'advisory': effect and wording agree."""
    for rule in smscheck.load_rules():
        message = (rule.text("message") or "").lower()
        if rule.effect is RuleEffect.ADVISORY:
            assert "are blocked" not in message or "link" in message or "content" in message, (
                rule.id
            )


# ----------------------------------------------------------------------------- the sender


@pytest.mark.parametrize(
    ("field", "value", "hint"),
    [
        ("registered_in", ["RUS"], "expected ISO 3166 alpha-2 codes"),
        ("local_in", ["India"], "expected ISO 3166 alpha-2 codes"),
        ("templates_in", ["XX"], "such as 'RU'"),
    ],
)
def test_sender_regions_are_checked(field: str, value: list[str], hint: str) -> None:
    """A region a sender names that is not an ISO alpha-2 code is a ValueError naming it."""
    with pytest.raises(ValueError, match=f"unknown region '{value[0]}' in Sender.{field}") as info:
        smscheck.Sender("alphanumeric", **{field: value})
    assert hint in str(info.value)


def test_sender_regions_must_be_strings() -> None:
    """A region that is not a str is a TypeError; a single str is one region."""
    with pytest.raises(TypeError, match="takes region codes as str, not int"):
        smscheck.Sender("alphanumeric", registered_in=[7])  # type: ignore[list-item]
    assert smscheck.Sender("alphanumeric", registered_in="ru").registered_in == {"RU"}


def test_checker_binds_options_once() -> None:
    """A Checker gives what check() gives with the same options, and refuses bad ones at once."""
    sender = smscheck.Sender("alphanumeric", registered_in=["FR"])
    checker = smscheck.Checker(sender=sender, region="FR", lang="ru")
    assert checker.check("06 23 45 67 89") == smscheck.check(
        "06 23 45 67 89", region="FR", lang="ru", sender=sender
    )
    assert checker.check("+7 916 123 45 67", region="RU").region_hint == "RU"
    assert [r.input for r in checker.check_many(["1", "2"])] == ["1", "2"]
    with pytest.raises(ValueError, match="unknown region"):
        smscheck.Checker(region="XX")
    with pytest.raises(TypeError, match=r"sender must be a smscheck\.Sender"):
        smscheck.Checker(sender="alphanumeric")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="rules must be a RuleSet"):
        smscheck.Checker(rules={})  # type: ignore[arg-type]
