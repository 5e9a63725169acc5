"""TMDB enrichment of one spec and processing date: plan, fetch concurrently, store as raw JSON.

Each CSV title is looked up by IMDb id (`/find`), then its details are fetched with credits,
keywords and external ids appended, then (movies) its collection. Every planned title ends as a
stored record, a recorded not-found or a listed failure. Nothing stored in this partition, or in
the earlier partitions of the refetch window (an input of the asset), is fetched again.
"""

import threading
from collections.abc import Callable
from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait
from dataclasses import dataclass, field

import duckdb

from datalake.errors import DatalakeError
from datalake.partitions import REFETCH_WINDOW_DAYS
from datalake.raw import tmdb_records as files
from datalake.raw.tmdb_titles import csv_titles
from datalake.storage import Storage
from datalake.storage.layout import Spec
from datalake.tmdb import endpoints
from datalake.tmdb.client import Fetched, TmdbClient
from datalake.tmdb.errors import TmdbAuthError, TmdbError, TmdbNotFound
from datalake.tmdb.genres import genre_ids

MEDIA = {"movies": "movie", "series": "tv"}


@dataclass(frozen=True)
class EnrichOptions:
    genres: tuple[str, ...] = ("Crime", "War")
    limit: int = 1000  # CSV titles per run, most-voted first; 0 = all
    discover: bool = True
    discover_limit: int = 100
    workers: int = 20


@dataclass
class Summary:
    """What a run did. Titles planned end stored, not found, failed or (found to be) already
    stored; collections' outcomes count in `collections`, `not_found` and `failed` too.
    `requests` counts every lookup tried (each failure is one of them, so never "39 of 38")."""

    server: str
    planned: int = 0
    stored: int = 0
    collections: int = 0
    not_found: int = 0
    failed: int = 0
    requests: int = 0
    already_stored: int = 0
    skipped_recent: int = 0
    files: list[str] = field(default_factory=list)


# This many requests failing in a row (each after its retries) mean TMDB is down, not one bad title.
OUTAGE_AFTER = 20
# (run id, TMDB URL) -> why that server was found down by a step of that run: the run's other TMDB
# steps (the other spec) stop at once rather than wait out the same timeouts again.
_FOUND_DOWN: dict[tuple[str, str], str] = {}


