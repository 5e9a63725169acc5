"""A backfill of many processing dates by concurrent `datalake run` processes, checked row by row.

Run: `.venv/bin/python benchmarks/load.py [--dates 30] [--concurrency 4] [--workdir DIR]`.
It serves the TMDB sandbox in this process (40 requests/s and 50 ms per reply, like TMDB) and
runs `datalake run --date D` for the bundled sample with TMDB credentials: first one date alone
in a lake of its own (the reference), then `--dates` dates, `--concurrency` processes at a time,
all in one lake and one fresh `DAGSTER_HOME`. It measures the wall time and the peak resident
memory of all the run processes together (sampled every 100 ms), and checks:
- every run exits 0 and none printed a lock error or a stack trace;
- every run is SUCCESS in the instance's run history (none left STARTED);
- every Trusted, Rejected and Refined partition holds exactly the rows of the reference's
  (no duplicate, nothing lost);
- the catalog points at the newest date;
- the TMDB sandbox, which answers 429 past 40 requests/s as TMDB does, never answered 429, and
  its busiest second (a sliding window over the arrivals) held fewer than two runs' worth: the
  runs share one rate limit.
The last line is the figures as JSON. Exits 1 when a check fails.
"""

import argparse
import contextlib
import datetime as dt
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import dagster as dg
import duckdb
import psutil

from datalake.storage.layout import refined_catalog_key
from datalake.tmdb.sandbox import Sandbox, running_sandbox

DATALAKE = str(Path(sys.executable).with_name("datalake"))
LIMIT, LATENCY = 40, 0.05  # the sandbox as TMDB: requests per second, seconds per reply
# Runs pacing themselves alone would each send up to LIMIT in a second; sharing one limit, the
# busiest second (counted as requests arrive, after the network's jitter) stays below twice it.
MOST_IN_A_SECOND = 2 * LIMIT - 1
# What a run must never print: a DuckDB or SQLite lock conflict, or a Python stack trace.
TROUBLE = re.compile(r"\block(ed|s)?\b|Traceback", re.IGNORECASE)


class PeakMemory:
    """The largest sum of the resident sets of this process's descendants, sampled."""

    def __init__(self, every: float = 0.1):
        self.peak, self._every, self._stop = 0, every, threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        me = psutil.Process()
        while not self._stop.wait(self._every):
            total = 0
            for child in me.children(recursive=True):
                with contextlib.suppress(psutil.Error):  # ended between listing and reading
                    total += child.memory_info().rss
            self.peak = max(self.peak, total)

    def __enter__(self) -> "PeakMemory":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def run_date(date: str, env: dict, logs: Path) -> dict:
    """One `datalake run --date` process; its output is kept in `logs`."""
    started = time.monotonic()
    done = subprocess.run(
        [DATALAKE, "run", "--date", date], env=env, capture_output=True, text=True, check=False
    )
    output = done.stdout + done.stderr
    logs.mkdir(parents=True, exist_ok=True)
    (logs / f"{date}.log").write_text(output)
    trouble = [line for line in output.splitlines() if TROUBLE.search(line)]
    return {"date": date, "code": done.returncode, "seconds": time.monotonic() - started,
            "trouble": trouble[:3]}  # fmt: skip


def partition_rows(lake: Path) -> dict[tuple[str, str], int]:
    """(table folder, date) -> rows, for every dt= partition of Trusted, Rejected and Refined."""
    rows = {}
    for zone in ("Trusted", "Rejected", "Refined"):
        for folder in sorted((lake / zone).rglob("dt=*")):
            files = sorted(str(p) for p in folder.glob("*.parquet"))
            count = duckdb.sql("SELECT count(*) FROM read_parquet($files)", params={"files": files})
            table = str(folder.parent.relative_to(lake))
            rows[(table, folder.name.removeprefix("dt="))] = count.fetchall()[0][0] if files else 0
    return rows


def run_statuses(home: Path) -> Counter:
    with dg.DagsterInstance.from_config(str(home)) as instance:
        return Counter(run.status.value for run in instance.get_runs())


def catalog_dates(lake: Path) -> set[str]:
    """The dates the catalog's `refined` views read (each view's comment starts `dt=DATE:`)."""
    with duckdb.connect(str(lake / refined_catalog_key()), read_only=True) as con:
        comments = con.sql(
            "SELECT comment FROM duckdb_views() WHERE schema_name = 'refined' "
            "AND NOT view_name LIKE '%history'"
        ).fetchall()
    return {comment.split(":")[0].removeprefix("dt=") for (comment,) in comments}


