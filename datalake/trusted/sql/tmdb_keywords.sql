-- One row per title and keyword, whichever shape the title's keywords came in.
SELECT tmdb_id, keyword.id AS keyword_id, keyword.name AS keyword_name
FROM (SELECT tmdb_id, unnest(keywords) AS keyword FROM titles)
ORDER BY tmdb_id, keyword_id
