-- One typed row per movie. TMDB's "unknown" markers become NULL: 0 for runtime, budget and
-- revenue, "" for a release date.
SELECT
    tmdb_id,
    coalesce(imdb_id_or_null(data.imdb_id), imdb_id_or_null(data.external_ids.imdb_id),
             imdb_id_or_null(fetch_imdb_id)) AS imdb_id,
    data.title AS title,
    data.original_title AS original_title,
    TRY_CAST(nullif(data.release_date, '') AS DATE) AS release_date,
    nullif(data.runtime, 0) AS runtime_minutes,
    nullif(data.budget, 0) AS budget,
    nullif(data.revenue, 0) AS revenue,
    data.belongs_to_collection.id AS collection_id,
    data.belongs_to_collection.name AS collection_name,
    ${title_columns}
FROM titles
ORDER BY tmdb_id
