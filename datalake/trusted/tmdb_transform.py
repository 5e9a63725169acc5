"""Raw TMDB JSON -> one typed row per title plus the child tables the star model joins.

The raw zone stores a title once per refetch window, so a date's snapshot reads the raw files of
that date and of the window before it (the asset's input), and keeps the newest fetch of every
title. The engine reads the records (`JsonRecords`, with TMDB's declared shape); the SQL here,
in DuckDB's dialect, is what any engine runs.
"""

from dataclasses import dataclass
from typing import Any

from datalake.engines.transform import EngineRun, Input, JsonRecords, Transform
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
_FETCH = "STRUCT(fetched_at VARCHAR, imdb_id VARCHAR, origin VARCHAR)"
_BODY = {"movies": MOVIE, "series": TV}
_RECORDS = {
    "movies": {"keywords": "data.keywords.keywords", "creators": f"CAST(NULL AS {CREATORS})"},
    "series": {"keywords": "data.keywords.results", "creators": "data.created_by"},
}


@dataclass(frozen=True)
class TmdbCounts:
    """Raw detail records read, and titles kept (a refetched title's older fetch is superseded)."""

    records: int
    titles: int


def tmdb_transform(spec: Spec, details: list[str], collections: list[str]) -> Transform:
    """The spec's transform over its raw records (`raw_details`, and `raw_collections` for
    movies); its results are the statements of `table_statements(spec)`. No files at all give
    empty tables of the same columns."""
    is_imdb_id = TITLE_ID.check_sql("value")
    assert is_imdb_id is not None  # a title id has a pattern
    inputs: dict[str, Input] = {
        "raw_details": JsonRecords(tuple(details), {"fetch": _FETCH, "data": _BODY[spec]})
    }
    scripts = [
        query("tmdb_macros", is_imdb_id=is_imdb_id),
        query("tmdb_records", **_RECORDS[spec]),
        query("tmdb_titles"),
    ]
    if spec == "movies":
        fetch = "STRUCT(fetched_at VARCHAR)"
        inputs["raw_collections"] = JsonRecords(
            tuple(collections), {"fetch": fetch, "data": COLLECTION}
        )
        scripts.append(query("tmdb_read_collections"))
    return Transform(name=f"trusted_tmdb_{spec}", query="", inputs=inputs, scripts=tuple(scripts))


def table_statements(spec: Spec) -> dict[str, str]:
    """Every table of the spec and the SELECT that gives it."""
    title_columns = query("tmdb_title_columns")
    return {
        table: query(sql, title_columns=title_columns) for table, sql in TABLE_SQL[spec].items()
    }


def transform_tmdb(run: EngineRun, spec: Spec) -> tuple[dict[str, Any], TmdbCounts]:
    """Every table of a prepared `tmdb_transform` as the IO manager takes it, and what was read."""
    tables = {table: run.table(sql) for table, sql in table_statements(spec).items()}
    ((records, titles),) = run.rows(query("tmdb_counts"))
    return tables, TmdbCounts(records, titles)
