-- One row per title: the newest fetch wins (a tie goes to the later file), so a refetch replaces
-- the older answer.
CREATE OR REPLACE TEMP TABLE titles AS
SELECT data.id AS tmdb_id, *
FROM records
QUALIFY row_number() OVER (PARTITION BY data.id ORDER BY fetched_at DESC, filename DESC) = 1
