-- One row per title: the CSV's, enriched with TMDB's when TMDB knows its IMDb id, plus titles
-- only TMDB knows (found by /discover). The CSV's values win where both have one.
SELECT
    coalesce(csv.title_id, 'tmdb:' || tmdb.kind || ':' || tmdb.tmdb_id) AS title_id,
    coalesce(csv.title_id, tmdb.imdb_id) AS imdb_id,
    tmdb.tmdb_id,
    coalesce(csv.kind, tmdb.kind) AS kind,
    coalesce(csv.primary_title, tmdb.title) AS primary_title,
    coalesce(csv.original_title, tmdb.original_title) AS original_title,
    CAST(coalesce(csv.release_year, tmdb.release_year) AS SMALLINT) AS release_year,
    CAST(coalesce(csv.release_year, tmdb.release_year) // 10 * 10 AS SMALLINT) AS decade,
    CAST(coalesce(csv.end_year, tmdb.end_year) AS SMALLINT) AS end_year,
    coalesce(csv.runtime_minutes, tmdb.runtime_minutes) AS runtime_minutes,
    coalesce(csv.genres, tmdb.genres) AS genres,
    tmdb.collection_id,
    csv.title_id IS NOT NULL AS in_imdb,
    tmdb.tmdb_id IS NOT NULL AS in_tmdb
FROM csv_titles AS csv
FULL JOIN tmdb_titles AS tmdb ON tmdb.imdb_id = csv.title_id AND tmdb.kind = csv.kind
ORDER BY title_id
