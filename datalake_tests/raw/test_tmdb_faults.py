"""TMDB down (hung or refusing connections) during an enrichment: the run stops in bounded time
with one line saying what to do, records what failed, and keeps every record it already had."""

import threading
import time

import pytest

from datalake.raw.tmdb_enrich import OUTAGE_AFTER
from datalake_tests.raw import test_tmdb_assets as enrichment
from datalake_tests.raw.test_tmdb_assets import DATE, materialize, place_csvs, records
from datalake_tests.servers import free_port

credentials, generated = enrichment.credentials, enrichment.generated  # the same fixtures

FAST_FAIL = {"retries": 1, "backoff_factor": 0.01, "timeout_seconds": 0.3, "max_connections": 8}


class Closed:
    """A TMDB base URL nothing listens on."""

    base_url = f"http://127.0.0.1:{free_port()}/3"


def failure_message(result) -> str:
    [event] = [e for e in result.all_events if e.is_step_failure]
    error = event.step_failure_data.error
    while error.cause is not None and error.cls_name != "DatalakeError":
        error = error.cause
    return error.message.strip()


@pytest.mark.parametrize("outage", ["hung", "closed"])
def test_an_outage_ends_the_run_in_bounded_time_and_keeps_what_was_stored(
    tmdb,
    credentials,
    local_lake,
    generated,
    outage,
):
    place_csvs(local_lake, generated)
    assert materialize(local_lake, tmdb, specs=["movies"], limit=3).success
    stored = records(local_lake, "movies", "details") + records(local_lake, "movies", "missing")
    assert len(stored) == 3

    server = tmdb
    if outage == "hung":
        tmdb.sandbox.set_faults(latency=5.0)  # accepts, then answers long after the timeout
    else:
        server = Closed()
    started = time.monotonic()
    result = materialize(local_lake, server, specs=["movies"], **FAST_FAIL)
    elapsed = time.monotonic() - started

    assert not result.success
    message = failure_message(result)
    assert "is not answering" in message and "run again later" in message, message
    assert "\n" not in message.removeprefix("datalake.errors.DatalakeError: ")
    # Bounded: about OUTAGE_AFTER / connections waves of (retries + 1) x timeout, not minutes.
    assert elapsed < 30, elapsed
    failed = records(local_lake, "movies", "failed")
    # The first request failing its retries, or OUTAGE_AFTER in a row, stop asking: what failed
    # is recorded (retried next run), and no more than a wave of in-flight requests follow.
    assert 1 <= len(failed) <= OUTAGE_AFTER + FAST_FAIL["max_connections"]
    kept = records(local_lake, "movies", "details") + records(local_lake, "movies", "missing")
    assert kept == stored


def test_the_date_is_resumed_once_tmdb_is_back(tmdb, credentials, local_lake, generated):
    place_csvs(local_lake, generated)
    tmdb.sandbox.set_faults(latency=5.0)
    assert not materialize(local_lake, tmdb, specs=["movies"], **FAST_FAIL).success
    tmdb.sandbox.reset()
    assert materialize(local_lake, tmdb, specs=["movies"]).success
    assert records(local_lake, "movies", "failed", DATE) == []


def test_tmdb_going_down_mid_run_stops_after_a_run_of_failures(
    tmdb, credentials, local_lake, generated
):
    place_csvs(local_lake, generated)

    def hang_once_started():  # once three titles' details were served
        while sum(r.startswith("/movie/") for r in list(tmdb.sandbox.requests)) < 3:
            time.sleep(0.002)
        tmdb.sandbox.set_faults(latency=5.0)

    flipper = threading.Thread(target=hang_once_started, daemon=True)
    flipper.start()
    started = time.monotonic()
    result = materialize(local_lake, tmdb, specs=["movies"], **FAST_FAIL)
    elapsed = time.monotonic() - started
    flipper.join(timeout=5)
    assert not result.success
    assert f"{OUTAGE_AFTER} requests in a row failed" in failure_message(result)
    assert elapsed < 30, elapsed
    assert len(records(local_lake, "movies", "details")) >= 3  # what it had is kept
