-- view records
SELECT
  filename,
  CAST(`fetch`.fetched_at AS TIMESTAMP_NTZ) AS fetched_at,
  `fetch`.imdb_id AS fetch_imdb_id,
  `fetch`.origin AS fetch_origin,
  data,
  data.keywords.results AS keywords,
  data.created_by AS creators
FROM raw_details

-- view titles
SELECT
  data.id AS tmdb_id,
  *
FROM records
QUALIFY
  ROW_NUMBER() OVER (PARTITION BY data.id ORDER BY fetched_at DESC, filename DESC) = 1

-- series:
-- result
/* One typed row per series. "" dates and an empty episode_run_time (TMDB's usual answer) become */
/* NULL; the average episode runtime ignores zeros. */
SELECT
  tmdb_id,
  COALESCE(
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
  data.name AS title,
  data.original_name AS original_title,
  data.type AS series_type,
  TRY_CAST(NULLIF(data.first_air_date, '') AS DATE) AS first_air_date,
  TRY_CAST(NULLIF(data.last_air_date, '') AS DATE) AS last_air_date,
  data.in_production AS in_production,
  data.number_of_seasons AS seasons,
  data.number_of_episodes AS episodes,
  AGGREGATE(
    FILTER(FILTER(data.episode_run_time, m -> m > 0), __x -> NOT __x IS NULL),
    STRUCT(CAST(0 AS DOUBLE) AS s, 0 AS n),
    (__a, __x) -> STRUCT(__a.s + __x AS s, __a.n + 1 AS n),
    __a -> CASE WHEN __a.n = 0 THEN NULL ELSE __a.s / __a.n END
  ) AS episode_runtime_minutes,
  TRANSFORM(creators, c -> c.name) AS creators,
  TRANSFORM(data.networks, n -> n.name) AS networks,
  data.languages AS languages,
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

-- series_credits:
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

-- series_genres:
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

-- series_keywords:
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
