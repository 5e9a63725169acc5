-- view tmdb_people
WITH unique_names AS (
  SELECT
    name,
    MIN(person_id) AS person_id
  FROM csv_people
  GROUP BY
    name
  HAVING
    COUNT(*) = 1
), credits AS (
  SELECT
    'movie' AS kind,
    tmdb_id,
    credit_type,
    person_id,
    person_name,
    gender,
    character_name,
    department,
    job
  FROM tmdb_movies_credits
  UNION ALL
  SELECT
    'series',
    tmdb_id,
    credit_type,
    person_id,
    person_name,
    gender,
    character_name,
    department,
    job
  FROM tmdb_series_credits
)
SELECT
  credits.kind,
  credits.tmdb_id,
  credits.person_id AS tmdb_person_id,
  credits.person_name AS name,
  COALESCE(unique_names.person_id, SUBSTRING(MD5('tmdb|' || credits.person_id), 1, 16)) AS person_id,
  CASE
    WHEN credits.credit_type = 'creator'
    THEN 'creator'
    WHEN credits.credit_type = 'cast'
    THEN CASE WHEN credits.gender = 1 THEN 'actress' ELSE 'actor' END
    WHEN credits.job = 'Director'
    THEN 'director'
    WHEN credits.department = 'Writing'
    THEN 'writer'
    WHEN credits.job IN ('Producer', 'Executive Producer')
    THEN 'producer'
    WHEN credits.job IN ('Original Music Composer', 'Music', 'Composer')
    THEN 'composer'
    WHEN credits.job = 'Director of Photography'
    THEN 'cinematographer'
    WHEN credits.job = 'Editor'
    THEN 'editor'
    ELSE COALESCE(REGEXP_REPLACE(LOWER(TRIM(credits.job)), '[^a-z0-9]+', '_'), 'crew')
  END AS role,
  credits.credit_type = 'cast' AS acting,
  credits.character_name
FROM credits
LEFT JOIN unique_names
  ON unique_names.name = credits.person_name
WHERE
  NOT credits.person_name IS NULL
