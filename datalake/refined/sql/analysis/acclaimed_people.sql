-- Pessoas (direção, criação, roteiro, elenco) ligadas a títulos bem avaliados no IMDb e no TMDB
-- People (directors, creators, writers, actors) tied to titles rated highly on IMDb and TMDB
-- One row per person and role group for the titles of the configured genres rated at least 7.5
-- on both IMDb and TMDB (both 0-10 scales): how many such titles, which (by IMDb votes, most
-- first), and their mean ratings. Actors and actresses form one group, `actors`.
WITH acclaimed AS (
    SELECT DISTINCT
        CASE WHEN credit.role IN ('actor', 'actress') THEN 'actors' ELSE credit.role || 's' END
            AS role_group,
        credit.person_id,
        fact.title_id,
        title.primary_title,
        fact.imdb_votes,
        fact.imdb_rating,
        fact.tmdb_vote_average
    FROM bridge_title_person AS credit
    JOIN fact_title_metrics AS fact ON fact.title_id = credit.title_id
    JOIN dim_title AS title ON title.title_id = credit.title_id
    WHERE credit.role IN ('actor', 'actress', 'director', 'creator', 'writer')
      AND fact.in_configured_genres
      AND fact.imdb_rating >= 7.5 AND fact.tmdb_vote_average >= 7.5
)
SELECT
    acclaimed.role_group,
    acclaimed.person_id,
    person.name,
    count(*) AS titles,
    string_agg(acclaimed.primary_title, ' | '
        ORDER BY acclaimed.imdb_votes DESC NULLS LAST, acclaimed.title_id) AS title_names,
    round(avg(acclaimed.imdb_rating), 2) AS mean_imdb_rating,
    round(avg(acclaimed.tmdb_vote_average), 2) AS mean_tmdb_rating
FROM acclaimed
JOIN dim_person AS person ON person.person_id = acclaimed.person_id
GROUP BY acclaimed.role_group, acclaimed.person_id, person.name
ORDER BY acclaimed.role_group, titles DESC, person.name, acclaimed.person_id
