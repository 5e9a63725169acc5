-- result
/* One row per person: the CSV's artists (with the TMDB id of the TMDB person matched to them) */
/* and the TMDB people no artist stands for. Where several candidates exist, the smallest wins: */
/* the smallest TMDB id, and for a TMDB-only person the alphabetically first of their names */
/* (their professions are the roles TMDB credits them with). */
WITH matched AS (
  SELECT
    person_id,
    MIN(tmdb_person_id) AS tmdb_person_id
  FROM tmdb_people
  GROUP BY
    person_id
)
SELECT
  person_id,
  name,
  birth_year,
  death_year,
  professions,
  tmdb_person_id
FROM csv_people
LEFT JOIN matched
  USING (person_id)
UNION ALL
SELECT
  person_id,
  MIN(name),
  NULL,
  NULL,
  ARRAY_SORT(
    ARRAY_DISTINCT(
      CASE
        WHEN SIZE(TRANSFORM(COLLECT_LIST(NAMED_STRUCT('v', role)), __e -> __e.v)) = 0
        THEN NULL
        ELSE TRANSFORM(COLLECT_LIST(NAMED_STRUCT('v', role)), __e -> __e.v)
      END
    )
  ),
  MIN(tmdb_person_id)
FROM tmdb_people
WHERE
  NOT person_id IN (
    SELECT
      person_id
    FROM csv_people
  )
GROUP BY
  person_id
ORDER BY
  person_id NULLS LAST
