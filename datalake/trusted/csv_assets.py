"""Trusted zone: the two source CSV files as typed Parquet, with refused rows quarantined."""

from contextlib import ExitStack
from typing import Any

import dagster as dg
import duckdb

from datalake.io.dates import each_date
from datalake.io.handover import LAKE_IO_MANAGER, RawFiles
from datalake.io.manager import LakeIOManager
from datalake.io.tables import lake_table
from datalake.partitions import backfill_in_one_run, processing_date
from datalake.raw.assets import raw_csv_asset_key
from datalake.resources.engine import EngineResource
from datalake.resources.lake import LakeResource
from datalake.shared.preview import preview_features
from datalake.storage.layout import REJECTED_SUFFIX, SPECS, Spec
from datalake.trusted.csv_columns import COLUMNS
from datalake.trusted.csv_source import check_source, unreadable
from datalake.trusted.csv_transform import csv_transform, transform_csv
from datalake.trusted.keys import trusted_key

_DESCRIPTIONS = {
    "movies": "Movies x principal artists from the IMDb-derived export, typed and cleaned.",
    "series": "Series x principal artists from the IMDb-derived export, typed and cleaned.",
}
_ROWS = "SELECT count(*) FROM read_parquet(?)"
# Counted while the step reads the raw file, kept on the table's materialisation: the
# reconciliation gate checks them against what was published instead of re-reading the file.
STEP_COUNTS = ("raw_rows", "duplicate_rows")
_REJECTED = "Rows of the {spec} export refused by Trusted, each with its line number, the line as "
_REJECTED += "read and every reason (Rejected/trusted/{spec}/dt=.../)."


def rejected_key(spec: Spec) -> dg.AssetKey:
    return trusted_key("local", spec + REJECTED_SUFFIX)


def build_trusted_csv_asset(spec: Spec) -> dg.AssetsDefinition:
    """Both files are cleaned the same way, so their assets come from one factory."""
    sources = {c.name: f"from `{c.source}`" for c in COLUMNS[spec]}
    common: dict[str, Any] = {
        "group_name": "trusted",
        "io_manager_key": LAKE_IO_MANAGER,
        "kinds": {"duckdb", "parquet"},
        "automation_condition": dg.AutomationCondition.eager(),
    }

    @dg.multi_asset(
        name=f"trusted_local_{spec}",
        outs={
            "table": dg.AssetOut(
                key=trusted_key("local", spec),
                description=_DESCRIPTIONS[spec],
                metadata={"column_descriptions": sources},
                **common,
            ),
            "rejected": dg.AssetOut(
                key=rejected_key(spec), description=_REJECTED.format(spec=spec), **common
            ),
        },
        ins={"raw": dg.AssetIn(raw_csv_asset_key(spec))},
        partitions_def=processing_date,
        backfill_policy=backfill_in_one_run,
    )
    def trusted_csv(
        context: dg.AssetExecutionContext,
        lake: LakeResource,
        engine: EngineResource,
        lake_io_manager: dg.ResourceParam[LakeIOManager],
        raw: RawFiles,
    ):
        storage = lake.storage()
        files = dict(zip(raw.partitions, raw.files, strict=True))

        def outputs(date: str):
            source = files[date]
            check_source(storage, source.key, spec)
            with ExitStack() as stack:
                try:
                    run = stack.enter_context(engine.run(csv_transform(source.uri, spec)))
                except duckdb.Error as exc:  # the engine reads the file: DuckDB's errors say why
                    raise unreadable(source.uri, exc) from None
                tables = transform_csv(run, source.uri, spec)
                counts: dict[str, Any] = dict(
                    zip(STEP_COUNTS, (tables.data_rows, tables.duplicate_rows), strict=True)
                )
                counts["engine"] = engine.local_label
                yield dg.Output(tables.trusted, output_name="table", metadata=counts)
                # Published by now: its row count tells whether any line was refused.
                trusted = lake_table(storage, trusted_key("local", spec), date)
                with engine.duckdb.connect() as con:
                    (trusted_rows,) = con.execute(_ROWS, [list(trusted.uris)]).fetchall()[0]
                yield dg.Output(tables.rejected(trusted_rows), output_name="rejected")
                context.log.info(
                    f"trusted/local/{spec} {date}: {trusted_rows:,} rows, "
                    f"{tables.duplicate_rows:,} duplicates of {tables.data_rows:,} raw rows; the "
                    "rest quarantined"
                )

        yield from each_date(context, lake_io_manager, outputs)

    return trusted_csv


with preview_features():  # `backfill_policy` is a beta parameter: no warning on every import
    trusted_csv_assets = [build_trusted_csv_asset(spec) for spec in SPECS]
