-- Movies of the configured genres whose budget and TMDB popularity are known.
SELECT title.primary_title, fact.budget, fact.tmdb_popularity
FROM dim_title AS title JOIN fact_title_metrics AS fact USING (title_id)
WHERE fact.in_configured_genres AND title.kind = 'movie'
  AND fact.budget > 0 AND fact.tmdb_popularity IS NOT NULL
ORDER BY title.title_id
