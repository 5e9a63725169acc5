"""Dashboards: one self-contained HTML page per processing date answering the business questions."""

import dagster as dg

from datalake.dashboards.page import Section
from datalake.dashboards.report import build_report
from datalake.io.handover import LAKE_IO_MANAGER, LakeTable
from datalake.io.tables import create_view, scratch
from datalake.partitions import processing_date
from datalake.refined.tables import TABLES, refined_key
from datalake.resources.duck import LakeDuckDB
from datalake.resources.focus import FocusResource


def _findings(sections: list[Section]) -> str:
    return "\n".join(
        f"- **{s.title}**: {s.finding}" + (f" _({s.missing})_" if s.missing else "")
        for s in sections
    )


@dg.asset(
    key=["dashboards", "overview"],
    ins={t.name: dg.AssetIn(refined_key(t.name), dagster_type=LakeTable) for t in TABLES},
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
    """The date's dashboard (Dashboards/dt=.../index.html): budget and popularity, acclaimed people,
    runtime trends, which rating predicts success, franchises and genre popularity, offline."""
    with scratch("datalake-dashboard-") as spill, duckdb.connect(str(spill)) as con:
        for name, table in tables.items():
            create_view(con, name, table)
        # The genres refined/fact_title_metrics flagged, named as configured (DATALAKE_GENRES).
        page, sections = build_report(con, context.partition_key, tuple(focus.genres))
    context.log.info(f"dashboards/overview: {len(sections)} sections")
    return dg.Output(
        page,
        metadata={
            "sections_without_data": dg.MetadataValue.json(
                [s.anchor for s in sections if s.missing]
            ),
            "findings": dg.MetadataValue.md(_findings(sections)),
        },
    )
