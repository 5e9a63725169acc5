"""Refined zone: the star schema of one processing date, each table written by DuckDB SQL."""

import dagster as dg

from datalake.partitions import processing_date
from datalake.refined.inputs import register_inputs
from datalake.refined.queries import query
from datalake.refined.tables import TABLES, Table, refined_key
from datalake.resources.lake import LakeResource
from datalake.settings import Settings
from datalake.storage.layout import refined_prefix
from datalake.trusted.metadata import table_metadata
from datalake.trusted.queries import copy_to
from datalake.trusted.staging import staging


def build_refined_asset(table: Table) -> dg.AssetsDefinition:
    """Every table is built the same way from its SQL file, so the assets come from one factory."""

    @dg.asset(
        key=refined_key(table.name),
        deps=table.deps,
        group_name="refined",
        partitions_def=processing_date,
        kinds={"duckdb", "parquet"},
        description=table.description,
        automation_condition=dg.AutomationCondition.eager(),
    )
    def refined_table(
        context: dg.AssetExecutionContext, lake: LakeResource
    ) -> dg.MaterializeResult:
        date, storage = context.partition_key, lake.storage()
        prefix = refined_prefix(table.name, date)
        genres = Settings.from_env().genres
        with lake.duckdb() as con, staging(con) as staged:
            absent = register_inputs(con, storage, date, genres, table.trusted, table.reads)
            parquet = staged.file(table.name)
            copy_to(con, query(table.name), parquet)
            metadata = table_metadata(con, parquet, storage.uri(prefix), table.columns)
            staged.publish(storage, table.name, prefix)
        if absent:
            missing = ", ".join(f"trusted/{name}" for name in absent)
            context.log.warning(
                f"refined/{table.name}: no {missing} for {date}; their columns are NULL. "
                "Materialise the trusted TMDB assets for this date to fill them."
            )
        return dg.MaterializeResult(
            metadata={**metadata, "tmdb_tables_absent": dg.MetadataValue.json(absent)}
        )

    return refined_table


refined_table_assets = [build_refined_asset(table) for table in TABLES]
