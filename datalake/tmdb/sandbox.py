"""The offline TMDB sandbox: a real HTTP server on 127.0.0.1 that behaves like TMDB's API v3.

Same paths, auth, error bodies, 500-page cap and rate limit (429 with Retry-After) as TMDB, over
the bundled fixtures and synthetic titles for any other id. Faults can be switched on at start or,
by a test holding the `Sandbox`, while it runs.
"""

import asyncio
import logging
import random
import socket
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields
from http import HTTPStatus
from urllib.parse import urlencode

import uvicorn
from pyrate_limiter import Duration, Limiter, Rate, StateBucket, TokenBucket
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from datalake.tmdb.catalogue import APPENDABLE, Catalogue
from datalake.tmdb.endpoints import DISCOVER_PAGE_CAP
from datalake.tmdb.genres import GENRES

SANDBOX_API_KEY = "sandbox-api-key"
SANDBOX_READ_ACCESS_TOKEN = "sandbox-read-access-token"
_MAX_APPEND = 20


@dataclass
class Faults:
    """Trouble to inject; each fraction is drawn per request from a seeded generator."""

    latency: float = 0.0  # seconds added to every reply
    hang: bool = False  # accept every request and answer none, until switched off
    error_rate: float = 0.0  # fraction answering 500, 502 or 503
    malformed_rate: float = 0.0  # fraction answering 200 with broken JSON
    html_error_rate: float = 0.0  # fraction answering one of html_statuses with a proxy's page
    html_statuses: tuple[int, ...] = (502, 503)
    html_rate: float = 0.0  # fraction answering 200 with an HTML page (a portal, a CDN's notice)
    drop_rate: float = 0.0  # fraction whose connection closes mid-reply
    throttle_next: int = 0  # the next N requests answer 429: a storm
    throttle_rate: float = 0.0  # fraction answering 429 on top of the rate limit
    retry_after: int = 1  # seconds, in whole numbers as HTTP wants


def _error(status: int, code: int, message: str, headers: dict | None = None) -> JSONResponse:
    body = {"status_code": code, "status_message": message, "success": False}
    return JSONResponse(body, status_code=status, headers=headers)


# What a reverse proxy or CDN in front of an API sends when the API behind it fails.
_PROXY_PAGE = """<html>
<head><title>{status} {reason}</title></head>
<body><center><h1>{status} {reason}</h1></center><hr><center>nginx</center></body>
</html>
"""
_PORTAL_PAGE = (
    "<!DOCTYPE html><html><body><h1>Please sign in to use this network</h1></body></html>"
)


def _proxy_error(status: int) -> HTMLResponse:
    reason = HTTPStatus(status).phrase
    return HTMLResponse(_PROXY_PAGE.format(status=status, reason=reason), status_code=status)


def _not_found() -> JSONResponse:
    return _error(404, 34, "The resource you requested could not be found.")


class _Dropped(Exception):
    """Raised after half a reply so the server closes the connection under the client."""


class _DroppedReply(Response):
    async def __call__(self, scope, receive, send) -> None:
        headers = [(b"content-type", b"application/json"), (b"content-length", b"4096")]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": b'{"id": 1, "tit', "more_body": True})
        raise _Dropped()


class _QuietDrops(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.exc_info and isinstance(record.exc_info[1], _Dropped))


