"""The TMDB v3 client: one pooled session, paced by a rate limit, retrying what is worth retrying.

urllib3's `Retry` (mounted on the session) retries 429 (honouring Retry-After), 5xx, timeouts and
dropped connections; a body that arrives broken, or a 200 that is not JSON (an HTML page from a
proxy or portal), is retried with the same policy. An answer that is not TMDB's JSON is never
taken for TMDB's: it fails the request, saying what came instead. 401 is never retried.
Credentials live only in the session and are redacted from every message and log line.
"""

import json
import logging
import threading
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
    TmdbStopped,
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
    probe_retries: int = 2  # of a run's first request: is TMDB there at all?
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


class _Stopped(Exception):
    """Raised between two attempts of a request once the client is stopped."""


class _PacedRetry(Retry):
    """urllib3's Retry, except that each re-attempt also waits for a rate-limit token, and that
    the wait before it ends early, abandoning the request, once the client is stopped.

    urllib3 re-sends inside the adapter, out of the client's sight; without this, retries during a
    storm would bypass the client-side limit, and requests in flight when TMDB was found down
    would go on retrying for minutes.
    """

    def __init__(
        self,
        *args,
        limiter: Limiter | None = None,
        stop: threading.Event | None = None,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.limiter = limiter
        self.stop = stop or threading.Event()

    def new(self, **kw) -> "_PacedRetry":
        return super().new(limiter=self.limiter, stop=self.stop, **kw)

    def sleep(self, response=None) -> None:
        """urllib3's wait (Retry-After if the answer has one, else the backoff), interruptible."""
        retry_after = (
            self.get_retry_after(response) if response and self.respect_retry_after_header else None
        )
        if self.stop.wait(retry_after or self.get_backoff_time()):
            raise _Stopped()
        if self.limiter is not None:
            self.limiter.try_acquire(_LIMITER_KEY)


class _BrokenBody(Exception):
    """A reply cut short or not JSON: worth another attempt, like a dropped connection."""


def _not_json(response: requests.Response, text: str) -> str:
    """What came instead of TMDB's JSON, in words (never the body itself: it may be huge)."""
    kind = response.headers.get("Content-Type", "no content type").split(";")[0].strip()
    if kind == "text/html" or text.lstrip()[:1] == "<":
        return (
            f"an HTML page ({kind}, {len(text)} characters), not TMDB's JSON: a proxy, gateway "
            "or portal between here and TMDB answered"
        )
    return f"a body that is not a JSON object ({kind}, {len(text)} characters)"


def _session(credentials: Credentials, retry: Retry, connections: int) -> requests.Session:
    """A pooled session retrying with `retry`, authenticated with the key or the token."""
    session = requests.Session()
    adapter = HTTPAdapter(
        pool_connections=1,
        pool_maxsize=connections,
        pool_block=True,  # never more connections than TMDB tolerates
        max_retries=retry,
    )
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    session.headers.update({"Accept": "application/json", "User-Agent": "datalake"})
    if credentials.read_access_token:
        session.headers["Authorization"] = f"Bearer {credentials.read_access_token}"
    else:
        session.params = {"api_key": credentials.api_key}
    return session


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
        self._stop = threading.Event()
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
            stop=self._stop,
        )
        self._session = _session(credentials, self._retry, options.max_connections)
        # The first request of a run asks whether TMDB is there at all: a short retry budget,
        # so a TMDB that is down fails the run in seconds, not in the minutes `retries` cost.
        self._probe_retry = self._retry.new(total=options.probe_retries)
        self._probe = _session(credentials, self._probe_retry, 1)

    def get(self, request: Request, probe: bool = False) -> Fetched:
        """TMDB's JSON answer; raises TmdbAuthError, TmdbNotFound or TmdbRequestFailed.

        `probe`: with the shorter retry budget of a run's first request."""
        session, first = (self._probe, self._probe_retry) if probe else (self._session, self._retry)
        retry: Retry = first
        try:
            if self._stop.is_set():
                raise _Stopped()
            self._limiter.try_acquire(_LIMITER_KEY)
            while True:
                try:
                    return Fetched(request.shown, self._attempt(session, request))
                except _BrokenBody as broken:
                    retry = self._next_retry(retry, request, broken, first.total)
                retry.sleep()
        except _Stopped:
            pass  # raised outside the handler: urllib3's own error (its URL) is not chained
        raise TmdbStopped(f"GET {request.shown}: abandoned, TMDB was found down")

    def stop(self) -> None:
        """Abandon every request at its next retry and refuse new ones: TMDB was found down,
        so requests in flight end within one timeout instead of their whole retry budget."""
        self._stop.set()

    @staticmethod
    def _next_retry(retry: Retry, request: Request, broken: _BrokenBody, retries: object) -> Retry:
        try:
            return retry.increment("GET", request.shown, error=broken)
        except MaxRetryError:
            pass  # raised outside the handler so urllib3's exception is not chained
        raise TmdbRequestFailed(f"GET {request.shown}: {broken} (after {retries} retries)")

    def _attempt(self, session: requests.Session, request: Request) -> dict:
        try:
            response = session.get(
                self.base_url + request.path, params=dict(request.params), timeout=self._timeout
            )
        except requests.exceptions.ChunkedEncodingError:
            raise _BrokenBody("connection dropped mid-reply") from None
        except requests.RequestException as exc:
            failure = self._no_answer(exc)
        else:
            return self._decode(request, response)
        raise TmdbUnreachable(f"GET {request.shown} failed: {failure}")

    def _no_answer(self, exc: requests.RequestException) -> str:
        """Why no answer came, in a few words: requests' own message repeats the pool, the URL
        and the cause (and the URL's query string holds the key: never shown unredacted)."""
        text = str(exc)
        if isinstance(exc, requests.exceptions.ConnectTimeout):
            why = f"no connection within {self._timeout:g} s"
        elif "timed out" in text.lower():
            why = f"no answer within {self._timeout:g} s"
        elif "refused" in text.lower():
            why = "connection refused"
        else:
            why = redact(text, self._secrets)[:300]
        return f"{type(exc).__name__}: {why}"

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
            raise _BrokenBody(f"answered 200 with {_not_json(response, text)}")
        if not isinstance(body, dict):  # not TMDB speaking: a proxy, CDN or portal in the way
            raise TmdbRequestFailed(
                f"GET {request.shown} answered HTTP {status} with {_not_json(response, text)}"
            )
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
        self._probe.close()
        self._limiter.close()

    def __enter__(self) -> "TmdbClient":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
