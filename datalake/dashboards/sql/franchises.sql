-- The ten franchises with titles of the configured genres that TMDB finds most popular, with
-- what their titles in the lake earned.
SELECT
    collection.collection_name,
    collection.films,
    collection.mean_popularity,
    collection.mean_vote_average,
    count(*) AS titles_in_lake,
    sum(fact.revenue) AS revenue
FROM dim_collection AS collection
JOIN dim_title AS title USING (collection_id)
JOIN fact_title_metrics AS fact USING (title_id)
WHERE fact.in_configured_genres AND collection.mean_popularity IS NOT NULL
GROUP BY collection.collection_id, collection.collection_name, collection.films,
         collection.mean_popularity, collection.mean_vote_average
ORDER BY collection.mean_popularity DESC, collection.collection_name
LIMIT 10
