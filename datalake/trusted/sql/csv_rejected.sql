-- Invalid first occurrences with their line number, the line as read and every reason found.
SELECT
    row_id + 2 AS line_number,
    line,
    CASE WHEN field_count <> ${field_count}
         THEN 'expected ${field_count} fields, found ' || field_count
         ELSE concat_ws('; ', ${reasons})
    END AS reason
FROM (
    SELECT row_id, line, ${fields}, len(fields) AS field_count
    FROM (
        SELECT rowid AS row_id, line, fields(line) AS fields
        FROM lines
        WHERE line IS NOT NULL AND NOT duplicate
    )
    LIMIT 9223372036854775807
)
WHERE NOT (${valid})
ORDER BY line_number
