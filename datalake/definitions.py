"""The code location: assembles what each layer defines, plus the shared resources."""

import dagster as dg

from datalake.automation import automation_sensor
from datalake.dashboards import definitions as dashboards
from datalake.raw import definitions as raw
from datalake.refined import definitions as refined
from datalake.resources.build import build_resources
from datalake.settings import Settings
from datalake.trusted import definitions as trusted

# Runs launched from the UI, the daemon's backfills and sensors execute every step in the run's
# own process: one process start per run, not one per step (15-25 s each on a busy 2-core host).
EXECUTOR = dg.in_process_executor

# Modules, not Definitions objects: a code location may hold only one Definitions at module scope.
LAYERS = [raw.defs, trusted.defs, refined.defs, dashboards.defs]


def build_definitions(settings: Settings | None = None, **resources) -> dg.Definitions:
    """Every layer's assets, checks, sensors and schedules with resources for `settings`
    (`resources` replace some by key)."""
    return dg.Definitions.merge(
        *LAYERS,
        dg.Definitions(
            sensors=[automation_sensor],
            executor=EXECUTOR,
            resources=build_resources(settings, **resources),
        ),
    )


defs = build_definitions()
