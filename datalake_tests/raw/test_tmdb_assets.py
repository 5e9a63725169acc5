"""The TMDB enrichment assets materialised in process against the sandbox on loopback."""

import json
import logging
import os
import signal
import subprocess
import sys
from pathlib import Path

import dagster as dg
import pytest

from datalake.generate import generate
from datalake.raw.assets import raw_csv_assets
from datalake.raw.tmdb_assets import raw_tmdb_assets
from datalake.raw.tmdb_titles import csv_titles
from datalake.resources.tmdb import TmdbResource
from datalake.settings import bundled_sample_dir
from datalake.storage import open_storage
from datalake.storage.layout import SPECS, raw_csv_key, raw_tmdb_prefix
from datalake.trusted.tmdb_assets import trusted_tmdb_assets
from datalake_tests.lakes import Lake, lake_resources
from datalake_tests.tmdb.conftest import API_KEY

DATE = "2022-05-02"
FETCH_KEYS = {"server", "path", "fetched_at", "imdb_id", "origin"}
ASSETS = dict(zip(SPECS, raw_tmdb_assets, strict=True))


@pytest.fixture
def credentials(monkeypatch):
    monkeypatch.setenv("TMDB_API_KEY", API_KEY)
    monkeypatch.delenv("TMDB_READ_ACCESS_TOKEN", raising=False)


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    """A few hundred synthetic titles: more than one file's worth of Crime and War movies."""
    folder = tmp_path_factory.mktemp("generated")
    generate(folder, movies=2500, series=600, seed=3)
    return folder


def place_csvs(lake_uri: str, source: Path | str, date: str = DATE) -> None:
    storage = open_storage(lake_uri)
    for spec in SPECS:
        storage.write_bytes(raw_csv_key(spec, date), (Path(source) / f"{spec}.csv").read_bytes())


def materialize(lake_uri, tmdb, specs=SPECS, date=DATE, instance=None, downstream=(), **config):
    """The raw TMDB assets of `specs` (and the `downstream` assets) for one date."""
    # The first request has as many retries as the others unless a test says otherwise.
    settings = {"requests_per_second": 1000, "backoff_factor": 0.01, "timeout_seconds": 5,
                "discover": False, "limit": 0,
                "probe_retries": config.get("retries", 8)} | config  # fmt: skip
    key = os.environ.get("TMDB_API_KEY")  # as the code location's resources read it
    selected = [ASSETS[spec] for spec in specs]
    return dg.materialize(
        [*raw_csv_assets, *raw_tmdb_assets, *downstream],
        selection=dg.AssetSelection.assets(*selected, *downstream),
        partition_key=date,
        resources=lake_resources(
            lake_uri, tmdb=TmdbResource(base_url=tmdb.base_url, api_key=key, **settings)
        ),
        raise_on_error=False,
        instance=instance,
    )


def log_lines(instance: dg.DagsterInstance, result) -> list[str]:
    """What the run logged through `context.log` (Dagster's console logger does not propagate)."""
    return [entry.user_message for entry in instance.all_logs(result.run_id)]


def records(lake_uri: str, spec: str, name: str, date: str = DATE) -> list[dict]:
    """Every record of one kind, checking on the way that no file holds more than 100."""
    storage, found = open_storage(lake_uri), []
    for key in storage.list_keys(f"{raw_tmdb_prefix(spec, date)}{name}-"):
        batch = json.loads(storage.read_bytes(key))
        assert 1 <= len(batch) <= 100, key
        found += batch
    return found


def titles(lake_uri: str, spec: str, date: str = DATE) -> list[str]:
    lake = Lake(lake_uri)
    with lake.duckdb() as con:
        return csv_titles(con, lake.storage().uri(raw_csv_key(spec, date)), ["Crime", "War"])


def metadata(result: dg.ExecuteInProcessResult, spec: str) -> dict:
    key = dg.AssetKey(["raw", "tmdb", spec])
    [event] = [e for e in result.get_asset_materialization_events() if e.asset_key == key]
    return {k: v.value for k, v in event.step_materialization_data.materialization.metadata.items()}


