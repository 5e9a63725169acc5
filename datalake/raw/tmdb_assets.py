"""Raw zone: TMDB's JSON for the CSV titles of the configured genres, as TMDB returned it."""

import dagster as dg

from datalake.partitions import processing_date
from datalake.raw.assets import raw_csv_asset_key
from datalake.raw.tmdb_enrich import Enrichment, EnrichOptions, Summary
from datalake.resources.lake import LakeResource
from datalake.resources.tmdb import TmdbResource
from datalake.storage.layout import SPECS, Spec

_DESCRIPTIONS = {
    "movies": "TMDB details (budget, revenue, ratings, credits, keywords) and franchises of the "
    "movies of the configured genres, as raw JSON.",
    "series": "TMDB details (seasons, episodes, creators, ratings, credits, keywords) of the "
    "series of the configured genres, as raw JSON.",
}


def raw_tmdb_asset_key(spec: Spec) -> dg.AssetKey:
    return dg.AssetKey(["raw", "tmdb", spec])


def _metadata(summary: Summary) -> dict:
    return {
        "server": summary.server,
        "planned": summary.planned,
        "stored": summary.stored,
        "collections": summary.collections,
        "not_found": summary.not_found,
        "failed": summary.failed,
        "already_stored": summary.already_stored,
        "skipped_recent": summary.skipped_recent,
        "files_written": dg.MetadataValue.json(summary.files),
        "dagster/row_count": summary.stored,
    }


def _options(tmdb: TmdbResource) -> EnrichOptions:
    return EnrichOptions(
        genres=tuple(tmdb.genres),
        limit=tmdb.limit,
        refetch_after_days=tmdb.refetch_after_days,
        discover=tmdb.discover,
        discover_limit=tmdb.discover_limit,
        workers=tmdb.max_connections,
    )


def build_raw_tmdb_asset(spec: Spec) -> dg.AssetsDefinition:
    """Both specs enrich the same way, so they come from one factory."""

    @dg.asset(
        key=raw_tmdb_asset_key(spec),
        deps=[raw_csv_asset_key(spec)],
        group_name="raw",
        partitions_def=processing_date,
        kinds={"tmdb", "json", "s3"},
        description=_DESCRIPTIONS[spec],
        output_required=False,  # without credentials nothing is materialised
    )
    def raw_tmdb(context: dg.AssetExecutionContext, lake: LakeResource, tmdb: TmdbResource):
        credentials = tmdb.credentials()
        if credentials is None:
            context.log.warning(
                f"raw/tmdb/{spec} not materialised: no TMDB credentials; set TMDB_API_KEY or "
                "TMDB_READ_ACCESS_TOKEN to enrich from TMDB."
            )
            return
        with tmdb.client(credentials) as client:
            enrichment = Enrichment(
                lake, client, spec, context.partition_key, _options(tmdb), context.log.info
            )
            summary = enrichment.run()
        metadata = _metadata(summary)
        if summary.failed > tmdb.max_failed_fraction * summary.planned:
            raise dg.Failure(
                description=f"{summary.failed} of {summary.planned} TMDB requests failed (more "
                f"than {tmdb.max_failed_fraction:.0%}); they are listed in failed-*.json and a "
                "re-run retries only them.",
                metadata=metadata,
            )
        context.log.info(
            f"raw/tmdb/{spec}: {summary.stored} stored, {summary.not_found} not found, "
            f"{summary.failed} failed, from {summary.server}"
        )
        yield dg.MaterializeResult(metadata=metadata)

    return raw_tmdb


raw_tmdb_assets = [build_raw_tmdb_asset(spec) for spec in SPECS]
