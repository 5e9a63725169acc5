"""The catalog: schemas, a lake moved elsewhere, every date through history views, key
stability across dates, and `datalake query` as an analyst runs it."""

import json
import shutil
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from datalake.raw.assets import raw_csv_assets
from datalake.raw.tmdb_assets import raw_tmdb_assets
from datalake.refined.analysis import QUESTIONS
from datalake.refined.catalog import refined_catalog
from datalake.refined.tables import TABLES
from datalake.storage.layout import refined_catalog_key
from datalake.trusted import definitions as trusted
from datalake_tests.cli_helpers import cli_env, run_cli
from datalake_tests.lakes import lake_resources
from datalake_tests.refined.lake import DATE, materialize, rows, table

NEXT_DATE = "2022-05-03"


@pytest.fixture(scope="module")
def two_dates(refined_lake, tmp_path_factory) -> Path:
    """The refined lake moved to another folder, with the same sources processed again for the
    next date (its Trusted folders copied under that date), so the catalog is of NEXT_DATE."""
    lake = tmp_path_factory.mktemp("moved") / "elsewhere" / "lake"
    shutil.copytree(refined_lake[0], lake)
    for folder in sorted((lake / "Trusted").rglob(f"dt={DATE}")):
        shutil.copytree(folder, folder.with_name(f"dt={NEXT_DATE}"))
    assert materialize(str(lake), dashboard=False, date=NEXT_DATE).success
    return lake


def _built_files(lake: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(lake)): path.read_bytes()
        for zone in ("Trusted", "Rejected", "Refined", "Dashboards")
        for path in sorted((lake / zone).rglob("*"))
        if path.is_file()
    }


def test_a_lake_rebuilt_from_its_raw_zone_elsewhere_is_byte_identical(refined_lake, tmp_path):
    """The same date rebuilt from the Raw zone alone, in a lake at another path: every Trusted,
    Rejected and Refined Parquet file, the dashboard and the catalog are the same bytes (the
    catalog holds views: no location, no time), and a third build of the catalog too."""
    built = Path(refined_lake[0])
    again = tmp_path / "elsewhere" / "lake"
    shutil.copytree(built / "Raw", again / "Raw")
    trusted_assets = [*raw_csv_assets, *raw_tmdb_assets, *trusted.defs.assets]
    assert dg.materialize(
        [*trusted_assets, *trusted.defs.asset_checks],
        selection=dg.AssetSelection.groups("trusted"),
        partition_key=DATE,
        resources=lake_resources(str(again)),
    ).success
    assert materialize(str(again)).success
    expected = _built_files(built)
    assert len(expected) >= 20 and _built_files(again) == expected
    assert dg.materialize([refined_catalog], resources=lake_resources(str(again))).success
    assert _built_files(again) == expected


def _views(con: duckdb.DuckDBPyConnection) -> set[str]:
    found = con.execute(
        "SELECT schema_name || '.' || view_name FROM duckdb_views() WHERE NOT internal"
    ).fetchall()
    return {name for (name,) in found}


def test_the_catalog_holds_the_three_schemas(two_dates, refined_lake):
    catalog = two_dates / refined_catalog_key()
    with duckdb.connect(str(catalog), read_only=True) as con:
        views = _views(con)
    refined = {f"refined.{t.name}" for t in TABLES}
    assert refined | {f"{v}_history" for v in refined} <= views
    assert {f"analysis.{q.name}" for q in QUESTIONS} <= views
    assert {"trusted.local_movies", "trusted.tmdb_movies_credits"} <= views
    assert str(Path(refined_lake[0]).parent).encode() not in catalog.read_bytes()
    assert str(two_dates).encode() not in catalog.read_bytes()


