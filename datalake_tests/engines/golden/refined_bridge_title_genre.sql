-- result
/* One row per title and genre. */
SELECT DISTINCT
  title_id,
  genre_name
FROM (
  SELECT
    title_id,
    EXPLODE(genres) AS genre_name
  FROM dim_title
)
WHERE
  NOT genre_name IS NULL
ORDER BY
  title_id NULLS LAST,
  genre_name NULLS LAST
