"""What a Refined statement reads (its inputs), registered as DuckDB views over their Parquet.

The CSV-derived Trusted tables must exist. TMDB ones may not (no credentials, or TMDB not run for
the date): an absent one reads as an empty table of the same columns, so the star schema is
still built, with its TMDB columns NULL.
"""

import duckdb

from datalake.errors import DatalakeError
from datalake.io.handover import LakeTable
from datalake.io.tables import create_view
from datalake.refined.queries import query
from datalake.refined.tmdb_columns import TMDB_COLUMNS
from datalake.storage.layout import processing_date

# Scripts of shared views, each run once every Trusted table it needs is registered.
_DERIVED = {
    "inputs_csv": {"local_movies", "local_series"},
    "inputs_tmdb": {"tmdb_movies", "tmdb_series"},
    "inputs_people": {
        "local_movies",
        "local_series",
        "tmdb_movies_credits",
        "tmdb_series_credits",
    },
}


def register_inputs(
    con: duckdb.DuckDBPyConnection,
    date: str,
    genres: tuple[str, ...],
    inputs: dict[str, LakeTable],
) -> list[str]:
    """Views named after the inputs (`local_movies`, `tmdb_series`, `dim_title`...) plus the
    shared derived views; returns the TMDB tables absent for the date (read as empty)."""
    con.execute("SET VARIABLE genres = ?", [list(genres)])
    con.execute("SET VARIABLE processing_year = ?", [processing_date(date).year])
    con.execute(query("macros"))
    absent = []
    for name, table in inputs.items():
        if table.exists:
            create_view(con, name, table, TMDB_COLUMNS.get(name.removeprefix("tmdb_")))
        elif name.startswith("tmdb_"):
            _empty(con, name, TMDB_COLUMNS[name.removeprefix("tmdb_")])
            absent.append(name.replace("_", "/", 1))
        else:
            raise DatalakeError(table.missing_error())
    for script, needs in _DERIVED.items():
        if needs <= set(inputs):
            con.execute(query(script))
    return absent


def _empty(con: duckdb.DuckDBPyConnection, name: str, columns: dict[str, str]) -> None:
    declared = ", ".join(f"{column} {kind}" for column, kind in columns.items())
    con.execute(f"CREATE OR REPLACE TEMP TABLE {name} ({declared})")
