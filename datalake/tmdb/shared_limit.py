"""One TMDB rate limit for every process of the machine: the limiter's state lives in a file.

TMDB limits requests per IP address, so concurrent runs (and both specs of one run) must share a
single budget. pyrate-limiter's token bucket keeps one number per rate; this store keeps it in a
small file, read and advanced under an exclusive `flock`, so all processes draw from one bucket.
"""

import fcntl
import hashlib
import json
import os
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pyrate_limiter import Duration, Limiter, Rate, StateBucket, TokenBucket, WallClock
from pyrate_limiter.abstracts.store import StateStore

_STATE_BYTES = 256


def shared_state_path(base_url: str, requests_per_second: int) -> Path:
    """The state file of one TMDB server and rate, in this user's temporary directory."""
    digest = hashlib.sha256(f"{base_url.rstrip('/')}|{requests_per_second}".encode()).hexdigest()
    folder = Path(tempfile.gettempdir()) / f"datalake-tmdb-{os.getuid()}"
    return folder / f"{digest[:16]}.limit"


class FileStateStore(StateStore):
    """A `StateStore` shared by processes: an exclusive file lock makes each check atomic."""

    # Epoch time: a monotonic clock means nothing to another process's saved state.
    default_clock = WallClock()

    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self._fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        self._threads = threading.Lock()  # flock is per open file: threads need their own lock

    @contextmanager
    def _locked(self) -> Iterator[None]:
        with self._threads:
            fcntl.flock(self._fd, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(self._fd, fcntl.LOCK_UN)

    def _load(self, algorithm, rates) -> tuple:
        try:
            stored = tuple(json.loads(os.pread(self._fd, _STATE_BYTES, 0).rstrip(b"\0 ") or b"[]"))
        except ValueError:  # a torn write: start afresh rather than stop every run
            stored = ()
        return stored if len(stored) == len(rates) else algorithm.initial(rates)

    def check(self, algorithm, rates, now, weight):
        with self._locked():
            state, decision = algorithm.step(rates, self._load(algorithm, rates), now, weight)
            if decision.allowed:
                os.pwrite(self._fd, json.dumps(list(state)).encode().ljust(_STATE_BYTES), 0)
            return decision

    def read(self, algorithm, rates):
        with self._locked():
            return self._load(algorithm, rates)

    def reset(self) -> None:
        with self._locked():
            os.ftruncate(self._fd, 0)

    def close(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1


def tmdb_limiter(requests_per_second: int, state: Path | None = None) -> Limiter:
    """Evenly spaced requests with a small burst (1/8 s worth, to win back slots lost to thread
    wake-up delays; a whole second's worth at once would trip TMDB's own limit). With `state`,
    every process using that file shares the one limit."""
    burst = max(1, requests_per_second // 8)
    rate = Rate(requests_per_second, Duration.SECOND, burst=burst)
    if state is None:
        return Limiter(StateBucket([rate], algorithm=TokenBucket()), buffer_ms=0)
    bucket = StateBucket([rate], algorithm=TokenBucket(), store=FileStateStore(state))
    return Limiter(bucket, buffer_ms=0)
