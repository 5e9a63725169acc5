-- The reconciliation check's own count of the raw file: data lines and distinct data lines.
SELECT count(line) AS data_rows, count(DISTINCT line) AS distinct_rows
FROM raw_lines(?)
