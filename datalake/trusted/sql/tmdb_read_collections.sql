-- The newest answer for every collection (franchise) in the raw collections files.
CREATE OR REPLACE TEMP TABLE collections AS
SELECT data.id AS collection_id, data
FROM raw_collections
QUALIFY row_number() OVER (
    PARTITION BY data.id ORDER BY CAST("fetch".fetched_at AS TIMESTAMP) DESC, filename DESC
) = 1
