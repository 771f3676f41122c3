"""check_many: order, cache, processes, streaming."""

from __future__ import annotations

import itertools
import pickle
from typing import TYPE_CHECKING

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import smscheck
from smscheck import _batch, _compact
from smscheck.strategies import mistyped_numbers, phone_numbers

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

INPUTS = ["8 912 345-67-89", "", "+44 20 7946 0123", "abc", "8 912 345-67-89", "+7 495 123-45-67"]


def test_reports_in_input_order_equal_check() -> None:
    """Each report equals check() of the same input, in input order."""
    got = list(smscheck.check_many(INPUTS, region="RU"))
    assert got == [smscheck.check(t, region="RU") for t in INPUTS]


def test_repeated_inputs_are_served_from_the_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    """A repeated input is checked once while it stays in the cache."""
    calls: list[str] = []
    real = smscheck.check

    def counting(text: str, **kwargs: object) -> smscheck.Report:
        calls.append(text)
        return real(text, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr("smscheck._batch.check", counting)
    reports = list(smscheck.check_many(["1", "2", "1", "1", "2"], region="RU"))
    assert [r.input for r in reports] == ["1", "2", "1", "1", "2"]
    assert calls == ["", "1", "2"]  # "" is the eager check of the options


def test_cache_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    """With cache_size=1 an input pushed out of the cache is checked again."""
    calls: list[str] = []
    real = smscheck.check

    def counting(text: str, **kwargs: object) -> smscheck.Report:
        calls.append(text)
        return real(text, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr("smscheck._batch.check", counting)
    list(smscheck.check_many(["1", "2", "1"], region="RU", cache_size=1))
    assert calls == ["", "1", "2", "1"]
    calls.clear()
    list(smscheck.check_many(["1", "1"], region="RU", cache_size=0))
    assert calls == ["", "1", "1"]


def test_two_workers_equal_one() -> None:
    """workers=2 gives the same reports in the same order as workers=1, over several chunks."""
    texts = [f"+7 912 {i:03d}-{i % 100:02d}-{(i * 7) % 100:02d}" for i in range(700)]
    texts += [*texts[:50], "", "x"]
    assert list(smscheck.check_many(texts, workers=2)) == list(smscheck.check_many(texts))


def test_streams_from_a_generator_without_reading_ahead() -> None:
    """check_many reads its input lazily: one item per report with one process."""
    pulled = 0

    def numbers() -> Iterator[str]:
        nonlocal pulled
        for i in itertools.count():
            pulled += 1
            yield f"+7912{i:07d}"

    reports = smscheck.check_many(numbers())
    first = list(itertools.islice(reports, 5))
    assert [r.input for r in first] == [f"+7912{i:07d}" for i in range(5)]
    assert pulled == 5


def test_workers_read_a_bounded_window_ahead() -> None:
    """With processes, an endless input is read at most a bounded window ahead."""
    pulled = 0

    def numbers() -> Iterator[str]:
        nonlocal pulled
        for i in itertools.count():
            pulled += 1
            yield f"+7912{i:07d}"

    reports = smscheck.check_many(numbers(), workers=2)
    assert next(reports).input == "+79120000000"
    window = 2 * _batch.CHUNKS_PER_WORKER * _batch.CHUNK_SIZE
    assert pulled <= window + 1
    reports.close()  # type: ignore[attr-defined]


def test_options_are_checked_at_the_call() -> None:
    """A bad region, language, workers or cache_size raises before any input is read."""
    with pytest.raises(ValueError, match="unknown region"):
        smscheck.check_many([], region="XX")
    with pytest.raises(ValueError, match="language"):
        smscheck.check_many([], lang="xx")
    with pytest.raises(ValueError, match="workers"):
        smscheck.check_many([], workers=0)
    with pytest.raises(ValueError, match="cache_size"):
        smscheck.check_many([], cache_size=-1)


def test_non_str_input_raises_type_error() -> None:
    """An input that is not a str raises TypeError when its turn comes."""
    reports = smscheck.check_many(["+79123456789", 5])  # type: ignore[list-item]
    assert next(reports).ok
    with pytest.raises(TypeError):
        next(reports)


def test_sender_is_passed_on() -> None:
    """The sender reaches check() with one process and with two."""
    sender = smscheck.Sender("alphanumeric", ["RU"])
    texts = ["+79123456789", "+442079460123"]
    expected = [smscheck.check(t, sender=sender) for t in texts]
    assert list(smscheck.check_many(texts, sender=sender)) == expected
    assert list(smscheck.check_many(texts, sender=sender, workers=2)) == expected


@pytest.mark.parametrize("texts", ["+79161234567", b"+79161234567", bytearray(b"+7916")])
def test_check_many_refuses_a_single_string(texts: object) -> None:
    """A str or bytes is an iterable of characters: refused at the call, not checked one
    character at a time."""
    with pytest.raises(TypeError, match="takes an iterable of str, not a"):
        smscheck.check_many(texts)  # type: ignore[arg-type]


def test_check_many_takes_a_region_per_input() -> None:
    """regions= gives each input its own hint, read in step; the reports equal check()'s."""
    texts = ["8 916 123-45-67", "07700 900123", "+33 6 23 45 67 89", "06 23 45 67 89"]
    regions = ["ru", "GB", None, "FR"]
    reports = list(smscheck.check_many(iter(texts), regions=iter(regions)))
    assert reports == [smscheck.check(t, region=r) for t, r in zip(texts, regions, strict=True)]
    with pytest.raises(ValueError, match="region= or regions=, not both"):
        smscheck.check_many(texts, region="RU", regions=regions)
    with pytest.raises(TypeError, match="one region per input"):
        smscheck.check_many(texts, regions="RU")
    with pytest.raises(ValueError, match="different lengths"):
        list(smscheck.check_many(texts, regions=["RU"]))
    with pytest.raises(ValueError, match="unknown region 'XX'"):
        list(smscheck.check_many(["1"], regions=["XX"]))


def test_a_generator_s_own_value_error_is_not_relabelled() -> None:
    """A ValueError raised by the caller's iterable reaches the caller as it was."""

    def texts() -> Iterator[str]:
        yield "1"
        msg = "the caller's own failure"
        raise ValueError(msg)

    with pytest.raises(ValueError, match="the caller's own failure"):
        list(smscheck.check_many(texts(), regions=["RU", "RU"]))


def test_language_is_case_insensitive() -> None:
    """lang="RU" or " Ru " is Russian, as region codes are case-insensitive."""
    assert smscheck.check("", lang=" RU ") == smscheck.check("", lang="ru")
    with pytest.raises(TypeError, match="lang must be a str"):
        smscheck.check("", lang=None)  # type: ignore[arg-type]


_SENDERS = st.one_of(
    st.none(),
    st.builds(
        smscheck.Sender,
        st.sampled_from(list(smscheck.SenderKind)),
        registered_in=st.lists(st.sampled_from(["RU", "CN", "IN", "US", "FR"]), max_size=2),
    ),
)


@settings(max_examples=300, deadline=None)
@given(
    text=st.one_of(
        phone_numbers().map(lambda t: (t.text, t.region)),
        mistyped_numbers().map(lambda t: (t.text, t.region)),
        st.tuples(st.text(max_size=40), st.sampled_from([None, "RU", "US"])),
    ),
    sender=_SENDERS,
    lang=st.sampled_from(["en", "ru"]),
)
def test_the_compact_form_rebuilds_the_same_report(
    text: tuple[str, str | None], sender: smscheck.Sender | None, lang: str
) -> None:
    """What a worker sends back (the compact form) rebuilds into a report equal to the one
    check() made: the same number, diagnostics, route, suggestions and verdict."""
    report = smscheck.check(text[0], region=text[1], sender=sender, lang=lang)
    packed = _compact.pack(report)
    assert pickle.loads(pickle.dumps(packed)) == packed  # noqa: S301 - our own bytes
    assert _compact.unpack(packed, lang, smscheck.load_rules()) == report


def test_the_compact_form_is_smaller_than_the_report() -> None:
    """The compact form of a report with route rules pickles to a fraction of the report."""
    report = smscheck.check("+86 139 2345 6789", sender=smscheck.Sender("alphanumeric"))
    assert report.route
    assert len(pickle.dumps(_compact.pack(report))) * 3 < len(pickle.dumps(report))


def test_workers_rebuild_reports_with_the_caller_s_options(tmp_path: Path) -> None:
    """With two workers, reports equal check()'s with the same options: a sender, Russian,
    an override rule set, a region per input."""
    override = tmp_path / "rules.toml"
    override.write_text(
        "schema_version = 2\n[[rules]]\nid = 'zz-test'\nregion = 'RU'\n"
        "code = 'delivery_hours_restricted'\neffect = 'delayed'\nchecked = 2026-12-01\n"
        "sources = ['bird-country-guide']\nmessage = { en = 'm', ru = 'м' }\n"
        "service_remedy = { en = 's', ru = 'с' }\n",
        encoding="utf-8",
    )
    rules = smscheck.load_rules(override)
    sender = smscheck.Sender("alphanumeric", registered_in=["FR"])
    texts = [f"8 916 {i:03d}-{i % 100:02d}-{(i * 7) % 100:02d}" for i in range(600)]
    texts += ["+86 139 2345 6789", "++49 1512 3456788", "", "07700 900123", "+7 916 123 45 6O"]
    regions = ["RU" if i % 3 else None for i in range(len(texts))]
    expected = [
        smscheck.check(t, region=r, lang="RU", rules=rules, sender=sender)
        for t, r in zip(texts, regions, strict=True)
    ]
    got = list(
        smscheck.check_many(
            texts, regions=regions, workers=2, lang="RU", rules=rules, sender=sender
        )
    )
    assert got == expected
    assert any(d.rule_ids == ("zz-test",) for r in got for d in r.route)
