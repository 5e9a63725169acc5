"""The shipped local instance: installed into a fresh DAGSTER_HOME, safe under concurrent first runs."""

import datetime as dt
import subprocess

import dagster as dg
import yaml

from datalake.instance import SHIPPED_CONFIG, prepare_home
from datalake_tests.cli_helpers import DATALAKE, cli_env

DATES = ["2022-05-02", "2022-05-03", "2022-05-04", "2022-05-05"]


def test_shipped_config_is_a_valid_instance(tmp_path):
    config = yaml.safe_load(SHIPPED_CONFIG.read_text())
    assert config["telemetry"] == {"enabled": False}
    assert config["concurrency"]["runs"]["max_concurrent_runs"] >= 1
    assert config["run_retries"]["enabled"] is True
    home = prepare_home(tmp_path / "home")
    assert (home / "dagster.yaml").read_text() == SHIPPED_CONFIG.read_text()
    with dg.DagsterInstance.from_config(str(home)) as instance:
        assert instance.run_retries_enabled
        assert instance.get_concurrency_config().pool_config.default_pool_limit == 1


def test_an_existing_config_is_left_alone(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    (home / "dagster.yaml").write_text("telemetry:\n  enabled: true\n")
    prepare_home(home)
    assert (home / "dagster.yaml").read_text() == "telemetry:\n  enabled: true\n"


def test_four_concurrent_first_runs_on_a_fresh_home_all_succeed(tmp_path):
    env = cli_env(tmp_path, DATALAKE_STORAGE=str(tmp_path / "lake"))
    runs = [
        subprocess.Popen(
            [DATALAKE, "run", "--date", date, "--select", "raw/local/movies"],
            env=env,
            cwd=tmp_path,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for date in DATES
    ]
    outputs = [run.communicate(timeout=240)[0] for run in runs]
    for run, output in zip(runs, outputs, strict=True):
        assert run.returncode == 0, output
    home = tmp_path / "dagster_home"
    assert (home / "dagster.yaml").read_text() == SHIPPED_CONFIG.read_text()
    with dg.DagsterInstance.from_config(str(home)) as instance:
        stored = instance.get_runs()
        assert len(stored) == len(DATES)
        assert {r.status for r in stored} == {dg.DagsterRunStatus.SUCCESS}
        assert sorted(r.tags["dagster/partition"] for r in stored) == DATES


def test_runs_a_stopped_ui_interrupted_are_failed_and_not_retried(tmp_path, monkeypatch):
    """A stop is not a crash: what was in flight or failed because of it waits for the user;
    a run that crashed before the stop keeps its one retry."""
    from dagster._core.storage.tags import GRPC_INFO_TAG
    from dagster._daemon.auto_run_reexecution.auto_run_reexecution import should_retry

    from datalake.ui import _fail_interrupted_runs

    home = prepare_home(tmp_path / "home")
    monkeypatch.setenv("DAGSTER_HOME", str(home))
    started = dt.datetime.now(dt.UTC)
    with dg.DagsterInstance.get() as instance:
        ui_run = {GRPC_INFO_TAG: "{}"}  # launched by the UI's run launcher
        crashed = instance.create_run_for_job(_job(), tags=ui_run)
        instance.report_run_failed(crashed, "the run worker died")
        stopped = dt.datetime.now(dt.UTC)
        in_flight = instance.create_run_for_job(_job(), tags=ui_run)
        instance.handle_run_event(in_flight.run_id, _started(in_flight))
        failing = instance.create_run_for_job(_job(), tags=ui_run)
        instance.report_run_failed(failing, "its worker got SIGTERM from the stop")

    _fail_interrupted_runs(started, stopped)

    with dg.DagsterInstance.get() as instance:
        runs = {r.run_id: r for r in instance.get_runs()}
        assert {r.status for r in runs.values()} == {dg.DagsterRunStatus.FAILURE}
        assert should_retry(runs[crashed.run_id], instance)
        assert not should_retry(runs[in_flight.run_id], instance)
        assert not should_retry(runs[failing.run_id], instance)


def _job() -> dg.JobDefinition:
    @dg.op
    def nothing() -> None:
        pass

    @dg.job
    def a_job():
        nothing()

    return a_job


def _started(run: dg.DagsterRun):
    from dagster._core.events import DagsterEvent, DagsterEventType

    return DagsterEvent(DagsterEventType.RUN_START.value, job_name=run.job_name)
