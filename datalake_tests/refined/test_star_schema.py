"""The star schema of the sample: keys, references, hand-checked facts and the TMDB-less case."""

from decimal import Decimal

import duckdb
import pytest

from datalake.refined.tables import TABLES
from datalake.storage.layout import trusted_prefix
from datalake_tests.refined.lake import DATE, HOSTILE_TITLE, check_results, rows, table


def test_every_table_is_written_and_passes_its_gates(refined_lake):
    lake, result = refined_lake
    assert result.success
    checks = check_results(result)
    expected = {(f"refined/{t.name}", "keys_unique") for t in TABLES}
    expected |= {(f"refined/{t.name}", "references_resolved") for t in TABLES if t.references}
    expected |= {(f"refined/{t.name}", "values_in_range") for t in TABLES if t.bounds}
    assert set(checks) == expected
    assert all(check.passed for check in checks.values())
    for spec in TABLES:
        assert table(lake, spec.name).count("*").fetchall()[0][0] > 0, spec.name


@pytest.mark.parametrize("spec", TABLES, ids=lambda spec: spec.name)
def test_keys_are_unique_and_references_resolve(refined_lake, spec):
    """Recounted here, independently of the asset checks."""
    lake, _ = refined_lake
    relation = table(lake, spec.name)
    keys = relation.aggregate(f"count(*), count(DISTINCT ({', '.join(spec.keys)}))").fetchall()
    assert keys[0][0] == keys[0][1]
    for column, dimension in spec.references.items():
        known = {row[0] for row in table(lake, dimension).select(column).fetchall()}
        used = {row[0] for row in relation.select(column).fetchall()} - {None}
        assert used <= known, (spec.name, column, sorted(used - known)[:5])


def test_one_row_per_csv_title_plus_the_titles_only_tmdb_knows(refined_lake, trusted_lake):
    lake, _ = refined_lake
    csv = [
        str(trusted_lake / trusted_prefix("local", s, DATE)) + "/*.parquet"
        for s in ("movies", "series")
    ]
    (csv_titles,) = duckdb.sql(
        "SELECT count(DISTINCT title_id) FROM read_parquet(?)", params=[csv]
    ).fetchone()
    titles = rows(lake, "dim_title")
    from_csv = [t for t in titles if t["in_imdb"]]
    only_tmdb = [t for t in titles if not t["in_imdb"]]
    assert len(from_csv) == len({t["title_id"] for t in from_csv}) == csv_titles == 184
    assert only_tmdb, "the sandbox's /discover adds titles the CSV lacks"
    assert all(
        t["title_id"] == f"tmdb:{t['kind']}:{t['tmdb_id']}" and t["in_tmdb"] for t in only_tmdb
    )
    [hostile] = [t for t in titles if t["title_id"] == "tt9900001"]
    assert hostile["primary_title"] == HOSTILE_TITLE and hostile["decade"] == 1990


def test_movie_facts_by_hand(refined_lake):
    """The Godfather in the sandbox: budget 6,000,000, revenue 245,066,411, collection 230."""
    lake, _ = refined_lake
    [godfather] = rows(lake, "fact_title_metrics", "title_id = 'tt0068646'")
    assert godfather["budget"] == 6_000_000 and godfather["revenue"] == 245_066_411
    assert godfather["profit"] == 239_066_411
    assert godfather["roi"] == pytest.approx(39.8444)  # 239,066,411 / 6,000,000
    assert godfather["imdb_rating"] == Decimal("9.2") and godfather["imdb_votes"] == 2_051_000
    assert godfather["tmdb_vote_average"] == pytest.approx(8.962)
    assert godfather["in_configured_genres"] and godfather["seasons"] is None
    [title] = rows(lake, "dim_title", "title_id = 'tt0068646'")
    assert (title["tmdb_id"], title["collection_id"], title["decade"]) == (238, 230, 1970)
    [franchise] = rows(lake, "dim_collection", "collection_id = 230")
    assert franchise["collection_name"] == "The Godfather Collection" and franchise["films"] == 3


def test_series_facts_by_hand(refined_lake):
    """Breaking Bad: 62 episodes in 5 seasons, 2008-2013; The Simpsons still runs in 2022."""
    lake, _ = refined_lake
    [breaking_bad] = rows(lake, "fact_title_metrics", "title_id = 'tt0903747'")
    assert (breaking_bad["seasons"], breaking_bad["episodes"]) == (5, 62)
    assert breaking_bad["episodes_per_season"] == pytest.approx(12.4)
    assert breaking_bad["years_running"] == 6 and breaking_bad["in_production"] is False
    [simpsons] = rows(lake, "fact_title_metrics", "title_id = 'tt0096697'")
    assert simpsons["years_running"] == 2022 - 1989 + 1
    assert not simpsons["in_configured_genres"] and simpsons["tmdb_popularity"] is None


def test_creators_join_the_csv_artist_of_their_name(refined_lake):
    lake, _ = refined_lake
    [gilligan] = rows(lake, "dim_person", "name = 'Vince Gilligan'")
    assert gilligan["birth_year"] == 1967 and gilligan["tmdb_person_id"] is not None
    credits = rows(lake, "bridge_title_person", f"person_id = '{gilligan['person_id']}'")
    assert {(c["title_id"], c["role"]) for c in credits} >= {
        ("tt0903747", "creator"),
        ("tt3032476", "creator"),  # Breaking Bad, Better Call Saul
    }
    [pacino] = rows(lake, "dim_person", "name = 'Al Pacino'")
    godfather = rows(
        lake,
        "bridge_title_person",
        f"title_id = 'tt0068646' AND person_id = '{pacino['person_id']}'",
    )
    assert [(c["role"], c["character_name"], c["source"]) for c in godfather] == [
        ("actor", "Michael Corleone", "imdb+tmdb")
    ]


def test_genres_flag_the_configured_ones(refined_lake):
    lake, _ = refined_lake
    configured = {g["genre_name"] for g in rows(lake, "dim_genre", "is_configured")}
    assert configured == {"Crime", "War"} | (
        {"War & Politics"} & {g["genre_name"] for g in rows(lake, "dim_genre")}
    )
    pairs = {
        (b["title_id"], b["genre_name"])
        for b in rows(lake, "bridge_title_genre", "title_id = 'tt0068646'")
    }
    assert pairs == {("tt0068646", "Crime"), ("tt0068646", "Drama")}


def test_the_period_dimension_covers_every_year_without_gaps(refined_lake):
    lake, _ = refined_lake
    periods = rows(lake, "dim_period")
    years = sorted(p["year"] for p in periods)
    titles = rows(lake, "dim_title")
    released = [t["release_year"] for t in titles if t["release_year"]]
    last = max([2022, *released, *(t["end_year"] for t in titles if t["end_year"])])
    assert years == list(range(min(released), last + 1))  # at least to the processing year
    assert all(p["decade"] == p["year"] - p["year"] % 10 for p in periods)
    assert [p["year"] for p in periods if p["is_processing_year"]] == [2022]
    by_decade: dict[int, int] = {}
    for year in released:
        by_decade[year - year % 10] = by_decade.get(year - year % 10, 0) + 1
    decade_of = {p["year"]: p["decade"] for p in periods}
    joined: dict[int, int] = {}
    for fact in rows(lake, "fact_title_metrics", "year IS NOT NULL"):
        joined[decade_of[fact["year"]]] = joined.get(decade_of[fact["year"]], 0) + 1
    assert joined == by_decade
