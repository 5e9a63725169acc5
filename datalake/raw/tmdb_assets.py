"""Raw zone: TMDB's JSON for the CSV titles of the configured genres, as TMDB returned it."""

import dagster as dg

from datalake.io.handover import LAKE_IO_MANAGER, RawFile, RawJsonFiles, TmdbPages
from datalake.partitions import earlier_window, processing_date
from datalake.raw.assets import raw_csv_asset_key
from datalake.raw.tmdb_enrich import Enrichment, EnrichOptions, Summary
from datalake.resources.duck import LakeDuckDB
from datalake.resources.focus import FocusResource
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
        "requests": summary.requests,
        "already_stored": summary.already_stored,
        "skipped_recent": summary.skipped_recent,
        "files": dg.MetadataValue.json(summary.files),
        "dagster/row_count": summary.stored,
    }


def _options(tmdb: TmdbResource, focus: FocusResource) -> EnrichOptions:
    return EnrichOptions(
        genres=tuple(focus.genres),
        limit=tmdb.limit,
        discover=tmdb.discover,
        discover_limit=tmdb.discover_limit,
        workers=tmdb.max_connections,
    )


def build_raw_tmdb_asset(spec: Spec) -> dg.AssetsDefinition:
    """Both specs enrich the same way, so they come from one factory."""
    key = raw_tmdb_asset_key(spec)

    @dg.asset(
        key=key,
        ins={
            "source": dg.AssetIn(raw_csv_asset_key(spec)),
            # Its own earlier partitions: what they hold is not fetched again.
            "earlier": dg.AssetIn(key, partition_mapping=earlier_window),
        },
        group_name="raw",
        partitions_def=processing_date,
        io_manager_key=LAKE_IO_MANAGER,
        kinds={"tmdb", "json", "s3"},
        description=_DESCRIPTIONS[spec],
    )
    def raw_tmdb(
        context: dg.AssetExecutionContext,
        lake: LakeResource,
        duckdb: LakeDuckDB,
        tmdb: TmdbResource,
        focus: FocusResource,
        source: RawFile,
        earlier: RawJsonFiles,
    ) -> dg.Output[TmdbPages]:
        credentials = tmdb.credentials()
        if credentials is None:
            # Downstream still runs, on the TMDB data the lake already holds.
            reason = "no TMDB credentials: set TMDB_API_KEY or TMDB_READ_ACCESS_TOKEN to fetch"
            context.log.warning(f"raw/tmdb/{spec}: nothing fetched ({reason}).")
            return dg.Output(TmdbPages(fetched=False), metadata={"not_fetched": reason})
        with tmdb.client(credentials) as client:
            with duckdb.connect() as con:  # plans the run: the titles, and what is stored
                enrichment = Enrichment(
                    lake.storage(), con, client, spec, context.partition_key, source.uri,
                    list(earlier.uris), _options(tmdb, focus), context.log.info,
                )  # fmt: skip
            summary = enrichment.run()
        metadata = _metadata(summary)
        if summary.failed > tmdb.max_failed_fraction * summary.requests:
            raise dg.Failure(
                description=f"{summary.failed} of {summary.requests} TMDB lookups failed (more "
                f"than {tmdb.max_failed_fraction:.0%}); they are listed in failed-*.json and a "
                "re-run retries only them.",
                metadata=metadata,
            )
        context.log.info(
            f"raw/tmdb/{spec}: {summary.stored} stored, {summary.not_found} not found, "
            f"{summary.failed} failed, from {summary.server}"
        )
        return dg.Output(TmdbPages(files=summary.files), metadata=metadata)

    return raw_tmdb


raw_tmdb_assets = [build_raw_tmdb_asset(spec) for spec in SPECS]
