-- Movie runtime and series episodes per season, on average per decade of release.
SELECT
    title.kind,
    title.decade,
    count(*) AS titles,
    avg(fact.runtime_minutes) AS runtime_minutes,
    avg(fact.episodes_per_season) AS episodes_per_season
FROM dim_title AS title JOIN fact_title_metrics AS fact USING (title_id)
WHERE fact.in_configured_genres AND title.decade IS NOT NULL
GROUP BY title.kind, title.decade
ORDER BY title.kind, title.decade
