"""Wrong answers once found on data the project had never seen, each on a lake crafted to show it.

The Trusted tables of the sample are rewritten to hold the case, the Refined zone is built, and
the answer is compared with one worked out here from the rewritten Trusted rows.
"""

import shutil
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from datalake.refined.checks import out_of_bounds_sql
from datalake.refined.tables import TABLES, refined_key
from datalake.shared.checks import VALUES_IN_RANGE, violations
from datalake.storage.layout import refined_prefix, trusted_prefix
from datalake_tests.refined.lake import DATE, materialize, rewrite, rows

BREAKING_BAD, BETTER_CALL_SAUL, GODFATHER = "tt0903747", "tt3032476", "tt0068646"


def _part(lake: Path, origin: str, table: str) -> Path:
    return lake / trusted_prefix(origin, table, DATE) / "part-0.parquet"  # type: ignore[arg-type]


def _trusted(lake: Path, origin: str, table: str, where: str = "true") -> list[dict]:
    relation = duckdb.read_parquet(str(_part(lake, origin, table))).filter(where)
    return [dict(zip(relation.columns, row, strict=True)) for row in relation.fetchall()]


@pytest.fixture(scope="module")
def crafted(trusted_lake, tmp_path_factory) -> Path:
    """The sample, with: Breaking Bad still running in the CSV but ended (in 2001, before it
    started) on TMDB; Better Call Saul ending before it starts and lasting 0 minutes in the CSV;
    TMDB's episode runtime for it 46.4; the Godfather franchise fetched with no parts and named otherwise by one movie payload."""
    lake = tmp_path_factory.mktemp("crafted") / "lake"
    shutil.copytree(trusted_lake, lake)
    series = _part(lake, "local", "series")
    rewrite(series, f"UPDATE t SET end_year = NULL WHERE title_id = '{BREAKING_BAD}'")
    rewrite(
        series,
        f"UPDATE t SET end_year = 2010, runtime_minutes = 0 WHERE title_id = '{BETTER_CALL_SAUL}'",
    )
    rewrite(
        _part(lake, "tmdb", "series"),
        "UPDATE t SET in_production = false, last_air_date = DATE '2001-06-01' "
        f"WHERE imdb_id = '{BREAKING_BAD}'",
    )
    rewrite(
        _part(lake, "tmdb", "series"),
        f"UPDATE t SET episode_runtime_minutes = 46.4 WHERE imdb_id = '{BETTER_CALL_SAUL}'",
    )
    rewrite(_part(lake, "tmdb", "movies_collections"), "DELETE FROM t WHERE collection_id = 230")
    rewrite(
        _part(lake, "tmdb", "movies"),
        "UPDATE t SET collection_name = 'A Godfather Saga' WHERE imdb_id = 'tt0099674'",
    )
    assert materialize(str(lake), dashboard=False).success
    return lake


def test_a_series_the_csv_says_runs_keeps_running_whatever_tmdb_says(crafted):
    [title] = rows(str(crafted), "dim_title", f"title_id = '{BREAKING_BAD}'")
    assert (title["release_year"], title["end_year"], title["running"]) == (2008, None, True)
    [fact] = rows(str(crafted), "fact_title_metrics", f"title_id = '{BREAKING_BAD}'")
    assert fact["years_running"] == 2022 - 2008 + 1  # to the processing year


def test_an_impossible_csv_end_year_and_runtime_read_as_unknown(crafted):
    [title] = rows(str(crafted), "dim_title", f"title_id = '{BETTER_CALL_SAUL}'")
    assert (title["end_year"], title["running"]) == (None, False)
    assert title["runtime_minutes"] == 46  # TMDB's episode runtime fills the CSV's 0 in
    [fact] = rows(str(crafted), "fact_title_metrics", f"title_id = '{BETTER_CALL_SAUL}'")
    assert fact["years_running"] is None
    negative = rows(str(crafted), "fact_title_metrics", "years_running < 1")
    assert negative == []


