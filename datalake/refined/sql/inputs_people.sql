-- Every TMDB credit (movie and series cast, crew and creators) with its role in the CSV's terms
-- (actor, actress, director, writer, producer, composer, cinematographer, editor, creator; any
-- other crew job as itself in snake_case), each person resolved to the CSV artist of that name
-- when exactly one has it (TMDB credits carry no birth year), otherwise to a person of their own.
CREATE OR REPLACE TEMP VIEW tmdb_people AS
WITH unique_names AS (
    SELECT name, min(person_id) AS person_id FROM csv_people GROUP BY name HAVING count(*) = 1
),
credits AS (
    SELECT 'movie' AS kind, tmdb_id, credit_type, person_id, person_name, gender,
           character_name, department, job
    FROM tmdb_movies_credits
    UNION ALL
    SELECT 'series', tmdb_id, credit_type, person_id, person_name, gender,
           character_name, department, job
    FROM tmdb_series_credits
)
SELECT
    credits.kind,
    credits.tmdb_id,
    credits.person_id AS tmdb_person_id,
    credits.person_name AS name,
    coalesce(unique_names.person_id, tmdb_person_key(credits.person_id)) AS person_id,
    CASE
        WHEN credits.credit_type = 'creator' THEN 'creator'
        WHEN credits.credit_type = 'cast' THEN CASE WHEN credits.gender = 1 THEN 'actress'
                                                    ELSE 'actor' END
        WHEN credits.job = 'Director' THEN 'director'
        WHEN credits.department = 'Writing' THEN 'writer'
        WHEN credits.job IN ('Producer', 'Executive Producer') THEN 'producer'
        WHEN credits.job IN ('Original Music Composer', 'Music', 'Composer') THEN 'composer'
        WHEN credits.job = 'Director of Photography' THEN 'cinematographer'
        WHEN credits.job = 'Editor' THEN 'editor'
        ELSE coalesce(regexp_replace(lower(trim(credits.job)), '[^a-z0-9]+', '_', 'g'), 'crew')
    END AS role,
    credits.credit_type = 'cast' AS acting,
    credits.character_name
FROM credits
LEFT JOIN unique_names ON unique_names.name = credits.person_name
WHERE credits.person_name IS NOT NULL;
