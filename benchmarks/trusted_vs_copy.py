"""Trusted zone at full size: `trusted/local/movies`'s transform vs a bare DuckDB COPY of the file.

Both read the same movies.csv (~1M rows) and write zstd Parquet, each in its own process so its
peak memory is its own, alternating for `--repeat` rounds. The verdict compares the fastest run
of each: on a shared machine other work only ever adds time (medians are shown too).
- trusted: the asset's transform (read lines once, check, type, dedupe, quarantine, reconcile);
- copy: `COPY (SELECT <the same typed columns> FROM read_csv(<the export's dialect>)) TO ...`,
  i.e. the same output without line numbers, checks, trimming, quarantine or dedup;
- copy *: `COPY (SELECT * FROM read_csv(...))` with DuckDB's own type detection, for reference.
Targets: trusted <= 1.5x copy, peak memory < 1 GB.
Run: `.venv/bin/python benchmarks/trusted_vs_copy.py [--file movies.csv | --movies N] [--repeat 3]`.
"""

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

RATIO_TARGET = 1.5
MEMORY_TARGET_MB = 1024
_DIALECT = "delim = '|', quote = '', escape = '', nullstr = '\\N', header = true"
_PARQUET = "(FORMAT parquet, COMPRESSION zstd)"


def _copy_sql(typed: bool) -> str:
    if not typed:
        return f"COPY (SELECT * FROM read_csv($source, {_DIALECT})) TO $target {_PARQUET}"
    from datalake.trusted.csv_columns import COLUMNS

    def column(c) -> str:
        if c.kind.sql_type == "VARCHAR[]":
            return f"string_split({c.source}, ',') AS {c.name}"
        return f"CAST({c.source} AS {c.kind.sql_type}) AS {c.name}"

    select = ", ".join(column(c) for c in COLUMNS["movies"])
    source = f"read_csv($source, {_DIALECT}, all_varchar = true)"
    return f"COPY (SELECT {select} FROM {source}) TO $target {_PARQUET}"


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)  # every thread of this process
    return usage.ru_utime + usage.ru_stime


def child(kind: str, source: Path, out: Path) -> None:
    """One measured run, in this process; prints {"seconds", "cpu", "rows"} of the work alone."""
    from datalake.trusted.staging import staging

    from datalake.resources.lake import LakeResource
    from datalake.trusted.csv_transform import transform_csv

    lake = LakeResource(storage_uri=str(out), landing_uri=str(out))  # the asset's connection
    with lake.duckdb() as con, staging(con) as staged:
        con.execute("SELECT ?", [1]).fetchall()  # the client's one-off lazy imports, not timed
        started, cpu = time.perf_counter(), _cpu_seconds()
        if kind == "trusted":
            counts = transform_csv(con, str(source), "movies", staged.file("t"), staged.file("r"))
            rows = counts.trusted_rows
        else:
            sql = _copy_sql(typed=kind == "copy")
            params = {"source": str(source), "target": str(staged.file("t"))}
            rows = con.execute(sql, params).fetchall()[0][0]
        seconds, cpu = time.perf_counter() - started, _cpu_seconds() - cpu
    print(json.dumps({"seconds": seconds, "cpu": cpu, "rows": rows}))


def measure(kind: str, source: Path, out: Path) -> dict:
    """Seconds and CPU seconds of the work, rows written, peak RSS (MB) of the whole process."""
    command = [sys.executable, __file__, "--child", kind, "--file", str(source)]
    process = subprocess.Popen([*command, "--workdir", str(out)], stdout=subprocess.PIPE)
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{kind} run failed")
    return json.loads(output) | {"peak_mb": usage.ru_maxrss / 1024}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--file", type=Path, help="a Compass-format movies.csv (else generated)")
    parser.add_argument("--movies", type=int, default=1_000_000)
    parser.add_argument("--series", type=int, default=460_000)
    parser.add_argument("--workdir", default=".bench")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--child", choices=["trusted", "copy", "copy-star"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    work = Path(args.workdir).resolve()
    if args.child:
        child(args.child, args.file, work)
        return 0

    from datalake.bench.data import full_size_landing

    landing = None if args.file else full_size_landing(work / "landing", args.movies, args.series)
    source = args.file or landing / "movies.csv"
    print(f"{source} ({source.stat().st_size / 1e6:.0f} MB), {args.repeat} rounds, "
          f"{os.cpu_count()} cores")  # fmt: skip
    kinds = ("trusted", "copy", "copy-star")
    runs = {kind: [] for kind in kinds}
    with tempfile.TemporaryDirectory(dir=work if work.is_dir() else None) as out:
        for _ in range(args.repeat):
            for kind in kinds:  # alternating, so load on the machine hits all three alike
                runs[kind].append(measure(kind, source, Path(out)))
    best = {k: min(r["seconds"] for r in runs[k]) for k in kinds}
    median = {k: statistics.median(r["seconds"] for r in runs[k]) for k in kinds}
    cpu = {k: min(r["cpu"] for r in runs[k]) for k in kinds}
    peak = {k: max(r["peak_mb"] for r in runs[k]) for k in kinds}
    print(f"{'':<10} {'best':>6} {'median':>7} {'cpu':>6}  {'runs (s)':<30} {'peak RSS':>8}")
    for k in kinds:
        times = " ".join(f"{r['seconds']:.2f}" for r in runs[k])
        print(f"{k:<10} {best[k]:>5.2f}s {median[k]:>6.2f}s {cpu[k]:>5.2f}s  {times:<30} "
              f"{peak[k]:>5.0f} MB")  # fmt: skip
    ratio = best["trusted"] / best["copy"]
    rows = {k: f"{runs[k][0]['rows']:,}" for k in kinds}
    print(f"rows written: trusted {rows['trusted']}, copy {rows['copy']}")
    print(f"trusted / copy = {ratio:.2f}x (target <= {RATIO_TARGET}x; medians "
          f"{median['trusted'] / median['copy']:.2f}x, cpu {cpu['trusted'] / cpu['copy']:.2f}x); "
          f"trusted / copy * = {best['trusted'] / best['copy-star']:.2f}x; "
          f"trusted peak {peak['trusted']:.0f} MB (target < {MEMORY_TARGET_MB} MB)")  # fmt: skip
    met = ratio <= RATIO_TARGET and peak["trusted"] < MEMORY_TARGET_MB
    print("targets met" if met else "TARGETS MISSED")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
