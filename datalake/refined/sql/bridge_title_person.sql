-- One row per title, person and role: the CSV's artists (role = their category: actor, actress,
-- director, writer...) and TMDB's series creators (role = creator). An artist credited twice
-- in one role keeps every character.
SELECT
    title_id,
    person_id,
    role,
    string_agg(DISTINCT character_name, ' / ' ORDER BY character_name) AS character_name,
    min(source) AS source
FROM (
    SELECT
        title_id,
        person_key(artist_name, birth_year) AS person_id,
        coalesce(artist_category, 'unknown') AS role,
        character_name,
        'imdb' AS source
    FROM csv_rows
    WHERE artist_name IS NOT NULL
    UNION ALL
    SELECT title.title_id, creator.person_id, 'creator', NULL, 'tmdb'
    FROM tmdb_creators AS creator
    JOIN dim_title AS title ON title.kind = 'series' AND title.tmdb_id = creator.tmdb_id
)
GROUP BY title_id, person_id, role
ORDER BY title_id, person_id, role
