"""TMDB down or failing during an enrichment (hung, slower than the timeout, refusing connections,
storms of 5xx or 429, HTML pages from a proxy, malformed JSON, dropped connections): the run stops
in bounded time with one line saying what to do, records what failed, keeps every record it
already had and never stores a page that is not TMDB's JSON."""

import threading
import time
from pathlib import Path

import pytest

from datalake.raw.tmdb_enrich import OUTAGE_AFTER
from datalake_tests.raw import test_tmdb_assets as enrichment
from datalake_tests.raw.test_tmdb_assets import (
    DATE,
    assert_each_title_once,
    materialize,
    place_csvs,
    records,
)
from datalake_tests.servers import free_port

credentials, generated = enrichment.credentials, enrichment.generated  # the same fixtures

FAST_FAIL = {"retries": 1, "backoff_factor": 0.01, "timeout_seconds": 0.3, "max_connections": 8}
# Each way TMDB can fail for every request; None: nothing listens on its port.
OUTAGES = {
    "hung": {"hang": True},
    "slower than the timeout": {"latency": 1.0},
    "closed": None,
    "5xx storm": {"error_rate": 1.0},
    "429 storm": {"throttle_rate": 1.0},
    "proxy HTML error pages": {"html_error_rate": 1.0},
    "HTML page answered 200": {"html_rate": 1.0},
    "malformed JSON": {"malformed_rate": 1.0},
    "dropped connections": {"drop_rate": 1.0},
}


class Closed:
    """A TMDB base URL nothing listens on."""

    base_url = f"http://127.0.0.1:{free_port()}/3"


def failure_message(result) -> str:
    [event] = [e for e in result.all_events if e.is_step_failure]
    error = event.step_failure_data.error
    while error.cause is not None and error.cls_name != "DatalakeError":
        error = error.cause
    return error.message.strip()


def assert_no_html_stored(lake_uri: str) -> None:
    for path in Path(lake_uri).rglob("*"):
        if path.is_file():
            assert b"<html" not in path.read_bytes().lower(), path


@pytest.mark.parametrize("outage", OUTAGES)
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
    if OUTAGES[outage] is None:
        server = Closed()
    else:
        tmdb.sandbox.set_faults(**OUTAGES[outage])
    started = time.monotonic()
    result = materialize(local_lake, server, specs=["movies"], **FAST_FAIL)
    elapsed = time.monotonic() - started

    assert not result.success
    message = failure_message(result)
    assert "is down or failing" in message and "run again later" in message, message
    assert "\n" not in message.removeprefix("datalake.errors.DatalakeError: ")
    # Bounded: about OUTAGE_AFTER / connections waves of (retries + 1) x timeout, not minutes.
    assert elapsed < 30, elapsed
    failed = records(local_lake, "movies", "failed")
    # The first request failing its retries, or OUTAGE_AFTER in a row, stop asking: what failed
    # is recorded (retried next run), and no more than a wave of in-flight requests follow.
    assert 1 <= len(failed) <= OUTAGE_AFTER + FAST_FAIL["max_connections"]
    kept = records(local_lake, "movies", "details") + records(local_lake, "movies", "missing")
    assert kept == stored
    assert_no_html_stored(local_lake)


def test_a_server_found_down_stops_the_runs_other_tmdb_step_at_once(
    tmdb, credentials, local_lake, generated
):
    place_csvs(local_lake, generated)
    tmdb.sandbox.set_faults(hang=True)
    result = materialize(local_lake, tmdb, **FAST_FAIL)
    assert not result.success
    messages = sorted(
        e.step_failure_data.error.cause.message for e in result.all_events if e.is_step_failure
    )
    assert len(messages) == 2 and all("is down or failing" in m for m in messages)
    assert sum("found by an earlier step" in m for m in messages) == 1
    asked = {r.split("?")[0] for r in tmdb.sandbox.requests}
    assert asked in ({"/genre/movie/list"}, {"/genre/tv/list"})  # by the first step only


def test_html_pages_among_answers_are_retried_and_never_stored(
    tmdb, credentials, local_lake, generated
):
    place_csvs(local_lake, generated)
    tmdb.sandbox.set_faults(html_error_rate=0.2, html_rate=0.1)
    result = materialize(local_lake, tmdb, specs=["series"], retries=15)
    assert result.success
    assert records(local_lake, "series", "failed") == []
    assert_each_title_once(local_lake, "series")
    assert tmdb.sandbox.statuses[502] + tmdb.sandbox.statuses[503] > 5  # the pages were sent
    assert_no_html_stored(local_lake)


def test_the_date_is_resumed_once_tmdb_is_back(tmdb, credentials, local_lake, generated):
    place_csvs(local_lake, generated)
    tmdb.sandbox.set_faults(latency=5.0)
    assert not materialize(local_lake, tmdb, specs=["movies"], **FAST_FAIL).success
    tmdb.sandbox.reset()
    assert materialize(local_lake, tmdb, specs=["movies"]).success
    assert records(local_lake, "movies", "failed", DATE) == []


@pytest.mark.parametrize("trouble", [{"latency": 5.0}, {"html_error_rate": 1.0}])
def test_tmdb_going_down_mid_run_stops_after_a_run_of_failures(
    tmdb, credentials, local_lake, generated, trouble
):
    place_csvs(local_lake, generated)

    def hang_once_started():  # once three titles' details were served
        while sum(r.startswith("/movie/") for r in list(tmdb.sandbox.requests)) < 3:
            time.sleep(0.002)
        tmdb.sandbox.set_faults(**trouble)

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
    assert_no_html_stored(local_lake)
