-- result
/* One row per genre any title has. */
SELECT
  genre_name,
  ARRAYS_OVERLAP(
    ARRAY(LOWER(genre_name)) || TRANSFORM(SPLIT(LOWER(genre_name), CONCAT('\\Q', '&', '\\E')), part -> TRIM(part)),
    TRANSFORM(:genres, wanted -> LOWER(wanted))
  ) AS is_configured
FROM (
  SELECT DISTINCT
    EXPLODE(genres) AS genre_name
  FROM dim_title
)
WHERE
  NOT genre_name IS NULL
ORDER BY
  genre_name NULLS LAST
