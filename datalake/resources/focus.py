"""The genres the lake focuses on: one setting shared by the TMDB enrichment and the analysis."""

import dagster as dg
from pydantic import Field, field_validator

from datalake.settings import DEFAULT_GENRES
from datalake.tmdb.genres import IMDB_GENRES, unknown_genres


class FocusResource(dg.ConfigurableResource):
    """The IMDb genres enriched from TMDB and flagged by the analysis (DATALAKE_GENRES)."""

    genres: list[str] = Field(
        default=list(DEFAULT_GENRES), description="IMDb genre names, e.g. Crime and War."
    )

    @field_validator("genres")
    @classmethod
    def _known(cls, genres: list[str]) -> list[str]:
        """Launchpad config is checked as DATALAKE_GENRES is: only genres the data has."""
        unknown = unknown_genres(genres)
        if unknown or not genres:
            raise ValueError(
                f"genres {unknown or genres!r} are no IMDb genres: use {', '.join(IMDB_GENRES)}."
            )
        return genres
