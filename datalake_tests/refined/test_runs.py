"""Re-runs, the catalog, absent inputs, broken tables and the configured genres."""

import hashlib
import shutil
from pathlib import Path

import dagster as dg
import duckdb

from datalake.refined.catalog import newest_complete_date
from datalake.refined.tables import TABLES, refined_key
from datalake.runner import run_lake
from datalake.settings import Settings
from datalake.storage.layout import refined_catalog_key, refined_prefix, trusted_prefix
from datalake_tests.lakes import Lake
from datalake_tests.refined.lake import DATE, check_results, materialize, rows, table


def _refined_files(lake: str) -> dict[str, str]:
    return {
        str(path.relative_to(lake)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(Path(lake, "Refined").rglob("*.parquet"))
    }


def test_a_rerun_writes_identical_parquet(refined_lake, tmp_path):
    lake, _ = refined_lake
    copy = tmp_path / "lake"
    shutil.copytree(lake, copy)
    stale = copy / refined_prefix("dim_title", DATE) / "part-9.parquet"
    stale.write_bytes(b"left by an older run")
    assert materialize(str(copy), dashboard=False).success
    assert _refined_files(str(copy)) == _refined_files(lake)
    assert len(_refined_files(lake)) == len(TABLES)


def test_without_tmdb_tables_the_schema_is_built_with_tmdb_columns_null(
    refined_lake, refined_lake_without_tmdb
):
    lake, result = refined_lake_without_tmdb
    assert result.success
    for spec in TABLES:  # same columns and types as with TMDB data
        assert table(lake, spec.name).types == table(refined_lake[0], spec.name).types, spec.name
    assert table(lake, "dim_collection").count("*").fetchone() == (0,)
    assert all(not t["in_tmdb"] for t in rows(lake, "dim_title"))
    [godfather] = rows(lake, "fact_title_metrics", "title_id = 'tt0068646'")
    assert godfather["budget"] is None and godfather["imdb_votes"] == 2_051_000
    [event] = [
        e
        for e in result.get_asset_materialization_events()
        if e.asset_key == refined_key("dim_title")
    ]
    absent = event.step_materialization_data.materialization.metadata["tmdb_tables_absent"].value
    assert absent == ["tmdb/movies", "tmdb/series"]


def _rewrite(parquet: Path, sql: str) -> None:
    """Replace a Parquet file with what `sql` makes of it (`$file`)."""
    rows = duckdb.sql(sql, params={"file": str(parquet)}).to_arrow_table()
    duckdb.from_arrow(rows).write_parquet(str(parquet))


def test_the_gates_fail_and_block_on_a_duplicate_key_and_a_dangling_reference(
    refined_lake, tmp_path
):
    lake = tmp_path / "lake"
    shutil.copytree(refined_lake[0], lake)
    movies = lake / trusted_prefix("local", "movies", DATE) / "part-0.parquet"
    _rewrite(  # The Godfather in both files: two titles for one IMDb id
        lake / trusted_prefix("local", "series", DATE) / "part-0.parquet",
        f"SELECT * FROM read_parquet($file) UNION ALL BY NAME "
        f"(SELECT * FROM read_parquet('{movies}') WHERE title_id = 'tt0068646' LIMIT 1)",
    )
    _rewrite(  # its franchise lost from the dimension
        lake / refined_prefix("dim_collection", DATE) / "part-0.parquet",
        "SELECT * FROM read_parquet($file) WHERE collection_id <> 230",
    )
    keys = [refined_key("dim_title"), refined_key("fact_title_metrics")]
    result = materialize(str(lake), selection=dg.AssetSelection.assets(*keys), dashboard=False)
    assert not result.success
    checks = check_results(result)
    unique = checks["refined/dim_title", "keys_unique"]
    resolved = checks["refined/dim_title", "references_resolved"]
    assert not unique.passed and unique.metadata["examples"].value == ["(tt0068646)"]
    assert not resolved.passed and resolved.metadata["examples"].value == ["collection_id=230"] * 3
    materialized = {e.asset_key for e in result.get_asset_materialization_events()}
    assert materialized == {refined_key("dim_title")}  # the blocking gates stopped the fact


def test_an_absent_csv_table_stops_the_run_with_what_to_do(lake):
    shutil.rmtree(Path(lake) / trusted_prefix("local", "series", DATE))
    result = materialize(lake, dashboard=False)
    assert not result.success
    messages = [e.step_failure_data.error for e in result.all_events if e.is_step_failure]
    text = " ".join(m.cause.message if m.cause else m.message for m in messages)
    assert "materialise trusted/local/series for 2022-05-02 first" in text


def test_configured_genres_are_a_parameter(lake, monkeypatch):
    monkeypatch.setenv("DATALAKE_GENRES", "animation")
    selection = dg.AssetSelection.assets(
        *(
            refined_key(t)
            for t in (
                "dim_collection",
                "dim_title",
                "dim_genre",
                "dim_period",
                "fact_title_metrics",
            )
        )
    )
    assert materialize(lake, selection=selection, dashboard=False).success
    flags = {f["title_id"]: f["in_configured_genres"] for f in rows(lake, "fact_title_metrics")}
    assert flags["tt0095327"] and not flags["tt0068646"]  # Grave of the Fireflies, The Godfather
    assert [g["genre_name"] for g in rows(lake, "dim_genre", "is_configured")] == ["Animation"]


def test_the_catalog_key():
    assert refined_catalog_key() == "Refined/catalog.duckdb"


def test_the_catalog_points_at_the_newest_complete_date_whichever_ran_last(refined_lake, tmp_path):
    lake = tmp_path / "lake"
    shutil.copytree(refined_lake[0], lake)
    storage = Lake(str(lake)).storage()

    def snapshot(date: str, tables=TABLES) -> None:
        for spec in tables:
            source = lake / refined_prefix(spec.name, DATE)
            shutil.copytree(source, lake / refined_prefix(spec.name, date), dirs_exist_ok=True)

    snapshot("2022-04-01")  # an older date, built after DATE
    assert newest_complete_date(storage) == DATE
    snapshot("2022-06-01", TABLES[1:])  # a newer date, not complete yet
    assert newest_complete_date(storage) == DATE
    snapshot("2022-06-01", TABLES[:1])
    assert newest_complete_date(storage) == "2022-06-01"
    result = run_lake(DATE, "refined/catalog", Settings(storage=str(lake)))
    assert result.success, result.errors
    with duckdb.connect(str(lake / refined_catalog_key()), read_only=True) as con:
        (comment,) = con.execute(
            "SELECT comment FROM duckdb_views() WHERE view_name = 'dim_title'"
        ).fetchone()
    assert comment.startswith("dt=2022-06-01: ")
