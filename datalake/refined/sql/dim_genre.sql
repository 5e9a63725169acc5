-- One row per genre any title has.
SELECT genre_name, is_configured(genre_name) AS is_configured
FROM (SELECT DISTINCT unnest(genres) AS genre_name FROM dim_title)
WHERE genre_name IS NOT NULL
ORDER BY genre_name
