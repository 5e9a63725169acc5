-- view __by_name_1_left
SELECT
  'movie' AS kind,
  *
FROM local_movies

-- view __by_name_1_right
SELECT
  'series' AS kind,
  *
FROM local_series

-- view __by_name_1: union by name of __by_name_1_left, __by_name_1_right

-- view csv_rows
SELECT
  *
FROM __by_name_1

-- view csv_titles
SELECT
  *,
  CASE WHEN kind = 'series' THEN listed_end_year IS NULL END AS running,
  CASE WHEN listed_end_year >= release_year THEN listed_end_year END AS end_year
FROM (
  SELECT
    title_id,
    kind,
    MIN(primary_title) AS primary_title,
    MIN(original_title) AS original_title,
    MIN(release_year) AS release_year,
    MIN(end_year) AS listed_end_year,
    NULLIF(MIN(runtime_minutes), 0) AS runtime_minutes,
    MIN(genres) AS genres,
    MIN(average_rating) AS imdb_rating,
    MAX(num_votes) AS imdb_votes
  FROM csv_rows
  GROUP BY
    title_id,
    kind
)

-- view csv_people
SELECT
  SUBSTRING(MD5(artist_name || '|' || COALESCE(CAST(birth_year AS STRING), '')), 1, 16) AS person_id,
  artist_name AS name,
  birth_year,
  MAX(death_year) AS death_year,
  MIN_BY(
    professions,
    CASE
      WHEN professions IS NULL
      THEN NULL
      ELSE (title_id, ARRAY_JOIN(professions, ','))
    END
  ) AS professions
FROM csv_rows
WHERE
  NOT artist_name IS NULL
GROUP BY
  artist_name,
  birth_year
