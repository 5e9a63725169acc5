-- The two CSV-derived Trusted tables (one row per title x artist) as one, and per title.
CREATE OR REPLACE TEMP VIEW csv_rows AS
SELECT 'movie' AS kind, * FROM local_movies
UNION ALL BY NAME
SELECT 'series' AS kind, * FROM local_series;

-- Title columns repeat on every artist row; min() picks one deterministically.
CREATE OR REPLACE TEMP VIEW csv_titles AS
SELECT
    title_id,
    kind,
    min(primary_title) AS primary_title,
    min(original_title) AS original_title,
    min(release_year) AS release_year,
    min(end_year) AS end_year,
    min(runtime_minutes) AS runtime_minutes,
    min(genres) AS genres,
    min(average_rating) AS imdb_rating,
    max(num_votes) AS imdb_votes
FROM csv_rows
GROUP BY title_id, kind;

-- An artist is a name and a birth year (two artists sharing both are taken for one).
CREATE OR REPLACE TEMP VIEW csv_people AS
SELECT
    person_key(artist_name, birth_year) AS person_id,
    artist_name AS name,
    birth_year,
    max(death_year) AS death_year,
    arg_min(professions, title_id) AS professions
FROM csv_rows
WHERE artist_name IS NOT NULL
GROUP BY artist_name, birth_year;
