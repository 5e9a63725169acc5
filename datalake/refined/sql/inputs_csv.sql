-- The two CSV-derived Trusted tables (one row per title x artist) as one, and per title.
CREATE OR REPLACE TEMP VIEW csv_rows AS
SELECT 'movie' AS kind, * FROM local_movies
UNION ALL BY NAME
SELECT 'series' AS kind, * FROM local_series;

-- Title columns repeat on every artist row; min() picks one deterministically (max() for votes).
-- A series with no end year (`\N`) is still running. Impossible values read as unknown: a
-- runtime of 0 minutes, an end year before the release year (then the series is not taken for
-- running either, so its years on the air are unknown).
CREATE OR REPLACE TEMP VIEW csv_titles AS
SELECT
    *,
    CASE WHEN kind = 'series' THEN listed_end_year IS NULL END AS running,
    CASE WHEN listed_end_year >= release_year THEN listed_end_year END AS end_year
FROM (
    SELECT
        title_id,
        kind,
        min(primary_title) AS primary_title,
        min(original_title) AS original_title,
        min(release_year) AS release_year,
        min(end_year) AS listed_end_year,
        nullif(min(runtime_minutes), 0) AS runtime_minutes,
        min(genres) AS genres,
        min(average_rating) AS imdb_rating,
        max(num_votes) AS imdb_votes
    FROM csv_rows
    GROUP BY title_id, kind
);

-- An artist is a name and a birth year (two artists sharing both are taken for one). Rows of
-- one artist may disagree: the latest death year wins, and the professions of the artist's
-- first title (by IMDb id), the alphabetically first list when that title has two.
CREATE OR REPLACE TEMP VIEW csv_people AS
SELECT
    person_key(artist_name, birth_year) AS person_id,
    artist_name AS name,
    birth_year,
    max(death_year) AS death_year,
    arg_min(professions, (title_id, array_to_string(professions, ','))) AS professions
FROM csv_rows
WHERE artist_name IS NOT NULL
GROUP BY artist_name, birth_year;
