-- result
/* One row per title: what IMDb (the CSV) and TMDB measure, and what follows from them. */
/* `processing_year` (a bound variable) ends the run of a series still on the air; a series */
/* neither ended nor running (its end year was impossible) has unknown years on the air. */
SELECT
  title.title_id,
  title.kind,
  title.release_year AS year,
  csv.imdb_rating,
  csv.imdb_votes,
  tmdb.vote_average AS tmdb_vote_average,
  tmdb.vote_count AS tmdb_vote_count,
  tmdb.popularity AS tmdb_popularity,
  tmdb.budget,
  tmdb.revenue,
  tmdb.revenue - tmdb.budget AS profit,
  ROUND(
    CASE
      WHEN tmdb.budget = 0
      THEN (
        tmdb.revenue - tmdb.budget
      ) * CAST('Infinity' AS DOUBLE)
      ELSE TRY_DIVIDE((
        tmdb.revenue - tmdb.budget
      ), tmdb.budget)
    END,
    4
  ) AS roi,
  title.runtime_minutes,
  tmdb.seasons,
  tmdb.episodes,
  ROUND(
    CASE
      WHEN NULLIF(tmdb.seasons, 0) = 0
      THEN NULLIF(tmdb.episodes, 0) * CAST('Infinity' AS DOUBLE)
      ELSE TRY_DIVIDE(NULLIF(tmdb.episodes, 0), NULLIF(tmdb.seasons, 0))
    END,
    2
  ) AS episodes_per_season,
  CASE
    WHEN title.kind <> 'series'
    THEN NULL
    WHEN NOT title.end_year IS NULL
    THEN title.end_year - title.release_year + 1
    WHEN title.running
    THEN GREATEST(:processing_year, title.release_year) - title.release_year + 1
  END AS years_running,
  tmdb.in_production,
  COALESCE(
    ARRAY_MAX(
      TRANSFORM(
        title.genres,
        genre -> ARRAYS_OVERLAP(
          ARRAY(LOWER(genre)) || TRANSFORM(SPLIT(LOWER(genre), CONCAT('\\Q', '&', '\\E')), part -> TRIM(part)),
          TRANSFORM(:genres, wanted -> LOWER(wanted))
        )
      )
    ),
    FALSE
  ) AS in_configured_genres
FROM dim_title AS title
LEFT JOIN csv_titles AS csv
  ON csv.title_id = title.title_id AND csv.kind = title.kind
LEFT JOIN tmdb_titles AS tmdb
  ON tmdb.tmdb_id = title.tmdb_id AND tmdb.kind = title.kind
ORDER BY
  title.title_id NULLS LAST
