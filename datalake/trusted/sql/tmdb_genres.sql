-- One row per title and genre (TMDB's genre ids: Crime 80, War 10752, War & Politics 10768).
SELECT tmdb_id, genre.id AS genre_id, genre.name AS genre_name
FROM (SELECT tmdb_id, unnest(data.genres) AS genre FROM titles)
ORDER BY tmdb_id, genre_id
