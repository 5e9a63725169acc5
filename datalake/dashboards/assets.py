"""Dashboards: one self-contained, interactive HTML page per processing date."""

import dagster as dg

from datalake.dashboards.data import page_data
from datalake.dashboards.page import render
from datalake.dashboards.provenance import provenance, raw_rows
from datalake.io.handover import LAKE_IO_MANAGER, LakeTable
from datalake.io.tables import create_view, scratch
from datalake.partitions import processing_date
from datalake.refined.tables import TABLES, refined_key
from datalake.resources.duck import LakeDuckDB
from datalake.resources.focus import FocusResource
from datalake.trusted.csv_assets import rejected_key
from datalake.trusted.keys import trusted_key

# Read only to say where the figures come from (row counts, TMDB fetch dates).
_TRUSTED = {
    "trusted_movies": trusted_key("local", "movies"),
    "trusted_series": trusted_key("local", "series"),
    "rejected_movies": rejected_key("movies"),
    "rejected_series": rejected_key("series"),
    "tmdb_movies": trusted_key("tmdb", "movies"),
    "tmdb_series": trusted_key("tmdb", "series"),
}
_REFINED = {t.name: refined_key(t.name) for t in TABLES}


@dg.asset(
    key=["dashboards", "overview"],
    ins={
        name: dg.AssetIn(key, dagster_type=LakeTable) for name, key in (_REFINED | _TRUSTED).items()
    },
    group_name="dashboards",
    partitions_def=processing_date,
    io_manager_key=LAKE_IO_MANAGER,
    kinds={"duckdb", "html"},
    automation_condition=dg.AutomationCondition.eager(),
)
def dashboard_overview(
    context: dg.AssetExecutionContext,
    duckdb: LakeDuckDB,
    focus: FocusResource,
    **tables: LakeTable,
) -> dg.Output[str]:
    """The date's dashboard (Dashboards/dt=.../index.html), offline and interactive: filters,
    headline figures, decade-to-year drill-down, budget and popularity, acclaimed people, runtime
    trends, which rating predicts success, franchises and genre popularity."""
    refined = {name: tables[name] for name in _REFINED}
    trusted = {name: tables[name] for name in _TRUSTED}
    with scratch("datalake-dashboard-") as spill, duckdb.connect(str(spill)) as con:
        for name, table in refined.items():
            create_view(con, name, table)
        data = page_data(con, tuple(focus.genres))
        data["provenance"] = provenance(
            con,
            context.partition_key,
            raw_rows(context.instance, context.partition_key),
            {"trusted": trusted, "refined": refined},
            [trusted["tmdb_movies"], trusted["tmdb_series"]],
        )
    page = render(data)
    embedded = {name: len(data[name]["rows"]) for name in ("cells", "titles", "tmdb", "credits")}
    context.log.info(f"dashboards/overview: {len(page):,} bytes, embedded rows {embedded}")
    return dg.Output(
        page,
        metadata={
            "page_bytes": len(page.encode("utf-8")),
            "embedded_rows": dg.MetadataValue.json(embedded),
        },
    )
