"""A user extends the lake in a few lines: their asset reads trusted/local/movies as a pandas
DataFrame or a DuckDB relation and writes its own table under Refined/, local and on S3."""

import dagster as dg
import duckdb
import pandas as pd
import pytest

from datalake.definitions import build_definitions
from datalake.io.handover import LAKE_IO_MANAGER
from datalake.partitions import processing_date
from datalake.settings import Settings, bundled_sample_dir
from datalake.storage.layout import refined_prefix, trusted_prefix
from datalake_tests.lakes import connect

DATE = "2022-05-02"
MOVIES = dg.AssetKey(["trusted", "local", "movies"])


# What every such asset declares (as in the README): its input, the date, the lake IO manager.
READS_TRUSTED_MOVIES = {
    "ins": {"movies": dg.AssetIn(MOVIES)},
    "partitions_def": processing_date,
    "io_manager_key": LAKE_IO_MANAGER,
    "group_name": "refined",
}


@dg.asset(key=["refined", "long_movies"], **READS_TRUSTED_MOVIES)
def long_movies(movies: pd.DataFrame) -> pd.DataFrame:
    """Movie rows of the date running over two hours (a DataFrame in, a DataFrame out)."""
    return movies[movies["runtime_minutes"] > 120]


@dg.asset(key=["refined", "movie_rows"], **READS_TRUSTED_MOVIES)
def movie_rows(movies: duckdb.DuckDBPyRelation) -> duckdb.DuckDBPyRelation:
    """Every movie row of the date, through a lazy DuckDB relation."""
    return movies.filter("true")


@pytest.fixture(params=["local", "s3"])
def lake(request) -> str:
    fixture = "local_lake" if request.param == "local" else "s3_bucket"
    return request.getfixturevalue(fixture) + ("/lake" if request.param == "s3" else "")


def _rows(lake: str, prefix: str) -> list[str]:
    glob = f"{lake.rstrip('/')}/{prefix}*.parquet"
    return sorted(map(repr, connect(lake).execute("FROM read_parquet(?)", [glob]).fetchall()))


def test_a_user_asset_reads_trusted_rows_and_writes_under_refined(lake):
    defs = build_definitions(Settings(storage=lake, landing=bundled_sample_dir()))
    lake_assets = [a for a in defs.assets if isinstance(a, dg.AssetsDefinition)]
    result = dg.materialize(
        [*lake_assets, long_movies, movie_rows],
        selection=dg.AssetSelection.assets(
            ["raw", "local", "movies"],
            MOVIES,
            ["trusted", "local", "movies_rejected"],
            long_movies,
            movie_rows,
        ),
        partition_key=DATE,
        resources=defs.resources,
    )
    assert result.success

    copied = _rows(lake, refined_prefix("movie_rows", DATE))
    assert copied == _rows(lake, trusted_prefix("local", "movies", DATE)) and len(copied) > 100
    long = (
        connect(lake)
        .execute(
            "SELECT count(*), min(runtime_minutes) FROM read_parquet(?)",
            [f"{lake.rstrip('/')}/{refined_prefix('long_movies', DATE)}*.parquet"],
        )
        .fetchall()[0]
    )
    sample = pd.read_csv(
        f"{bundled_sample_dir()}/movies.csv", sep="|", quoting=3, na_values=["\\N"],
        keep_default_na=False,
    )  # fmt: skip
    assert long == (int((sample["tempoMinutos"] > 120).sum()), sample.loc[
        sample["tempoMinutos"] > 120, "tempoMinutos"].min())  # fmt: skip
    events = {e.asset_key.to_user_string(): e for e in result.get_asset_materialization_events()}
    assert (
        events["refined/long_movies"].materialization.metadata["dagster/row_count"].value == long[0]
    )
