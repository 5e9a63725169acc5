"""The raw TMDB JSON files: numbered files of at most 100 records, and what earlier runs stored.

Every file is a JSON array of records `{"fetch": {...}, "data": <TMDB's body>}`, or
`{"fetch": {...}, "error": "..."}` in `failed-NNNN.json`. `fetch` holds the server, the request path
(never credentials), the fetch time, the CSV's IMDb id (or null) and the origin (csv or discover).
"""

import datetime as dt
import json
import re
import threading
from dataclasses import dataclass, field

import duckdb

from datalake.storage import Storage
from datalake.storage.layout import Spec, raw_tmdb_key, raw_tmdb_prefix

DETAILS = "details"  # /movie/{id} or /tv/{id} with credits, keywords, external_ids
COLLECTIONS = "collections"  # /collection/{id}
MISSING = "missing"  # TMDB's own answer for ids it does not know (empty /find, 404)
FAILED = "failed"  # requests that failed after retries, with the reason; retried next run
DONE = (DETAILS, COLLECTIONS, MISSING)  # what a later run never fetches again
RECORDS_PER_FILE = 100

_NUMBER = re.compile(r"-(\d{4})\.json$")
_SEEN_SQL = """
SELECT DISTINCT "fetch".imdb_id, "fetch".path
FROM read_json(?, format='array', columns={'fetch': 'STRUCT(path VARCHAR, imdb_id VARCHAR)'})
"""


def record(server: str, path: str | None, imdb_id: str | None, origin: str, **body) -> dict:
    """A record: how it was fetched, then `data=` (TMDB's body) or `error=` (why it failed)."""
    fetched_at = dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    fetch = {
        "server": server,
        "path": path,
        "fetched_at": fetched_at,
        "imdb_id": imdb_id,
        "origin": origin,
    }
    return {"fetch": fetch, **body}


def _keys(storage: Storage, spec: Spec, partition_key: str, names: tuple[str, ...]) -> list[str]:
    prefix = raw_tmdb_prefix(spec, partition_key)
    return [k for k in storage.list_keys(prefix) if k[len(prefix) :].split("-")[0] in names]


@dataclass
class Seen:
    """IMDb ids and request paths already stored, so they are not fetched again."""

    imdb_ids: set[str] = field(default_factory=set)
    paths: set[str] = field(default_factory=set)


def seen(con: duckdb.DuckDBPyConnection, uris: list[str]) -> Seen:
    """What these raw files hold; only the done ones (details, collections, missing) count."""
    done = [uri for uri in uris if uri.rsplit("/", 1)[-1].split("-")[0] in DONE]
    result = Seen()
    if done:
        for imdb_id, path in con.execute(_SEEN_SQL, [done]).fetchall():
            result.paths.add(path)
            if imdb_id:
                result.imdb_ids.add(imdb_id)
    return result


def partition_files(storage: Storage, spec: Spec, partition_key: str) -> list[str]:
    """URIs of the raw JSON files this partition already holds (an interrupted run's, say)."""
    return [
        storage.uri(k) for k in storage.iter_keys(raw_tmdb_prefix(spec, partition_key), ".json")
    ]


class RecordFiles:
    """Records of one name, written out every 100 so a killed run loses at most 99 of them.

    Numbering continues after the files an earlier (interrupted) run left, and each file is
    created only if its number is free, so nothing is overwritten, even by a concurrent run of
    the same date, and a resumed partition holds each record once.
    """

    def __init__(self, storage: Storage, spec: Spec, partition_key: str, name: str):
        self.storage, self.spec, self.partition_key, self.name = storage, spec, partition_key, name
        keys = _keys(storage, spec, partition_key, (name,))
        numbers = [int(found.group(1)) for k in keys if (found := _NUMBER.search(k))]
        self._next = max(numbers, default=0) + 1
        self._pending: list[dict] = []
        self._lock = threading.Lock()
        self.written: list[str] = []
        self.count = 0

    def add(self, item: dict) -> None:
        with self._lock:
            self._pending.append(item)
            self.count += 1
            if len(self._pending) == RECORDS_PER_FILE:
                self._write()

    def flush(self) -> None:
        with self._lock:
            if self._pending:
                self._write()

    def _write(self) -> None:
        data = json.dumps(self._pending, ensure_ascii=False).encode("utf-8")
        while True:  # another run of this date may have taken the number: take the next one
            key = raw_tmdb_key(self.spec, self.partition_key, self.name, self._next)
            self._next += 1
            if self.storage.create_new(key, data):
                break
        self._pending = []
        self.written.append(key)


def clear_failures(storage: Storage, spec: Spec, partition_key: str) -> None:
    """Failures are retried by the next run, so its list replaces the last one."""
    storage.delete_prefix(f"{raw_tmdb_prefix(spec, partition_key)}{FAILED}-")
