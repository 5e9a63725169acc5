"""Concurrent `datalake run` processes of different dates over one lake and one DAGSTER_HOME:
`benchmarks/load.py` at a small size (3 dates, 3 at once, no TMDB). The 30-date run with TMDB
is the benchmark itself; its figures are in the README's guarantees."""

import json
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).parents[1] / "benchmarks" / "load.py"
# Each run's DuckDB is capped at 1 GB (LakeDuckDB); the Python process around it stays far below.
MEMORY_PER_RUN_MB = 1536


def test_concurrent_runs_of_several_dates_lose_and_duplicate_nothing(tmp_path):
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--dates", "3", "--concurrency", "3", "--no-tmdb",
         "--workdir", str(tmp_path)],
        capture_output=True, text=True, timeout=900, check=False,
    )  # fmt: skip
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    assert figures["failed_runs"] == [] and figures["trouble_lines"] == [], done.stdout
    assert figures["run_statuses"] == {"SUCCESS": 3}  # none left STARTED, no SQLite conflict
    # Every Trusted, Rejected and Refined partition of every date holds the reference's rows.
    assert figures["partitions_checked"] > 0 and figures["partitions_missing"] == 0
    assert figures["partitions_wrong"] == []
    assert figures["catalog_dates"] == ["2022-03-03"]  # the newest date, whichever ended last
    assert 0 < figures["peak_rss_mb"] < 3 * MEMORY_PER_RUN_MB
    assert done.returncode == 0, done.stdout
