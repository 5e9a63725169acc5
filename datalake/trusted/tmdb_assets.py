"""Trusted zone: TMDB's answers as one typed row per title, plus the tables the star model joins."""

import dagster as dg

from datalake.partitions import processing_date
from datalake.raw.tmdb_assets import raw_tmdb_asset_key
from datalake.raw.tmdb_records import COLLECTIONS, DETAILS
from datalake.resources.lake import LakeResource
from datalake.resources.tmdb import TmdbResource
from datalake.storage.layout import SPECS, Spec, trusted_prefix
from datalake.trusted.keys import trusted_key
from datalake.trusted.metadata import table_metadata
from datalake.trusted.staging import staging
from datalake.trusted.tmdb_transform import TABLE_SQL, raw_files, transform_tmdb

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
    specs = [
        dg.AssetSpec(
            trusted_key("tmdb", table),
            deps=[raw_tmdb_asset_key(spec)],
            group_name="trusted",
            kinds={"duckdb", "parquet"},
            description=_DESCRIPTIONS[table],
            automation_condition=dg.AutomationCondition.eager(),
        )
        for table in TABLE_SQL[spec]
    ]

    @dg.multi_asset(name=f"trusted_tmdb_{spec}", specs=specs, partitions_def=processing_date)
    def trusted_tmdb(context: dg.AssetExecutionContext, lake: LakeResource, tmdb: TmdbResource):
        date, days, storage = context.partition_key, tmdb.refetch_after_days, lake.storage()
        details = raw_files(storage, spec, date, days, DETAILS)
        collections = raw_files(storage, spec, date, days, COLLECTIONS) if spec == "movies" else []
        if not details:
            context.log.warning(
                f"No raw TMDB {spec} for {date} or the {days} days before (raw/tmdb/{spec} needs "
                f"TMDB credentials): trusted/tmdb/{spec} tables are published empty."
            )
        with lake.duckdb() as con, staging(con) as staged:
            counts = transform_tmdb(con, spec, details, collections, staged)
            metadata = {}
            for table in TABLE_SQL[spec]:
                prefix = trusted_prefix("tmdb", table, date)
                metadata[table] = table_metadata(con, staged.file(table), storage.uri(prefix))
                staged.publish(storage, table, prefix)
        metadata[spec] |= {
            "raw_files": len(details),
            "raw_records": counts.records,
            "superseded_records": counts.superseded(spec),
        }
        for table, values in metadata.items():
            yield dg.MaterializeResult(asset_key=trusted_key("tmdb", table), metadata=values)

    return trusted_tmdb


trusted_tmdb_assets = [build_trusted_tmdb_asset(spec) for spec in SPECS]
