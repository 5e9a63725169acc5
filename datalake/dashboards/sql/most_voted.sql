-- The ten most-voted titles of the configured genres on IMDb.
SELECT
    title.primary_title, title.kind, title.release_year, fact.imdb_rating, fact.imdb_votes,
    fact.tmdb_vote_average
FROM dim_title AS title JOIN fact_title_metrics AS fact USING (title_id)
WHERE fact.in_configured_genres AND fact.imdb_votes IS NOT NULL
ORDER BY fact.imdb_votes DESC, title.title_id
LIMIT 10
