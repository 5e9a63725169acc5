-- Duração dos filmes e episódios por temporada das séries, por ano e por década
-- Movie runtime and series episodes per season, by year and by decade
-- For the titles of the configured genres, per kind and period (level 'year': one release year;
-- level 'decade': the ten years from period_start): how many titles, the mean runtime (movies;
-- episode runtime for series) and the mean episodes per season (series), each with the number
-- of titles that have it. A mean over no title is NULL.
WITH titles AS (
    SELECT fact.kind, period.year, period.decade, fact.runtime_minutes, fact.episodes_per_season
    FROM fact_title_metrics AS fact
    JOIN dim_period AS period ON period.year = fact.year
    WHERE fact.in_configured_genres
)
SELECT
    -- One pass for both levels: the year rows and the decade rows are two grouping sets.
    CASE WHEN grouping(year) = 0 THEN 'year' ELSE 'decade' END AS level,
    coalesce(year, decade) AS period_start,
    decade,
    kind,
    count(*) AS titles,
    count(runtime_minutes) AS runtime_titles,
    round(avg(runtime_minutes), 2) AS mean_runtime_minutes,
    count(episodes_per_season) AS season_titles,
    round(avg(episodes_per_season), 2) AS mean_episodes_per_season
FROM titles
GROUP BY GROUPING SETS ((year, decade, kind), (decade, kind))
ORDER BY level, period_start, kind
