"""The TMDB transform on its own: TMDB's quirks, both keyword shapes, newest fetch wins."""

from pathlib import Path

import duckdb
import pytest

from datalake.storage import LocalStorage
from datalake.trusted.tmdb_transform import TABLE_SQL, tmdb_transform, transform_tmdb
from datalake_tests.engines.runs import ENGINES, engine_run, write
from datalake_tests.trusted import tmdb_corpus as tc
from datalake_tests.trusted.conftest import DATE


def _transform(
    tmp_path: Path, spec: str, details: list[list[dict]], collections=(), engine: str = "duckdb"
):
    tmp_path.mkdir(exist_ok=True)
    files = {"details": [], "collections": []}
    for name, batches in (("details", details), ("collections", collections)):
        for number, batch in enumerate(batches, start=1):
            key = tc.store(LocalStorage(tmp_path / "raw"), spec, DATE, name, batch, number)
            files[name].append(str(tmp_path / "raw" / key))
    transform = tmdb_transform(spec, files["details"], files["collections"])
    with engine_run(engine, transform, tmp_path / "lake") as run:
        results, counts = transform_tmdb(run, spec)
        globs = {t: write(results[t], tmp_path / f"{t}.parquet") for t in TABLE_SQL[spec]}
    relations = {t: duckdb.read_parquet(glob) for t, glob in globs.items()}
    tables = {t: _rows(relations[t]) for t in TABLE_SQL[spec]}
    schemas = {t: list(zip(relations[t].columns, map(str, relations[t].types), strict=False))
               for t in TABLE_SQL[spec]}  # fmt: skip
    return counts, tables, schemas


def _rows(relation: duckdb.DuckDBPyRelation) -> list[dict]:
    return [dict(zip(relation.columns, row, strict=False)) for row in relation.fetchall()]


@pytest.mark.parametrize("engine", ENGINES)
def test_movie_quirks_become_nulls_and_types(tmp_path, engine):
    details = [[
        tc.record(tc.movie(1)),
        tc.record(tc.movie(2, budget=0, revenue=0, runtime=None, release_date="", vote_average=7,
                           imdb_id=None, belongs_to_collection=None)),
        tc.record(tc.movie(3, runtime=0, imdb_id="", external_ids={"imdb_id": None}),
                  imdb_id="tt0000003"),
        tc.record(tc.movie(4, imdb_id="nm0000004", external_ids={"imdb_id": "bad"})),
    ]]  # fmt: skip
    _, tables, _ = _transform(tmp_path, "movies", details, engine=engine)
    movies = {row["tmdb_id"]: row for row in tables["movies"]}

    first = movies[1]
    assert (first["imdb_id"], first["title"]) == ("tt0000001", "Movie 1")
    assert str(first["release_date"]) == "1999-12-31"
    assert [first[c] for c in ("runtime_minutes", "budget", "revenue")] == [120, 10**6, 5 * 10**6]
    assert (first["collection_id"], first["collection_name"]) == (9, "Saga")
    assert first["genres"] == ["Crime", "War"] and first["keywords"] == ["heist", "trench"]
    assert (first["production_countries"], first["spoken_languages"]) == (["BR"], ["pt"])
    quirky = movies[2]
    unknown = ("budget", "revenue", "runtime_minutes", "release_date")
    assert [quirky[c] for c in unknown] == [None] * 4
    assert quirky["vote_average"] == 7.0 and isinstance(quirky["vote_average"], float)
    assert quirky["imdb_id"] == "tt0000002"  # from external_ids
    assert quirky["collection_id"] is None
    assert (movies[3]["runtime_minutes"], movies[3]["imdb_id"]) == (None, "tt0000003")  # from fetch
    assert movies[4]["imdb_id"] is None  # never a malformed id


