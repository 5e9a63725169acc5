"""Hostile configuration through the console script: one `error:` line, non-zero, nothing written."""

import time

import dagster as dg
import pytest

from datalake.definitions import build_definitions
from datalake.errors import DatalakeError
from datalake.settings import Settings
from datalake.storage.layout import asset_location
from datalake_tests.cli_helpers import cli_env, run_cli
from datalake_tests.raw.helpers import ROWS, write_landing


def error_lines(done) -> list[str]:
    assert done.returncode != 0
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), done.stderr
    return lines


def test_uri_spellings_never_become_local_paths(tmp_path, s3_server):
    for storage in ("S3://lakebucket", "s3:/lakebucket", "s3a://lakebucket"):
        env = cli_env(tmp_path, DATALAKE_STORAGE=storage, **s3_server.env())
        started = time.monotonic()
        (line,) = error_lines(run_cli(["run", "--date", "2022-05-02"], env, tmp_path))
        assert time.monotonic() - started < 30  # mostly Dagster's import
        expected = "does not exist" if storage.startswith("S3://") else "write it as s3://lake"
        assert expected in line
    buckets = {b["Name"] for b in s3_server.client().list_buckets()["Buckets"]}
    assert "lakebucket" not in buckets
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dagster_home"]


@pytest.mark.parametrize("date", ["2021-12-31", "2999-01-01"])
def test_dates_outside_the_partitions_are_refused(tmp_path, date):
    (line,) = error_lines(run_cli(["run", "--date", date], cli_env(tmp_path), tmp_path))
    assert f"Processing date {date} is outside the lake's dates 2022-01-01 to" in line


def test_nonsense_genres_stop_before_anything_runs(tmp_path):
    env = cli_env(tmp_path, DATALAKE_GENRES="Nonsense,Foo", DATALAKE_STORAGE=str(tmp_path / "l"))
    (line,) = error_lines(run_cli(["run", "--date", "2022-05-02"], env, tmp_path))
    assert "no IMDb genre is named 'Nonsense', 'Foo'" in line
    assert not (tmp_path / "l").exists()


@pytest.mark.parametrize("key", ["../../../etc", "2022-05-02/../../x", "2022-13-01"])
def test_traversal_in_partition_keys_through_the_dagster_api(tmp_path, key):
    defs = build_definitions(Settings(storage=str(tmp_path / "lake")))
    with pytest.raises(dg.DagsterUnknownPartitionError):
        dg.materialize(
            [*defs.assets],
            selection=dg.AssetSelection.groups("raw"),
            partition_key=key,
            resources=defs.resources,
        )
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []
    # Behind Dagster's own check, the one key mapping refuses the key too.
    with pytest.raises(DatalakeError, match="Invalid processing date"):
        asset_location(("raw", "local", "movies"), key)


def test_a_step_failure_is_one_error_line_with_no_trace(tmp_path):
    landing = tmp_path / "landing"
    write_landing(landing, "movies", ROWS["movies"], header="id,tituloPincipal," + "x" * 5000)
    write_landing(landing, "series", ROWS["series"])
    env = cli_env(tmp_path, DATALAKE_STORAGE=str(tmp_path / "lake"), DATALAKE_LANDING=str(landing))
    done = run_cli(["run", "--date", "2022-05-02"], env, tmp_path)
    assert done.returncode == 1
    stderr = done.stderr.strip().splitlines()
    errors = [line for line in stderr if line.startswith("error:")]
    assert len(errors) == 1 and errors == stderr[-1:], done.stderr
    assert "separated by ','" in errors[0] and len(errors[0]) < 300
    assert len(stderr) <= 6, done.stderr  # the TMDB note, a few asset warnings, the error
    assert "Traceback" not in done.stderr and "Stack Trace" not in done.stderr
    assert all(len(line) <= 320 for line in stderr)
