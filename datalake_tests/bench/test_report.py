"""The bench report's verdicts against the issue's targets."""

from datalake.bench.report import commit, markdown, targets


def _verdicts(results: dict) -> dict[str, str]:
    return {t["target"]: t["met"] for t in targets({"lake": {}, "steps": {}, **results})}


def test_two_runs_are_within_the_limit_only_without_a_429():
    tmdb = {"runs_1": {"requests_per_s": 39.0}, "runs_2": {"requests_per_s": 39.5,
            "answered_429": 0, "failed": 0}}  # fmt: skip
    assert _verdicts({"tmdb": tmdb})["TMDB, two concurrent runs together"] == "met"
    tmdb["runs_2"]["answered_429"] = 3
    assert _verdicts({"tmdb": tmdb})["TMDB, two concurrent runs together"] == "**missed**"


def test_an_unmeasured_figure_is_said_so():
    verdicts = _verdicts({"lake": {"local-1": {"wall": 9.0, "peak_mb": 900.0, "load": 1.0}}})
    assert verdicts["whole lake, local, wall"] == "met"
    assert verdicts["whole lake, S3 / local wall"] == "not measured"


def test_the_table_names_the_commit_it_measured(tmp_path):
    machine = {"when": "2026-12-02T18:00:00+00:00", "cores": 2, "memory_gib": 23.5,
               "python": "3.11.7", "versions": {"duckdb": "1.5.5"}}  # fmt: skip
    results = {"machine": machine, "repeat": 1, "lake": {}, "steps": {}, "targets": [],
               "data": {"movies_rows": 1, "series_rows": 1, "megabytes": 0.1}}  # fmt: skip
    assert "at commit" not in markdown(results)
    assert markdown({**results, "commit": "abc1234"}).startswith(
        "Measured 2026-12-02T18:00:00+00:00 at commit abc1234 on 2 cores"
    )
    assert commit(tmp_path) is None  # not a checkout: no commit claimed
