"""`datalake ui` as its users drive it, through the UI's own GraphQL API: one UI for the module
(started the way a script starts it, with SIGINT ignored), a real TMDB sandbox rate-limited like
TMDB (40 requests/s), a fresh DAGSTER_HOME and lake; stopped by the last test."""

import datetime as dt
import shutil
import signal
import socket
import time

import dagster as dg
import duckdb
import pytest
import requests

from datalake.bench.ui_client import start_ui
from datalake.settings import bundled_sample_dir
from datalake.storage.layout import trusted_prefix
from datalake.tmdb.sandbox import Sandbox, running_sandbox
from datalake.ui import session_processes
from datalake_tests.cli_helpers import cli_env, run_cli
from datalake_tests.servers import free_port
from datalake_tests.tmdb.conftest import API_KEY

BACKFILL_DATES = ["2022-05-02", "2022-05-03", "2022-05-04"]


@pytest.fixture(scope="module")
def sandbox():
    server = Sandbox(api_key=API_KEY, requests_per_second=40)  # TMDB's own limit
    with running_sandbox(sandbox=server) as base_url:
        server.base_url = base_url
        yield server


@pytest.fixture(scope="module")
def site(tmp_path_factory, sandbox):
    root = tmp_path_factory.mktemp("ui")
    shutil.copytree(bundled_sample_dir(), root / "landing")
    env = cli_env(
        root, DATALAKE_STORAGE=str(root / "lake"), DATALAKE_LANDING=str(root / "landing"),
        TMDB_API_KEY=API_KEY, TMDB_BASE_URL=sandbox.base_url, DATALAKE_TMDB_LIMIT="15",
    )  # fmt: skip
    ui = start_ui(free_port(), env, root, root / "ui.log", ignore_sigint=True)
    ui.root, ui.env = root, env
    yield ui
    if ui.process.poll() is None:
        ui.stop()


def _log(ui) -> str:
    return (ui.root / "ui.log").read_text(errors="replace")[-4000:]


def test_the_ui_loads_the_lake_as_the_one_datalake_location(site):
    assert site.wait_until_loaded() == ["datalake"]
    keys = site.asset_keys("raw", "trusted")
    assert {"raw/local/movies", "raw/tmdb/series", "trusted/local/movies"} <= set(keys)


def test_a_three_date_backfill_of_raw_and_trusted_succeeds(site):
    keys = site.asset_keys("raw", "trusted")
    backfill = site.wait_backfill(site.launch_backfill(keys, BACKFILL_DATES))
    assert backfill["status"] == "COMPLETED_SUCCESS", _log(site)
    assert {run["status"] for run in backfill["runs"]} == {"SUCCESS"}
    assert len(backfill["runs"]) == 2  # all dates in one run: the CSV chain, then the TMDB chain
    for spec in ("movies", "series"):  # every date holds the sample once: no duplicate row
        counts = {
            duckdb.sql(
                "SELECT count(*) FROM read_parquet(?)",
                params=[f"{site.root}/lake/{trusted_prefix('local', spec, date)}*.parquet"],
            ).fetchall()[0][0]
            for date in BACKFILL_DATES
        }
        assert len(counts) == 1 and counts.pop() > 0


def test_two_runs_at_once_against_the_rate_limited_sandbox_both_succeed(site, sandbox):
    sandbox.reset()
    keys = ["raw/local/movies", "raw/tmdb/movies"]
    runs = [site.launch_run(keys, date) for date in ("2023-01-10", "2023-06-10")]
    assert [site.wait_run(run) for run in runs] == ["SUCCESS", "SUCCESS"], _log(site)
    assert sandbox.statuses[200] > 0
    assert sandbox.statuses[429] == 0  # one shared limit: their sum stayed within 40/s


def test_the_landing_sensor_runs_a_changed_file(site):
    site.start_sensor("landing_sensor")
    sensor = {"dagster/sensor_name": "landing_sensor"}

    def movie_runs() -> list[dict]:
        return [r for r in site.runs(sensor) if _tag(r, "dagster/run_key").startswith("movies:")]

    first = _wait_for(lambda: [r for r in movie_runs() if r["status"] == "SUCCESS"], 150)
    with (site.root / "landing" / "movies.csv").open("a", encoding="utf-8") as movies:
        last = (site.root / "landing" / "movies.csv").read_text().splitlines()[-1]
        movies.write(last + "\n")  # a new version of the file
    seen = {_tag(r, "dagster/run_key") for r in first}
    changed = _wait_for(lambda: [r for r in movie_runs() if _tag(r, "dagster/run_key") not in seen
                                 and r["status"] == "SUCCESS"], 180)  # fmt: skip
    assert len(changed) == 1
    assert _tag(changed[0], "dagster/partition") == dt.datetime.now(dt.UTC).date().isoformat()


def test_a_busy_port_is_refused_with_one_line_before_anything_starts(tmp_path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        port = busy.getsockname()[1]
        result = run_cli(["ui", "--port", str(port)], cli_env(tmp_path), tmp_path, timeout=60)
    assert result.returncode == 2
    assert result.stderr.strip() == (
        f"error: Port {port} on 127.0.0.1 is already in use: stop what uses it or pick another "
        "with --port."
    )
    assert not (tmp_path / "dagster_home").exists()


def test_stopping_ends_every_process_and_fails_the_interrupted_run(site, sandbox):
    sandbox.reset()
    sandbox.set_faults(latency=2.0)  # a slow TMDB: the run is still fetching when the UI stops
    date = "2023-09-01"
    run_id = site.launch_run(["raw/local/series", "raw/tmdb/series"], date)
    _wait_for(lambda: sandbox.requests, 120)
    site.process.send_signal(signal.SIGINT)  # ignored, as the script that started it asked
    time.sleep(2)
    assert site.process.poll() is None
    assert requests.get(f"{site.base_url}/server_info", timeout=10).ok
    assert site.stop(timeout=120) == 0
    assert session_processes(site.process.pid) == []
    with dg.DagsterInstance.from_config(site.env["DAGSTER_HOME"]) as instance:
        run = instance.get_run_by_id(run_id)
        assert run is not None and run.status == dg.DagsterRunStatus.FAILURE
        assert run.tags.get("dagster/will_retry") == "false"  # a stop is not retried as a crash
    with pytest.raises(requests.ConnectionError):
        requests.get(f"{site.base_url}/server_info", timeout=5)
    sandbox.reset()  # its partition re-runs cleanly
    again = run_cli(["run", "--date", date, "--select", "raw/local/series,raw/tmdb/series"],
                    site.env, site.root)  # fmt: skip
    assert again.returncode == 0, again.stderr


def _tag(run: dict, key: str) -> str:
    return next((t["value"] for t in run["tags"] if t["key"] == key), "")


def _wait_for(probe, timeout: float):
    deadline = time.monotonic() + timeout
    while not (found := probe()):
        assert time.monotonic() < deadline, f"nothing within {timeout}s"
        time.sleep(2)
    return found