def test_the_gates_refuse_impossible_values(crafted, tmp_path):
    """The range gates' own query, on the tables with an impossible value written into them."""
    broken = {"fact_title_metrics": "years_running = -5", "dim_title": "end_year = 1999"}
    for name, change in broken.items():
        part = tmp_path / f"{name}.parquet"
        shutil.copy(crafted / refined_prefix(name, DATE) / "part-0.parquet", part)
        rewrite(part, f"UPDATE t SET {change} WHERE title_id = '{BREAKING_BAD}'")
        [spec] = [t for t in TABLES if t.name == name]
        with duckdb.connect() as con:
            verdict = violations(
                con, refined_key(name), VALUES_IN_RANGE, out_of_bounds_sql(spec), [str(part)]
            )
        assert not verdict.passed and verdict.metadata["violations"].value == 1
        [example] = verdict.metadata["examples"].value
        assert example.startswith(f"({BREAKING_BAD}): {change.split()[0]} ")


def test_a_franchise_without_parts_keeps_its_figures_from_the_lake(crafted):
    movies = _trusted(crafted, "tmdb", "movies", "collection_id = 230")
    [franchise] = rows(str(crafted), "dim_collection", "collection_id = 230")
    assert franchise["films"] == len(movies) == 3 and franchise["films_listed"] is None
    mean = sum(m["popularity"] for m in movies) / len(movies)
    assert franchise["mean_popularity"] == pytest.approx(mean, abs=0.001)
    assert franchise["vote_count"] == sum(m["vote_count"] for m in movies)
    assert franchise["collection_name"] == "A Godfather Saga"  # the payloads' first name


def test_a_franchise_name_comes_from_the_collection_when_it_answers(crafted):
    """The Dark Knight Collection: /collection lists 3 films, the lake holds 2 of them."""
    parts = _trusted(crafted, "tmdb", "movies_collections", "collection_id = 263")
    members = _trusted(crafted, "tmdb", "movies", "collection_id = 263")
    [franchise] = rows(str(crafted), "dim_collection", "collection_id = 263")
    assert franchise["collection_name"] == parts[0]["collection_name"]
    assert (franchise["films"], franchise["films_listed"]) == (len(members), len(parts)) == (2, 3)


def test_tmdb_movie_directors_and_writers_reach_the_person_bridge(crafted):
    [godfather] = _trusted(crafted, "tmdb", "movies", f"imdb_id = '{GODFATHER}'")
    crew = _trusted(crafted, "tmdb", "movies_credits", f"tmdb_id = {godfather['tmdb_id']}")
    wanted = {
        (c["person_name"], {"Director": "director", "Screenplay": "writer"}[c["job"]])
        for c in crew
        if c["job"] in ("Director", "Screenplay")
    }
    assert {role for _, role in wanted} == {"director", "writer"}
    people = {p["person_id"]: p["name"] for p in rows(str(crafted), "dim_person")}
    credits = rows(str(crafted), "bridge_title_person", f"title_id = '{GODFATHER}'")
    found = {(people[c["person_id"]], c["role"]) for c in credits if c["source"] == "tmdb"}
    assert wanted <= found
    cast = _trusted(crafted, "tmdb", "movies_credits", "tmdb_id = 238 AND credit_type = 'cast'")
    acting = {people[c["person_id"]] for c in credits if c["role"] in ("actor", "actress")}
    assert {c["person_name"] for c in cast} <= acting


def test_professions_do_not_depend_on_row_order(trusted_lake, tmp_path):
    """Al Pacino listed twice on his first title with different professions, in either order."""
    chosen = []
    for order in ("ASC", "DESC"):
        lake = tmp_path / order / "lake"
        shutil.copytree(trusted_lake, lake)
        rewrite(
            _part(lake, "local", "movies"),
            "CREATE OR REPLACE TABLE t AS SELECT * FROM (SELECT * FROM t UNION ALL "
            "SELECT * REPLACE (['writer'] AS professions) FROM t "
            f"WHERE artist_name = 'Al Pacino' AND title_id = '{GODFATHER}') "
            f"ORDER BY professions[1] {order}",
        )
        selection = dg.AssetSelection.assets(refined_key("dim_person"))
        assert materialize(str(lake), selection=selection, dashboard=False).success
        [pacino] = rows(str(lake), "dim_person", "name = 'Al Pacino'")
        chosen.append(pacino["professions"])
    assert chosen == [["actor", "producer", "director"]] * 2  # "actor,..." < "writer"