class Enrichment:
    """One run for one spec and date: planned when built, fetched by `run()`."""

    def __init__(
        self,
        storage: Storage,
        con: duckdb.DuckDBPyConnection,
        client: TmdbClient,
        spec: Spec,
        partition_key: str,
        source_uri: str,
        earlier: list[str],
        options: EnrichOptions,
        log: Callable[[str], None] = print,
        run_id: str | None = None,
    ):
        """`source_uri` is the date's raw CSV; `earlier` the raw JSON of the refetch window;
        `run_id` the Dagster run, whose steps share what they learnt of TMDB's health."""
        self.storage, self.client, self.options, self.log = storage, client, options, log
        self.spec, self.media, self.date = spec, MEDIA[spec], partition_key
        self.titles = csv_titles(con, source_uri, list(options.genres))
        self.here = files.seen(con, files.partition_files(storage, spec, partition_key))
        self.recent = files.seen(con, earlier)
        self.summary = Summary(server=client.base_url)
        names = (files.DETAILS, files.COLLECTIONS, files.MISSING, files.FAILED)
        self.out = {n: files.RecordFiles(self.storage, spec, partition_key, n) for n in names}
        self._claimed: set[str] = set()
        self._lock = threading.Lock()
        self._failing = 0  # requests failed in a row (after their retries)
        self._down_key = (run_id, client.base_url) if run_id else None
        self._outage = _FOUND_DOWN.get(self._down_key) if self._down_key else None

    def run(self) -> Summary:
        files.clear_failures(self.storage, self.spec, self.date)
        try:
            # A cheap first request: bad credentials stop the run here, before any thread starts.
            genres = self._fetch(endpoints.genre_list(self.media), None, "discover", probe=True)
            self._run_all(self._plan_csv(), self._title)
            if genres and self.options.discover and self.options.discover_limit:
                extras = self._discovered(
                    genre_ids(genres.data["genres"], list(self.options.genres))
                )
                self._count(planned=len(extras))
                self._run_all(extras, lambda tmdb_id: self._details(tmdb_id, None, "discover"))
        finally:
            for out in self.out.values():
                out.flush()
                self.summary.files += out.written
            if self._outage and self._down_key:
                _FOUND_DOWN.setdefault(self._down_key, f"found by an earlier step: {self._outage}")
        return self.summary

    def _plan_csv(self) -> list[str]:
        planned = []
        for imdb_id in self.titles:
            if imdb_id in self.here.imdb_ids:
                self.summary.already_stored += 1
            elif imdb_id in self.recent.imdb_ids:
                self.summary.skipped_recent += 1
            else:
                planned.append(imdb_id)
        planned = planned[: self.options.limit] if self.options.limit else planned
        self.summary.planned += len(planned)
        self.log(f"{self.spec}: {len(self.titles)} titles of {', '.join(self.options.genres)} in "
                 f"the CSV; fetching {len(planned)}, {self.summary.already_stored} already stored, "
                 f"{self.summary.skipped_recent} fetched in the last "
                 f"{REFETCH_WINDOW_DAYS} days")  # fmt: skip
        return planned

    def _run_all(self, items: list, task: Callable) -> None:
        """`task` on every item, `workers` at a time; the first unexpected error stops them all."""
        with ThreadPoolExecutor(self.options.workers, thread_name_prefix="tmdb") as pool:
            futures = [pool.submit(task, item) for item in items]
            done, _ = wait(futures, return_when=FIRST_EXCEPTION)
            for future in done:
                if (error := future.exception()) is not None:
                    pool.shutdown(cancel_futures=True)
                    raise error

    def _title(self, imdb_id: str) -> None:
        if not endpoints.valid_imdb_id(imdb_id):
            self._count(requests=1)  # a lookup that failed before it reached TMDB
            self._fail(None, imdb_id, "csv", "not an IMDb id (tt + 7-8 digits): never requested")
            return
        found = self._fetch(endpoints.find(imdb_id), imdb_id, "csv")
        if found is None:
            return
        tmdb_id = endpoints.find_result(found.data, self.media)
        if tmdb_id is None:
            self._store(files.MISSING, found, imdb_id, "csv", not_found=1)
        else:
            self._details(tmdb_id, imdb_id, "csv")

    def _details(self, tmdb_id: int, imdb_id: str | None, origin: str) -> None:
        request = endpoints.details(self.media, tmdb_id)
        if request.shown in self.here.paths:
            return self._count(already_stored=1)
        if request.shown in self.recent.paths:
            return self._count(skipped_recent=1)
        if not self._claim(request.shown):
            return self._count(already_stored=1)  # two IMDb ids of one TMDB title
        fetched = self._fetch(request, imdb_id, origin)
        if fetched is None:
            return
        self._store(files.DETAILS, fetched, imdb_id, origin, stored=1)
        franchise = fetched.data.get("belongs_to_collection")
        if franchise:
            self._collection(franchise["id"], origin)

    def _collection(self, collection_id: int, origin: str) -> None:
        request = endpoints.collection(collection_id)
        known = request.shown in self.here.paths or request.shown in self.recent.paths
        if known or not self._claim(request.shown):
            return
        fetched = self._fetch(request, None, origin)
        if fetched is not None:
            self._store(files.COLLECTIONS, fetched, None, origin, collections=1)

    def _discovered(self, ids: list[int]) -> list[int]:
        """The genres' `discover_limit` most popular titles, less those stored here, fetched in
        the refetch window or in this run.

        The same titles whatever order the dates run in (one at a time or concurrently), so each
        date's window holds the most popular ones once; a re-run fetches none again.
        """
        popular: list[int] = []
        page, pages = 1, endpoints.DISCOVER_PAGE_CAP
        while len(popular) < self.options.discover_limit and page <= pages:
            fetched = self._fetch(endpoints.discover(self.media, ids, page), None, "discover")
            if fetched is None:
                break
            pages = min(fetched.data.get("total_pages", 0), endpoints.DISCOVER_PAGE_CAP)
            popular += [t["id"] for t in fetched.data.get("results", []) if t["id"] not in popular]
            page += 1
        return [t for t in popular[: self.options.discover_limit] if self._new(t)]

    def _new(self, tmdb_id: int) -> bool:
        shown = endpoints.details(self.media, tmdb_id).shown
        return not (
            shown in self.here.paths or shown in self.recent.paths or shown in self._claimed
        )

    def _fetch(
        self, request: endpoints.Request, imdb_id: str | None, origin: str, probe: bool = False
    ) -> Fetched | None:
        """TMDB's answer, or None once the not-found or the failure is recorded."""
        if self._outage:  # stop asking a server that does not answer: the run ends in bounded time
            raise DatalakeError(
                f"TMDB at {self.client.base_url} is down or failing ({self._outage}): every "
                "record fetched so far is kept and the next run fetches only the rest; check "
                "TMDB_BASE_URL and the network (a proxy in the way?), then run again later."
            )
        self._count(requests=1)
        try:
            fetched = self.client.get(request, probe)
            with self._lock:
                self._failing = 0
            return fetched
        except TmdbNotFound as exc:
            self._store(
                files.MISSING, Fetched(request.shown, exc.body), imdb_id, origin, not_found=1
            )
        except TmdbAuthError:
            raise
        except TmdbError as exc:
            self._fail(request.shown, imdb_id, origin, str(exc))
            if probe:  # the run's first request (a genre list) failed after its retries
                self._found_down(f"the first request failed: {exc}")
        return None

    def _store(
        self, name: str, fetched: Fetched, imdb_id: str | None, origin: str, **counts
    ) -> None:
        item = files.record(self.client.base_url, fetched.path, imdb_id, origin, data=fetched.data)
        self.out[name].add(item)
        self._count(**counts)

    def _fail(self, path: str | None, imdb_id: str | None, origin: str, reason: str) -> None:
        self.log(f"TMDB request failed: {reason}")
        if path is not None:
            with self._lock:
                self._failing += 1
                if self._failing >= OUTAGE_AFTER and not self._outage:
                    self._found_down(
                        f"{self._failing} requests in a row failed; the last: {reason}"
                    )
        self.out[files.FAILED].add(
            files.record(self.client.base_url, path, imdb_id, origin, error=reason)
        )
        self._count(failed=1)

    def _found_down(self, reason: str) -> None:
        """No more requests: those in flight are abandoned at their next retry."""
        self._outage = reason
        self.client.stop()

    def _claim(self, path: str) -> bool:
        with self._lock:
            if path in self._claimed:
                return False
            self._claimed.add(path)
            return True

    def _count(self, **increments: int) -> None:
        with self._lock:
            for name, value in increments.items():
                setattr(self.summary, name, getattr(self.summary, name) + value)