def assert_each_title_once(lake_uri: str, spec: str, date: str = DATE) -> None:
    """Every planned title ends as exactly one stored or not-found record."""
    done = [
        r["fetch"]["imdb_id"]
        for name in ("details", "missing")
        for r in records(lake_uri, spec, name, date)
    ]
    assert sorted(done) == sorted(titles(lake_uri, spec, date))


def test_sample_movies_and_series_are_stored_as_tmdb_returned_them(tmdb, credentials, local_lake):
    place_csvs(local_lake, bundled_sample_dir())
    result = materialize(local_lake, tmdb)
    assert result.success
    for spec, media in (("movies", "movie"), ("series", "tv")):
        assert_each_title_once(local_lake, spec)
        details = records(local_lake, spec, "details")
        assert details
        for item in details:
            assert set(item["fetch"]) == FETCH_KEYS and item["fetch"]["server"] == tmdb.base_url
            assert (
                item["fetch"]["path"]
                == f"/{media}/{item['data']['id']}?append_to_response=credits,keywords,external_ids"
            )
            assert item["fetch"]["origin"] == "csv" and item["fetch"]["fetched_at"].endswith("Z")
            assert {"credits", "keywords", "external_ids"} <= set(item["data"])
        info = metadata(result, spec)
        assert info["failed"] == 0 and info["server"] == tmdb.base_url
        assert (
            info["planned"] == len(titles(local_lake, spec)) == info["stored"] + info["not_found"]
        )
    assert all("results" in r["data"]["keywords"] for r in records(local_lake, "series", "details"))
    movies = records(local_lake, "movies", "details")
    franchises = {r["data"]["belongs_to_collection"]["id"] for r in movies
                  if r["data"]["belongs_to_collection"]}  # fmt: skip
    assert franchises == {r["data"]["id"] for r in records(local_lake, "movies", "collections")}
    assert franchises, "the sample's franchise films (The Godfather, ...) bring their collections"


def test_without_credentials_nothing_is_fetched_one_line_says_why_and_downstream_runs(
    tmdb, local_lake, monkeypatch, generated
):
    monkeypatch.delenv("TMDB_API_KEY", raising=False)
    monkeypatch.delenv("TMDB_READ_ACCESS_TOKEN", raising=False)
    place_csvs(local_lake, generated)
    instance = dg.DagsterInstance.ephemeral()
    result = materialize(local_lake, tmdb, instance=instance, downstream=trusted_tmdb_assets)
    assert result.success
    for spec in SPECS:
        assert "TMDB_API_KEY" in metadata(result, spec)["not_fetched"]
    warnings = [line for line in log_lines(instance, result) if "TMDB_API_KEY" in line]
    assert len(warnings) == 2 and all("nothing fetched" in w for w in warnings)  # one per asset
    assert tmdb.sandbox.requests == []
    assert open_storage(local_lake).list_keys("Raw/TMDB/") == []
    built = {e.asset_key.to_user_string() for e in result.get_asset_materialization_events()}
    assert {"trusted/tmdb/movies", "trusted/tmdb/series"} <= built  # on the TMDB data it has


def test_an_invalid_key_fails_fast_with_what_to_do(tmdb, local_lake, monkeypatch, generated):
    monkeypatch.setenv("TMDB_API_KEY", "not-the-key")
    place_csvs(local_lake, generated)
    result = materialize(local_lake, tmdb)
    assert not result.success
    failures = [e.step_failure_data.error for e in result.all_events if e.is_step_failure]
    assert len(failures) == 2
    assert all("TMDB_API_KEY or TMDB_READ_ACCESS_TOKEN" in e.cause.message for e in failures)
    assert len(tmdb.sandbox.requests) == 2  # one genre-list request per asset, no retries
    assert open_storage(local_lake).list_keys("Raw/TMDB/") == []


