"""The Refined catalog: a DuckDB file of views over one date's star schema, for any SQL client."""

from typing import Any

import dagster as dg
import duckdb

from datalake.io.handover import LAKE_IO_MANAGER, LakeTable, LocalFile
from datalake.io.tables import scratch
from datalake.partitions import processing_date
from datalake.refined.tables import TABLES, refined_key
from datalake.resources.lake import LakeResource
from datalake.shared.metadata import markdown_preview
from datalake.shared.sql import sql_literal

_LISTING = """
SELECT view_name, comment
FROM duckdb_views()
WHERE NOT internal AND schema_name = 'main'
ORDER BY view_name
"""


def write_catalog(con: duckdb.DuckDBPyConnection, date: str, tables: dict[str, LakeTable]) -> None:
    """One view per table over the date's Parquet; views are bound now, so a missing table fails."""
    for table in TABLES:
        # A view's definition is stored as text: the URI can only be a (quoted) literal here.
        uris = ", ".join(sql_literal(uri) for uri in tables[table.name].uris)
        con.execute(
            f"CREATE OR REPLACE VIEW {table.name} AS "
            f"SELECT * FROM read_parquet([{uris}], hive_partitioning = false)"
        )
        note = sql_literal(f"dt={date}: {table.description}")
        con.execute(f"COMMENT ON VIEW {table.name} IS {note}")


@dg.asset(
    key=refined_key("catalog"),
    ins={t.name: dg.AssetIn(refined_key(t.name), dagster_type=LakeTable) for t in TABLES},
    group_name="refined",
    partitions_def=processing_date,
    io_manager_key=LAKE_IO_MANAGER,
    kinds={"duckdb"},
    pool="duckdb_catalog",  # one writer of catalog.duckdb across concurrent runs
    automation_condition=dg.AutomationCondition.eager(),
)
def refined_catalog(context: dg.AssetExecutionContext, lake: LakeResource, **tables: LakeTable):
    """Refined/catalog.duckdb: one view per star-schema table over the Parquet of the date
    materialised last; open it with any DuckDB client and query the tables by name."""
    with scratch("datalake-catalog-") as folder:
        path = folder / "catalog.duckdb"
        with duckdb.connect(str(path)) as con:
            lake.storage().configure_duckdb(con)  # to bind views over s3:// URIs
            write_catalog(con, context.partition_key, tables)
            listing = con.sql(_LISTING)
            metadata: dict[str, Any] = {
                "dagster/row_count": len(listing.fetchall()),
                "preview": dg.MetadataValue.md(markdown_preview(listing)),
            }
        yield dg.Output(LocalFile(path), metadata=metadata)
