"""Two lakes' tables compared as bags of rows, with their column types."""

from pathlib import Path

import duckdb

from datalake.storage.layout import refined_prefix

# Columns Spark types wider than DuckDB, (table, column) -> (DuckDB's, Spark's). The processing
# year is bound as an INTEGER parameter in Spark, so `greatest()` over it widens the result.
WIDENINGS = {("fact_title_metrics", "years_running"): ("SMALLINT", "INTEGER")}


def assert_same_parquet(name: str, expected: str, actual: str, rows: bool = True) -> None:
    """The Parquet of globs `expected` and `actual`: same columns, types (up to WIDENINGS, by the
    table's last name) and rows in any order; with `rows`, at least one."""
    con = duckdb.connect()
    duck = con.read_parquet(expected)
    other = con.read_parquet(actual)
    assert duck.columns == other.columns, name
    for column, duck_type, other_type in zip(duck.columns, duck.types, other.types, strict=True):
        expected_types = WIDENINGS.get((name, column), (str(duck_type),) * 2)
        assert (str(duck_type), str(other_type)) == expected_types, f"{name}.{column}"
    counts = duck.count("*").fetchall()
    assert counts == other.count("*").fetchall(), name
    assert counts != [(0,)] or not rows, f"{name} is empty: the comparison proves nothing"
    # Bag comparison, order-independent: nothing of either is missing from the other.
    assert duck.query("d", "SELECT * FROM d EXCEPT ALL SELECT * FROM other").fetchall() == [], name
    assert other.query("s", "SELECT * FROM s EXCEPT ALL SELECT * FROM duck").fetchall() == [], name


def parquet_folders(lake: Path, date: str) -> dict[str, Path]:
    """Every table folder of the lake for `date`, by its path under the lake."""
    return {
        str(folder.relative_to(lake)): folder
        for folder in sorted(lake.rglob(f"dt={date}"))
        if any(folder.glob("*.parquet"))
    }


def assert_same_refined_table(name: str, date: str, expected_lake: str, actual_lake: str) -> None:
    """The Refined table `name` of `date` in both lakes, as `assert_same_parquet` compares."""
    expected, actual = (str(Path(lake) / refined_prefix(name, date) / "*.parquet")
                        for lake in (expected_lake, actual_lake))  # fmt: skip
    assert_same_parquet(name, expected, actual)
