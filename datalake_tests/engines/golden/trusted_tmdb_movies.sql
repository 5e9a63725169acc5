-- view records
SELECT
  filename,
  CAST(`fetch`.fetched_at AS TIMESTAMP_NTZ) AS fetched_at,
  `fetch`.imdb_id AS fetch_imdb_id,
  `fetch`.origin AS fetch_origin,
  data,
  data.keywords.keywords AS keywords,
  CAST(NULL AS ARRAY<STRUCT<id: BIGINT, name: STRING, gender: INT, credit_id: STRING>>) AS creators
FROM raw_details

-- view titles
SELECT
  data.id AS tmdb_id,
  *
FROM records
QUALIFY
  ROW_NUMBER() OVER (PARTITION BY data.id ORDER BY fetched_at DESC, filename DESC) = 1

-- view collections
SELECT
  data.id AS collection_id,
  data
FROM raw_collections
QUALIFY
  ROW_NUMBER() OVER (
    PARTITION BY data.id
    ORDER BY CAST(`fetch`.fetched_at AS TIMESTAMP_NTZ) DESC, filename DESC
  ) = 1

-- movies:
-- result
/* One typed row per movie. TMDB's "unknown" markers become NULL: 0 for runtime, budget and */
/* revenue, "" for a release date. */
SELECT
  tmdb_id,
  COALESCE(
    CASE
      WHEN (
        data.imdb_id RLIKE '(?s)^tt[0-9][0-9][0-9][0-9][0-9][0-9][0-9]\\z'
        OR data.imdb_id RLIKE '(?s)^tt[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]\\z'
      )
      THEN data.imdb_id
    END,
    CASE
      WHEN (
        data.external_ids.imdb_id RLIKE '(?s)^tt[0-9][0-9][0-9][0-9][0-9][0-9][0-9]\\z'
        OR data.external_ids.imdb_id RLIKE '(?s)^tt[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]\\z'
      )
      THEN data.external_ids.imdb_id
    END,
    CASE
      WHEN (
        fetch_imdb_id RLIKE '(?s)^tt[0-9][0-9][0-9][0-9][0-9][0-9][0-9]\\z'
        OR fetch_imdb_id RLIKE '(?s)^tt[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]\\z'
      )
      THEN fetch_imdb_id
    END
  ) AS imdb_id,
  data.title AS title,
  data.original_title AS original_title,
  TRY_CAST(NULLIF(data.release_date, '') AS DATE) AS release_date,
  NULLIF(data.runtime, 0) AS runtime_minutes,
  NULLIF(data.budget, 0) AS budget,
  NULLIF(data.revenue, 0) AS revenue,
  data.belongs_to_collection.id AS collection_id,
  data.belongs_to_collection.name AS collection_name,
  data.original_language AS original_language, /* (a fragment) The columns every TMDB title table ends with. */
  data.status AS status,
  data.popularity AS popularity,
  data.vote_average AS vote_average,
  data.vote_count AS vote_count,
  TRANSFORM(data.genres, g -> g.name) AS genres,
  TRANSFORM(keywords, k -> k.name) AS keywords,
  data.origin_country AS origin_countries,
  TRANSFORM(data.production_countries, c -> c.iso_3166_1) AS production_countries,
  TRANSFORM(data.spoken_languages, l -> l.iso_639_1) AS spoken_languages,
  fetched_at,
  fetch_origin
FROM titles
ORDER BY
  tmdb_id NULLS LAST

-- movies_credits:
-- result
/* One row per credit: the cast, the crew and (series) the creators, told apart by credit_type. */
SELECT
  tmdb_id,
  'cast' AS credit_type,
  c.credit_id,
  c.id AS person_id,
  c.name AS person_name,
  c.gender,
  c.character AS character_name,
  c.order AS cast_order,
  NULL AS department,
  NULL AS job
FROM (
  SELECT
    tmdb_id,
    EXPLODE(data.credits.cast) AS c
  FROM titles
)
UNION ALL
SELECT
  tmdb_id,
  'crew',
  c.credit_id,
  c.id,
  c.name,
  c.gender,
  NULL,
  NULL,
  c.department,
  c.job
FROM (
  SELECT
    tmdb_id,
    EXPLODE(data.credits.crew) AS c
  FROM titles
)
UNION ALL
SELECT
  tmdb_id,
  'creator',
  c.credit_id,
  c.id,
  c.name,
  c.gender,
  NULL,
  NULL,
  'Creator',
  'Creator'
FROM (
  SELECT
    tmdb_id,
    EXPLODE(creators) AS c
  FROM titles
)
ORDER BY
  tmdb_id NULLS LAST,
  credit_type NULLS LAST,
  cast_order NULLS LAST,
  credit_id NULLS LAST

-- movies_genres:
-- result
/* One row per title and genre (TMDB's genre ids: Crime 80, War 10752, War & Politics 10768). */
SELECT
  tmdb_id,
  genre.id AS genre_id,
  genre.name AS genre_name
FROM (
  SELECT
    tmdb_id,
    EXPLODE(data.genres) AS genre
  FROM titles
)
ORDER BY
  tmdb_id NULLS LAST,
  genre_id NULLS LAST

-- movies_keywords:
-- result
/* One row per title and keyword, whichever shape the title's keywords came in. */
SELECT
  tmdb_id,
  keyword.id AS keyword_id,
  keyword.name AS keyword_name
FROM (
  SELECT
    tmdb_id,
    EXPLODE(keywords) AS keyword
  FROM titles
)
ORDER BY
  tmdb_id NULLS LAST,
  keyword_id NULLS LAST

-- movies_collections:
-- result
/* One row per collection and member movie, in the collection's own (release) order: a part's */
/* number is the position of its id among the parts' ids (ids are unique in a collection). */
SELECT
  collection_id,
  data.name AS collection_name,
  CAST(NULLIF(ARRAY_POSITION(TRANSFORM(data.parts, p -> p.id), part.id), 0) AS BIGINT) AS part_number,
  part.id AS tmdb_id,
  part.title AS title,
  TRY_CAST(NULLIF(part.release_date, '') AS DATE) AS release_date,
  part.popularity AS popularity,
  part.vote_average AS vote_average,
  part.vote_count AS vote_count
FROM (
  SELECT
    collection_id,
    data,
    EXPLODE(data.parts) AS part
  FROM collections
)
ORDER BY
  collection_id NULLS LAST,
  part_number NULLS LAST

-- counts:
-- result
/* Raw detail records read, and titles kept (a refetched title's older fetch is superseded). */
SELECT
  (
    SELECT
      COUNT(*)
    FROM records
  ) AS records,
  (
    SELECT
      COUNT(*)
    FROM titles
  ) AS titles