def test_movie_children_are_one_row_per_key(tmp_path):
    _, tables, _ = _transform(tmp_path, "movies", [[tc.record(tc.movie(1))]])
    genres = [(r["genre_id"], r["genre_name"]) for r in tables["movies_genres"]]
    assert genres == [(80, "Crime"), (10752, "War")]
    assert [r["keyword_name"] for r in tables["movies_keywords"]] == ["heist", "trench"]
    credits = {(r["credit_type"], r["character_name"], r["job"]) for r in tables["movies_credits"]}
    assert credits == {("cast", "Lead", None), ("crew", None, "Director")}


@pytest.mark.parametrize("engine", ENGINES)
def test_series_read_tv_keywords_runtime_and_creators(tmp_path, engine):
    details = [[tc.record(tc.tv(10)), tc.record(tc.tv(11, episode_run_time=[], first_air_date=""))]]
    _, tables, _ = _transform(tmp_path, "series", details, engine=engine)
    series = {row["tmdb_id"]: row for row in tables["series"]}

    breaking = series[10]
    assert breaking["keywords"] == ["cartel"] and breaking["creators"] == ["Creator"]
    assert breaking["episode_runtime_minutes"] == 37.5  # zeros are not runtimes
    assert [breaking[c] for c in ("seasons", "episodes", "in_production")] == [5, 62, False]
    assert str(breaking["last_air_date"]) == "2013-09-29" and breaking["imdb_id"] == "tt0000010"
    assert [series[11][c] for c in ("episode_runtime_minutes", "first_air_date")] == [None, None]
    assert [r["keyword_id"] for r in tables["series_keywords"]] == [3, 3]
    creators = [r for r in tables["series_credits"] if r["credit_type"] == "creator"]
    assert sorted(r["tmdb_id"] for r in creators) == [10, 11]
    assert {r["person_name"] for r in creators} == {"Creator"}
    assert {r["genre_name"] for r in tables["series_genres"]} == {"Crime", "War & Politics"}


@pytest.mark.parametrize("engine", ENGINES)
def test_the_newest_fetch_of_a_title_wins(tmp_path, engine):
    older = tc.record(tc.movie(1, title="Old"), fetched_at="2022-05-01T23:59:59.999Z")
    newer = tc.record(tc.movie(1, title="New"), fetched_at="2022-05-02T00:00:00.000Z")
    counts, tables, _ = _transform(
        tmp_path, "movies", [[newer, tc.record(tc.movie(2))], [older]], engine=engine
    )
    titles = sorted((r["tmdb_id"], r["title"]) for r in tables["movies"])
    assert titles == [(1, "New"), (2, "Movie 2")]
    assert (counts.records, counts.records - counts.titles) == (3, 1)
    assert len(tables["movies_genres"]) == 4  # children follow the winning fetch only


@pytest.mark.parametrize("engine", ENGINES)
def test_collections_keep_release_order_and_newest_answer(tmp_path, engine):
    old = tc.record(tc.collection(9, "Old", [1]), fetched_at="2022-05-01T00:00:00Z")
    new = tc.record(tc.collection(9, "Saga", [3, 1]), fetched_at="2022-05-02T00:00:00Z")
    _, tables, _ = _transform(
        tmp_path, "movies", [[tc.record(tc.movie(1))]], [[old], [new]], engine=engine
    )
    rows = [(r["collection_name"], r["part_number"], r["tmdb_id"], str(r["release_date"]))
            for r in tables["movies_collections"]]  # fmt: skip
    assert rows == [("Saga", 1, 3, "1990-01-01"), ("Saga", 2, 1, "1991-01-01")]


@pytest.mark.parametrize("spec, body", [("movies", tc.movie), ("series", tc.tv)])
@pytest.mark.parametrize("engine", ENGINES)
def test_no_raw_files_give_empty_tables_with_the_same_schema(tmp_path, spec, body, engine):
    counts, tables, schemas = _transform(tmp_path / "none", spec, [], engine=engine)
    _, _, full_schemas = _transform(tmp_path / "full", spec, [[tc.record(body(1))]])
    assert counts.records == 0 and all(rows == [] for rows in tables.values())
    assert schemas == full_schemas
