"""Refined zone: the star schema of one processing date, each table a DuckDB SELECT."""

import dagster as dg

from datalake.io.handover import LAKE_IO_MANAGER, LakeTable
from datalake.partitions import processing_date
from datalake.refined.inputs import refined_transform
from datalake.refined.tables import TABLES, Table, refined_key
from datalake.resources.engine import EngineResource
from datalake.resources.focus import FocusResource


def build_refined_asset(table: Table) -> dg.AssetsDefinition:
    """Every table is built the same way from its SQL file, so the assets come from one factory."""

    @dg.asset(
        key=refined_key(table.name),
        ins={name: dg.AssetIn(key, dagster_type=LakeTable) for name, key in table.inputs.items()},
        group_name="refined",
        partitions_def=processing_date,
        io_manager_key=LAKE_IO_MANAGER,
        kinds={"duckdb", "parquet"},
        description=table.description,
        metadata={"column_descriptions": table.columns},
        automation_condition=dg.AutomationCondition.eager(),
    )
    def refined_table(
        context: dg.AssetExecutionContext,
        engine: EngineResource,
        focus: FocusResource,
        **inputs: LakeTable,
    ):
        date = context.partition_key
        transform, absent = refined_transform(table.name, date, tuple(focus.genres), inputs)
        if absent:
            context.log.warning(
                f"refined/{table.name}: no {', '.join(f'trusted/{a}' for a in absent)} for "
                f"{date}; their columns are NULL. Materialise the trusted TMDB assets for "
                "this date to fill them."
            )
        with engine.table(transform, context) as result:
            yield dg.Output(
                result,
                metadata={
                    "tmdb_tables_absent": dg.MetadataValue.json(absent),
                    "engine": engine.label,
                },
            )

    return refined_table


refined_table_assets = [build_refined_asset(table) for table in TABLES]
