-- Budget as the predictor of TMDB popularity, for correlations.sql.
CREATE OR REPLACE TEMP TABLE pairs AS
SELECT 'TMDB popularity' AS outcome, 'budget' AS predictor,
       CAST(budget AS DOUBLE) AS x, tmdb_popularity AS y
FROM fact_title_metrics
WHERE in_configured_genres AND kind = 'movie' AND budget > 0 AND tmdb_popularity IS NOT NULL
