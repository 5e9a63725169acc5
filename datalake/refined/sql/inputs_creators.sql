-- TMDB's series creators, each resolved to the CSV artist of that name when exactly one has it
-- (TMDB credits carry no birth year), otherwise to a person of their own.
CREATE OR REPLACE TEMP VIEW tmdb_creators AS
WITH unique_names AS (
    SELECT name, min(person_id) AS person_id FROM csv_people GROUP BY name HAVING count(*) = 1
)
SELECT
    credits.tmdb_id,
    credits.person_id AS tmdb_person_id,
    credits.person_name AS name,
    coalesce(unique_names.person_id, tmdb_person_key(credits.person_id)) AS person_id
FROM tmdb_series_credits AS credits
LEFT JOIN unique_names ON unique_names.name = credits.person_name
WHERE credits.credit_type = 'creator' AND credits.person_name IS NOT NULL;
