-- Directors, creators, writers and actors of the titles rated at least ? on IMDb and on TMDB
-- (the roles analysis.acclaimed_people groups).
SELECT DISTINCT
    credit.title_id,
    CASE WHEN credit.role IN ('actor', 'actress') THEN 'actors' ELSE credit.role || 's' END
        AS role_group,
    credit.person_id,
    person.name
FROM bridge_title_person AS credit
JOIN dim_person AS person USING (person_id)
JOIN focus_titles AS title USING (title_id)
WHERE credit.role IN ('actor', 'actress', 'director', 'creator', 'writer')
  AND title.imdb_rating >= ? AND title.tmdb_vote_average >= ?
ORDER BY ALL
