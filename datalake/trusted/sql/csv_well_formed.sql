-- Data lines with the right number of fields: none at all means another delimiter.
SELECT count(*) FROM lines WHERE len(string_split(line, '|')) = ${field_count}
