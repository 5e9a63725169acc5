-- The data lines, read once. Insertion order is preserved, so rowid + 2 is the line number
-- (line 1 is the header; blank lines are kept as NULL, so the count never shifts).
CREATE OR REPLACE TEMP TABLE lines AS
SELECT line, false AS duplicate
FROM raw_lines(?)
