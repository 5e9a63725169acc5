"""The Trusted zone's definitions: keys, group, partitions, descriptions and blocking gates."""

import dagster as dg

from datalake.partitions import processing_date
from datalake.raw import definitions as raw
from datalake.resources.build import build_resources
from datalake.settings import Settings
from datalake.shared import checks
from datalake.trusted.definitions import defs

GATES = {checks.KEYS_PRESENT, checks.KEYS_UNIQUE, checks.ID_FORMATS, checks.VALUES_IN_RANGE,
         checks.ROWS_RECONCILED}  # fmt: skip


def test_every_trusted_asset_is_keyed_grouped_partitioned_and_described(tmp_path):
    resources = dg.Definitions(resources=build_resources(Settings(storage=str(tmp_path))))
    graph = dg.Definitions.merge(raw.defs, defs, resources).resolve_asset_graph()
    keys = {key.to_user_string() for key in graph.get_all_asset_keys()}
    assert {"trusted/local/movies", "trusted/local/series", "trusted/tmdb/movies",
            "trusted/tmdb/series", "trusted/tmdb/movies_credits", "trusted/tmdb/series_credits",
            "trusted/tmdb/movies_keywords", "trusted/tmdb/movies_genres",
            "trusted/tmdb/movies_collections"} <= keys  # fmt: skip
    for key in graph.get_all_asset_keys():
        if key.path[0] != "trusted":
            continue  # raw dependencies, defined by the raw zone
        node = graph.get(key)
        assert node.group_name == "trusted" and node.partitions_def == processing_date, key
        assert node.description and {"duckdb", "parquet"} <= node.kinds, key


def test_gates_are_blocking_and_named_by_constants():
    specs = [spec for checks_def in defs.asset_checks for spec in checks_def.check_specs]
    by_asset = {}
    for spec in specs:
        assert spec.blocking, spec.key
        by_asset.setdefault(spec.asset_key.to_user_string(), set()).add(spec.name)
    for table in ("trusted/local/movies", "trusted/local/series", "trusted/tmdb/movies",
                  "trusted/tmdb/series"):  # fmt: skip
        assert by_asset[table] == GATES, table
    assert by_asset["trusted/tmdb/movies_keywords"] == {checks.KEYS_UNIQUE}
