"""Dashboards: one self-contained HTML page per processing date answering the business questions."""

import dagster as dg

from datalake.dashboards.page import Section
from datalake.dashboards.report import build_report
from datalake.partitions import processing_date
from datalake.refined.inputs import register_refined
from datalake.refined.tables import TABLES, refined_key
from datalake.resources.lake import LakeResource
from datalake.settings import Settings
from datalake.storage.layout import dashboard_key

READS = tuple(table.name for table in TABLES)


def _findings(sections: list[Section]) -> str:
    return "\n".join(
        f"- **{s.title}**: {s.finding}" + (f" _({s.missing})_" if s.missing else "")
        for s in sections
    )


@dg.asset(
    key=["dashboards", "overview"],
    deps=[refined_key(name) for name in READS],
    group_name="dashboards",
    partitions_def=processing_date,
    kinds={"duckdb", "html"},
    automation_condition=dg.AutomationCondition.eager(),
)
def dashboard_overview(
    context: dg.AssetExecutionContext, lake: LakeResource
) -> dg.MaterializeResult:
    """The date's dashboard (Dashboards/dt=.../index.html): budget and popularity, acclaimed people,
    runtime trends, which rating predicts success, franchises and genre popularity, offline."""
    date, storage, key = context.partition_key, lake.storage(), dashboard_key(context.partition_key)
    with lake.duckdb() as con:
        register_refined(con, storage, date, READS)
        # The genres refined/fact_title_metrics flagged, named as configured (DATALAKE_GENRES).
        page, sections = build_report(con, date, Settings.from_env().genres)
    data = page.encode("utf-8")
    storage.write_bytes(key, data)
    context.log.info(f"dashboards/overview: {len(sections)} sections at {storage.uri(key)}")
    return dg.MaterializeResult(
        metadata={
            "uri": dg.MetadataValue.path(storage.uri(key)),
            "size_bytes": len(data),
            "sections_without_data": dg.MetadataValue.json(
                [s.anchor for s in sections if s.missing]
            ),
            "findings": dg.MetadataValue.md(_findings(sections)),
        }
    )
