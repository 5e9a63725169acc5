"""The Refined and Dashboards definitions load with the other layers and wire onto them."""

import dagster as dg
import duckdb

from datalake.dashboards import definitions as dashboards
from datalake.raw import definitions as raw
from datalake.refined import definitions as refined
from datalake.refined.checks import _suspect_keys_sql
from datalake.resources.build import build_resources
from datalake.trusted import definitions as trusted

DEFS = dg.Definitions.merge(
    raw.defs,
    trusted.defs,
    refined.defs,
    dashboards.defs,
    dg.Definitions(resources=build_resources()),
)


def test_they_load_with_the_other_layers():
    dg.Definitions.validate_loadable(DEFS)


def test_every_dependency_is_an_asset_of_the_lake():
    graph = DEFS.resolve_asset_graph()
    materializable = set(graph.materializable_asset_keys)
    for key in materializable:
        if key.path[0] in ("refined", "dashboards"):
            node = graph.get(key)
            assert node.parent_keys and node.parent_keys <= materializable, key
            assert node.group_name == key.path[0] and node.description, key
            assert node.kinds >= {"duckdb"}, key
    assert graph.get(dg.AssetKey(["refined", "dim_title"])).parent_keys >= {
        dg.AssetKey(["trusted", "local", "movies"]),
        dg.AssetKey(["trusted", "tmdb", "series"]),
    }


def test_every_refined_table_has_blocking_gates():
    checks = {key for check in refined.defs.asset_checks for key in check.check_keys}
    names = {(key.asset_key.path[-1], key.name) for key in checks}
    assert ("fact_title_metrics", "references_resolved") in names and (
        "dim_title",
        "keys_unique",
    ) in names
    assert all(spec.blocking for check in refined.defs.asset_checks for spec in check.check_specs)


def test_the_key_gate_goes_past_its_hash_shortcut_on_a_repeated_or_missing_key(tmp_path):
    tables = {
        "unique": "SELECT * FROM (VALUES ('tt1', 'a'), ('tt1', 'b'), ('tt2', 'a')) t(k1, k2)",
        "repeated": "SELECT * FROM (VALUES ('tt1', 'a'), ('tt1', 'a')) t(k1, k2)",
        "missing": "SELECT * FROM (VALUES ('tt1', 'a'), ('tt2', NULL)) t(k1, k2)",
    }
    suspects = {}
    for name, sql in tables.items():
        path = str(tmp_path / f"{name}.parquet")
        duckdb.sql(sql).write_parquet(path)
        suspects[name] = duckdb.execute(_suspect_keys_sql(("k1", "k2")), [path]).fetchall()[0][0]
    assert suspects == {"unique": 0, "repeated": 1, "missing": 1}
