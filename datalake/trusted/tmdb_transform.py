"""Raw TMDB JSON -> one typed row per title plus the child tables the star model joins.

The raw zone stores a title once per refetch window, so a date's snapshot reads the raw files of
that date and of the window before it (the asset's input), and keeps the newest fetch of every
title.
"""

from dataclasses import dataclass
from pathlib import Path

import duckdb

from datalake.shared.sql import sql_literal
from datalake.storage.layout import Spec
from datalake.trusted.csv_columns import TITLE_ID
from datalake.trusted.queries import query
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
        "body": MOVIE,
        "keywords": "data.keywords.keywords",
        "creators": f"CAST(NULL AS {CREATORS})",
    },
    "series": {"body": TV, "keywords": "data.keywords.results", "creators": "data.created_by"},
}


@dataclass(frozen=True)
class TmdbCounts:
    """Raw detail records read, and titles kept (a refetched title's older fetch is superseded)."""

    records: int
    titles: int


def transform_tmdb(
    con: duckdb.DuckDBPyConnection,
    spec: Spec,
    details: list[str],
    collections: list[str],
    scratch: Path,
) -> tuple[dict[str, duckdb.DuckDBPyRelation], TmdbCounts]:
    """Every table of `spec` as a lazy relation, and what was read.

    No files at all gives empty tables of the same columns.
    """
    empty = scratch / "empty.json"
    empty.write_text("[]")  # read_json needs a file; an empty array keeps the declared schema
    is_imdb_id = TITLE_ID.check_sql("value")
    assert is_imdb_id is not None  # a title id has a pattern
    con.execute(query("tmdb_macros", is_imdb_id=is_imdb_id))
    records = _RECORDS[spec] | {"body": sql_literal(_RECORDS[spec]["body"])}
    con.execute(query("tmdb_records", **records), [details or [str(empty)]])
    con.execute(query("tmdb_titles"))
    if spec == "movies":
        collections_sql = query("tmdb_read_collections", body=sql_literal(COLLECTION))
        con.execute(collections_sql, [collections or [str(empty)]])
    title_columns = query("tmdb_title_columns")
    tables = {
        table: con.sql(query(sql, title_columns=title_columns))
        for table, sql in TABLE_SQL[spec].items()
    }
    (records,) = con.execute("SELECT count(*) FROM records").fetchall()[0]
    (titles,) = con.execute("SELECT count(*) FROM titles").fetchall()[0]
    return tables, TmdbCounts(records, titles)
