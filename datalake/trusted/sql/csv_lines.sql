-- The lines to classify: non-blank first occurrences, with their line numbers.
CREATE OR REPLACE TEMP VIEW lines AS
SELECT line_number, line
FROM raw_lines
WHERE line IS NOT NULL AND line_number NOT IN (SELECT line_number FROM duplicate_lines)
