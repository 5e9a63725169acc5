"""Raw zone: the two source CSV files, copied byte for byte under date-stamped keys."""

import dagster as dg

from datalake.io.dates import each_date
from datalake.io.handover import LAKE_IO_MANAGER, Copied, LandedFile
from datalake.io.manager import LakeIOManager
from datalake.partitions import backfill_in_one_run, processing_date
from datalake.raw.landing import ingest_landed
from datalake.resources.lake import LakeResource
from datalake.shared.preview import preview_features
from datalake.shared.source_format import DELIMITER, HEADERS
from datalake.storage.layout import SPECS, Spec, asset_location

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
        checked: list[LandedFile] = []  # the landing file as the run's one pass found it

        def outputs(date: str):
            # One pass over the landing file checks, hashes and copies it to the first date's
            # key; later dates of a range get a copy the IO manager verifies against that hash.
            stored: Copied | LandedFile
            if checked:
                stored = checked[0]
            else:
                key = asset_location(raw_csv_asset_key(spec).path, date)
                lake_storage = lake_io_manager.lake.storage()
                stored, landed = ingest_landed(lake.landing(), spec, lake_storage, key)
                checked.append(landed)
            with preview_features():
                yield dg.Output(
                    stored,
                    metadata={"header": DELIMITER.join(HEADERS[spec])},
                    # The checksum is the data version: an identical re-landing marks nothing stale.
                    data_version=dg.DataVersion(checked[0].sha256),
                )

        yield from each_date(context, lake_io_manager, outputs)

    return raw_csv


with preview_features():  # `backfill_policy` is a beta parameter: no warning on every import
    raw_csv_assets = [build_raw_csv_asset(spec) for spec in SPECS]
