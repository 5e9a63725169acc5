"""The Trusted zone's definitions: assets and blocking checks of the `trusted` group."""

import dagster as dg

from datalake.trusted.csv_assets import trusted_csv_assets
from datalake.trusted.csv_checks import trusted_csv_checks
from datalake.trusted.tmdb_assets import trusted_tmdb_assets
from datalake.trusted.tmdb_checks import trusted_tmdb_checks

defs = dg.Definitions(
    assets=[*trusted_csv_assets, *trusted_tmdb_assets],
    asset_checks=[*trusted_csv_checks, *trusted_tmdb_checks],
)
