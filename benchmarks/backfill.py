"""A partitioned backfill of the raw and trusted groups through the Dagster daemon, timed.

Run: `.venv/bin/python benchmarks/backfill.py [--dates 30] [--workdir DIR]`. It starts
`datalake ui` on a free loopback port with a fresh DAGSTER_HOME and lake (the bundled sample, no
TMDB credentials: the TMDB fetch is skipped as on the command line), launches a backfill of
`--dates` processing dates of every raw and trusted asset through the UI's GraphQL API, waits
for it, and prints the wall time from launch to the last run's end against the target (180 s
for 30 dates on 2 cores). It then checks every date holds the same trusted rows (no duplicate)
and that no process of the UI is left after stopping it. Exits 1 on a failure or a miss.
"""

import argparse
import datetime as dt
import os
import socket
import sys
import tempfile
import time
from pathlib import Path

import duckdb

from datalake.bench.ui_client import start_ui
from datalake.storage.layout import trusted_prefix
from datalake.ui import session_processes

TARGET_SECONDS_30 = 180.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def trusted_rows(lake: Path, spec: str, date: str) -> int:
    folder = lake / trusted_prefix("local", spec, date)
    (count,) = duckdb.sql(f"SELECT count(*) FROM read_parquet('{folder}/*.parquet')").fetchall()[0]
    return count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dates", type=int, default=30)
    parser.add_argument("--first", default="2022-03-01", help="first processing date")
    parser.add_argument("--workdir", help="kept afterwards (default: a temporary folder)")
    args = parser.parse_args()
    first = dt.date.fromisoformat(args.first)
    dates = [(first + dt.timedelta(days=n)).isoformat() for n in range(args.dates)]
    work = Path(args.workdir or tempfile.mkdtemp(prefix="datalake-backfill-"))
    work.mkdir(parents=True, exist_ok=True)
    drop = ("TMDB_API_KEY", "TMDB_READ_ACCESS_TOKEN", "DATALAKE_LANDING")
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env |= {"DAGSTER_HOME": str(work / "dagster_home"), "DATALAKE_STORAGE": str(work / "lake")}
    ui = start_ui(free_port(), env, work, work / "ui.log")
    try:
        ui.wait_until_loaded()
        keys = ui.asset_keys("raw", "trusted")
        started = time.monotonic()
        backfill = ui.wait_backfill(ui.launch_backfill(keys, dates), timeout=1800)
        elapsed = time.monotonic() - started
    finally:
        code = ui.stop()
    left = session_processes(ui.process.pid)
    statuses = sorted({run["status"] for run in backfill["runs"]})
    print(f"backfill of {len(dates)} dates x {len(keys)} assets: {backfill['status']}, "
          f"{len(backfill['runs'])} runs {statuses}, {elapsed:.1f} s (datalake ui exit {code})")  # fmt: skip
    target = TARGET_SECONDS_30 * len(dates) / 30
    counts = {
        (s, d): trusted_rows(work / "lake", s, d) for s in ("movies", "series") for d in dates
    }
    same = all(counts[(s, d)] == counts[(s, dates[0])] for s, d in counts)
    print(f"target {target:.0f} s: {'met' if elapsed < target else 'MISSED'}; trusted rows per "
          f"date identical: {same}; processes left: {len(left)}")  # fmt: skip
    ok = backfill["status"] == "COMPLETED_SUCCESS" and same and not left and elapsed < target
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
