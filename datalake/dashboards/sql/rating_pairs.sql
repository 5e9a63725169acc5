-- Each rating as the predictor of each success measure, for correlations.sql. Both ratings are
-- judged on the same titles: those of the configured genres that have both and the measure.
CREATE OR REPLACE TEMP TABLE pairs AS
WITH outcomes AS (
    UNPIVOT (
        SELECT
            CAST(imdb_rating AS DOUBLE) AS imdb, tmdb_vote_average AS tmdb,
            CAST(revenue AS DOUBLE) AS "movie revenue",
            CAST(roi AS DOUBLE) AS "movie ROI",
            CAST(years_running AS DOUBLE) AS "series years running",
            CAST(seasons AS DOUBLE) AS "series seasons"
        FROM fact_title_metrics
        WHERE in_configured_genres AND imdb_rating IS NOT NULL AND tmdb_vote_average IS NOT NULL
    )
    ON "movie revenue", "movie ROI", "series years running", "series seasons"
    INTO NAME outcome VALUE y
)
SELECT outcome, 'IMDb' AS predictor, imdb AS x, y FROM outcomes
UNION ALL
SELECT outcome, 'TMDB' AS predictor, tmdb AS x, y FROM outcomes
