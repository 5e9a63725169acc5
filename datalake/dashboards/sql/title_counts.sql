-- How many movies and series of the configured genres the date holds, and how many TMDB covers.
SELECT
    count(*) FILTER (title.kind = 'movie') AS movies,
    count(*) FILTER (title.kind = 'series') AS series,
    count(*) FILTER (title.in_tmdb) AS with_tmdb
FROM dim_title AS title JOIN fact_title_metrics AS fact USING (title_id)
WHERE fact.in_configured_genres
