"""`datalake bench`: the lake at full size, side by side with the tools people use instead.

In one run, each figure the median of `--repeat` runs: the whole lake as one `datalake run`
process on local storage and on SeaweedFS S3 on loopback (and at `--scale K`), the time of each
step inside those runs, a cold `datalake run --select trusted/local/movies`, the baselines of
each transform (`datalake.bench.baselines`) and TMDB throughput against the sandbox. The report
goes to `benchmarks/results/` (JSON and Markdown) and the README's performance section.
"""

import os
import shutil
import sys
from pathlib import Path

from datalake.bench import lake, report
from datalake.bench.data import full_size_landing
from datalake.bench.measure import Measurement, measure, median
from datalake.errors import DatalakeError

CHECKOUT = Path(__file__).resolve().parents[2]
MOVIES, SERIES = 1_045_161, 463_240
TRUSTED = ("trusted/local/movies", "trusted/local/series")


def _summary(runs: list[Measurement], rows: int, megabytes: float) -> dict:
    wall = median(r.wall for r in runs)
    return {
        "wall": wall, "cpu": median(r.cpu for r in runs),
        "peak_mb": max(r.peak_mb for r in runs), "load": runs[0].load,
        "rows_per_s": rows / wall if wall else None,
        "mb_per_s": megabytes / wall if wall and megabytes else None,
        "runs": [r.as_dict() for r in runs],
    }  # fmt: skip


def _step_key(step: str) -> tuple[str, str]:
    """The run's step key of a lake step, and of its gates (asset checks)."""
    if step.startswith("trusted/"):
        op = step.replace("/", "_")
        return op, f"{op}_gates"
    name = step.split("/", 1)[1]
    return step.replace("/", "__"), f"refined_{name}_gates"


class Bench:
    def __init__(self, args, work: Path):
        self.args, self.work = args, work
        self.home = work / "home"
        self.home.mkdir(parents=True, exist_ok=True)
        self.engines = [e for e in args.engines.split(",") if e]
        if args.with_spark:
            self.engines.append("spark")

    def env(self, landing: Path, storage: str, extra: dict | None = None) -> dict:
        return {**os.environ, "DATALAKE_LANDING": str(landing), "DATALAKE_STORAGE": storage,
                "DAGSTER_HOME": str(self.home), **(extra or {})}  # fmt: skip

    def whole_lake(self, landing: Path, name: str, storage, extra=None) -> tuple[dict, list]:
        """`--repeat` whole-lake runs on a fresh lake each; their figures and step times."""
        runs, steps = [], []
        for n in range(self.args.repeat):
            where = storage(n)
            print(f"  {name} run {n + 1}/{self.args.repeat}", flush=True)
            result = lake.run_lake(self.env(landing, where, extra))
            if result.returncode != 0:
                raise DatalakeError(f"datalake run on {name} failed (see above)")
            runs.append(result)
            steps.append(lake.step_times(self.home))
        data = _data(landing)
        return _summary(runs, data["movies_rows"] + data["series_rows"], data["megabytes"]), steps

    def baseline_runs(self, engine: str, step: str, landing: Path, lake_root: str) -> list:
        """`--repeat` runs of one engine on one step (or on every refined table)."""
        runs = []
        for _ in range(self.args.repeat):
            out = self.work / "baseline-out"
            shutil.rmtree(out, ignore_errors=True)
            out.mkdir()
            target = (
                out
                if step == "refined"
                else out / ("spark" if engine == "spark" else "part-0.parquet")
            )
            command = [sys.executable, "-m", "datalake.bench.baselines", engine, step,
                       "--out", str(target), "--lake", lake_root, "--date", lake.DATE,
                       "--source", str(landing / f"{step.rsplit('/', 1)[-1]}.csv")]  # fmt: skip
            result = measure(command)
            if result.returncode != 0:
                raise DatalakeError(f"the {engine} baseline of {step} failed (see above)")
            runs.append(result)
        return runs


def _baseline(runs: list[Measurement], step: str | None = None) -> dict:
    """An engine's figures on a step: its work (medians) and, for a step of its own, its process."""
    figures = [r.result[step] if step else r.result for r in runs]
    return {
        "seconds": median(f["seconds"] for f in figures),
        "cpu": median(f["cpu"] for f in figures),
        "rows": figures[0]["rows"],
        "process": None if step else _summary(runs, 0, 0),
    }


