"""`datalake bench` end to end on a few thousand rows (the full size is `make bench`'s)."""

import json

from datalake_tests.cli_helpers import cli_env, run_cli


def test_bench_reports_every_figure_beside_its_target(tmp_path):
    results = tmp_path / "results"
    args = ["bench", "--movies", "2000", "--series", "600", "--repeat", "1", "--skip", "s3",
            "--tmdb-titles", "10", "--workdir", str(tmp_path / "work"), "--results", str(results),
            "--no-readme"]  # fmt: skip
    done = run_cli(args, cli_env(tmp_path), tmp_path, timeout=280)
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads((results / "latest.json").read_text())
    assert report["data"] == {"movies_rows": 2000, "series_rows": 600,
                              "megabytes": report["data"]["megabytes"]}  # fmt: skip
    for spec, rows in (("movies", 2000), ("series", 600)):
        step = report["steps"][f"trusted/local/{spec}"]
        assert step["rows"] == rows and step["seconds"] > 0 and step["gates"] > 0
        # Every baseline wrote the same rows as the step, from the same file.
        assert [step[e]["rows"] for e in ("duckdb", "pandas", "polars")] == [rows] * 3
    bridge = report["steps"]["refined/bridge_title_person"]
    assert bridge["duckdb"]["rows"] == bridge["rows"] > 0
    assert report["lake"]["local-1"]["peak_mb"] > 100 and report["cold_start"]["ratio_duckdb"]
    assert report["tmdb"]["runs_2"]["answered_429"] == 0
    targets = {t["target"]: t for t in report["targets"]}
    assert targets["whole lake, local, wall"]["value"] == report["lake"]["local-1"]["wall"]
    assert targets["whole lake, S3 / local wall"]["met"] == "not measured"
    table = (results / "latest.md").read_text()
    assert "| trusted/local/movies |" in table and "| whole lake, local, wall |" in table
