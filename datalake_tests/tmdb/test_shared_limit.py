"""Concurrent processes share one TMDB rate limit through the limiter's state file."""

import subprocess
import sys
import time

from datalake.tmdb.sandbox import Sandbox, running_sandbox
from datalake.tmdb.shared_limit import shared_state_path
from datalake_tests.tmdb.conftest import API_KEY

RATE = 20  # requests/s: the sandbox's limit and each client's own pace
PER_PROCESS = 60

# One client process: 4 threads, PER_PROCESS requests, no retries (a 429 fails it).
# Arguments: base URL, state file.
_CLIENT = f"""
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from datalake.tmdb.client import ClientOptions, Credentials, TmdbClient
from datalake.tmdb.endpoints import genre_list
options = ClientOptions(requests_per_second={RATE}, retries=0, rate_state=Path(sys.argv[2]))
with TmdbClient(sys.argv[1], Credentials(api_key={API_KEY!r}), options) as client:
    with ThreadPoolExecutor(4) as pool:
        list(pool.map(lambda _: client.get(genre_list("movie")), range({PER_PROCESS})))
"""


def _two_processes(base_url: str, states: list[str]) -> tuple[list[int], float]:
    started = time.monotonic()
    processes = [
        subprocess.Popen([sys.executable, "-c", _CLIENT, base_url, state], stderr=subprocess.PIPE)
        for state in states
    ]
    codes = [p.wait(timeout=120) for p in processes]
    return codes, time.monotonic() - started


def test_two_processes_together_stay_within_the_servers_limit(tmp_path):
    sandbox = Sandbox(api_key=API_KEY, requests_per_second=RATE)
    with running_sandbox(sandbox=sandbox) as base_url:
        codes, elapsed = _two_processes(base_url, [str(tmp_path / "shared.limit")] * 2)
        assert codes == [0, 0]
        assert sandbox.statuses[429] == 0
        assert sandbox.statuses[200] == 2 * PER_PROCESS
        # Together they waited for one budget: about 2 x PER_PROCESS / RATE seconds, not half.
        assert elapsed >= (2 * PER_PROCESS - 2 * RATE) / RATE


def test_without_a_shared_state_the_same_processes_trip_the_limit(tmp_path):
    sandbox = Sandbox(api_key=API_KEY, requests_per_second=RATE)
    with running_sandbox(sandbox=sandbox) as base_url:
        # A state file each: what every run did before the limit was shared.
        codes, _ = _two_processes(base_url, [str(tmp_path / f"{n}.limit") for n in range(2)])
        assert sandbox.statuses[429] > 0
        assert codes != [0, 0]


def test_the_resource_shares_one_state_per_server_and_rate():
    one = shared_state_path("http://127.0.0.1:1/3", 40)
    assert one == shared_state_path("http://127.0.0.1:1/3/", 40)
    assert one != shared_state_path("http://127.0.0.1:2/3", 40)
    assert one != shared_state_path("http://127.0.0.1:1/3", 20)
