"""The Dashboards zone's definitions: the `dashboards` group."""

import dagster as dg

from datalake.dashboards.assets import dashboard_overview

defs = dg.Definitions(assets=[dashboard_overview])
