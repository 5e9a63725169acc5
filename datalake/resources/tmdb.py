"""The TMDB resource: where TMDB is and how hard to use it; never the credentials.

Dagster shows resource config in its UI, so the key or token is read from the environment only
when a run executes (`TMDB_API_KEY` or `TMDB_READ_ACCESS_TOKEN`).
"""

import dagster as dg
from pydantic import Field

from datalake.settings import DEFAULT_GENRES, DEFAULT_TMDB_BASE_URL
from datalake.tmdb.client import ClientOptions, Credentials, TmdbClient


class TmdbResource(dg.ConfigurableResource):
    """TMDB API v3 access for the enrichment assets."""

    base_url: str = Field(
        default=DEFAULT_TMDB_BASE_URL, description="TMDB API root (TMDB_BASE_URL)."
    )
    requests_per_second: int = Field(default=40, ge=1, description="Client-side rate limit.")
    max_connections: int = Field(
        default=20, ge=1, description="Concurrent requests and pooled connections."
    )
    limit: int = Field(
        default=1000, ge=0, description="Most titles per file per run, most-voted first; 0 = all."
    )
    genres: list[str] = Field(
        default=list(DEFAULT_GENRES), description="IMDb genre names to enrich."
    )
    refetch_after_days: int = Field(
        default=30,
        ge=0,
        description="Titles stored in the partitions of this many earlier days are not refetched.",
    )
    max_failed_fraction: float = Field(
        default=0.01,
        ge=0,
        le=1,
        description="The run fails when more of the planned titles than this fail.",
    )
    discover: bool = Field(
        default=True, description="Also fetch the genres' most popular titles the CSV lacks."
    )
    discover_limit: int = Field(
        default=100, ge=0, description="At most this many titles from /discover per run."
    )
    retries: int = Field(
        default=8,
        ge=0,
        description="Retries of a request on 429, 5xx, timeouts and dropped connections.",
    )
    backoff_factor: float = Field(
        default=0.5, ge=0, description="Exponential backoff base, in seconds."
    )
    timeout_seconds: float = Field(
        default=20.0, gt=0, description="Connect and read timeout of a request."
    )

    def credentials(self) -> Credentials | None:
        """Read from the environment now, at execution time; None when none are set."""
        return Credentials.from_env()

    def client(self, credentials: Credentials) -> TmdbClient:
        options = ClientOptions(
            requests_per_second=self.requests_per_second,
            max_connections=self.max_connections,
            retries=self.retries,
            backoff_factor=self.backoff_factor,
            timeout=self.timeout_seconds,
        )
        return TmdbClient(self.base_url, credentials, options)
