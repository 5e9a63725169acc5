-- view __by_name_1_left
SELECT
  'movie' AS kind,
  tmdb_id,
  imdb_id,
  title,
  original_title,
  YEAR(release_date) AS release_year,
  NULLIF(runtime_minutes, 0) AS runtime_minutes,
  genres,
  collection_id,
  collection_name,
  popularity,
  vote_average,
  vote_count,
  budget,
  revenue,
  fetch_origin
FROM tmdb_movies

-- view __by_name_1_right
SELECT
  'series' AS kind,
  tmdb_id,
  imdb_id,
  title,
  original_title,
  YEAR(first_air_date) AS release_year,
  CASE
    WHEN NOT in_production AND YEAR(last_air_date) >= YEAR(first_air_date)
    THEN YEAR(last_air_date)
  END AS end_year,
  NULLIF(CAST(ROUND(episode_runtime_minutes) AS INT), 0) AS runtime_minutes,
  genres,
  popularity,
  vote_average,
  vote_count,
  in_production,
  seasons,
  episodes,
  fetch_origin
FROM tmdb_series

-- view __by_name_1: union by name of __by_name_1_left, __by_name_1_right

-- view tmdb_titles
SELECT
  *
FROM (
  SELECT
    *
  FROM __by_name_1
)
QUALIFY
  imdb_id IS NULL
  OR ROW_NUMBER() OVER (
    PARTITION BY kind, imdb_id
    ORDER BY fetch_origin = 'csv' DESC, vote_count DESC, tmdb_id NULLS LAST
  ) = 1
