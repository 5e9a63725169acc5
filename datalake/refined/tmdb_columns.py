"""The Trusted TMDB columns Refined reads, with their types.

A TMDB table absent for a date is read as an empty table of exactly these columns, so the star
schema has the same shape with or without TMDB data.
"""

_TITLE_COLUMNS = {
    "tmdb_id": "BIGINT", "imdb_id": "VARCHAR", "title": "VARCHAR", "original_title": "VARCHAR",
    "popularity": "DOUBLE", "vote_average": "DOUBLE", "vote_count": "INTEGER",
    "genres": "VARCHAR[]", "fetch_origin": "VARCHAR",
}  # fmt: skip
_CREDIT_COLUMNS = {
    "tmdb_id": "BIGINT", "credit_type": "VARCHAR", "person_id": "BIGINT",
    "person_name": "VARCHAR", "gender": "INTEGER", "character_name": "VARCHAR",
    "department": "VARCHAR", "job": "VARCHAR",
}  # fmt: skip
TMDB_COLUMNS = {
    "movies": _TITLE_COLUMNS | {
        "release_date": "DATE", "runtime_minutes": "INTEGER", "budget": "BIGINT",
        "revenue": "BIGINT", "collection_id": "BIGINT", "collection_name": "VARCHAR",
    },
    "series": _TITLE_COLUMNS | {
        "first_air_date": "DATE", "last_air_date": "DATE", "in_production": "BOOLEAN",
        "seasons": "INTEGER", "episodes": "INTEGER", "episode_runtime_minutes": "DOUBLE",
    },
    "movies_credits": _CREDIT_COLUMNS,
    "series_credits": _CREDIT_COLUMNS,
    "movies_collections": {
        "collection_id": "BIGINT", "collection_name": "VARCHAR", "tmdb_id": "BIGINT",
        "release_date": "DATE", "popularity": "DOUBLE", "vote_average": "DOUBLE",
        "vote_count": "INTEGER",
    },
}  # fmt: skip
