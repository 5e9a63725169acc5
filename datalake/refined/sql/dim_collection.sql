-- One row per franchise (TMDB collection) a movie of the lake belongs to. Its figures come from
-- those movies (the same TMDB answer per movie dim_title keeps), so they hold even when the
-- collection could not be fetched or lists no parts; its name from /collection when it
-- answered, otherwise from the movies' own payloads (alphabetically first if they differ).
WITH fetched AS (
    SELECT collection_id, min(collection_name) AS collection_name, count(*) AS parts
    FROM tmdb_movies_collections
    GROUP BY collection_id
),
members AS (
    SELECT
        collection_id,
        min(collection_name) AS collection_name,
        count(*) AS films,
        round(avg(popularity), 3) AS mean_popularity,
        round(avg(vote_average), 3) AS mean_vote_average,
        CAST(sum(vote_count) AS BIGINT) AS vote_count,
        CAST(min(release_year) AS SMALLINT) AS first_release_year,
        CAST(max(release_year) AS SMALLINT) AS last_release_year
    FROM tmdb_titles
    WHERE kind = 'movie' AND collection_id IS NOT NULL
    GROUP BY collection_id
)
SELECT
    collection_id,
    coalesce(fetched.collection_name, members.collection_name) AS collection_name,
    films,
    fetched.parts AS films_listed,
    mean_popularity, mean_vote_average, vote_count,
    first_release_year, last_release_year
FROM members LEFT JOIN fetched USING (collection_id)
ORDER BY collection_id
