-- Valid first occurrences as typed rows. UNNEST of a one-element list keeps the optimizer from
-- copying `fields(line)` into every check of the filter, which would split each line ten times.
COPY (
    SELECT ${columns}
    FROM (
        SELECT unnest([fields(line)]) AS fields
        FROM lines
        WHERE line IS NOT NULL AND NOT duplicate
    )
    WHERE ${valid}
) TO $target (FORMAT parquet, COMPRESSION zstd)
