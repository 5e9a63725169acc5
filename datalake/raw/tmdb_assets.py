"""Raw zone: TMDB's JSON for the CSV titles of the configured genres, as TMDB returned it."""

import dagster as dg

from datalake.io.handover import LAKE_IO_MANAGER, RawFiles, RawJsonFiles, TmdbPages
from datalake.io.tables import raw_json
from datalake.partitions import earlier_window, mapped_dates, processing_date
from datalake.raw.assets import raw_csv_asset_key
from datalake.raw.tmdb_enrich import Enrichment, EnrichOptions, Summary
from datalake.resources.duck import LakeDuckDB
from datalake.resources.focus import FocusResource
from datalake.resources.lake import LakeResource
from datalake.resources.tmdb import TmdbResource
from datalake.shared.preview import preview_features
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


def _check_failures(summary: Summary, tmdb: TmdbResource, metadata: dict, date: str) -> None:
    if summary.failed > tmdb.max_failed_fraction * summary.requests:
        raise dg.Failure(
            description=f"{date}: {summary.failed} of {summary.requests} TMDB lookups failed "
            f"(more than {tmdb.max_failed_fraction:.0%}); they are listed in failed-*.json and "
            "a re-run retries only them.",
            metadata=metadata,
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
        # A backfill runs every date in one run, in date order: each date reads the ones before
        # it, so one run per date would wait a daemon tick (~30 s) for the previous one.
        backfill_policy=dg.BackfillPolicy.single_run(),
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
        source: RawFiles,
        earlier: RawJsonFiles,
    ) -> dg.Output[TmdbPages]:
        """`earlier` is declared for lineage; each date re-lists its window once the dates
        before it in this run are stored."""
        credentials = tmdb.credentials()
        if credentials is None:
            # Downstream still runs, on the TMDB data the lake already holds.
            reason = "no TMDB credentials: set TMDB_API_KEY or TMDB_READ_ACCESS_TOKEN to fetch"
            context.log.warning(f"raw/tmdb/{spec}: nothing fetched ({reason}).")
            return dg.Output(TmdbPages(fetched=False), metadata={"not_fetched": reason})
        storage, files, metadata = lake.storage(), [], {}
        with tmdb.client(credentials) as client:
            for date, csv in zip(source.partitions, source.files, strict=True):
                window = raw_json(storage, key, mapped_dates(earlier_window, date))
                with duckdb.connect() as con:  # plans the date: the titles, and what is stored
                    enrichment = Enrichment(
                        storage, con, client, spec, date, csv.uri, list(window.uris),
                        _options(tmdb, focus), context.log.info, context.run.run_id,
                    )  # fmt: skip
                summary = enrichment.run()
                metadata = _metadata(summary)
                _check_failures(summary, tmdb, metadata, date)
                context.log.info(
                    f"raw/tmdb/{spec} {date}: {summary.stored} stored, {summary.not_found} not "
                    f"found, {summary.failed} failed, from {summary.server}"
                )
                files += summary.files
        if len(source.partitions) > 1:
            metadata = {"dates": len(source.partitions), "files": dg.MetadataValue.json(files)}
        return dg.Output(TmdbPages(files=files), metadata=metadata)

    return raw_tmdb


with preview_features():  # `backfill_policy` is a beta parameter: no warning on every import
    raw_tmdb_assets = [build_raw_tmdb_asset(spec) for spec in SPECS]
