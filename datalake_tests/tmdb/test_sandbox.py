"""The sandbox speaks TMDB: paths, auth, error bodies, the page cap, fixtures with TMDB's quirks."""

import json
from importlib import resources

import pytest
import requests

from datalake.tmdb import synth
from datalake.tmdb.sandbox import Sandbox, running_sandbox
from datalake_tests.tmdb.conftest import API_KEY, READ_ACCESS_TOKEN


def get(tmdb, path: str, **params) -> requests.Response:
    return requests.get(tmdb.base_url + path, params={"api_key": API_KEY, **params}, timeout=5)


def fixture(name: str) -> list:
    return json.loads((resources.files("datalake.tmdb") / "fixtures" / name).read_text("utf-8"))


def test_auth_by_key_or_bearer_token_else_401_status_7(tmdb):
    assert get(tmdb, "/genre/movie/list").status_code == 200
    bearer = {"Authorization": f"Bearer {READ_ACCESS_TOKEN}"}
    assert requests.get(tmdb.base_url + "/genre/tv/list", headers=bearer, timeout=5).ok
    refused = get(tmdb, "/genre/movie/list", api_key="nope")
    assert refused.status_code == 401 and refused.json()["status_code"] == 7
    assert tmdb.sandbox.requests[-1] == "/genre/movie/list"  # the key is never logged


def test_genre_lists_differ_for_tv(tmdb):
    movie = {g["name"]: g["id"] for g in get(tmdb, "/genre/movie/list").json()["genres"]}
    tv = {g["name"]: g["id"] for g in get(tmdb, "/genre/tv/list").json()["genres"]}
    assert movie["War"] == 10752 and movie["Crime"] == 80
    assert "War" not in tv and tv["War & Politics"] == 10768


def test_details_append_only_what_is_asked(tmdb):
    plain = get(tmdb, "/movie/238").json()
    assert plain["title"] == "The Godfather" and "credits" not in plain
    full = get(tmdb, "/movie/238", append_to_response="credits,keywords,external_ids").json()
    assert full["external_ids"]["imdb_id"] == "tt0068646" and full["credits"]["cast"]
    assert full["belongs_to_collection"]["id"] == 230
    assert "results" in get(tmdb, "/tv/1396", append_to_response="keywords").json()["keywords"]
    assert "keywords" in full["keywords"]


def test_not_found_answers_404_status_34(tmdb):
    for path in ("/movie/1", "/collection/1", "/no/such/path"):
        answer = get(tmdb, path)
        assert answer.status_code == 404 and answer.json()["status_code"] == 34
    tmdb.sandbox.not_found.update({"tt0068646", 1396})
    assert get(tmdb, "/find/tt0068646", external_source="imdb_id").json()["movie_results"] == []
    assert get(tmdb, "/tv/1396").status_code == 404


def test_find_by_imdb_id_knows_fixtures_and_synthesises_the_rest(tmdb):
    found = get(tmdb, "/find/tt0903747", external_source="imdb_id").json()
    assert found["movie_results"] == [] and found["tv_results"][0]["id"] == 1396
    made_up = get(tmdb, "/find/tt7654321", external_source="imdb_id").json()
    movie_id = made_up["movie_results"][0]["id"]
    assert movie_id == synth.synthetic_id("tt7654321")
    details = get(tmdb, f"/movie/{movie_id}", append_to_response="external_ids").json()
    assert details["external_ids"]["imdb_id"] == "tt7654321"
    assert details == get(tmdb, f"/movie/{movie_id}", append_to_response="external_ids").json()


def test_collection_lists_its_films(tmdb):
    parts = get(tmdb, "/collection/230").json()["parts"]
    assert [p["id"] for p in parts] == [238, 240, 242]


def test_discover_and_or_popularity_and_the_page_cap(tmdb):
    either = get(tmdb, "/discover/movie", with_genres="80|10752", sort_by="popularity.desc").json()
    both = get(tmdb, "/discover/movie", with_genres="80,10752", sort_by="popularity.desc").json()
    assert either["total_results"] > both["total_results"] and either["total_pages"] > 500
    popularity = [r["popularity"] for r in either["results"]]
    assert len(popularity) == 20 and popularity == sorted(popularity, reverse=True)
    for title in both["results"]:
        assert {80, 10752} <= set(title["genre_ids"])
    deep = get(tmdb, "/discover/movie", with_genres="80|10752", page="500")
    assert deep.ok and len(deep.json()["results"]) == 20
    capped = get(tmdb, "/discover/movie", with_genres="80|10752", page="501")
    assert capped.status_code == 400
    assert capped.json() == {"errors": ["page must be less than or equal to 500"], "success": False}


def test_rate_limit_answers_429_status_25_with_retry_after():
    with running_sandbox(api_key=API_KEY, requests_per_second=3) as base_url:
        answers = [
            requests.get(f"{base_url}/genre/movie/list", params={"api_key": API_KEY}, timeout=5)
            for _ in range(6)
        ]
    limited = [a for a in answers if a.status_code == 429]
    assert limited and limited[0].json()["status_code"] == 25
    assert limited[0].headers["Retry-After"] == "1"


def test_unknown_fault_is_refused():
    with pytest.raises(TypeError, match="Unknown fault"):
        Sandbox().set_faults(slowness=1)


def test_fixtures_carry_tmdbs_quirks():
    movies, tv = fixture("movies.json"), fixture("tv.json")
    assert any(m["budget"] == 0 for m in movies) and any(m["revenue"] == 0 for m in movies)
    assert any(m["runtime"] is None for m in movies) and any(m["runtime"] == 0 for m in movies)
    assert any(m["release_date"] == "" for m in movies)
    assert any(isinstance(m["vote_average"], int) for m in movies)
    assert any(not m["original_title"].isascii() for m in movies)
    assert all("keywords" in m["keywords"] for m in movies)
    assert all("results" in t["keywords"] for t in tv)
    assert any(t["episode_run_time"] == [] for t in tv)
    assert any(10768 in {g["id"] for g in t["genres"]} for t in tv)
    assert {t["in_production"] for t in tv} == {True, False}
    assert all(t["number_of_episodes"] == sum(s["episode_count"] for s in t["seasons"]) for t in tv)


def test_each_arrival_is_logged_and_the_busiest_window_counted(tmdb):
    for _ in range(3):
        get(tmdb, "/genre/movie/list")
    assert len(tmdb.sandbox.arrivals) == len(tmdb.sandbox.requests) == 3
    tmdb.sandbox.arrivals[:] = [0.0, 0.5, 0.99, 1.0, 1.5, 3.0]
    assert tmdb.sandbox.busiest_second() == 3  # [0, 1) holds three, no second holds four
    assert tmdb.sandbox.busiest_second(10.0) == 6
