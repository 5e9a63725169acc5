-- One row per collection and member movie, in the collection's own (release) order.
SELECT
    collection_id,
    data.name AS collection_name,
    part_number,
    part.id AS tmdb_id,
    part.title AS title,
    TRY_CAST(nullif(part.release_date, '') AS DATE) AS release_date,
    part.popularity AS popularity,
    part.vote_average AS vote_average,
    part.vote_count AS vote_count
FROM (
    SELECT collection_id, data, unnest(data.parts) AS part,
           generate_subscripts(data.parts, 1) AS part_number
    FROM collections
)
ORDER BY collection_id, part_number
