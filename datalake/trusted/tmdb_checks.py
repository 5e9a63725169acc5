"""Blocking gates of the Trusted TMDB tables, run on what was published for each date."""

import dagster as dg
import duckdb

from datalake.io.handover import RawJsonFiles
from datalake.io.tables import lake_table, raw_json
from datalake.partitions import mapped_dates, window_to_date
from datalake.raw.tmdb_assets import raw_tmdb_asset_key
from datalake.raw.tmdb_records import DETAILS
from datalake.resources.duck import LakeDuckDB
from datalake.resources.lake import LakeResource
from datalake.shared.checks import (
    ID_FORMATS,
    KEYS_PRESENT,
    KEYS_UNIQUE,
    ROWS_RECONCILED,
    VALUES_IN_RANGE,
    each_date_verdicts,
    gate_specs,
    violations,
)
from datalake.storage.layout import SPECS, Spec
from datalake.trusted.csv_columns import TITLE_ID
from datalake.trusted.keys import trusted_key
from datalake.trusted.queries import query
from datalake.trusted.tmdb_transform import TABLE_SQL

# The columns that identify a row, by kind of table (`movies_genres` is a `genres` table).
_KEYS = {
    "title": ("tmdb_id",), "credits": ("tmdb_id", "credit_type", "credit_id"),
    "genres": ("tmdb_id", "genre_id"), "keywords": ("tmdb_id", "keyword_id"),
    "collections": ("collection_id", "tmdb_id"),
}  # fmt: skip
_IN_RANGE = {
    "movies": ("vote_average BETWEEN 0 AND 10", "vote_count >= 0", "popularity >= 0",
               "runtime_minutes > 0", "budget > 0", "revenue > 0"),
    "series": ("vote_average BETWEEN 0 AND 10", "vote_count >= 0", "popularity >= 0",
               "seasons >= 0", "episodes >= 0", "episode_runtime_minutes > 0"),
}  # fmt: skip
_TITLE_GATES = {
    KEYS_PRESENT: "Every title has its tmdb_id.",
    KEYS_UNIQUE: "One row per tmdb_id.",
    ID_FORMATS: "Every imdb_id is NULL or tt + 7-8 digits.",
    VALUES_IN_RANGE: "Ratings, counts, runtimes and money are in range (0 means unknown: NULL).",
    ROWS_RECONCILED: "Raw detail records = trusted rows + superseded older fetches.",
}
_MISSING_KEYS = "SELECT count(*), list(title)[1:5] FROM read_parquet(?) WHERE tmdb_id IS NULL"
_BAD_IDS = (
    "SELECT count(*), list(imdb_id)[1:5] FROM read_parquet(?) "
    f"WHERE imdb_id IS NOT NULL AND NOT {TITLE_ID.check_sql('imdb_id')}"
)


def _key(table: str) -> str:
    return ", ".join(_KEYS[table.partition("_")[2] or "title"])


def _duplicate_keys_sql(table: str) -> str:
    return (
        f"SELECT count(*), list(key)[1:5] FROM (SELECT ({_key(table)})::VARCHAR AS key "
        "FROM read_parquet(?) GROUP BY ALL HAVING count(*) > 1)"
    )


def _out_of_range_sql(spec: Spec) -> str:
    within = " AND ".join(f"coalesce({condition}, true)" for condition in _IN_RANGE[spec])
    return f"SELECT count(*), list(tmdb_id)[1:5] FROM read_parquet(?) WHERE NOT ({within})"


def _reconciliation(
    con: duckdb.DuckDBPyConnection, spec: Spec, raw: RawJsonFiles, table: list[str]
) -> dg.AssetCheckResult:
    details = raw.named(DETAILS)
    records, titles = (0, 0)
    if details:
        records, titles = con.execute(query("tmdb_recount"), [details]).fetchall()[0]
    (rows,) = con.execute("SELECT count(*) FROM read_parquet(?)", [table]).fetchall()[0]
    return dg.AssetCheckResult(
        asset_key=trusted_key("tmdb", spec),
        check_name=ROWS_RECONCILED,
        passed=rows == titles,
        metadata={
            "raw_records": records,
            "trusted_rows": rows,
            "superseded_records": records - titles,
        },
    )


def build_trusted_tmdb_checks(spec: Spec) -> dg.AssetChecksDefinition:
    title_key = trusted_key("tmdb", spec)
    children = [table for table in TABLE_SQL[spec] if table != spec]
    raw_window = dg.AssetDep(raw_tmdb_asset_key(spec), partition_mapping=window_to_date)
    specs = gate_specs(title_key, _TITLE_GATES, (raw_window,))
    for child in children:
        unique = {KEYS_UNIQUE: f"One row per {_key(child)}."}
        specs += gate_specs(trusted_key("tmdb", child), unique)

    @dg.multi_asset_check(specs=specs, name=f"trusted_tmdb_{spec}_gates")
    def gates(context: dg.AssetCheckExecutionContext, lake: LakeResource, duckdb: LakeDuckDB):
        storage = lake.storage()

        def verdicts(date: str):
            window = mapped_dates(window_to_date, date)
            raw = raw_json(storage, raw_tmdb_asset_key(spec), window)
            uris = {
                name: list(lake_table(storage, trusted_key("tmdb", name), date).uris)
                for name in TABLE_SQL[spec]
            }
            title = uris[spec]
            with duckdb.connect() as con:
                yield violations(con, title_key, KEYS_PRESENT, _MISSING_KEYS, [title])
                yield violations(con, title_key, ID_FORMATS, _BAD_IDS, [title])
                yield violations(con, title_key, VALUES_IN_RANGE, _out_of_range_sql(spec), [title])
                yield _reconciliation(con, spec, raw, title)
                for name, uri in uris.items():
                    duplicates = _duplicate_keys_sql(name)
                    yield violations(con, trusted_key("tmdb", name), KEYS_UNIQUE, duplicates, [uri])

        yield from each_date_verdicts(context, verdicts)

    return gates


trusted_tmdb_checks = [build_trusted_tmdb_checks(spec) for spec in SPECS]
