"""The bench's report: figures against the issue's targets, as JSON and as a Markdown table."""

import json
import os
import platform
import subprocess
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

import psutil

README_START, README_END = "<!-- bench:start -->", "<!-- bench:end -->"
VERSIONED = ("dagster", "duckdb", "pandas", "pyarrow", "polars", "pyspark")


def machine() -> dict:
    """Cores, memory and the versions of what was compared."""
    versions: dict[str, str | None] = {}
    for name in VERSIONED:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    return {
        "cores": os.cpu_count(),
        "memory_gib": round(psutil.virtual_memory().total / 2**30, 1),
        "python": platform.python_version(),
        "system": platform.platform(),
        "versions": versions,
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
    }


def commit(checkout: Path) -> str | None:
    """The measured code's commit (`-dirty` with uncommitted changes); None outside a checkout."""
    try:
        described = subprocess.run(
            ["git", "-C", str(checkout), "describe", "--always", "--dirty", "--abbrev=7"],
            capture_output=True, text=True, timeout=10, check=True,
        )  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return None
    return described.stdout.strip() or None


def _met(value: float | None, limit: float, at_most: bool = True) -> str:
    if value is None:
        return "not measured"
    return "met" if (value <= limit if at_most else value >= limit) else "**missed**"


def _ratio(a: float | None, b: float | None) -> float | None:
    return a / b if a is not None and b else None


def _fmt(value: float | None, unit: str = "", digits: int = 2) -> str:
    return "-" if value is None else f"{value:,.{digits}f}{unit}"


def targets(results: dict) -> list[dict]:
    """Each target of the issue, its measured figure and whether it is met."""
    lake, steps, rows = results["lake"], results["steps"], []

    def add(name: str, value, limit, unit: str, at_most: bool = True, note: str = ""):
        rows.append({"target": name, "value": value, "limit": limit, "unit": unit,
                     "met": _met(value, limit, at_most), "note": note})  # fmt: skip

    local = lake.get("local-1", {})
    add("whole lake, local, wall", local.get("wall"), 10.0, "s", note=_load(local))
    add("whole lake, local, peak RSS", local.get("peak_mb"), 1024, "MiB")
    s3 = lake.get("s3-1", {})
    add("whole lake, S3 / local wall", _ratio(s3.get("wall"), local.get("wall")), 1.3, "x",
        note=_load(s3))  # fmt: skip
    for step, figures in steps.items():
        if figures.get("duckdb"):
            add(f"{step} / bare DuckDB", figures.get("ratio_duckdb"), 1.3, "x",
                note="step + its gates, in the run, vs the one-shot's work")  # fmt: skip
    movies = steps.get("trusted/local/movies", {})
    pandas, polars = movies.get("pandas") or {}, movies.get("polars") or {}
    speedup = _ratio(pandas.get("seconds"), movies.get("total"))
    add("trusted/local/movies, pandas / datalake time", speedup, 6.0, "x", at_most=False)
    cold = results.get("cold_start", {})
    add("trusted/local/movies, peak vs pandas", _ratio(cold.get("peak_mb"),
        pandas.get("process", {}).get("peak_mb")), 0.5, "x",
        note="`datalake run --select` process vs the pandas process")  # fmt: skip
    add("trusted/local/movies / Polars time", _ratio(movies.get("total"), polars.get("seconds")),
        1.0, "x")  # fmt: skip
    scaled = [k for k in lake if k.startswith("local-") and k != "local-1"]
    for key in scaled:
        k = int(key.split("-")[1])
        add(f"scale {k}: wall / scale 1", _ratio(lake[key].get("wall"), local.get("wall")),
            1.1 * k, "x", note=_load(lake[key]))  # fmt: skip
        add(f"scale {k}: peak / scale 1", _ratio(lake[key].get("peak_mb"),
            local.get("peak_mb")), 1.2, "x")  # fmt: skip
    add(
        "cold `datalake run --select trusted/local/movies` / DuckDB process",
        cold.get("ratio_duckdb"),
        2.5,
        "x",
        note=f"CPU ratio {_fmt(cold.get('ratio_duckdb_cpu'))}",
    )
    tmdb = results.get("tmdb") or {}
    one, two = tmdb.get("runs_1", {}), tmdb.get("runs_2", {})
    add("TMDB, one run", one.get("requests_per_s"), 38.0, " req/s", at_most=False)
    add(
        "TMDB, two concurrent runs together",
        two.get("requests_per_s"),
        40.0,
        " req/s",
        note=f"429 answers {two.get('answered_429', '-')}, failed {two.get('failed', '-')}",
    )
    if two and (two["answered_429"] or two["failed"]):  # within the limit means without a 429
        rows[-1]["met"] = "**missed**"
    return rows


