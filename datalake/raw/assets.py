"""Raw zone: the two source CSV files, copied byte for byte under date-stamped keys."""

import dagster as dg

from datalake.partitions import processing_date
from datalake.raw.ingest import ingest_csv
from datalake.resources.lake import LakeResource
from datalake.storage.layout import SPECS, Spec

_DESCRIPTIONS = {
    "movies": "The IMDb-derived movies export (one row per title x principal artist), as it landed.",
    "series": "The IMDb-derived series export (one row per title x principal artist), as it landed.",
}


def raw_csv_asset_key(spec: Spec) -> dg.AssetKey:
    return dg.AssetKey(["raw", "local", spec])


def build_raw_csv_asset(spec: Spec) -> dg.AssetsDefinition:
    """One asset per source file; both behave the same, so they come from one factory."""

    @dg.asset(
        key=raw_csv_asset_key(spec),
        group_name="raw",
        partitions_def=processing_date,
        kinds={"csv", "s3"},
        description=_DESCRIPTIONS[spec],
    )
    def raw_csv(context: dg.AssetExecutionContext, lake: LakeResource) -> dg.MaterializeResult:
        result = ingest_csv(lake.landing(), lake.storage(), spec, context.partition_key)
        context.log.info(f"Stored {result.size:,} bytes ({result.data_rows:,} rows) at {result.uri}")
        return dg.MaterializeResult(
            metadata={
                "uri": dg.MetadataValue.path(result.uri),
                "size_bytes": result.size,
                "sha256": result.sha256,
                "dagster/row_count": result.data_rows,
                "header": "|".join(result.header),
            },
            # The checksum is the data version: an identical re-landing marks nothing stale.
            data_version=dg.DataVersion(result.sha256),
        )

    return raw_csv


raw_csv_assets = [build_raw_csv_asset(spec) for spec in SPECS]