def test_not_found_ids_are_recorded_with_tmdbs_answer(tmdb, credentials, local_lake, generated):
    place_csvs(local_lake, generated)
    lost_find, lost_details = titles(local_lake, "movies")[:2]
    tmdb.sandbox.not_found.update({lost_find, 10_000_000 + int(lost_details[2:])})
    result = materialize(local_lake, tmdb, specs=["movies"])
    assert result.success
    missing = {r["fetch"]["imdb_id"]: r for r in records(local_lake, "movies", "missing")}
    assert missing[lost_find]["data"]["movie_results"] == []
    assert missing[lost_details]["data"]["status_code"] == 34
    assert metadata(result, "movies")["not_found"] == len(missing)
    assert_each_title_once(local_lake, "movies")


def test_a_429_storm_and_20_percent_5xx_still_store_every_record(
    tmdb, credentials, local_lake, generated
):
    place_csvs(local_lake, generated)
    # A third of attempts fail: 16 attempts make a title's loss a 1e-7 event, not a flaky test.
    tmdb.sandbox.set_faults(throttle_next=2, throttle_rate=0.15, error_rate=0.2)
    result = materialize(local_lake, tmdb, specs=["series"], retries=15)
    assert result.success
    assert metadata(result, "series")["failed"] == 0
    assert records(local_lake, "series", "failed") == []
    assert_each_title_once(local_lake, "series")
    throttled = len(tmdb.sandbox.requests) - len(set(tmdb.sandbox.requests))
    assert throttled > 10  # the storm and the 5xx did happen


def test_limit_takes_the_most_voted_first_and_later_runs_continue(
    tmdb, credentials, local_lake, generated
):
    place_csvs(local_lake, generated)
    wanted = titles(local_lake, "series")
    assert materialize(local_lake, tmdb, specs=["series"], limit=5).success
    first = [
        r["fetch"]["imdb_id"]
        for name in ("details", "missing")
        for r in records(local_lake, "series", name)
    ]
    assert sorted(first) == sorted(wanted[:5])
    assert materialize(local_lake, tmdb, specs=["series"]).success
    assert_each_title_once(local_lake, "series")
    before = open_storage(local_lake).list_keys("Raw/TMDB/")
    tmdb.sandbox.reset()
    again = materialize(local_lake, tmdb, specs=["series"])
    assert metadata(again, "series")["planned"] == 0
    assert metadata(again, "series")["already_stored"] == len(wanted)
    assert open_storage(local_lake).list_keys("Raw/TMDB/") == before
    assert tmdb.sandbox.requests == ["/genre/tv/list"]


def test_titles_fetched_in_the_recent_window_are_not_fetched_again(
    tmdb, credentials, local_lake, generated
):
    place_csvs(local_lake, generated, "2022-05-01")
    place_csvs(local_lake, generated, "2022-05-02")
    assert materialize(local_lake, tmdb, specs=["movies"], date="2022-05-01").success
    tmdb.sandbox.reset()
    result = materialize(local_lake, tmdb, specs=["movies"], date="2022-05-02")
    assert metadata(result, "movies")["skipped_recent"] == len(titles(local_lake, "movies"))
    assert tmdb.sandbox.requests == ["/genre/movie/list"]


def test_discover_adds_popular_titles_the_csv_lacks(tmdb, credentials, local_lake, generated):
    place_csvs(local_lake, generated)
    result = materialize(local_lake, tmdb, specs=["movies"], discover=True, discover_limit=30)
    assert result.success
    details = records(local_lake, "movies", "details")
    discovered = [r for r in details if r["fetch"]["origin"] == "discover"]
    assert len(discovered) == 30 and all(r["fetch"]["imdb_id"] is None for r in discovered)
    assert len({r["data"]["id"] for r in details}) == len(details)
    assert (
        "/discover/movie?with_genres=80|10752&sort_by=popularity.desc&page=1"
        in tmdb.sandbox.requests
    )
    # A re-run of the partition tops up to the bound, never past it: same records, no duplicates.
    assert materialize(local_lake, tmdb, specs=["movies"], discover=True, discover_limit=30).success
    assert records(local_lake, "movies", "details") == details