def _load(figures: dict) -> str:
    return f"load {figures['load']:.1f}" if figures.get("load") is not None else ""


def markdown(results: dict) -> str:
    """The targets table, the steps table side by side with the baselines, and the machine."""
    m = results["machine"]
    versions = ", ".join(f"{k} {v}" for k, v in m["versions"].items() if v)
    data = results["data"]
    at = f" at commit {results['commit']}" if results.get("commit") else ""
    lines = [
        f"Measured {m['when']}{at} on {m['cores']} cores, {m['memory_gib']} GiB, Python "
        f"{m['python']} ({versions}); {data['movies_rows']:,} movie + {data['series_rows']:,} "
        f"series rows ({data['megabytes']:.0f} MB), medians of {results['repeat']} runs; "
        "`load` is the machine's 1-minute load average when a figure's first run started.",
        "",
        "| target | measured | limit | verdict | note |",
        "|---|---|---|---|---|",
    ]
    lines += [
        f"| {row['target']} | {_fmt(row['value'], row['unit'])} | "
        f"{_fmt(row['limit'], row['unit'])} | {row['met']} | {row['note']} |"
        for row in results["targets"]
    ]
    lines += [
        "",
        "| step | datalake s (step + gates) | rows/s | MB/s | DuckDB s | x DuckDB | pandas s | "
        "Polars s | Spark s |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for step, f in results["steps"].items():
        engine = {
            e: (f.get(e) or {}).get("seconds") for e in ("duckdb", "pandas", "polars", "spark")
        }
        lines.append(
            f"| {step} | {_fmt(f.get('seconds'))} + {_fmt(f.get('gates'))} | "
            f"{_fmt(f.get('rows_per_s'), digits=0)} | {_fmt(f.get('mb_per_s'), digits=1)} | "
            f"{_fmt(engine['duckdb'])} | {_fmt(f.get('ratio_duckdb'))} | {_fmt(engine['pandas'])} | "
            f"{_fmt(engine['polars'])} | {_fmt(engine['spark'])} |"
        )
    lines += ["", "| whole lake (one `datalake run`) | wall s | CPU s | peak MiB | rows/s | MB/s | load |",
              "|---|---|---|---|---|---|---|"]  # fmt: skip
    for name, f in results["lake"].items():
        lines.append(f"| {name} | {_fmt(f['wall'])} | {_fmt(f['cpu'])} | {_fmt(f['peak_mb'], digits=0)} "
                     f"| {_fmt(f['rows_per_s'], digits=0)} | {_fmt(f['mb_per_s'], digits=1)} | "
                     f"{_fmt(f['load'], digits=1)} |")  # fmt: skip
    return "\n".join(lines) + "\n"


def write(results: dict, folder: Path, readme: Path | None) -> Path:
    """`bench-<time>.json` and `.md` plus `latest.*` in `folder`; the README's section updated."""
    results["targets"] = targets(results)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = results["machine"]["when"].replace(":", "").replace("+0000", "Z")
    text, table = json.dumps(results, indent=2, default=str), markdown(results)
    for name in (f"bench-{stamp}", "latest"):
        (folder / f"{name}.json").write_text(text)
        (folder / f"{name}.md").write_text(table)
    if readme is not None and readme.exists():
        _update_readme(readme, table)
    return folder / "latest.md"


def _update_readme(readme: Path, table: str) -> None:
    text = readme.read_text()
    start, end = text.find(README_START), text.find(README_END)
    if start < 0 or end < start:
        return
    readme.write_text(text[: start + len(README_START)] + "\n" + table + text[end:])
