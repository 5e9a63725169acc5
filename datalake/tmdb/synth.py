"""Deterministic, TMDB-shaped records made from an id (and optionally what the CSV knows of it).

The sandbox answers ids outside its fixtures with these, so generated full-size files can be
enriched too; the fixtures themselves were made with them from the bundled sample. Every quirk of
real TMDB payloads listed in FACTS.md shows up at a realistic rate.
"""

import random
from dataclasses import dataclass

from datalake.tmdb.genres import GENRES, matches

# Synthetic TMDB ids are this plus the IMDb number, so `/find` and the details agree both ways.
SYNTHETIC_BASE = 10_000_000

_FIRST = ("Anna", "Bruno", "Chloé", "Dmitri", "Elena", "Frank", "Gérard", "Hana", "Ivan", "Jun",
          "Kenji", "Lucía", "Marco", "Nadia", "Oleg", "Paulo", "Renée", "Sofia", "Tomás",
          "Yuki")  # fmt: skip
_LAST = ("Almeida", "Brandt", "Castillo", "Dubois", "Eriksen", "Fischer", "García", "Horvat",
         "Ito", "Jovanović", "Kowalski", "Lindqvist", "Moreau", "Nakamura", "O'Brien", "Petrov",
         "Quintana", "Rossi", "Søberg", "Tanaka")  # fmt: skip
_WORDS = ("Last", "Silent", "Iron", "Broken", "Night", "City", "Border", "Empire", "Witness",
          "River", "Soldier", "Promise", "Harbor", "Storm", "Debt")  # fmt: skip
_KEYWORDS = {80: ("mafia", "heist", "detective", "organized crime", "police"),
             10752: ("world war ii", "battlefield", "soldier", "resistance", "trench warfare"),
             10768: ("politics", "world war ii", "cold war", "espionage"),
             18: ("family", "friendship", "based on novel or book")}  # fmt: skip
_COMPANIES = ((4, "Paramount Pictures", "US"), (33, "Universal Pictures", "US"),
              (174, "Warner Bros. Pictures", "US"), (104, "Gaumont", "FR"), (882, "Toho", "JP"),
              (7981, "Globo Filmes", "BR"))  # fmt: skip
_SUMMARY_KEYS = ("adult", "backdrop_path", "id", "original_language", "overview", "popularity",
                 "poster_path", "vote_average", "vote_count")  # fmt: skip
_COUNTRIES = {"US": "United States of America", "FR": "France", "JP": "Japan", "BR": "Brazil"}


@dataclass(frozen=True)
class Hint:
    """What the CSV says about a title; synthesised fields fill in the rest."""

    imdb_id: str
    title: str
    original_title: str
    year: int | None = None
    end_year: int | None = None
    runtime: int | None = None
    genres: tuple[str, ...] = ()
    rating: float | None = None
    votes: int | None = None
    cast: tuple[tuple[str, str], ...] = ()  # (name, character)


def imdb_number(imdb_id: str) -> int:
    return int(imdb_id[2:])


def synthetic_id(imdb_id: str) -> int:
    return SYNTHETIC_BASE + imdb_number(imdb_id)


def imdb_of(tmdb_id: int) -> str:
    return f"tt{tmdb_id - SYNTHETIC_BASE:07d}"


def _rng(*parts) -> random.Random:
    return random.Random(":".join(map(str, parts)))  # str seeds are stable across processes


def _person(rng: random.Random) -> tuple[int, str]:
    name = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
    return rng.randint(1_000, 4_000_000), name


def _credit(rng: random.Random, name: str, order: int, **extra) -> dict:
    person_id = rng.randint(1_000, 4_000_000)
    return {
        "adult": False,
        "gender": rng.choice((0, 1, 2)),
        "id": person_id,
        "known_for_department": "Acting" if "character" in extra else "Directing",
        "name": name,
        "original_name": name,
        "popularity": round(rng.uniform(0.6, 40), 3),
        "profile_path": rng.choice((None, f"/p{person_id}.jpg")),
        "credit_id": f"{rng.getrandbits(96):024x}",
        **extra,
    } | ({"order": order} if "character" in extra else {})


