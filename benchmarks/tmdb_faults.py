"""How long a run takes to fail, or to finish, when TMDB is down or failing: measured, per fault.

Run: `.venv/bin/python benchmarks/tmdb_faults.py [--mode NAME ...] [--workdir DIR]`.
Each mode is one `datalake run --select raw/tmdb/movies,raw/tmdb/series` process over the bundled
sample (its raw CSVs already in a lake of its own) against a TMDB sandbox served by this process
with that fault, and the `tmdb` resource's defaults: 10 s timeout, 8 retries (2 for a run's first
request), backoff 0.5 s doubling to 30 s, 20 connections, stop after 20 failures in a row. For
each: the wall time, the exit code, the `error:` line, the records stored and the failures
recorded. Prints a Markdown table, then the figures as JSON.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from datalake.tmdb.sandbox import Sandbox, running_sandbox

DATALAKE = str(Path(sys.executable).with_name("datalake"))
DATE = "2022-05-02"
SELECT = "raw/tmdb/movies,raw/tmdb/series"
# name -> (faults from the start, faults switched on after MID_RUN details were served); None
# as the faults: nothing listens on the port.
MODES: dict[str, tuple[dict | None, dict]] = {
    "hung (accepts, never answers)": ({"hang": True}, {}),
    "closed port": (None, {}),
    "slower than the timeout (11 s)": ({"latency": 11.0}, {}),
    "slow answers (2 s each)": ({"latency": 2.0}, {}),
    "429 storm (Retry-After: 10)": ({"throttle_rate": 1.0, "retry_after": 10}, {}),
    "5xx storm": ({"error_rate": 1.0}, {}),
    "proxy HTML error pages": ({"html_error_rate": 1.0}, {}),
    "hangs mid-run": ({}, {"hang": True}),
    "5xx storm mid-run": ({}, {"error_rate": 1.0}),
}
MID_RUN = 50


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def environment(lake: Path, home: Path, base_url: str, api_key: str) -> dict:
    drop = ("TMDB_READ_ACCESS_TOKEN", "DATALAKE_LANDING", "AWS_ENDPOINT_URL")
    env = {k: v for k, v in os.environ.items() if k not in drop}
    return env | {"DAGSTER_HOME": str(home), "DATALAKE_STORAGE": str(lake),
                  "TMDB_BASE_URL": base_url, "TMDB_API_KEY": api_key}  # fmt: skip


def run(env: dict, select: str) -> tuple[float, subprocess.CompletedProcess]:
    started = time.monotonic()
    done = subprocess.run(
        [DATALAKE, "run", "--date", DATE, "--select", select],
        env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    return time.monotonic() - started, done


def count_records(lake: Path, name: str) -> int:
    return sum(len(json.loads(p.read_bytes())) for p in (lake / "Raw" / "TMDB").rglob(f"{name}-*"))


def flip_mid_run(sandbox: Sandbox, faults: dict, stop: threading.Event) -> None:
    while not stop.is_set():
        if sum(r.startswith(("/movie/", "/find/")) for r in list(sandbox.requests)) >= MID_RUN:
            sandbox.set_faults(**faults)
            return
        time.sleep(0.01)


def measure(name: str, work: Path, base: Path) -> dict:
    start_faults, later = MODES[name]
    lake = work / name.split(" (", maxsplit=1)[0].replace(" ", "-") / "lake"
    shutil.rmtree(lake.parent, ignore_errors=True)
    shutil.copytree(base, lake)
    sandbox = Sandbox(**(start_faults or {}))
    stop = threading.Event()
    flipper = threading.Thread(target=flip_mid_run, args=(sandbox, later, stop), daemon=True)
    with running_sandbox(sandbox=sandbox) as served:
        base_url = served if start_faults is not None else f"http://127.0.0.1:{free_port()}/3"
        if later:
            flipper.start()
        env = environment(lake, lake.parent / "dagster_home", base_url, sandbox.api_key)
        seconds, done = run(env, SELECT)
        stop.set()
    output = done.stdout + done.stderr
    errors = [line for line in output.splitlines() if line.startswith("error:")]
    return {"mode": name, "seconds": round(seconds, 1), "exit": done.returncode,
            "stored": count_records(lake, "details") + count_records(lake, "missing"),
            "failed_records": count_records(lake, "failed"), "requests": len(sandbox.requests),
            "errors": [e[:400] for e in errors]}  # fmt: skip


def markdown(results: list[dict]) -> str:
    lines = ["| TMDB | run ends after | exit | records stored | failures recorded |",
             "|---|---|---|---|---|"]  # fmt: skip
    lines += [f"| {r['mode']} | {r['seconds']:.0f} s | {r['exit']} | {r['stored']} | "
              f"{r['failed_records']} |" for r in results]  # fmt: skip
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mode", action="append", choices=list(MODES), help="default: all")
    parser.add_argument("--workdir", help="kept afterwards (default: a temporary folder)")
    args = parser.parse_args()
    work = Path(args.workdir or tempfile.mkdtemp(prefix="datalake-tmdb-faults-")).resolve()
    base = work / "base" / "lake"
    if not base.exists():  # the raw CSVs of the date, without TMDB
        env = environment(base, base.parent / "dagster_home", "http://127.0.0.1:9/3", "")
        env.pop("TMDB_API_KEY")
        _, done = run(env, "raw/local/movies,raw/local/series")
        if done.returncode:
            print(done.stderr)
            return 1
    results = []
    for name in args.mode or list(MODES):
        results.append(measure(name, work, base))
        print(f"{name}: {results[-1]['seconds']} s, exit {results[-1]['exit']}", flush=True)
    print(markdown(results))
    print(json.dumps({"load_average": os.getloadavg()[0], "results": results}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
