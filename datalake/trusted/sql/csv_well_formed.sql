-- Is there a data line with the right number of fields? None at all means another delimiter.
SELECT count(*) FROM (
    SELECT 1 FROM lines WHERE len(string_split(line, '|')) = ${field_count} LIMIT 1
)
