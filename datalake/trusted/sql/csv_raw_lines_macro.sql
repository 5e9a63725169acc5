-- The raw file's lines after the header, whole and in file order; a blank line comes as NULL.
-- The delimiter is a Unicode noncharacter, so a line is never split; quote and escape are off
-- because the format has neither (a title may start with `"`).
CREATE OR REPLACE TEMP MACRO raw_lines(uri) AS TABLE
SELECT line
FROM read_csv(uri, columns = {'line': 'VARCHAR'}, delim = chr(65535), quote = '', escape = '',
              header = false, auto_detect = false, skip = 1)
