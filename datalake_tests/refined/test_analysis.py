"""Each question view equals the answer worked out here, in Python, from the Refined rows.

The lake is the sample's, with its series' seasons made constant and their years on the air
known for two series only, so those correlations are undefined and must read as such.
"""

import shutil
from collections import defaultdict
from decimal import Decimal

import duckdb
import pytest

from datalake.io.tables import create_view, lake_table
from datalake.refined.analysis import QUESTIONS, create_question_views
from datalake.refined.tables import TABLES, refined_key
from datalake.storage.layout import refined_prefix
from datalake_tests.lakes import Lake
from datalake_tests.refined.lake import DATE, rewrite, rows
from datalake_tests.refined.stats import mean, pearson, spearman

ACCLAIMED = 7.5


@pytest.fixture(scope="module")
def crafted(refined_lake, tmp_path_factory) -> str:
    lake = tmp_path_factory.mktemp("analysis") / "lake"
    shutil.copytree(refined_lake[0], lake)
    fact = lake / refined_prefix("fact_title_metrics", DATE) / "part-0.parquet"
    rewrite(fact, "UPDATE t SET seasons = 4 WHERE kind = 'series'")
    rewrite(
        fact,
        "UPDATE t SET years_running = NULL WHERE kind = 'series' AND title_id NOT IN "
        "('tt0903747', 'tt3032476')",
    )
    return str(lake)


@pytest.fixture(scope="module")
def views(crafted) -> dict[str, list[dict]]:
    """Every question view's rows, read through the project's SQL."""
    storage = Lake(crafted).storage()
    with duckdb.connect() as con:
        for spec in TABLES:
            create_view(con, spec.name, lake_table(storage, refined_key(spec.name), DATE))
        create_question_views(con)
        answers = {}
        for question in QUESTIONS:
            relation = con.sql(f"SELECT * FROM {question.name}")
            answers[question.name] = [
                dict(zip(relation.columns, r, strict=True)) for r in relation.fetchall()
            ]
    return answers


@pytest.fixture(scope="module")
def facts(crafted) -> list[dict]:
    """The facts of the configured genres, with their title's columns and decade."""
    titles = {t["title_id"]: t for t in rows(crafted, "dim_title")}
    decades = {p["year"]: p["decade"] for p in rows(crafted, "dim_period")}
    return [
        titles[f["title_id"]] | f | {"decade": decades.get(f["year"])}
        for f in rows(crafted, "fact_title_metrics")
        if f["in_configured_genres"]
    ]


def _num(value):
    return float(value) if isinstance(value, Decimal) else value


def _same(found: list[dict], expected: dict[tuple, dict], key: tuple[str, ...]) -> None:
    by_key = {tuple(r[k] for k in key): r for r in found}
    assert set(by_key) == set(expected)
    for k, wanted in expected.items():
        for column, value in wanted.items():
            got = _num(by_key[k][column])
            if isinstance(value, float):
                assert got == pytest.approx(
                    value, abs=0.0051
                )  # views round to 2-4 places, (k, column)
            else:
                assert got == value, (k, column)


def test_every_question_has_a_view_in_both_languages():
    assert [q.name for q in QUESTIONS] == [
        "budget_vs_popularity", "acclaimed_people", "runtime_by_period",
        "rating_vs_success", "franchise_popularity", "genre_popularity_by_decade",
    ]  # fmt: skip
    for question in QUESTIONS:  # plain SELECTs over named inputs: no file reading, no DDL
        text = question.sql().lower()
        assert question.pt and question.en and text.lstrip().startswith("--")
        assert not any(word in text for word in ("read_parquet", "read_csv", "create ", "copy "))


def test_budget_vs_popularity(views, facts):
    movies = [
        f for f in facts
        if f["kind"] == "movie" and f["budget"] is not None and f["tmdb_popularity"] is not None
    ]  # fmt: skip
    scopes: dict[tuple, list[dict]] = defaultdict(list)
    for movie in movies:
        scopes["all", None].append(movie)
        if movie["decade"] is not None:
            scopes["decade", movie["decade"]].append(movie)
    expected = {}
    for key, group in scopes.items():
        budgets = [float(m["budget"]) for m in group]
        popularity = [m["tmdb_popularity"] for m in group]
        rho, r = spearman(budgets, popularity), pearson(budgets, popularity)
        expected[key] = {
            "movies": len(group),
            "mean_popularity": mean(popularity),
            "spearman_rho": None if rho is None else rho,
            "pearson_r": None if r is None else r,
        }
    assert expected["all", None]["movies"] >= 5 and expected["all", None]["spearman_rho"]
    _same(views["budget_vs_popularity"], expected, ("scope", "decade"))


def test_acclaimed_people(views, facts, crafted):
    acclaimed = {
        f["title_id"]: f for f in facts
        if (f["imdb_rating"] or 0) >= ACCLAIMED and (f["tmdb_vote_average"] or 0) >= ACCLAIMED
    }  # fmt: skip
    groups = {"actor": "actors", "actress": "actors", "director": "directors",
              "creator": "creators", "writer": "writers"}  # fmt: skip
    titles: dict[tuple, set[str]] = defaultdict(set)
    for credit in rows(crafted, "bridge_title_person"):
        if credit["title_id"] in acclaimed and credit["role"] in groups:
            titles[groups[credit["role"]], credit["person_id"]].add(credit["title_id"])
    expected = {
        key: {
            "titles": len(ids),
            "mean_imdb_rating": mean([float(acclaimed[t]["imdb_rating"]) for t in ids]),
            "mean_tmdb_rating": mean([acclaimed[t]["tmdb_vote_average"] for t in ids]),
        }
        for key, ids in titles.items()
    }
    assert {group for group, _ in expected} >= {"actors", "directors", "writers"}
    _same(views["acclaimed_people"], expected, ("role_group", "person_id"))


