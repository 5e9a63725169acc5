-- Franquias mais populares
-- The most popular franchises
-- One row per TMDB franchise (collection) with a movie of the configured genres in the lake,
-- over those movies: how many, their mean TMDB popularity (the ranking, most popular first),
-- mean IMDb and TMDB ratings, IMDb votes, total budget and revenue (of the movies that have
-- them) and the years they span.
SELECT
    rank() OVER (ORDER BY avg(fact.tmdb_popularity) DESC NULLS LAST) AS popularity_rank,
    collection.collection_id,
    collection.collection_name,
    count(*) AS movies,
    round(avg(fact.tmdb_popularity), 3) AS mean_popularity,
    round(avg(fact.imdb_rating), 2) AS mean_imdb_rating,
    round(avg(fact.tmdb_vote_average), 2) AS mean_tmdb_rating,
    CAST(sum(fact.imdb_votes) AS BIGINT) AS imdb_votes,
    CAST(sum(fact.budget) AS BIGINT) AS budget,
    CAST(sum(fact.revenue) AS BIGINT) AS revenue,
    min(fact.year) AS first_year,
    max(fact.year) AS last_year
FROM dim_title AS title
JOIN fact_title_metrics AS fact ON fact.title_id = title.title_id
JOIN dim_collection AS collection ON collection.collection_id = title.collection_id
WHERE fact.in_configured_genres
GROUP BY collection.collection_id, collection.collection_name
ORDER BY popularity_rank, collection.collection_id
