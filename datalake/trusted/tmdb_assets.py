"""Trusted zone: TMDB's answers as one typed row per title, plus the tables the star model joins."""

from typing import Any

import dagster as dg

from datalake.io.dates import each_date
from datalake.io.handover import LAKE_IO_MANAGER, RawJsonFiles
from datalake.io.manager import LakeIOManager
from datalake.io.tables import raw_json
from datalake.partitions import (
    REFETCH_WINDOW_DAYS,
    backfill_in_one_run,
    mapped_dates,
    processing_date,
    window_to_date,
)
from datalake.raw.tmdb_assets import raw_tmdb_asset_key
from datalake.raw.tmdb_records import COLLECTIONS, DETAILS
from datalake.resources.engine import EngineResource
from datalake.resources.lake import LakeResource
from datalake.shared.preview import preview_features
from datalake.storage.layout import SPECS, Spec
from datalake.trusted.keys import trusted_key
from datalake.trusted.tmdb_transform import TABLE_SQL, tmdb_transform, transform_tmdb

_DESCRIPTIONS = {
    "movies": "TMDB movies, one typed row per title (its newest fetch): budget, revenue, "
    "ratings, collection, genres, keywords, countries and languages.",
    "movies_credits": "Cast and crew of the TMDB movies, one row per credit.",
    "movies_genres": "TMDB genres of each movie, one row per movie and genre.",
    "movies_keywords": "TMDB keywords of each movie, one row per movie and keyword.",
    "movies_collections": "Franchises (TMDB collections) and their movies in release order.",
    "series": "TMDB series, one typed row per title (its newest fetch): seasons, episodes, "
    "episode runtime, air dates, creators, ratings, genres and keywords.",
    "series_credits": "Cast, crew and creators of the TMDB series, one row per credit.",
    "series_genres": "TMDB genres of each series, one row per series and genre.",
    "series_keywords": "TMDB keywords of each series, one row per series and keyword.",
}


def build_trusted_tmdb_asset(spec: Spec) -> dg.AssetsDefinition:
    """All tables of a spec come from one read of its raw JSON, so they are one multi-asset."""
    outs = {
        table: dg.AssetOut(
            key=trusted_key("tmdb", table),
            group_name="trusted",
            io_manager_key=LAKE_IO_MANAGER,
            kinds={"duckdb", "parquet"},
            description=_DESCRIPTIONS[table],
            automation_condition=dg.AutomationCondition.eager(),
        )
        for table in TABLE_SQL[spec]
    }

    @dg.multi_asset(
        name=f"trusted_tmdb_{spec}",
        outs=outs,
        ins={"raw": dg.AssetIn(raw_tmdb_asset_key(spec), partition_mapping=window_to_date)},
        partitions_def=processing_date,
        # The same policy as raw TMDB's: a backfill of both runs them together, in one run.
        backfill_policy=backfill_in_one_run,
    )
    def trusted_tmdb(
        context: dg.AssetExecutionContext,
        lake: LakeResource,
        engine: EngineResource,
        lake_io_manager: dg.ResourceParam[LakeIOManager],
        raw: RawJsonFiles,
    ):
        """`raw` holds the windows of every date of the run: each date reads its own."""
        storage = lake.storage()

        def outputs(date: str):
            window = raw
            if not context.has_partition_key:  # a range: the part of `raw` this date reads
                dates = mapped_dates(window_to_date, date)
                window = raw_json(storage, raw_tmdb_asset_key(spec), dates)
            details = window.named(DETAILS)
            collections = window.named(COLLECTIONS) if spec == "movies" else []
            if not details:
                context.log.warning(
                    f"No raw TMDB {spec} for {date} or the {REFETCH_WINDOW_DAYS} days before "
                    f"(raw/tmdb/{spec} needs TMDB credentials): trusted/tmdb/{spec} tables are "
                    "published empty."
                )
            with engine.run(tmdb_transform(spec, details, collections)) as run:
                tables, counts = transform_tmdb(run, spec)
                read: dict[str, Any] = {
                    "raw_files": len(details),
                    "raw_records": counts.records,
                    "superseded_records": counts.records - counts.titles,
                    "engine": engine.local_label,
                }
                for table, relation in tables.items():
                    metadata = read if table == spec else {}
                    yield dg.Output(relation, output_name=table, metadata=metadata)

        yield from each_date(context, lake_io_manager, outputs)

    return trusted_tmdb


with preview_features():  # `backfill_policy` is a beta parameter: no warning on every import
    trusted_tmdb_assets = [build_trusted_tmdb_asset(spec) for spec in SPECS]
