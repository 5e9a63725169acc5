"""The Trusted TMDB assets and their gates, materialised in-process on local storage and on S3."""

import dagster as dg

from datalake.raw.assets import raw_csv_assets
from datalake.raw.tmdb_assets import raw_tmdb_assets
from datalake.shared import checks
from datalake.storage.layout import trusted_prefix
from datalake.trusted.tmdb_assets import trusted_tmdb_assets
from datalake.trusted.tmdb_checks import trusted_tmdb_checks
from datalake.trusted.tmdb_transform import TABLE_SQL
from datalake_tests.lakes import Lake
from datalake_tests.trusted import tmdb_corpus as tc
from datalake_tests.trusted.conftest import DATE

TITLE_GATES = {checks.KEYS_PRESENT, checks.KEYS_UNIQUE, checks.ID_FORMATS,
               checks.VALUES_IN_RANGE, checks.ROWS_RECONCILED}  # fmt: skip


def _materialize(lake: Lake) -> dg.ExecuteInProcessResult:
    return dg.materialize(
        [*raw_tmdb_assets, *raw_csv_assets, *trusted_tmdb_assets, *trusted_tmdb_checks],
        partition_key=DATE,
        resources=lake.resources,
        selection=dg.AssetSelection.groups("trusted"),
    )


def _row_counts(result: dg.ExecuteInProcessResult) -> dict[str, int]:
    return {
        event.asset_key.path[-1]: event.materialization.metadata["dagster/row_count"].value
        for event in result.get_asset_materialization_events()
    }


def _verdicts(result: dg.ExecuteInProcessResult) -> dict[tuple[str, str], bool]:
    evaluations = result.get_asset_check_evaluations()
    return {(e.asset_key.path[-1], e.check_name): e.passed for e in evaluations}


def test_raw_json_of_the_window_becomes_typed_tables_that_pass_every_gate(lake):
    storage = lake.storage()
    tc.store(storage, "movies", DATE, "details", [tc.record(tc.movie(1)), tc.record(tc.movie(2))])
    tc.store(storage, "movies", DATE, "collections", [tc.record(tc.collection(9, "Saga", [1, 2]))])
    refetched = tc.record(tc.movie(1, title="Old"), fetched_at="2022-04-20T00:00:00Z")
    tc.store(storage, "movies", "2022-04-20", "details", [refetched, tc.record(tc.movie(3))])
    tc.store(storage, "movies", "2022-03-01", "details", [tc.record(tc.movie(4))])  # out of window
    tc.store(storage, "movies", DATE, "missing", [{"fetch": {}, "data": {"id": 99}}])  # not a title
    tc.store(storage, "series", DATE, "details", [tc.record(tc.tv(10)), tc.record(tc.tv(11))])

    result = _materialize(lake)

    assert result.success
    assert _row_counts(result) == {
        "movies": 3, "movies_credits": 6, "movies_genres": 6, "movies_keywords": 6,
        "movies_collections": 2, "series": 2, "series_credits": 6, "series_genres": 4,
        "series_keywords": 2,
    }  # fmt: skip
    verdicts = _verdicts(result)
    assert all(verdicts.values()) and len(verdicts) == 2 * len(TITLE_GATES) + 4 + 3
    assert {name for table, name in verdicts if table == "movies"} == TITLE_GATES
    with lake.duckdb() as con:
        uri = storage.uri(trusted_prefix("tmdb", "movies", DATE) + "*.parquet")
        titles = con.execute("SELECT tmdb_id, title FROM read_parquet(?)", [uri]).fetchall()
    assert titles == [(1, "Movie 1"), (2, "Movie 2"), (3, "Movie 3")]
    metadata = result.asset_materializations_for_node("trusted_tmdb_movies")
    movies = next(m for m in metadata if m.asset_key.path[-1] == "movies").metadata
    assert (movies["raw_records"].value, movies["superseded_records"].value) == (4, 1)


def test_without_raw_files_every_table_is_published_empty(lake):
    result = _materialize(lake)

    assert result.success
    assert set(_row_counts(result).values()) == {0}
    assert all(_verdicts(result).values())
    storage = lake.storage()
    for tables in TABLE_SQL.values():
        for table in tables:
            assert storage.list_keys(trusted_prefix("tmdb", table, DATE)), table
