-- One row per franchise: every collection TMDB returned, and any a movie names (even if its
-- collection could not be fetched), so every movie's collection_id resolves here.
WITH parts AS (
    SELECT
        collection_id,
        min(collection_name) AS collection_name,
        count(*) AS films,
        round(avg(popularity), 3) AS mean_popularity,
        round(avg(vote_average), 3) AS mean_vote_average,
        CAST(sum(vote_count) AS BIGINT) AS vote_count,
        CAST(min(year(release_date)) AS SMALLINT) AS first_release_year,
        CAST(max(year(release_date)) AS SMALLINT) AS last_release_year
    FROM tmdb_movies_collections
    GROUP BY collection_id
),
named AS (
    SELECT collection_id, min(collection_name) AS collection_name
    FROM tmdb_movies
    WHERE collection_id IS NOT NULL
    GROUP BY collection_id
)
SELECT
    collection_id,
    coalesce(parts.collection_name, named.collection_name) AS collection_name,
    films, mean_popularity, mean_vote_average, vote_count,
    first_release_year, last_release_year
FROM parts FULL JOIN named USING (collection_id)
ORDER BY collection_id
