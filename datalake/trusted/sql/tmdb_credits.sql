-- One row per credit: the cast, the crew and (series) the creators, told apart by credit_type.
SELECT tmdb_id, 'cast' AS credit_type, c.credit_id, c.id AS person_id, c.name AS person_name,
       c.gender, c.character AS character_name, c.order AS cast_order,
       NULL AS department, NULL AS job
FROM (SELECT tmdb_id, unnest(data.credits.cast) AS c FROM titles)
UNION ALL
SELECT tmdb_id, 'crew', c.credit_id, c.id, c.name, c.gender, NULL, NULL, c.department, c.job
FROM (SELECT tmdb_id, unnest(data.credits.crew) AS c FROM titles)
UNION ALL
SELECT tmdb_id, 'creator', c.credit_id, c.id, c.name, c.gender, NULL, NULL, 'Creator', 'Creator'
FROM (SELECT tmdb_id, unnest(creators) AS c FROM titles)
ORDER BY tmdb_id, credit_type, cast_order NULLS LAST, credit_id
