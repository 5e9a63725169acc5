"""Which titles to enrich: the configured genres' titles in a date's raw CSV, most-voted first."""

import duckdb

# The Compass dialect: pipes, no quoting at all (titles may start with `"`), `\N` for null. A title
# repeats once per principal artist, hence the GROUP BY; `genero` is a comma list, so a title
# matches when any of its genres is wanted. A line with too few or too many fields is skipped:
# Trusted quarantines it (with its reason and count), so there is no title of it to enrich.
TITLES_SQL = r"""
SELECT id
FROM read_csv(
    ?, delim='|', quote='', escape='', header=true, nullstr='\N', all_varchar=true,
    ignore_errors=true
)
WHERE list_has_any(string_split(genero, ','), ?::VARCHAR[])
GROUP BY id
ORDER BY max(TRY_CAST(numeroVotos AS BIGINT)) DESC NULLS LAST, id
"""


def csv_titles(con: duckdb.DuckDBPyConnection, uri: str, genres: list[str]) -> list[str]:
    """IMDb ids as they appear in the raw file at `uri` (validated later, before any URL is
    built)."""
    return [row[0] for row in con.execute(TITLES_SQL, [uri, list(genres)]).fetchall()]
