"""The automation-condition sensor: keeps the trusted, refined and dashboard assets (eager
conditions) following what lands in their inputs, for the newest processing date."""

import dagster as dg

# On by default: a first-time user who materialises the raw zone for today sees the rest of the
# lake follow. It never backfills older dates (eager conditions look at the newest one only).
automation_sensor = dg.AutomationConditionSensorDefinition(
    "automation_sensor",
    target=dg.AssetSelection.all(),
    default_status=dg.DefaultSensorStatus.RUNNING,
    minimum_interval_seconds=30,
    description="Materialises assets whose eager automation condition asks for it "
    "(a dependency updated for the newest date).",
)
