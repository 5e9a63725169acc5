"""Landing sensor: a new or changed source file triggers its raw asset for today's partition."""

import datetime as dt
import json

import dagster as dg

from datalake.raw.assets import raw_csv_asset_key
from datalake.resources.lake import LakeResource
from datalake.shared.source_format import file_name
from datalake.storage.layout import SPECS


def today_partition() -> str:
    """The processing date of a run started now (UTC)."""
    return dt.datetime.now(dt.UTC).date().isoformat()


@dg.sensor(
    name="landing_sensor",
    description="Watches DATALAKE_LANDING for movies.csv / series.csv; each new version is ingested once.",
    asset_selection=[raw_csv_asset_key(spec) for spec in SPECS],
    minimum_interval_seconds=60,
    # Off until switched on: it would ingest whatever DATALAKE_LANDING holds at once.
    default_status=dg.DefaultSensorStatus.STOPPED,
)
def landing_sensor(context: dg.SensorEvaluationContext, lake: LakeResource) -> dg.SensorResult:
    # The cursor maps each spec to the version (size+mtime or ETag) last requested: its only state.
    seen = json.loads(context.cursor) if context.cursor else {}
    landing = lake.landing()
    requests = []
    for spec in SPECS:
        info = landing.info(file_name(spec))
        if info is None or seen.get(spec) == info.version:
            continue
        seen[spec] = info.version
        requests.append(
            dg.RunRequest(
                run_key=f"{spec}:{info.version}",
                partition_key=today_partition(),
                asset_selection=[raw_csv_asset_key(spec)],
                tags={"datalake/landing_file": landing.uri(file_name(spec))},
            )
        )
    return dg.SensorResult(run_requests=requests, cursor=json.dumps(seen, sort_keys=True))
