"""The PySpark recipe of docs/batch.md, run for real: a pandas UDF on a local Spark session.

Spark needs a Java runtime besides ``pyspark``: without one these tests skip, which CI does
not allow (``.ci/run`` installs Java where it is missing and fails on a skipped engine test).
"""

from __future__ import annotations

import os
import shutil
import sys
from typing import TYPE_CHECKING

import pytest

import smscheck

pytest.importorskip("pandas")
pytest.importorskip("pyarrow")  # pandas UDFs move their batches as Arrow
pytest.importorskip("pyspark")

# pandas at run time: pandas_udf reads the UDF's type hints to know its kind.
import pandas as pd  # noqa: TC002
from pyspark.sql import SparkSession
from pyspark.sql.pandas.functions import pandas_udf

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

# pyspark 4 warns that it "does not yet fully support pandas >= 3"; what the recipe uses
# (a struct of strings and a boolean) is checked here row by row against check().
pytestmark = pytest.mark.filterwarnings(
    "ignore:PySpark does not yet fully support pandas:FutureWarning"
)

#: The struct the UDF returns, as docs/batch.md writes it: ``ok`` boolean, the rest string.
SCHEMA = ", ".join(f"{c} {'boolean' if c == 'ok' else 'string'}" for c in smscheck.FLAT_COLUMNS)

#: (id, phone, country): valid, invalid, empty and missing inputs, a region per row.
CONTACTS = [
    (1, "8 912 345-67-89", "RU"),
    (2, "+44 20 7946 0123", None),
    (3, "", "RU"),
    (4, None, "GB"),
    (5, "07700 900123", "GB"),
    (6, "(201) 555-0123", "US"),
    (7, "+86 139 2345 6789", "CN"),
    (8, "abc", "DE"),
    (9, "912345", "RU"),
    (10, "06 12 34 56 78", "FR"),
    (11, "8 (916) 123-45-67", "RU"),
    (12, "8 (916) 123-45-67", None),
    (13, "+49 1512 3456789", "FR"),
    (14, "+7 912 345 67 89 ext. 5", "RU"),
    (15, "   ", None),
    (16, "030 123456", "DE"),
]


def _java_runtime() -> bool:
    home = os.environ.get("JAVA_HOME")
    return bool(home and os.access(os.path.join(home, "bin", "java"), os.X_OK)) or bool(  # noqa: PTH118
        shutil.which("java")
    )


@pytest.fixture(scope="module")
def spark(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SparkSession]:
    """A local Spark session of two threads, on loopback, without its web UI."""
    if not _java_runtime():
        pytest.skip("Spark needs a Java runtime: none on PATH nor in JAVA_HOME")
    scratch: Path = tmp_path_factory.mktemp("spark")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("SPARK_LOCAL_IP", "127.0.0.1")
        # The Python workers must be this interpreter, where smscheck is installed.
        env.setenv("PYSPARK_PYTHON", sys.executable)
        env.setenv("PYSPARK_DRIVER_PYTHON", sys.executable)
        session = (
            SparkSession.builder.master("local[2]")
            .appName("smscheck-tests")
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.sql.shuffle.partitions", "2")
            .config("spark.sql.warehouse.dir", str(scratch / "warehouse"))
            .config("spark.local.dir", str(scratch / "local"))
            .getOrCreate()
        )
        session.sparkContext.setLogLevel("ERROR")
        try:
            yield session
        finally:
            session.stop()


def test_pandas_udf_recipe_matches_check(spark: SparkSession) -> None:
    """The pandas UDF of docs/batch.md gives check()'s flat row for each contact."""

    # pyspark's stubs only type the older form that names the UDF kind (functionType).
    @pandas_udf(SCHEMA)  # type: ignore[call-overload, untyped-decorator]
    def verdict(phone: pd.Series, country: pd.Series) -> pd.DataFrame:
        return smscheck.check_series(phone, region=country)

    contacts = spark.createDataFrame(CONTACTS, "id long, phone string, country string")
    assert contacts.rdd.getNumPartitions() == 2  # two batches, one per local thread
    checked = contacts.withColumn("v", verdict("phone", "country")).select("*", "v.*").drop("v")
    assert checked.columns == ["id", "phone", "country", *smscheck.FLAT_COLUMNS]
    assert dict(checked.dtypes)["ok"] == "boolean"
    rows = sorted(checked.collect(), key=lambda row: row["id"])
    assert [row["id"] for row in rows] == [c[0] for c in CONTACTS]
    for (_, phone, country), row in zip(CONTACTS, rows, strict=True):
        expected = smscheck.flatten(smscheck.check(phone or "", region=country))
        assert {k: row[k] for k in smscheck.FLAT_COLUMNS} == expected, (phone, country)


def test_spark_session_is_local_and_quiet(spark: SparkSession) -> None:
    """The session runs two local threads, binds to loopback and serves no web UI."""
    context = spark.sparkContext
    assert context.master == "local[2]"
    assert context.getConf().get("spark.driver.host") == "127.0.0.1"
    assert context.uiWebUrl is None
