"""The Refined catalog: a DuckDB file of views over the newest star schema, for any SQL client.

It is one file, so it is one unpartitioned asset: its views point at the newest date for which
every star-schema table has a snapshot, whichever date ran last (re-running an old date does not
point the catalog back at it).
"""

from typing import Any

import dagster as dg
import duckdb

from datalake.errors import DatalakeError
from datalake.io.handover import LAKE_IO_MANAGER, LakeTable, LocalFile
from datalake.io.tables import lake_table, scratch
from datalake.refined.tables import TABLES, refined_key
from datalake.resources.lake import LakeResource
from datalake.shared.metadata import markdown_preview
from datalake.shared.sql import sql_literal
from datalake.storage import Storage
from datalake.storage.layout import refined_table_root, snapshot_dates

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


def newest_complete_date(storage: Storage) -> str:
    """The newest date every star-schema table has a snapshot of."""
    common: set[str] | None = None
    for table in TABLES:
        keys = list(storage.iter_keys(refined_table_root(table.name), ".parquet"))
        dates = snapshot_dates(keys)
        common = dates if common is None else common & dates
    if not common:
        raise DatalakeError(
            "The Refined zone holds no date with every star-schema table: materialise the "
            "refined group for a date first."
        )
    return max(common)


@dg.asset(
    key=refined_key("catalog"),
    deps=[refined_key(t.name) for t in TABLES],
    group_name="refined",
    io_manager_key=LAKE_IO_MANAGER,
    kinds={"duckdb"},
    pool="duckdb_catalog",  # one writer of catalog.duckdb across concurrent runs
    automation_condition=dg.AutomationCondition.eager(),
)
def refined_catalog(lake: LakeResource):
    """Refined/catalog.duckdb: one view per star-schema table over the newest date built; open
    it with any DuckDB client and query the tables by name."""
    storage = lake.storage()
    date = newest_complete_date(storage)
    tables = {t.name: lake_table(storage, refined_key(t.name), date) for t in TABLES}
    with scratch("datalake-catalog-") as folder:
        path = folder / "catalog.duckdb"
        with duckdb.connect(str(path)) as con:
            storage.configure_duckdb(con)  # to bind views over s3:// URIs
            write_catalog(con, date, tables)
            listing = con.sql(_LISTING)
            metadata: dict[str, Any] = {
                "date": date,
                "dagster/row_count": len(listing.fetchall()),
                "preview": dg.MetadataValue.md(markdown_preview(listing)),
            }
        yield dg.Output(LocalFile(path), metadata=metadata)
