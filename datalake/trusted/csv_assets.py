"""Trusted zone: the two source CSV files as typed Parquet, with refused rows quarantined."""

import dagster as dg

from datalake.partitions import processing_date
from datalake.raw.assets import raw_csv_asset_key
from datalake.resources.lake import LakeResource
from datalake.storage.layout import SPECS, Spec, raw_csv_key, rejected_prefix, trusted_prefix
from datalake.trusted.csv_columns import COLUMNS
from datalake.trusted.csv_source import check_source
from datalake.trusted.csv_transform import CsvCounts, transform_csv
from datalake.trusted.keys import trusted_key
from datalake.trusted.metadata import table_metadata
from datalake.trusted.staging import staging

_DESCRIPTIONS = {
    "movies": "Movies x principal artists from the IMDb-derived export, typed and cleaned; "
    "refused rows wait in quarantine with their line number and reason.",
    "series": "Series x principal artists from the IMDb-derived export, typed and cleaned; "
    "refused rows wait in quarantine with their line number and reason.",
}


def _counts_metadata(counts: CsvCounts) -> dict:
    return {
        "raw_rows": counts.data_rows,
        "rejected_rows": counts.rejected_rows,
        "duplicate_rows": counts.duplicate_rows,
        "reconciled": counts.reconciled,
    }


def build_trusted_csv_asset(spec: Spec) -> dg.AssetsDefinition:
    """Both files are cleaned the same way, so their assets come from one factory."""
    sources = {c.name: f"from `{c.source}`" for c in COLUMNS[spec]}

    @dg.asset(
        key=trusted_key("local", spec),
        deps=[raw_csv_asset_key(spec)],
        group_name="trusted",
        partitions_def=processing_date,
        kinds={"duckdb", "parquet"},
        description=_DESCRIPTIONS[spec],
        automation_condition=dg.AutomationCondition.eager(),
    )
    def trusted_csv(context: dg.AssetExecutionContext, lake: LakeResource) -> dg.MaterializeResult:
        date = context.partition_key
        storage = lake.storage()
        raw = raw_csv_key(spec, date)
        prefixes = {
            "trusted": trusted_prefix("local", spec, date),
            "rejected": rejected_prefix("trusted", spec, date),
        }
        check_source(storage, raw, spec)
        with lake.duckdb() as con, staging(con) as staged:
            trusted, rejected = staged.file("trusted"), staged.file("rejected")
            counts = transform_csv(con, storage.uri(raw), spec, trusted, rejected)
            metadata = table_metadata(con, trusted, storage.uri(prefixes["trusted"]), sources)
            rejects = table_metadata(con, rejected, storage.uri(prefixes["rejected"]))
            for table, prefix in prefixes.items():
                staged.publish(storage, table, prefix)
        context.log.info(
            f"trusted/local/{spec}: {counts.trusted_rows:,} rows, {counts.rejected_rows:,} "
            f"rejected, {counts.duplicate_rows:,} duplicates of {counts.data_rows:,} raw rows"
        )
        return dg.MaterializeResult(
            metadata={
                **metadata,
                **_counts_metadata(counts),
                "rejected_uri": rejects["uri"],
                "rejected_preview": rejects["preview"],
            }
        )

    return trusted_csv


trusted_csv_assets = [build_trusted_csv_asset(spec) for spec in SPECS]
