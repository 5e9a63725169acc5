"""Sustained TMDB enrichment throughput against the sandbox: 50 ms per reply, 40 requests/s limit.

Run: `.venv/bin/python benchmarks/tmdb_throughput.py [--titles N]`. It enriches N generated Crime
and War movies with the product's default client settings (40 requests/s, 20 connections) and
prints the requests per second TMDB (the sandbox) answered; the target is at least 36. Exits 1
below the target.
"""

import argparse
import tempfile
import time
from pathlib import Path

from datalake.generate import generate
from datalake.raw.tmdb_enrich import Enrichment, EnrichOptions
from datalake.resources.lake import LakeResource
from datalake.storage import open_storage
from datalake.storage.layout import raw_csv_key
from datalake.tmdb.client import Credentials, TmdbClient
from datalake.tmdb.sandbox import Sandbox, running_sandbox

TARGET = 36.0
DATE = "2022-05-02"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--titles", type=int, default=300, help="titles to enrich (default 300)")
    args = parser.parse_args()
    sandbox = Sandbox(requests_per_second=40, latency=0.05)
    with tempfile.TemporaryDirectory() as tmp, running_sandbox(sandbox=sandbox) as base_url:
        generate(Path(tmp) / "landing", movies=args.titles * 12, series=0, seed=7)
        lake = LakeResource(storage_uri=f"{tmp}/lake", landing_uri=f"{tmp}/landing")
        csv = (Path(tmp) / "landing" / "movies.csv").read_bytes()
        open_storage(lake.storage_uri).write_bytes(raw_csv_key("movies", DATE), csv)
        options = EnrichOptions(limit=args.titles, discover=False)
        with TmdbClient(base_url, Credentials(api_key=sandbox.api_key)) as client:
            # Planning (reading the CSV with DuckDB) is not part of the fetching being measured.
            enrichment = Enrichment(lake, client, "movies", DATE, options, log=lambda _: None)
            started = time.perf_counter()
            summary = enrichment.run()
            elapsed = time.perf_counter() - started
    answered = sum(n for status, n in sandbox.statuses.items() if status != 429)
    rate = answered / elapsed
    print(
        f"titles planned {summary.planned}, stored {summary.stored}, not found "
        f"{summary.not_found}, failed {summary.failed}, collections {summary.collections}"
    )
    print(
        f"requests answered {answered} (+{sandbox.statuses[429]} answered 429) in {elapsed:.1f} s"
    )
    print(f"sustained throughput: {rate:.1f} requests/s (target >= {TARGET:.0f})")
    return 0 if rate >= TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
