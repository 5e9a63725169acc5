from dataclasses import replace
from pathlib import Path

import dagster as dg
import pytest
import yaml

from datalake.definitions import build_definitions, defs
from datalake.partitions import processing_date
from datalake.settings import Settings


def test_definitions_load_and_validate():
    dg.Definitions.validate_loadable(defs)


CATALOG = dg.AssetKey(["refined", "catalog"])  # one file, so one unpartitioned asset


def test_every_asset_but_the_catalog_is_date_partitioned_grouped_and_described():
    graph = defs.resolve_asset_graph()
    keys = graph.get_all_asset_keys()
    assert {
        dg.AssetKey(["raw", "local", "movies"]),
        dg.AssetKey(["raw", "local", "series"]),
    } <= keys
    for key in keys:
        node = graph.get(key)
        assert node.partitions_def == (None if key == CATALOG else processing_date), key
        assert node.group_name == key.path[0], key
        assert node.description, key


def test_partitions_start_2022_and_admit_today():
    keys = processing_date.get_partition_keys()
    assert keys[0] == "2022-01-01"
    from datalake.raw.sensors import today_partition

    assert today_partition() in keys


def test_resources_follow_settings(tmp_path):
    built = build_definitions(Settings(storage="s3://bucket/lake", landing=str(tmp_path)))
    lake = built.resources["lake"]
    assert lake.storage_uri == "s3://bucket/lake"
    assert lake.landing_uri == str(tmp_path)


def test_workspace_loads_the_definitions_module():
    with open(Path(__file__).parents[1] / "workspace.yaml") as f:
        workspace = yaml.safe_load(f)
    assert workspace["load_from"][0]["python_module"]["module_name"] == "datalake.definitions"


def test_the_ui_and_dagster_dev_load_one_code_location_name():
    from datalake.ui import WORKSPACE, ui_command

    assert str(WORKSPACE) in ui_command(3000)
    root = yaml.safe_load((Path(__file__).parents[1] / "workspace.yaml").read_text())
    shipped = yaml.safe_load(WORKSPACE.read_text())
    assert shipped == root
    assert root["load_from"][0]["python_module"]["location_name"] == "datalake"


def test_default_statuses_are_explicit():
    sensors = {s.name: s for s in defs.sensors or []}
    assert sensors["landing_sensor"].default_status == dg.DefaultSensorStatus.STOPPED
    assert sensors["automation_sensor"].default_status == dg.DefaultSensorStatus.RUNNING
    (schedule,) = defs.schedules or []
    assert schedule.default_status == dg.DefaultScheduleStatus.STOPPED


@pytest.mark.parametrize(
    "engine, trusted, refined",
    [("duckdb", "duckdb", "duckdb"), ("spark", "spark", "spark"), ("glue", "duckdb", "glue")],
)
def test_engine_run_assets_name_the_deployment_s_engine_among_their_kinds(
    tmp_path, engine, trusted, refined
):
    settings = replace(Settings(storage=str(tmp_path), landing=str(tmp_path)), engine=engine)
    graph = build_definitions(settings).resolve_asset_graph()
    kinds = {key.to_user_string(): graph.get(key).kinds for key in graph.get_all_asset_keys()}
    for key in ("trusted/local/movies", "trusted/local/series_rejected", "trusted/tmdb/movies"):
        assert kinds[key] == {trusted, "parquet"}, key
    assert (
        kinds["refined/dim_title"] == kinds["refined/bridge_title_person"] == {refined, "parquet"}
    )
    assert kinds["refined/catalog"] == {"duckdb"}  # built in DuckDB by every engine
