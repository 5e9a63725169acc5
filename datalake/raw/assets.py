"""Raw zone: the two source CSV files, copied byte for byte under date-stamped keys."""

import dagster as dg

from datalake.io.dates import each_date
from datalake.io.handover import LAKE_IO_MANAGER
from datalake.io.manager import LakeIOManager
from datalake.partitions import backfill_in_one_run, processing_date
from datalake.raw.landing import check_landed
from datalake.resources.lake import LakeResource
from datalake.shared.preview import preview_features
from datalake.shared.source_format import DELIMITER, HEADERS
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
        backfill_policy=backfill_in_one_run,
        io_manager_key=LAKE_IO_MANAGER,
        kinds={"csv", "s3"},
        description=_DESCRIPTIONS[spec],
    )
    def raw_csv(
        context: dg.AssetExecutionContext,
        lake: LakeResource,
        lake_io_manager: dg.ResourceParam[LakeIOManager],
    ):
        landed = check_landed(lake.landing(), spec)  # once: every date of the run gets this file

        def outputs(_date: str):
            with preview_features():
                yield dg.Output(
                    landed,
                    metadata={"header": DELIMITER.join(HEADERS[spec])},
                    # The checksum is the data version: an identical re-landing marks nothing stale.
                    data_version=dg.DataVersion(landed.sha256),
                )

        yield from each_date(context, lake_io_manager, outputs)

    return raw_csv


with preview_features():  # `backfill_policy` is a beta parameter: no warning on every import
    raw_csv_assets = [build_raw_csv_asset(spec) for spec in SPECS]
