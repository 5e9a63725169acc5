-- The newest answer for every collection (franchise) in the raw collections files.
CREATE OR REPLACE TEMP TABLE collections AS
SELECT data.id AS collection_id, data
FROM read_json(?, format = 'array', filename = true, columns = {
    'fetch': 'STRUCT(fetched_at VARCHAR)',
    'data': ${body}
})
QUALIFY row_number() OVER (
    PARTITION BY data.id ORDER BY CAST("fetch".fetched_at AS TIMESTAMP) DESC, filename DESC
) = 1
