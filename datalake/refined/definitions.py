"""The Refined zone's definitions: the star-schema tables, their catalog and their gates."""

import dagster as dg

from datalake.refined.assets import refined_table_assets
from datalake.refined.catalog import refined_catalog
from datalake.refined.checks import refined_checks
from datalake.refined.glue_assets import glue_catalog

defs = dg.Definitions(
    assets=[*refined_table_assets, refined_catalog, glue_catalog], asset_checks=refined_checks
)
