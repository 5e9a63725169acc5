"""What the catalog holds: schemas `refined` (the star schema), `trusted` (the Trusted tables)
and `analysis` (the question views), each table both as the catalog's date (`<table>`) and as
every date the lake holds (`<table>_history`, with a `dt` column).

No location is stored: a view reads `lake_path('<key>')`, the key relative to the lake root, and
the macro prefixes the `datalake_root` variable the reader sets (`datalake query` does). So the
catalog keeps working when the lake is moved, copied or read from S3.
"""

import duckdb

from datalake.errors import DatalakeError
from datalake.io.handover import LakeTable
from datalake.refined.analysis import create_question_views
from datalake.shared.sql import sql_literal

SCHEMAS = ("refined", "trusted", "analysis")
ROOT_VARIABLE = "datalake_root"
# Unset, the root is empty: keys then resolve against the working directory (or DuckDB's
# file_search_path), so a local reader may also just run from the lake root.
_MACRO = (
    f"CREATE OR REPLACE MACRO lake_path(key) AS coalesce(getvariable('{ROOT_VARIABLE}'), '') || key"
)


def set_root(con: duckdb.DuckDBPyConnection, root_uri: str) -> None:
    """Point the catalog's views at a lake root (a directory or s3://bucket/prefix)."""
    con.execute(f"SET VARIABLE {ROOT_VARIABLE} = ?", [root_uri.rstrip("/") + "/"])


def history_prefix(prefix: str, date: str) -> str:
    """The folder of every date of a table, from the folder of one (`.../dt=*/`)."""
    segment = f"/dt={date}/"
    if segment not in prefix:
        raise DatalakeError(f"{prefix} is not a folder of processing date {date}.")
    return prefix.replace(segment, "/dt=*/")


def _view(con: duckdb.DuckDBPyConnection, name: str, glob: str, note: str, history: bool) -> None:
    # A view's definition is stored as text: the key can only be a (quoted) literal here.
    options = (
        "hive_partitioning = true, union_by_name = true"
        if history
        else ("hive_partitioning = false")
    )
    con.execute(
        f"CREATE OR REPLACE VIEW {name} AS "
        f"SELECT * FROM read_parquet(lake_path({sql_literal(glob)}), {options})"
    )
    con.execute(f"COMMENT ON VIEW {name} IS {sql_literal(note)}")


def write_catalog(
    con: duckdb.DuckDBPyConnection,
    date: str,
    tables: dict[str, tuple[str, LakeTable, str]],
) -> list[str]:
    """Every view, bound now (a missing table fails here, not in an analyst's query).

    `tables` maps `schema.name` to (its folder key for `date`, its table, a description); a
    Trusted table absent for the date (TMDB never fetched) gets no view. Returns those skipped.
    """
    con.execute(_MACRO)
    for schema in SCHEMAS:
        con.execute(f"CREATE SCHEMA IF NOT EXISTS {schema}")
    skipped = []
    for name, (prefix, table, description) in tables.items():
        if not table.exists:
            skipped.append(name)
            continue
        _view(con, name, prefix + "*.parquet", f"dt={date}: {description}", history=False)
        every = f"Every processing date (dt): {description}"
        _view(con, f"{name}_history", history_prefix(prefix, date) + "*.parquet", every, True)
    create_question_views(con, "analysis")
    return skipped
