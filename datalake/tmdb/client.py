"""The TMDB v3 client: one pooled session, paced by a rate limit, retrying what is worth retrying.

urllib3's `Retry` (mounted on the session) retries 429 (honouring Retry-After), 5xx, timeouts and
dropped connections; a body that arrives broken is retried with the same policy. 401 is never
retried. Credentials live only in the session and are redacted from every message and log line.
"""

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path

import requests
from pyrate_limiter import Limiter
from requests.adapters import HTTPAdapter
from urllib3.exceptions import MaxRetryError
from urllib3.util.retry import Retry

from datalake.settings import Settings
from datalake.tmdb.endpoints import Request
from datalake.tmdb.errors import (
    TmdbAuthError,
    TmdbNotFound,
    TmdbRequestFailed,
    TmdbUnreachable,
    error_message,
    redact,
)
from datalake.tmdb.shared_limit import tmdb_limiter

RETRY_STATUSES = (429, 500, 502, 503, 504)
_LIMITER_KEY = "tmdb"
# urllib3 logs request lines and retry warnings with the full URL, query string (api_key) included.
_URLLIB3_LOGGERS = ("urllib3.connectionpool", "urllib3.util.retry")


@dataclass(frozen=True)
class Credentials:
    """A v3 API key (sent as `api_key=`) or a read access token (sent as a bearer header)."""

    api_key: str | None = field(default=None, repr=False)
    read_access_token: str | None = field(default=None, repr=False)

    @classmethod
    def from_env(cls) -> "Credentials | None":
        """Read at execution time only, so they never sit in Dagster's (visible) config."""
        settings = Settings.from_env()
        if not settings.has_tmdb_credentials:
            return None
        return cls(settings.tmdb_api_key, settings.tmdb_read_access_token)

    @property
    def secrets(self) -> tuple[str, ...]:
        return tuple(s for s in (self.api_key, self.read_access_token) if s)


@dataclass(frozen=True)
class ClientOptions:
    """Pacing and retry knobs; tests shrink the backoff to keep the suite fast."""

    requests_per_second: int = 40
    max_connections: int = 20
    retries: int = 8
    backoff_factor: float = 0.5
    backoff_max: float = 30.0
    retry_after_max: float = 120.0
    timeout: float = 10.0
    rate_state: Path | None = None  # a file shared by every process: one limit for all runs


@dataclass(frozen=True)
class Fetched:
    path: str  # the request as recorded: path and query without credentials
    data: dict


class _RedactUrls(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.msg, record.args = redact(record.getMessage()), ()
        return True


def _install_log_redaction() -> None:
    for name in _URLLIB3_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, _RedactUrls) for f in logger.filters):
            logger.addFilter(_RedactUrls())


class _PacedRetry(Retry):
    """urllib3's Retry, except that each re-attempt also waits for a rate-limit token.

    urllib3 re-sends inside the adapter, out of the client's sight; without this, retries during a
    storm would bypass the client-side limit.
    """

    def __init__(self, *args, limiter: Limiter | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.limiter = limiter

    def new(self, **kw) -> "_PacedRetry":
        return super().new(limiter=self.limiter, **kw)

    def sleep(self, response=None) -> None:
        super().sleep(response)
        if self.limiter is not None:
            self.limiter.try_acquire(_LIMITER_KEY)


class _BrokenBody(Exception):
    """A reply cut short or not JSON: worth another attempt, like a dropped connection."""


class TmdbClient:
    """Thread-safe: share one client between the enrichment's worker threads."""

    def __init__(
        self, base_url: str, credentials: Credentials, options: ClientOptions = ClientOptions()
    ):
        _install_log_redaction()
        self.base_url = base_url.rstrip("/")
        self._secrets = credentials.secrets
        self._timeout = options.timeout
        self._limiter = tmdb_limiter(options.requests_per_second, options.rate_state)
        self._retry = _PacedRetry(
            total=options.retries,
            backoff_factor=options.backoff_factor,
            backoff_max=options.backoff_max,
            backoff_jitter=options.backoff_factor,
            retry_after_max=options.retry_after_max,
            status_forcelist=RETRY_STATUSES,
            allowed_methods=frozenset({"GET"}),
            raise_on_status=False,  # the last answer is returned and its TMDB error body reported
            limiter=self._limiter,
        )
        self._session = requests.Session()
        adapter = HTTPAdapter(
            pool_connections=1,
            pool_maxsize=options.max_connections,
            pool_block=True,  # never more connections than TMDB tolerates
            max_retries=self._retry,
        )
        self._session.mount("http://", adapter)
        self._session.mount("https://", adapter)
        self._session.headers.update({"Accept": "application/json", "User-Agent": "datalake"})
        if credentials.read_access_token:
            self._session.headers["Authorization"] = f"Bearer {credentials.read_access_token}"
        else:
            self._session.params = {"api_key": credentials.api_key}

    def get(self, request: Request) -> Fetched:
        """TMDB's JSON answer; raises TmdbAuthError, TmdbNotFound or TmdbRequestFailed."""
        retry: Retry = self._retry
        self._limiter.try_acquire(_LIMITER_KEY)
        while True:
            try:
                return Fetched(request.shown, self._attempt(request))
            except _BrokenBody as broken:
                retry = self._next_retry(retry, request, broken)
            retry.sleep()

    def _next_retry(self, retry: Retry, request: Request, broken: _BrokenBody) -> Retry:
        try:
            return retry.increment("GET", request.shown, error=broken)
        except MaxRetryError:
            pass  # raised outside the handler so urllib3's exception is not chained
        raise TmdbRequestFailed(
            f"GET {request.shown}: {broken} (after {self._retry.total} retries)"
        )

    def _attempt(self, request: Request) -> dict:
        try:
            response = self._session.get(
                self.base_url + request.path, params=dict(request.params), timeout=self._timeout
            )
        except requests.exceptions.ChunkedEncodingError:
            raise _BrokenBody("connection dropped mid-reply") from None
        except requests.RequestException as exc:
            # requests' messages embed the URL with its query string: never let them out unredacted.
            failure = f"{type(exc).__name__}: {redact(str(exc), self._secrets)}"
        else:
            return self._decode(request, response)
        raise TmdbUnreachable(f"GET {request.shown} failed: {failure}")

    def _decode(self, request: Request, response: requests.Response) -> dict:
        text = redact(response.content.decode("utf-8", "replace"), self._secrets)
        try:
            body = json.loads(text)
        except ValueError:
            body = None
        status = response.status_code
        if status == 200:
            if isinstance(body, dict):
                return body
            raise _BrokenBody("answered 200 with a body that is not a JSON object")
        reason = error_message(body)
        if status == 401:
            raise TmdbAuthError(
                f"TMDB refused the credentials at {self.base_url} (HTTP 401, {reason}): set "
                "TMDB_API_KEY or TMDB_READ_ACCESS_TOKEN to a valid key or token from your TMDB "
                "account's API settings."
            )
        if status == 404:
            raise TmdbNotFound(f"GET {request.shown}: not found ({reason})", body)
        raise TmdbRequestFailed(f"GET {request.shown} answered HTTP {status} ({reason})")

    def close(self) -> None:
        self._session.close()
        self._limiter.close()

    def __enter__(self) -> "TmdbClient":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
