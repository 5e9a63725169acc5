"""Raw TMDB records as the raw zone stores them, with TMDB's documented quirks on demand."""

import json

from datalake.storage import Storage
from datalake.storage.layout import raw_tmdb_key


def _people(kind: str, tmdb_id: int) -> list[dict]:
    person = {"id": tmdb_id * 10, "name": f"Person {tmdb_id}", "gender": 2,
              "credit_id": f"{kind}{tmdb_id:020d}", "popularity": 1.5}  # fmt: skip
    if kind == "cast":
        return [person | {"character": "Lead", "order": 0, "cast_id": 1}]
    return [person | {"department": "Directing", "job": "Director"}]


def movie(tmdb_id: int, **quirks) -> dict:
    """`/movie/{id}` with credits, keywords and external_ids appended."""
    imdb_id = f"tt{tmdb_id:07d}"
    return {
        "id": tmdb_id, "imdb_id": imdb_id, "title": f"Movie {tmdb_id}",
        "original_title": f"Film {tmdb_id}", "original_language": "pt", "status": "Released",
        "release_date": "1999-12-31", "runtime": 120, "budget": 1_000_000, "revenue": 5_000_000,
        "popularity": 12.5, "vote_average": 7.25, "vote_count": 1000, "adult": False,
        "belongs_to_collection": {"id": 9, "name": "Saga", "poster_path": None},
        "genres": [{"id": 80, "name": "Crime"}, {"id": 10752, "name": "War"}],
        "keywords": {"keywords": [{"id": 1, "name": "heist"}, {"id": 2, "name": "trench"}]},
        "origin_country": ["BR"], "production_countries": [{"iso_3166_1": "BR", "name": "Brazil"}],
        "spoken_languages": [{"iso_639_1": "pt", "name": "Português"}],
        "external_ids": {"imdb_id": imdb_id, "wikidata_id": None},
        "credits": {"cast": _people("cast", tmdb_id), "crew": _people("crew", tmdb_id)},
    } | quirks  # fmt: skip


def tv(tmdb_id: int, **quirks) -> dict:
    """`/tv/{id}` with credits, keywords and external_ids appended."""
    return {
        "id": tmdb_id, "name": f"Series {tmdb_id}", "original_name": f"Série {tmdb_id}",
        "original_language": "pt", "status": "Ended", "type": "Scripted",
        "first_air_date": "2008-01-20", "last_air_date": "2013-09-29", "in_production": False,
        "number_of_seasons": 5, "number_of_episodes": 62, "episode_run_time": [45, 0, 30],
        "popularity": 50.0, "vote_average": 9, "vote_count": 20000,
        "genres": [{"id": 80, "name": "Crime"}, {"id": 10768, "name": "War & Politics"}],
        "keywords": {"results": [{"id": 3, "name": "cartel"}]},
        "origin_country": ["US"], "languages": ["en", "es"],
        "production_countries": [{"iso_3166_1": "US", "name": "United States of America"}],
        "spoken_languages": [{"iso_639_1": "en", "english_name": "English", "name": "English"}],
        "networks": [{"id": 49, "name": "HBO", "origin_country": "US"}],
        "created_by": [{"id": 77, "name": "Creator", "gender": 2, "credit_id": "creator77"}],
        "external_ids": {"imdb_id": f"tt{tmdb_id:07d}", "tvdb_id": 1},
        "credits": {"cast": _people("cast", tmdb_id), "crew": _people("crew", tmdb_id)},
    } | quirks  # fmt: skip


def collection(collection_id: int, name: str, part_ids: list[int]) -> dict:
    """`/collection/{id}`: the franchise and its films in release order."""
    parts = [{"id": i, "title": f"Movie {i}", "release_date": f"{1990 + n}-01-01",
              "popularity": 1.0, "vote_average": 7, "vote_count": 10, "media_type": "movie"}
             for n, i in enumerate(part_ids)]  # fmt: skip
    return {"id": collection_id, "name": name, "overview": "", "parts": parts}


def record(data: dict, fetched_at: str = "2022-05-02T10:00:00.000Z", imdb_id: str | None = None):
    """A record as the raw zone writes it: how it was fetched, then TMDB's body."""
    fetch = {"server": "http://127.0.0.1:1/3", "path": f"/x/{data['id']}",
             "fetched_at": fetched_at, "imdb_id": imdb_id, "origin": "csv"}  # fmt: skip
    return {"fetch": fetch, "data": data}


def store(
    storage: Storage, spec: str, date: str, name: str, records: list[dict], number: int = 1
) -> str:
    """Write records where the raw zone puts them; returns the key."""
    key = raw_tmdb_key(spec, date, name, number)
    storage.write_bytes(key, json.dumps(records, ensure_ascii=False).encode("utf-8"))
    return key