class Sandbox:
    """State of one sandbox: catalogue, accepted credentials, faults and the requests it served."""

    def __init__(
        self,
        api_key: str = SANDBOX_API_KEY,
        read_access_token: str = SANDBOX_READ_ACCESS_TOKEN,
        requests_per_second: int = 40,
        synthesize: bool = True,
        not_found: tuple[str | int, ...] = (),
        seed: int = 0,
        **faults,
    ):
        self.api_key, self.read_access_token = api_key, read_access_token
        self.catalogue = Catalogue(synthesize=synthesize)
        self.not_found: set[str | int] = set(not_found)  # IMDb ids /find misses, TMDB ids that 404
        self.faults = Faults(**faults)
        self.requests: list[str] = []  # path and query of each request, credentials left out
        self.arrivals: list[float] = []  # time.time() of each request's arrival, in order
        self.statuses: Counter[int] = Counter()  # how many answers of each HTTP status
        self.in_flight = self.max_in_flight = 0
        self._random = random.Random(seed)
        self._lock = threading.Lock()
        self._limiter = None
        if requests_per_second:
            rate = Rate(requests_per_second, Duration.SECOND)  # burst = a second's worth, like TMDB
            self._limiter = Limiter(StateBucket([rate], algorithm=TokenBucket()), buffer_ms=0)
        self.app = Starlette(routes=_routes(self))

    def set_faults(self, **changes) -> None:
        """Switch faults while serving, e.g. `set_faults(error_rate=0.2)`; the rest stay as set."""
        with self._lock:
            for name, value in changes.items():
                if name not in {f.name for f in fields(Faults)}:
                    raise TypeError(f"Unknown fault {name!r}")
                setattr(self.faults, name, value)

    def reset(self) -> None:
        """No faults, no extra not-found ids, no request history: a clean sandbox for a test."""
        with self._lock:
            self.faults = Faults()
            self.not_found.clear()
            self.requests.clear()
            self.arrivals.clear()
            self.statuses.clear()
            self.max_in_flight = 0

    def busiest_second(self, seconds: float = 1.0) -> int:
        """The most requests that arrived within any `seconds` (a sliding window)."""
        times, most, first = sorted(self.arrivals), 0, 0
        for last, arrived in enumerate(times):
            while arrived - times[first] >= seconds:
                first += 1
            most = max(most, last - first + 1)
        return most

    def close(self) -> None:
        if self._limiter is not None:
            self._limiter.close()

    def _draw(self, rate: float) -> bool:
        return rate > 0 and self._random.random() < rate

    def _authorised(self, request: Request) -> bool:
        key = request.query_params.get("api_key")
        auth = request.headers.get("authorization", "")
        return (key is not None and key == self.api_key) or (
            auth.startswith("Bearer ") and auth[7:] == self.read_access_token
        )

    def _trouble(self) -> Response | None:
        """The injected or rate-limit answer for this request, if any."""
        with self._lock:
            faults = self.faults
            if faults.throttle_next > 0:
                faults.throttle_next -= 1
                return self._too_many(faults.retry_after)
            limited = self._limiter and not self._limiter.try_acquire("sandbox", blocking=False)
            if limited or self._draw(faults.throttle_rate):
                return self._too_many(faults.retry_after)
            if self._draw(faults.drop_rate):
                return _DroppedReply()
            if self._draw(faults.error_rate):
                status = self._random.choice((500, 502, 503))
                return _error(status, 11, "Internal error: Something went wrong, contact TMDB.")
            if self._draw(faults.malformed_rate):
                return Response('{"id": 1, "title": "The Go', media_type="application/json")
            if self._draw(faults.html_error_rate):
                return _proxy_error(self._random.choice(faults.html_statuses))
            if self._draw(faults.html_rate):
                return HTMLResponse(_PORTAL_PAGE)
        return None

    @staticmethod
    def _too_many(retry_after: int) -> Response:
        message = "Your request count is over the allowed limit."
        return _error(429, 25, message, headers={"Retry-After": str(retry_after)})

    async def guard(self, request: Request, handler) -> Response:
        """What every endpoint goes through before answering: log, delay, auth, limit, faults."""
        query = [(k, v) for k, v in request.query_params.multi_items() if k != "api_key"]
        shown = request.url.path.removeprefix("/3")
        self.requests.append(shown + (f"?{urlencode(query, safe=',|')}" if query else ""))
        self.arrivals.append(time.time())
        self.in_flight += 1  # the event loop is single-threaded: no lock needed
        self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            if self.faults.latency:
                await asyncio.sleep(self.faults.latency)
            while self.faults.hang:
                await asyncio.sleep(0.05)
            if self._authorised(request):
                response = self._trouble() or handler(request)
            else:
                response = _error(401, 7, "Invalid API key: You must be granted a valid key.")
            self.statuses[response.status_code] += 1
            return response
        finally:
            self.in_flight -= 1


def _details(sandbox: Sandbox, media: str):
    def answer(request: Request) -> Response:
        tmdb_id = request.path_params["id"]
        record = None if tmdb_id in sandbox.not_found else sandbox.catalogue.details(media, tmdb_id)
        if record is None:
            return _not_found()
        wanted = [a for a in request.query_params.get("append_to_response", "").split(",") if a]
        if len(wanted) > _MAX_APPEND:
            return _error(400, 18, "Validation failed: too many append_to_response objects.")
        body = {k: v for k, v in record.items() if k not in APPENDABLE}
        return JSONResponse(body | {k: record[k] for k in wanted if k in APPENDABLE})

    return answer


