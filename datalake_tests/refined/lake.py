"""A small lake for the Refined and Dashboards tests: the bundled sample plus hostile rows,
through the raw and trusted assets against the TMDB sandbox, then refined and the dashboard."""

import os
import shutil
from pathlib import Path

import dagster as dg
import duckdb

from datalake.dashboards import definitions as dashboards
from datalake.raw.assets import raw_csv_assets
from datalake.raw.tmdb_assets import raw_tmdb_assets
from datalake.refined import definitions as refined
from datalake.resources.tmdb import TmdbResource
from datalake.settings import bundled_sample_dir
from datalake.storage.layout import refined_prefix
from datalake.trusted import definitions as trusted
from datalake_tests.lakes import Lake, connect, lake_resources

DATE = "2022-05-02"
HOSTILE_TITLE = '<script>alert("x")</script> & Ça "va" 日本'
HOSTILE_ARTIST = 'Bobby "<b>Tables</b>" O\'Brien'
# The most voted title of the file, so the dashboard's overview table shows it.
HOSTILE_ROWS = (
    f"tt9900001|{HOSTILE_TITLE}|{HOSTILE_TITLE}|1999|120|Crime,Drama|9.9|9999999|director|\\N|"
    f"{HOSTILE_ARTIST}|1960|\\N|director,writer|\\N",
    f"tt9900001|{HOSTILE_TITLE}|{HOSTILE_TITLE}|1999|120|Crime,Drama|9.9|9999999|actor|"
    f"<i>Hero</i>|{HOSTILE_ARTIST}|1960|\\N|director,writer|\\N",
)


def write_landing(folder: Path) -> Path:
    """The bundled sample, with the hostile rows appended to movies.csv."""
    shutil.copytree(bundled_sample_dir(), folder)
    with (folder / "movies.csv").open("a", encoding="utf-8") as movies:
        movies.write("".join(row + "\n" for row in HOSTILE_ROWS))
    return folder


def build_trusted(lake: Path, landing: Path, tmdb_url: str) -> None:
    """Raw and trusted zones of DATE (TMDB credentials must be in the environment)."""
    result = dg.materialize(
        [*raw_csv_assets, *raw_tmdb_assets, *trusted.defs.assets, *trusted.defs.asset_checks],
        partition_key=DATE,
        resources=lake_resources(
            str(lake),
            str(landing),
            tmdb=TmdbResource(
                base_url=tmdb_url,
                api_key=os.environ["TMDB_API_KEY"],
                requests_per_second=1000,
                backoff_factor=0.01,
                # Past the sample's own titles, which lead /discover: the rest are TMDB-only.
                discover_limit=72,
                limit=0,
            ),
        ),
    )
    assert result.success


def materialize(
    lake_uri: str, selection=None, dashboard: bool = True, date: str = DATE, **resources
) -> dg.ExecuteInProcessResult:
    """The Refined zone (with its checks) and the dashboard, in process, for `date`
    (`resources` replace some by key; `engine_kind=` picks DATALAKE_ENGINE's value)."""
    upstream = [*raw_csv_assets, *raw_tmdb_assets, *trusted.defs.assets]
    built = [*refined.defs.assets, *refined.defs.asset_checks]
    built += list(dashboards.defs.assets) if dashboard else []
    groups = dg.AssetSelection.groups("refined", *(["dashboards"] if dashboard else []))
    return dg.materialize(
        upstream + built,
        selection=selection or groups,
        partition_key=date,
        resources=lake_resources(lake_uri, genres=os.environ.get("DATALAKE_GENRES"), **resources),
        raise_on_error=False,
    )


def table(lake_uri: str, name: str) -> duckdb.DuckDBPyRelation:
    """A Refined table of DATE, read back from the lake."""
    uri = Lake(lake_uri).storage().uri(refined_prefix(name, DATE) + "*.parquet")
    return connect(lake_uri).sql(
        "SELECT * FROM read_parquet(?, hive_partitioning = false)", params=[uri]
    )


def rows(lake_uri: str, name: str, where: str = "true") -> list[dict]:
    """Rows of a Refined table as dicts (`where` is test-written SQL)."""
    relation = table(lake_uri, name).filter(where)
    return [dict(zip(relation.columns, row, strict=True)) for row in relation.fetchall()]


def check_results(
    result: dg.ExecuteInProcessResult,
) -> dict[tuple[str, str], dg.AssetCheckEvaluation]:
    return {
        (e.asset_key.to_user_string(), e.check_name): e
        for e in result.get_asset_check_evaluations()
    }


def rewrite(parquet: Path, statement: str) -> None:
    """Change a Parquet file by a test-written statement on table `t`, which holds its rows."""
    with duckdb.connect() as con:
        con.execute(
            "CREATE TABLE t AS SELECT * FROM read_parquet(?, hive_partitioning = false)",
            [str(parquet)],
        )
        con.execute(statement)
        con.table("t").write_parquet(str(parquet))
