"""The Refined catalog: a DuckDB file of views over one date's star schema, for any SQL client."""

import tempfile
from pathlib import Path

import dagster as dg
import duckdb

from datalake.partitions import processing_date
from datalake.refined.tables import TABLES, refined_key
from datalake.resources.lake import LakeResource
from datalake.storage import Storage
from datalake.storage.layout import refined_catalog_key, refined_prefix
from datalake.trusted.metadata import markdown_preview
from datalake.trusted.queries import sql_literal

_LISTING = """
SELECT view_name, comment
FROM duckdb_views()
WHERE NOT internal AND schema_name = 'main'
ORDER BY view_name
"""


def write_catalog(con: duckdb.DuckDBPyConnection, storage: Storage, date: str) -> None:
    """One view per table over the date's Parquet; views are bound now, so a missing table fails."""
    for table in TABLES:
        # A view's definition is stored as text: the URI can only be a (quoted) literal here.
        uri = sql_literal(storage.uri(refined_prefix(table.name, date) + "*.parquet"))
        con.execute(
            f"CREATE OR REPLACE VIEW {table.name} AS "
            f"SELECT * FROM read_parquet({uri}, hive_partitioning = false)"
        )
        note = sql_literal(f"dt={date}: {table.description}")
        con.execute(f"COMMENT ON VIEW {table.name} IS {note}")


@dg.asset(
    key=refined_key("catalog"),
    deps=[refined_key(table.name) for table in TABLES],
    group_name="refined",
    partitions_def=processing_date,
    kinds={"duckdb"},
    automation_condition=dg.AutomationCondition.eager(),
)
def refined_catalog(context: dg.AssetExecutionContext, lake: LakeResource) -> dg.MaterializeResult:
    """Refined/catalog.duckdb: one view per star-schema table over the Parquet of the date
    materialised last; open it with any DuckDB client and query the tables by name."""
    date, storage = context.partition_key, lake.storage()
    with tempfile.TemporaryDirectory(prefix="datalake-catalog-") as tmp:
        path = Path(tmp) / "catalog.duckdb"
        with duckdb.connect(str(path)) as con:
            storage.configure_duckdb(con)  # to bind views over s3:// URIs
            write_catalog(con, storage, date)
            listing = con.sql(_LISTING)
            metadata = {
                "dagster/row_count": len(listing.fetchall()),
                "preview": dg.MetadataValue.md(markdown_preview(listing)),
            }
        with path.open("rb") as source:
            storage.upload(source, refined_catalog_key())
    uri = storage.uri(refined_catalog_key())
    context.log.info(f"refined/catalog: views over dt={date} in {uri}")
    return dg.MaterializeResult(metadata={**metadata, "uri": dg.MetadataValue.path(uri)})
