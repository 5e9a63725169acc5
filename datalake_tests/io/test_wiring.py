"""Every lake asset is stored by the lake IO manager and reads other lake assets as inputs."""

import dagster as dg

from datalake.definitions import defs
from datalake.io import LakeIOManager
from datalake.io.handover import LAKE_IO_MANAGER


def test_every_output_goes_through_the_lake_io_manager():
    graph = defs.resolve_asset_graph()
    assert isinstance(defs.resources[LAKE_IO_MANAGER], LakeIOManager)
    for key in graph.get_all_asset_keys():
        assets_def = graph.get(key).assets_def
        output = assets_def.get_output_name_for_asset_key(key)
        assert assets_def.node_def.output_def_named(output).io_manager_key == LAKE_IO_MANAGER, key


# The catalog (unpartitioned) reads no table: it binds views to the newest date every Refined
# table has, found in storage; its dependencies are declared for lineage and automation only.
CATALOG = dg.AssetKey(["refined", "catalog"])


def test_every_dependency_between_lake_assets_is_a_loaded_input():
    graph = defs.resolve_asset_graph()
    lake = graph.get_all_asset_keys()
    for key in lake - {CATALOG}:
        assets_def = graph.get(key).assets_def
        inputs = set(assets_def.keys_by_input_name.values())
        deps = {dep.asset_key for dep in assets_def.specs_by_key[key].deps}
        assert deps <= lake, key
        assert deps <= inputs, f"{key.to_user_string()} depends on {deps - inputs} without an input"
        for name in assets_def.keys_by_input_name:
            assert not assets_def.node_def.input_def_named(name).dagster_type.is_nothing, (
                key,
                name,
            )


def test_reads_of_earlier_partitions_are_declared_mappings():
    graph = defs.resolve_asset_graph()
    raw = dg.AssetKey(["raw", "tmdb", "movies"])
    trusted = graph.get(dg.AssetKey(["trusted", "tmdb", "movies"])).assets_def
    mapping = trusted.get_partition_mapping(raw)
    assert isinstance(mapping, dg.TimeWindowPartitionMapping)
    assert (mapping.start_offset, mapping.end_offset) == (-30, 0)
    own = graph.get(raw).assets_def.get_partition_mapping(raw)  # the refetch window
    assert (own.start_offset, own.end_offset) == (-30, -1)


def test_the_catalog_depends_on_every_refined_and_trusted_table():
    graph = defs.resolve_asset_graph()
    deps = {dep.asset_key for dep in graph.get(CATALOG).assets_def.specs_by_key[CATALOG].deps}
    refined = {k for k in graph.get_all_asset_keys() if k.path[0] == "refined"}
    assert deps & refined == refined - {CATALOG, dg.AssetKey(["refined", "glue_catalog"])}
    trusted = {k for k in deps if k.path[0] == "trusted"}
    assert deps == (deps & refined) | trusted and len(trusted) == 2 + 9  # CSV + TMDB tables
