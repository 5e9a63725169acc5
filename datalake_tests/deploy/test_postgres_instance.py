"""The deployed instance configuration (docker/dagster.yaml, Dagster's storage in PostgreSQL)
against a real PostgreSQL on loopback: `datalake ui` on it stores a run, a sensor tick and a
backfill there."""

import shutil
import time
from pathlib import Path

import pytest

from datalake.bench.ui_client import start_ui
from datalake_tests.cli_helpers import cli_env
from datalake_tests.deploy.postgres import running_postgres
from datalake_tests.servers import free_port

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def postgres():
    with running_postgres() as server:
        yield server


def _count(postgres, database: str, sql: str) -> int:
    with postgres.connect(database) as con:
        cursor = con.cursor()
        cursor.execute(sql)
        (count,) = cursor.fetchone()
    con.close()
    return count


def test_a_run_a_sensor_tick_and_a_backfill_are_stored_in_postgres(postgres, tmp_path):
    postgres.create_database("dagster_ui")
    home = tmp_path / "dagster_home"
    home.mkdir()
    shutil.copyfile(ROOT / "docker" / "dagster.yaml", home / "dagster.yaml")
    env = cli_env(tmp_path, DATALAKE_STORAGE=str(tmp_path / "lake"), **postgres.env("dagster_ui"))
    ui = start_ui(free_port(), env, tmp_path, tmp_path / "ui.log")
    try:
        ui.wait_until_loaded()
        run_id = ui.launch_run(["raw/local/movies"], "2022-05-02")
        assert ui.wait_run(run_id) == "SUCCESS", (tmp_path / "ui.log").read_text()[-3000:]
        backfill = ui.launch_backfill(["raw/local/series"], ["2022-05-03", "2022-05-04"])
        assert ui.wait_backfill(backfill)["status"] == "COMPLETED_SUCCESS"
        ui.start_sensor("landing_sensor")
        deadline = time.monotonic() + 120
        sensor_ticks = "SELECT count(*) FROM job_ticks WHERE selector_id IS NOT NULL"
        while _count(postgres, "dagster_ui", sensor_ticks) == 0:
            assert time.monotonic() < deadline, "no sensor tick stored within 120 s"
            time.sleep(2)
    finally:
        assert ui.stop() in (0, 130)
    assert not (home / "history").exists()  # nothing went to SQLite
    # The run, then the backfill's two dates in one run (raw CSV's single-run backfill policy).
    assert _count(postgres, "dagster_ui", "SELECT count(*) FROM runs WHERE status = 'SUCCESS'") >= 2
    assert _count(postgres, "dagster_ui", "SELECT count(*) FROM bulk_actions") == 1
    assert (tmp_path / "lake" / "Raw" / "Local" / "CSV" / "Series" / "2022" / "05" / "04").is_dir()
