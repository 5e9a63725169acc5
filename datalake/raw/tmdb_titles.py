"""Which titles to enrich: the configured genres' titles in a date's raw CSV, most-voted first."""

import duckdb

from datalake.storage import Storage
from datalake.storage.layout import Spec, raw_csv_key

# The Compass dialect: pipes, no quoting at all (titles may start with `"`), `\N` for null. A title
# repeats once per principal artist, hence the GROUP BY; `genero` is a comma list, so a title
# matches when any of its genres is wanted.
TITLES_SQL = r"""
SELECT id
FROM read_csv(?, delim='|', quote='', escape='', header=true, nullstr='\N', all_varchar=true)
WHERE list_has_any(string_split(genero, ','), ?::VARCHAR[])
GROUP BY id
ORDER BY max(TRY_CAST(numeroVotos AS BIGINT)) DESC NULLS LAST, id
"""


def csv_titles(
    con: duckdb.DuckDBPyConnection,
    storage: Storage,
    spec: Spec,
    partition_key: str,
    genres: list[str],
) -> list[str]:
    """IMDb ids as they appear in the file (validated later, before any URL is built)."""
    uri = storage.uri(raw_csv_key(spec, partition_key))
    return [row[0] for row in con.execute(TITLES_SQL, [uri, list(genres)]).fetchall()]
