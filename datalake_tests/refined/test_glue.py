"""Glue Data Catalog registration against moto's Glue API served on loopback (the real Glue
cannot run here), for a lake on a real S3 server (SeaweedFS)."""

from pathlib import Path

import dagster as dg
import pyarrow.parquet as pq
import pytest

from datalake.definitions import build_definitions
from datalake.errors import DatalakeError
from datalake.refined.glue_assets import GLUE_CATALOG
from datalake.refined.published import PUBLISHED
from datalake.resources.glue import GlueResource
from datalake.runner import without_glue_if_off
from datalake.settings import Settings
from datalake.storage import open_storage
from datalake_tests.refined.lake import DATE, materialize
from datalake_tests.servers import start_glue

NEXT_DATE = "2022-05-03"
DATABASE = "movies_lake"
GLUE_ONLY = dg.AssetSelection.assets(GLUE_CATALOG)


@pytest.fixture
def glue_server(tmp_path, monkeypatch):
    server = start_glue(tmp_path)
    monkeypatch.setenv("AWS_ENDPOINT_URL_GLUE", server.endpoint_url)  # S3 stays on SeaweedFS
    yield server
    server.stop()


def _upload(lake: Path, target: str, date: str = DATE) -> None:
    """The Refined and Trusted Parquet of a local lake, under `date`'s folders of `target`."""
    storage = open_storage(target)
    for path in sorted(lake.rglob("*.parquet")):
        key = path.relative_to(lake).as_posix().replace(f"dt={DATE}", f"dt={date}")
        with path.open("rb") as source:
            storage.upload(source, key)


def _register(lake: str, date: str = DATE, database: str = DATABASE) -> dg.ExecuteInProcessResult:
    return materialize(
        lake, selection=GLUE_ONLY, dashboard=False, date=date, glue=GlueResource(database=database)
    )


def _tables(glue) -> dict[str, dict]:
    return {t["Name"]: t for t in glue.get_tables(DatabaseName=DATABASE)["TableList"]}


def test_tables_and_partitions_are_registered_idempotently(refined_lake, s3_bucket, glue_server):
    local = Path(refined_lake[0])
    lake = f"{s3_bucket}/lake"
    _upload(local, lake)
    assert _register(lake).success
    glue = glue_server.client()
    tables = _tables(glue)
    assert set(tables) == {name.replace(".", "_") for name, _, _ in PUBLISHED.values()}

    dim_title = tables["refined_dim_title"]
    descriptor = dim_title["StorageDescriptor"]
    schema = pq.read_schema(next((local / "Refined" / "dim_title").rglob("*.parquet")))
    assert [c["Name"] for c in descriptor["Columns"]] == schema.names
    types = {c["Name"]: c["Type"] for c in descriptor["Columns"]}
    assert types["title_id"] == "string" and types["release_year"] == "smallint"
    assert types["genres"] == "array<string>" and types["running"] == "boolean"
    assert types["collection_id"] == "bigint"
    fact = _tables(glue)["refined_fact_title_metrics"]["StorageDescriptor"]["Columns"]
    assert {"Name": "imdb_rating", "Type": "decimal(3,1)"} in fact
    assert descriptor["Location"] == f"{lake}/Refined/dim_title/"
    assert descriptor["SerdeInfo"]["SerializationLibrary"].endswith("ParquetHiveSerDe")
    assert dim_title["PartitionKeys"] == [{"Name": "dt", "Type": "date"}]
    credits = tables["trusted_tmdb_movies_credits"]["StorageDescriptor"]["Location"]
    assert credits == f"{lake}/Trusted/TMDB/Parquet/Movies/credits/"

    assert _register(lake).success  # again: updated in place, nothing doubled
    assert set(_tables(glue)) == set(tables)
    _upload(local, lake, NEXT_DATE)
    assert _register(lake, NEXT_DATE).success
    partitions = glue.get_partitions(DatabaseName=DATABASE, TableName="refined_dim_title")
    found = sorted(
        (p["Values"], p["StorageDescriptor"]["Location"]) for p in partitions["Partitions"]
    )
    assert found == [([day], f"{lake}/Refined/dim_title/dt={day}/") for day in (DATE, NEXT_DATE)]


def test_registration_is_off_by_default(refined_lake, glue_server):
    result = materialize(refined_lake[0], selection=GLUE_ONLY, dashboard=False)
    assert result.success and not result.get_asset_materialization_events()
    assert glue_server.client().get_databases()["DatabaseList"] == []


def test_a_local_lake_cannot_be_registered(refined_lake, glue_server):
    result = _register(refined_lake[0])
    assert not result.success
    [failure] = [e for e in result.all_events if e.is_step_failure]
    error = failure.step_failure_data.error
    message = error.cause.message if error and error.cause else error.message if error else ""
    assert "registers S3 tables" in message and "DATALAKE_STORAGE" in message
    assert glue_server.client().get_databases()["DatabaseList"] == []


def test_the_database_name_is_checked_with_one_clear_line():
    assert Settings.from_env({"DATALAKE_GLUE_DATABASE": " movies_lake "}).glue_database == (
        "movies_lake"
    )
    assert Settings.from_env({}).glue_database == ""  # off by default
    with pytest.raises(DatalakeError, match="is not a Glue database name: use lowercase"):
        Settings.from_env({"DATALAKE_GLUE_DATABASE": "Movies-Lake"})


def test_datalake_run_leaves_registration_out_while_off():
    graph = build_definitions(Settings()).resolve_asset_graph()
    everything = dg.AssetSelection.all()
    assert GLUE_CATALOG not in without_glue_if_off(everything, Settings()).resolve(graph)
    on = Settings(glue_database=DATABASE)
    assert GLUE_CATALOG in without_glue_if_off(everything, on).resolve(graph)
