-- TMDB movies and series as one table of titles with the CSV's column names, at most one per
-- IMDb id and kind (the one fetched for the CSV first, then the most voted). Impossible values
-- read as unknown: a runtime of 0 minutes, a last air year before the first.
CREATE OR REPLACE TEMP VIEW tmdb_titles AS
SELECT *
FROM (
    SELECT
        'movie' AS kind, tmdb_id, imdb_id, title, original_title,
        year(release_date) AS release_year, nullif(runtime_minutes, 0) AS runtime_minutes, genres,
        collection_id, collection_name, popularity, vote_average, vote_count, budget, revenue,
        fetch_origin
    FROM tmdb_movies
    UNION ALL BY NAME
    SELECT
        'series' AS kind, tmdb_id, imdb_id, title, original_title,
        year(first_air_date) AS release_year,
        CASE WHEN NOT in_production AND year(last_air_date) >= year(first_air_date)
            THEN year(last_air_date) END AS end_year,
        nullif(CAST(round(episode_runtime_minutes) AS INTEGER), 0) AS runtime_minutes, genres,
        popularity, vote_average, vote_count, in_production, seasons, episodes, fetch_origin
    FROM tmdb_series
)
QUALIFY imdb_id IS NULL OR row_number() OVER (
    PARTITION BY kind, imdb_id
    ORDER BY fetch_origin = 'csv' DESC, vote_count DESC NULLS LAST, tmdb_id
) = 1;