def test_a_moved_lake_is_read_where_it_is_now(two_dates):
    """A plain DuckDB client: the root variable (or the lake root as working directory)."""
    with duckdb.connect(str(two_dates / refined_catalog_key()), read_only=True) as con:
        con.execute("SET VARIABLE datalake_root = ?", [f"{two_dates}/"])
        for spec in TABLES:
            (count,) = con.execute(f"SELECT count(*) FROM refined.{spec.name}").fetchall()[0]
            assert count == table(str(two_dates), spec.name).count("*").fetchall()[0][0]
        comments = con.execute(
            "SELECT comment FROM duckdb_views() WHERE schema_name = 'refined' "
            "AND NOT view_name LIKE '%history'"
        ).fetchall()
        assert all(c.startswith(f"dt={NEXT_DATE}: ") for (c,) in comments)


def test_history_views_read_every_date_with_stable_keys(two_dates):
    with duckdb.connect(str(two_dates / refined_catalog_key()), read_only=True) as con:
        con.execute("SET VARIABLE datalake_root = ?", [f"{two_dates}/"])
        for spec in TABLES:
            keys = ", ".join(spec.keys)
            per_date = con.execute(
                f"SELECT CAST(dt AS VARCHAR), count(*), count(DISTINCT ({keys})) "
                f"FROM refined.{spec.name}_history GROUP BY dt ORDER BY dt"
            ).fetchall()
            assert [d for d, _, _ in per_date] == [DATE, NEXT_DATE]
            assert per_date[0][1:] == per_date[1][1:], spec.name  # same sources, same rows
            (changed,) = con.execute(
                f"SELECT count(*) FROM (SELECT * EXCLUDE (dt) FROM refined.{spec.name}_history "
                f"WHERE dt = '{DATE}' EXCEPT ALL SELECT * EXCLUDE (dt) "
                f"FROM refined.{spec.name}_history WHERE dt = '{NEXT_DATE}')"
            ).fetchall()[0]
            assert changed == 0, spec.name  # every key and value stable across dates


def _query(lake: Path, tmp_path: Path, *args: str):
    env = cli_env(tmp_path, DATALAKE_STORAGE=str(lake))
    return run_cli(["query", *args], env, cwd=tmp_path, timeout=120)


def test_datalake_query_prints_a_table_csv_and_json(two_dates, tmp_path):
    sql = "SELECT collection_name, movies FROM analysis.franchise_popularity ORDER BY 1"
    names = {
        c["collection_id"]: c["collection_name"] for c in rows(str(two_dates), "dim_collection")
    }
    focus = {
        f["title_id"] for f in rows(str(two_dates), "fact_title_metrics", "in_configured_genres")
    }
    movies: dict[str, int] = {}
    for title in rows(str(two_dates), "dim_title", "collection_id IS NOT NULL"):
        if title["title_id"] in focus:
            name = names[title["collection_id"]]
            movies[name] = movies.get(name, 0) + 1
    expected = sorted(movies.items())
    shown = _query(two_dates, tmp_path, sql)
    assert shown.returncode == 0, shown.stderr
    lines = shown.stdout.splitlines()
    assert lines[0].split() == ["collection_name", "movies"] and set(lines[1]) <= {"-", " "}
    assert lines[-1] == f"({len(expected)} rows)"
    as_csv = _query(two_dates, tmp_path, sql, "--format", "csv")
    assert as_csv.stdout.splitlines()[1:] == [f"{n},{m}" for n, m in expected]
    as_json = json.loads(_query(two_dates, tmp_path, sql, "--format", "json").stdout)
    assert [(r["collection_name"], r["movies"]) for r in as_json] == expected


def test_datalake_query_bad_sql_and_no_catalog_are_one_clear_line(two_dates, tmp_path):
    bad = _query(two_dates, tmp_path, "SELECT * FROM analysis.no_such_view")
    assert bad.returncode == 2 and bad.stdout == ""
    [line] = bad.stderr.strip().splitlines()
    assert line.startswith("error: the query failed: Catalog Error") and "no_such_view" in line
    write = _query(two_dates, tmp_path, "DROP VIEW refined.dim_title")
    assert write.returncode == 2 and "read-only" in write.stderr
    empty = tmp_path / "empty-lake"
    empty.mkdir()
    missing = _query(empty, tmp_path, "SELECT 1")
    assert missing.returncode == 2
    [line] = missing.stderr.strip().splitlines()
    assert "No catalog at" in line and "datalake run" in line