def _discover(sandbox: Sandbox, media: str):
    def answer(request: Request) -> Response:
        raw_page = request.query_params.get("page", "1")
        page = int(raw_page) if raw_page.isdigit() else 0
        if not 1 <= page <= DISCOVER_PAGE_CAP:
            # TMDB's page-cap answer has no status_code, unlike its other errors.
            limit = f"less than or equal to {DISCOVER_PAGE_CAP}" if page else "greater than 0"
            return JSONResponse({"errors": [f"page must be {limit}"], "success": False}, 400)
        genres = request.query_params.get("with_genres", "")
        return JSONResponse(sandbox.catalogue.discover(media, genres, page))

    return answer


def _routes(sandbox: Sandbox) -> list[Route]:
    catalogue = sandbox.catalogue

    def genre_list(media: str):
        body = {"genres": [{"id": i, "name": n} for i, n in GENRES[media].items()]}
        return lambda request: JSONResponse(body)

    def find(request: Request) -> Response:
        imdb_id = request.path_params["external_id"]
        return JSONResponse(catalogue.find(None if imdb_id in sandbox.not_found else imdb_id))

    def collection(request: Request) -> Response:
        body = catalogue.collection(request.path_params["id"])
        return JSONResponse(body) if body else _not_found()

    handlers = {
        "/3/genre/movie/list": genre_list("movie"),
        "/3/genre/tv/list": genre_list("tv"),
        "/3/discover/movie": _discover(sandbox, "movie"),
        "/3/discover/tv": _discover(sandbox, "tv"),
        "/3/movie/{id:int}": _details(sandbox, "movie"),
        "/3/tv/{id:int}": _details(sandbox, "tv"),
        "/3/find/{external_id}": find,
        "/3/collection/{id:int}": collection,
        "/{path:path}": lambda request: _not_found(),
    }

    def guarded(handler):
        async def endpoint(request: Request) -> Response:
            return await sandbox.guard(request, handler)

        return endpoint

    return [Route(path, guarded(handler)) for path, handler in handlers.items()]


def _server(sandbox: Sandbox) -> uvicorn.Server:
    errors = logging.getLogger("uvicorn.error")
    if not any(isinstance(f, _QuietDrops) for f in errors.filters):
        errors.addFilter(_QuietDrops())
    # log_config=None: leave the host's logging setup alone (uvicorn would rewrite it).
    config = uvicorn.Config(
        sandbox.app, log_config=None, log_level="warning", access_log=False, lifespan="off"
    )
    return uvicorn.Server(config)


@contextmanager
def running_sandbox(port: int = 0, sandbox: Sandbox | None = None, **options) -> Iterator[str]:
    """Serve a sandbox on 127.0.0.1 in a background thread; yields its base URL (`.../3`).

    `options` are `Sandbox` arguments (credentials, rate limit, faults); pass your own `sandbox`
    to change faults or read its request log while it runs.
    """
    sandbox = sandbox or Sandbox(**options)
    # Binding here, before the server starts, makes the port known and connectable at once.
    listener = socket.create_server(("127.0.0.1", port))
    server = _server(sandbox)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/3"
    finally:
        sandbox.set_faults(hang=False)  # hung requests end, so the server can stop
        server.should_exit = True
        thread.join(timeout=10)
        listener.close()
        sandbox.close()


def serve(port: int = 8765, **options) -> None:
    """Serve in the foreground until Ctrl-C (`datalake tmdb-sandbox`)."""
    sandbox = Sandbox(**options)
    base_url = f"http://127.0.0.1:{port}/3"
    print(
        f"TMDB sandbox on {base_url} - use TMDB_BASE_URL={base_url} and "
        f"TMDB_API_KEY={sandbox.api_key} (or TMDB_READ_ACCESS_TOKEN={sandbox.read_access_token})",
        flush=True,
    )
    listener = socket.create_server(("127.0.0.1", port))
    try:
        _server(sandbox).run(sockets=[listener])
    finally:
        listener.close()
        sandbox.close()
