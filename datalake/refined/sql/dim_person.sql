-- One row per person: the CSV's artists (with the TMDB id of the creator they were matched to)
-- and the TMDB creators no artist stands for.
WITH matched AS (
    SELECT person_id, min(tmdb_person_id) AS tmdb_person_id
    FROM tmdb_creators
    GROUP BY person_id
)
SELECT person_id, name, birth_year, death_year, professions, tmdb_person_id
FROM csv_people LEFT JOIN matched USING (person_id)
UNION ALL
SELECT person_id, min(name), NULL, NULL, NULL, min(tmdb_person_id)
FROM tmdb_creators
WHERE person_id NOT IN (SELECT person_id FROM csv_people)
GROUP BY person_id
ORDER BY person_id
