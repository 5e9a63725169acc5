-- Data rows are the non-blank lines after the header.
SELECT count(line) AS data_rows, count(*) FILTER (duplicate) AS duplicate_rows
FROM lines
