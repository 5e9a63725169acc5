"""`datalake bench`: the performance benchmarks on full-size data, side by side with baselines.

The runnable scripts live in `benchmarks/` of a source checkout; this runs each in turn on one
shared work folder (the generated full-size files are made once and reused).
"""

import subprocess
import sys
from pathlib import Path

from datalake.errors import DatalakeError

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
SCRIPTS = ("raw_ingest.py", "trusted_vs_copy.py", "tmdb_throughput.py")


def run_bench(args) -> int:
    if not BENCHMARKS.is_dir():
        raise DatalakeError(f"No benchmarks folder at {BENCHMARKS}: run from a source checkout.")
    failed = []
    for script in SCRIPTS:
        path = BENCHMARKS / script
        print(f"\n== {script}", flush=True)
        command = [sys.executable, str(path)]
        if script != "tmdb_throughput.py":  # the only one without full-size files
            command += ["--workdir", args.workdir, "--movies", str(args.movies),
                        "--series", str(args.series)]  # fmt: skip
        if subprocess.run(command, check=False).returncode != 0:
            failed.append(script)
    if failed:
        print(f"error: benchmarks failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0