def _credits(rng: random.Random, hint: Hint | None) -> dict:
    cast = list(hint.cast) if hint and hint.cast else []
    cast += [(_person(rng)[1], f"{rng.choice(_WORDS)} {rng.choice(_LAST)}") for _ in range(3)]
    jobs = {"Director": "Directing", "Screenplay": "Writing", "Original Music Composer": "Sound"}
    crew = [(_person(rng)[1], job) for job in jobs]
    return {
        "cast": [_credit(rng, n, i, character=c, cast_id=i + 1) for i, (n, c) in enumerate(cast)],
        "crew": [
            _credit(rng, n, i, department=jobs[job], job=job) for i, (n, job) in enumerate(crew)
        ],
    }


def synthetic_genres(media: str, tmdb_id: int, hint: Hint | None = None) -> list[dict]:
    """The CSV's genres in TMDB's terms, else 1-3 drawn from the id (cheap: discover scans many)."""
    table = GENRES[media]
    if hint and hint.genres:
        ids = [gid for gid, name in table.items() if any(matches(g, name) for g in hint.genres)]
    else:
        rng = _rng(media, "genres", tmdb_id)
        ids = rng.sample(sorted(table), rng.randint(1, 3))
    return [{"id": gid, "name": table[gid]} for gid in ids]


def _keywords(rng: random.Random, genres: list[dict]) -> list[dict]:
    pool = sorted({k for g in genres for k in _KEYWORDS.get(g["id"], ())}) or ["independent film"]
    picked = rng.sample(pool, min(len(pool), rng.randint(1, 4)))
    return [{"id": 1000 + sum(map(ord, k)) * 7, "name": k} for k in picked]


def _vote_average(rng: random.Random, hint: Hint | None):
    value = hint.rating if hint and hint.rating else round(rng.uniform(4.5, 8.6), 3)
    # Titles with few votes come back as integers (`7`, not `7.0`), a documented quirk.
    return round(value) if rng.random() < 0.08 else round(value - rng.uniform(-0.3, 0.3), 3)