def test_discover_names_the_same_titles_whatever_the_order_dates_run_in(
    tmdb, credentials, local_lake, generated
):
    """A date after one that discovered the most popular titles fetches none of them again and
    none beyond them: every date's window holds the same popular titles, once."""
    for date in ("2022-05-01", "2022-05-02", "2022-05-03"):
        place_csvs(local_lake, generated, date)
    options = {"specs": ["movies"], "discover": True, "discover_limit": 12}
    assert materialize(local_lake, tmdb, date="2022-05-02", **options).success
    alone = {r["data"]["id"] for r in records(local_lake, "movies", "details", "2022-05-02")
             if r["fetch"]["origin"] == "discover"}  # fmt: skip
    assert materialize(local_lake, tmdb, date="2022-05-01", **options).success
    first = {r["data"]["id"] for r in records(local_lake, "movies", "details", "2022-05-01")
             if r["fetch"]["origin"] == "discover"}  # fmt: skip
    assert first == alone and len(first) == 12
    tmdb.sandbox.reset()
    result = materialize(local_lake, tmdb, date="2022-05-03", **options)
    assert result.success and metadata(result, "movies")["planned"] == 0
    assert not any(r.startswith("/movie/") for r in tmdb.sandbox.requests)


def test_failures_past_the_threshold_fail_the_run_and_are_retried_next_time(
    tmdb, credentials, local_lake, generated
):
    place_csvs(local_lake, generated)
    tmdb.sandbox.set_faults(error_rate=0.5)
    # The first request gets its retries (a failed first request is an outage, not a title).
    result = materialize(local_lake, tmdb, specs=["series"], retries=0, probe_retries=20)
    assert not result.success
    [failure] = [e.step_failure_data for e in result.all_events if e.is_step_failure]
    assert "failed-*.json" in failure.error.message
    failed = records(local_lake, "series", "failed")
    assert failed and all("HTTP 50" in r["error"] for r in failed)
    # The count says what it counts: each failure is one of the lookups made, so never "39 of 38".
    counts = {k: v.value for k, v in failure.user_failure_data.metadata.items()}
    assert f"{len(failed)} of {counts['requests']} TMDB lookups failed" in failure.error.message
    assert counts["failed"] == len(failed) <= counts["requests"]
    tmdb.sandbox.reset()
    assert materialize(local_lake, tmdb, specs=["series"]).success
    assert records(local_lake, "series", "failed") == []
    assert_each_title_once(local_lake, "series")


_KILLABLE_RUN = """
import sys
import duckdb
from datalake.raw.tmdb_enrich import EnrichOptions, Enrichment
from datalake.storage import open_storage
from datalake.storage.layout import raw_csv_key
from datalake.tmdb.client import ClientOptions, Credentials, TmdbClient
storage = open_storage(sys.argv[1])
source = storage.uri(raw_csv_key("movies", sys.argv[3]))
options = EnrichOptions(limit=0, discover=False)
with TmdbClient(sys.argv[2], Credentials.from_env(), ClientOptions(requests_per_second=200)) as c:
    with duckdb.connect() as con:
        enrichment = Enrichment(storage, con, c, "movies", sys.argv[3], source, [], options)
    enrichment.run()
"""