def test_runtime_by_period(views, facts):
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for f in facts:
        if f["year"] is not None:
            groups["year", f["year"], f["kind"]].append(f)
            groups["decade", f["decade"], f["kind"]].append(f)
    expected = {}
    for key, group in groups.items():
        runtimes = [m["runtime_minutes"] for m in group if m["runtime_minutes"] is not None]
        seasons = [float(m["episodes_per_season"]) for m in group if m["episodes_per_season"]]
        expected[key] = {
            "titles": len(group),
            "runtime_titles": len(runtimes),
            "mean_runtime_minutes": None if not runtimes else float(mean(runtimes) or 0),
            "season_titles": len(seasons),
            "mean_episodes_per_season": None if not seasons else float(mean(seasons) or 0),
        }
    _same(views["runtime_by_period"], expected, ("level", "period_start", "kind"))


def test_rating_vs_success_leaves_undefined_correlations_undefined(views, facts):
    measures = {
        ("revenue", "movie"): "revenue", ("roi", "movie"): "roi",
        ("imdb_votes", "movie"): "imdb_votes", ("imdb_votes", "series"): "imdb_votes",
        ("seasons", "series"): "seasons", ("years_running", "series"): "years_running",
    }  # fmt: skip
    expected = {}
    for (measure, kind), column in measures.items():
        group = [
            f for f in facts
            if f["kind"] == kind and f[column] is not None
            and f["imdb_rating"] is not None and f["tmdb_vote_average"] is not None
        ]  # fmt: skip
        if not group:
            continue
        values = [float(f[column]) for f in group]
        imdb = spearman([float(f["imdb_rating"]) for f in group], values)
        tmdb = spearman([f["tmdb_vote_average"] for f in group], values)
        closer = None
        if imdb is not None and tmdb is not None:
            closer = "IMDb" if abs(imdb) > abs(tmdb) else "TMDB" if abs(tmdb) > abs(imdb) else "tie"
        expected[measure, kind] = {
            "titles": len(group), "imdb_spearman": imdb, "tmdb_spearman": tmdb, "closer": closer,
        }  # fmt: skip
    assert expected["seasons", "series"]["titles"] >= 3  # constant: undefined
    assert expected["years_running", "series"]["titles"] == 2  # too few: undefined
    for measure in ("seasons", "years_running"):
        assert expected[measure, "series"] | {"titles": 0} == {
            "titles": 0, "imdb_spearman": None, "tmdb_spearman": None, "closer": None,
        }  # fmt: skip
    assert expected["revenue", "movie"]["closer"] in ("IMDb", "TMDB", "tie")
    _same(views["rating_vs_success"], expected, ("measure", "kind"))


def test_franchise_popularity(views, facts, crafted):
    names = {c["collection_id"]: c["collection_name"] for c in rows(crafted, "dim_collection")}
    members: dict[int, list[dict]] = defaultdict(list)
    for f in facts:
        if f["collection_id"] is not None:
            members[f["collection_id"]].append(f)
    popularity = {
        cid: mean([m["tmdb_popularity"] for m in ms if m["tmdb_popularity"] is not None])
        for cid, ms in members.items()
    }
    ordered = sorted(members, key=lambda c: -(popularity[c] or float("-inf")))
    expected = {
        (cid,): {
            "popularity_rank": 1
            + sum(1 for o in ordered if (popularity[o] or -1) > (popularity[cid] or -1)),
            "collection_name": names[cid],
            "movies": len(ms),
            "mean_popularity": popularity[cid],
            "revenue": sum(m["revenue"] for m in ms if m["revenue"] is not None) or None,
        }
        for cid, ms in members.items()
    }
    assert len(expected) >= 3
    _same(views["franchise_popularity"], expected, ("collection_id",))
    assert [r["collection_id"] for r in views["franchise_popularity"]][: len(ordered)] == ordered


def test_genre_popularity_by_decade(views, facts, crafted):
    configured = {g["genre_name"] for g in rows(crafted, "dim_genre") if g["is_configured"]}
    by_title = {f["title_id"]: f for f in facts if f["year"] is not None}
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for pair in rows(crafted, "bridge_title_genre"):
        fact = by_title.get(pair["title_id"])
        if fact and pair["genre_name"] in configured:
            groups[pair["genre_name"], fact["decade"], fact["kind"]].append(fact)
    expected = {}
    for key, group in groups.items():
        votes = [f["imdb_votes"] for f in group if f["imdb_votes"] is not None]
        popularity = [f["tmdb_popularity"] for f in group if f["tmdb_popularity"] is not None]
        expected[key] = {
            "titles": len(group),
            "imdb_votes": sum(votes),
            "tmdb_titles": len(popularity),
            "mean_tmdb_popularity": mean(popularity),
        }
    assert {genre for genre, _, _ in expected} >= {"Crime", "War"}
    _same(views["genre_popularity_by_decade"], expected, ("genre_name", "decade", "kind"))
