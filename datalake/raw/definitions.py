"""The Raw zone's definitions: assets, sensors and schedules of the `raw` group."""

import dagster as dg

from datalake.raw.assets import raw_csv_assets
from datalake.raw.sensors import landing_sensor

defs = dg.Definitions(
    assets=[*raw_csv_assets],
    sensors=[landing_sensor],
)
