-- Data rows are the non-blank lines after the header.
SELECT count(line) AS data_rows, (SELECT count(*) FROM duplicate_lines) AS duplicate_rows
FROM raw_lines
