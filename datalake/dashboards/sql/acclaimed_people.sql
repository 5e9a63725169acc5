-- The directors, creators and actors most often credited on titles of the configured genres
-- rated at least ? on IMDb and at least ? on TMDB; the five first of each role.
WITH acclaimed AS (
    SELECT title_id, imdb_rating, tmdb_vote_average
    FROM fact_title_metrics
    WHERE in_configured_genres AND imdb_rating >= ? AND tmdb_vote_average >= ?
),
credited AS (
    SELECT
        CASE WHEN role IN ('actor', 'actress') THEN 'actors' ELSE role || 's' END AS role_group,
        person_id, title_id, imdb_rating, tmdb_vote_average
    FROM bridge_title_person JOIN acclaimed USING (title_id)
    WHERE role IN ('actor', 'actress', 'director', 'creator')
)
SELECT
    role_group,
    person.name,
    count(DISTINCT title_id) AS titles,
    avg(imdb_rating) AS mean_imdb_rating,
    avg(tmdb_vote_average) AS mean_tmdb_rating,
    string_agg(DISTINCT title.primary_title, '; ' ORDER BY title.primary_title) AS title_names,
    (SELECT count(*) FROM acclaimed) AS acclaimed_titles
FROM credited
JOIN dim_person AS person USING (person_id)
JOIN dim_title AS title USING (title_id)
GROUP BY role_group, person_id, person.name
QUALIFY row_number() OVER (
    PARTITION BY role_group ORDER BY titles DESC, mean_imdb_rating DESC, person.name
) <= 5
ORDER BY role_group, titles DESC, mean_imdb_rating DESC, person.name
