"""The TMDB resource: where TMDB is, how hard to use it, and the credentials.

The key or token is configured as `dg.EnvVar("TMDB_API_KEY")` / `dg.EnvVar(
"TMDB_READ_ACCESS_TOKEN")`: Dagster's UI and run config show the variable's name, never its value.
"""

import dagster as dg
from pydantic import Field

from datalake.settings import DEFAULT_TMDB_BASE_URL
from datalake.tmdb.client import ClientOptions, Credentials, TmdbClient
from datalake.tmdb.shared_limit import shared_state_path


class TmdbResource(dg.ConfigurableResource):
    """TMDB API v3 access for the enrichment assets."""

    base_url: str = Field(
        default=DEFAULT_TMDB_BASE_URL, description="TMDB API root (TMDB_BASE_URL)."
    )
    requests_per_second: int = Field(default=40, ge=1, description="Client-side rate limit.")
    shared_rate_limit: bool = Field(
        default=True,
        description="One rate limit for every run and process on this machine (TMDB counts "
        "requests per IP address); off, each run paces itself alone.",
    )
    max_connections: int = Field(
        default=20, ge=1, description="Concurrent requests and pooled connections."
    )
    limit: int = Field(
        default=1000, ge=0, description="Most titles per file per run, most-voted first; 0 = all."
    )
    max_failed_fraction: float = Field(
        default=0.01,
        ge=0,
        le=1,
        description="The run fails when more of the planned titles than this fail.",
    )
    discover: bool = Field(
        default=True,
        description="Also fetch those of the genres' most popular titles (/discover) the CSV lacks.",
    )
    discover_limit: int = Field(
        default=100,
        ge=0,
        description="How many of the genres' most popular titles /discover is asked for; the "
        "ones the CSV or the refetch window already has are not fetched again.",
    )
    retries: int = Field(
        default=8,
        ge=0,
        description="Retries of a request on 429, 5xx, timeouts and dropped connections.",
    )
    probe_retries: int = Field(
        default=2,
        ge=0,
        description="Retries of a run's first request (a genre list): a TMDB that is down or "
        "failing fails the run within seconds (a hung one within (probe_retries + 1) x "
        "timeout_seconds), not within the minutes `retries` cost.",
    )
    backoff_factor: float = Field(
        default=0.5, ge=0, description="Exponential backoff base, in seconds."
    )
    timeout_seconds: float = Field(
        default=10.0,
        gt=0,
        description="Connect and read timeout of a request (TMDB answers in "
        "well under a second; a hung server costs at most this per attempt).",
    )

    api_key: str | None = Field(default=None, description="TMDB v3 API key (TMDB_API_KEY).")
    read_access_token: str | None = Field(
        default=None, description="TMDB read access token (TMDB_READ_ACCESS_TOKEN)."
    )

    def credentials(self) -> Credentials | None:
        """The configured key or token; None when neither is set."""
        if not (self.api_key or self.read_access_token):
            return None
        return Credentials(self.api_key or None, self.read_access_token or None)

    def client(self, credentials: Credentials) -> TmdbClient:
        options = ClientOptions(
            requests_per_second=self.requests_per_second,
            max_connections=self.max_connections,
            retries=self.retries,
            probe_retries=self.probe_retries,
            backoff_factor=self.backoff_factor,
            timeout=self.timeout_seconds,
            rate_state=(
                shared_state_path(self.base_url, self.requests_per_second)
                if self.shared_rate_limit
                else None
            ),
        )
        return TmdbClient(self.base_url, credentials, options)