def _steps(local_steps: list[dict], landing: Path) -> dict:
    from datalake.refined.tables import TABLES

    names = [*TRUSTED, *(f"refined/{t.name}" for t in TABLES)]
    steps = {}
    for step in ("raw/local/movies", "raw/local/series", *names, "dashboards/overview"):
        key, gates = _step_key(step) if step in names else (step.replace("/", "__"), "")
        seconds = median(run[key]["seconds"] for run in local_steps if key in run)
        gate = median(run[gates]["seconds"] for run in local_steps if gates in run)
        rows = local_steps[0].get(key, {}).get("rows", 0)
        source = landing / f"{step.rsplit('/', 1)[-1]}.csv"
        megabytes = source.stat().st_size / 1e6 if source.exists() else None
        total = (seconds or 0) + (gate or 0)
        steps[step] = {"seconds": seconds, "gates": gate, "total": total, "rows": rows,
                       "rows_per_s": rows / total if total else None,
                       "mb_per_s": megabytes / total if total and megabytes else None}  # fmt: skip
    return steps


def run_bench(args) -> int:
    work = Path(args.workdir).resolve()
    bench = Bench(args, work)
    if args.landing:
        landing = Path(args.landing).resolve()
    else:
        print("generating full-size data", flush=True)
        landing = full_size_landing(work / "landing-1", args.movies, args.series)
    results: dict = {"machine": report.machine(), "commit": report.commit(CHECKOUT),
                     "repeat": args.repeat, "data": _data(landing), "lake": {}, "steps": {}}  # fmt: skip
    print("whole lake, local", flush=True)
    local_root = work / "lake-local"
    results["lake"]["local-1"], local_steps = bench.whole_lake(
        landing, "local", lambda n: lake.fresh_local_lake(local_root)
    )
    results["steps"] = steps = _steps(local_steps, landing)
    print("baselines", flush=True)
    for step in TRUSTED:
        for engine in bench.engines:
            print(f"  {engine} {step}", flush=True)
            runs = bench.baseline_runs(engine, step, landing, str(local_root))
            steps[step][engine] = _baseline(runs)
    if "duckdb" in bench.engines:
        print("  duckdb refined tables", flush=True)
        runs = bench.baseline_runs("duckdb", "refined", landing, str(local_root))
        for step in runs[0].result:
            steps[step]["duckdb"] = _baseline(runs, step)
    for figures in steps.values():
        if figures.get("duckdb"):
            figures["ratio_duckdb"] = figures["total"] / figures["duckdb"]["seconds"]
    print("cold start", flush=True)
    cold = [lake.run_lake(bench.env(landing, str(local_root)), "trusted/local/movies")
            for _ in range(args.repeat)]  # fmt: skip
    duck = steps["trusted/local/movies"].get("duckdb", {}).get("process", {})
    results["cold_start"] = _summary(cold, 0, 0) | {
        "ratio_duckdb": report._ratio(median(c.wall for c in cold), duck.get("wall")),
        "ratio_duckdb_cpu": report._ratio(median(c.cpu for c in cold), duck.get("cpu")),
    }
    if "s3" not in args.skip:
        results["lake"]["s3-1"] = _s3(bench, landing)
    if args.scale > 1:
        k = args.scale
        print(f"whole lake, local, scale {k}", flush=True)
        scaled = full_size_landing(work / f"landing-{k}", k * args.movies, k * args.series)
        results["lake"][f"local-{k}"], _ = bench.whole_lake(
            scaled, f"local scale {k}", lambda n: lake.fresh_local_lake(work / "lake-scaled")
        )
    if "tmdb" not in args.skip:
        print("TMDB throughput", flush=True)
        from datalake.bench.tmdb import throughput

        results["tmdb"] = throughput(args.tmdb_titles)
    readme = CHECKOUT / "README.md" if args.readme else None
    latest = report.write(results, Path(args.results).resolve(), readme)
    print(latest.read_text())
    missed = [t["target"] for t in results["targets"] if t["met"] != "met"]
    print(f"{len(missed)} target(s) not met" if missed else "every target met")
    return 0


def _data(landing: Path) -> dict:
    """Data rows of each landing file and their megabytes together."""
    figures = {"megabytes": 0.0}
    for spec in ("movies", "series"):
        path = landing / f"{spec}.csv"
        with path.open("rb") as f:
            lines = sum(c.count(b"\n") for c in iter(lambda: f.read(1 << 24), b""))
        figures[f"{spec}_rows"] = lines - 1
        figures["megabytes"] += path.stat().st_size / 1e6
    return figures


def _s3(bench: Bench, landing: Path) -> dict:
    """The whole lake on SeaweedFS's S3 gateway on loopback, a fresh prefix per run."""
    import tempfile

    sys.path.insert(0, str(CHECKOUT))  # the suite's SeaweedFS starter, in the source checkout
    from datalake_tests.servers import start_seaweedfs

    print("whole lake, S3 (SeaweedFS on loopback)", flush=True)
    with tempfile.TemporaryDirectory(dir=bench.work) as data:
        server = start_seaweedfs(Path(data))
        try:
            server.client().create_bucket(Bucket="bench")
            figures, _ = bench.whole_lake(
                landing, "S3", lambda n: f"s3://bench/lake-{n}", server.env()
            )
        finally:
            server.stop()
    return figures
