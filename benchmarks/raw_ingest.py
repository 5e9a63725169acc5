"""Raw zone at full size: `datalake run --select raw` on ~1M movie rows, local and on S3.

Side by side with the plain copies it wraps (a file copy, boto3's upload_file), with peak memory
of each. Run: `.venv/bin/python benchmarks/raw_ingest.py [--movies N --series N --workdir DIR]`.
"""

import argparse
import hashlib
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from datalake.bench.data import full_size_landing
from datalake.bench.measure import measure
from datalake_tests.servers import start_seaweedfs

BIN = Path(sys.executable).parent
DATE = "2022-05-02"


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--movies", type=int, default=1_000_000)
    parser.add_argument("--series", type=int, default=460_000)
    parser.add_argument("--workdir", default=".bench")
    args = parser.parse_args()
    work = Path(args.workdir).resolve()
    landing = full_size_landing(work / "landing", args.movies, args.series)
    movies = landing / "movies.csv"
    print(f"movies.csv {movies.stat().st_size / 1e6:.0f} MB, series.csv "
          f"{(landing / 'series.csv').stat().st_size / 1e6:.0f} MB")  # fmt: skip

    base_env = {**os.environ, "DATALAKE_LANDING": str(landing), "DAGSTER_HOME": str(work / "home")}
    (work / "home").mkdir(exist_ok=True)
    run = [str(BIN / "datalake"), "run", "--date", DATE, "--select", "raw"]
    results = []
    lake = work / "lake"
    results.append(measure("datalake run --select raw (local)", run,
                           {**base_env, "DATALAKE_STORAGE": str(lake)}))  # fmt: skip
    copied = lake / "Raw/Local/CSV/Movies/2022/05/02/movies.csv"
    assert sha256(copied) == sha256(movies), "local copy differs from the source"
    results.append(measure("baseline: cp movies.csv + series.csv", ["sh", "-c",
        f"cp '{movies}' '{work}/cp-movies.csv' && cp '{landing}/series.csv' '{work}/cp-series.csv'"]))  # fmt: skip

    with tempfile.TemporaryDirectory() as data:
        server = start_seaweedfs(Path(data))
        try:
            server.client().create_bucket(Bucket="bench")
            s3_env = {**base_env, **server.env(), "DATALAKE_STORAGE": "s3://bench/lake"}
            results.append(measure("datalake run --select raw (S3)", run, s3_env))
            body = server.client().get_object(
                Bucket="bench", Key=f"lake/{copied.relative_to(lake)}"
            )
            digest = hashlib.sha256()
            for chunk in body["Body"].iter_chunks(1 << 20):
                digest.update(chunk)
            assert digest.hexdigest() == sha256(movies), "S3 copy differs from the source"
            upload = (
                "import boto3,sys; c=boto3.client('s3');"
                "[c.upload_file(p, 'bench', 'plain/'+p.rsplit('/',1)[-1]) for p in sys.argv[1:]]"
            )
            results.append(measure("baseline: boto3 upload_file x2 (S3)",
                                   [sys.executable, "-c", upload, str(movies), str(landing / "series.csv")],
                                   s3_env))  # fmt: skip
        finally:
            server.stop()

    print(f"{'':<44} {'time':>10} {'peak RSS':>12}")
    for result in results:
        print(result.row())
    print("byte-identical copies: local and S3 (sha256 checked)")
    return 0 if all(r.returncode == 0 for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
