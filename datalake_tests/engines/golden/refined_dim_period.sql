-- result
/* One row per year, from the earliest release to the processing year (or the latest end year, */
/* if later), with no gaps, so a trend over years or decades is one join away and shows the years */
/* without titles too. */
SELECT
  CAST(year AS SMALLINT) AS year,
  CAST(year DIV 10 * 10 AS SMALLINT) AS decade,
  CAST(year DIV 10 * 10 AS STRING) || 's' AS decade_label,
  CAST(year DIV 100 + 1 AS SMALLINT) AS century,
  year = :processing_year AS is_processing_year
FROM (
  SELECT
    EXPLODE(
      SEQUENCE(
        COALESCE(MIN(release_year), :processing_year),
        GREATEST(:processing_year, MAX(end_year), MAX(release_year))
      )
    ) AS year
  FROM dim_title
)
ORDER BY
  year NULLS LAST