def test_a_killed_run_resumes_without_refetching(tmdb, credentials, local_lake, generated):
    place_csvs(local_lake, generated)
    first_file = Path(local_lake) / raw_tmdb_prefix("movies", DATE) / "details-0001.json"
    tmdb.sandbox.set_faults(latency=0.01)
    process = subprocess.Popen(
        [sys.executable, "-c", _KILLABLE_RUN, local_lake, tmdb.base_url, DATE], env=dict(os.environ)
    )
    try:
        while not first_file.exists():  # kill it as soon as it has stored something
            with pytest.raises(subprocess.TimeoutExpired):
                process.wait(timeout=0.02)  # (it must not end on its own before that)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()
    stored_before = {r["fetch"]["path"] for r in records(local_lake, "movies", "details")}
    imdb_before = {r["fetch"]["imdb_id"] for r in records(local_lake, "movies", "details")}
    assert 100 <= len(stored_before) < len(titles(local_lake, "movies"))
    tmdb.sandbox.reset()
    assert materialize(local_lake, tmdb, specs=["movies"]).success
    refetched = set(tmdb.sandbox.requests) & (
        stored_before | {f"/find/{i}?external_source=imdb_id" for i in imdb_before}
    )
    assert refetched == set()
    assert_each_title_once(local_lake, "movies")


def test_the_key_is_nowhere_in_logs_events_or_stored_bytes(
    tmdb, credentials, local_lake, generated, caplog, monkeypatch
):
    for name in ("urllib3.connectionpool", "urllib3.util.retry"):  # an earlier logging setup may
        monkeypatch.setattr(logging.getLogger(name), "disabled", False)  # have silenced them
    caplog.set_level(logging.DEBUG)
    place_csvs(local_lake, generated)
    tmdb.sandbox.set_faults(throttle_rate=0.02, error_rate=0.2, drop_rate=0.05, malformed_rate=0.05)
    instance = dg.DagsterInstance.ephemeral()
    result = materialize(local_lake, tmdb, instance=instance, discover=True, discover_limit=20)
    assert result.success
    assert "api_key=***" in caplog.text  # urllib3 logged request lines with their URL...
    assert API_KEY not in caplog.text  # ...redacted
    assert all(API_KEY not in repr(entry) for entry in instance.all_logs(result.run_id))
    for path in Path(local_lake).rglob("*"):
        assert path.is_dir() or API_KEY.encode() not in path.read_bytes(), path


def test_s3_lake(tmdb, credentials, s3_bucket, generated):
    lake = s3_bucket + "/lake"
    place_csvs(lake, generated)
    result = materialize(lake, tmdb, specs=["movies"], limit=3)
    assert result.success and metadata(result, "movies")["planned"] == 3
    assert len(records(lake, "movies", "details")) + len(records(lake, "movies", "missing")) == 3


def test_a_range_of_dates_runs_in_one_run_in_date_order(tmdb, credentials, local_lake, generated):
    """A backfill's single run: each date sees what the dates before it stored (as separate
    runs in date order would), so the titles are fetched once, on the first date."""
    from dagster._core.storage.tags import (
        ASSET_PARTITION_RANGE_END_TAG,
        ASSET_PARTITION_RANGE_START_TAG,
    )

    dates = ["2022-05-01", "2022-05-02", "2022-05-03"]
    for date in dates:
        place_csvs(local_lake, generated, date)
    settings = {"requests_per_second": 1000, "backoff_factor": 0.01, "discover": False, "limit": 0}
    tmdb_resource = TmdbResource(base_url=tmdb.base_url, api_key=API_KEY, **settings)
    defs = dg.Definitions(
        assets=[*raw_csv_assets, *raw_tmdb_assets],
        resources=lake_resources(local_lake, tmdb=tmdb_resource),
    )
    job = defs.resolve_implicit_global_asset_job_def()
    assert ASSETS["movies"].backfill_policy == dg.BackfillPolicy.single_run()
    result = job.execute_in_process(
        asset_selection=[dg.AssetKey(["raw", "tmdb", "movies"])],
        tags={ASSET_PARTITION_RANGE_START_TAG: dates[0], ASSET_PARTITION_RANGE_END_TAG: dates[-1]},
    )
    assert result.success
    assert_each_title_once(local_lake, "movies", dates[0])
    for date in dates[1:]:
        assert records(local_lake, "movies", "details", date) == []
    finds = [r for r in tmdb.sandbox.requests if r.startswith("/find/")]
    assert len(finds) == len(set(finds)) == len(titles(local_lake, "movies", dates[0]))