def environment(work: Path, base_url: str, api_key: str | None, tmdb_limit: int) -> dict:
    drop = ("TMDB_API_KEY", "TMDB_READ_ACCESS_TOKEN", "DATALAKE_LANDING", "AWS_ENDPOINT_URL")
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env |= {"DAGSTER_HOME": str(work / "dagster_home"), "DATALAKE_STORAGE": str(work / "lake"),
            "TMDB_BASE_URL": base_url, "DATALAKE_TMDB_LIMIT": str(tmdb_limit)}  # fmt: skip
    return env | ({"TMDB_API_KEY": api_key} if api_key else {})


def backfill(dates: list[str], concurrency: int, env: dict, logs: Path) -> tuple[list, float, int]:
    """Every date, `concurrency` processes at a time: results, wall seconds, peak bytes."""
    started = time.monotonic()
    with PeakMemory() as memory, ThreadPoolExecutor(concurrency) as pool:
        results = list(pool.map(lambda date: run_date(date, env, logs), dates))
    return results, time.monotonic() - started, memory.peak


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dates", type=int, default=30)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--first", default="2022-03-01", help="first processing date")
    parser.add_argument("--tmdb-limit", type=int, default=1000, help="DATALAKE_TMDB_LIMIT")
    parser.add_argument("--no-tmdb", action="store_true", help="runs without TMDB credentials")
    parser.add_argument("--workdir", help="kept afterwards (default: a temporary folder)")
    args = parser.parse_args()
    first = dt.date.fromisoformat(args.first)
    dates = [(first + dt.timedelta(days=n)).isoformat() for n in range(args.dates)]
    work = Path(args.workdir or tempfile.mkdtemp(prefix="datalake-load-")).resolve()
    logs = work / "logs"
    sandbox = Sandbox(requests_per_second=LIMIT, latency=LATENCY)
    key = None if args.no_tmdb else sandbox.api_key
    with running_sandbox(sandbox=sandbox) as base_url:
        reference_env = environment(work / "reference", base_url, key, args.tmdb_limit)
        reference = run_date(dates[0], reference_env, logs / "reference")
        sandbox.reset()
        sandbox.set_faults(latency=LATENCY)
        env = environment(work, base_url, key, args.tmdb_limit)
        results, wall, peak = backfill(dates, args.concurrency, env, logs)
    expected = {table: n for (table, _), n in partition_rows(work / "reference" / "lake").items()}
    found = partition_rows(work / "lake")
    wrong = sorted(f"{t} {d}: {n} rows, reference {expected.get(t)}"
                   for (t, d), n in found.items() if n != expected.get(t))  # fmt: skip
    missing = len(expected) * len(dates) - len(found)
    statuses = run_statuses(work / "dagster_home")
    figures = {
        "dates": len(dates), "concurrency": args.concurrency, "wall_seconds": round(wall, 1),
        "run_seconds_max": round(max(r["seconds"] for r in results), 1),
        "reference_run_seconds": round(reference["seconds"], 1),
        "peak_rss_mb": round(peak / 2**20), "load_average": os.getloadavg()[0],
        "failed_runs": [r["date"] for r in [reference, *results] if r["code"] != 0],
        "trouble_lines": [line for r in [reference, *results] for line in r["trouble"]][:5],
        "run_statuses": dict(statuses), "partitions_checked": len(found),
        "partitions_wrong": wrong[:10], "partitions_missing": missing,
        "catalog_dates": sorted(catalog_dates(work / "lake")),
        "tmdb_requests": len(sandbox.requests), "tmdb_429": sandbox.statuses[429],
        "tmdb_busiest_second": sandbox.busiest_second(),
        "tmdb_busiest_10_seconds": sandbox.busiest_second(10.0), "tmdb_limit": LIMIT,
    }  # fmt: skip
    ok = (
        not figures["failed_runs"]
        and not figures["trouble_lines"]
        and statuses == Counter({"SUCCESS": len(dates)})
        and not wrong
        and missing == 0
        and figures["catalog_dates"] == [dates[-1]]
        and figures["tmdb_429"] == 0
        and figures["tmdb_busiest_second"] <= MOST_IN_A_SECOND
    )
    print(f"{len(dates)} dates, {args.concurrency} runs at once: {wall:.0f} s, peak RSS of the "
          f"runs {figures['peak_rss_mb']} MiB; {len(found)} partitions checked, {len(wrong)} "
          f"wrong, {missing} missing; TMDB {figures['tmdb_requests']} requests, busiest second "
          f"{figures['tmdb_busiest_second']} (limit {LIMIT}/s), {figures['tmdb_429']} answered "
          f"429; {'ok' if ok else 'FAILED'} (logs in {logs})")  # fmt: skip
    print(json.dumps(figures))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
