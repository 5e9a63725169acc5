-- A data line identical to an earlier one is a duplicate: dropped and counted, never classified.
-- Equal hashes find the few candidates cheaply; equal text decides.
UPDATE lines SET duplicate = true
WHERE rowid IN (
    SELECT rowid
    FROM lines
    WHERE hash(line) IN (
        SELECT hash(line) FROM lines WHERE line IS NOT NULL GROUP BY hash(line) HAVING count(*) > 1
    )
    QUALIFY row_number() OVER (PARTITION BY line ORDER BY rowid) > 1
)