def _common(rng: random.Random, media: str, tmdb_id: int, hint: Hint | None) -> dict:
    company = rng.choice(_COMPANIES)
    popularity = round(rng.uniform(0.6, 60.0), 3)
    return {
        "adult": False,
        "backdrop_path": f"/b{tmdb_id}.jpg",
        "genres": synthetic_genres(media, tmdb_id, hint),
        "homepage": rng.choice(("", f"https://example.org/{tmdb_id}")),
        "id": tmdb_id,
        "origin_country": [company[2]],
        "original_language": rng.choice(("en", "en", "fr", "ja", "pt")),
        "overview": rng.choice(("", f"A story of {rng.choice(_WORDS).lower()} and consequence.")),
        "popularity": popularity,
        "poster_path": rng.choice((None, f"/p{tmdb_id}.jpg")),
        "production_companies": [
            {"id": company[0], "logo_path": None, "name": company[1], "origin_country": company[2]}
        ],
        "production_countries": [{"iso_3166_1": company[2], "name": _COUNTRIES[company[2]]}],
        "spoken_languages": [{"english_name": "English", "iso_639_1": "en", "name": "English"}],
        "tagline": "",
        "vote_average": _vote_average(rng, hint),
        "vote_count": (hint.votes // 10 if hint and hint.votes else rng.randint(0, 5_000)),
        "credits": _credits(rng, hint),
    }


def _date(rng: random.Random, year: int | None) -> str:
    year = year or rng.randint(1930, 2022)
    return f"{year:04d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def movie(tmdb_id: int, hint: Hint | None = None, imdb_id: str | None = None) -> dict:
    """`/movie/{id}?append_to_response=credits,keywords,external_ids` for a synthetic title."""
    rng = _rng("movie", tmdb_id)
    imdb_id = hint.imdb_id if hint else imdb_id
    record = _common(rng, "movie", tmdb_id, hint)
    runtime = hint.runtime if hint and hint.runtime else rng.randint(75, 170)
    title = hint.title if hint else f"The {rng.choice(_WORDS)} {rng.choice(_WORDS)}"
    record |= {
        "belongs_to_collection": None,
        "budget": 0 if rng.random() < 0.3 else rng.randrange(500_000, 150_000_000, 50_000),
        "imdb_id": imdb_id,
        "original_title": hint.original_title if hint else title,
        "release_date": "" if rng.random() < 0.03 else _date(rng, hint.year if hint else None),
        "revenue": 0 if rng.random() < 0.4 else rng.randrange(100_000, 900_000_000, 1_000),
        "runtime": rng.choice((0, None)) if rng.random() < 0.05 else runtime,
        "status": "Released",
        "title": title,
        "video": False,
        "keywords": {"keywords": _keywords(rng, record["genres"])},
        "external_ids": {
            "imdb_id": imdb_id,
            "wikidata_id": rng.choice((None, f"Q{rng.randint(10**5, 10**8)}")),
            "facebook_id": None,
            "instagram_id": None,
            "twitter_id": None,
        },
    }
    return record


def tv(tmdb_id: int, hint: Hint | None = None, imdb_id: str | None = None) -> dict:
    """`/tv/{id}?append_to_response=credits,keywords,external_ids` for a synthetic series."""
    rng = _rng("tv", tmdb_id)
    imdb_id = hint.imdb_id if hint else imdb_id
    record = _common(rng, "tv", tmdb_id, hint)
    start = hint.year if hint and hint.year else rng.randint(1960, 2021)
    end = hint.end_year if hint else rng.choice((None, start + rng.randint(0, 8)))
    seasons = min(max(1, (end or 2022) - start + (1 if rng.random() < 0.5 else 0)), 20)
    episodes = [rng.randint(6, 24) for _ in range(seasons)]
    creator_id, creator = _person(rng)
    name = hint.title if hint else f"{rng.choice(_WORDS)} {rng.choice(_WORDS)}"
    runtime = hint.runtime if hint and hint.runtime else rng.choice((25, 45, 60))
    record |= {
        "created_by": [
            {
                "id": creator_id,
                "credit_id": f"{rng.getrandbits(96):024x}",
                "name": creator,
                "original_name": creator,
                "gender": rng.choice((1, 2)),
                "profile_path": None,
            }
        ],
        "episode_run_time": [] if rng.random() < 0.6 else [runtime],
        "first_air_date": _date(rng, start),
        "in_production": end is None,
        "languages": ["en"],
        "last_air_date": _date(rng, end or 2022),
        "name": name,
        "next_episode_to_air": None,
        "networks": [{"id": 49, "logo_path": None, "name": "HBO", "origin_country": "US"}],
        "number_of_episodes": sum(episodes),
        "number_of_seasons": seasons,
        "original_name": hint.original_title if hint else name,
        "seasons": [
            {
                "air_date": _date(rng, start + i),
                "episode_count": count,
                "id": tmdb_id * 100 + i + 1,
                "name": f"Season {i + 1}",
                "overview": "",
                "poster_path": None,
                "season_number": i + 1,
                "vote_average": round(rng.uniform(6, 9), 1),
            }
            for i, count in enumerate(episodes)
        ],
        "status": "Returning Series" if end is None else "Ended",
        "type": "Scripted",
        "keywords": {"results": _keywords(rng, record["genres"])},
        "external_ids": {
            "imdb_id": imdb_id,
            "freebase_mid": None,
            "freebase_id": None,
            "tvdb_id": rng.randint(70_000, 400_000),
            "tvrage_id": None,
            "wikidata_id": None,
            "facebook_id": None,
            "instagram_id": None,
            "twitter_id": None,
        },
    }
    return record


def summary(record: dict, media: str) -> dict:
    """The short form `/find`, `/discover` and collection parts list a title in."""
    common = {k: record[k] for k in _SUMMARY_KEYS}
    common["genre_ids"] = [g["id"] for g in record["genres"]]
    if media == "movie":
        keys = ("title", "original_title", "release_date", "video")
    else:
        keys = ("name", "original_name", "first_air_date", "origin_country")
    return common | {k: record[k] for k in keys}


def collection(collection_id: int, name: str, parts: list[dict]) -> dict:
    """`/collection/{id}`: the franchise and its films in release order."""
    return {
        "id": collection_id,
        "name": name,
        "overview": f"The {name.removesuffix(' Collection')} films.",
        "poster_path": f"/c{collection_id}.jpg",
        "backdrop_path": f"/cb{collection_id}.jpg",
        "parts": sorted(
            (summary(p, "movie") | {"media_type": "movie"} for p in parts),
            key=lambda p: p["release_date"] or "9999",
        ),
    }
