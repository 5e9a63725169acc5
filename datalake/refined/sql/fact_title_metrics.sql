-- One row per title: what IMDb (the CSV) and TMDB measure, and what follows from them.
-- `processing_year` (a bound variable) ends the run of a series still on the air; a series
-- neither ended nor running (its end year was impossible) has unknown years on the air.
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
    round((tmdb.revenue - tmdb.budget) / tmdb.budget, 4) AS roi,
    title.runtime_minutes,
    tmdb.seasons,
    tmdb.episodes,
    round(nullif(tmdb.episodes, 0) / nullif(tmdb.seasons, 0), 2) AS episodes_per_season,
    CASE
        WHEN title.kind <> 'series' THEN NULL
        WHEN title.end_year IS NOT NULL THEN title.end_year - title.release_year + 1
        WHEN title.running THEN
            greatest(getvariable('processing_year'), title.release_year) - title.release_year + 1
    END AS years_running,
    tmdb.in_production,
    in_configured_genres(title.genres) AS in_configured_genres
FROM dim_title AS title
LEFT JOIN csv_titles AS csv ON csv.title_id = title.title_id AND csv.kind = title.kind
LEFT JOIN tmdb_titles AS tmdb ON tmdb.tmdb_id = title.tmdb_id AND tmdb.kind = title.kind
ORDER BY title.title_id
