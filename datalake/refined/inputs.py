"""What a Refined statement reads, registered as DuckDB views over one date's Parquet.

The CSV-derived Trusted tables must exist. TMDB ones may not (no credentials, or TMDB not run for
the date): an absent one reads as an empty table of the same columns, so the star schema is
still built, with its TMDB columns NULL.
"""

import duckdb

from datalake.errors import DatalakeError
from datalake.refined.queries import query
from datalake.refined.tmdb_columns import TMDB_COLUMNS
from datalake.storage import Storage
from datalake.storage.layout import processing_date, refined_prefix, trusted_prefix

# Scripts of shared views, each run once every Trusted table it needs is registered.
_DERIVED = {
    "inputs_csv": {"local/movies", "local/series"},
    "inputs_tmdb": {"tmdb/movies", "tmdb/series"},
    "inputs_creators": {"local/movies", "local/series", "tmdb/series_credits"},
}


def register_inputs(
    con: duckdb.DuckDBPyConnection,
    storage: Storage,
    date: str,
    genres: tuple[str, ...],
    trusted: tuple[str, ...],
    refined: tuple[str, ...],
) -> list[str]:
    """Views named `local_movies`, `tmdb_series`, `dim_title`... plus the shared derived views.

    Returns the TMDB tables absent for the date (read as empty).
    """
    con.execute("SET VARIABLE genres = ?", [list(genres)])
    con.execute("SET VARIABLE processing_year = ?", [processing_date(date).year])
    con.execute(query("macros"))
    absent = [name for name in trusted if not _register_trusted(con, storage, date, name)]
    for script, needs in _DERIVED.items():
        if needs <= set(trusted):
            con.execute(query(script))
    register_refined(con, storage, date, refined)
    return absent


def register_refined(
    con: duckdb.DuckDBPyConnection, storage: Storage, date: str, tables: tuple[str, ...]
) -> None:
    """A view per Refined table over that date's Parquet; an absent table is an error."""
    for table in tables:
        _view(con, table, _required(storage, refined_prefix(table, date), f"refined/{table}", date))


def _register_trusted(
    con: duckdb.DuckDBPyConnection, storage: Storage, date: str, name: str
) -> bool:
    origin, table = name.split("/")
    view, prefix = f"{origin}_{table}", trusted_prefix(origin, table, date)
    if origin == "local":
        _view(con, view, _required(storage, prefix, f"trusted/{name}", date))
        return True
    columns = TMDB_COLUMNS[table]
    if not _has_parquet(storage, prefix):
        declared = ", ".join(f"{column} {kind}" for column, kind in columns.items())
        con.execute(f"CREATE TEMP TABLE {view} ({declared})")
        return False
    casts = ", ".join(f"CAST({column} AS {kind}) AS {column}" for column, kind in columns.items())
    _view(con, view, storage.uri(prefix + "*.parquet"), casts)
    return True


def _view(con: duckdb.DuckDBPyConnection, view: str, uri: str, columns: str = "*") -> None:
    # Views cannot take `?` parameters, so the URI is bound to a variable the view reads.
    con.execute(f"SET VARIABLE {view} = ?", [uri])
    con.execute(
        f"CREATE TEMP VIEW {view} AS SELECT {columns} "
        f"FROM read_parquet(getvariable('{view}'), hive_partitioning = false)"
    )


def _required(storage: Storage, prefix: str, asset: str, date: str) -> str:
    """The Parquet glob of a table that must exist for the date."""
    if not _has_parquet(storage, prefix):
        raise DatalakeError(
            f"{storage.uri(prefix)} holds no Parquet: materialise {asset} for {date} first."
        )
    return storage.uri(prefix + "*.parquet")


def _has_parquet(storage: Storage, prefix: str) -> bool:
    return any(storage.iter_keys(prefix, ".parquet"))
