"""The Spark engine builds the same star schema as DuckDB from the same Trusted tables."""

import shutil
from pathlib import Path

import duckdb
import pytest

from datalake.refined.tables import TABLES
from datalake.storage.layout import refined_prefix
from datalake_tests.refined.lake import DATE, materialize

# Columns Spark types wider than DuckDB, (table, column) -> (DuckDB's, Spark's). The processing
# year is bound as an INTEGER parameter in Spark, so `greatest()` over it widens the result.
WIDENINGS = {("fact_title_metrics", "years_running"): ("SMALLINT", "INTEGER")}


@pytest.fixture(scope="module")
def spark_lake(trusted_lake, tmp_path_factory) -> str:
    """The Refined zone built by the Spark engine from a copy of the same Trusted zone."""
    target = tmp_path_factory.mktemp("spark") / "lake"
    shutil.copytree(trusted_lake, target)
    result = materialize(str(target), dashboard=False, engine_kind="spark")
    assert result.success
    return str(target)


def _parquet(lake: str, name: str) -> str:
    return str(Path(lake) / refined_prefix(name, DATE) / "*.parquet")


@pytest.mark.parametrize("name", [t.name for t in TABLES])
def test_spark_tables_equal_duckdb_tables(name, spark_lake, refined_lake):
    assert_same_table(name, refined_lake[0], spark_lake)


def assert_same_table(name: str, duckdb_lake: str, spark_lake: str) -> None:
    """The table `name` of both lakes: same columns, types (up to WIDENINGS) and rows."""
    con = duckdb.connect()
    duck = con.read_parquet(_parquet(duckdb_lake, name))
    spark = con.read_parquet(_parquet(spark_lake, name))
    assert duck.columns == spark.columns
    for column, duck_type, spark_type in zip(duck.columns, duck.types, spark.types, strict=True):
        expected = WIDENINGS.get((name, column), (str(duck_type),) * 2)
        assert (str(duck_type), str(spark_type)) == expected, column
    assert duck.count("*").fetchall() == spark.count("*").fetchall() != [(0,)]
    # Bag comparison, order-independent: nothing of either is missing from the other.
    assert duck.query("d", "SELECT * FROM d EXCEPT ALL SELECT * FROM spark").fetchall() == []
    assert spark.query("s", "SELECT * FROM s EXCEPT ALL SELECT * FROM duck").fetchall() == []
