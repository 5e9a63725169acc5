-- Valid first occurrences as typed rows. The LIMIT (every row) fences the checks off: without it
-- DuckDB pushes them below the field extraction and splits each line once per check.
SELECT ${columns}
FROM (
    SELECT ${fields}, array_length(fields) AS field_count
    FROM (SELECT fields(line) AS fields FROM lines)
    LIMIT 9223372036854775807
)
WHERE ${valid}
