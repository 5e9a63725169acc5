"""The shape of TMDB's JSON as Trusted reads it: only the fields used, with TMDB's documented types.

Declaring them (rather than letting DuckDB guess) keeps the tables' columns the same whatever a
batch holds, ignores fields TMDB adds, and reads an integer `vote_average` as DOUBLE.
"""

_NAMED = "STRUCT(id BIGINT, name VARCHAR)[]"
_PERSON = "id BIGINT, name VARCHAR, gender INTEGER, credit_id VARCHAR"
CREATORS = f"STRUCT({_PERSON})[]"
_COMMON = f"""
    id BIGINT, original_language VARCHAR, status VARCHAR,
    popularity DOUBLE, vote_average DOUBLE, vote_count INTEGER,
    genres {_NAMED}, origin_country VARCHAR[],
    production_countries STRUCT(iso_3166_1 VARCHAR)[], spoken_languages STRUCT(iso_639_1 VARCHAR)[],
    external_ids STRUCT(imdb_id VARCHAR),
    credits STRUCT(
        "cast" STRUCT({_PERSON}, "character" VARCHAR, "order" INTEGER)[],
        crew STRUCT({_PERSON}, department VARCHAR, job VARCHAR)[])"""

# `/movie/{id}` and `/tv/{id}` with credits, keywords and external_ids appended. Movies keep
# their keywords under `keywords.keywords`, series under `keywords.results`.
MOVIE = f"""STRUCT({_COMMON},
    imdb_id VARCHAR, title VARCHAR, original_title VARCHAR, release_date VARCHAR, runtime INTEGER,
    budget BIGINT, revenue BIGINT, belongs_to_collection STRUCT(id BIGINT, name VARCHAR),
    keywords STRUCT(keywords {_NAMED}))"""
TV = f"""STRUCT({_COMMON},
    name VARCHAR, original_name VARCHAR, type VARCHAR, first_air_date VARCHAR,
    last_air_date VARCHAR, in_production BOOLEAN, number_of_seasons INTEGER,
    number_of_episodes INTEGER, episode_run_time INTEGER[], languages VARCHAR[],
    networks {_NAMED}, created_by {CREATORS},
    keywords STRUCT(results {_NAMED}))"""
# `/collection/{id}`: a franchise and its movies in release order.
COLLECTION = """STRUCT(id BIGINT, name VARCHAR, parts STRUCT(
    id BIGINT, title VARCHAR, release_date VARCHAR, popularity DOUBLE,
    vote_average DOUBLE, vote_count INTEGER)[])"""
