-- result
/* One row per title: the CSV's, enriched with TMDB's when TMDB knows its IMDb id, plus titles */
/* only TMDB knows (found by /discover). Which source wins, field by field: */
/*   titles, genres, release and end years, whether a series still runs: the CSV's, for every */
/*   title it lists (the years come as a pair from one source, so the end never precedes the */
/*   start; a series the CSV lists as running stays running whatever TMDB's last air date); */
/*   runtime: the CSV's, TMDB's when the CSV has none; tmdb_id and franchise: TMDB's. */
/* Titles only TMDB knows take TMDB's values for everything. */
SELECT
  COALESCE(csv.title_id, 'tmdb:' || tmdb.kind || ':' || tmdb.tmdb_id) AS title_id,
  COALESCE(csv.title_id, tmdb.imdb_id) AS imdb_id,
  tmdb.tmdb_id,
  COALESCE(csv.kind, tmdb.kind) AS kind,
  COALESCE(csv.primary_title, tmdb.title) AS primary_title,
  COALESCE(csv.original_title, tmdb.original_title) AS original_title,
  CAST(CASE WHEN csv.title_id IS NULL THEN tmdb.release_year ELSE csv.release_year END AS SMALLINT) AS release_year,
  CAST(CASE WHEN csv.title_id IS NULL THEN tmdb.release_year ELSE csv.release_year END DIV 10 * 10 AS SMALLINT) AS decade,
  CAST(CASE WHEN csv.title_id IS NULL THEN tmdb.end_year ELSE csv.end_year END AS SMALLINT) AS end_year,
  CASE WHEN csv.title_id IS NULL THEN tmdb.in_production ELSE csv.running END AS running,
  COALESCE(csv.runtime_minutes, tmdb.runtime_minutes) AS runtime_minutes,
  COALESCE(csv.genres, tmdb.genres) AS genres,
  tmdb.collection_id,
  NOT csv.title_id IS NULL AS in_imdb,
  NOT tmdb.tmdb_id IS NULL AS in_tmdb
FROM csv_titles AS csv
FULL JOIN tmdb_titles AS tmdb
  ON tmdb.imdb_id = csv.title_id AND tmdb.kind = csv.kind
ORDER BY
  title_id NULLS LAST
