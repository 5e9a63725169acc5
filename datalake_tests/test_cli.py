"""The console script end to end: exit codes and one clear line per error."""

from datalake.storage import open_storage
from datalake_tests.cli_helpers import cli_env, run_cli
from datalake_tests.raw.helpers import ROWS, write_landing


def test_run_raw_then_rerun(tmp_path):
    landing = tmp_path / "landing"
    for spec in ROWS:
        write_landing(landing, spec, ROWS[spec])
    env = cli_env(tmp_path, DATALAKE_STORAGE=str(tmp_path / "lake"), DATALAKE_LANDING=str(landing))
    env["DAGSTER_HOME"] = "home"  # relative: taken from the working directory
    for _ in range(2):
        done = run_cli(["run", "--date", "2022-05-02", "--select", "raw"], env, tmp_path)
        assert done.returncode == 0, done.stderr
        assert "raw/local/movies" in done.stdout and "succeeded" in done.stdout
    assert (tmp_path / "home" / "dagster.yaml").is_file()
    assert open_storage(str(tmp_path / "lake")).list_keys("") == [
        "Raw/Local/CSV/Movies/2022/05/02/movies.csv",
        "Raw/Local/CSV/Series/2022/05/02/series.csv",
    ]


def test_bad_date_is_one_clear_line(tmp_path):
    done = run_cli(["run", "--date", "../../etc", "--select", "raw"], cli_env(tmp_path), tmp_path)
    assert done.returncode != 0
    assert done.stderr.strip().splitlines() == [
        "error: Invalid processing date '../../etc': expected YYYY-MM-DD, e.g. 2022-05-02."
    ]


def test_unknown_selection_is_refused(tmp_path):
    done = run_cli(
        ["run", "--date", "2022-05-02", "--select", "bronze"], cli_env(tmp_path), tmp_path
    )
    assert done.returncode != 0
    assert "Unknown selection 'bronze'" in done.stderr


def test_bad_file_fails_the_run_with_its_reason(tmp_path):
    landing = tmp_path / "landing"
    write_landing(landing, "movies", ROWS["movies"], header="id|titulo")
    env = cli_env(tmp_path, DATALAKE_STORAGE=str(tmp_path / "lake"), DATALAKE_LANDING=str(landing))
    done = run_cli(["run", "--date", "2022-05-02", "--select", "raw/local/movies"], env, tmp_path)
    assert done.returncode == 1
    errors = [line for line in done.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "header does not match" in errors[0] and "movies.csv" in errors[0]
    assert not (tmp_path / "lake" / "Raw").exists()


def test_bad_configuration_is_one_clear_line(tmp_path):
    env = cli_env(tmp_path, DATALAKE_TMDB_LIMIT="lots")
    done = run_cli(["run", "--date", "2022-05-02", "--select", "raw"], env, tmp_path)
    assert done.returncode != 0
    assert "DATALAKE_TMDB_LIMIT='lots' is not an integer" in done.stderr
