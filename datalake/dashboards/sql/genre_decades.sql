-- Popularity of each configured genre by decade of release: IMDb votes of its titles.
SELECT genre.genre_name, title.decade, count(*) AS titles, sum(fact.imdb_votes) AS votes
FROM bridge_title_genre
JOIN dim_genre AS genre USING (genre_name)
JOIN dim_title AS title USING (title_id)
JOIN fact_title_metrics AS fact USING (title_id)
WHERE genre.is_configured AND title.decade IS NOT NULL AND fact.imdb_votes IS NOT NULL
GROUP BY genre.genre_name, title.decade
ORDER BY genre.genre_name, title.decade
