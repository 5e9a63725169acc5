"""The shipped local instance: installed into a fresh DAGSTER_HOME, safe under concurrent first runs."""

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
