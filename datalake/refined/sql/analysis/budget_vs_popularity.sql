-- Orçamento x popularidade: os filmes de maior orçamento são os mais populares no TMDB?
-- Budget vs popularity: are the movies with the biggest budgets the most popular on TMDB?
-- Movies of the configured genres with a known budget and TMDB popularity, per decade of release
-- (scope 'decade') and all together (scope 'all', decade NULL): how many, their mean budget and
-- popularity, Spearman's rank correlation (tied values share their mean rank) and Pearson's r.
-- A correlation over fewer than 3 movies or a constant column is NULL: undefined, not zero.
WITH movies AS (
    SELECT period.decade, CAST(fact.budget AS DOUBLE) AS budget, fact.tmdb_popularity
    FROM fact_title_metrics AS fact
    LEFT JOIN dim_period AS period ON period.year = fact.year
    WHERE fact.kind = 'movie' AND fact.in_configured_genres
      AND fact.budget IS NOT NULL AND fact.tmdb_popularity IS NOT NULL
),
scoped AS (
    SELECT 'decade' AS scope, decade, budget, tmdb_popularity FROM movies WHERE decade IS NOT NULL
    UNION ALL
    SELECT 'all' AS scope, NULL AS decade, budget, tmdb_popularity FROM movies
),
ranked AS (
    SELECT
        *,
        rank() OVER (PARTITION BY scope, decade ORDER BY budget)
            + (count(*) OVER (PARTITION BY scope, decade, budget) - 1) / 2 AS budget_rank,
        rank() OVER (PARTITION BY scope, decade ORDER BY tmdb_popularity)
            + (count(*) OVER (PARTITION BY scope, decade, tmdb_popularity) - 1) / 2
            AS popularity_rank
    FROM scoped
)
SELECT
    scope,
    decade,
    count(*) AS movies,
    round(avg(budget), 0) AS mean_budget,
    round(avg(tmdb_popularity), 3) AS mean_popularity,
    CASE WHEN count(*) >= 3 AND var_pop(budget_rank) > 0 AND var_pop(popularity_rank) > 0
        THEN round(corr(budget_rank, popularity_rank), 4) END AS spearman_rho,
    CASE WHEN count(*) >= 3 AND var_pop(budget) > 0 AND var_pop(tmdb_popularity) > 0
        THEN round(corr(budget, tmdb_popularity), 4) END AS pearson_r
FROM ranked
GROUP BY scope, decade
ORDER BY scope DESC, decade
