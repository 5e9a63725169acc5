-- A line's fields, trimmed of surrounding spaces and tabs. Trimming every field would cost a third
-- of the whole transform, so only lines with such whitespace next to a `|` or at an end (or any
-- tab) pay for it.
CREATE OR REPLACE TEMP MACRO fields(line) AS
    CASE WHEN starts_with(line, ' ') OR ends_with(line, ' ') OR contains(line, ' |')
              OR contains(line, '| ') OR contains(line, chr(9))
         THEN list_transform(string_split(line, '|'), field -> trim(field, ' ' || chr(9)))
         ELSE string_split(line, '|')
    END
