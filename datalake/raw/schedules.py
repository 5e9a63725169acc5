"""When the Raw zone refreshes from TMDB: monthly, as the challenge did with EventBridge."""

import dagster as dg

from datalake.raw.tmdb_assets import raw_tmdb_assets

# The raw CSVs come along: that day's landing files are copied first, then enriched.
tmdb_monthly_job = dg.define_asset_job(
    "tmdb_monthly", selection=dg.AssetSelection.assets(*raw_tmdb_assets).upstream(depth=1)
)


# Off until switched on: it calls TMDB, which needs credentials and the network.
@dg.schedule(
    job=tmdb_monthly_job,
    cron_schedule="0 3 1 * *",
    execution_timezone="UTC",
    default_status=dg.DefaultScheduleStatus.STOPPED,
)
def tmdb_monthly_schedule(context: dg.ScheduleEvaluationContext) -> dg.RunRequest:
    """On day 1 of each month, land and enrich that day's partition."""
    partition_key = context.scheduled_execution_time.date().isoformat()
    return dg.RunRequest(run_key=partition_key, partition_key=partition_key)
