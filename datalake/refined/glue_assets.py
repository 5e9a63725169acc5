"""The Glue Data Catalog asset: the Refined and Trusted tables registered for Athena (off unless
DATALAKE_GLUE_DATABASE names a database)."""

import dagster as dg

from datalake.errors import DatalakeError
from datalake.io.handover import LAKE_IO_MANAGER, LakeTable
from datalake.partitions import processing_date
from datalake.refined.glue import GlueTable, register
from datalake.refined.published import PUBLISHED
from datalake.refined.tables import refined_key
from datalake.resources.duck import LakeDuckDB
from datalake.resources.glue import GlueResource
from datalake.resources.lake import LakeResource
from datalake.storage.layout import asset_location

GLUE_CATALOG = refined_key("glue_catalog")


def _folder(key: dg.AssetKey, date: str) -> str:
    """The folder holding every date of a table (`Refined/dim_title/`)."""
    prefix = asset_location(key.path, date)
    return prefix.removesuffix(f"dt={date}/")


@dg.asset(
    key=GLUE_CATALOG,
    ins={name: dg.AssetIn(key, dagster_type=LakeTable) for name, (_, key, _) in PUBLISHED.items()},
    group_name="refined",
    partitions_def=processing_date,
    io_manager_key=LAKE_IO_MANAGER,  # stores nothing: a MaterializeResult has no output
    kinds={"glue", "duckdb", "parquet"},
    output_required=False,  # nothing to record while registration is off
    automation_condition=dg.AutomationCondition.eager(),
)
def glue_catalog(
    context: dg.AssetExecutionContext,
    lake: LakeResource,
    duckdb: LakeDuckDB,
    glue: GlueResource,
    **tables: LakeTable,
):
    """The Refined and Trusted tables in the Glue Data Catalog (DATALAKE_GLUE_DATABASE): one
    external Parquet table each (`refined_dim_title`, `trusted_local_movies`...), partitioned by
    dt, with this date's partition. Skipped while DATALAKE_GLUE_DATABASE is unset."""
    if not glue.enabled:
        context.log.info("refined/glue_catalog: off (set DATALAKE_GLUE_DATABASE to register).")
        return
    date, storage = context.partition_key, lake.storage()
    if not storage.uri("").startswith("s3://"):
        raise DatalakeError(
            f"DATALAKE_GLUE_DATABASE={glue.database} registers S3 tables, but the lake is at "
            f"{storage.uri('')}: set DATALAKE_STORAGE to s3://... or unset DATALAKE_GLUE_DATABASE."
        )
    found = []
    with duckdb.connect() as con:
        for name, (published, key, description) in PUBLISHED.items():
            if tables[name].exists:
                relation = con.read_parquet(list(tables[name].uris), hive_partitioning=False)
                schema = relation.limit(0).to_arrow_table().schema
                location = storage.uri(_folder(key, date))
                found.append(GlueTable(published.replace(".", "_"), location, schema, description))
    done = register(glue.client(), glue.database, found, date)
    yield dg.MaterializeResult(
        metadata={
            "database": glue.database,
            "dagster/row_count": len(found),
            "tables": dg.MetadataValue.json(done),
        }
    )
