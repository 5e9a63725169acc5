-- Sums and counts per genre combination, kind, release year and vote floor: every headline
-- figure and trend of the page adds these up for the filters chosen, so means stay exact.
SELECT
    mask, kind, release_year AS year, floor,
    count(*) AS titles,
    count(imdb_rating) AS rated,
    sum(imdb_rating)::DOUBLE AS rating_sum,
    coalesce(sum(imdb_votes), 0)::BIGINT AS votes,
    count(runtime_minutes) FILTER (kind = 'movie') AS timed,
    coalesce(sum(runtime_minutes) FILTER (kind = 'movie'), 0)::BIGINT AS runtime_sum,
    count(episodes_per_season) FILTER (kind = 'series') AS seasoned,
    coalesce(sum(episodes_per_season) FILTER (kind = 'series'), 0)::DOUBLE AS episodes_sum,
    count(*) FILTER (in_tmdb) AS with_tmdb
FROM focus_titles
GROUP BY ALL
ORDER BY ALL
