-- Nota do IMDb x nota do TMDB: qual acompanha melhor o sucesso (receita, ROI, votos, temporadas,
-- anos no ar)?
-- IMDb vs TMDB rating: which one tracks success (revenue, ROI, votes, seasons, years running)
-- more closely?
-- One row per measure of success and kind, over the titles of the configured genres that have
-- both ratings and that measure: how many titles, Spearman's rank correlation of each rating
-- with the measure (tied values share their mean rank), and which rating is closer (larger
-- |rho|; 'tie' when equal). A correlation over fewer than 3 titles or a constant column is
-- NULL (undefined), and `closer` is then NULL too: an undefined correlation wins nothing.
WITH rated AS (
    SELECT *
    FROM fact_title_metrics
    WHERE in_configured_genres AND imdb_rating IS NOT NULL AND tmdb_vote_average IS NOT NULL
),
measures AS (
    SELECT 'revenue' AS measure, kind, imdb_rating, tmdb_vote_average,
           CAST(revenue AS DOUBLE) AS value
    FROM rated WHERE kind = 'movie'
    UNION ALL
    SELECT 'roi', kind, imdb_rating, tmdb_vote_average, CAST(roi AS DOUBLE)
    FROM rated WHERE kind = 'movie'
    UNION ALL
    SELECT 'imdb_votes', kind, imdb_rating, tmdb_vote_average, CAST(imdb_votes AS DOUBLE)
    FROM rated
    UNION ALL
    SELECT 'seasons', kind, imdb_rating, tmdb_vote_average, CAST(seasons AS DOUBLE)
    FROM rated WHERE kind = 'series'
    UNION ALL
    SELECT 'years_running', kind, imdb_rating, tmdb_vote_average, CAST(years_running AS DOUBLE)
    FROM rated WHERE kind = 'series'
),
ranked AS (
    SELECT
        measure,
        kind,
        rank() OVER (PARTITION BY measure, kind ORDER BY imdb_rating)
            + (count(*) OVER (PARTITION BY measure, kind, imdb_rating) - 1) / 2 AS imdb_rank,
        rank() OVER (PARTITION BY measure, kind ORDER BY tmdb_vote_average)
            + (count(*) OVER (PARTITION BY measure, kind, tmdb_vote_average) - 1) / 2
            AS tmdb_rank,
        rank() OVER (PARTITION BY measure, kind ORDER BY value)
            + (count(*) OVER (PARTITION BY measure, kind, value) - 1) / 2 AS value_rank
    FROM measures
    WHERE value IS NOT NULL
),
correlations AS (
    SELECT
        measure,
        kind,
        count(*) AS titles,
        CASE WHEN count(*) >= 3 AND var_pop(imdb_rank) > 0 AND var_pop(value_rank) > 0
            THEN corr(imdb_rank, value_rank) END AS imdb_rho,
        CASE WHEN count(*) >= 3 AND var_pop(tmdb_rank) > 0 AND var_pop(value_rank) > 0
            THEN corr(tmdb_rank, value_rank) END AS tmdb_rho
    FROM ranked
    GROUP BY measure, kind
)
SELECT
    measure,
    kind,
    titles,
    round(imdb_rho, 4) AS imdb_spearman,
    round(tmdb_rho, 4) AS tmdb_spearman,
    CASE
        WHEN imdb_rho IS NULL OR tmdb_rho IS NULL THEN NULL
        WHEN abs(imdb_rho) > abs(tmdb_rho) THEN 'IMDb'
        WHEN abs(tmdb_rho) > abs(imdb_rho) THEN 'TMDB'
        ELSE 'tie'
    END AS closer
FROM correlations
ORDER BY kind, measure
