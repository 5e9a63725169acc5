"""TMDB enrichment throughput against the sandbox (50 ms per reply, 40 requests/s like TMDB).

One run, then two runs at once (separate processes sharing the machine's one rate limit, as two
`datalake run`s do): requests per second the sandbox answered over the fetching (planning, which
reads the CSV, is left out), 429s it sent, and time per 1,000 titles.
`python -m datalake.bench.tmdb --child ...` is one run.
"""

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

from datalake.generate import generate
from datalake.raw.tmdb_enrich import Enrichment, EnrichOptions
from datalake.storage import open_storage
from datalake.storage.layout import raw_csv_key
from datalake.tmdb.client import ClientOptions, Credentials, TmdbClient
from datalake.tmdb.sandbox import Sandbox, running_sandbox

DATE = "2022-05-02"
LATENCY, LIMIT = 0.05, 40


def child(base_url: str, api_key: str, work: Path, titles: int, rate_state: Path) -> dict:
    """Enrich `titles` generated Crime and War movies with the product's default client."""
    generate(work / "landing", movies=titles * 12, series=0, seed=int(work.name[-1]))
    storage = open_storage(str(work / "lake"))
    key = raw_csv_key("movies", DATE)
    storage.write_bytes(key, (work / "landing" / "movies.csv").read_bytes())
    options = EnrichOptions(limit=titles, discover=False)
    client_options = ClientOptions(rate_state=rate_state)
    with TmdbClient(base_url, Credentials(api_key=api_key), client_options) as client:
        with duckdb.connect() as con:
            enrichment = Enrichment(storage, con, client, "movies", DATE, storage.uri(key), [],
                                    options, log=lambda _: None)  # fmt: skip
        print("ready", flush=True)
        sys.stdin.readline()  # every run starts fetching at once
        started = time.time()
        summary = enrichment.run()
        ended = time.time()
    return {"started": started, "ended": ended, "planned": summary.planned,
            "stored": summary.stored, "failed": summary.failed}  # fmt: skip


def _children(base_url: str, api_key: str, tmp: Path, titles: int, runs: int) -> list[dict]:
    state = tmp / "rate-state"
    commands = [
        [sys.executable, "-m", "datalake.bench.tmdb", "--child", "--base-url", base_url,
         "--api-key", api_key, "--work", str(tmp / f"run{n}"), "--titles", str(titles),
         "--rate-state", str(state)]
        for n in range(runs)
    ]  # fmt: skip
    pipes = {"stdin": subprocess.PIPE, "stdout": subprocess.PIPE, "text": True}
    processes = [subprocess.Popen(c, **pipes) for c in commands]  # type: ignore[call-overload]
    for process in processes:
        if process.stdout.readline().strip() != "ready":
            raise RuntimeError("a TMDB bench run failed while planning")
    for process in processes:
        process.stdin.write("go\n")
        process.stdin.flush()
    outputs = [p.communicate()[0] for p in processes]
    if any(p.returncode for p in processes):
        raise RuntimeError("a TMDB bench run failed")
    return [json.loads(o.strip().splitlines()[-1]) for o in outputs]


def throughput(titles: int = 300) -> dict:
    """Figures of one run and of two concurrent runs against a fresh sandbox each."""
    figures = {}
    for runs in (1, 2):
        sandbox = Sandbox(requests_per_second=LIMIT, latency=LATENCY)
        with tempfile.TemporaryDirectory() as tmp, running_sandbox(sandbox=sandbox) as url:
            results = _children(url, sandbox.api_key, Path(tmp), titles, runs)
        window = max(r["ended"] for r in results) - min(r["started"] for r in results)
        answered = sum(n for status, n in sandbox.statuses.items() if status != 429)
        figures[f"runs_{runs}"] = {
            "requests_per_s": answered / window,
            "requests": answered,
            "answered_429": sandbox.statuses[429],
            "failed": sum(r["failed"] for r in results),
            "titles": sum(r["planned"] for r in results),
            "seconds": window,
            "seconds_per_1000_titles": window / sum(r["planned"] for r in results) * 1000,
        }
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--child", action="store_true")
    parser.add_argument("--base-url")
    parser.add_argument("--api-key")
    parser.add_argument("--work", type=Path)
    parser.add_argument("--titles", type=int, default=300)
    parser.add_argument("--rate-state", type=Path)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.base_url, args.api_key, args.work, args.titles,
                               args.rate_state)))  # fmt: skip
    else:
        print(json.dumps(throughput(args.titles), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
