"""The genres the lake focuses on: one setting shared by the TMDB enrichment and the analysis."""

import dagster as dg
from pydantic import Field

from datalake.settings import DEFAULT_GENRES


class FocusResource(dg.ConfigurableResource):
    """The IMDb genres enriched from TMDB and flagged by the analysis (DATALAKE_GENRES)."""

    genres: list[str] = Field(
        default=list(DEFAULT_GENRES), description="IMDb genre names, e.g. Crime and War."
    )
