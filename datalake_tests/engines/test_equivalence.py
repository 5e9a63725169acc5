"""Equivalence on generated data: the whole lake of one date (Trusted, its quarantine, Refined)
built by the Spark engine equals the DuckDB engine's, table by table, from the same Raw zone.

The Raw zone is built once: `datalake generate` files (seeded) with the hostile corpus's lines
appended (refused rows, duplicates, a blank line, line numbers past the generated ones), and
TMDB records of the sandbox, which synthesises an answer for every generated title.
"""

import shutil
from pathlib import Path

import dagster as dg
import pytest

from datalake.generate import generate
from datalake.raw.assets import raw_csv_assets
from datalake.raw.tmdb_assets import raw_tmdb_assets
from datalake.refined import definitions as refined
from datalake.resources.tmdb import TmdbResource
from datalake.trusted import definitions as trusted
from datalake_tests.engines.compare import assert_same_parquet, parquet_folders
from datalake_tests.lakes import lake_resources
from datalake_tests.tmdb.conftest import API_KEY, _tmdb_session  # noqa: F401
from datalake_tests.trusted import corpus

DATE = "2022-05-02"
ASSETS = [*raw_csv_assets, *raw_tmdb_assets, *trusted.defs.assets, *refined.defs.assets]
CHECKS = [*trusted.defs.asset_checks, *refined.defs.asset_checks]
# Tables that may rightly be empty here: the generated exports have no series refused.
MAY_BE_EMPTY = {"Rejected/trusted/series"}


# The hostile corpus's movie lines, refused ones included (raw/tmdb/movies skips those).
APPENDED = list(corpus.MOVIE_LINES)
# An artist whose first title lists no professions and whose second does: dim_person takes the
# professions of the first title that has some (DuckDB's arg_min skips NULLs; Spark's min_by
# does not, hence a rewrite).
APPENDED += [
    r"tt0000011|Pair A|Pair A|1990|90|Crime|7.0|10|actor|x|Twin Artist|1950|\N|\N|\N",
    r"tt0000012|Pair B|Pair B|1991|90|War|7.0|10|actor|y|Twin Artist|1950|\N|actor,writer|\N",
]


def _landing(folder: Path) -> Path:
    generate(folder, movies=3_000, series=2_000, seed=13)
    with (folder / "movies.csv").open("a", encoding="utf-8", newline="") as movies:
        movies.write("".join((line or "") + "\n" for line in APPENDED))
    return folder


def _resources(lake: Path, landing: Path, tmdb_url: str, engine: str) -> dict:
    tmdb = TmdbResource(
        base_url=tmdb_url,
        api_key=API_KEY,
        requests_per_second=1000,
        backoff_factor=0.01,
        discover_limit=5,
        limit=150,
    )
    return lake_resources(
        str(lake), str(landing), genres="Crime,War", engine_kind=engine, tmdb=tmdb
    )


@pytest.fixture(scope="module")
def lakes(tmp_path_factory, _tmdb_session) -> dict[str, Path]:  # noqa: F811
    """engine -> its lake: the same Raw zone, then Trusted and Refined built by that engine."""
    root = tmp_path_factory.mktemp("equivalence")
    landing = _landing(root / "landing")
    _tmdb_session.sandbox.reset()
    raw = root / "raw"
    built = dg.materialize(
        ASSETS,
        selection=dg.AssetSelection.groups("raw"),
        partition_key=DATE,
        resources=_resources(raw, landing, _tmdb_session.base_url, "duckdb"),
    )
    assert built.success
    lakes = {}
    for engine in ("duckdb", "spark"):
        lakes[engine] = root / engine
        shutil.copytree(raw, lakes[engine])
        result = dg.materialize(
            [*ASSETS, *CHECKS],
            selection=dg.AssetSelection.groups("trusted", "refined"),
            partition_key=DATE,
            resources=_resources(lakes[engine], landing, _tmdb_session.base_url, engine),
            raise_on_error=False,
        )
        assert result.success, engine
        engines = {
            str(m.materialization.metadata["engine"].value)  # type: ignore[union-attr]
            for m in result.get_asset_materialization_events()
            if "engine" in m.materialization.metadata  # type: ignore[union-attr]
        }
        assert engines == {engine}  # every Trusted and Refined transform ran on it
        lakes[f"{engine}-checks"] = result  # type: ignore[assignment]
    return lakes


def test_every_trusted_rejected_and_refined_table_is_the_same_on_both_engines(lakes):
    duck, spark = (parquet_folders(lakes[e], DATE) for e in ("duckdb", "spark"))
    assert duck.keys() == spark.keys()
    zones = {name.split("/")[0] for name in duck}
    assert zones >= {"Trusted", "Rejected", "Refined"}, zones
    assert len([n for n in duck if n.startswith("Trusted/TMDB")]) == 9  # every TMDB table
    for name, folder in duck.items():
        table = name.removesuffix(f"/dt={DATE}")
        rows = table not in MAY_BE_EMPTY
        assert_same_parquet(table.rsplit("/", 1)[-1], str(folder / "*.parquet"),
                            str(spark[name] / "*.parquet"), rows=rows)  # fmt: skip


def test_the_blocking_checks_see_the_same_counts(lakes):
    def evaluations(result) -> dict:
        return {
            (e.asset_key.to_user_string(), e.check_name): (e.passed, dict(e.metadata))
            for e in result.get_asset_check_evaluations()
        }

    duck, spark = evaluations(lakes["duckdb-checks"]), evaluations(lakes["spark-checks"])
    assert duck == spark and len(duck) > 20
    reconciled = duck[("trusted/local/movies", "rows_reconciled")][1]
    assert reconciled["rejected_rows"].value == len(corpus.MOVIE_REJECTS)
