-- One row per collection and member movie, in the collection's own (release) order: a part's
-- number is the position of its id among the parts' ids (ids are unique in a collection).
SELECT
    collection_id,
    data.name AS collection_name,
    CAST(list_position(list_transform(data.parts, p -> p.id), part.id) AS BIGINT) AS part_number,
    part.id AS tmdb_id,
    part.title AS title,
    TRY_CAST(nullif(part.release_date, '') AS DATE) AS release_date,
    part.popularity AS popularity,
    part.vote_average AS vote_average,
    part.vote_count AS vote_count
FROM (SELECT collection_id, data, unnest(data.parts) AS part FROM collections)
ORDER BY collection_id, part_number
