"""Flat columns, pandas helpers and the Dask recipe, run for real."""

from __future__ import annotations

import os
import sys

import pytest

import smscheck

pd = pytest.importorskip("pandas")
dd = pytest.importorskip("dask.dataframe")


def test_flatten_has_the_flat_columns() -> None:
    """flatten() gives every FLAT_COLUMNS key, ok as a bool and codes joined by spaces."""
    row = smscheck.flatten(smscheck.check("+44 20 7946 0123"))
    assert tuple(row) == smscheck.FLAT_COLUMNS
    assert row["ok"] is False
    assert row["codes"] == "landline fictional_number"
    assert row["e164"] == "+442079460123"
    empty = smscheck.flatten(smscheck.check(""))
    assert empty["e164"] is None
    assert empty["codes"] == "empty_input"


def test_check_series_handles_missing_values_and_per_row_regions() -> None:
    """Missing values are empty input; a Series of regions gives each row its hint."""
    texts = pd.Series(
        ["8 912 345-67-89", None, float("nan"), "8 912 345-67-89"], index=[5, 6, 7, 8]
    )
    regions = pd.Series(["RU", "RU", None, ""], index=texts.index)
    flat = smscheck.check_series(texts, region=regions)
    assert list(flat.index) == [5, 6, 7, 8]
    assert list(flat["e164"]) == ["+79123456789", None, None, None]
    assert list(flat["codes"])[1:] == ["empty_input", "empty_input", "missing_country_code"]
    assert flat["ok"].dtype == bool


def test_check_frame_refuses_taken_names_and_two_region_options() -> None:
    """check_frame() will not overwrite a column, nor take region and region_column."""
    frame = pd.DataFrame({"phone": ["1"], "ok": [True], "country": ["RU"]})
    with pytest.raises(ValueError, match="already has columns named ok"):
        smscheck.check_frame(frame, "phone")
    with pytest.raises(ValueError, match="not both"):
        smscheck.check_frame(frame[["phone"]], "phone", region="RU", region_column="country")


def test_dask_map_partitions_matches_check() -> None:
    """The Dask recipe (map_partitions over check_frame) equals check() row by row."""
    phones = ["8 912 345-67-89", "+44 20 7946 0123", "", "+7 495 123-45-67", "abc", "912345"]
    frame = pd.DataFrame({"id": range(len(phones)), "phone": phones})
    ddf = dd.from_pandas(frame, npartitions=3)
    meta = smscheck.check_frame(ddf._meta, "phone", region="RU")
    out = ddf.map_partitions(smscheck.check_frame, "phone", region="RU", meta=meta)
    result = out.compute(scheduler="processes", num_workers=2).sort_values("id")
    assert list(result.columns) == ["id", "phone", *smscheck.FLAT_COLUMNS]
    for phone, (_, row) in zip(phones, result.iterrows(), strict=True):
        expected = smscheck.flatten(smscheck.check(phone, region="RU"))
        assert {k: row[k] for k in smscheck.FLAT_COLUMNS} == expected


#: Inputs for the engine tests: valid, invalid, empty, in several regions' formats.
MIXED_INPUTS = (
    "8 912 345-67-89",
    "+7 495 123-45-67",
    "+44 20 7946 0123",
    "07700 900123",
    "+86 139 2345 6789",
    "(201) 555-0123",
    "030 123456",
    "+49 1512 3456789",
    "06 12 34 56 78",
    "",
    "   ",
    "abc",
    "912345",
    "+1",
    "8 (916) 123-45-67",
    "+7 912 345 67 89 ext. 5",
)
#: Region hints, one per row in turn (None: no hint).
MIXED_REGIONS = ("RU", "GB", "US", "DE", "FR", None, "CN")


def mixed_rows(rows: int) -> list[tuple[int, str, str | None]]:
    """``rows`` contacts (id, phone, country): the mixed inputs, a fifth of them distinct."""
    return [
        (
            i,
            MIXED_INPUTS[i % len(MIXED_INPUTS)] if i % 5 else f"+7 912 {i:03d}-{i % 100:02d}-00",
            MIXED_REGIONS[i % len(MIXED_REGIONS)],
        )
        for i in range(rows)
    ]


def test_dask_recipe_on_a_distributed_cluster_matches_check() -> None:
    """The documented recipe on a LocalCluster of two worker processes equals check()."""
    distributed = pytest.importorskip("distributed")
    contacts = mixed_rows(300)
    with (
        distributed.LocalCluster(
            n_workers=2,
            processes=True,
            threads_per_worker=1,
            host="127.0.0.1",
            # No dashboard; the scheduler's HTTP server (health, metrics) still starts:
            # on loopback and a free port, not 0.0.0.0 (":0") nor a maybe taken 8787 (None).
            dashboard_address="127.0.0.1:0",
            scheduler_kwargs={"dashboard": False},
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        frame = pd.DataFrame(contacts, columns=["id", "phone", "country"])
        ddf = dd.from_pandas(frame, npartitions=6)
        checked = ddf.map_partitions(
            smscheck.check_frame,
            "phone",
            region_column="country",
            meta=smscheck.check_frame(ddf._meta, "phone", region_column="country"),
        )
        result = client.compute(checked).result()
        # The work ran in the two worker processes, not in this one.
        pids = client.run(os.getpid)
        assert len(pids) == 2
        assert os.getpid() not in pids.values()
        assert all(client.run(lambda: "smscheck" in sys.modules).values())
    assert list(result.columns) == ["id", "phone", "country", *smscheck.FLAT_COLUMNS]
    result = result.sort_values("id")
    assert list(result["id"]) == list(range(300))
    rows = result.to_dict("records")
    for (_, phone, country), row in zip(contacts, rows, strict=True):
        expected = smscheck.flatten(smscheck.check(phone, region=country))
        assert {k: row[k] for k in smscheck.FLAT_COLUMNS} == expected, (phone, country)
