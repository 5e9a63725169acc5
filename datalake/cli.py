"""The `datalake` command line: run, demo, query, generate, tmdb-sandbox, ui, bench."""

import argparse
import os
import sys
from pathlib import Path

from datalake.errors import DatalakeError
from datalake.raw.sensors import today_partition

DEFAULT_DAGSTER_HOME = ".dagster_home"


def _instance():
    """The persistent Dagster instance, so command-line runs show up in the UI too."""
    import dagster as dg

    from datalake.instance import prepare_home

    # DAGSTER_HOME is documented as `./.dagster_home` by default; set here, never at import.
    # Dagster refuses a relative one with a stack trace: it is taken from the working directory.
    home = Path(os.environ.get("DAGSTER_HOME") or DEFAULT_DAGSTER_HOME).resolve()
    os.environ["DAGSTER_HOME"] = str(home)
    prepare_home(home)
    return dg.DagsterInstance.get()


def cmd_run(args) -> int:
    from datalake.runner import print_report, run_lake

    report = run_lake(args.date, args.select, instance=_instance())
    print_report(report, args.date)
    return 0 if report.success else 1


def cmd_demo(args) -> int:
    from datalake.demo import run_demo

    return run_demo(args.date, instance=_instance())


def cmd_query(args) -> int:
    from datalake.query import run_query
    from datalake.resources.build import build_resources

    run_query(build_resources()["lake"].storage(), args.sql, args.format)
    return 0


def cmd_generate(args) -> int:
    from datalake.generate import generate

    result = generate(args.out, movies=args.movies, series=args.series, seed=args.seed)
    for name, value in result.items():
        print(f"{name}: {value}")
    return 0


def cmd_tmdb_sandbox(args) -> int:
    from datalake.tmdb.sandbox import serve

    serve(port=args.port)
    return 0


def cmd_ui(args) -> int:
    from datalake.ui import check_port_free, run_ui

    check_port_free(args.port)  # before anything is created or started
    _instance()
    return run_ui(port=args.port)


def cmd_bench(args) -> int:
    from datalake.bench import run_bench

    return run_bench(args)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="datalake", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    run = commands.add_parser("run", help="materialise the lake for one processing date")
    run.add_argument("--date", default=today_partition(), help="processing date (YYYY-MM-DD)")
    run.add_argument("--select", help="groups (raw,trusted,...) or asset keys, comma-separated")
    run.set_defaults(handler=cmd_run)

    demo = commands.add_parser("demo", help="the whole lake on the bundled sample, offline")
    demo.add_argument("--date", default=today_partition(), help="processing date (YYYY-MM-DD)")
    demo.set_defaults(handler=cmd_demo)

    query = commands.add_parser("query", help="run SQL against the lake's catalog")
    query.add_argument(
        "sql", help='one SQL statement, e.g. "SELECT * FROM analysis.franchise_popularity"'
    )
    query.add_argument("--format", choices=("table", "csv", "json"), default="table")
    query.set_defaults(handler=cmd_query)

    generate = commands.add_parser("generate", help="write Compass-format movies.csv / series.csv")
    generate.add_argument("--movies", type=int, required=True, help="movie data rows")
    generate.add_argument("--series", type=int, required=True, help="series data rows")
    generate.add_argument("--out", required=True, help="output directory")
    generate.add_argument("--seed", type=int, default=0)
    generate.set_defaults(handler=cmd_generate)

    sandbox = commands.add_parser("tmdb-sandbox", help="serve the offline TMDB sandbox")
    sandbox.add_argument("--port", type=int, default=8765)
    sandbox.set_defaults(handler=cmd_tmdb_sandbox)

    ui = commands.add_parser("ui", help="start the Dagster UI and daemon on 127.0.0.1")
    ui.add_argument("--port", type=int, default=3000)
    ui.set_defaults(handler=cmd_ui)

    bench = commands.add_parser("bench", help="the performance benchmark on full-size data")
    bench.add_argument("--movies", type=int, default=1_045_161, help="movie rows generated")
    bench.add_argument("--series", type=int, default=463_240, help="series rows generated")
    bench.add_argument("--landing", help="a folder with your movies.csv and series.csv instead")
    bench.add_argument("--scale", type=int, default=1, help="also run the lake on K times the data")
    bench.add_argument("--repeat", type=int, default=3, help="runs of each figure (median)")
    bench.add_argument("--engines", default="duckdb,pandas,polars", help="baselines to run")
    bench.add_argument("--with-spark", action="store_true", help="PySpark too (if installed)")
    bench.add_argument("--skip", default="", help="parts to leave out: s3,tmdb")
    bench.add_argument("--tmdb-titles", type=int, default=300, help="titles per TMDB run")
    bench.add_argument("--workdir", default=".bench", help="generated data and scratch lakes")
    bench.add_argument("--results", default="benchmarks/results", help="report folder")
    bench.add_argument("--no-readme", dest="readme", action="store_false",
                       help="leave the README's performance table as it is")  # fmt: skip
    bench.set_defaults(handler=cmd_bench)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except DatalakeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
