-- Data lines identical to an earlier one are duplicates: dropped and counted, never classified.
-- Equal hashes find the few candidates cheaply; equal text decides.
CREATE OR REPLACE TEMP TABLE duplicate_lines AS
SELECT line_number
FROM raw_lines
WHERE hash(line) IN (
    SELECT hash(line) FROM raw_lines WHERE line IS NOT NULL GROUP BY hash(line) HAVING count(*) > 1
)
QUALIFY row_number() OVER (PARTITION BY line ORDER BY line_number) > 1
