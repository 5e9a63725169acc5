-- result
/* One row per franchise (TMDB collection) a movie of the lake belongs to. Its figures come from */
/* those movies (the same TMDB answer per movie dim_title keeps), so they hold even when the */
/* collection could not be fetched or lists no parts; its name from /collection when it */
/* answered, otherwise from the movies' own payloads (alphabetically first if they differ). */
WITH fetched AS (
  SELECT
    collection_id,
    MIN(collection_name) AS collection_name,
    COUNT(*) AS parts
  FROM tmdb_movies_collections
  GROUP BY
    collection_id
), members AS (
  SELECT
    collection_id,
    MIN(collection_name) AS collection_name,
    COUNT(*) AS films,
    ROUND(AVG(popularity), 3) AS mean_popularity,
    ROUND(AVG(vote_average), 3) AS mean_vote_average,
    CAST(SUM(vote_count) AS BIGINT) AS vote_count,
    CAST(MIN(release_year) AS SMALLINT) AS first_release_year,
    CAST(MAX(release_year) AS SMALLINT) AS last_release_year
  FROM tmdb_titles
  WHERE
    kind = 'movie' AND NOT collection_id IS NULL
  GROUP BY
    collection_id
)
SELECT
  collection_id,
  COALESCE(fetched.collection_name, members.collection_name) AS collection_name,
  films,
  fetched.parts AS films_listed,
  mean_popularity,
  mean_vote_average,
  vote_count,
  first_release_year,
  last_release_year
FROM members
LEFT JOIN fetched
  USING (collection_id)
ORDER BY
  collection_id NULLS LAST
