"""The Refined catalog asset: Refined/catalog.duckdb, views for any DuckDB client (`datalake
query`, the duckdb Python package) over the star schema, the Trusted tables and the questions.

It is one file, so it is one unpartitioned asset: its views point at the newest date for which
every star-schema table has a snapshot, whichever date ran last (re-running an old date does not
point the catalog back at it); `<table>_history` views read every date.
"""

from typing import Any

import dagster as dg
import duckdb

from datalake.errors import DatalakeError
from datalake.io.handover import LAKE_IO_MANAGER, LocalFile
from datalake.io.tables import lake_table, scratch
from datalake.refined.catalog_views import set_root, write_catalog
from datalake.refined.published import PUBLISHED
from datalake.refined.tables import TABLES, refined_key
from datalake.resources.lake import LakeResource
from datalake.shared.metadata import markdown_preview
from datalake.storage import Storage
from datalake.storage.layout import asset_location, refined_table_root, snapshot_dates

_LISTING = """
SELECT schema_name || '.' || view_name AS view, comment
FROM duckdb_views()
WHERE NOT internal AND NOT view_name LIKE '%\\_history' ESCAPE '\\'
ORDER BY schema_name, view_name
"""


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
    deps=[key for _, key, _ in PUBLISHED.values()],
    group_name="refined",
    io_manager_key=LAKE_IO_MANAGER,
    kinds={"duckdb"},
    pool="duckdb_catalog",  # one writer of catalog.duckdb across concurrent runs
    automation_condition=dg.AutomationCondition.eager(),
)
def refined_catalog(context: dg.AssetExecutionContext, lake: LakeResource):
    """Refined/catalog.duckdb: schemas `refined` (star schema), `trusted` and `analysis` (one
    view per business question) over the newest date built, plus `<table>_history` views over
    every date. Query it with `datalake query "SQL"`."""
    storage = lake.storage()
    date = newest_complete_date(storage)
    views = {
        view: (asset_location(key.path, date), lake_table(storage, key, date), description)
        for view, key, description in PUBLISHED.values()
    }
    with scratch("datalake-catalog-") as folder:
        path = folder / "catalog.duckdb"
        with duckdb.connect(str(path)) as con:
            storage.configure_duckdb(con)  # to bind views over s3:// URIs
            set_root(con, storage.uri(""))
            skipped = write_catalog(con, date, views)
            listing = con.sql(_LISTING)
            metadata: dict[str, Any] = {
                "date": date,
                "dagster/row_count": len(listing.fetchall()),
                "preview": dg.MetadataValue.md(markdown_preview(listing)),
                "views_absent": dg.MetadataValue.json(skipped),
            }
        if skipped:
            context.log.warning(f"refined/catalog: no Parquet for {date} behind {skipped}.")
        yield dg.Output(LocalFile(path), metadata=metadata)
