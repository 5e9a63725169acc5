"""The Raw zone's definitions: assets, sensors and schedules of the `raw` group."""

import dagster as dg

from datalake.raw.assets import raw_csv_assets
from datalake.raw.schedules import tmdb_monthly_schedule
from datalake.raw.sensors import landing_sensor
from datalake.raw.tmdb_assets import raw_tmdb_assets

defs = dg.Definitions(
    assets=[*raw_csv_assets],
    sensors=[landing_sensor],
)
defs = dg.Definitions.merge(
    defs, dg.Definitions(assets=raw_tmdb_assets, schedules=[tmdb_monthly_schedule])
)
