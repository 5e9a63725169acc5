"""Raw TMDB JSON -> one typed row per title plus the child tables the star model joins.

The raw zone stores a title once per refetch window, so a date's snapshot reads the raw files of
that date and of the window before it, and keeps the newest fetch of every title.
"""

from dataclasses import dataclass

import duckdb

from datalake.raw.tmdb_records import earlier_dates
from datalake.storage import Storage
from datalake.storage.layout import Spec, raw_tmdb_prefix
from datalake.trusted.csv_columns import TITLE_ID
from datalake.trusted.queries import copy_to, query, sql_literal
from datalake.trusted.staging import Staging
from datalake.trusted.tmdb_schema import COLLECTION, CREATORS, MOVIE, TV

_CHILDREN = {"credits": "tmdb_credits", "genres": "tmdb_genres", "keywords": "tmdb_keywords"}
# Every table and the statement that writes it. Child tables nest under their title table
# (Trusted/TMDB/Parquet/Movies/credits/dt=.../); only movies belong to collections.
TABLE_SQL: dict[Spec, dict[str, str]] = {
    spec: {spec: f"tmdb_{spec}", **{f"{spec}_{child}": sql for child, sql in _CHILDREN.items()}}
    for spec in ("movies", "series")
}
TABLE_SQL["movies"]["movies_collections"] = "tmdb_collections"
# How each spec's records are read: TMDB's shape, and where keywords and creators sit in it.
_RECORDS = {
    "movies": {
        "body": MOVIE, "keywords": "data.keywords.keywords", "creators": f"CAST(NULL AS {CREATORS})"
    },
    "series": {"body": TV, "keywords": "data.keywords.results", "creators": "data.created_by"},
}


@dataclass(frozen=True)
class TmdbCounts:
    """Raw records read and rows written per table."""

    records: int
    rows: dict[str, int]

    def superseded(self, spec: Spec) -> int:
        """Older fetches of a title that a newer one replaced."""
        return self.records - self.rows[spec]


def raw_files(storage: Storage, spec: Spec, date: str, lookback_days: int, name: str) -> list[str]:
    """URIs of the raw `<name>-NNNN.json` files of `date` and the `lookback_days` before it."""
    uris = []
    for day in [date, *earlier_dates(date, lookback_days)]:
        prefix = raw_tmdb_prefix(spec, day)
        keys = storage.list_keys(f"{prefix}{name}-")
        uris += [storage.uri(k) for k in keys if k.endswith(".json")]
    return uris


def transform_tmdb(
    con: duckdb.DuckDBPyConnection,
    spec: Spec,
    details: list[str],
    collections: list[str],
    staged: Staging,
) -> TmdbCounts:
    """Write every table of `spec` into `staged`; no files at all gives empty tables."""
    empty = staged.root / "empty.json"
    empty.write_text("[]")  # read_json needs a file; an empty array keeps the declared schema
    con.execute(query("tmdb_macros", is_imdb_id=TITLE_ID.check_sql("value")))
    records = _RECORDS[spec] | {"body": sql_literal(_RECORDS[spec]["body"])}
    con.execute(query("tmdb_records", **records), [details or [str(empty)]])
    con.execute(query("tmdb_titles"))
    if spec == "movies":
        collections_sql = query("tmdb_read_collections", body=sql_literal(COLLECTION))
        con.execute(collections_sql, [collections or [str(empty)]])
    title_columns = query("tmdb_title_columns")
    rows = {
        table: copy_to(con, query(sql, title_columns=title_columns), staged.file(table))
        for table, sql in TABLE_SQL[spec].items()
    }
    (records,) = con.execute("SELECT count(*) FROM records").fetchall()[0]
    return TmdbCounts(records=records, rows=rows)
