-- Is there a data line with the right number of fields? None at all means another delimiter.
SELECT count(*) AS well_formed FROM (
    SELECT 1 FROM lines WHERE array_length(string_split(line, '|')) = ${field_count} LIMIT 1
)
