-- Invalid first occurrences with their line number, the line as read and every reason found.
SELECT
    line_number,
    line,
    CASE WHEN field_count <> ${field_count}
         THEN 'expected ${field_count} fields, found ' || field_count
         ELSE concat_ws('; ', ${reasons})
    END AS reason
FROM (
    SELECT line_number, line, ${fields}, array_length(fields) AS field_count
    FROM (SELECT line_number, line, fields(line) AS fields FROM lines)
    LIMIT 9223372036854775807
)
WHERE NOT (${valid})
ORDER BY line_number
