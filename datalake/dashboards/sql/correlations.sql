-- Pearson's r and Spearman's rho of every (outcome, predictor) of the `pairs` table with at least
-- three titles. Spearman's is Pearson's on ranks, tied values sharing their average rank.
WITH ranked AS (
    SELECT
        outcome, predictor, x, y,
        rank() OVER (PARTITION BY outcome, predictor ORDER BY x)
            + (count(*) OVER (PARTITION BY outcome, predictor, x) - 1) / 2 AS x_rank,
        rank() OVER (PARTITION BY outcome, predictor ORDER BY y)
            + (count(*) OVER (PARTITION BY outcome, predictor, y) - 1) / 2 AS y_rank
    FROM pairs
)
SELECT
    outcome, predictor, count(*) AS titles,
    corr(y, x) AS pearson, corr(y_rank, x_rank) AS spearman
FROM ranked
GROUP BY outcome, predictor
HAVING count(*) >= 3
ORDER BY outcome, predictor
