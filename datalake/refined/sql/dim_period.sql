-- One row per year, from the earliest release to the processing year (or the latest end year,
-- if later), with no gaps, so a trend over years or decades is one join away and shows the years
-- without titles too.
SELECT
    CAST(year AS SMALLINT) AS year,
    CAST(year // 10 * 10 AS SMALLINT) AS decade,
    CAST(year // 10 * 10 AS VARCHAR) || 's' AS decade_label,
    CAST(year // 100 + 1 AS SMALLINT) AS century,
    year = getvariable('processing_year') AS is_processing_year
FROM (
    SELECT unnest(generate_series(
        coalesce(min(release_year), getvariable('processing_year')),
        greatest(getvariable('processing_year'), max(end_year), max(release_year))
    )) AS year
    FROM dim_title
)
ORDER BY year
