-- One row per title and genre.
SELECT DISTINCT title_id, genre_name
FROM (SELECT title_id, unnest(genres) AS genre_name FROM dim_title)
WHERE genre_name IS NOT NULL
ORDER BY title_id, genre_name
